// The journal on disk: one file a month (journal/YYYY-MM.json), each rewritten atomically.
// Saving an entry touches only its month, so a save costs the same at ten years as on day
// one. The day index (day-index.ts, one file a year) beside them answers "which days, what
// practice" cheaply.
import { readdirSync } from 'node:fs';
import type { DayChunks } from '../core/streaks.js';
import { join, sep } from 'node:path';
import { isoWithOffset } from '../core/dates.js';
import { monthOfId, type Entry } from '../core/entry.js';
import { emptyMonth, JOURNAL_VERSION, monthProblem, sortEntries, type MonthDoc } from '../core/month-doc.js';
import { normalise, supersede, tombstoneFor, type Tombstone } from '../core/versions.js';
import { DataError } from '../errors.js';
import { readDoc, writeDoc, type DocSpec } from './files.js';
import { DayIndex, type DayMap, type DaySummary } from './day-index.js';
import { FILES } from './paths.js';

export { summarise, type DayMap, type DaySummary } from './day-index.js';

export { JOURNAL_VERSION } from '../core/month-doc.js';
const MONTH_RE = /^(\d{4}-\d{2})\.json$/;

export const monthSpec: DocSpec<MonthDoc> = {
  version: JOURNAL_VERSION,
  empty: emptyMonth,
  validate: monthProblem,
};

export class Journal {
  readonly dir: string;
  private readonly index: DayIndex;
  constructor(home: string) {
    this.dir = join(home, FILES.journalDir);
    this.index = new DayIndex(this.dir, () => this.months(), (m) => this.monthPath(m), (m) => this.readMonth(m));
  }

  /** Joined by hand: path.join normalises the whole path character by character, and the day index asks for every month (~1 ms at ten years). */
  monthPath(month: string): string {
    return `${this.dir}${sep}${month}.json`;
  }

