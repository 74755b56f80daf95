// User settings (config.json). Reading is a plain, fast JSON read validated here, so the
// shell reminder never pays for conf's schema compiler; `harmony config set` writes through
// conf with a JSON schema (saveSetting, below).
import { join } from 'node:path';
import { DataError, UsageError } from '../errors.js';
import { assertWritable, readDoc, type DocSpec } from './files.js';
import type { Store } from './index.js';
import { FILES, harmonyHome } from './paths.js';

export const SETTINGS_VERSION = 1;

export interface Settings {
  schemaVersion: number;
  name?: string;
  /** Hour (0-6) at which a new practice day begins; 4 suits night owls. */
  dayStartHour: number;
  editor?: string;
  color: 'auto' | 'always' | 'never';
  reminder: boolean;
}

export const DEFAULT_SETTINGS: Settings = { schemaVersion: SETTINGS_VERSION, dayStartHour: 0, color: 'auto', reminder: true };

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
    if (merged.name !== undefined && typeof merged.name !== 'string') return 'name must be text';
    if (merged.editor !== undefined && typeof merged.editor !== 'string') return 'editor must be text';
    return null;
  },
};

// --- Writing (harmony config set) -----------------------------------------------------------
// conf (and its schema compiler, ajv) is imported lazily, so nothing else pays for it.

/** The JSON schema conf checks every write against (no `default`s: conf would write them). */
export const SETTINGS_SCHEMA = {
  schemaVersion: { type: 'integer', minimum: 1 },
  name: { type: 'string', maxLength: 200 },
  dayStartHour: { type: 'integer', minimum: 0, maximum: 6 },
  editor: { type: 'string', maxLength: 200 },
  color: { type: 'string', enum: ['auto', 'always', 'never'] },
  reminder: { type: 'boolean' },
} as const;

type SettableKey = Exclude<keyof Settings, 'schemaVersion'>;

/** Sets one setting (undefined clears it) in config.json, under the store lock. */
export async function saveSetting(store: Store, key: SettableKey, value: Settings[SettableKey] | undefined): Promise<void> {
  await store.write(async () => {
    const file = store.path(FILES.settings);
    // Our own read first: a corrupt or newer file is reported and left untouched.
    readDoc(file, settingsSpec);
    assertWritable(file); // conf's atomic rename would replace a read-only config.json (issue 8)
    const { default: Conf } = await import('conf');
    let conf: InstanceType<typeof Conf<Record<string, unknown>>>;
    try {
      conf = new Conf<Record<string, unknown>>({
        cwd: store.home,
        configName: 'config',
        configFileMode: 0o600,
        accessPropertiesByDotNotation: false,
        schema: SETTINGS_SCHEMA as never,
        serialize: (doc) => JSON.stringify(doc, null, 1) + '\n',
      });
    } catch (error) {
      throw new DataError(`${file} has unexpected content (${(error as Error).message}). Fix or move it aside.`);
    }
    // One whole-document write keeps schemaVersion in the file even when it did not exist.
    // (When SETTINGS_VERSION grows, write the migrated document here instead of the raw one.)
    const next: Record<string, unknown> = { ...conf.store, schemaVersion: SETTINGS_VERSION };
    if (value === undefined) delete next[key];
    else next[key] = value;
    try {
      conf.store = next;
    } catch (error) {
      const message = (error as Error).message;
      if (message.startsWith('Config schema violation')) throw new UsageError(`Invalid ${key}: ${message.replace(/^Config schema violation: /, '')}.`);
      throw new DataError(`Could not save ${file}: ${message}. Your previous settings are unchanged.`);
    }
  });
}

/** The colour setting, for deciding colour before any command runs; 'auto' if unreadable. */
export function colorSetting(env: NodeJS.ProcessEnv): Settings['color'] {
  try {
    return readDoc(join(harmonyHome(env), FILES.settings), settingsSpec).color;
  } catch {
    return 'auto'; // the command itself reports a broken config.json
  }
}
