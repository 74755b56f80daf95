// Spaced repetition with ts-fsrs, counted in the user's local practice days.
// ts-fsrs works on instants; we hand it a "day clock" instead (each practice day as UTC
// midnight of that date), so every interval is a whole number of practice days whatever the
// time of day, time zone or clock change. The day FSRS schedules is then turned back into a
// real instant: the moment that practice day begins (dayStartHour, local wall clock).
import { createEmptyCard, forgetting_curve, fsrs, Rating, State, type Card } from 'ts-fsrs';
import type { Question } from '../content/types.js';
import { practiceDay, wallClock, type LocalDate } from './dates.js';
import { CARD_STATES, type QuizCard, type QuizDoc, type QuizReview } from './quiz-doc.js';

/** How the user counts days: the hour a new day starts and (for tests) a time zone. */
export interface DayRule {
  dayStartHour: number;
  timeZone?: string;
}

// Short-term (minute) learning steps make no sense for a quiz taken once a day or so, and
// fuzz would make scheduling unpredictable in tests; both off.
const scheduler = fsrs({ enable_short_term: false, enable_fuzz: false });

const DAY_MS = 86_400_000;

export function dayClock(day: LocalDate): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

function fromDayClock(instant: Date): LocalDate {
  return instant.toISOString().slice(0, 10);
}

/**
 * The first instant of practice day `day`: dayStartHour:00 on that date, local time. When
 * that hour does not exist (clocks jump forward) it is the first instant after the gap.
 */
export function dayStartInstant(day: LocalDate, dayStartHour: number, timeZone?: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  if (!timeZone) return new Date(y, m - 1, d, dayStartHour);
  const asUtc = Date.UTC(y, m - 1, d, dayStartHour);
  // Two passes find the offset in force at that wall-clock time (it may differ from the
  // offset at asUtc itself); keep the earliest candidate that really is inside `day`.
  const first = asUtc - wallClock(new Date(asUtc), timeZone).offsetMinutes * 60_000;
  const second = asUtc - wallClock(new Date(first), timeZone).offsetMinutes * 60_000;
  const inDay = [first, second].filter((t) => practiceDay(new Date(t), dayStartHour, timeZone) === day).sort((a, b) => a - b);
  return new Date(inDay[0] ?? Math.max(first, second));
}

function toFsrsCard(card: QuizCard | undefined, today: LocalDate): Card {
  if (!card) return createEmptyCard(dayClock(today));
  // A last review "after" today (clock turned back, travel) counts as today.
  const last = card.lastDay > today ? today : card.lastDay;
  return {
    due: dayClock(card.dueDay),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: 0,
    scheduled_days: card.scheduledDays,
    learning_steps: 0,
    reps: card.reps,
    lapses: card.lapses,
    state: CARD_STATES.indexOf(card.state) as State,
    last_review: dayClock(last),
  };
}

/**
 * Records one answer as an FSRS review: updates the question's card in `doc` and returns the
 * review for the log (the store files it: saveAnswer). A wrong answer is rated Again, a right one Good.
 */
export function recordAnswer(doc: Pick<QuizDoc, 'cards'>, question: Question, chosen: number[], correct: boolean, now: Date, rule: DayRule): QuizReview {
  const today = practiceDay(now, rule.dayStartHour, rule.timeZone);
  const rating = correct ? Rating.Good : Rating.Again;
  const { card } = scheduler.next(toFsrsCard(doc.cards[question.id], today), dayClock(today), rating);
  const dueDay = fromDayClock(card.due);
  doc.cards[question.id] = {
    due: dayStartInstant(dueDay, rule.dayStartHour, rule.timeZone).toISOString(),
    dueDay,
    lastDay: today,
    lastAt: now.toISOString(),
    lastCorrect: correct,
    stability: card.stability,
    difficulty: card.difficulty,
    scheduledDays: card.scheduled_days,
    reps: card.reps,
    lapses: card.lapses,
    state: CARD_STATES[card.state] ?? 'review',
  };
  return {
    question: question.id,
    at: now.toISOString(),
    day: today,
    correct,
    rating: correct ? 3 : 1,
    chosen: [...chosen].sort((a, b) => a - b),
    dueDay,
  };
}

export { isDue } from './quiz-doc.js';

/** Probability (0..1) of answering right now, from FSRS's forgetting curve; 0 after a miss. */
export function recall(card: QuizCard | undefined, now: Date): number {
  if (!card || !card.lastCorrect || !(card.stability > 0)) return 0;
  const elapsed = Math.max(0, (now.getTime() - Date.parse(card.lastAt)) / DAY_MS);
  const r = forgetting_curve(scheduler.parameters.w, elapsed, card.stability);
  return Number.isFinite(r) ? Math.min(1, Math.max(0, r)) : 0;
}
