// Lines the check-in's closing summary and the home screen share: "on this day" and, after
// three rough days, the gentle pointer to help (wording in core/safety.ts).
import type { LocalDate } from '../../core/dates.js';
import type { Entry } from '../../core/entry.js';
import { onThisDay } from '../../core/on-this-day.js';
import { roughDays } from '../../core/safety.js';
import { DataError } from '../../errors.js';
import type { Today } from './today.js';

/**
 * The on-this-day line, reading a month file only for a day the index says has entries. An
 * old month that cannot be read just means no line: it comes after a save, which must not
 * end in an error (the month's own commands report it).
 */
export function lookBackLine(p: Today, width = 72): string | null {
  const entriesOn = (day: LocalDate): Entry[] => (p.day(day) ? p.store.journal.readMonth(day.slice(0, 7)).filter((e) => e.date === day) : []);
  try {
    return onThisDay(p.today, entriesOn, width);
  } catch (error) {
    if (error instanceof DataError) return null;
    throw error;
  }
}

/** Whether saving `mood` for today makes three rough days in a row, not flagged in the last week. */
export function roughDaysNow(p: Today, date: LocalDate, mood: number | undefined, lastShown: LocalDate | undefined): boolean {
  if (date !== p.today || mood === undefined) return false;
  return roughDays(p.today, (d) => (d === p.today ? mood : p.day(d)?.moods.at(-1)), lastShown);
}
