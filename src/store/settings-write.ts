// Writing settings (harmony config set) through conf 15 with a JSON schema. A module of its
// own so that conf and its schema compiler (ajv) are reachable only from `config set`, never
// from the start-up paths that read settings (every command, and the shell reminder).
import { DataError, UsageError } from '../errors.js';
import Conf from 'conf';
import { readFileSync } from 'node:fs';
import { assertWritable, readDoc, writeDoc, writeError } from './files.js';
import type { Store } from './index.js';
import { FILES } from './paths.js';
import { deviceSpec, DEVICE_KEYS, isDeviceKey, SETTINGS_VERSION, settingsSpec, type Settings } from './settings.js';

/** The JSON schema conf checks every write against (no `default`s: conf would write them). */
export const SETTINGS_SCHEMA = {
  schemaVersion: { type: 'integer', minimum: 1 },
  name: { type: 'string', maxLength: 200 },
  dayStartHour: { type: 'integer', minimum: 0, maximum: 6 },
  editor: { type: 'string', maxLength: 200 },
  color: { type: 'string', enum: ['auto', 'always', 'never'] },
  reminder: { type: 'boolean' },
  notesCountForStreak: { type: 'boolean' },
  weekStart: { type: 'string', enum: ['mon', 'sun'] },
  autoSync: { type: 'boolean' },
  reminderPeople: { type: 'string', enum: ['names', 'count', 'off'] },
  passphraseCommand: { type: 'string', maxLength: 200 },
} as const;

/** device.json's schema: this machine's keys only (other keys found there are kept as they are). */
const DEVICE_SCHEMA = Object.fromEntries(Object.entries(SETTINGS_SCHEMA).filter(([k]) => k === 'schemaVersion' || (DEVICE_KEYS as readonly string[]).includes(k)));

type SettableKey = Exclude<keyof Settings, 'schemaVersion'>;

/**
 * Sets one setting (undefined clears it), under the store lock: a machine's own key in
 * device.json (and out of config.json, where an older harmony put it), the others in config.json.
 */
export async function saveSetting(store: Store, key: SettableKey, value: Settings[SettableKey] | undefined): Promise<void> {
  await store.write(async () => {
    const device = isDeviceKey(key);
    const file = store.path(device ? FILES.device : FILES.settings);
    // Our own reads first: a corrupt or newer file is reported and left untouched.
    readDoc(store.path(FILES.settings), settingsSpec);
    readDoc(store.path(FILES.device), deviceSpec);
    assertWritable(file); // conf's atomic rename would replace a read-only config.json (issue 8)
    let conf: InstanceType<typeof Conf<Record<string, unknown>>>;
    try {
      conf = new Conf<Record<string, unknown>>({
        cwd: store.home,
        configName: device ? 'device' : 'config',
        configFileMode: 0o600,
        accessPropertiesByDotNotation: false,
        schema: (device ? DEVICE_SCHEMA : SETTINGS_SCHEMA) as never,
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
      // An OS refusal (disk full, read-only) in the same words as every other save (issue 8).
      if ((error as NodeJS.ErrnoException).code) throw writeError(file, error);
      throw new DataError(`Could not save ${file}: ${message}. Your previous settings are unchanged.`);
    }
    if (device) dropFromShared(store, key);
  });
}

/** A machine's own key left in config.json by an older harmony: removed once device.json holds it. */
function dropFromShared(store: Store, key: string): void {
  const file = store.path(FILES.settings);
  let doc: Record<string, unknown>;
  try {
    doc = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch {
    return; // no config.json (or read just above, so not corrupt): nothing to move
  }
  if (!(key in doc)) return;
  delete doc[key];
  writeDoc(file, doc);
}
