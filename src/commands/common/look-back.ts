// Lines the check-in's closing summary and the home screen share: "on this day" and, after
// three rough days, the gentle pointer to help (wording in core/safety.ts).
import { addDays, type LocalDate } from '../../core/dates.js';
import type { Entry } from '../../core/entry.js';
import { onThisDay } from '../../core/on-this-day.js';
import { roughDays } from '../../core/safety.js';
import { DataError } from '../../errors.js';
import type { Today } from './today.js';

/**
 * The on-this-day line, reading a month file only for a day the index says has entries. An
 * old month that cannot be read just means no line: it comes after a save, which must not
 * end in an error (the month's own commands report it). An encrypted journal while locked
 * has none (what was written then is secret).
 */
export async function lookBackLine(p: Today, width = 72): Promise<string | null> {
  if (!p.store.journal.readable) return null;
  try {
    const days = new Map<LocalDate, Entry[]>();
    for (const day of lookBackDays(p.today)) {
      if (await p.day(day)) days.set(day, (await p.store.journal.readMonth(day.slice(0, 7))).filter((e) => e.date === day));
    }
    return onThisDay(p.today, (day) => days.get(day) ?? [], width);
  } catch (error) {
    if (error instanceof DataError) return null;
    throw error;
  }
}

/** The days onThisDay may ask about: a year, six months and a month before today (asked for and recorded, so no day is missed). */
function lookBackDays(today: LocalDate): LocalDate[] {
  const asked: LocalDate[] = [];
  onThisDay(today, (day) => (asked.push(day), []), 72);
  return asked;
}

/**
 * Whether saving `mood` for today makes three rough days in a row, not flagged in the last week.
 * Locked, an encrypted journal's moods are secret: never (the day index keeps none in plaintext).
 */
export async function roughDaysNow(p: Today, date: LocalDate, mood: number | undefined, lastShown: LocalDate | undefined): Promise<boolean> {
  if (date !== p.today || mood === undefined || !p.store.journal.readable) return false;
  const moods = new Map<LocalDate, number | undefined>();
  for (let i = 1; i < 3; i++) {
    const d = addDays(p.today, -i);
    moods.set(d, (await p.day(d))?.moods.at(-1));
  }
  return roughDays(p.today, (d) => (d === p.today ? mood : moods.get(d)), lastShown);
}
