// A journal month file (journal/YYYY-MM.json) as a document: its entries, and the tombstones
// of entries deleted from it (so a delete travels to other machines, issue 17). Pure.
import { FINGERPRINT_RE } from './canonical.js';
import { entryProblem, isEntryId, type Entry } from './entry.js';
import { mergeEntryStates, type EntryState, type Tombstone } from './versions.js';

export const JOURNAL_VERSION = 1;

export interface MonthDoc {
  schemaVersion: number;
  entries: Entry[];
  /** Entries deleted from this month (absent when none): older harmony versions ignore it. */
  deleted?: Tombstone[];
}

export const emptyMonth = (): MonthDoc => ({ schemaVersion: JOURNAL_VERSION, entries: [] });

const ISO_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

export function monthProblem(doc: Record<string, unknown>): string | null {
  if (!Array.isArray(doc.entries)) return 'entries is not a list';
  for (const [i, e] of doc.entries.entries()) {
    const problem = entryProblem(e, `entries[${i}]`);
    if (problem) return problem;
  }
  if (doc.deleted === undefined) return null;
  if (!Array.isArray(doc.deleted)) return 'deleted is not a list';
  for (const [i, t] of doc.deleted.entries()) {
    const tomb = t as Record<string, unknown> | null;
    if (typeof tomb !== 'object' || tomb === null || !isEntryId(tomb.id)) {
      return `deleted[${i}].id is not a valid entry id`;
    }
    if (typeof tomb.deletedAt !== 'string' || !ISO_RE.test(tomb.deletedAt)) return `deleted[${i}].deletedAt is not an ISO timestamp`;
    if (!Array.isArray(tomb.prior) || !tomb.prior.every((f) => typeof f === 'string' && FINGERPRINT_RE.test(f))) return `deleted[${i}].prior is not a list of fingerprints`;
  }
  return null;
}

/** Oldest first: by day, then time written, then id (so any two machines order alike). */
export function sortEntries(entries: Entry[]): Entry[] {
  const key = (e: Entry) => `${e.date}\u0000${e.createdAt}\u0000${e.id}`;
  return entries.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

function states(doc: MonthDoc | null): Map<string, EntryState> {
  const out = new Map<string, EntryState>();
  for (const entry of doc?.entries ?? []) out.set(entry.id, { ...out.get(entry.id), entry });
  for (const tomb of doc?.deleted ?? []) out.set(tomb.id, { ...out.get(tomb.id), tomb });
  return out;
}

/** Merges two versions of a month (`base`: their common ancestor, null when unknown), entry by entry. */
export function mergeMonths(base: MonthDoc | null, a: MonthDoc, c: MonthDoc): MonthDoc {
  const [sb, sa, sc] = [states(base), states(a), states(c)];
  const entries: Entry[] = [];
  const deleted: Tombstone[] = [];
  for (const id of new Set([...sa.keys(), ...sc.keys()])) {
    const merged = mergeEntryStates(sb.get(id), sa.get(id), sc.get(id));
    if (merged?.entry) entries.push(merged.entry);
    else if (merged?.tomb) deleted.push(merged.tomb);
  }
  const doc: MonthDoc = { schemaVersion: Math.max(a.schemaVersion, c.schemaVersion), entries: sortEntries(entries) };
  if (deleted.length > 0) doc.deleted = deleted.sort((x, y) => (x.id < y.id ? -1 : 1));
  return doc;
}
