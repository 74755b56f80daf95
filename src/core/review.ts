// The weekly review's figures, pure: from the entries of the week (and those after it, which
// hold the follow-ups of its intentions) and the quiz answers of the week.
import type { LocalDate } from './dates.js';
import { isPracticeKind, type Entry, type FollowUpStatus } from './entry.js';
import { PRINCIPLE_IDS, type PrincipleId } from './principles.js';
import type { QuizReview } from './quiz-doc.js';
import { weekDays, type Week } from './weeks.js';
import { peopleActivity, type PersonActivity } from './people-activity.js';

export interface WeekFigures {
  week: Week;
  /** Days of the week practised (a check-in, reflection or review), of `days` (7, fewer for this week). */
  practised: number;
  days: number;
  /** Each day's mood (the day's last check-in), null without one; first day first. */
  moods: (number | null)[];
  /** How many entries were on each principle (reviews and notes left out). */
  principles: Record<PrincipleId, number>;
  /** Intentions set in the week, and how their follow-ups went. */
  intentions: { set: number } & Record<FollowUpStatus | 'open', number>;
  practices: { taken: number; done: number };
  /** Quiz answers given in the week; null when the quiz log could not be read. */
  quiz: { answered: number; right: number } | null;
  /** The week's review, if written. */
  reviewId: string | null;
  /** Who the user connected with that week (entry.with), most connections first; `name` is filled in by the command. */
  people: (PersonActivity & { name?: string })[];
}

const isDone = (e: Entry, status: FollowUpStatus | undefined) => e.practice?.done !== undefined || status === 'kept';

export function weekFigures(entries: readonly Entry[], week: Week, today: LocalDate, quiz: readonly QuizReview[] | null): WeekFigures {
  const days = weekDays(week).filter((d) => d <= today);
  const inWeek = entries.filter((e) => e.date >= week.start && e.date <= week.end);
  const statusOf = new Map<string, { intention?: FollowUpStatus; practice?: FollowUpStatus }>();
  for (const e of entries) if (e.followUp) statusOf.set(e.followUp.entryId, e.followUp);
  const principles = Object.fromEntries(PRINCIPLE_IDS.map((id) => [id, 0])) as Record<PrincipleId, number>;
  const intentions = { set: 0, kept: 0, partly: 0, missed: 0, dropped: 0, open: 0 };
  const practices = { taken: 0, done: 0 };
  const practisedDays = new Set<string>();
  const moods = new Map<string, { at: string; mood: number }>();
  for (const e of inWeek) {
    if (isPracticeKind(e.kind)) practisedDays.add(e.date);
    if (e.kind === 'review' || e.kind === 'note') continue;
    if (e.principle) principles[e.principle]++;
    const before = moods.get(e.date);
    if (e.mood !== undefined && e.kind === 'checkin' && (!before || before.at <= e.createdAt)) moods.set(e.date, { at: e.createdAt, mood: e.mood });
    const status = statusOf.get(e.id);
    if (e.intention?.trim()) {
      intentions.set++;
      intentions[status?.intention ?? 'open']++;
    }
    if (e.practice) {
      practices.taken++;
      if (isDone(e, status?.practice)) practices.done++;
    }
  }
  const answers = quiz?.filter((r) => r.day >= week.start && r.day <= week.end);
  return {
    week,
    practised: days.filter((d) => practisedDays.has(d)).length,
    days: days.length,
    moods: days.map((d) => moods.get(d)?.mood ?? null),
    principles,
    intentions,
    practices,
    quiz: answers ? { answered: answers.length, right: answers.filter((r) => r.correct).length } : null,
    reviewId: entries.find((e) => e.kind === 'review' && e.week === week.id)?.id ?? null,
    people: peopleActivity(inWeek, week.start, week.end),
  };
}

/** The principle practised least in the week (lesson order on a tie): the default focus. */
export function leastPractised(f: WeekFigures): PrincipleId {
  return [...PRINCIPLE_IDS].sort((a, b) => f.principles[a] - f.principles[b])[0]!;
}
