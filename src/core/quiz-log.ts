// The quiz review log on disk is one document a month (quiz-log/YYYY-MM.json, by the practice
// day of the answer), so an answer rewrites one month, and only backups read them all.
// Pure helpers for grouping and adding reviews; the store does the reading and writing.
import { byTime, type QuizReview } from './quiz-doc.js';

export const QUIZ_LOG_VERSION = 1;

export interface QuizLogMonth {
  schemaVersion: number;
  /** The month's reviews, oldest first. */
  reviews: QuizReview[];
}

export const reviewMonth = (r: QuizReview): string => r.day.slice(0, 7);

export function byMonth(reviews: readonly QuizReview[]): Map<string, QuizReview[]> {
  const months = new Map<string, QuizReview[]>();
  for (const r of reviews) {
    const list = months.get(reviewMonth(r));
    if (list) list.push(r);
    else months.set(reviewMonth(r), [r]);
  }
  return months;
}

const key = (r: QuizReview) => `${r.question}\u0000${r.at}`;

/**
 * `existing` plus those of `known` it does not hold yet, oldest first. Counted, not a set: a
 * pinned clock (tests, HARMONY_NOW) can log the same question twice at the same instant, and
 * both answers must survive filing; a review already filed (by a write that crashed before
 * quiz.json was rewritten, or the same backup imported twice) is not added again.
 */
export function withKnown(existing: readonly QuizReview[], known: readonly QuizReview[]): QuizReview[] {
  const have = new Map<string, number>();
  for (const r of existing) have.set(key(r), (have.get(key(r)) ?? 0) + 1);
  const added = known.filter((r) => {
    const n = have.get(key(r)) ?? 0;
    if (n > 0) have.set(key(r), n - 1);
    return n === 0;
  });
  return added.length === 0 ? [...existing] : byTime([...existing, ...added]);
}
