// A journal entry and its validation (used for stored files, edits and imports alike).
import { isValidDate, type LocalDate } from './dates.js';
import { isPrincipleId, type PrincipleId } from './principles.js';

export type EntryKind = 'checkin' | 'reflection' | 'note';
export const ENTRY_KINDS: readonly EntryKind[] = ['checkin', 'reflection', 'note'];
/** Kinds that are the daily practice (a note counts only with the notesCountForStreak setting). */
export const isPracticeKind = (kind: EntryKind) => kind !== 'note';
/** How each kind is named in headings and lists. */
export const KIND_LABELS: Record<EntryKind, string> = { checkin: 'Check-in', reflection: 'Reflection', note: 'Note' };

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
}

export const MOODS: Record<number, string> = {
  1: 'rough',
  2: 'low',
  3: 'okay',
  4: 'good',
  5: 'great',
};

const ID_RE = /^\d{8}-[0-9a-z]{4,8}$/;
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
  return null;
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
