// Weeks for the weekly review. A week starts on the user's weekStart day (Monday or Sunday)
// and is named like an ISO week, YYYY-Www: with Monday starts it is the ISO week; with Sunday
// starts, the week named YYYY-Www begins the Sunday before that ISO week's Monday.
import { UsageError } from '../errors.js';
import { addDays, weekday, type LocalDate } from './dates.js';

export type WeekStart = 'mon' | 'sun';
export const WEEK_STARTS: readonly WeekStart[] = ['mon', 'sun'];

export interface Week {
  id: string;
  /** First and last day, inclusive. */
  start: LocalDate;
  end: LocalDate;
}

/** The Monday of ISO week 1 of `year` (the week with the year's first Thursday). */
function isoWeekOneMonday(year: number): LocalDate {
  const jan4 = `${String(year).padStart(4, '0')}-01-04`;
  return addDays(jan4, -((weekday(jan4) + 6) % 7));
}

/** The ISO week id of the week holding `monday` (any day works: its Thursday decides the year). */
function isoId(day: LocalDate): string {
  const monday = addDays(day, -((weekday(day) + 6) % 7));
  const thursday = addDays(monday, 3);
  const year = Number(thursday.slice(0, 4));
  const n = Math.round((Date.parse(monday) - Date.parse(isoWeekOneMonday(year))) / (7 * 86_400_000)) + 1;
  return `${String(year).padStart(4, '0')}-W${String(n).padStart(2, '0')}`;
}

export function weekOf(day: LocalDate, start: WeekStart = 'mon'): Week {
  const first = start === 'mon' ? addDays(day, -((weekday(day) + 6) % 7)) : addDays(day, -weekday(day));
  return { id: isoId(start === 'mon' ? first : addDays(first, 1)), start: first, end: addDays(first, 6) };
}

export function weekById(id: string, start: WeekStart = 'mon'): Week | null {
  const m = /^(\d{4})-W(\d{2})$/i.exec(id.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const n = Number(m[2]);
  const monday = addDays(isoWeekOneMonday(year), (n - 1) * 7);
  if (n < 1 || isoId(monday) !== `${m[1]}-W${m[2]}`) return null; // W53 only in long years
  return weekOf(start === 'mon' ? monday : addDays(monday, -1), start);
}

/** --week: last (the default), this, or YYYY-Www; a week that has not begun is refused. */
export function parseWeekArg(text: string | undefined, today: LocalDate, start: WeekStart = 'mon'): Week {
  const t = (text ?? 'last').trim().toLowerCase();
  const week = t === 'this' ? weekOf(today, start) : t === 'last' ? weekOf(addDays(weekOf(today, start).start, -1), start) : weekById(t.toUpperCase(), start);
  if (!week) throw new UsageError(`--week must be last, this or a week like ${weekOf(today, start).id} (YYYY-Www), got "${text}".`);
  if (week.start > today) throw new UsageError(`--week ${week.id} has not begun yet; this week is ${weekOf(today, start).id}.`);
  return week;
}

/** The days of a week, first to last. */
export function weekDays(week: Week): LocalDate[] {
  return Array.from({ length: 7 }, (_, i) => addDays(week.start, i));
}

