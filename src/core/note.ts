// Free notes: a thought between check-ins, or an entry brought over from another journal.
import { UsageError } from '../errors.js';
import { isoWithOffset, parseDateArg, type LocalDate } from './dates.js';
import { newEntryId, type Entry } from './entry.js';
import type { ImportedNote } from './import/types.js';
import type { How } from './people.js';
import type { PrincipleId } from './principles.js';

export interface NewNote {
  date: LocalDate;
  text: string;
  principle?: PrincipleId;
  mood?: number;
  tags: string[];
}

/** #words in the text become tags, as in jrnl (letters first, so "#1" is not a tag). */
export function hashTags(text: string): string[] {
  return [...text.matchAll(/(?:^|[\s(])#([\p{L}][\p{L}\p{N}_-]*)/gu)].map((m) => m[1]!);
}

/** A note may be for any past day (a thought about last summer), never a future one. */
export function noteDate(arg: string | undefined, today: LocalDate): LocalDate {
  if (arg === undefined) return today;
  const date = parseDateArg(arg, today);
  if (date === null) throw new UsageError(`--date must be today, yesterday, Nd (days ago) or YYYY-MM-DD, got "${arg}".`);
  if (date > today) throw new UsageError(`--date ${date} is in the future; today is ${today}.`);
  return date;
}

export function buildNote(input: NewNote, now: Date, taken: (id: string) => boolean, timeZone?: string): Entry {
  const text = input.text.replace(/\r\n?/g, '\n').replace(/^\n+|\s+$/g, '');
  if (text.trim() === '') throw new UsageError('A note needs some text: harmony note "what happened".');
  const tags = [...new Set([...input.tags.map((t) => t.replace(/^#/, '').trim()).filter(Boolean), ...hashTags(text)])];
  const entry: Entry = { id: newEntryId(input.date, taken), kind: 'note', date: input.date, createdAt: isoWithOffset(now, timeZone), answers: [], text };
  if (input.principle) entry.principle = input.principle;
  if (input.mood !== undefined) entry.mood = input.mood;
  if (tags.length > 0) entry.tags = tags;
  return entry;
}

/** An imported entry as a note: its own time and words, a star and tags if it had them. */
export function noteFromImport(n: ImportedNote, taken: (id: string) => boolean, random?: () => number): Entry {
  const entry: Entry = { id: newEntryId(n.date, taken, random), kind: 'note', date: n.date, createdAt: n.createdAt, answers: [], text: n.text, source: n.sourceKey };
  if (n.title) entry.title = n.title;
  if (n.mood !== undefined) entry.mood = n.mood;
  if (n.tags.length > 0) entry.tags = n.tags;
  if (n.starred) entry.starred = true;
  return entry;
}

/** A connection logged with `harmony people log`: a note with no words, only who and how. */
export function buildConnection(input: { date: LocalDate; with: string[]; how?: How }, now: Date, taken: (id: string) => boolean, timeZone?: string): Entry {
  const entry: Entry = { id: newEntryId(input.date, taken), kind: 'note', date: input.date, createdAt: isoWithOffset(now, timeZone), answers: [], with: [...new Set(input.with)] };
  if (input.how) entry.how = input.how;
  return entry;
}
