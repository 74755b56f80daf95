// The journal on disk: one file a month (journal/YYYY-MM.json), each rewritten atomically.
// Saving an entry touches only its month, so a save costs the same at ten years as on day
// one. The day index (day-index.ts, one file a year) beside them answers "which days, what
// practice" cheaply.
//
// In an encrypted store (issue 18) a month is journal/YYYY-MM.json.age. A save needs no
// passphrase: while locked the month cannot be read, so a new entry goes in a file of its own,
// journal/YYYY-MM+<id>.json.age, encrypted to the public key. A reader merges them; the next
// save that holds the identity (unlocked) folds them into the month file. An entry id is the
// date plus random letters, so one made while locked (checked against the entry files only)
// is as unlikely to collide as before. Sync carries both kinds of file: an entry file is
// never changed once written, so two machines' entry files never conflict, and a fold on one
// machine is a delete git takes as it is (the entry is then in the month file).
import { readdirSync, statSync } from 'node:fs';
import type { DayChunks } from '../core/streaks.js';
import { join, sep } from 'node:path';
import { isoWithOffset } from '../core/dates.js';
import { monthOfId, type Entry } from '../core/entry.js';
import { emptyMonth, JOURNAL_VERSION, monthProblem, sortEntries, type MonthDoc } from '../core/month-doc.js';
import { normalise, supersede, tombstoneFor, type Tombstone } from '../core/versions.js';
import { DataError } from '../errors.js';
import { readData, readDoc, removeQuietly, writeDoc, type DocSpec } from './files.js';
import { DayIndex, type DayMap, type DaySummary, type Stamp } from './day-index.js';
import { FILES } from './paths.js';
import { decodeDoc, readSealed, writeSealed } from './sealed.js';
import { loadVault, SEALED, type Vault } from './vault.js';

export { summarise, type DayMap, type DaySummary } from './day-index.js';

export { JOURNAL_VERSION, type MonthDoc } from '../core/month-doc.js';
const MONTH_RE = /^(\d{4}-\d{2})\.json$/;
/** An encrypted month, or an entry added to it while locked. */
export const SEALED_RE = /^(\d{4}-\d{2})(?:\+(\d{8}-[0-9a-z]{4,8}))?\.json\.age$/;

const once = <T>(make: () => T): (() => T) => {
  let made: T | undefined;
  return () => (made ??= make());
};

export const monthSpec: DocSpec<MonthDoc> = {
  version: JOURNAL_VERSION,
  empty: emptyMonth,
  validate: monthProblem,
};

interface MonthFiles {
  base: boolean;
  /** Ids of entries in files of their own (encrypted store, added while locked). */
  adds: string[];
}

export class Journal {
  readonly dir: string;
  private readonly index: DayIndex;
  /** The last folder listing (encrypted store): month -> its files. */
  private listing: Map<string, MonthFiles> | undefined;

  /** `getVault`: the store's (which looks again under the lock); by default read once. */
  constructor(
    home: string,
    private readonly getVault: () => Vault = once(() => loadVault(home)),
  ) {
    this.dir = join(home, FILES.journalDir);
    this.index = new DayIndex(this.dir, {
      months: () => this.months(),
      stamp: (m) => this.stamp(m),
      readMonth: (m) => this.readMonth(m),
      vault: () => this.vault(),
    });
  }

  vault(): Vault {
    return this.getVault();
  }

  /** Joined by hand: path.join normalises the whole path character by character, and the day index asks for every month (~1 ms at ten years). */
  monthPath(month: string): string {
    return `${this.dir}${sep}${month}.json`;
  }

  private addPath(month: string, id: string): string {
    return `${this.dir}${sep}${month}+${id}.json${SEALED}`;
  }

  /** Months that have a file, oldest first. */
  months(): string[] {
    let names: string[];
    try {
      names = readdirSync(this.dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        this.listing = new Map();
        return [];
      }
      throw new DataError(`Cannot read ${this.dir}: ${(error as Error).message}.`);
    }
    if (!this.vault().encrypted) return names.flatMap((n) => MONTH_RE.exec(n)?.[1] ?? []).sort();
    const listing = new Map<string, MonthFiles>();
    for (const n of names) {
      const m = SEALED_RE.exec(n);
      if (!m) continue;
      const files = listing.get(m[1]!) ?? { base: false, adds: [] };
      if (m[2]) files.adds.push(m[2]);
      else files.base = true;
      listing.set(m[1]!, files);
    }
    this.listing = listing;
    return [...listing.keys()].sort();
  }

  /** What a month's files look like now (the day index checks its parts by it); ENOENT when it has none. */
  stamp(month: string): Stamp {
    if (!this.vault().encrypted) {
      const st = statSync(this.monthPath(month));
      return { size: st.size, mtimeMs: st.mtimeMs };
    }
    if (!this.listing) this.months();
    const files = this.listing!.get(month);
    if (!files) throw Object.assign(new Error(`no files for ${month}`), { code: 'ENOENT' });
    const paths = [...(files.base ? [this.monthPath(month) + SEALED] : []), ...files.adds.map((id) => this.addPath(month, id))];
    let size = 0;
    let mtimeMs = 0;
    for (const p of paths) {
      const st = statSync(p);
      size += st.size;
      mtimeMs = Math.max(mtimeMs, st.mtimeMs);
    }
    return { size, mtimeMs, n: paths.length };
  }

