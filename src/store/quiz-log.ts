// quiz-log/YYYY-MM.json: the quiz review log, one file a month. Only `harmony quiz` (the
// current month, when it saves an answer) and backups (every month) read it; the check-in
// and stats never do, so a damaged month never blocks them.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { byTime, reviewsProblem, type QuizReview } from '../core/quiz-doc.js';
import { byMonth, QUIZ_LOG_VERSION, withKnown, type QuizLogMonth } from '../core/quiz-log.js';
import { DataError } from '../errors.js';
import type { DocSpec } from './files.js';
import { readSealed, writeSealed } from './sealed.js';
import type { Store } from './index.js';
import { FILES } from './paths.js';

const MONTH_RE = /^(\d{4}-\d{2})\.json$/;
const SEALED_RE = /^(\d{4}-\d{2})\.json\.age$/;

export const quizLogSpec: DocSpec<QuizLogMonth> = {
  version: QUIZ_LOG_VERSION,
  empty: () => ({ schemaVersion: QUIZ_LOG_VERSION, reviews: [] }),
  validate: (doc) => reviewsProblem(doc.reviews, 'reviews'),
};

export function quizLogPath(store: Store, month: string): string {
  return store.path(join(FILES.quizLogDir, `${month}.json`));
}

/** Months that have a log file, oldest first. */
export function quizLogMonths(store: Store): string[] {
  const dir = store.path(FILES.quizLogDir);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new DataError(`Cannot read ${dir}: ${(error as Error).message}.`);
  }
  const re = store.vault.encrypted ? SEALED_RE : MONTH_RE;
  return names.flatMap((n) => re.exec(n)?.[1] ?? []).sort();
}

export async function readQuizMonth(store: Store, month: string): Promise<QuizReview[]> {
  return (await readSealed(store.vault, quizLogPath(store, month), quizLogSpec, 'read your quiz history')).reviews;
}

/** The whole log, month by month (each oldest first). */
export async function readQuizLog(store: Store): Promise<QuizReview[]> {
  const out: QuizReview[] = [];
  for (const m of quizLogMonths(store)) out.push(...(await readQuizMonth(store, m)));
  return out;
}

/**
 * Adds reviews to their month files; call it only inside store.write(). `fresh` ones (just
 * answered) are always added; `known` ones (from a version-1 quiz.json or a backup) only when
 * the month does not hold them yet, so filing them again after a crash adds nothing. Months
 * that would not change are not rewritten.
 */
export async function addToQuizLog(store: Store, known: readonly QuizReview[], fresh: readonly QuizReview[] = []): Promise<void> {
  const knownBy = byMonth(known);
  const freshBy = byMonth(fresh);
  for (const month of [...new Set([...knownBy.keys(), ...freshBy.keys()])].sort()) {
    const existing = await readQuizMonth(store, month);
    const extra = freshBy.get(month) ?? [];
    const reviews = withKnown(existing, knownBy.get(month) ?? []);
    if (reviews.length === existing.length && extra.length === 0) continue;
    await writeSealed(store.vault, quizLogPath(store, month), { schemaVersion: QUIZ_LOG_VERSION, reviews: byTime([...reviews, ...extra]) });
  }
}
