// The JSON backup (`harmony export --format json`) and what importing one would change.
// Pure: the stored documents and their specs come in as arguments; the store applies a plan.
import type { DocSpec } from './doc.js';
import type { Settings } from './settings.js';
import type { State } from './state.js';
import { entryProblem, type Entry } from './entry.js';
import { mergeQuiz, type QuizBackup } from './quiz-doc.js';
import { emptyPeople, type PeopleDoc, type Person } from './people.js';

export const BACKUP_FORMAT = 'harmony-backup';
/**
 * Version 1: settings and state are whole documents (each with its own schemaVersion), quiz is
 * quiz.json's cards with the whole log of quiz-log/ (its own schemaVersion: the shape quiz.json
 * had before the log moved out, so every backup ever written still imports); entries are
 * journal entries as stored.
 */
/* Version 2 adds `people` (people.json as stored); the connections are the entries' `with`
 * and `how`. A version 1 backup imports as one with nobody in it. */
export const BACKUP_VERSION = 2;

export interface Backup {
  format: typeof BACKUP_FORMAT;
  schemaVersion: number;
  exportedAt: string;
  settings: Settings;
  state: State;
  quiz: QuizBackup;
  people: PeopleDoc;
  entries: Entry[];
}

export interface BackupSpecs {
  settings: DocSpec<Settings>;
  state: DocSpec<State>;
  quiz: DocSpec<QuizBackup>;
  people: DocSpec<PeopleDoc>;
}

