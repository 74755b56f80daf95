// The quiz document (quiz.json): per-question scheduling state plus a log of every review.
// Pure: the store reads and writes it, core/quiz-schedule.ts changes it.
import { isValidDate, type LocalDate } from './dates.js';

export const QUIZ_VERSION = 1;

/** FSRS card states, by name so the file reads well. */
export const CARD_STATES = ['new', 'learning', 'review', 'relearning'] as const;
export type CardState = (typeof CARD_STATES)[number];

/** One question's spaced-repetition state (an FSRS card counted in local practice days). */
export interface QuizCard {
  /** The instant the question becomes due: the start (dayStartHour) of `dueDay`, local time. */
  due: string;
  /** The practice day FSRS scheduled it for. */
  dueDay: LocalDate;
  /** The practice day of the last review, and its exact instant. */
  lastDay: LocalDate;
  lastAt: string;
  /** Whether the last answer was right; a missed question comes back first. */
  lastCorrect: boolean;
  stability: number;
  difficulty: number;
  scheduledDays: number;
  reps: number;
  lapses: number;
  state: CardState;
}

/** One answer given, as a review. */
export interface QuizReview {
  question: string;
  /** The instant (ISO, UTC) and the practice day it was given. */
  at: string;
  day: LocalDate;
  correct: boolean;
  /** FSRS rating used: 1 = Again (wrong), 3 = Good (right). */
  rating: 1 | 3;
  /** The choices picked, as indexes into the question's choices in content order. */
  chosen: number[];
  /** The practice day the question was scheduled for after this answer. */
  dueDay: LocalDate;
}

export interface QuizDoc {
  schemaVersion: number;
  /** Question id -> card. Questions never answered have no card. */
  cards: Record<string, QuizCard>;
  /** Every review, oldest first. */
  log: QuizReview[];
}

export function emptyQuiz(): QuizDoc {
  return { schemaVersion: QUIZ_VERSION, cards: {}, log: [] };
}

const isInstant = (v: unknown) => typeof v === 'string' && !Number.isNaN(Date.parse(v));
const isDay = (v: unknown) => typeof v === 'string' && isValidDate(v);
const isCount = (v: unknown) => Number.isInteger(v) && (v as number) >= 0;
const isNumber = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function cardProblem(c: unknown): string | null {
  if (!isRecord(c)) return 'is not an object';
  if (!isInstant(c.due)) return 'due is not a date-time';
  if (!isInstant(c.lastAt)) return 'lastAt is not a date-time';
  if (!isDay(c.dueDay)) return 'dueDay is not a YYYY-MM-DD date';
  if (!isDay(c.lastDay)) return 'lastDay is not a YYYY-MM-DD date';
  if (typeof c.lastCorrect !== 'boolean') return 'lastCorrect is not true/false';
  for (const key of ['stability', 'difficulty'] as const) if (!isNumber(c[key])) return `${key} is not a number`;
  for (const key of ['scheduledDays', 'reps', 'lapses'] as const) if (!isCount(c[key])) return `${key} is not a whole number`;
  if (!(CARD_STATES as readonly unknown[]).includes(c.state)) return `state must be one of ${CARD_STATES.join(', ')}`;
  return null;
}

export function reviewProblem(r: unknown): string | null {
  if (!isRecord(r)) return 'is not an object';
  if (typeof r.question !== 'string' || r.question === '') return 'question is missing';
  if (!isInstant(r.at)) return 'at is not a date-time';
  if (!isDay(r.day)) return 'day is not a YYYY-MM-DD date';
  if (!isDay(r.dueDay)) return 'dueDay is not a YYYY-MM-DD date';
  if (typeof r.correct !== 'boolean') return 'correct is not true/false';
  if (r.rating !== 1 && r.rating !== 3) return 'rating must be 1 or 3';
  if (!Array.isArray(r.chosen) || !r.chosen.every(isCount)) return 'chosen is not a list of choice numbers';
  return null;
}

/** Null when `doc` is a valid quiz document, else what is wrong (with the field's path). Fills in a missing cards or log. */
export function quizProblem(doc: Record<string, unknown>): string | null {
  // A document without cards or log (hand-made, or from an older backup) means none yet.
  doc.cards ??= {};
  doc.log ??= [];
  if (!isRecord(doc.cards)) return 'cards is not a map';
  for (const [id, card] of Object.entries(doc.cards)) {
    const problem = cardProblem(card);
    if (problem) return `cards.${id}: ${problem}`;
  }
  if (!Array.isArray(doc.log)) return 'log is not a list';
  for (const [i, review] of doc.log.entries()) {
    const problem = reviewProblem(review);
    if (problem) return `log[${i}]: ${problem}`;
  }
  return null;
}

/**
 * Merges two quiz documents (for importing a backup): the log is the union of both (a review
 * is the same when question and instant match), and each question keeps the card of whichever
 * side reviewed it last.
 */
export function mergeQuiz(current: QuizDoc, incoming: QuizDoc): QuizDoc {
  const key = (r: QuizReview) => `${r.question}\u0000${r.at}`;
  const seen = new Set(current.log.map(key));
  const log = [...current.log, ...incoming.log.filter((r) => !seen.has(key(r)))];
  log.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const cards = { ...current.cards };
  for (const [id, card] of Object.entries(incoming.cards)) {
    const mine = cards[id];
    if (!mine || Date.parse(card.lastAt) > Date.parse(mine.lastAt)) cards[id] = card;
  }
  return { schemaVersion: QUIZ_VERSION, cards, log };
}
