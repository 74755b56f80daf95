// What the quiz knows that the check-in uses: mastery per principle (to break ties when
// suggesting a principle) and how many questions are due (for "what next").
import { loadContent } from '../content/load.js';
import type { PrincipleId } from '../core/principles.js';
import type { Store } from '../store/index.js';
import { readQuiz } from '../store/quiz.js';

export interface QuizHints {
  mastery?: Record<PrincipleId, number>;
  due?: number;
}

/**
 * Empty until a question was answered: then mastery means something. The scheduler (and
 * ts-fsrs) loads only in that case. An unreadable quiz.json never blocks a check-in; the
 * quiz command reports it.
 */
export async function quizHints(store: Store, now: Date): Promise<QuizHints> {
  let quiz;
  try {
    quiz = readQuiz(store);
  } catch {
    return {};
  }
  if (Object.keys(quiz.cards).length === 0) return {};
  const { mastery, dueCount } = await import('../core/mastery.js');
  const questions = loadContent().questions;
  return { mastery: mastery(quiz, questions, now), due: dueCount(quiz, now, questions) };
}
