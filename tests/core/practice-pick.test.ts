import { describe, expect, it } from 'vitest';
import type { Practice } from '../../src/content/types.js';
import { addDays } from '../../src/core/dates.js';
import { markOffered, nextPractice } from '../../src/core/practice-pick.js';

const pool = (n: number): Practice[] =>
  Array.from({ length: n }, (_, i) => ({ id: `trust-p${i}`, principle: 'trust', text: `Practice ${i}`, why: 'Because.', minutes: 5 }));

describe('nextPractice', () => {
  it('offers never-offered practices first, in content order, then the one offered longest ago', () => {
    const p = pool(3);
    expect(nextPractice(p, {})!.id).toBe('trust-p0');
    expect(nextPractice(p, { 'trust-p0': '2025-01-01' })!.id).toBe('trust-p1');
    expect(nextPractice(p, { 'trust-p0': '2025-01-03', 'trust-p1': '2025-01-01', 'trust-p2': '2025-01-02' })!.id).toBe('trust-p1');
  });

  it('"another one" skips what was shown, then starts over without repeating the last shown', () => {
    const p = pool(3);
    expect(nextPractice(p, {}, ['trust-p0'])!.id).toBe('trust-p1');
    expect(nextPractice(p, {}, ['trust-p0', 'trust-p1'])!.id).toBe('trust-p2');
    expect(nextPractice(p, {}, ['trust-p0', 'trust-p1', 'trust-p2'])!.id).not.toBe('trust-p2');
    expect(nextPractice(pool(1), {}, ['trust-p0'])!.id).toBe('trust-p0');
    expect(nextPractice([], {})).toBeUndefined();
  });

  it('never repeats a practice until all of its principle have been offered, whatever is taken or asked for', () => {
    // A random walk: each day 1-3 practices are shown (asking for another), over 400 days.
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const p = pool(30);
    const offered: Record<string, string> = {};
    const sinceCycle = new Set<string>();
    let day = '2025-01-01';
    for (let i = 0; i < 400; i++, day = addDays(day, 1)) {
      if (random() < 0.6) continue; // the principle is not today's
      const shown: string[] = [];
      const asks = 1 + Math.floor(random() * 3);
      for (let k = 0; k < asks; k++) {
        const next = nextPractice(p, offered, shown)!;
        if (sinceCycle.size === p.length) sinceCycle.clear();
        expect(sinceCycle.has(next.id), `${next.id} repeated on ${day} before the cycle ended`).toBe(false);
        sinceCycle.add(next.id);
        shown.push(next.id);
      }
      markOffered(offered, shown, day);
    }
  });
});
