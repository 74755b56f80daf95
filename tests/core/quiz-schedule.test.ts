// Scheduling: FSRS reviews counted in local practice days.
import { describe, expect, it } from 'vitest';
import type { Question } from '../../src/content/types.js';
import { addDays, practiceDay } from '../../src/core/dates.js';
import { dueCount } from '../../src/core/mastery.js';
import { emptyQuiz, type QuizDoc } from '../../src/core/quiz-doc.js';
import { dayStartInstant, isDue, recall, recordAnswer, type DayRule } from '../../src/core/quiz-schedule.js';
import { selectQuestions, seededRng } from '../../src/core/quiz-select.js';

const question = (id: string): Question => ({
  id,
  principle: 'trust',
  kind: 'single',
  section: 'S',
  prompt: `Prompt ${id}?`,
  choices: [
    { text: 'right', correct: true, why: 'because' },
    { text: 'wrong', correct: false, why: 'because not' },
    { text: 'also wrong', correct: false, why: 'no' },
  ],
  explanation: 'E',
});

const UTC: DayRule = { dayStartHour: 0, timeZone: 'UTC' };
const at = (iso: string) => new Date(iso);

describe('recordAnswer', () => {
  it('brings a missed question back before a known one', () => {
    const doc = emptyQuiz();
    const now = at('2026-05-04T10:00:00Z');
    recordAnswer(doc, question('known'), [0], true, now, UTC);
    recordAnswer(doc, question('missed'), [1], false, now, UTC);
    expect(doc.cards.missed!.dueDay).toBe('2026-05-05');
    expect(doc.cards.known!.dueDay > doc.cards.missed!.dueDay).toBe(true);
    // The next day, only the missed one is due; selection puts it first either way.
    const tomorrow = at('2026-05-05T10:00:00Z');
    expect(isDue(doc.cards.missed!, tomorrow)).toBe(true);
    expect(isDue(doc.cards.known!, tomorrow)).toBe(false);
    const picked = selectQuestions([question('known'), question('missed')], doc, { now: tomorrow, count: 2 }, seededRng(1));
    expect(picked.map((p) => p.question.id)).toEqual(['missed', 'known']);
    expect(picked.map((p) => p.reason)).toEqual(['missed', 'ahead']);
  });

  it('moves the due date further out after each right answer given when due', () => {
    const doc = emptyQuiz();
    const q = question('q');
    let now = at('2026-01-10T09:00:00Z');
    const intervals: number[] = [];
    const reviews = [];
    for (let i = 0; i < 5; i++) {
      const review = recordAnswer(doc, q, [0], true, now, UTC);
      reviews.push(review);
      const card = doc.cards.q!;
      intervals.push(Math.round((Date.parse(card.due) - now.getTime()) / 86_400_000));
      expect(review.dueDay).toBe(card.dueDay);
      now = new Date(Date.parse(card.due) + 9 * 3_600_000); // answer on the day it is due
    }
    for (let i = 1; i < intervals.length; i++) expect(intervals[i]).toBeGreaterThan(intervals[i - 1]!);
    expect(reviews.map((r) => r.at)).toEqual([...new Set(reviews.map((r) => r.at))]); // five distinct answers
    expect(doc.cards.q!.reps).toBe(5);
  });

  it('after a lapse the question comes back the next day, and the lapse is counted', () => {
    const doc = emptyQuiz();
    const q = question('q');
    const first = recordAnswer(doc, q, [0], true, at('2026-01-10T09:00:00Z'), UTC);
    const due = doc.cards.q!.dueDay;
    const second = recordAnswer(doc, q, [2], false, at(`${due}T20:00:00Z`), UTC);
    expect(doc.cards.q!.dueDay).toBe(addDays(due, 1));
    expect(doc.cards.q!.lapses).toBe(1);
    expect(doc.cards.q!.lastCorrect).toBe(false);
    expect([first, second].map((r) => [r.correct, r.rating, r.chosen])).toEqual([[true, 3, [0]], [false, 1, [2]]]);
  });

  it('counts a late-night answer on the practice day it belongs to (dayStartHour)', () => {
    const doc = emptyQuiz();
    const rule: DayRule = { dayStartHour: 4, timeZone: 'UTC' };
    // 02:30 on the 11th is still the practice day of the 10th, so "tomorrow" starts at 04:00 on the 11th.
    const review = recordAnswer(doc, question('q'), [1], false, at('2026-01-11T02:30:00Z'), rule);
    expect(review.day).toBe('2026-01-10');
    expect(doc.cards.q!.dueDay).toBe('2026-01-11');
    expect(doc.cards.q!.due).toBe('2026-01-11T04:00:00.000Z');
  });
});