export function buildBackup(parts: Omit<Backup, 'format' | 'schemaVersion'>): Backup {
  const { exportedAt, settings, state, quiz, people, entries } = parts;
  return { format: BACKUP_FORMAT, schemaVersion: BACKUP_VERSION, exportedAt, settings, state, quiz, people, entries };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isVersion = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 1;

/** A stored document inside the backup: checked, migrated and validated like the file itself. */
function checkDoc<T>(value: unknown, spec: DocSpec<T>, where: string): { doc?: T; problem?: string } {
  if (!isRecord(value)) return { problem: `${where} is not an object` };
  const version = value.schemaVersion;
  if (!isVersion(version)) return { problem: `${where}.schemaVersion is not a whole number from 1` };
  if (version > spec.version) {
    return { problem: `${where} was written by a newer harmony (version ${version}, this one reads up to ${spec.version}); upgrade harmony` };
  }
  let record = structuredClone(value);
  for (let v = version + 1; v <= spec.version; v++) {
    const migrate = spec.migrations?.[v];
    if (!migrate) return { problem: `${where} cannot be upgraded from version ${v - 1}` };
    record = { ...migrate(record), schemaVersion: v };
  }
  const problem = spec.validate(record);
  return problem ? { problem: `${where}: ${problem}` } : { doc: record as T };
}

export interface Checked {
  backup?: Backup;
  /** Everything wrong, each naming where (e.g. "entries[12].date is not a YYYY-MM-DD date"). */
  problems: string[];
}

/** Validates a parsed backup file completely; nothing may be written unless problems is empty. */
export function checkBackup(raw: unknown, specs: BackupSpecs): Checked {
  if (!isRecord(raw) || raw.format !== BACKUP_FORMAT) {
    return { problems: [`this is not a harmony backup (it needs "format": "${BACKUP_FORMAT}"; make one with harmony export --format json)`] };
  }
  if (!isVersion(raw.schemaVersion)) return { problems: ['schemaVersion is not a whole number from 1'] };
  if (raw.schemaVersion > BACKUP_VERSION) {
    return {
      problems: [`it was written by a newer harmony (backup version ${raw.schemaVersion}, this one reads up to ${BACKUP_VERSION}); upgrade harmony to import it`],
    };
  }
  const problems: string[] = [];
  if (typeof raw.exportedAt !== 'string' || Number.isNaN(Date.parse(raw.exportedAt))) problems.push('exportedAt is not a date-time');
  const settings = checkDoc(raw.settings, specs.settings, 'settings');
  const state = checkDoc(raw.state, specs.state, 'state');
  const quiz = checkDoc(raw.quiz, specs.quiz, 'quiz');
  // Version 1 had no people; a later one must have them (their ids are in the entries).
  const people = raw.schemaVersion < 2 && raw.people === undefined ? { doc: emptyPeople() } : checkDoc(raw.people, specs.people, 'people');
  for (const part of [settings, state, quiz, people]) if (part.problem) problems.push(part.problem);
  if (!Array.isArray(raw.entries)) {
    problems.push('entries is not a list');
  } else {
    const firstAt = new Map<string, number>();
    raw.entries.forEach((e: unknown, i: number) => {
      const problem = entryProblem(e, `entries[${i}]`);
      if (problem) return problems.push(problem);
      const entry = e as Entry;
      // The store finds an entry by its id, which starts with its day.
      if (entry.id.slice(0, 8) !== entry.date.replaceAll('-', '')) return problems.push(`entries[${i}].id does not start with its date`);
      const first = firstAt.get(entry.id);
      if (first !== undefined) return problems.push(`entries[${i}].id is the same as entries[${first}].id`);
      firstAt.set(entry.id, i);
    });
  }
  if (problems.length > 0) return { problems };
  const backup = buildBackup({
    exportedAt: raw.exportedAt as string,
    settings: settings.doc!,
    state: state.doc!,
    quiz: quiz.doc!,
    people: people.doc!,
    entries: raw.entries as Entry[],
  });
  return { backup, problems };
}

/** What is here now, as far as an import cares. */
export interface Current {
  /** Ids of entries already stored (at least in the months the backup touches). */
  ids: ReadonlySet<string>;
  /** Null when there is no settings file / state file yet. */
  settings: Settings | null;
  state: State | null;
  quiz: QuizBackup;
  /** Null when there is no people.json yet. */
  people: PeopleDoc | null;
}

export interface ImportPlan {
  add: Entry[];
  skipped: number;
  /** Settings are restored only where none were set; otherwise the current ones stay. */
  settings: Settings | null;
  /** Null when the state would not change. */
  state: State | null;
  newLessonsRead: number;
  /** Null when the quiz would not change. */
  quiz: QuizBackup | null;
  newReviews: number;
  /** Null when people.json would not change. */
  people: PeopleDoc | null;
  newPeople: number;
}

/**
 * People merge by id: someone new is added; for someone on both sides the later updatedAt
 * wins, except that someone forgotten here stays forgotten (an old backup must not bring a
 * forgotten name back).
 */
export function mergePeople(current: PeopleDoc | null, incoming: PeopleDoc): { doc: PeopleDoc; added: number } {
  const people: Person[] = [...(current?.people ?? [])];
  const at = new Map(people.map((p, i) => [p.id, i]));
  let added = 0;
  for (const p of incoming.people) {
    const i = at.get(p.id);
    if (i === undefined) {
      at.set(p.id, people.push(p) - 1);
      if (!p.removed && !p.forgotten) added++;
    } else if (!people[i]!.forgotten && (p.forgotten || p.updatedAt > people[i]!.updatedAt)) {
      people[i] = p;
    }
  }
  return { doc: { ...(current ?? incoming), people }, added };
}

/** Union of progress: a lesson keeps its earliest read day, a prompt its latest use. */
export function mergeState(current: State | null, incoming: State): State {
  if (current === null) return incoming;
  const lessonsRead = { ...current.lessonsRead };
  for (const [id, day] of Object.entries(incoming.lessonsRead)) {
    const mine = lessonsRead[id];
    if (mine === undefined || day < mine) lessonsRead[id] = day;
  }
  const promptsUsed = { ...current.promptsUsed };
  for (const [prompt, day] of Object.entries(incoming.promptsUsed)) {
    const mine = promptsUsed[prompt];
    if (mine === undefined || day > mine) promptsUsed[prompt] = day;
  }
  const merged: State = { ...incoming, ...current, lessonsRead, promptsUsed };
  if (current.practicesOffered || incoming.practicesOffered) {
    merged.practicesOffered = latest(current.practicesOffered ?? {}, incoming.practicesOffered ?? {});
  }
  if (current.ownPrompts || incoming.ownPrompts) {
    // The same prompt (id or text) is kept once; the ones here come first.
    const own = [...(current.ownPrompts ?? [])];
    for (const p of incoming.ownPrompts ?? []) {
      if (!own.some((o) => o.id === p.id || (o.principle === p.principle && o.text === p.text))) own.push(p);
    }
    merged.ownPrompts = own;
  }
  return merged;
}

function latest(a: Record<string, string>, b: Record<string, string>): Record<string, string> {
  const out = { ...a };
  for (const [key, day] of Object.entries(b)) if (out[key] === undefined || day > out[key]!) out[key] = day;
  return out;
}

export function planImport(backup: Backup, current: Current): ImportPlan {
  const add = backup.entries.filter((e) => !current.ids.has(e.id));
  const state = mergeState(current.state, backup.state);
  const quiz = mergeQuiz(current.quiz, backup.quiz);
  const people = mergePeople(current.people, backup.people);
  const before = Object.keys(current.state?.lessonsRead ?? {}).length;
  return {
    add,
    skipped: backup.entries.length - add.length,
    settings: current.settings === null ? backup.settings : null,
    state: JSON.stringify(state) === JSON.stringify(current.state) ? null : state,
    newLessonsRead: Object.keys(state.lessonsRead).length - before,
    quiz: JSON.stringify(quiz) === JSON.stringify(current.quiz) ? null : quiz,
    newReviews: quiz.log.length - current.quiz.log.length,
    people: JSON.stringify(people.doc.people) === JSON.stringify(current.people?.people ?? []) ? null : people.doc,
    newPeople: people.added,
  };
}
