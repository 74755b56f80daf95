// The reminder cache's format, pure. The shell snippet (core/remind-snippets.ts) reads this
// file with its own builtins, so it is plain text, one line a day, tab-separated:
//
//   harmony-remind <TAB> 1 <TAB> dayStartHour <TAB> color          (the header)
//   2026-05-10 <TAB> 2 <TAB> harmony · your 12-day streak is waiting ...   (a day: style, text, ...)
//   2026-05-11                                                     (a day with nothing to say)
//
// A day's line holds every line `harmony remind` prints that day, each as its SGR style
// (core/remind.ts lineStyle) and its text. Days follow one another without a gap; the file
// ends before a day whose line cannot be stored (a tab or control character in it). For a day
// the file does not reach, or a file of another version, the snippet asks `harmony remind`.
import type { LocalDate } from './dates.js';
import { lineStyle, type ReminderLine } from './remind.js';
import type { Settings } from './settings.js';

/** The format version; the snippet checks it (a snippet from an older harmony falls back). */
export const REMIND_CACHE_VERSION = 1;
const MAGIC = 'harmony-remind';

/** Days kept before the practice day of the save (a flight west over the date line) and after it. */
export const CACHE_DAYS_BEFORE = 2;
export const CACHE_DAYS_AFTER = 14;

export interface ReminderCache {
  dayStartHour: number;
  color: Settings['color'];
  /** Each day and its lines, oldest first, without gaps. */
  days: { date: LocalDate; lines: ReminderLine[] }[];
}

// Tabs and line breaks would break the format; other control characters have no business in
// a terminal line. A day holding one is left to `harmony remind`.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f]/;

export function formatReminderCache(cache: ReminderCache): string {
  const out = [[MAGIC, REMIND_CACHE_VERSION, cache.dayStartHour, cache.color].join('\t')];
  for (const { date, lines } of cache.days) {
    // The file stops before such a day: the days in it must follow one another (fish's
    // snippet takes the line before today's before dayStartHour), and the snippet asks
    // `harmony remind` for any day the file does not reach.
    if (lines.some((l) => UNSAFE.test(l.text) || l.text === '')) break;
    out.push([date, ...lines.flatMap((l) => [lineStyle(l), l.text])].join('\t'));
  }
  return out.join('\n') + '\n';
}

/** A stored line: its style and text. */
export interface CachedLine {
  style: string;
  text: string;
}

export interface ParsedReminderCache {
  dayStartHour: number;
  color: string;
  days: Map<LocalDate, CachedLine[]>;
}

/** Reads the file back as the snippet would (null: not a cache of this version). */
export function parseReminderCache(text: string): ParsedReminderCache | null {
  const rows = text.split('\n');
  const [magic, version, hour, color] = (rows[0] ?? '').split('\t');
  if (magic !== MAGIC || version !== String(REMIND_CACHE_VERSION) || !/^[0-6]$/.test(hour ?? '') || !color) return null;
  const days = new Map<LocalDate, CachedLine[]>();
  // Only whole lines: a last line without its line break is a torn write.
  for (const row of rows.slice(1, -1)) {
    const [date, ...rest] = row.split('\t');
    const lines: CachedLine[] = [];
    for (let i = 0; i + 1 < rest.length; i += 2) lines.push({ style: rest[i]!, text: rest[i + 1]! });
    if (date) days.set(date, lines);
  }
  return { dayStartHour: Number(hour), color, days };
}

/** Whether the cache says exactly `lines` on `date` with these settings (false when it does not know the day). */
export function cacheAgrees(
  cache: ParsedReminderCache | null,
  settings: Pick<Settings, 'dayStartHour' | 'color'>,
  date: LocalDate,
  lines: readonly ReminderLine[],
): boolean {
  if (!cache || cache.dayStartHour !== settings.dayStartHour || cache.color !== settings.color) return false;
  const cached = cache.days.get(date);
  if (!cached || cached.length !== lines.length) return false;
  return lines.every((l, i) => cached[i]!.style === lineStyle(l) && cached[i]!.text === l.text);
}
