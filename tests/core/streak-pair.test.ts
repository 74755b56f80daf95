// streakPair: the streak before and after a save, from one walk. It must equal streakInfo
// run twice (without and with the saved day) in every case, so it is checked against it.
import { describe, expect, it } from 'vitest';
import { addDays, type LocalDate } from '../../src/core/dates.js';
import { streakInfo, streakPair } from '../../src/core/streaks.js';

/** A small seeded generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Runs of practice with gaps of 1-4 days (so freezes are earned, spent and broken). */
function history(next: () => number, from: LocalDate, span: number): LocalDate[] {
  const days: LocalDate[] = [];
  for (let i = 0; i < span; ) {
    const runLength = 1 + Math.floor(next() * 12);
    for (let j = 0; j < runLength && i < span; j++, i++) days.push(addDays(from, i));
    i += 1 + Math.floor(next() * 4);
  }
  return days;
}

const TODAY = '2025-06-10';

function expectSame(days: LocalDate[], added: LocalDate, today = TODAY): void {
  const pair = streakPair(days, today, added);
  expect(pair.before, `before, adding ${added}`).toEqual(streakInfo(days, today));
  expect(pair.after, `after, adding ${added}`).toEqual(streakInfo([...days, added], today));
}

describe('streakPair', () => {
  it('equals streakInfo without and with the added day, over random histories and days', () => {
    const next = random(7);
    for (let round = 0; round < 300; round++) {
      const span = 5 + Math.floor(next() * 120);
      const days = history(next, addDays(TODAY, -span), span);
      const offset = Math.floor(next() * (span + 10)) - 3; // a few after today, some before the history
      expectSame(days, addDays(TODAY, -offset));
    }
  });

  it('handles today, a day already practised (append), an empty history and a non-date', () => {
    const days = history(random(3), '2025-05-01', 40);
    expectSame(days, TODAY);
    expectSame(days, days[days.length - 1]!);
    expectSame([], TODAY);
    expectSame([], '2025-06-01');
    expectSame(days, '2025-02-30');
  });

  it('gives independent results (changing one leaves the other alone)', () => {
    const days = history(random(5), '2025-04-01', 60);
    const { before, after } = streakPair(days, TODAY, days[days.length - 1]!);
    after.frozenDays.push('x');
    expect(before.frozenDays).not.toContain('x');
  });

  it('rejects a today that is not a date, as streakInfo does', () => {
    expect(() => streakPair([], '2025-13-01', '2025-06-01')).toThrow(/not a date/);
  });
});
