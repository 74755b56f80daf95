// The follow-up: at the next check-in, the last intention and practice are asked about once.
// "Open" means: the newest entry before the check-in's day that carries an intention or a
// practice, with no later entry recording a follow-up of it. An older one that was never
// answered is left behind by a newer plan: the follow-up is always about the last one.
import type { LocalDate } from './dates.js';
import { FOLLOW_UP_STATUSES, type Entry, type FollowUp, type FollowUpStatus } from './entry.js';
import { UsageError } from '../errors.js';

/** How far back an open intention is still asked about. */
export const FOLLOW_UP_DAYS = 120;

export interface Open {
  entry: Entry;
  intention?: string;
  /** The practice, unless already marked done (that counts as kept without asking). */
  practice?: { id: string; text: string; done: boolean };
}

const hasPlan = (e: Entry) => (e.intention !== undefined && e.intention.trim() !== '') || e.practice !== undefined;
const newerFirst = (a: Entry, b: Entry) => (a.date !== b.date ? (a.date < b.date ? 1 : -1) : a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0);

/**
 * The open item before `day`, from `entries` (any order). It must hold every entry from the
 * candidate's day on, so that a follow-up recorded later is seen; read newest months first and
 * stop once this returns `{ found }` (see `done`).
 */
export function findOpen(entries: readonly Entry[], day: LocalDate): { open: Open | null; found: boolean } {
  const sorted = [...entries].sort(newerFirst);
  const candidate = sorted.find((e) => e.date < day && hasPlan(e));
  if (!candidate) return { open: null, found: false };
  if (entries.some((e) => e.followUp?.entryId === candidate.id)) return { open: null, found: true };
  const intention = candidate.intention?.trim() ? candidate.intention.trim() : undefined;
  const p = candidate.practice;
  return { open: { entry: candidate, intention, practice: p && { id: p.id, text: p.text, done: p.done !== undefined } }, found: true };
}

/** Parses --followup: one status for both, or "intention,practice" (e.g. kept,missed). */
export function parseFollowUpFlag(text: string): FollowUpStatus[] {
  const parts = text.split(',').map((t) => t.trim().toLowerCase());
  const bad = parts.find((t) => !(FOLLOW_UP_STATUSES as readonly string[]).includes(t));
  if (bad !== undefined || parts.length > 2) {
    throw new UsageError(`--followup must be ${FOLLOW_UP_STATUSES.join(', ')} (or two of them, intention then practice: kept,missed), got "${text}".`);
  }
  return parts as FollowUpStatus[];
}

/** The follow-up record from the statuses given (flag or answers): a practice marked done is kept. */
export function followUpOf(open: Open, statuses: readonly FollowUpStatus[], note?: string): FollowUp {
  const f: FollowUp = { entryId: open.entry.id };
  let i = 0;
  if (open.intention !== undefined) f.intention = statuses[i++] ?? statuses[0];
  if (open.practice) f.practice = open.practice.done ? 'kept' : (statuses[i] ?? statuses[0]);
  const clean = note?.trim();
  if (clean) f.note = clean;
  return f;
}