  /** Months that have a file, oldest first. */
  months(): string[] {
    let names: string[];
    try {
      names = readdirSync(this.dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw new DataError(`Cannot read ${this.dir}: ${(error as Error).message}.`);
    }
    return names.flatMap((n) => MONTH_RE.exec(n)?.[1] ?? []).sort();
  }

  readMonth(month: string): Entry[] {
    return this.readMonthDoc(month).entries;
  }

  /** The month's whole document: entries and the tombstones of deleted ones. */
  readMonthDoc(month: string): MonthDoc {
    return readDoc(this.monthPath(month), monthSpec);
  }

  /** Every entry, oldest first. */
  all(): Entry[] {
    return this.months().flatMap((m) => this.readMonth(m));
  }

  /** Entries two machines changed at once (a sync kept both versions), oldest first. Reads every month. */
  withConflicts(): Entry[] {
    return this.all().filter((e) => e.conflicts && e.conflicts.length > 0);
  }

  get(id: string): Entry | undefined {
    const month = monthOfId(id);
    return month ? this.readMonth(month).find((e) => e.id === id) : undefined;
  }

  // The writers below must run under the store lock (see store/index.ts).

  /** Adds entries (each to its month); returns those added (ids already present are skipped). */
  add(entries: Entry[]): Entry[] {
    const byMonth = new Map<string, Entry[]>();
    for (const e of entries) {
      const list = byMonth.get(e.date.slice(0, 7)) ?? [];
      list.push(e);
      byMonth.set(e.date.slice(0, 7), list);
    }
    const added: Entry[] = [];
    const written: [string, Entry[]][] = [];
    for (const [month, list] of byMonth) {
      const doc = this.readMonthDoc(month);
      const ids = new Set(doc.entries.map((e) => e.id));
      const fresh = list.filter((e) => !ids.has(e.id) && ids.add(e.id)).map((e) => restored(e, doc.deleted));
      if (fresh.length === 0) continue;
      const kept = doc.deleted?.filter((t) => !ids.has(t.id));
      written.push([month, this.writeMonth(month, [...doc.entries, ...fresh], kept, false)]);
      added.push(...fresh);
    }
    // The index once for them all: an import of ten years writes each year's index file once.
    if (written.length > 0) this.index.monthsWritten(written);
    return added;
  }

  /** Replaces an entry with an edit of it; the edit records the version it replaced (sync, issue 17). */
  replace(entry: Entry): void {
    const month = entry.date.slice(0, 7);
    const doc = this.readMonthDoc(month);
    const at = doc.entries.findIndex((e) => e.id === entry.id);
    if (at < 0) throw new DataError(`Entry ${entry.id} is no longer in the journal.`);
    doc.entries[at] = supersede(doc.entries[at]!, entry);
    this.writeMonth(month, doc.entries, doc.deleted);
  }

  /** Replaces an entry as a whole, its versions already worked out (sync's conflict resolution). */
  put(entry: Entry): void {
    const month = entry.date.slice(0, 7);
    const doc = this.readMonthDoc(month);
    const at = doc.entries.findIndex((e) => e.id === entry.id);
    if (at < 0) throw new DataError(`Entry ${entry.id} is no longer in the journal.`);
    doc.entries[at] = normalise(entry);
    this.writeMonth(month, doc.entries, doc.deleted);
  }

  /** Deletes an entry, leaving a tombstone so the delete reaches other machines too. */
  remove(id: string, now = new Date()): boolean {
    const month = monthOfId(id);
    if (!month) return false;
    const doc = this.readMonthDoc(month);
    const gone = doc.entries.find((e) => e.id === id);
    if (!gone) return false;
    const deleted = [...(doc.deleted ?? []).filter((t) => t.id !== id), tombstoneFor(gone, isoWithOffset(now))];
    this.writeMonth(month, doc.entries.filter((e) => e.id !== id), deleted);
    return true;
  }

  /** Replaces edited entries of one month at once (--forget), each recording the version it replaced (sync). */
  replaceMany(month: string, edited: readonly Entry[]): void {
    const doc = this.readMonthDoc(month);
    const byId = new Map(edited.map((e) => [e.id, e]));
    doc.entries = doc.entries.map((e) => (byId.has(e.id) ? supersede(e, byId.get(e.id)!) : e));
    this.writeMonth(month, doc.entries, doc.deleted);
  }

  private writeMonth(month: string, entries: Entry[], deleted: Tombstone[] | undefined, index = true): Entry[] {
    // Plain code-unit order (dates and ISO times are ASCII): localeCompare's first call loads
    // ICU's collator, ~6 ms on every save (bench/, issue 7). The id settles ties, so every
    // machine orders a merged month alike.
    sortEntries(entries);
    const doc: MonthDoc = { schemaVersion: JOURNAL_VERSION, entries };
    if (deleted && deleted.length > 0) doc.deleted = deleted.sort((a, b) => (a.id < b.id ? -1 : 1));
    writeDoc(this.monthPath(month), doc);
    if (index) this.index.monthWritten(month, entries);
    return entries;
  }

  /** The days practised (keys of days(); with notes, days with a note too), cheaper when nothing else is needed. */
  dayKeys(withNotes = false): string[] {
    return this.index.dayKeys(withNotes);
  }

  /** The days practised, a list per month, each parsed once a process (see DayIndex.dayChunks). */
  dayChunks(withNotes = false): DayChunks {
    return this.index.dayChunks(withNotes);
  }

  /** Days practised and what each holds, from the index (month files re-read only if changed). */
  days(withNotes = false): DayMap {
    return this.index.days(withNotes);
  }

  /** What one day holds (undefined if nothing was saved for it), reading only its month's part. */
  day(date: string): DaySummary | undefined {
    return this.index.day(date);
  }

  /** Each person's latest connection on or after their day in `floors` ('' for any; see DayIndex.lastConnections). */
  lastConnections(floors: ReadonlyMap<string, string>, upTo?: string): Map<string, string> {
    return this.index.lastConnections(floors, upTo);
  }

  /** Each person's latest connection ever. */
  latestWith(ids: Iterable<string>): Map<string, string> {
    return this.index.lastConnections(new Map([...ids].map((id) => [id, ''])));
  }

  /** Days of the newest months, until `enough` has seen what it needs (see DayIndex.recentDays). */
  recentDays(enough: (month: DayMap) => boolean): DayMap {
    return this.index.recentDays(enough);
  }
}

/**
 * An entry added again after it was deleted (an import of a backup): a new version that
 * replaces the tombstone, so other machines do not delete it again on the next sync.
 */
function restored(entry: Entry, deleted: Tombstone[] | undefined): Entry {
  const tomb = deleted?.find((t) => t.id === entry.id);
  if (!tomb) return entry;
  return normalise({ ...entry, updatedAt: isoWithOffset(new Date()), prior: [...(entry.prior ?? []), ...tomb.prior] });
}
