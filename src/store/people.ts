// people.json: the people the user named (core/people.ts), one versioned document, written
// atomically (0600) under the store lock like every other file. Its shape stays simple on
// purpose (a list of people, each with a stable id and its own updatedAt), so a sync can
// merge it person by person.
//
// In an encrypted journal (issue 18) it is split (core/people-parts.ts): people.json keeps
// ids, rhythms, snoozes and days (the shell reminder reads them locked, never a name), and
// people.json.age who they are. Adding someone while locked writes their secret fields to a
// delta (people+<ms>-<pid>.json.age, encrypted to the public key): no passphrase needed.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { emptyPeople, PEOPLE_VERSION, peopleProblem, type PeopleDoc } from '../core/people.js';
import type { LocalDate } from '../core/dates.js';
import { emptySecretPeople, foldSecretPeople, joinPeople, plainPeopleProblem, secretPeopleProblem, splitPeople, type SecretPeopleDoc, type SecretPerson } from '../core/people-parts.js';
import { duePeopleOn, remindFloor, watched } from '../core/people-due.js';
import { shortName } from '../core/people-text.js';
import type { DuePeople } from '../core/remind.js';
import type { Settings } from '../core/settings.js';
import { DataError } from '../errors.js';
import { readData, readDoc, removeQuietly, writeDoc, type DocSpec } from './files.js';
import type { Journal } from './journal.js';
import { FILES } from './paths.js';
import { decodeDoc, readSealed, writeSealed } from './sealed.js';
import { isEncrypted, type Vault } from './vault.js';

export const peopleSpec: DocSpec<PeopleDoc> = {
  version: PEOPLE_VERSION,
  empty: emptyPeople,
  validate: peopleProblem,
};

/** people.json of an encrypted journal: no names. */
export const plainPeopleSpec: DocSpec<PeopleDoc> = { ...peopleSpec, validate: plainPeopleProblem };
/** people.json.age and its deltas. */
export const secretPeopleSpec: DocSpec<SecretPeopleDoc> = { version: PEOPLE_VERSION, empty: emptySecretPeople, validate: secretPeopleProblem };

export const peopleFile = (home: string) => join(home, FILES.people);
export const PEOPLE_DELTA_RE = /^people\+\d+-\d+\.json\.age$/;

/** The deltas saved while locked, oldest first (their names start with the time). */
export function peopleDeltas(home: string): string[] {
  try {
    const time = (n: string) => Number(n.slice(7).split('-')[0]);
    return readdirSync(home).filter((n) => PEOPLE_DELTA_RE.test(n)).sort((a, b) => time(a) - time(b) || (a < b ? -1 : 1));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new DataError(`Cannot read ${home}: ${(error as Error).message}.`);
  }
}

/**
 * What needs no key: the whole document in a plaintext journal; in an encrypted one the
 * plaintext layer (no names, no aliases, no circles). A DataError naming the file if it
 * cannot be trusted.
 */
export function readPeople(home: string, encrypted = isEncrypted(home)): PeopleDoc {
  return readDoc(peopleFile(home), encrypted ? plainPeopleSpec : peopleSpec);
}

/** The whole document; in an encrypted journal this needs the identity (it may ask for the passphrase). */
export async function readAllPeople(home: string, vault: Vault): Promise<PeopleDoc> {
  if (!vault.encrypted) return readDoc(peopleFile(home), peopleSpec);
  const plain = readDoc(peopleFile(home), plainPeopleSpec);
  if (plain.people.length === 0 && peopleDeltas(home).length === 0) return plain;
  return joinPeople(plain, await readSecretPeople(home, vault, 'see the names of your people'));
}

async function readSecretPeople(home: string, vault: Vault, why?: string): Promise<Map<string, SecretPerson>> {
  const secret = new Map<string, SecretPerson>();
  foldSecretPeople(secret, await readSealed(vault, peopleFile(home), secretPeopleSpec, why));
  for (const name of peopleDeltas(home)) {
    const file = join(home, name);
    const bytes = readData(file);
    if (bytes !== undefined) foldSecretPeople(secret, await decodeDoc(file, bytes, secretPeopleSpec, vault, why));
  }
  return secret;
}

/**
 * Call under the store lock, with a document read under it. Encrypted, `whole` (the document
 * was read with its secret part): both layers, and the deltas folded in go; else the
 * plaintext layer and, for the people whose secret fields the change set, a delta.
 */
export async function writePeople(home: string, doc: PeopleDoc, vault?: Vault, whole = true): Promise<void> {
  const out = { schemaVersion: PEOPLE_VERSION, people: doc.people };
  if (!vault?.encrypted) return writeDoc(peopleFile(home), out);
  const { plain, secret } = splitPeople(out);
  if (whole) {
    const deltas = peopleDeltas(home);
    await writeSealed(vault, peopleFile(home), secret);
    writeDoc(peopleFile(home), plain);
    for (const name of deltas) removeQuietly(join(home, name));
    return;
  }
  const changed = secret.people.filter((p) => p.name !== undefined || (p.aliases?.length ?? 0) > 0 || p.circle !== undefined);
  // The delta first: a crash between the two leaves a delta for no one (ignored), never a person without a name.
  if (changed.length > 0) await writeSealed(vault, join(home, `people+${Date.now()}-${process.pid}.json`), { schemaVersion: PEOPLE_VERSION, people: changed });
  writeDoc(peopleFile(home), plain);
}

/**
 * Who is due on each of `days`, for the shell reminder and its cache (setting reminderPeople):
 * null when nothing may be said. For `count` the months are read back only to each one's
 * rhythm (remindFloor: enough to know who is due); to name the one waiting longest, back to
 * each one's day added. Throws (a DataError naming people.json) when the file cannot be trusted.
 * An encrypted journal: `names` says the count instead (its people.json holds no names, and
 * the reminder's cache is a plaintext file).
 */
export async function duePeopleDays(home: string, journal: Journal, settings: Pick<Settings, 'reminder' | 'reminderPeople'>, days: readonly LocalDate[]): Promise<DuePeople[] | null> {
  const encrypted = journal.vault().encrypted;
  const mode = encrypted && settings.reminderPeople === 'names' ? 'count' : settings.reminderPeople;
  if (!settings.reminder || mode === 'off' || days.length === 0) return null;
  const people = watched(readPeople(home, encrypted));
  if (people.length === 0) return null;
  const backs = new Map<string, LocalDate>();
  const floors = new Map(people.map((p) => [p.id, mode === 'names' ? p.addedOn : remindFloor(p, days[0]!, backs)]));
  const lasts = await journal.lastConnections(floors, days[days.length - 1]!.slice(0, 7));
  return duePeopleOn(people, lasts, days, mode === 'names' ? (p) => shortName(p.name ?? '') : undefined);
}
