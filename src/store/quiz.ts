// quiz.json: the spaced-repetition card of every question answered (bounded by the question
// bank, so reading it costs the same at ten years as on day one). The review log is in
// quiz-log/ (store/quiz-log.ts); writes touch the log first, then the cards (see writeQuiz).
import {
  emptyQuiz,
  emptyQuizBackup,
  migrateQuizV1,
  QUIZ_BACKUP_VERSION,
  QUIZ_VERSION,
  quizBackupProblem,
  quizProblem,
  byTime,
  type QuizBackup,
  type QuizDoc,
  type QuizReview,
} from '../core/quiz-doc.js';
import { withKnown } from '../core/quiz-log.js';
import type { DocSpec } from './files.js';
import { readSealed, writeSealed } from './sealed.js';
import type { Store } from './index.js';
import { FILES } from './paths.js';
import { addToQuizLog, readQuizLog } from './quiz-log.js';

export type { QuizBackup, QuizDoc, QuizCard, QuizReview } from '../core/quiz-doc.js';

/** quiz.json. A version-1 file is migrated in memory (its log becomes `unfiled`) and rewritten as version 2 by the next write. */
export const quizSpec: DocSpec<QuizDoc> = {
  version: QUIZ_VERSION,
  migrations: { 2: migrateQuizV1 },
  empty: emptyQuiz,
  validate: quizProblem,
};

/** The `quiz` of a JSON backup: cards and the whole log together. */
export const quizBackupSpec: DocSpec<QuizBackup> = {
  version: QUIZ_BACKUP_VERSION,
  empty: emptyQuizBackup,
  validate: quizBackupProblem,
};

export function quizFile(store: Store): string {
  return store.path(FILES.quiz);
}

/** The cards (empty when no question was ever answered). Lock-free; never reads the log. */
export async function readQuiz(store: Store): Promise<QuizDoc> {
  return readSealed(store.vault, quizFile(store), quizSpec, 'read your quiz history');
}

/**
 * Saves the cards, with `fresh` reviews added to the log. Call it only inside store.write().
 * The log is written first: a crash between the two leaves the answer in the log with the
 * card as it was before (the question is simply asked again), never a card whose review is
 * lost. Reviews still `unfiled` from a version-1 quiz.json go to the log in the same step;
 * if the crash comes before quiz.json is rewritten they are found already filed next time.
 */
export async function writeQuiz(store: Store, doc: QuizDoc, fresh: readonly QuizReview[] = []): Promise<void> {
  await addToQuizLog(store, doc.unfiled ?? [], fresh);
  await writeSealed(store.vault, quizFile(store), { schemaVersion: QUIZ_VERSION, cards: doc.cards });
  delete doc.unfiled;
}

/**
 * Read-modify-write of the cards under the lock: `change` gets the current document (re-read
 * inside the lock, so another terminal's answers are kept) and edits it in place.
 */
export async function updateQuiz<T>(store: Store, change: (doc: QuizDoc) => T): Promise<T> {
  return store.write(async () => {
    const doc = await readQuiz(store);
    const result = change(doc);
    await writeQuiz(store, doc);
    return result;
  });
}

/** Like updateQuiz, for one answer: `answer` updates the card and returns the review to log. */
export async function saveAnswer(store: Store, answer: (doc: QuizDoc) => QuizReview): Promise<QuizReview> {
  return store.write(async () => {
    const doc = await readQuiz(store);
    const review = answer(doc);
    await writeQuiz(store, doc, [review]);
    return review;
  });
}

/** Cards and the whole log, oldest first (for backups). Reads every month of the log. */
export async function readQuizBackup(store: Store): Promise<QuizBackup> {
  const { cards, unfiled = [] } = await readQuiz(store);
  const log = await readQuizLog(store);
  return { schemaVersion: QUIZ_BACKUP_VERSION, cards, log: byTime(unfiled.length > 0 ? withKnown(log, unfiled) : log) };
}

/** Stores a merged history (an import). Call it only inside store.write(); log first, as in writeQuiz. */
export async function writeQuizBackup(store: Store, quiz: QuizBackup): Promise<void> {
  await addToQuizLog(store, quiz.log);
  await writeSealed(store.vault, quizFile(store), { schemaVersion: QUIZ_VERSION, cards: quiz.cards });
}
