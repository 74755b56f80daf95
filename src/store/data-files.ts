// The data files sync carries, each with the spec it is read by and the rule it merges by
// (issue 17). Paths are relative to the data folder, with `/`. What is not here is local to
// the machine (store/sync/ignore.ts): caches, locks, temp files, device.json.
import { canonicalJson } from '../core/canonical.js';
import { mergePeople, mergeQuiz, mergeQuizLog, mergeSettings, mergeState } from '../core/merge-docs.js';
import { mergeMonths, type MonthDoc } from '../core/month-doc.js';
import { decodeDoc as decodeSealed } from './sealed.js';
import { PLAIN_STATE_KEYS } from '../core/state-parts.js';
import { isAgeFile } from './age-file.js';
import { DataError } from '../errors.js';
import { decodeDoc, encodeDoc, serializeDoc, type DocSpec } from './files.js';
import { secretPeopleSpec } from './people.js';
import type { Vault } from './vault.js';
import { monthSpec } from './journal.js';
import { quizLogSpec } from './quiz-log.js';
import { quizSpec } from './quiz.js';
import { settingsSpec } from './settings.js';
import { stateSpec } from './state.js';

type Doc = Record<string, unknown>;
type Merge = (base: Doc | null, ours: Doc, theirs: Doc) => Doc;

interface DataFile {
  kind: string;
  pattern: RegExp;
  spec: DocSpec<unknown>;
  merge: Merge;
  /** An encrypted journal's file (issue 18): age-encrypted JSON, merged with the unlocked identity. */
  sealed?: boolean;
  /**
   * Written once and never changed, deleted when folded into its file (an entry saved while
   * locked, a delta): its delete is harmony's own, not the user's.
   */
  transient?: boolean;
}

// config.json as stored: checked by the settings rules, but without the defaults they fill
// in, so a merge writes back only the keys that were there.
const storedSettings: DocSpec<unknown> = {
  ...settingsSpec,
  validate: (doc) => settingsSpec.validate({ ...doc }),
};

// people.json (issue 14): merged person by person; checked here only as far as the merge needs.
const peopleSpec: DocSpec<unknown> = {
  version: 1,
  empty: () => ({ schemaVersion: 1, people: [] }),
  validate: (doc) =>
    Array.isArray(doc.people) && doc.people.every((p) => typeof p === 'object' && p !== null && typeof (p as Doc).id === 'string') ? null : 'people is not a list of people',
};

// state.json.age: the secret part of state.json (core/state-parts.ts). It merges by the same
// rules; the plaintext fields, which live in state.json, are not added to it.
const secretStateSpec: DocSpec<unknown> = { version: stateSpec.version, empty: () => ({ schemaVersion: 1 }), validate: () => null };
const mergeSecretState: Merge = (b, a, c) => {
  const out = mergeState(b, a, c);
  for (const key of PLAIN_STATE_KEYS) if (key !== 'schemaVersion' && !(key in a) && !(key in c)) delete out[key];
  return out;
};
const sameOnly: Merge = (_b, a) => a; // never changed once written: both sides hold the same
const monthMerge: Merge = (b, a, c) => mergeMonths(b as MonthDoc | null, a as unknown as MonthDoc, c as unknown as MonthDoc) as unknown as Doc;

export const DATA_FILES: DataFile[] = [
  { kind: 'journal month', pattern: /^journal\/\d{4}-\d{2}\.json\.age$/, spec: monthSpec as DocSpec<unknown>, merge: monthMerge, sealed: true },
  { kind: 'journal entry', pattern: /^journal\/\d{4}-\d{2}\+\d{8}-[0-9a-z]{4,8}\.json\.age$/, spec: monthSpec as DocSpec<unknown>, merge: monthMerge, sealed: true, transient: true },
  { kind: 'quiz log month', pattern: /^quiz-log\/\d{4}-\d{2}\.json\.age$/, spec: quizLogSpec as DocSpec<unknown>, merge: mergeQuizLog, sealed: true },
  { kind: 'quiz cards', pattern: /^quiz\.json\.age$/, spec: quizSpec as DocSpec<unknown>, merge: mergeQuiz, sealed: true },
  { kind: 'progress', pattern: /^state\.json\.age$/, spec: secretStateSpec, merge: mergeSecretState, sealed: true },
  { kind: 'progress', pattern: /^state\+\d+-\d+\.json\.age$/, spec: secretStateSpec, merge: sameOnly, sealed: true, transient: true },
  { kind: 'people', pattern: /^people\.json\.age$/, spec: secretPeopleSpec as DocSpec<unknown>, merge: mergePeople, sealed: true },
  { kind: 'people', pattern: /^people\+\d+-\d+\.json\.age$/, spec: secretPeopleSpec as DocSpec<unknown>, merge: sameOnly, sealed: true, transient: true },
  { kind: 'journal month', pattern: /^journal\/\d{4}-\d{2}\.json$/, spec: monthSpec as DocSpec<unknown>, merge: (b, a, c) => mergeMonths(b as MonthDoc | null, a as unknown as MonthDoc, c as unknown as MonthDoc) as unknown as Doc },
  { kind: 'quiz log month', pattern: /^quiz-log\/\d{4}-\d{2}\.json$/, spec: quizLogSpec as DocSpec<unknown>, merge: mergeQuizLog },
  { kind: 'quiz cards', pattern: /^quiz\.json$/, spec: quizSpec as DocSpec<unknown>, merge: mergeQuiz },
  { kind: 'progress', pattern: /^state\.json$/, spec: stateSpec as DocSpec<unknown>, merge: mergeState },
  { kind: 'settings', pattern: /^config\.json$/, spec: storedSettings, merge: mergeSettings },
  { kind: 'people', pattern: /^people\.json$/, spec: peopleSpec, merge: mergePeople },
];

