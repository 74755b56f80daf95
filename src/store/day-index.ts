// The journal's day index: what each practised day holds, per month, for streaks, stats,
// suggestions and the shell reminder, without reading years of entries.
// It is only a cache, one file a year (journal/index-YYYY.json), so a save rewrites only its
// year's part (a few KB), not ten years of it. Each month's part carries the size and mtime of
// the month file it was built from; a part that no longer matches (a crash between the two
// writes, another process, a restored backup) is rebuilt from the month file. Readers never
// write it; a save rewrites its year's file, and any other year's it found stale (compact,
// without fsync: a torn cache is simply rebuilt).
//
// In an encrypted store (issue 18) the index has two layers. index-YYYY.json, in plaintext,
// keeps only the days and how many check-ins and reflections each has (and the days with a
// note), so the streak and the shell reminder work while the journal is locked; moods and
// principles are left out. index-YYYY.json.age, encrypted, is the full index (stats, the
// suggestion). A save while locked cannot read the month, so it adds its entry to the
// plaintext layer directly; the encrypted layer of that month is then stale until a process
// that holds the identity rebuilds it. A locked reader cannot rebuild anything: it uses what
// the plaintext layer says. The plaintext layer also keeps, per month, each person's latest
// connection as their random id and a day (`with`, issue 14), so who is due works locked:
// never a name.
import { join } from 'node:path';
import type { Entry } from '../core/entry.js';
import type { DayChunks } from '../core/streaks.js';
import { readDoc, removeQuietly, writeDoc, type DocSpec } from './files.js';
import { readSealed, writeSealed } from './sealed.js';
import type { Vault } from './vault.js';

/** What a day holds. */
export interface DaySummary {
  checkins: number;
  reflections: number;
  principles: string[];
  moods: number[];
}
export type DayMap = Record<string, DaySummary>;

/** What a month's files looked like when its part was made (n: how many files, in an encrypted store). */
export interface Stamp {
  size: number;
  mtimeMs: number;
  n?: number;
}

/**
 * On disk a month's days are one string, a day per ";"-separated item: "DD checkins
 * reflections moods principle...", e.g. "05 1 1 4 trust intimacy" (moods as digits, "-" for
 * none; the full date instead of DD for a day not of that month). Ten years of days as
 * objects and arrays took ~5 ms to parse when a command starts; as strings ~2 (bench/, issue 7).
 */
interface MonthPart extends Stamp {
  days: string;
  /** Days with a note, packed like `days` but dates only ("05;09"); absent when none. */
  notes?: string;
  /** Each person's latest connection this month, "id DD" items ("p-k3x9ab 05;p-2m7c1d 31"); absent when none. */
  with?: string;
}
interface IndexDoc {
  schemaVersion: number;
  months: Record<string, MonthPart>;
}

const INDEX_VERSION = 4; // 1 stored days as objects, 2 as arrays, 3 had no `with`; an older index is just rebuilt
const indexSpec: DocSpec<IndexDoc> = {
  version: INDEX_VERSION,
  empty: () => ({ schemaVersion: INDEX_VERSION, months: {} }),
  validate: (doc) => (typeof doc.months === 'object' && doc.months !== null ? null : 'months is not an object'),
};

/** The index file of one year, in the journal folder (its name never matches a month file's). */
export const indexFileName = (year: string) => `index-${year}.json`;
/** Before the split the whole index was one file; a save removes it. */
const LEGACY_INDEX = 'index.json';
const yearOf = (month: string) => month.slice(0, 4);

/** The practice a month holds, day by day. Notes are not practice: see noteDays. */
export function summarise(entries: Entry[]): DayMap {
  const days: DayMap = {};
  for (const e of entries) {
    if (e.kind === 'note') continue;
    const day = (days[e.date] ??= { checkins: 0, reflections: 0, principles: [], moods: [] });
    if (e.kind === 'checkin') day.checkins++;
    else day.reflections++; // a weekly review counts as practice too, like a reflection
    // A review's principle is the focus chosen for next week, not one practised that day.
    if (e.principle && e.kind !== 'review') day.principles.push(e.principle);
    if (e.mood !== undefined) day.moods.push(e.mood);
  }
  return days;
}

