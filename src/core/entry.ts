// A journal entry and its validation (used for stored files, edits and imports alike).
import { FINGERPRINT_RE } from './canonical.js';
import { isValidDate, type LocalDate } from './dates.js';
import { HOWS, PERSON_ID_RE, type How } from './people.js';
import { isPrincipleId, type PrincipleId } from './principles.js';

export type EntryKind = 'checkin' | 'reflection' | 'note' | 'review';
export const ENTRY_KINDS: readonly EntryKind[] = ['checkin', 'reflection', 'note', 'review'];
/** Kinds that are the daily practice (a note counts only with the notesCountForStreak setting; a weekly review counts, like a reflection). */
export const isPracticeKind = (kind: EntryKind) => kind !== 'note';
/** How each kind is named in headings and lists. */
export const KIND_LABELS: Record<EntryKind, string> = { checkin: 'Check-in', reflection: 'Reflection', note: 'Note', review: 'Weekly review' };

/** How an intention or practice went, asked at the next check-in. */
export type FollowUpStatus = 'kept' | 'partly' | 'missed' | 'dropped';
export const FOLLOW_UP_STATUSES: readonly FollowUpStatus[] = ['kept', 'partly', 'missed', 'dropped'];
export const FOLLOW_UP_LABELS: Record<FollowUpStatus, string> = { kept: 'kept', partly: 'partly', missed: 'not this time', dropped: 'let go' };

/** What a check-in followed up: an earlier entry's intention and/or practice. */
export interface FollowUp {
  /** The earlier entry's id. */
  entryId: string;
  intention?: FollowUpStatus;
  practice?: FollowUpStatus;
  /** What helped or got in the way. */
  note?: string;
}

/** The day's micro-practice (content/practices), as offered; `done` once marked done. */
export interface EntryPractice {
  id: string;
  text: string;
  /** When it was marked done (harmony practice done), ISO 8601. */
  done?: string;
  note?: string;
}

export interface Answer {
  prompt: string;
  answer: string;
}

export interface Entry {
  id: string;
  kind: EntryKind;
  /** The local practice day, YYYY-MM-DD. */
  date: LocalDate;
  /** When it was written, ISO 8601 with the local offset. */
  createdAt: string;
  updatedAt?: string;
  /** Every practice entry has one; a note may have none. */
  principle?: PrincipleId;
  mood?: number;
  answers: Answer[];
  intention?: string;
  /** A note's own words (free text, kept exactly as written). */
  text?: string;
  /** A note's title, where the source had one (jrnl, Daylio). */
  title?: string;
  tags?: string[];
  starred?: boolean;
  /** Where an imported entry came from (`jrnl:…`): the same source entry is never imported twice. */
  source?: string;
  /** Today's practice (check-ins). */
  practice?: EntryPractice;
  /** The earlier intention and practice this check-in followed up. */
  followUp?: FollowUp;
  /** A weekly review: the week it looks back on (YYYY-Www); its principle is the focus chosen for the next. */
  week?: string;
  /**
   * Sync (issue 17): fingerprints of the versions this one replaced (core/versions.ts), so a
   * merge can tell an edit from a concurrent change. Kept by every edit; never shown.
   */
  prior?: string[];
  /** Other versions a sync merge kept because two machines changed the entry at once; `harmony conflicts` resolves them. */
  conflicts?: EntryVersion[];
  /** The people (ids in people.json, never names) the user really connected with. */
  with?: string[];
  /** How they connected (one for the whole entry). */
  how?: How;
}

/** One version of an entry, as kept in another's `conflicts` (no conflicts of its own). */
export type EntryVersion = Omit<Entry, 'conflicts'>;

export const MOODS: Record<number, string> = {
  1: 'rough',
  2: 'low',
  3: 'okay',
  4: 'good',
  5: 'great',
};

