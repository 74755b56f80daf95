// `harmony remind` for the shell start-up file. It runs in every new terminal, so main.ts
// loads this module straight away (no commander, chalk, prompts, conf or content): it reads
// the settings, the journal's day index and people.json, and prints a line or two, or nothing. It never fails the
// shell: any problem means silence and exit 0 (--debug says why on stderr).
// The lines come from core/remind.ts reminderLines, as do those of the cache the shell
// snippet reads (store/remind-cache.ts); when that cache is missing or says something else
// today, this rebuilds it (if no other harmony holds the lock), so the next shell is fast again.
import type { Writable } from 'node:stream';
import { cacheAgrees } from './core/remind-cache.js';
import { paintLine, paintStyled, reminderLines, type ReminderLine } from './core/remind.js';
import { practiceDay, type LocalDate } from './core/dates.js';
import type { Settings } from './core/settings.js';
import { streakInfo } from './core/streaks.js';
import { Journal } from './store/journal.js';
import { duePeopleDays } from './store/people.js';
import { harmonyHome } from './store/paths.js';
import { readReminderCache, readReminderKey, reminderInputs, writeReminderCache } from './store/remind-cache.js';
import { readSettings } from './store/settings.js';
import { wantsColor } from './ui/io.js';

export interface RemindIO {
  stdout: Writable;
  stderr: Writable;
  stdoutTTY: boolean;
  env: NodeJS.ProcessEnv;
}

/**
 * Today's lines, plain. The usual case is cheap: once today is in this month's file, the whole
 * day index (the costly read at years of history) is not needed for the streak. An encrypted
 * journal's month cannot be read without the key: its plaintext day index says whether today
 * is done. A people.json that cannot be read only drops the people line (`skipped` says why,
 * for --debug).
 */
async function todaysLines(home: string, settings: Settings, journal: Journal, today: LocalDate, skipped: (why: string) => void): Promise<ReminderLine[]> {
  if (!settings.reminder) return [];
  const practised = (kind: string) => kind !== 'note' || settings.notesCountForStreak;
  let done: boolean;
  if (journal.vault().encrypted) {
    const day = settings.notesCountForStreak ? undefined : await journal.day(today);
    done = day !== undefined && day.checkins + day.reflections > 0;
  } else {
    done = (await journal.readMonth(today.slice(0, 7))).some((e) => e.date === today && practised(e.kind));
  }
  const streak = done ? null : streakInfo(await journal.dayKeys(settings.notesCountForStreak), today);
  let people = null;
  try {
    people = (await duePeopleDays(home, journal, settings, [today]))?.[0] ?? null;
  } catch (error) {
    skipped((error as Error).message);
  }
  return reminderLines({ streak, people }, settings);
}

/**
 * The lines to print (with colour codes when wanted). Throws on any problem. `heal` is
 * called when the reminder cache would not have said the same today.
 */
export async function reminderLinesNow(
  env: NodeJS.ProcessEnv,
  stdoutTTY: boolean,
  noColorFlag: boolean,
  heal?: (home: string, journal: Journal, now: Date) => void,
  skipped: (why: string) => void = () => {},
  trustCache = false,
): Promise<string[]> {
  const home = harmonyHome(env);
  // Read first, before the cache: a save in between gives a key that no longer matches.
  const inputs = trustCache ? reminderInputs(home) : null;
  const key = trustCache ? readReminderKey(home) : null;
  const settings = readSettings(home);
  const now = env.HARMONY_NOW ? new Date(env.HARMONY_NOW) : new Date();
  if (Number.isNaN(now.getTime())) throw new Error(`HARMONY_NOW is not a valid date-time: "${env.HARMONY_NOW}"`);
  const today = practiceDay(now, settings.dayStartHour);
  const color = wantsColor(env, stdoutTTY, noColorFlag ? false : undefined, settings.color);
  const cache = readReminderCache(home);
  // No file changed since the cache was written from them: its line for today is the answer
  // (what the shell snippet prints too), without reading the history or people.json again.
  const cached = inputs !== null && key === inputs && cache?.dayStartHour === settings.dayStartHour && cache.color === settings.color ? cache.days.get(today) : undefined;
  if (cached) return cached.map((l) => paintStyled(l.style, l.text, color));
  const journal = new Journal(home);
  const lines = await todaysLines(home, settings, journal, today, skipped);
  if (heal && (!cacheAgrees(cache, settings, today, lines) || (trustCache && key !== inputs))) heal(home, journal, now);
  return lines.map((l) => paintLine(l, color));
}

export async function remind(io: RemindIO, debug: boolean, noColorFlag = false): Promise<number> {
  // A closed stdout (e.g. `harmony remind | head -0`) must not turn into a crash either.
  io.stdout.on('error', () => undefined);
  let stale: { home: string; journal: Journal; now: Date } | undefined;
  try {
    const skipped = (why: string) => debug && io.stderr.write(`harmony remind: no line about people because: ${why}\n`);
    const lines = await reminderLinesNow(io.env, io.stdoutTTY, noColorFlag, (home, journal, now) => (stale = { home, journal, now }), skipped, !debug); // --debug works it out, to say why
    if (lines.length > 0) io.stdout.write(lines.join('\n') + '\n');
    else if (debug) io.stderr.write('harmony remind: nothing to say (today is done, or reminder is off).\n');
  } catch (error) {
    if (debug) io.stderr.write(`harmony remind: stayed silent because: ${(error as Error).message}\n`);
  }
  if (stale) await healCache(stale, io, debug);
  return 0;
}

/** Rebuilds the shell snippet's cache after the line was printed (never delaying it), quietly. */
async function healCache(s: { home: string; journal: Journal; now: Date }, io: RemindIO, debug: boolean): Promise<void> {
  try {
    const { ifLockFree } = await import('./store/lock.js');
    const done = await ifLockFree(s.home, () => writeReminderCache(s.home, s.journal, s.now));
    if (debug) io.stderr.write(`harmony remind: ${done ? 'rebuilt' : 'could not rebuild (busy, or no data folder yet)'} the reminder cache for the shell snippet.\n`);
  } catch (error) {
    if (debug) io.stderr.write(`harmony remind: could not rebuild the reminder cache: ${(error as Error).message}\n`);
  }
}