function packNotes(month: string, dates: Iterable<string>): string | undefined {
  const sorted = [...new Set(dates)].sort();
  return sorted.length === 0 ? undefined : sorted.map((d) => (d.startsWith(`${month}-`) ? d.slice(8) : d)).join(';');
}

const noteDates = (entries: Entry[]) => entries.filter((e) => e.kind === 'note').map((e) => e.date);

/** The latest day each person was connected with in the month (entry.with), over what `packed` already says. */
function packWith(month: string, entries: Entry[], packed?: string): string | undefined {
  const latest = new Map<string, string>();
  for (const item of packed ? items(packed) : []) {
    const space = item.indexOf(' ');
    if (space > 0) latest.set(item.slice(0, space), item.length - space === 3 ? `${month}-${item.slice(space + 1)}` : item.slice(space + 1));
  }
  for (const e of entries) {
    for (const id of e.with ?? []) {
      const seen = latest.get(id);
      if (seen === undefined || e.date > seen) latest.set(id, e.date);
    }
  }
  if (latest.size === 0) return undefined;
  return [...latest].map(([id, d]) => `${id} ${d.startsWith(`${month}-`) ? d.slice(8) : d}`).join(';');
}

/** A month's part; `open`: without moods and principles (the plaintext layer of an encrypted store). */
export function makePart(month: string, entries: Entry[], at: Stamp, open = false): MonthPart {
  const notes = packNotes(month, noteDates(entries));
  const people = packWith(month, entries);
  return { ...at, days: pack(month, summarise(entries), open), ...(notes ? { notes } : {}), ...(people ? { with: people } : {}) };
}

function pack(month: string, days: DayMap, open = false): string {
  const items: string[] = [];
  for (const [date, d] of Object.entries(days)) {
    const day = date.startsWith(`${month}-`) ? date.slice(8) : date;
    items.push(open ? `${day} ${d.checkins} ${d.reflections} -` : [day, d.checkins, d.reflections, d.moods.join('') || '-', ...d.principles].join(' '));
  }
  return items.join(';');
}

/** The plaintext layer's part from a full one. */
const openPart = (month: string, part: MonthPart): MonthPart => {
  const days: DayMap = {};
  unpack(month, part.days, days);
  return { size: part.size, mtimeMs: part.mtimeMs, ...(part.n !== undefined ? { n: part.n } : {}), days: pack(month, days, true), ...(part.notes ? { notes: part.notes } : {}), ...(part.with ? { with: part.with } : {}) };
};

/** The date an item stands for (its first field). */
function dateOf(month: string, item: string): string {
  const day = item.slice(0, item.indexOf(' '));
  return day.length === 2 ? `${month}-${day}` : day;
}

function unpackItem(item: string): DaySummary {
  const [, checkins, reflections, moods, ...principles] = item.split(' ');
  return { checkins: Number(checkins), reflections: Number(reflections), principles, moods: moods === '-' || moods === undefined ? [] : Array.from(moods, Number) };
}

const items = (days: string) => (days === '' ? [] : days.split(';'));

/** The dates of a month's days, added to `out`: read in place, one new string a day (every check-in and reminder reads them all). */
function pushDates(month: string, days: string, out: string[]): void {
  const prefix = `${month}-`;
  for (let at = 0; at < days.length; ) {
    let end = days.indexOf(';', at);
    if (end < 0) end = days.length;
    let space = days.indexOf(' ', at);
    if (space < 0 || space > end) space = end; // not ours (edited by hand): still always moves on
    out.push(space - at === 2 ? prefix + days.slice(at, space) : days.slice(at, space));
    at = end + 1;
  }
}

function unpack(month: string, days: string, into: DayMap): void {
  for (const item of items(days)) into[dateOf(month, item)] = unpackItem(item);
}

