// streakSeries: the streak on each of a run of days, from one parse and one shared walk. It
// must equal streakInfo on each day, so it is checked against it over random histories.
import { describe, expect, it } from 'vitest';
import { addDays, type LocalDate } from '../../src/core/dates.js';
import { streakInfo, streakSeries } from '../../src/core/streaks.js';

function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Runs of practice with gaps of 1-4 days, in no particular order, with a few repeats. */
function history(next: () => number, from: LocalDate, span: number): LocalDate[] {
  const days: LocalDate[] = [];
  for (let i = 0; i < span; ) {
    const runLength = 1 + Math.floor(next() * 12);
    for (let j = 0; j < runLength && i < span; j++, i++) days.push(addDays(from, i));
    i += 1 + Math.floor(next() * 4);
  }
  if (days.length > 2) days.push(days[1]!);
  return next() < 0.3 ? days.reverse() : days;
}

function expectSeries(days: LocalDate[], from: LocalDate, length: number): void {
  const series = streakSeries(days, from, addDays(from, length - 1));
  expect(series).toHaveLength(length);
  series.forEach((info, i) => expect(info, `day ${i} from ${from}`).toEqual(streakInfo(days, addDays(from, i))));
}

describe('streakSeries', () => {
  it('equals streakInfo on every day, over random histories, before, inside and after them', () => {
    const next = random(11);
    for (let round = 0; round < 200; round++) {
      const span = 3 + Math.floor(next() * 90);
      const start = '2025-01-01';
      const days = history(next, start, span);
      // Series starting before the history, inside it (days after each "today") and after it.
      const from = addDays(start, Math.floor(next() * (span + 20)) - 10);
      expectSeries(days, from, 1 + Math.floor(next() * 20));
    }
  });

  it('handles an empty history, one day, a non-date and an empty range', () => {
    expectSeries([], '2025-06-01', 5);
    expectSeries(['2025-06-03'], '2025-06-01', 6);
    expectSeries(['2025-06-03', 'nonsense', '2025-02-30'], '2025-06-01', 4);
    expect(streakSeries(['2025-06-03'], '2025-06-05', '2025-06-04')).toEqual([]);
  });
});
