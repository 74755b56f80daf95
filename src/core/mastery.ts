// Progress from the quiz: mastery per principle and what is due. Used by the quiz summary,
// the check-in (weakest principle) and stats (bars).
import type { Question } from '../content/types.js';
import { daysBetween, type LocalDate } from './dates.js';
import { PRINCIPLE_IDS, type PrincipleId } from './principles.js';
import type { QuizDoc } from './quiz-doc.js';
import { isDue, recall } from './quiz-schedule.js';

/**
 * Mastery of each principle, 0..1: the average, over ALL of its questions in the bank, of the
 * chance of answering right now (FSRS recall). Unseen and last-missed questions count 0, so
 * mastery grows by covering a principle and holds only while reviews keep up.
 */
export function mastery(quiz: QuizDoc, questions: readonly Question[], now: Date): Record<PrincipleId, number> {
  const sums = Object.fromEntries(PRINCIPLE_IDS.map((id) => [id, { total: 0, n: 0 }])) as Record<PrincipleId, { total: number; n: number }>;
  for (const q of questions) {
    const bucket = sums[q.principle];
    if (!bucket) continue;
    bucket.n += 1;
    bucket.total += recall(quiz.cards[q.id], now);
  }
  return Object.fromEntries(
    PRINCIPLE_IDS.map((id) => [id, sums[id].n === 0 ? 0 : Math.round((sums[id].total / sums[id].n) * 1000) / 1000]),
  ) as Record<PrincipleId, number>;
}

export { dueCount } from './quiz-doc.js';

export interface DueSummary {
  /** Due now. */
  now: number;
  /** Missed last time (they come first in the next quiz, even before they are due). */
  missed: number;
  /** The next practice day something becomes due, when it starts, and how many then. */
  next: { day: LocalDate; at: string; count: number } | null;
}

export function dueSummary(quiz: QuizDoc, questions: readonly Question[], now: Date): DueSummary {
  const known = new Set(questions.map((q) => q.id));
  const cards = Object.entries(quiz.cards).filter(([id]) => known.has(id)).map(([, card]) => card);
  const later = cards.filter((c) => !isDue(c, now)).sort((a, b) => Date.parse(a.due) - Date.parse(b.due));
  const first = later[0];
  return {
    now: cards.filter((c) => isDue(c, now)).length,
    missed: cards.filter((c) => !c.lastCorrect).length,
    next: first ? { day: first.dueDay, at: first.due, count: later.filter((c) => c.dueDay === first.dueDay).length } : null,
  };
}

/** "today", "tomorrow", "in 3 days (2026-05-14)": when a practice day comes, seen from today. */
export function whenText(day: LocalDate, today: LocalDate): string {
  const days = daysBetween(today, day);
  if (days <= 0) return 'today';
  if (days === 1) return `tomorrow (${day})`;
  return `in ${days} days (${day})`;
}

/** The principle with the lowest mastery (ties: lesson order), for suggestions. */
export function weakestPrinciple(scores: Record<PrincipleId, number>): PrincipleId {
  return PRINCIPLE_IDS.reduce((best, id) => (scores[id] < scores[best] ? id : best), PRINCIPLE_IDS[0]!);
}