  async readMonth(month: string): Promise<Entry[]> {
    return (await this.readMonthDoc(month)).entries;
  }

  /** The month's whole document: entries (with those in files of their own) and the tombstones of deleted ones. */
  async readMonthDoc(month: string): Promise<MonthDoc> {
    const vault = this.vault();
    if (!vault.encrypted) return readDoc(this.monthPath(month), monthSpec);
    const doc = await readSealed(vault, this.monthPath(month), monthSpec);
    if (!this.listing) this.months();
    const adds = this.listing!.get(month)?.adds ?? [];
    if (adds.length === 0) return doc;
    const ids = new Set(doc.entries.map((e) => e.id));
    for (const t of doc.deleted ?? []) ids.add(t.id); // deleted on another machine meanwhile
    for (const id of adds) {
      const file = this.addPath(month, id);
      const bytes = readData(file);
      if (bytes === undefined) continue; // folded in meanwhile (and then in the month file)
      for (const e of (await decodeDoc(file, bytes, monthSpec, vault)).entries) if (!ids.has(e.id) && ids.add(e.id)) doc.entries.push(e);
    }
    sortEntries(doc.entries);
    return doc;
  }

  /** Every entry, oldest first. */
  async all(): Promise<Entry[]> {
    const out: Entry[] = [];
    for (const m of this.months()) out.push(...(await this.readMonth(m)));
    return out;
  }

  /** Entries two machines changed at once (a sync kept both versions), oldest first. Reads every month. */
  async withConflicts(): Promise<Entry[]> {
    return (await this.all()).filter((e) => e.conflicts && e.conflicts.length > 0);
  }

  async get(id: string): Promise<Entry | undefined> {
    const month = monthOfId(id);
    return month ? (await this.readMonth(month)).find((e) => e.id === id) : undefined;
  }

  /** Whether the journal can be read without asking for a passphrase (plaintext, or unlocked). */
  get readable(): boolean {
    return this.vault().readable;
  }

  /** Ids already used in a month, for a new entry's id: while locked only those of entries in files of their own. */
  async usedIds(month: string): Promise<Set<string>> {
    if (this.readable) return new Set((await this.readMonth(month)).map((e) => e.id));
    this.months();
    return new Set(this.listing!.get(month)?.adds ?? []);
  }

  // The writers below must run under the store lock (see store/index.ts).

  /** Adds entries (each to its month); returns those added (ids already present are skipped). */
  async add(entries: Entry[]): Promise<Entry[]> {
    const byMonth = new Map<string, Entry[]>();
    for (const e of entries) {
      const list = byMonth.get(e.date.slice(0, 7)) ?? [];
      list.push(e);
      byMonth.set(e.date.slice(0, 7), list);
    }
    this.months(); // under the lock now: what is there
    if (!this.readable) return this.addLocked(byMonth);
    const added: Entry[] = [];
    const written: [string, Entry[]][] = [];
    for (const [month, list] of byMonth) {
      const doc = await this.readMonthDoc(month);
      const ids = new Set(doc.entries.map((e) => e.id));
      const fresh = list.filter((e) => !ids.has(e.id) && ids.add(e.id)).map((e) => restored(e, doc.deleted));
      if (fresh.length === 0) continue;
      const kept = doc.deleted?.filter((t) => !ids.has(t.id));
      written.push([month, await this.writeMonth(month, [...doc.entries, ...fresh], kept, false)]);
      added.push(...fresh);
    }
    // The index once for them all: an import of ten years writes each year's index file once.
    if (written.length > 0) await this.index.monthsWritten(written);
    return added;
  }

  /** Encrypted and locked: each entry in a file of its own, then the plaintext day index. */
  private async addLocked(byMonth: Map<string, Entry[]>): Promise<Entry[]> {
    const vault = this.vault();
    const added: Entry[] = [];
    for (const [month, list] of byMonth) {
      this.months();
      const had = this.listing!.get(month);
      const before = had ? this.stamp(month) : undefined;
      const taken = new Set(had?.adds ?? []);
      const fresh = list.filter((e) => !taken.has(e.id) && taken.add(e.id));
      for (const e of fresh) await writeSealed(vault, this.addPath(month, e.id).slice(0, -SEALED.length), { schemaVersion: JOURNAL_VERSION, entries: [e] });
      if (fresh.length === 0) continue;
      this.months();
      await this.index.addedLocked(month, fresh, before);
      added.push(...fresh);
    }
    return added;
  }

  /** Replaces an entry with an edit of it; the edit records the version it replaced (sync, issue 17). */
  async replace(entry: Entry): Promise<void> {
    const month = entry.date.slice(0, 7);
    this.months();
    const doc = await this.readMonthDoc(month);
    const at = doc.entries.findIndex((e) => e.id === entry.id);
    if (at < 0) throw new DataError(`Entry ${entry.id} is no longer in the journal.`);
    doc.entries[at] = supersede(doc.entries[at]!, entry);
    await this.writeMonth(month, doc.entries, doc.deleted);
  }

