// Which journal entries a list, search or export means. Pure: months come in as names and
// are read through a callback, so only the month files the date range needs are ever read.
import { UsageError } from '../errors.js';
import { parseDateArg, type LocalDate } from './dates.js';
import { ENTRY_KINDS, type Entry, type EntryKind } from './entry.js';
import { resolvePrincipleId, type PrincipleId } from './principles.js';
import { validPrinciplesHint } from './lessons.js';

/** The flags as typed (strings), shared by `journal list` and `export`. */
export interface FilterFlags {
  from?: string;
  to?: string;
  principle?: string;
  kind?: string;
  search?: string;
  limit?: number;
  /** A person as typed; the command resolves it to an id (people.json) into JournalFilter.person. */
  person?: string;
}

export interface JournalFilter {
  from?: LocalDate;
  to?: LocalDate;
  principle?: PrincipleId;
  kind?: EntryKind;
  /** Already folded for matching (see fold). */
  search?: string;
  limit?: number;
  /** A person id: only entries naming them in `with`. */
  person?: string;
}

/** Case- and width-insensitive form used on both sides of a search. */
export function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

function dateFlag(flag: string, value: string, today: LocalDate): LocalDate {
  const date = parseDateArg(value, today);
  if (date === null) {
    throw new UsageError(`${flag} must be today, yesterday, Nd (N days ago) or a YYYY-MM-DD date, got "${value}".`);
  }
  return date;
}

/** Turns typed flags into a filter; a bad value is a UsageError naming the flag. */
export function parseFilter(flags: FilterFlags, today: LocalDate): JournalFilter {
  const filter: JournalFilter = {};
  if (flags.from !== undefined) filter.from = dateFlag('--from', flags.from, today);
  if (flags.to !== undefined) filter.to = dateFlag('--to', flags.to, today);
  if (filter.from && filter.to && filter.from > filter.to) {
    throw new UsageError(`--from ${filter.from} is after --to ${filter.to}; swap them.`);
  }
  if (flags.principle !== undefined) {
    const id = resolvePrincipleId(flags.principle);
    if (!id) throw new UsageError(`--principle "${flags.principle}" is not a principle. Valid: ${validPrinciplesHint()}.`);
    filter.principle = id;
  }
  if (flags.kind !== undefined) {
    const kind = flags.kind.trim().toLowerCase().replace(/-/g, '');
    if (!(ENTRY_KINDS as readonly string[]).includes(kind)) {
      throw new UsageError(`--kind must be ${ENTRY_KINDS.join(' or ')}, got "${flags.kind}".`);
    }
    filter.kind = kind as EntryKind;
  }
  if (flags.search !== undefined) {
    const search = fold(flags.search.trim());
    if (search === '') throw new UsageError('--search needs some text to look for.');
    filter.search = search;
  }
  if (flags.limit !== undefined) filter.limit = flags.limit;
  return filter;
}

/** The months (YYYY-MM) of `months` that can hold entries between from and to. */
export function monthsInRange(months: readonly string[], from?: LocalDate, to?: LocalDate): string[] {
  const lo = from?.slice(0, 7);
  const hi = to?.slice(0, 7);
  return months.filter((m) => (lo === undefined || m >= lo) && (hi === undefined || m <= hi));
}

/** The text a search looks through: every prompt and answer, the intention, a note's words and tags. */
export function searchableText(entry: Entry): string {
  const parts = entry.answers.flatMap((a) => [a.prompt, a.answer]);
  if (entry.intention) parts.push(entry.intention);
  if (entry.title) parts.push(entry.title);
  if (entry.text) parts.push(entry.text);
  if (entry.tags) parts.push(...entry.tags);
  // The other versions sync kept (issue 17) are the user's words too.
  for (const other of entry.conflicts ?? []) parts.push(searchableText(other as Entry));
  return parts.join('\n');
}

export function matches(entry: Entry, filter: JournalFilter): boolean {
  if (filter.from && entry.date < filter.from) return false;
  if (filter.to && entry.date > filter.to) return false;
  if (filter.principle && entry.principle !== filter.principle) return false;
  if (filter.kind && entry.kind !== filter.kind) return false;
  if (filter.search && !fold(searchableText(entry)).includes(filter.search)) return false;
  if (filter.person && !entry.with?.includes(filter.person)) return false;
  return true;
}

/**
 * The matching entries, newest first, at most `limit`. Months are read newest first and the
 * reading stops as soon as the limit is reached, so `--limit 10` reads a month or two.
 * Each month file is kept sorted by the store (day, then time written), so newest first is
 * its order reversed; not re-sorting keeps ties exactly as stored (export relies on it).
 */
export function queryJournal(months: readonly string[], readMonth: (month: string) => Entry[], filter: JournalFilter): Entry[] {
  const wanted = monthsInRange(months, filter.from, filter.to).sort().reverse();
  const found: Entry[] = [];
  for (const month of wanted) {
    const hits = readMonth(month).filter((e) => matches(e, filter));
    found.push(...hits.reverse());
    if (filter.limit !== undefined && found.length >= filter.limit) return found.slice(0, filter.limit);
  }
  return found;
}

/** queryJournal over months read one at a time and asynchronously (an encrypted journal is decrypted a month at a time). */
export async function queryJournalAsync(months: readonly string[], readMonth: (month: string) => Promise<Entry[]>, filter: JournalFilter): Promise<Entry[]> {
  const wanted = monthsInRange(months, filter.from, filter.to).sort().reverse();
  const found: Entry[] = [];
  for (const month of wanted) {
    const hits = (await readMonth(month)).filter((e) => matches(e, filter));
    found.push(...hits.reverse());
    if (filter.limit !== undefined && found.length >= filter.limit) return found.slice(0, filter.limit);
  }
  return found;
}

/** True when the filter narrows anything (so an empty result is "no match", not "empty journal"). */
export function isFiltered(filter: JournalFilter): boolean {
  return Boolean(filter.from || filter.to || filter.principle || filter.kind || filter.search || filter.person);
}
