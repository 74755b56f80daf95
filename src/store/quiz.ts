// quiz.json: the spaced-repetition state of every question answered, and the review log.
import { emptyQuiz, quizProblem, QUIZ_VERSION, type QuizDoc } from '../core/quiz-doc.js';
import { readDoc, writeDoc, type DocSpec } from './files.js';
import type { Store } from './index.js';
import { FILES } from './paths.js';

export type { QuizDoc, QuizCard, QuizReview } from '../core/quiz-doc.js';

export const quizSpec: DocSpec<QuizDoc> = {
  version: QUIZ_VERSION,
  empty: emptyQuiz,
  validate: quizProblem,
};

export function quizFile(store: Store): string {
  return store.path(FILES.quiz);
}

/** The quiz document (empty when no question was ever answered). Lock-free read. */
export function readQuiz(store: Store): QuizDoc {
  return readDoc(quizFile(store), quizSpec);
}

/** Replaces quiz.json. Call it only inside store.write(). */
export function writeQuiz(store: Store, doc: QuizDoc): void {
  writeDoc(quizFile(store), doc);
}

/**
 * Read-modify-write under the lock: `change` gets the current document (re-read inside the
 * lock, so another terminal's answers are kept) and edits it in place.
 */
export async function updateQuiz<T>(store: Store, change: (doc: QuizDoc) => T): Promise<T> {
  return store.write(() => {
    const doc = readQuiz(store);
    const result = change(doc);
    writeQuiz(store, doc);
    return result;
  });
}