const sameStamp = (a: Stamp, b: Stamp) => a.size === b.size && a.mtimeMs === b.mtimeMs && a.n === b.n;

/** What the index reads the journal through (store/journal.ts). */
export interface IndexSource {
  months(): string[];
  /** The stamp of a month's files; throws ENOENT when the month has none. */
  stamp(month: string): Stamp;
  readMonth(month: string): Promise<Entry[]>;
  vault(): Vault;
}

/** One layer's files and what of them is in memory. */
class Layer {
  readonly years = new Map<string, Record<string, MonthPart>>();
  readonly stale = new Set<string>();
  allChecked = false;
  constructor(
    readonly dir: string,
    /** The private layer of an encrypted store: index-YYYY.json.age. */
    readonly sealed: boolean,
  ) {}
}

export class DayIndex {
  private readonly plain: Layer;
  private readonly secret: Layer;
  /** The plaintext layer's parts the last checked() saw, and when (oldest month first). */
  private snapshot?: { at: number; parts: Record<string, MonthPart> };
  private readonly datesMemo = new WeakMap<MonthPart, string[]>();
  private readonly withNotesMemo = new WeakMap<MonthPart, string[]>();

  constructor(
    private readonly dir: string,
    private readonly source: IndexSource,
  ) {
    this.plain = new Layer(dir, false);
    this.secret = new Layer(dir, true);
  }

  private get encrypted(): boolean {
    return this.source.vault().encrypted;
  }

  /** The layer with moods and principles: the only one of a plaintext store. */
  private full(): Layer {
    return this.encrypted ? this.secret : this.plain;
  }

  /** Whether parts of `layer` can be rebuilt from month files without asking for the passphrase. */
  private canRebuild(layer: Layer): boolean {
    return layer.sealed || this.source.vault().readable;
  }

  private async yearParts(layer: Layer, year: string): Promise<Record<string, MonthPart>> {
    let parts = layer.years.get(year);
    if (!parts) {
      const file = join(this.dir, indexFileName(year));
      try {
        parts = (layer.sealed ? await readSealed(this.source.vault(), file, indexSpec) : readDoc(file, indexSpec)).months;
      } catch {
        parts = {}; // a cache: rebuild it rather than stop the user
      }
      layer.years.set(year, parts);
    }
    return parts;
  }

  /** One month's part, checked against its month file(s) and rebuilt if stale (when it can be). */
  private async part(layer: Layer, month: string): Promise<MonthPart> {
    const now = this.source.stamp(month);
    const year = yearOf(month);
    const parts = await this.yearParts(layer, year);
    const part = parts[month];
    if (part && sameStamp(part, now) && typeof part.days === 'string') return part;
    // Locked: what the part says, even if stale; a missing one stays marked stale.
    if (!this.canRebuild(layer)) return part && typeof part.days === 'string' ? part : { size: -1, mtimeMs: -1, days: '' };
    layer.stale.add(year);
    return (parts[month] = makePart(month, await this.source.readMonth(month), now, this.encrypted && !layer.sealed));
  }

  /**
   * Every month's part, checked, oldest first. The stat checks run on every call (cheap),
   * so a long interactive session still sees what another terminal saved meanwhile.
   */
  private async checked(layer: Layer): Promise<Record<string, MonthPart>> {
    const out: Record<string, MonthPart> = {};
    for (const month of this.source.months()) out[month] = await this.part(layer, month);
    for (const year of new Set(Object.keys(out).map(yearOf))) {
      if (Object.keys(await this.yearParts(layer, year)).some((m) => !(m in out))) layer.stale.add(year);
    }
    layer.allChecked = true;
    if (layer === this.plain) this.snapshot = { at: Date.now(), parts: out }; // (performance.now() costs ~1 ms on first use)
    return out;
  }

  /** The layer a reader uses: the full one when it can be read (`ask`: even if that means asking for the passphrase). */
  private async readerLayer(ask: boolean): Promise<Layer> {
    if (!this.encrypted) return this.plain;
    const vault = this.source.vault();
    if (vault.readable) return this.secret;
    if (!ask) return this.plain;
    await vault.identity();
    return this.secret;
  }

