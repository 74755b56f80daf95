// The day index, one file a year: a save rewrites only its year's file (and any year found
// stale), readers never write, and day() / recentDays() agree with days().
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Entry } from '../../src/core/entry.js';
import { Store } from '../../src/store/index.js';
import { summarise } from '../../src/store/journal.js';

const entry = (date: string, id: string, kind: Entry['kind'] = 'checkin', principle: Entry['principle'] = 'trust'): Entry => ({
  id,
  kind,
  date,
  createdAt: `${date}T20:00:00+00:00`,
  principle,
  ...(kind === 'checkin' ? { mood: 3 } : {}),
  answers: [],
});

const home = () => mkdtempSync(join(tmpdir(), 'harmony-dayindex-'));
const indexFiles = (store: Store) => readdirSync(store.journal.dir).filter((n) => n.startsWith('index')).sort();
const read = (store: Store, name: string) => readFileSync(join(store.journal.dir, name), 'utf8');
/** The stamps a year's index file holds, and those of the month files they stand for. */
function stamps(store: Store, year: string): { held: Record<string, number>; real: Record<string, number> } {
  const months = JSON.parse(read(store, `index-${year}.json`)).months as Record<string, { mtimeMs: number }>;
  const held = Object.fromEntries(Object.entries(months).map(([m, part]) => [m, part.mtimeMs]));
  const real = Object.fromEntries(Object.keys(months).map((m) => [m, statSync(store.journal.monthPath(m)).mtimeMs]));
  return { held, real };
}

describe('day index, one file a year', () => {
  it('keeps one file per year and rewrites only the year of the month saved', async () => {
    const store = new Store(home());
    await store.write(async () => (await store.journal.add([entry('2024-12-30', '20241230-aaaa'), entry('2025-01-02', '20250102-bbbb')])));
    expect(indexFiles(store)).toEqual(['index-2024.json', 'index-2025.json']);
    const old = read(store, 'index-2024.json');
    const oldTime = statSync(join(store.journal.dir, 'index-2024.json')).mtimeMs;
    const later = new Store(store.home);
    await later.write(async () => (await later.journal.add([entry('2025-02-03', '20250203-cccc')])));
    expect(read(store, 'index-2024.json')).toBe(old);
    expect(statSync(join(store.journal.dir, 'index-2024.json')).mtimeMs).toBe(oldTime);
    expect(Object.keys(JSON.parse(read(store, 'index-2025.json')).months)).toEqual(['2025-01', '2025-02']);
    expect(Object.keys((await new Store(store.home).journal.days()))).toEqual(['2024-12-30', '2025-01-02', '2025-02-03']);
  });

  it('heals a stale year on the next save, wherever it is; readers leave it as it is', async () => {
    const store = new Store(home());
    await store.write(async () => (await store.journal.add([entry('2023-05-01', '20230501-aaaa'), entry('2025-01-02', '20250102-bbbb')])));
    // A copied or restored journal: month files with other times than the index holds.
    utimesSync(store.journal.monthPath('2023-05'), new Date('2024-01-01'), new Date('2024-01-01'));
    const before = read(store, 'index-2023.json');
    expect(Object.keys((await new Store(store.home).journal.days()))).toEqual(['2023-05-01', '2025-01-02']);
    expect(read(store, 'index-2023.json')).toBe(before);
    const saver = new Store(store.home);
    await saver.write(async () => (await saver.journal.add([entry('2025-01-03', '20250103-cccc')])));
    const { held, real } = stamps(store, '2023');
    expect(held).toEqual(real);
  });

  it('drops the one-file index of older versions on the next save', async () => {
    const store = new Store(home());
    await store.write(async () => (await store.journal.add([entry('2025-01-02', '20250102-aaaa')])));
    writeFileSync(join(store.journal.dir, 'index.json'), '{"schemaVersion":2,"months":{}}');
    await store.write(async () => (await store.journal.add([entry('2025-01-03', '20250103-bbbb')])));
    expect(indexFiles(store)).toEqual(['index-2025.json']);
  });

  it('day() and recentDays() agree with days()', async () => {
    const store = new Store(home());
    await store.write(async () =>
      (await store.journal.add([
        entry('2024-11-30', '20241130-aaaa', 'reflection', 'intimacy'),
        entry('2025-01-02', '20250102-bbbb'),
        entry('2025-01-02', '20250102-cccc', 'reflection', 'attention'),
        entry('2025-03-04', '20250304-dddd'),
      ])),
    );
    const fresh = new Store(store.home);
    const all = (await fresh.journal.days());
    for (const date of ['2024-11-30', '2025-01-02', '2025-03-04', '2025-03-05', '2025-02-01', '2019-01-01']) {
      expect((await fresh.journal.day(date)), date).toEqual(all[date]);
    }
    const seen: string[][] = [];
    const two = (await fresh.journal.recentDays((month) => seen.push(Object.keys(month)) === 2));
    expect(seen).toEqual([['2025-03-04'], ['2025-01-02']]);
    expect(two).toEqual({ '2025-03-04': all['2025-03-04'], '2025-01-02': all['2025-01-02'] });
    expect((await fresh.journal.recentDays(() => false))).toEqual(all);
  });

  it('round-trips every kind of day, including one filed in another month (a hand-edited file)', async () => {
    const store = new Store(home());
    const entries = [
      entry('2025-04-30', '20250430-aaaa'), // in the May file
      entry('2025-05-02', '20250502-bbbb', 'reflection', 'intimacy'), // no mood
      entry('2025-05-02', '20250502-cccc', 'checkin', 'attention'),
      entry('2025-05-03', '20250503-dddd', 'reflection', 'wellbeing'),
    ];
    mkdirSync(store.journal.dir, { recursive: true });
    writeFileSync(store.journal.monthPath('2025-05'), JSON.stringify({ schemaVersion: 1, entries }));
    await store.write(async () => (await store.journal.add([entry('2025-05-04', '20250504-eeee')]))); // writes the index
    const fresh = new Store(store.home);
    const all = summarise([...entries, entry('2025-05-04', '20250504-eeee')]);
    expect((await fresh.journal.days())).toEqual(all);
    expect((await fresh.journal.dayKeys()).sort()).toEqual(Object.keys(all).sort());
    expect((await fresh.journal.day('2025-04-30'))).toBeUndefined(); // looked for in April's file, which has none
    expect((await fresh.journal.day('2025-05-02'))).toEqual(all['2025-05-02']);
  });

  it('builds every year on the first save after the one-file index (an upgrade), so readers need not', async () => {
    const store = new Store(home());
    await store.write(async () => (await store.journal.add([entry('2023-05-01', '20230501-aaaa'), entry('2024-02-01', '20240201-bbbb')])));
    for (const name of indexFiles(store)) rmSync(join(store.journal.dir, name));
    writeFileSync(join(store.journal.dir, 'index.json'), '{"schemaVersion":2,"months":{}}');
    const saver = new Store(store.home);
    await saver.write(async () => (await saver.journal.add([entry('2025-01-03', '20250103-cccc')])));
    expect(indexFiles(store)).toEqual(['index-2023.json', 'index-2024.json', 'index-2025.json']);
    for (const year of ['2023', '2024', '2025']) {
      const { held, real } = stamps(store, year);
      expect(held).toEqual(real);
    }
  });
});
