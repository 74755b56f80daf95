// The journal's day index: what each practised day holds, per month, for streaks, stats,
// suggestions and the shell reminder, without reading years of entries.
// It is only a cache, one file a year (journal/index-YYYY.json), so a save rewrites only its
// year's part (a few KB), not ten years of it. Each month's part carries the size and mtime of
// the month file it was built from; a part that no longer matches (a crash between the two
// writes, another process, a restored backup) is rebuilt from the month file. Readers never
// write it; a save rewrites its year's file, and any other year's it found stale (compact,
// without fsync: a torn cache is simply rebuilt).
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { Entry } from '../core/entry.js';
import type { DayChunks } from '../core/streaks.js';
import { readDoc, removeQuietly, writeDoc, type DocSpec } from './files.js';

/** What a day holds. */
export interface DaySummary {
  checkins: number;
  reflections: number;
  principles: string[];
  moods: number[];
}
export type DayMap = Record<string, DaySummary>;

/**
 * On disk a month's days are one string, a day per ";"-separated item: "DD checkins
 * reflections moods principle...", e.g. "05 1 1 4 trust intimacy" (moods as digits, "-" for
 * none; the full date instead of DD for a day not of that month). Ten years of days as
 * objects and arrays took ~5 ms to parse when a command starts; as strings ~2 (bench/, issue 7).
 */
