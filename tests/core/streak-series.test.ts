// streakSeries: the streak on each of a run of days, from one parse and one shared walk. It
// must equal streakInfo on each day, so it is checked against it over random histories.
import { describe, expect, it } from 'vitest';
import { addDays, type LocalDate } from '../../src/core/dates.js';
import { streakInfo, streakPair, streakSeries } from '../../src/core/streaks.js';

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

describe('days given as month lists (DayChunks, what the day index hands over)', () => {
  /** Splits days into lists by month, in the order they come (a month may appear twice, as a hand-edited file can). */
  const chunked = (days: LocalDate[]) => {
    const chunks: LocalDate[][] = [];
    for (const d of days) {
      const last = chunks[chunks.length - 1];
      if (last && last[0]!.slice(0, 7) === d.slice(0, 7)) last.push(d);
      else chunks.push([d]);
    }
    return { chunks };
  };

  it('give what the flat list gives, in streakInfo, streakPair and streakSeries', () => {
    const next = random(29);
    for (let round = 0; round < 150; round++) {
      const days = history(next, '2024-11-20', 5 + Math.floor(next() * 120));
      if (next() < 0.2) days.push('2025-02-30', 'not a date');
      const c = chunked(days);
      const today = addDays('2024-11-20', Math.floor(next() * 140));
      expect(streakInfo(c, today), `round ${round}`).toEqual(streakInfo(days, today));
      const added = addDays(today, -Math.floor(next() * 5));
      expect(streakPair(c, today, added), `round ${round}`).toEqual(streakPair(days, today, added));
      expect(streakSeries(c, addDays(today, -2), addDays(today, 14))).toEqual(streakSeries(days, addDays(today, -2), addDays(today, 14)));
    }
  });

  it('a list parsed once is not parsed again: a changed month is a new list, and only it is read', () => {
    const days = history(random(5), '2025-01-01', 80);
    const c = chunked(days);
    const before = streakInfo(c, '2025-03-25');
    // The same arrays again: the memo gives the same answer.
    expect(streakInfo(c, '2025-03-25')).toEqual(before);
    // A month saved: a new array for it, the others kept (as DayIndex.dayChunks does).
    const march = c.chunks.length - 1;
    const saved = { chunks: c.chunks.map((chunk, i) => (i === march ? [...chunk, '2025-03-25'] : chunk)) };
    expect(streakInfo(saved, '2025-03-25')).toEqual(streakInfo([...days, '2025-03-25'], '2025-03-25'));
    expect(streakInfo(saved, '2025-03-25').practicedToday).toBe(true);
  });
});