export function dataFileOf(path: string): DataFile | undefined {
  return DATA_FILES.find((f) => f.pattern.test(path));
}

/**
 * Reads one side of a merge; an empty or absent side (a file new on both sides) is null. An
 * encrypted file (`file` ends in .age) is only checked to be one here: reading it needs the key.
 */
export function decodeSide(file: string, bytes: Buffer | null, spec: DocSpec<unknown>): Doc | null {
  if (bytes === null || bytes.length === 0) return null;
  if (file.endsWith('.age')) {
    if (!isAgeFile(bytes)) throw new DataError(`${file} is not an age-encrypted file (damaged, or merged as text). It was left untouched; restore it from git or a backup.`);
    return { schemaVersion: 1 };
  }
  return decodeDoc(file, bytes, spec) as Doc;
}

/** The files that hold the encryption key and its public half: carried, never merged (two keys cannot be). */
export const KEY_FILES = ['encryption.json', 'identity.age'];

/**
 * Merges three versions of a data file (base: their common ancestor, null when there is
 * none) and returns the bytes to store. Throws a DataError naming `label` when a side cannot
 * be read (corrupt, conflict markers, a newer version). A side equal to the base gives the
 * other side exactly as it was. An encrypted file is decrypted with `vault`'s identity (the
 * journal must be unlocked) and the result encrypted again to its key.
 */
export async function mergeFile(path: string, label: string, base: Buffer | null, ours: Buffer | null, theirs: Buffer | null, vault?: Vault): Promise<Buffer | string> {
  const file = dataFileOf(path);
  if (!file) throw new Error(`${path} is not a harmony data file`);
  const side = async (what: string, bytes: Buffer | null): Promise<Doc | null> => {
    if (bytes === null || bytes.length === 0) return null;
    if (!file.sealed) return decodeDoc(what, bytes, file.spec) as Doc;
    if (!vault?.encrypted) throw new DataError(`${what} is encrypted, but this journal is not (no encryption.json); it cannot be merged here.`);
    return (await decodeSealed(what, bytes, file.spec, vault)) as Doc;
  };
  const b = await side(`${label} (common version)`, base);
  const a = await side(`${label} (this machine's version)`, ours);
  const c = await side(`${label} (the other version)`, theirs);
  if (!a) return theirs ?? '';
  if (!c) return ours!;
  if (b && canonicalJson(a) === canonicalJson(b)) return theirs!;
  if (b && canonicalJson(c) === canonicalJson(b)) return ours!;
  if (canonicalJson(a) === canonicalJson(c)) return Buffer.compare(ours!, theirs!) <= 0 ? ours! : theirs!;
  const merged = file.merge(b, a, c);
  return file.sealed ? Buffer.from(await vault!.seal(serializeDoc(merged))) : encodeDoc(merged);
}

/** .gitignore and .gitattributes are harmony's own: two versions of them (two harmony versions) settle on the same one either way. */
export const REPO_FILES = ['.gitignore', '.gitattributes'];

/** Merges any file sync carries: a data file by its rules, harmony's repository files by picking one. */
export async function mergeCarried(path: string, base: Buffer | null, ours: Buffer | null, theirs: Buffer | null, vault?: Vault): Promise<Buffer | string> {
  if (REPO_FILES.includes(path)) {
    if (!ours || !theirs) return ours ?? theirs ?? '';
    return Buffer.compare(ours, theirs) >= 0 ? ours : theirs;
  }
  if (KEY_FILES.includes(path)) {
    if (!ours || !theirs || Buffer.compare(ours, theirs) === 0 || (base && Buffer.compare(base, theirs) === 0)) return ours ?? theirs ?? '';
    if (base && Buffer.compare(base, ours) === 0) return theirs;
    // identity.age alone changes when a passphrase changes; encryption.json when someone ran harmony encrypt twice.
    throw new DataError(`${path} differs between the two machines (each has its own encryption key or passphrase), so their journals cannot be merged. Decrypt on one of them (harmony decrypt), sync, then encrypt again on one machine only`);
  }
  return mergeFile(path, path, base, ours, theirs, vault);
}
