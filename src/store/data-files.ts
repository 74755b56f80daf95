// The data files sync carries, each with the spec it is read by and the rule it merges by
// (issue 17). Paths are relative to the data folder, with `/`. What is not here is local to
// the machine (store/sync/ignore.ts): caches, locks, temp files, device.json.
import { canonicalJson } from '../core/canonical.js';
import { mergePeople, mergeQuiz, mergeQuizLog, mergeSettings, mergeState } from '../core/merge-docs.js';
import { mergeMonths, type MonthDoc } from '../core/month-doc.js';
import { decodeDoc, encodeDoc, type DocSpec } from './files.js';
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

export const DATA_FILES: DataFile[] = [
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

/** Reads one side of a merge; an empty or absent side (a file new on both sides) is null. */
export function decodeSide(file: string, bytes: Buffer | null, spec: DocSpec<unknown>): Doc | null {
  if (bytes === null || bytes.length === 0) return null;
  return decodeDoc(file, bytes, spec) as Doc;
}

/**
 * Merges three versions of a data file (base: their common ancestor, null when there is
 * none) and returns the bytes to store. Throws a DataError naming `label` when a side cannot
 * be read (corrupt, conflict markers, a newer version). A side equal to the base gives the
 * other side exactly as it was.
 */
export function mergeFile(path: string, label: string, base: Buffer | null, ours: Buffer | null, theirs: Buffer | null): Buffer | string {
  const file = dataFileOf(path);
  if (!file) throw new Error(`${path} is not a harmony data file`);
  const b = decodeSide(`${label} (common version)`, base, file.spec);
  const a = decodeSide(`${label} (this machine's version)`, ours, file.spec);
  const c = decodeSide(`${label} (the other version)`, theirs, file.spec);
  if (!a) return theirs ?? '';
  if (!c) return ours!;
  if (b && canonicalJson(a) === canonicalJson(b)) return theirs!;
  if (b && canonicalJson(c) === canonicalJson(b)) return ours!;
  if (canonicalJson(a) === canonicalJson(c)) return Buffer.compare(ours!, theirs!) <= 0 ? ours! : theirs!;
  return encodeDoc(file.merge(b, a, c));
}

/** .gitignore and .gitattributes are harmony's own: two versions of them (two harmony versions) settle on the same one either way. */
export const REPO_FILES = ['.gitignore', '.gitattributes'];

/** Merges any file sync carries: a data file by its rules, harmony's repository files by picking one. */
export function mergeCarried(path: string, base: Buffer | null, ours: Buffer | null, theirs: Buffer | null): Buffer | string {
  if (REPO_FILES.includes(path)) {
    if (!ours || !theirs) return ours ?? theirs ?? '';
    return Buffer.compare(ours, theirs) >= 0 ? ours : theirs;
  }
  return mergeFile(path, path, base, ours, theirs);
}
