// The journal's day index: what each practised day holds, per month, for streaks, stats,
// suggestions and the shell reminder, without reading years of entries.
// It is only a cache. Each month's part carries the size and mtime of the month file it was
// built from; a part that no longer matches (a crash between the two writes, another
// process, a restored backup) is rebuilt from the month file. Readers never write it; a save
// rewrites it (compact, without fsync: a torn cache is simply rebuilt).
import { statSync } from 'node:fs';
import type { Entry } from '../core/entry.js';
import { readDoc, writeDoc, type DocSpec } from './files.js';

/** What a day holds. */
export interface DaySummary {
  checkins: number;
  reflections: number;
  principles: string[];
  moods: number[];
}
export type DayMap = Record<string, DaySummary>;

/** On disk a day is [check-ins, reflections, "principle principle", "moods as digits"]. */
type PackedDay = [number, number, string, string];
interface MonthPart {
  size: number;
  mtimeMs: number;
  days: Record<string, PackedDay>;
}
interface IndexDoc {
  schemaVersion: number;
  months: Record<string, MonthPart>;
}

const INDEX_VERSION = 2; // 1 stored unpacked days; an old index is just rebuilt
const indexSpec: DocSpec<IndexDoc> = {
  version: INDEX_VERSION,
  empty: () => ({ schemaVersion: INDEX_VERSION, months: {} }),
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

function pack(days: DayMap): Record<string, PackedDay> {
  const out: Record<string, PackedDay> = {};
  for (const [date, d] of Object.entries(days)) out[date] = [d.checkins, d.reflections, d.principles.join(' '), d.moods.join('')];
  return out;
}

function unpack(days: Record<string, PackedDay>, into: DayMap): void {
  for (const [date, [checkins, reflections, principles, moods]] of Object.entries(days)) {
    into[date] = {
      checkins,
      reflections,
      principles: principles === '' ? [] : principles.split(' '),
      moods: Array.from(moods, Number),
    };
  }
}

const stamp = (file: string) => {
  const st = statSync(file);
  return { size: st.size, mtimeMs: st.mtimeMs };
};

export class DayIndex {
  private parts?: Record<string, MonthPart>;

  constructor(
    private readonly file: string,
    private readonly months: () => string[],
    private readonly monthFile: (month: string) => string,
    private readonly readMonth: (month: string) => Entry[],
  ) {}

  /**
   * Every part checked against its month file, stale parts rebuilt. The file is parsed once
   * a process; the stat checks run on every call (cheap), so a long interactive session still
   * sees what another terminal saved meanwhile.
   */
  private checked(): Record<string, MonthPart> {
    if (!this.parts) {
      try {
        this.parts = readDoc(this.file, indexSpec).months;
      } catch {
        this.parts = {}; // a cache: rebuild it rather than stop the user
      }
    }
    const parts: Record<string, MonthPart> = {};
    for (const month of this.months()) {
      const now = stamp(this.monthFile(month));
      const part = this.parts[month];
      parts[month] =
        part && part.size === now.size && part.mtimeMs === now.mtimeMs && typeof part.days === 'object'
          ? part
          : { ...now, days: pack(summarise(this.readMonth(month))) };
    }
    return (this.parts = parts);
  }

  /**
   * Just the days practised, without building a summary object per day: the shell reminder
   * needs no more, and at ten years that saves ~6 ms of its start-up (bench/, issue 7).
   */
  dayKeys(): string[] {
    const out: string[] = [];
    for (const part of Object.values(this.checked())) for (const day in part.days) out.push(day);
    return out;
  }

  days(): DayMap {
    const out: DayMap = {};
    for (const part of Object.values(this.checked())) unpack(part.days, out);
    return out;
  }

  /** After a month file was written (under the lock): record it and save the index. */
  monthWritten(month: string, entries: Entry[]): void {
    const parts = this.checked();
    if (entries.length === 0) delete parts[month];
    else parts[month] = { ...stamp(this.monthFile(month)), days: pack(summarise(entries)) };
    writeDoc(this.file, { schemaVersion: INDEX_VERSION, months: parts }, { cache: true });
  }
}
