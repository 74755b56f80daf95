// Which questions a quiz asks, in which order, with which choice order. Everything random
// comes from one seeded generator, so `--seed N` replays the same quiz on the same data.
import type { Question } from '../content/types.js';
import type { PrincipleId } from './principles.js';
import type { QuizDoc } from './quiz-doc.js';
import { isDue } from './quiz-schedule.js';

export type Rng = () => number;

/** mulberry32: tiny, fast, good enough to shuffle a quiz; the same seed gives the same run. */
export function seededRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher-Yates on a copy. */
export function shuffle<T>(items: readonly T[], rng: Rng): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Why a question was picked: last answer wrong, due for review, never seen, or reviewed early. */
export type Reason = 'missed' | 'due' | 'new' | 'ahead';

export interface AskedQuestion {
  question: Question;
  reason: Reason;
  /** Display order: order[k] is the index (in content order) of the choice shown as letter k. */
  order: number[];
}

export interface SelectOptions {
  now: Date;
  count: number;
  principle?: PrincipleId;
  /** Only questions that are due or were missed last time. */
  review?: boolean;
}

/**
 * Picks up to `count` distinct questions: missed ones first, then due ones (most overdue
 * first), then new ones, with one place in five kept for a new one while any are left;
 * outside review mode, if still short, the ones due soonest.
 */
export function selectQuestions(questions: readonly Question[], doc: QuizDoc, opts: SelectOptions, rng: Rng): { question: Question; reason: Reason }[] {
  const pool = shuffle(
    questions.filter((q) => !opts.principle || q.principle === opts.principle),
    rng,
  );
  const dueTime = (q: Question) => Date.parse(doc.cards[q.id]!.due);
  const missed: Question[] = [];
  const due: Question[] = [];
  const fresh: Question[] = [];
  const ahead: Question[] = [];
  for (const q of pool) {
    const card = doc.cards[q.id];
    if (!card) fresh.push(q);
    else if (!card.lastCorrect) missed.push(q);
    else if (isDue(card, opts.now)) due.push(q);
    else ahead.push(q);
  }
  // Stable sorts keep the shuffled order among equals.
  for (const group of [missed, due]) group.sort((a, b) => dueTime(a) - dueTime(b));
  ahead.sort((a, b) => dueTime(a) - dueTime(b));
  const reviews = [
    ...missed.map((question) => ({ question, reason: 'missed' as const })),
    ...due.map((question) => ({ question, reason: 'due' as const })),
  ];
  // One place in five is kept for a question not seen yet, while there are any: FSRS brings a
  // first answer back within days, and without a reserved place reviews alone would fill a
  // daily quiz from its fourth day, so most of the bank would never be met (issue 13).
  const count = Math.max(0, opts.count);
  const reserve = opts.review ? 0 : Math.min(fresh.length, Math.ceil(count / 5));
  const first = reviews.slice(0, count - reserve);
  const ranked = [
    ...first,
    ...(opts.review ? [] : fresh.map((question) => ({ question, reason: 'new' as const }))),
    ...reviews.slice(first.length),
    ...(opts.review ? [] : ahead.map((question) => ({ question, reason: 'ahead' as const }))),
  ];
  return ranked.slice(0, count);
}

/** Choice order: shuffled, except true/false, which always shows True then False. */
export function choiceOrder(question: Question, rng: Rng): number[] {
  const indexes = question.choices.map((_, i) => i);
  if (question.kind === 'truefalse') {
    const rank = (i: number) => (/^true$/i.test(question.choices[i]!.text) ? 0 : 1);
    return indexes.sort((a, b) => rank(a) - rank(b));
  }
  return shuffle(indexes, rng);
}

/** The whole quiz: which questions, asked in a shuffled order, each with shuffled choices. */
export function planQuiz(questions: readonly Question[], doc: QuizDoc, opts: SelectOptions, seed: number): AskedQuestion[] {
  const rng = seededRng(seed);
  const picked = shuffle(selectQuestions(questions, doc, opts, rng), rng);
  return picked.map(({ question, reason }) => ({ question, reason, order: choiceOrder(question, rng) }));
}
