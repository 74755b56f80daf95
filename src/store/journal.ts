// The journal on disk: one file a month (journal/YYYY-MM.json), each rewritten atomically.
// Saving an entry touches only its month, so a save costs the same at ten years as on day
// one. A small index (days practised, per month) is kept beside them for streaks, stats and
// the shell reminder; it is a cache checked against each month file's size and mtime, so a
// crash between the two writes can never leave it wrong.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { entryProblem, monthOfId, type Entry } from '../core/entry.js';
import { DataError } from '../errors.js';
import { readDoc, writeDoc, type DocSpec } from './files.js';
import { FILES } from './paths.js';

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

/** What a day holds, for streaks, stats and reminders. */
export interface DaySummary {
  checkins: number;
  reflections: number;
  principles: string[];
  moods: number[];
}
export type DayMap = Record<string, DaySummary>;

interface IndexDoc {
  schemaVersion: number;
  months: Record<string, { size: number; mtimeMs: number; days: DayMap }>;
}

const indexSpec: DocSpec<IndexDoc> = {
  version: JOURNAL_VERSION,
  empty: () => ({ schemaVersion: JOURNAL_VERSION, months: {} }),
  validate: (doc) => (typeof doc.months === 'object' && doc.months !== null ? null : 'months is not an object'),
};

export function summarise(entries: Entry[]): DayMap {
  const days: DayMap = {};
  for (const e of entries) {
    const day = (days[e.date] ??= { checkins: 0, reflections: 0, principles: [], moods: [] });
    if (e.kind === 'checkin') day.checkins++;
    else day.reflections++;
    day.principles.push(e.principle);
    if (e.mood !== undefined) day.moods.push(e.mood);
  }
  return days;
}

export class Journal {
  readonly dir: string;
  constructor(home: string) {
    this.dir = join(home, FILES.journalDir);
  }

  monthPath(month: string): string {
    return join(this.dir, `${month}.json`);
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
    for (const [month, list] of byMonth) {
      const current = this.readMonth(month);
      const ids = new Set(current.map((e) => e.id));
      const fresh = list.filter((e) => !ids.has(e.id) && ids.add(e.id));
      if (fresh.length === 0) continue;
      this.writeMonth(month, [...current, ...fresh]);
      added.push(...fresh);
    }
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

  private writeMonth(month: string, entries: Entry[]): void {
    entries.sort((a, b) => (a.date === b.date ? a.createdAt.localeCompare(b.createdAt) : a.date.localeCompare(b.date)));
    writeDoc(this.monthPath(month), { schemaVersion: JOURNAL_VERSION, entries });
    this.refreshIndex([month]);
  }

  /** Days practised, from the index, re-reading only months whose file changed. */
  days(): DayMap {
    return this.loadIndex().days;
  }

  private loadIndex(): { doc: IndexDoc; days: DayMap; changed: boolean } {
    const indexPath = join(this.dir, '..', FILES.journalIndex);
    let doc: IndexDoc;
    try {
      doc = readDoc(indexPath, indexSpec);
    } catch {
      doc = indexSpec.empty(); // only a cache: rebuild it rather than stop the user
    }
    const months: IndexDoc['months'] = {};
    let changed = false;
    const days: DayMap = {};
    for (const month of this.months()) {
      const st = statSync(this.monthPath(month));
      let cached = doc.months[month];
      if (!cached || cached.size !== st.size || cached.mtimeMs !== st.mtimeMs) {
        cached = { size: st.size, mtimeMs: st.mtimeMs, days: summarise(this.readMonth(month)) };
        changed = true;
      }
      months[month] = cached;
      Object.assign(days, cached.days);
    }
    if (Object.keys(doc.months).length !== Object.keys(months).length) changed = true;
    return { doc: { schemaVersion: JOURNAL_VERSION, months }, days, changed };
  }

  private refreshIndex(_months: string[]): void {
    const { doc, changed } = this.loadIndex();
    if (!changed) return;
    try {
      writeDoc(join(this.dir, '..', FILES.journalIndex), doc);
    } catch (error) {
      // Only a cache, rebuilt on the next read: the month file is already saved, so a failed
      // index write (disk full, read-only index) must not report the save as failed.
      if (!(error instanceof DataError)) throw error;
    }
  }
}
