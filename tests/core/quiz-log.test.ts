// The review log's month grouping and the counted "add what is not filed yet".
import { describe, expect, it } from 'vitest';
import type { QuizReview } from '../../src/core/quiz-doc.js';
import { byMonth, withKnown } from '../../src/core/quiz-log.js';

const review = (question: string, at: string, day = at.slice(0, 10), correct = true): QuizReview => ({
  question, at, day, correct, rating: correct ? 3 : 1, chosen: [0], dueDay: day,
});

describe('byMonth', () => {
  it('files a review under the month of its practice day, not of its UTC instant', () => {
    const late = review('a', '2026-02-01T02:00:00.000Z', '2026-01-31'); // dayStartHour 4: still January
    const months = byMonth([review('b', '2026-01-05T10:00:00.000Z'), late, review('c', '2026-02-02T10:00:00.000Z')]);
    expect([...months.keys()]).toEqual(['2026-01', '2026-02']);
    expect(months.get('2026-01')!.map((r) => r.question)).toEqual(['b', 'a']);
  });
});

describe('withKnown', () => {
  const t = '2026-01-05T10:00:00.000Z';
  it('adds only what is not there yet, oldest first', () => {
    const existing = [review('a', t), review('b', '2026-01-07T10:00:00.000Z')];
    expect(withKnown(existing, existing)).toEqual(existing);
    const early = review('c', '2026-01-01T10:00:00.000Z');
    expect(withKnown(existing, [early, existing[1]!])).toEqual([early, ...existing]);
  });

  it('counts equal reviews (same question and instant) instead of collapsing them', () => {
    const once = [review('a', t)];
    const twice = [review('a', t), review('a', t, undefined, false)];
    expect(withKnown(once, twice).map((r) => r.correct)).toEqual([true, false]);
    expect(withKnown(twice, twice)).toHaveLength(2);
    expect(withKnown([], twice)).toEqual(twice);
  });
});