interface MonthPart {
  size: number;
  mtimeMs: number;
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

function packNotes(month: string, entries: Entry[]): string | undefined {
  const dates = [...new Set(entries.filter((e) => e.kind === 'note').map((e) => e.date))].sort();
  return dates.length === 0 ? undefined : dates.map((d) => (d.startsWith(`${month}-`) ? d.slice(8) : d)).join(';');
}

/** The latest day each person was connected with in the month (entry.with). */
function packWith(month: string, entries: Entry[]): string | undefined {
  const latest = new Map<string, string>();
  for (const e of entries) {
    for (const id of e.with ?? []) {
      const seen = latest.get(id);
      if (seen === undefined || e.date > seen) latest.set(id, e.date);
    }
  }
  if (latest.size === 0) return undefined;
  return [...latest].map(([id, d]) => `${id} ${d.startsWith(`${month}-`) ? d.slice(8) : d}`).join(';');
}

function makePart(month: string, entries: Entry[], at: { size: number; mtimeMs: number }): MonthPart {
  const notes = packNotes(month, entries);
  const people = packWith(month, entries);
  return { ...at, days: pack(month, summarise(entries)), ...(notes ? { notes } : {}), ...(people ? { with: people } : {}) };
}

function pack(month: string, days: DayMap): string {
  const items: string[] = [];
  for (const [date, d] of Object.entries(days)) {
    const day = date.startsWith(`${month}-`) ? date.slice(8) : date;
    items.push([day, d.checkins, d.reflections, d.moods.join('') || '-', ...d.principles].join(' '));
  }
  return items.join(';');
}

/** The date an item stands for (its first field). */
function dateOf(month: string, item: string): string {
  const day = item.slice(0, item.indexOf(' '));
  return day.length === 2 ? `${month}-${day}` : day;
}

function unpackItem(item: string): DaySummary {
  const [, checkins, reflections, moods, ...principles] = item.split(' ');
  return { checkins: Number(checkins), reflections: Number(reflections), principles, moods: moods === '-' ? [] : Array.from(moods!, Number) };
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

const stamp = (file: string) => {
  const st = statSync(file);
  return { size: st.size, mtimeMs: st.mtimeMs };
};

export class DayIndex {
  /** Each year's parts: read from its file once a process, then kept up to date in memory. */
  private readonly years = new Map<string, Record<string, MonthPart>>();
  /** Years whose file no longer matches what is in memory (a part was rebuilt or is gone). */
  private readonly stale = new Set<string>();
  /** Whether every month's part was checked once in this process (so `stale` is complete). */
  private allChecked = false;
  /** The parts the last checked() saw, and when (oldest month first). */
  private snapshot?: { at: number; parts: Record<string, MonthPart> };
  private readonly datesMemo = new WeakMap<MonthPart, string[]>();
  private readonly withNotesMemo = new WeakMap<MonthPart, string[]>();

  constructor(
    private readonly dir: string,
    private readonly months: () => string[],
    private readonly monthFile: (month: string) => string,
    private readonly readMonth: (month: string) => Entry[],
  ) {}

  private yearParts(year: string): Record<string, MonthPart> {
    let parts = this.years.get(year);
    if (!parts) {
      try {
        parts = readDoc(join(this.dir, indexFileName(year)), indexSpec).months;
      } catch {
        parts = {}; // a cache: rebuild it rather than stop the user
      }
      this.years.set(year, parts);
    }
    return parts;
  }

  /** One month's part, checked against its month file (stat) and rebuilt if stale. */
  private part(month: string): MonthPart {
    const now = stamp(this.monthFile(month));
    const year = yearOf(month);
    const parts = this.yearParts(year);
    const part = parts[month];
    if (part && part.size === now.size && part.mtimeMs === now.mtimeMs && typeof part.days === 'string') return part;
    this.stale.add(year);
    return (parts[month] = makePart(month, this.readMonth(month), now));
  }

  /**
   * Every month's part, checked, oldest first. The stat checks run on every call (cheap),
   * so a long interactive session still sees what another terminal saved meanwhile.
   */
  private checked(): Record<string, MonthPart> {
    const out: Record<string, MonthPart> = {};
    for (const month of this.months()) out[month] = this.part(month);
    this.snapshot = { at: Date.now(), parts: out }; // (performance.now() costs ~1 ms on first use)
    for (const year of new Set(Object.keys(out).map(yearOf))) {
      if (Object.keys(this.yearParts(year)).some((m) => !(m in out))) this.stale.add(year);
    }
    this.allChecked = true;
    return out;
  }

  /**
   * Just the days practised, without building a summary object per day: streaks and the
   * shell reminder need no more, and at ten years that saves ~6 ms (bench/, issue 7).
   */
  dayKeys(withNotes = false): string[] {
    const out: string[] = [];
    const parts = this.checked();
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
   */
  dayChunks(withNotes = false): DayChunks {
    const chunks: (readonly string[])[] = [];
    for (const [month, part] of Object.entries(this.checked())) {
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

  days(withNotes = false): DayMap {
    const out: DayMap = {};
    const parts = this.checked();
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
   * (at ten years that is 120 system calls).
   */
  lastConnections(floors: ReadonlyMap<string, string>, upTo?: string): Map<string, string> {
    const found = new Map<string, string>();
    const missing = new Map(floors);
    const recent = this.snapshot && Date.now() - this.snapshot.at < 500 ? this.snapshot.parts : undefined;
    const months = recent ? Object.keys(recent) : upTo ? this.monthsBack(upTo, floors) : this.months();
    let floor = '';
    const lowest = () => {
      floor = '9999-99';
      for (const d of missing.values()) if (d < floor) floor = d;
      floor = floor.slice(0, 7);
    };
    lowest();
    for (let i = months.length - 1; i >= 0 && missing.size > 0 && months[i]! >= floor; i--) {
      const month = months[i]!;
      const part = recent?.[month] ?? this.partIfAny(month);
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

  private partIfAny(month: string): MonthPart | undefined {
    try {
      return this.part(month);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined; // no month file: nothing saved
      throw error;
    }
  }

  /** One day (undefined when nothing was saved for it), from its month's part alone. */
  day(date: string): DaySummary | undefined {
    let part: MonthPart;
    try {
      part = this.part(date.slice(0, 7));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined; // no month file: nothing saved
      throw error;
    }
    const month = date.slice(0, 7);
    const item = items(part.days).find((i) => dateOf(month, i) === date);
    return item === undefined ? undefined : unpackItem(item);
  }

  /**
   * The days of whole months, newest month first, until `enough` (given each month's days
   * in turn) says that is all it needs, or the journal's first month was read.
   */
  recentDays(enough: (month: DayMap) => boolean): DayMap {
    const out: DayMap = {};
    const months = this.months();
    for (let i = months.length - 1; i >= 0; i--) {
      const month: DayMap = {};
      unpack(months[i]!, this.part(months[i]!).days, month);
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
   * files are left alone.
   */
  monthWritten(month: string, entries: Entry[]): void {
    this.monthsWritten([[month, entries]]);
  }

  /** The same for several months at once (an import): each year's file is written once. */
  monthsWritten(written: [string, Entry[]][]): void {
    this.snapshot = undefined; // what it saw is no longer what is on disk
    for (const [month, entries] of written) {
      const year = yearOf(month);
      this.yearParts(year)[month] = makePart(month, entries, stamp(this.monthFile(month)));
      this.stale.add(year);
    }
    if (!this.allChecked) this.checked();
    const months = this.months();
    for (const y of this.stale) {
      const parts: Record<string, MonthPart> = {};
      for (const m of months) if (yearOf(m) === y) parts[m] = this.part(m);
      const file = join(this.dir, indexFileName(y));
      if (Object.keys(parts).length === 0) removeQuietly(file);
      else writeDoc(file, { schemaVersion: INDEX_VERSION, months: parts }, { cache: true });
      this.years.set(y, parts);
    }
    this.stale.clear();
    removeQuietly(join(this.dir, LEGACY_INDEX));
  }
}
