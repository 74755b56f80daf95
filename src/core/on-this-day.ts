// "On this day": one short line from an entry written a year, six months or a month ago.
import { excerpt } from './safe.js';
import type { LocalDate } from './dates.js';
import type { Entry } from './entry.js';

/** The same day of the month N months back, or the month's last day when it has no such day (31 March -> 28/29 February). */
export function monthsBack(day: LocalDate, months: number): LocalDate {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) - months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export const LOOK_BACK = [
  { months: 12, label: 'A year ago' },
  { months: 6, label: 'Six months ago' },
  { months: 1, label: 'A month ago' },
] as const;

/** The first words someone wrote in an entry (an answer, else its intention), or ''. */
export function firstWords(e: Entry): string {
  return e.answers.find((a) => a.answer.trim() !== '')?.answer ?? e.intention ?? '';
}

/** The line for the first look-back day that has an entry with words in it; `entriesOn` reads one day. */
export function onThisDay(today: LocalDate, entriesOn: (day: LocalDate) => Entry[], width = 72): string | null {
  for (const back of LOOK_BACK) {
    const day = monthsBack(today, back.months);
    const entry = entriesOn(day).find((e) => firstWords(e).trim() !== '');
    if (entry) return `${back.label} (${day}): “${excerpt(firstWords(entry), width)}”`;
  }
  return null;
}
