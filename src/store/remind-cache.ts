// The reminder cache on disk (remind-cache.txt in the data folder): what `harmony remind`
// would print on each day from two days before the last save's practice day to two weeks
// after it, for the shell snippet to read without starting node (format: core/remind-cache.ts).
// Rewritten after every save (Store.write), so it only has to look ahead for days without a
// save; `harmony remind` rebuilds it when it finds it missing or saying something else.
// A cache: never synced, never backed up, compact and without fsync (a torn last line is
// ignored by the snippet, and a file it cannot read makes it ask `harmony remind`).
import { readdirSync, readFileSync, renameSync, statSync } from 'node:fs';
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
 * The size and modification time of every file the reminder's lines can come from (the data
 * folder's files and the journal folder's, the cache itself and locks aside), as one string.
 * Written beside the cache; while it still matches, `harmony remind` prints the cache's line
 * instead of working it out again (a change made outside harmony, by hand or by a file-sync
 * tool, changes a size or a time, and then it works the line out and rewrites both).
 */
export function reminderInputs(home: string): string {
  const out: string[] = [];
  const add = (dir: string, prefix: string) => {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      out.push(`${prefix}-`);
      return;
    }
    for (const name of names) {
      if (name === FILES.remindCache || name === FILES.remindKey || name.startsWith('.') || name.endsWith('.tmp')) continue;
      try {
        const st = statSync(join(dir, name));
        if (st.isFile()) out.push(`${prefix}${name} ${st.size} ${st.mtimeMs} ${st.ino}`);
      } catch {
        out.push(`${prefix}${name} -`);
      }
    }
  };
  add(home, '');
  add(join(home, 'journal'), 'journal/');
  return out.join('\n');
}

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
  const inputs = reminderInputs(home); // before reading them: a change meanwhile makes the key disagree
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
  // After the cache: a key matching the files with an older cache would make remind trust it.
  const keyTemp = writeTemp(keyFile(home), inputs, false);
  try {
    renameSync(keyTemp, keyFile(home));
  } catch (error) {
    removeQuietly(keyTemp);
    throw error;
  }
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