describe('a question due "tomorrow" is due at the next local day boundary', () => {
  const rule: DayRule = { dayStartHour: 4, timeZone: 'America/New_York' };

  it('across a clock change, at 04:00 local wall-clock time', () => {
    const doc: QuizDoc = emptyQuiz();
    // Saturday 7 March 2026, 23:00 EST; clocks go forward that night (2:00 -> 3:00).
    const review = recordAnswer(doc, question('q'), [1], false, at('2026-03-08T04:00:00Z'), rule);
    expect(review.day).toBe('2026-03-07');
    expect(doc.cards.q!.dueDay).toBe('2026-03-08');
    // 04:00 EDT = 08:00 UTC (not 09:00, which plain 24-hour arithmetic from EST would give).
    expect(doc.cards.q!.due).toBe('2026-03-08T08:00:00.000Z');
    expect(dueCount(doc, at('2026-03-08T07:59:59Z'))).toBe(0);
    expect(dueCount(doc, at('2026-03-08T08:00:00Z'))).toBe(1);
    expect(practiceDay(at('2026-03-08T08:00:00Z'), 4, 'America/New_York')).toBe('2026-03-08');
  });

  it('one minute later when answered just before midnight with dayStartHour 0', () => {
    const doc = emptyQuiz();
    const midnightRule: DayRule = { dayStartHour: 0, timeZone: 'Europe/Berlin' };
    recordAnswer(doc, question('q'), [1], false, at('2026-06-01T21:59:00Z'), midnightRule); // 23:59 CEST
    expect(doc.cards.q!.due).toBe('2026-06-01T22:00:00.000Z');
    expect(dueCount(doc, at('2026-06-01T21:59:59Z'))).toBe(0);
    expect(dueCount(doc, at('2026-06-01T22:00:00Z'))).toBe(1);
  });
});

describe('dayStartInstant', () => {
  it('is dayStartHour:00 local time, even on the days clocks change', () => {
    expect(dayStartInstant('2026-07-01', 4, 'America/New_York').toISOString()).toBe('2026-07-01T08:00:00.000Z');
    expect(dayStartInstant('2026-01-01', 4, 'America/New_York').toISOString()).toBe('2026-01-01T09:00:00.000Z');
    // 02:00 does not exist on 8 March 2026 in New York: the day starts when the clock jumps to 03:00 EDT.
    expect(dayStartInstant('2026-03-08', 2, 'America/New_York').toISOString()).toBe('2026-03-08T07:00:00.000Z');
    // 01:00 happens twice on 1 November 2026: the day starts at the first one (EDT).
    expect(dayStartInstant('2026-11-01', 1, 'America/New_York').toISOString()).toBe('2026-11-01T05:00:00.000Z');
    expect(dayStartInstant('2026-03-29', 0, 'Europe/Berlin').toISOString()).toBe('2026-03-28T23:00:00.000Z');
  });

  it('uses the system time zone when none is given', () => {
    const start = dayStartInstant('2026-05-10', 3);
    expect(start.getFullYear()).toBe(2026);
    expect([start.getMonth(), start.getDate(), start.getHours(), start.getMinutes()]).toEqual([4, 10, 3, 0]);
  });
});

describe('recall', () => {
  it('is 0 for unseen and missed questions, near 1 right after a right answer, and fades', () => {
    const doc = emptyQuiz();
    const now = at('2026-01-10T09:00:00Z');
    expect(recall(undefined, now)).toBe(0);
    recordAnswer(doc, question('right'), [0], true, now, UTC);
    recordAnswer(doc, question('wrong'), [1], false, now, UTC);
    expect(recall(doc.cards.wrong, now)).toBe(0);
    const fresh = recall(doc.cards.right, now);
    const later = recall(doc.cards.right, at('2026-01-20T09:00:00Z'));
    expect(fresh).toBeCloseTo(1, 5);
    expect(later).toBeLessThan(0.9);
    expect(later).toBeGreaterThan(0);
  });
});
