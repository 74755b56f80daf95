// `harmony remind` for the shell start-up file. It runs in every new terminal, so main.ts
// loads this module straight away (no commander, chalk, prompts, conf or content): it reads
// config.json and the journal's day index and prints one line, or nothing. It never fails the
// shell: any problem means silence and exit 0 (--debug says why on stderr).
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import { reminderFor } from './core/remind.js';
import { practiceDay } from './core/dates.js';
import { streakInfo } from './core/streaks.js';
import { readDoc } from './store/files.js';
import { Journal } from './store/journal.js';
import { FILES, harmonyHome } from './store/paths.js';
import { settingsSpec } from './store/settings.js';
import { wantsColor } from './ui/io.js';

export interface RemindIO {
  stdout: Writable;
  stderr: Writable;
  stdoutTTY: boolean;
  env: NodeJS.ProcessEnv;
}

/** The line to print (with colour codes when wanted), or null. Throws on any problem. */
export function reminderLine(env: NodeJS.ProcessEnv, stdoutTTY: boolean, noColorFlag: boolean): string | null {
  const home = harmonyHome(env);
  const settings = readDoc(join(home, FILES.settings), settingsSpec);
  if (!settings.reminder) return null;
  const now = env.HARMONY_NOW ? new Date(env.HARMONY_NOW) : new Date();
  if (Number.isNaN(now.getTime())) throw new Error(`HARMONY_NOW is not a valid date-time: "${env.HARMONY_NOW}"`);
  const today = practiceDay(now, settings.dayStartHour);
  const journal = new Journal(home);
  // The usual case, cheaply: once today is in this month's file there is nothing to say, and
  // the whole day index (the costly read at years of history) is not needed.
  const practised = (kind: string) => kind !== 'note' || settings.notesCountForStreak;
  if (journal.readMonth(today.slice(0, 7)).some((e) => e.date === today && practised(e.kind))) return null;
  const reminder = reminderFor(streakInfo(journal.dayKeys(settings.notesCountForStreak), today));
  if (!reminder) return null;
  const color = wantsColor(env, stdoutTTY, noColorFlag ? false : undefined, settings.color);
  if (!color) return reminder.text;
  return reminder.urgent ? `\u001b[1;33m${reminder.text}\u001b[0m` : `\u001b[2m${reminder.text}\u001b[0m`;
}

export function remind(io: RemindIO, debug: boolean, noColorFlag = false): number {
  // A closed stdout (e.g. `harmony remind | head -0`) must not turn into a crash either.
  io.stdout.on('error', () => undefined);
  try {
    const line = reminderLine(io.env, io.stdoutTTY, noColorFlag);
    if (line) io.stdout.write(line + '\n');
    else if (debug) io.stderr.write('harmony remind: nothing to say (today is done, or reminder is off).\n');
  } catch (error) {
    if (debug) io.stderr.write(`harmony remind: stayed silent because: ${(error as Error).message}\n`);
  }
  return 0;
}
