// User settings (config.json). Reading is a plain, fast JSON read validated here, so the
// shell reminder never pays for conf's schema compiler; `harmony config set` writes through
// conf with a JSON schema (store/settings-write.ts, loaded only by `config set`).
import { join } from 'node:path';
import { DataError, UsageError } from '../errors.js';
import { readDoc, type DocSpec } from './files.js';
import type { Store } from './index.js';
import { FILES, harmonyHome } from './paths.js';
import { DEFAULT_SETTINGS, DEVICE_KEYS, SETTINGS_VERSION, type Settings } from '../core/settings.js';

export { DEFAULT_SETTINGS, DEVICE_KEYS, SETTINGS_VERSION, isDeviceKey, type Settings } from '../core/settings.js';

export const settingsSpec: DocSpec<Settings> = {
  version: SETTINGS_VERSION,
  empty: () => ({ ...DEFAULT_SETTINGS }),
  validate(doc) {
    const merged = { ...DEFAULT_SETTINGS, ...doc };
    Object.assign(doc, merged);
    if (!(Number.isInteger(merged.dayStartHour) && merged.dayStartHour >= 0 && merged.dayStartHour <= 6)) {
      return 'dayStartHour must be a whole number from 0 to 6';
    }
    if (!['auto', 'always', 'never'].includes(merged.color)) return 'color must be auto, always or never';
    if (typeof merged.reminder !== 'boolean') return 'reminder must be true or false';
    if (typeof merged.notesCountForStreak !== 'boolean') return 'notesCountForStreak must be true or false';
    if (typeof merged.autoSync !== 'boolean') return 'autoSync must be true or false';
    if (!['names', 'count', 'off'].includes(merged.reminderPeople)) return 'reminderPeople must be names, count or off';
    if (merged.name !== undefined && typeof merged.name !== 'string') return 'name must be text';
    if (merged.editor !== undefined && typeof merged.editor !== 'string') return 'editor must be text';
    if (merged.weekStart !== undefined && merged.weekStart !== 'mon' && merged.weekStart !== 'sun') return 'weekStart must be mon or sun';
    if (merged.passphraseCommand !== undefined && typeof merged.passphraseCommand !== 'string') return 'passphraseCommand must be text';
    return null;
  },
};

/** device.json: only this machine's keys count (others are left alone); checked by the same rules. */
export const deviceSpec: DocSpec<Partial<Settings>> = {
  version: SETTINGS_VERSION,
  empty: () => ({ schemaVersion: SETTINGS_VERSION }),
  validate(doc) {
    const own = Object.fromEntries(DEVICE_KEYS.filter((k) => doc[k] !== undefined).map((k) => [k, doc[k]]));
    return settingsSpec.validate({ ...DEFAULT_SETTINGS, ...own });
  },
};

/**
 * The settings in force: config.json (shared by every machine that syncs) with this
 * machine's device.json over it. A device key still in config.json (written before
 * device.json existed) counts until device.json has it.
 */
export function readSettings(home: string): Settings {
  const shared = readDoc(join(home, FILES.settings), settingsSpec);
  const device = readDoc(join(home, FILES.device), deviceSpec);
  for (const key of DEVICE_KEYS) if (device[key] !== undefined) (shared as unknown as Record<string, unknown>)[key] = device[key];
  return shared;
}

/** The colour setting, for deciding colour before any command runs; 'auto' if unreadable. */
export function colorSetting(env: NodeJS.ProcessEnv): Settings['color'] {
  try {
    return readSettings(harmonyHome(env)).color;
  } catch {
    return 'auto'; // the command itself reports a broken config.json
  }
}
