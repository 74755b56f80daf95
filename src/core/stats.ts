// The figures behind `harmony stats`, pure: the journal's day summaries, today, lessons read
// and quiz mastery in; numbers out (the same for the terminal pictures and for --json).
import { addDays, daysBetween, weekday, type LocalDate } from './dates.js';
import { PRINCIPLES, type PrincipleId } from './principles.js';
import { streakInfo } from './streaks.js';

/** What the journal index holds for one day (store/journal.ts DaySummary). */
export interface DayFigures {
  checkins: number;
  reflections: number;
  principles: string[];
  moods: number[];
}

export interface StatsInput {
  days: Record<LocalDate, DayFigures>;
  today: LocalDate;
  lessonsRead: Record<string, LocalDate>;
  /** Quiz mastery per principle (0..1), from core/mastery.ts. */
  mastery: Record<PrincipleId, number>;
  quiz: { answered: number; due: number };
}

export const MOOD_DAYS = 30;
export const CALENDAR_WEEKS = 53;

export interface Stats {
  today: LocalDate;
  streak: { current: number; longest: number; freezesHeld: number; nextFreezeIn: number; practicedToday: boolean; lastPracticed: LocalDate | null };
  totals: { days: number; checkins: number; reflections: number };
  /** Weeks as columns (Monday first), from `from` (a Monday) to `to` (today). */
  calendar: { from: LocalDate; to: LocalDate; entries: Record<LocalDate, number>; frozen: LocalDate[] };
  mood: { from: LocalDate; to: LocalDate; daily: (number | null)[]; average: number | null; daysWithMood: number };
  principles: { id: PrincipleId; title: string; practised: number; mastery: number }[];
  lessons: { read: number; total: number; unread: PrincipleId[] };
  quiz: { answered: number; due: number };
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** The Monday on or before `date`. */
export function mondayOf(date: LocalDate): LocalDate {
  return addDays(date, -((weekday(date) + 6) % 7));
}

export function computeStats(input: StatsInput): Stats {
  const { days, today } = input;
  const dates = Object.keys(days).filter((d) => d <= today);
  const info = streakInfo(dates, today);

  const totals = { days: dates.length, checkins: 0, reflections: 0 };
  const practised = Object.fromEntries(PRINCIPLES.map((p) => [p.id, 0])) as Record<PrincipleId, number>;
  for (const d of dates) {
    const day = days[d]!;
    totals.checkins += day.checkins;
    totals.reflections += day.reflections;
    for (const p of day.principles) if (p in practised) practised[p as PrincipleId]++;
  }

  const from = mondayOf(addDays(today, -(CALENDAR_WEEKS - 1) * 7));
  const entries: Record<LocalDate, number> = {};
  for (const d of dates) if (d >= from) entries[d] = days[d]!.checkins + days[d]!.reflections;

  const moodFrom = addDays(today, -(MOOD_DAYS - 1));
  const daily: (number | null)[] = [];
  let sum = 0;
  let count = 0;
  for (let d = moodFrom; d <= today; d = addDays(d, 1)) {
    const moods = days[d]?.moods ?? [];
    daily.push(moods.length ? round1(moods.reduce((a, b) => a + b, 0) / moods.length) : null);
    for (const m of moods) {
      sum += m;
      count++;
    }
  }

  return {
    today,
    streak: {
      current: info.current,
      longest: info.longest,
      freezesHeld: info.freezesHeld,
      nextFreezeIn: info.nextFreezeIn,
      practicedToday: info.practicedToday,
      lastPracticed: info.lastPracticed,
    },
    totals,
    calendar: { from, to: today, entries, frozen: info.frozenDays.filter((d) => d >= from) },
    mood: { from: moodFrom, to: today, daily, average: count ? Math.round((sum / count) * 100) / 100 : null, daysWithMood: daily.filter((m) => m !== null).length },
    principles: PRINCIPLES.map((p) => ({ id: p.id, title: p.title, practised: practised[p.id], mastery: input.mastery[p.id] ?? 0 })),
    lessons: {
      read: PRINCIPLES.filter((p) => p.id in input.lessonsRead).length,
      total: PRINCIPLES.length,
      unread: PRINCIPLES.filter((p) => !(p.id in input.lessonsRead)).map((p) => p.id),
    },
    quiz: input.quiz,
  };
}

/** Calendar weeks (columns) of days; null for days after `to`. */
export function calendarWeeks(from: LocalDate, to: LocalDate): (LocalDate | null)[][] {
  const weeks: (LocalDate | null)[][] = [];
  const total = Math.floor(daysBetween(from, to) / 7) + 1;
  for (let w = 0; w < total; w++) {
    weeks.push(Array.from({ length: 7 }, (_, i) => {
      const d = addDays(from, w * 7 + i);
      return d <= to ? d : null;
    }));
  }
  return weeks;
}
