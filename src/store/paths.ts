// Where harmony keeps its data. HARMONY_HOME wins; then $XDG_CONFIG_HOME/harmony; then
// ~/.config/harmony. No "-nodejs" suffix, unlike conf's default.
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { UsageError } from '../errors.js';

export function harmonyHome(env: NodeJS.ProcessEnv): string {
  const explicit = env.HARMONY_HOME;
  if (explicit !== undefined && explicit !== '') {
    if (!isAbsolute(explicit)) {
      throw new UsageError(`HARMONY_HOME must be an absolute folder path, got "${explicit}".`);
    }
    return explicit;
  }
  const xdg = env.XDG_CONFIG_HOME;
  const base = xdg && isAbsolute(xdg) ? xdg : join(homedir(), '.config');
  return join(base, 'harmony');
}

export const FILES = {
  settings: 'config.json',
  /** This machine's own settings (core/settings.ts DEVICE_KEYS), never synced. */
  device: 'device.json',
  state: 'state.json',
  quiz: 'quiz.json',
  quizLogDir: 'quiz-log',
  journalDir: 'journal',
  /** The people who matter (store/people.ts): synced, backed up, merged person by person. */
  people: 'people.json',
  /**
   * The write lock, a folder made and removed around each save. Its name starts with `.~`,
   * which Dropbox and Nextcloud never sync (and `.~lock.*` is Nextcloud's own lock pattern),
   * so a file-sync tool does not carry it to another machine (issue 17); `.stignore` and
   * `.gitignore` name it too.
   */
  lock: '.~lock.harmony',
  /** Where sync sets aside conflict copies and broken files after merging them (store/sync/recover.ts). */
  asideDir: 'conflict-copies',
  /** The shell reminder's cache (store/remind-cache.ts): local, never synced or backed up. */
  remindCache: 'remind-cache.txt',
  /** What the cache was worked out from (sizes and times of the files it read): lets `harmony remind` trust it. */
  remindKey: 'remind-cache.key',
} as const;
