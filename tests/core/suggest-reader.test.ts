// suggestionReader: reading whole months newest first until it says "enough" must give the
// same suggestion as reading all history.
import { describe, expect, it } from 'vitest';
import { addDays, type LocalDate } from '../../src/core/dates.js';
import { PRINCIPLE_IDS } from '../../src/core/principles.js';
import { suggestionReader, suggestPrinciple, type DayPrinciples } from '../../src/core/suggest.js';

type Days = Record<LocalDate, DayPrinciples>;

/** What Journal.recentDays does: months newest first, each given to `enough`, until it says so. */
function readBack(days: Days, enough: (month: Days) => boolean): { read: Days; months: number } {
  const byMonth = new Map<string, Days>();
  for (const [day, d] of Object.entries(days)) {
    const month = byMonth.get(day.slice(0, 7)) ?? {};
    month[day] = d;
    byMonth.set(day.slice(0, 7), month);
  }
  const read: Days = {};
  let months = 0;
  for (const key of [...byMonth.keys()].sort().reverse()) {
    Object.assign(read, byMonth.get(key));
    months++;
    if (enough(byMonth.get(key)!)) break;
  }
  return { read, months };
}

function random(seed: number): () => number {
  return () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
}

const TODAY = '2025-03-20';

describe('suggestionReader', () => {
  it('stops early yet suggests what all history suggests (random histories, some principles rare or never)', () => {
    const next = random(11);
    let stoppedEarly = 0;
    for (let round = 0; round < 300; round++) {
      const days: Days = {};
      const weights = PRINCIPLE_IDS.map(() => (next() < 0.05 ? 0 : 0.05 + next() * 0.6));
      const span = 10 + Math.floor(next() * 400);
      for (let i = -5; i < span; i++) {
        if (next() < 0.4) continue;
        const picks = PRINCIPLE_IDS.filter((_, k) => next() < weights[k]!);
        if (picks.length > 0) days[addDays(TODAY, -i)] = { principles: picks };
      }
      const mastery = next() < 0.5 ? Object.fromEntries(PRINCIPLE_IDS.map((id) => [id, Math.round(next() * 4) / 4])) : undefined;
      const { read, months } = readBack(days, suggestionReader(TODAY));
      expect(suggestPrinciple(read, TODAY, mastery), `round ${round}`).toEqual(suggestPrinciple(days, TODAY, mastery));
      if (months < new Set(Object.keys(days).map((d) => d.slice(0, 7))).size) stoppedEarly++;
    }
    expect(stoppedEarly).toBeGreaterThan(100);
  });

  it('reads one month when it holds the window and every principle', () => {
    const days: Days = { '2025-03-01': { principles: [...PRINCIPLE_IDS] }, '2025-02-01': { principles: ['trust'] } };
    expect(readBack(days, suggestionReader(TODAY)).months).toBe(1);
  });

  it('reads on past a month that covers the window but misses a principle', () => {
    const days: Days = { '2025-03-01': { principles: ['trust', 'attention', 'wellbeing', 'communication'] }, '2024-11-01': { principles: ['intimacy'] } };
    expect(readBack(days, suggestionReader(TODAY)).months).toBe(2);
  });
});
