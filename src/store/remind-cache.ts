// The reminder cache on disk (remind-cache.txt in the data folder): what `harmony remind`
// would print on each day from two days before the last save's practice day to two weeks
// after it, for the shell snippet to read without starting node (format: core/remind-cache.ts).
// Rewritten after every save (Store.write), so it only has to look ahead for days without a
// save; `harmony remind` rebuilds it when it finds it missing or saying something else.
// A cache: never synced, never backed up, compact and without fsync (a torn last line is
// ignored by the snippet, and a file it cannot read makes it ask `harmony remind`).
import { readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { addDays, daysBetween, practiceDay, type LocalDate } from '../core/dates.js';
import { CACHE_DAYS_AFTER, CACHE_DAYS_BEFORE, formatReminderCache, parseReminderCache, type ParsedReminderCache } from '../core/remind-cache.js';
import { reminderLines, type DuePeople, type ReminderLine } from '../core/remind.js';
import { duePeopleDays } from './people.js';
import { streakSeries } from '../core/streaks.js';
import { removeQuietly, writeTemp } from './files.js';
import type { Journal } from './journal.js';
import { FILES } from './paths.js';
import { readSettings, type Settings } from './settings.js';

export const reminderCacheFile = (home: string) => join(home, FILES.remindCache);
const keyFile = (home: string) => join(home, FILES.remindKey);

/**
 * What the reminder's lines were worked out from, as one string: the journal folder (its time
 * changes whenever a file in it is added, replaced or removed, as every save and every
 * file-sync tool does), the names in the data folder (not its time: the lock, taken and let go
 * around every save, changes that), and each settings, people and state file's size and time.
 * Written beside the cache; while it still matches, `harmony remind` prints the cache's line
 * instead of working it out again. A dozen stat calls, whatever the history's length. (A month
 * edited in place by hand changes none of it: it shows from the next save, as in the snippet.)
 */
export function reminderInputs(home: string): string {
  const out: string[] = [];
  try {
    const names = readdirSync(home).filter((n) => !n.startsWith('.') && n !== FILES.remindCache && n !== FILES.remindKey);
    out.push(`names ${names.sort().join(' ')}`);
  } catch {
    out.push('names -');
  }
  for (const name of ['journal', ...INPUT_FILES]) {
    try {
      const st = statSync(join(home, name));
      out.push(`${name} ${st.size} ${st.mtimeMs} ${st.ino}`);
    } catch {
      out.push(`${name} -`);
    }
  }
  return out.join('\n');
}
const INPUT_FILES = [FILES.settings, FILES.device, FILES.people, `${FILES.people}.age`, FILES.state, `${FILES.state}.age`, 'encryption.json'];

/** The inputs the cache was written from; null when there is no such file. */
export function readReminderKey(home: string): string | null {
  try {
    return readFileSync(keyFile(home), 'utf8');
  } catch {
    return null;
  }
}

/** The lines of each day from `from` to `to`, as `harmony remind` would print them on that day. */
export async function reminderDays(home: string, settings: Settings, journal: Journal, from: LocalDate, to: LocalDate): Promise<{ date: LocalDate; lines: ReminderLine[] }[]> {
  const count = daysBetween(from, to) + 1;
  // With the reminder off nothing is said, and the history is not read.
  const series = settings.reminder ? streakSeries(await journal.dayChunks(settings.notesCountForStreak), from, to) : [];
  const dates = Array.from({ length: count }, (_, i) => addDays(from, i));
  // Who is due each day (issue 14); a people.json that cannot be read leaves the people line out, as `harmony remind` does.
  let people: (DuePeople | null)[] | null = null;
  try {
    people = await duePeopleDays(home, journal, settings, dates);
  } catch {
    people = null;
  }
  return dates.map((date, i) => ({ date, lines: reminderLines({ streak: series[i] ?? null, people: people?.[i] ?? null }, settings) }));
}

/** Works out and writes the cache for the practice day of `now`. Throws on any problem. */
export async function writeReminderCache(home: string, journal: Journal, now: Date): Promise<void> {
  const settings = readSettings(home); // device.json's reminder and color over config.json (issue 17)
  const today = practiceDay(now, settings.dayStartHour);
  const days = await reminderDays(home, settings, journal, addDays(today, -CACHE_DAYS_BEFORE), addDays(today, CACHE_DAYS_AFTER));
  const file = reminderCacheFile(home);
  const temp = writeTemp(file, formatReminderCache({ dayStartHour: settings.dayStartHour, color: settings.color, days }), false);
  try {
    renameSync(temp, file);
  } catch (error) {
    removeQuietly(temp);
    throw error;
  }
  // After the cache, and in place: a torn key only fails to match, and remind works the line out.
  writeFileSync(keyFile(home), reminderInputs(home), { mode: 0o600 });
}

/**
 * After a save, under the lock. Never throws (what the user saved is saved): on any problem
 * the file is removed rather than left saying something that may be wrong, so the snippet
 * asks `harmony remind`.
 */
export async function refreshReminderCache(home: string, journal: Journal, now: Date): Promise<void> {
  try {
    await writeReminderCache(home, journal, now);
  } catch {
    removeQuietly(reminderCacheFile(home));
    removeQuietly(keyFile(home));
  }
}

/** The cache as the snippet sees it; null when missing, unreadable or of another version. */
export function readReminderCache(home: string): ParsedReminderCache | null {
  try {
    return parseReminderCache(readFileSync(reminderCacheFile(home), 'utf8'));
  } catch {
    return null;
  }
}