  /** Replaces an entry as a whole, its versions already worked out (sync's conflict resolution). */
  async put(entry: Entry): Promise<void> {
    const month = entry.date.slice(0, 7);
    this.months();
    const doc = await this.readMonthDoc(month);
    const at = doc.entries.findIndex((e) => e.id === entry.id);
    if (at < 0) throw new DataError(`Entry ${entry.id} is no longer in the journal.`);
    doc.entries[at] = normalise(entry);
    await this.writeMonth(month, doc.entries, doc.deleted);
  }

  /** Deletes an entry, leaving a tombstone so the delete reaches other machines too. */
  async remove(id: string, now = new Date()): Promise<boolean> {
    const month = monthOfId(id);
    if (!month) return false;
    this.months();
    const doc = await this.readMonthDoc(month);
    const gone = doc.entries.find((e) => e.id === id);
    if (!gone) return false;
    const deleted = [...(doc.deleted ?? []).filter((t) => t.id !== id), tombstoneFor(gone, isoWithOffset(now))];
    // Its own file goes first: a crash after this loses only what was being deleted, while the
    // other way round the entry would come back from that file.
    if (this.vault().encrypted) removeQuietly(this.addPath(month, id));
    await this.writeMonth(month, doc.entries.filter((e) => e.id !== id), deleted);
    return true;
  }

  /** Replaces edited entries of one month at once (--forget), each recording the version it replaced (sync). */
  async replaceMany(month: string, edited: readonly Entry[]): Promise<void> {
    this.months();
    const doc = await this.readMonthDoc(month);
    const byId = new Map(edited.map((e) => [e.id, e]));
    doc.entries = doc.entries.map((e) => (byId.has(e.id) ? supersede(e, byId.get(e.id)!) : e));
    await this.writeMonth(month, doc.entries, doc.deleted);
  }

  /** Writes a whole month (holding the identity, in an encrypted store), then removes the entry files it folded in. */
  private async writeMonth(month: string, entries: Entry[], deleted: Tombstone[] | undefined, index = true): Promise<Entry[]> {
    // Plain code-unit order (core/month-doc.ts): the id settles ties, so every machine orders a merged month alike.
    sortEntries(entries);
    const vault = this.vault();
    const doc: MonthDoc = { schemaVersion: JOURNAL_VERSION, entries };
    if (deleted && deleted.length > 0) doc.deleted = deleted.sort((a, b) => (a.id < b.id ? -1 : 1));
    if (vault.encrypted) {
      await writeSealed(vault, this.monthPath(month), doc);
      for (const id of this.listing?.get(month)?.adds ?? []) removeQuietly(this.addPath(month, id));
      this.months();
    } else {
      writeDoc(this.monthPath(month), doc);
    }
    if (index) await this.index.monthWritten(month, entries);
    return entries;
  }

  /** The days practised (keys of days(); with notes, days with a note too), cheaper when nothing else is needed. */
  dayKeys(withNotes = false): Promise<string[]> {
    return this.index.dayKeys(withNotes);
  }

  /** The days practised, a list per month, each parsed once a process (see DayIndex.dayChunks). */
  dayChunks(withNotes = false): Promise<DayChunks> {
    return this.index.dayChunks(withNotes);
  }

  /** Days practised and what each holds, from the index (month files re-read only if changed). */
  days(withNotes = false): Promise<DayMap> {
    return this.index.days(withNotes);
  }

  /** What one day holds (undefined if nothing was saved for it), reading only its month's part. */
  day(date: string): Promise<DaySummary | undefined> {
    return this.index.day(date);
  }

  /** Each person's latest connection on or after their day in `floors` ('' for any; see DayIndex.lastConnections). */
  lastConnections(floors: ReadonlyMap<string, string>, upTo?: string): Promise<Map<string, string>> {
    return this.index.lastConnections(floors, upTo);
  }

  /** Each person's latest connection ever. */
  latestWith(ids: Iterable<string>): Promise<Map<string, string>> {
    return this.index.lastConnections(new Map([...ids].map((id) => [id, ''])));
  }

  /** Days of the newest months, until `enough` has seen what it needs (see DayIndex.recentDays). */
  recentDays(enough: (month: DayMap) => boolean): Promise<DayMap> {
    return this.index.recentDays(enough);
  }

  /** Folds the entries saved while locked into their month files (under the lock, holding the identity; harmony unlock). */
  async foldAdded(): Promise<number> {
    if (!this.vault().encrypted) return 0;
    this.months();
    const months = [...this.listing!].filter(([, f]) => f.adds.length > 0).map(([m]) => m);
    for (const month of months) {
      const doc = await this.readMonthDoc(month);
      await this.writeMonth(month, doc.entries, doc.deleted);
    }
    return months.length;
  }

  /** Rebuilds what is stale in the day index and saves it (under the lock; harmony unlock). */
  healIndex(): Promise<void> {
    return this.index.heal();
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
