// The quiz documents. quiz.json holds only the per-question scheduling state (one card per
// question: bounded by the question bank), so the check-in and stats read a few KB whatever
// the history. The review log, which grows with every answer, lives in month files
// (quiz-log/YYYY-MM.json, see quiz-log.ts). A backup carries both as one QuizBackup.
// Pure: the store reads and writes them, core/quiz-schedule.ts changes them.
import type { Question } from '../content/types.js';
import { isValidDate, type LocalDate } from './dates.js';

/** quiz.json. Version 1 also held the whole log; version 2 holds only the cards. */
export const QUIZ_VERSION = 2;
/** The `quiz` part of a JSON backup: cards plus the whole log (the shape of quiz.json version 1). */
export const QUIZ_BACKUP_VERSION = 1;

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

/** quiz.json as read (version 2). */
export interface QuizDoc {
  schemaVersion: number;
  /** Question id -> card. Questions never answered have no card. */
  cards: Record<string, QuizCard>;
  /**
   * Only when the file on disk is still version 1: its log, not yet moved to quiz-log/. The
   * next write of quiz.json files these reviews first, then drops them from quiz.json.
   */
  unfiled?: QuizReview[];
}

/** Cards and the whole log, oldest first: a backup's `quiz`, and what an import merges. */
export interface QuizBackup {
  schemaVersion: number;
  cards: Record<string, QuizCard>;
  log: QuizReview[];
}

export function emptyQuiz(): QuizDoc {
  return { schemaVersion: QUIZ_VERSION, cards: {} };
}

export function emptyQuizBackup(): QuizBackup {
  return { schemaVersion: QUIZ_BACKUP_VERSION, cards: {}, log: [] };
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

/** Null when `list` is a list of valid reviews, else what is wrong, as `name[i]: ...`. */
export function reviewsProblem(list: unknown, name: string): string | null {
  if (!Array.isArray(list)) return `${name} is not a list`;
  for (const [i, review] of list.entries()) {
    const problem = reviewProblem(review);
    if (problem) return `${name}[${i}]: ${problem}`;
  }
  return null;
}

function cardsProblem(doc: Record<string, unknown>): string | null {
  if (!isRecord(doc.cards)) return 'cards is not a map';
  for (const [id, card] of Object.entries(doc.cards)) {
    const problem = cardProblem(card);
    if (problem) return `cards.${id}: ${problem}`;
  }
  return null;
}

/** Validates quiz.json (version 2, as read: a migrated version 1 brings its log as `unfiled`). Fills in missing cards. */
export function quizProblem(doc: Record<string, unknown>): string | null {
  // A document without cards (hand-made, or an early version 1) means none yet.
  doc.cards ??= {};
  // The reviews came from version 1's `log`; name them so, as the file does.
  return cardsProblem(doc) ?? (doc.unfiled === undefined ? null : reviewsProblem(doc.unfiled, 'log'));
}

/** quiz.json version 1 -> 2, in memory: the log is carried as `unfiled` until the next write files it. */
export function migrateQuizV1(doc: Record<string, unknown>): Record<string, unknown> {
  const { log, ...rest } = doc;
  return { ...rest, unfiled: log ?? [] };
}

/** Validates a backup's quiz (cards and log). Fills in a missing cards or log. */
export function quizBackupProblem(doc: Record<string, unknown>): string | null {
  doc.cards ??= {};
  doc.log ??= [];
  return cardsProblem(doc) ?? reviewsProblem(doc.log, 'log');
}

/** Orders reviews oldest first; equal instants keep their order. */
export function byTime(reviews: QuizReview[]): QuizReview[] {
  return reviews.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

/**
 * Merges two quiz histories (for importing a backup): the log is the union of both (a review
 * is the same when question and instant match), and each question keeps the card of whichever
 * side reviewed it last.
 */
export function mergeQuiz(current: QuizBackup, incoming: QuizBackup): QuizBackup {
  const key = (r: QuizReview) => `${r.question}\u0000${r.at}`;
  const seen = new Set(current.log.map(key));
  const log = byTime([...current.log, ...incoming.log.filter((r) => !seen.has(key(r)))]);
  const cards = { ...current.cards };
  for (const [id, card] of Object.entries(incoming.cards)) {
    const mine = cards[id];
    if (!mine || Date.parse(card.lastAt) > Date.parse(mine.lastAt)) cards[id] = card;
  }
  return { schemaVersion: QUIZ_BACKUP_VERSION, cards, log };
}

// isDue and dueCount live here, not beside the scheduler (quiz-schedule.ts, which loads
// ts-fsrs): a check-in's "questions due" line needs no scheduler (bench/, issue 7).
export function isDue(card: QuizCard, now: Date): boolean {
  return Date.parse(card.due) <= now.getTime();
}

/** How many answered questions are due for review at `now` (only those still in `questions`, if given). */
export function dueCount(quiz: Pick<QuizDoc, 'cards'>, now: Date, questions?: readonly Question[]): number {
  const known = questions && new Set(questions.map((q) => q.id));
  return Object.entries(quiz.cards).filter(([id, card]) => (!known || known.has(id)) && isDue(card, now)).length;
}