  /**
   * Just the days practised, without building a summary object per day: streaks and the
   * shell reminder need no more, and at ten years that saves ~6 ms (bench/, issue 7).
   * Always from the plaintext layer: it needs no key.
   */
  async dayKeys(withNotes = false): Promise<string[]> {
    const out: string[] = [];
    const parts = await this.checked(this.plain);
    for (const [month, part] of Object.entries(parts)) pushDates(month, part.days, out);
    if (!withNotes) return out;
    // The setting notesCountForStreak: a day with only a note counts as practised too.
    const all = new Set(out);
    for (const [month, part] of Object.entries(parts)) {
      if (typeof part.notes === 'string') for (const d of items(part.notes)) all.add(d.length === 2 ? `${month}-${d}` : d);
    }
    return [...all].sort();
  }

  /**
   * The days practised as one list per month (core/streaks.ts DayChunks): each list is kept
   * with its part, so a month unchanged since the last call gives the same array, which the
   * streak code parses once. After a save, the reminder's cache reads only the month saved.
   * Always from the plaintext layer: it needs no key.
   */
  async dayChunks(withNotes = false): Promise<DayChunks> {
    const chunks: (readonly string[])[] = [];
    for (const [month, part] of Object.entries(await this.checked(this.plain))) {
      const dates = this.datesOf(month, part);
      if (!withNotes || typeof part.notes !== 'string') {
        chunks.push(dates);
        continue;
      }
      let both = this.withNotesMemo.get(part);
      if (!both) {
        const all = new Set(dates);
        for (const d of items(part.notes)) all.add(d.length === 2 ? `${month}-${d}` : d);
        this.withNotesMemo.set(part, (both = [...all].sort()));
      }
      chunks.push(both);
    }
    return { chunks };
  }

  /** A part's dates, worked out once per part (a part is replaced, never changed, when its month is). */
  private datesOf(month: string, part: MonthPart): readonly string[] {
    let dates = this.datesMemo.get(part);
    if (!dates) {
      dates = [];
      pushDates(month, part.days, dates);
      this.datesMemo.set(part, dates);
    }
    return dates;
  }

  /** Every day with what it holds (asks for the passphrase of a locked encrypted store: moods are secret). */
  async days(withNotes = false): Promise<DayMap> {
    const out: DayMap = {};
    const parts = await this.checked(await this.readerLayer(true));
    for (const [month, part] of Object.entries(parts)) unpack(month, part.days, out);
    if (!withNotes) return out;
    for (const [month, part] of Object.entries(parts)) {
      if (typeof part.notes !== 'string') continue;
      for (const d of items(part.notes)) out[d.length === 2 ? `${month}-${d}` : d] ??= { checkins: 0, reflections: 0, principles: [], moods: [] };
    }
    return out;
  }