const ID_RE = /^\d{8}-[0-9a-z]{4,8}$/;
export const isEntryId = (v: unknown): v is string => typeof v === 'string' && ID_RE.test(v);
const ISO_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** Returns what is wrong, naming the field (`where` prefixes it), or null. */
export function entryProblem(value: unknown, where = 'entry'): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return `${where} is not an object`;
  const e = value as Record<string, unknown>;
  if (typeof e.id !== 'string' || !ID_RE.test(e.id)) return `${where}.id is not a valid entry id`;
  if (!ENTRY_KINDS.includes(e.kind as EntryKind)) return `${where}.kind must be ${ENTRY_KINDS.join(', ')}`;
  if (typeof e.date !== 'string' || !isValidDate(e.date)) return `${where}.date is not a YYYY-MM-DD date`;
  if (typeof e.createdAt !== 'string' || !ISO_RE.test(e.createdAt)) return `${where}.createdAt is not an ISO timestamp`;
  if (e.updatedAt !== undefined && (typeof e.updatedAt !== 'string' || !ISO_RE.test(e.updatedAt))) {
    return `${where}.updatedAt is not an ISO timestamp`;
  }
  if (!(e.kind === 'note' && e.principle === undefined) && !isPrincipleId(e.principle)) return `${where}.principle is not one of the five principle ids`;
  if (e.mood !== undefined && !(Number.isInteger(e.mood) && (e.mood as number) >= 1 && (e.mood as number) <= 5)) {
    return `${where}.mood must be a whole number from 1 to 5`;
  }
  if (!Array.isArray(e.answers)) return `${where}.answers is not a list`;
  for (const [i, a] of e.answers.entries()) {
    const item = a as Record<string, unknown> | null;
    if (typeof item !== 'object' || item === null || typeof item.prompt !== 'string' || typeof item.answer !== 'string') {
      return `${where}.answers[${i}] needs a prompt and an answer (text)`;
    }
  }
  if (e.intention !== undefined && typeof e.intention !== 'string') return `${where}.intention is not text`;
  for (const key of ['text', 'title', 'source'] as const) {
    if (e[key] !== undefined && typeof e[key] !== 'string') return `${where}.${key} is not text`;
  }
  if (e.tags !== undefined && !(Array.isArray(e.tags) && e.tags.every((t) => typeof t === 'string'))) return `${where}.tags is not a list of text`;
  if (e.starred !== undefined && typeof e.starred !== 'boolean') return `${where}.starred is not true or false`;
  return practiceProblem(e.practice, `${where}.practice`) ?? followUpProblem(e.followUp, `${where}.followUp`) ?? weekProblem(e.week, `${where}.week`) ?? syncProblem(e, where) ?? withProblem(e, where);
}

const isText = (v: unknown) => typeof v === 'string';
const isStatus = (v: unknown) => v === undefined || (FOLLOW_UP_STATUSES as readonly unknown[]).includes(v);

function practiceProblem(value: unknown, where: string): string | null {
  if (value === undefined) return null;
  const p = value as Record<string, unknown> | null;
  if (typeof p !== 'object' || p === null || Array.isArray(p)) return `${where} is not an object`;
  if (!isText(p.id) || (p.id as string) === '' || !isText(p.text)) return `${where} needs an id and a text`;
  if (p.done !== undefined && !(isText(p.done) && ISO_RE.test(p.done as string))) return `${where}.done is not an ISO timestamp`;
  if (p.note !== undefined && !isText(p.note)) return `${where}.note is not text`;
  return null;
}

/** The fields sync keeps in an entry: prior fingerprints and conflicting versions (issue 17). */
function syncProblem(e: Record<string, unknown>, where: string): string | null {
  if (e.prior !== undefined && !(Array.isArray(e.prior) && e.prior.every((f) => typeof f === 'string' && FINGERPRINT_RE.test(f)))) {
    return `${where}.prior is not a list of fingerprints`;
  }
  if (e.conflicts === undefined) return null;
  if (!Array.isArray(e.conflicts)) return `${where}.conflicts is not a list`;
  for (const [i, v] of e.conflicts.entries()) {
    const at = `${where}.conflicts[${i}]`;
    const version = v as Record<string, unknown> | null;
    if (typeof version === 'object' && version !== null && version.conflicts !== undefined) return `${at} has conflicts of its own`;
    const problem = entryProblem(v, at);
    if (problem) return problem;
    for (const key of ['id', 'kind', 'date'] as const) if (version![key] !== e[key]) return `${at}.${key} differs from the entry's`;
  }
  return null;
}

function followUpProblem(value: unknown, where: string): string | null {
  if (value === undefined) return null;
  const f = value as Record<string, unknown> | null;
  if (typeof f !== 'object' || f === null || Array.isArray(f)) return `${where} is not an object`;
  if (!isText(f.entryId) || !ID_RE.test(f.entryId as string)) return `${where}.entryId is not a valid entry id`;
  if (!isStatus(f.intention) || !isStatus(f.practice)) return `${where} status must be one of ${FOLLOW_UP_STATUSES.join(', ')}`;
  if (f.note !== undefined && !isText(f.note)) return `${where}.note is not text`;
  return null;
}

function weekProblem(value: unknown, where: string): string | null {
  return value === undefined || (isText(value) && /^\d{4}-W\d{2}$/.test(value as string)) ? null : `${where} is not a YYYY-Www week`;
}

export function newEntryId(date: LocalDate, taken: (id: string) => boolean, random = Math.random): string {
  for (;;) {
    const suffix = Math.floor(random() * 36 ** 4).toString(36).padStart(4, '0');
    const id = `${date.replaceAll('-', '')}-${suffix}`;
    if (!taken(id)) return id;
  }
}

/** The month file an entry lives in: its id starts with its date. */
export function monthOfId(id: string): string | null {
  return ID_RE.test(id) ? `${id.slice(0, 4)}-${id.slice(4, 6)}` : null;
}

function withProblem(e: Record<string, unknown>, where: string): string | null {
  if (e.with !== undefined) {
    const ids = e.with;
    if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string' && PERSON_ID_RE.test(id))) return `${where}.with is not a list of person ids`;
    if (new Set(ids).size !== ids.length) return `${where}.with lists someone twice`;
  }
  if (e.how !== undefined && !(HOWS as readonly unknown[]).includes(e.how)) return `${where}.how must be ${HOWS.join(', ')}`;
  return null;
}
