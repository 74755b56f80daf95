// state.json, and in an encrypted journal its secret part (core/state-parts.ts): state.json.age,
// plus the changes made while locked, each in a file of its own (state+<ms>-<pid>.json.age,
// folded in oldest first, and into state.json.age by the next write that holds the key).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { foldSecret, splitState, type StatePart } from '../core/state-parts.js';
import type { State } from '../core/state.js';
import { DataError } from '../errors.js';
import { readData, removeQuietly, writeDoc, type DocSpec } from './files.js';
import { FILES } from './paths.js';
import { decodeDoc, readSealed, writeSealed } from './sealed.js';
import type { Vault } from './vault.js';

const DELTA_RE = /^state\+\d+-\d+\.json\.age$/;
const partSpec: DocSpec<StatePart> = {
  version: 1,
  empty: () => ({ schemaVersion: 1 }),
  validate: (doc) => (typeof doc === 'object' && doc !== null ? null : 'not an object'),
};

/** The deltas saved while locked, oldest first (their names start with the time). */
export function stateDeltas(home: string): string[] {
  try {
    return readdirSync(home).filter((n) => DELTA_RE.test(n)).sort((a, b) => Number(a.slice(6).split('-')[0]) - Number(b.slice(6).split('-')[0]) || (a < b ? -1 : 1));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new DataError(`Cannot read ${home}: ${(error as Error).message}.`);
  }
}

/** The secret part with every delta folded in (needs the identity). */
export async function readSecretState(home: string, vault: Vault): Promise<{ secret: StatePart; deltas: string[] }> {
  let secret = await readSealed(vault, join(home, FILES.state), partSpec);
  const deltas = stateDeltas(home);
  for (const name of deltas) {
    const file = join(home, name);
    const bytes = readData(file);
    if (bytes !== undefined) secret = foldSecret(secret, await decodeDoc(file, bytes, partSpec, vault));
  }
  return { secret, deltas };
}

/**
 * Saves the state (under the lock). Encrypted: the plain part to state.json; the secret part
 * to state.json.age when the key is at hand (`full`: `state` holds the secret part as read),
 * else only what changed, as a delta (a state read while locked has an empty secret part, so
 * its secret fields are exactly what the change set).
 */
export async function saveStateFile(home: string, vault: Vault, state: State, full: boolean): Promise<void> {
  const file = join(home, FILES.state);
  if (!vault.encrypted) return writeDoc(file, state);
  const { plain, secret } = splitState(state);
  writeDoc(file, { ...plain, promptsUsed: {} }); // promptsUsed keeps older readers' shape; the real one is secret
  if (full) {
    const deltas = stateDeltas(home);
    await writeSealed(vault, file, secret);
    for (const name of deltas) removeQuietly(join(home, name));
    return;
  }
  await writeSealed(vault, join(home, `state+${Date.now()}-${process.pid}.json`), secret);
}