  /**
   * The latest connection of each person in `floors` (id -> the earliest day wanted), months
   * read newest first, stopping once everyone is found or the months are older than anyone
   * still missing wants. The shell reminder asks this in every new terminal, often right
   * after dayKeys() checked every month: parts checked a moment ago are not stat-ed again
   * (at ten years that is 120 system calls). Always from the plaintext layer: it needs no key.
   */
  async lastConnections(floors: ReadonlyMap<string, string>, upTo?: string): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    const missing = new Map(floors);
    const recent = this.snapshot && Date.now() - this.snapshot.at < 500 ? this.snapshot.parts : undefined;
    const months = recent ? Object.keys(recent) : upTo ? this.monthsBack(upTo, floors) : this.source.months();
    let floor = '';
    const lowest = () => {
      floor = '9999-99';
      for (const d of missing.values()) if (d < floor) floor = d;
      floor = floor.slice(0, 7);
    };
    lowest();
    for (let i = months.length - 1; i >= 0 && missing.size > 0 && months[i]! >= floor; i--) {
      const month = months[i]!;
      const part = recent?.[month] ?? (await this.partIfAny(month));
      const packed = part?.with;
      if (typeof packed !== 'string') continue;
      let resolved = false;
      // Items are "id day" joined by ";": read in place, a string only for the ids wanted.
      for (let at = 0; at < packed.length; ) {
        let end = packed.indexOf(';', at);
        if (end < 0) end = packed.length;
        const space = packed.indexOf(' ', at);
        if (space > at && space < end) {
          const want = missing.get(packed.slice(at, space));
          if (want !== undefined) {
            const date = end - space === 3 ? `${month}-${packed.slice(space + 1, end)}` : packed.slice(space + 1, end);
            const id = packed.slice(at, space);
            if (date >= want) found.set(id, date); // else older than wanted, as every earlier month is
            missing.delete(id);
            resolved = true;
          }
        }
        at = end + 1;
      }
      if (resolved) lowest();
    }
    return found;
  }

  /** The months from the lowest floor's to `upTo`, named without listing the folder (most may have no file). */
  private monthsBack(upTo: string, floors: ReadonlyMap<string, string>): string[] {
    let from = upTo;
    for (const d of floors.values()) if (d.slice(0, 7) < from) from = d.slice(0, 7);
    const out: string[] = [];
    for (let y = Number(from.slice(0, 4)), m = Number(from.slice(5, 7)); ; m === 12 ? (y++, (m = 1)) : m++) {
      const month = `${y}-${String(m).padStart(2, '0')}`;
      if (month > upTo || out.length > 1200) break;
      out.push(month);
    }
    return out;
  }

  private async partIfAny(month: string): Promise<MonthPart | undefined> {
    try {
      return await this.part(this.plain, month);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined; // no month file: nothing saved
      throw error;
    }
  }

  /** One day (undefined when nothing was saved for it), from its month's part alone. Locked: no moods or principles. */
  async day(date: string): Promise<DaySummary | undefined> {
    const month = date.slice(0, 7);
    let part: MonthPart;
    try {
      part = await this.part(await this.readerLayer(false), month);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined; // no month file: nothing saved
      throw error;
    }
    const item = items(part.days).find((i) => dateOf(month, i) === date);
    return item === undefined ? undefined : unpackItem(item);
  }

  /**
   * The days of whole months, newest month first, until `enough` (given each month's days
   * in turn) says that is all it needs, or the journal's first month was read.
   * Locked: from the plaintext layer (no principles: the suggestion then goes by other hints).
   */
  async recentDays(enough: (month: DayMap) => boolean): Promise<DayMap> {
    const layer = await this.readerLayer(false);
    const out: DayMap = {};
    const months = this.source.months();
    for (let i = months.length - 1; i >= 0; i--) {
      const month: DayMap = {};
      unpack(months[i]!, (await this.part(layer, months[i]!)).days, month);
      Object.assign(out, month);
      if (enough(month)) break;
    }
    return out;
  }

  /**
   * After a month file was written (under the lock): record it, and save its year's file and
   * that of any other year found stale, so a first save after an upgrade, a crash or a
   * restored backup heals the index instead of leaving every reader after it to rebuild it.
   * Every part is checked once a process (a check-in has done so already, reading the days
   * for its streak); the parts saved are checked again now, under the lock. Other years'
   * files are left alone. In an encrypted store the writer holds the identity (it read the
   * month): both layers are saved; the encrypted one only for the years written (healing
   * every year would decrypt every year's file on every save; `harmony unlock` heals them).
   */
  async monthWritten(month: string, entries: Entry[]): Promise<void> {
    await this.monthsWritten([[month, entries]]);
  }

  /** The same for several months at once (an import): each year's file is written once. */
  async monthsWritten(written: [string, Entry[]][]): Promise<void> {
    this.snapshot = undefined; // what it saw is no longer what is on disk
    const encrypted = this.encrypted;
    for (const [month, entries] of written) {
      const year = yearOf(month);
      const at = this.source.stamp(month);
      (await this.yearParts(this.plain, year))[month] = makePart(month, entries, at, encrypted);
      this.plain.stale.add(year);
      if (encrypted) {
        (await this.yearParts(this.secret, year))[month] = makePart(month, entries, at);
        this.secret.stale.add(year);
      }
    }
    if (!this.plain.allChecked) await this.checked(this.plain);
    await this.saveStale(this.plain);
    if (encrypted) await this.saveStale(this.secret);
    removeQuietly(join(this.dir, LEGACY_INDEX));
  }

  /**
   * An encrypted store, locked: entries were added in files of their own and the month was
   * not read. Adds them to the plaintext layer's part as it stands. `before` is the month's
   * stamp before the write: a part that matched it still describes the month, and matches
   * the new stamp now; one that did not is kept stale, to be rebuilt once unlocked.
   */
  async addedLocked(month: string, entries: Entry[], before: Stamp | undefined): Promise<void> {
    this.snapshot = undefined;
    const year = yearOf(month);
    const parts = await this.yearParts(this.plain, year);
    const old = parts[month];
    const fresh = before === undefined ? !old : old !== undefined && sameStamp(old, before);
    const days: DayMap = {};
    if (old && typeof old.days === 'string') unpack(month, old.days, days);
    for (const [date, add] of Object.entries(summarise(entries))) {
      const d = (days[date] ??= { checkins: 0, reflections: 0, principles: [], moods: [] });
      d.checkins += add.checkins;
      d.reflections += add.reflections;
    }
    const notes = packNotes(month, [...(old?.notes ? items(old.notes).map((d) => (d.length === 2 ? `${month}-${d}` : d)) : []), ...noteDates(entries)]);
    const people = packWith(month, entries, old?.with);
    const at = fresh ? this.source.stamp(month) : old ?? { size: -1, mtimeMs: -1 };
    parts[month] = { size: at.size, mtimeMs: at.mtimeMs, ...(at.n !== undefined ? { n: at.n } : {}), days: pack(month, days, true), ...(notes ? { notes } : {}), ...(people ? { with: people } : {}) };
    this.plain.stale.add(year);
    await this.saveStale(this.plain);
  }

  /** Rebuilds every stale part it can, in both layers, and saves them (harmony unlock, under the lock). */
  async heal(): Promise<void> {
    await this.checked(this.plain);
    await this.saveStale(this.plain);
    if (this.encrypted) {
      await this.checked(this.secret);
      await this.saveStale(this.secret);
    }
  }

  private async saveStale(layer: Layer): Promise<void> {
    const months = this.source.months();
    for (const y of layer.stale) {
      const parts: Record<string, MonthPart> = {};
      for (const m of months) if (yearOf(m) === y) parts[m] = await this.part(layer, m);
      const file = join(this.dir, indexFileName(y));
      const doc = { schemaVersion: INDEX_VERSION, months: parts };
      if (Object.keys(parts).length === 0) removeQuietly(layer.sealed ? `${file}.age` : file);
      else if (layer.sealed) await writeSealed(this.source.vault(), file, doc, { cache: true });
      else writeDoc(file, doc, { cache: true });
      layer.years.set(y, parts);
    }
    layer.stale.clear();
  }
}

/** Both layers' year files for a set of months (harmony encrypt/decrypt build them for the new store). */
export function indexDocs(byMonth: Map<string, { entries: Entry[]; stamp: Stamp }>, encrypted: boolean): { plain: Map<string, IndexDoc>; secret: Map<string, IndexDoc> } {
  const plain = new Map<string, IndexDoc>();
  const secret = new Map<string, IndexDoc>();
  const put = (into: Map<string, IndexDoc>, month: string, part: MonthPart) => {
    const year = yearOf(month);
    const doc = into.get(year) ?? { schemaVersion: INDEX_VERSION, months: {} };
    doc.months[month] = part;
    into.set(year, doc);
  };
  for (const [month, { entries, stamp }] of [...byMonth].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const full = makePart(month, entries, stamp);
    put(plain, month, encrypted ? openPart(month, full) : full);
    if (encrypted) put(secret, month, full);
  }
  return { plain, secret };
}
