// The journal on disk: one file a month (journal/YYYY-MM.json), each rewritten atomically.
// Saving an entry touches only its month, so a save costs the same at ten years as on day
// one. The day index (day-index.ts, one file a year) beside them answers "which days, what
// practice" cheaply.
import { readdirSync } from 'node:fs';
import { join, sep } from 'node:path';
import { entryProblem, monthOfId, type Entry } from '../core/entry.js';
import { DataError } from '../errors.js';
import { readDoc, writeDoc, type DocSpec } from './files.js';
import { DayIndex, type DayMap, type DaySummary } from './day-index.js';
import { FILES } from './paths.js';

export { summarise, type DayMap, type DaySummary } from './day-index.js';

export const JOURNAL_VERSION = 1;
const MONTH_RE = /^(\d{4}-\d{2})\.json$/;

interface MonthDoc {
  schemaVersion: number;
  entries: Entry[];
}

const monthSpec: DocSpec<MonthDoc> = {
  version: JOURNAL_VERSION,
  empty: () => ({ schemaVersion: JOURNAL_VERSION, entries: [] }),
  validate(doc) {
    if (!Array.isArray(doc.entries)) return 'entries is not a list';
    for (const [i, e] of doc.entries.entries()) {
      const problem = entryProblem(e, `entries[${i}]`);
      if (problem) return problem;
    }
    return null;
  },
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
    return readDoc(this.monthPath(month), monthSpec).entries;
  }

  /** Every entry, oldest first. */
  all(): Entry[] {
    return this.months().flatMap((m) => this.readMonth(m));
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
      const current = this.readMonth(month);
      const ids = new Set(current.map((e) => e.id));
      const fresh = list.filter((e) => !ids.has(e.id) && ids.add(e.id));
      if (fresh.length === 0) continue;
      written.push([month, this.writeMonth(month, [...current, ...fresh], false)]);
      added.push(...fresh);
    }
    // The index once for them all: an import of ten years writes each year's index file once.
    if (written.length > 0) this.index.monthsWritten(written);
    return added;
  }

  replace(entry: Entry): void {
    const month = entry.date.slice(0, 7);
    const current = this.readMonth(month);
    const at = current.findIndex((e) => e.id === entry.id);
    if (at < 0) throw new DataError(`Entry ${entry.id} is no longer in the journal.`);
    current[at] = entry;
    this.writeMonth(month, current);
  }

  remove(id: string): boolean {
    const month = monthOfId(id);
    if (!month) return false;
    const current = this.readMonth(month);
    const kept = current.filter((e) => e.id !== id);
    if (kept.length === current.length) return false;
    this.writeMonth(month, kept);
    return true;
  }

  private writeMonth(month: string, entries: Entry[], index = true): Entry[] {
    // Plain code-unit order (dates and ISO times are ASCII): localeCompare's first call loads
    // ICU's collator, ~6 ms on every save (bench/, issue 7).
    const key = (e: Entry, other: Entry) => (e.date === other.date ? e.createdAt : e.date);
    entries.sort((a, b) => (key(a, b) < key(b, a) ? -1 : key(a, b) > key(b, a) ? 1 : 0));
    writeDoc(this.monthPath(month), { schemaVersion: JOURNAL_VERSION, entries });
    if (index) this.index.monthWritten(month, entries);
    return entries;
  }

  /** The days practised (keys of days(); with notes, days with a note too), cheaper when nothing else is needed. */
  dayKeys(withNotes = false): string[] {
    return this.index.dayKeys(withNotes);
  }

  /** Days practised and what each holds, from the index (month files re-read only if changed). */
  days(withNotes = false): DayMap {
    return this.index.days(withNotes);
  }

  /** What one day holds (undefined if nothing was saved for it), reading only its month's part. */
  day(date: string): DaySummary | undefined {
    return this.index.day(date);
  }

  /** Days of the newest months, until `enough` has seen what it needs (see DayIndex.recentDays). */
  recentDays(enough: (month: DayMap) => boolean): DayMap {
    return this.index.recentDays(enough);
  }
}
