// What the quiz knows that the check-in uses: how many questions are due (for "what next")
// and mastery per principle (to break ties when suggesting a principle).
import { loadContent } from '../content/load.js';
import { dueCount } from '../core/quiz-doc.js';
import type { PrincipleId } from '../core/principles.js';
import type { Store } from '../store/index.js';
import { readQuiz, type QuizDoc } from '../store/quiz.js';

export interface QuizHints {
  /** Questions due now; undefined until one was answered. */
  due: () => Promise<number | undefined>;
  /** Mastery per principle; undefined until a question was answered. */
  mastery: () => Promise<Record<PrincipleId, number> | undefined>;
}

/**
 * quiz.json is read once, on first use: a save with --principle and --json never opens it.
 * Mastery needs the scheduler (and ts-fsrs), so it loads only when a principle is suggested;
 * the due count does not. An unreadable quiz.json never blocks a check-in; the quiz
 * command reports it. In an encrypted store that is locked there are no hints.
 */
export function quizHints(store: Store, now: Date): QuizHints {
  let read: QuizDoc | null | undefined;
  const quiz = async () => {
    if (read === undefined) {
      try {
        // Encrypted and locked: no hints (a check-in never asks for the passphrase).
        read = store.vault.readable ? await readQuiz(store) : null;
      } catch {
        read = null;
      }
      if (read && Object.keys(read.cards).length === 0) read = null;
    }
    return read;
  };
  return {
    due: async () => {
      const doc = await quiz();
      return doc ? dueCount(doc, now, loadContent().questions) : undefined;
    },
    mastery: async () => {
      const doc = await quiz();
      if (!doc) return undefined;
      const { mastery } = await import('../core/mastery.js');
      return mastery(doc, loadContent().questions, now);
    },
  };
}
