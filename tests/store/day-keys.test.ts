// Journal.dayKeys(): the days practised, for the shell reminder, without per-day summaries.
// It must agree with days() in every case days() handles, stale months included.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Entry } from '../../src/core/entry.js';
import { Store } from '../../src/store/index.js';

const entry = (date: string, id: string): Entry => ({
  id,
  kind: 'checkin',
  date,
  createdAt: `${date}T20:00:00+00:00`,
  principle: 'trust',
  mood: 3,
  answers: [],
});

const keysOf = async (store: Store) => [...(await store.journal.dayKeys())].sort();

describe('Journal.dayKeys', () => {
  it('lists the days of days(), across months, and is empty for a new journal', async () => {
    const store = new Store(mkdtempSync(join(tmpdir(), 'harmony-daykeys-')));
    expect((await store.journal.dayKeys())).toEqual([]);
    await store.write(async () =>
      (await store.journal.add([entry('2026-10-31', '20261031-aaaa'), entry('2026-11-02', '20261102-bbbb'), entry('2026-11-02', '20261102-cccc')])),
    );
    expect(await keysOf(store)).toEqual(['2026-10-31', '2026-11-02']);
    expect(await keysOf(store)).toEqual(Object.keys((await store.journal.days())).sort());
  });

  it('sees a month file changed behind the index (another process, a restored backup)', async () => {
    const home = mkdtempSync(join(tmpdir(), 'harmony-daykeys-'));
    const store = new Store(home);
    await store.write(async () => (await store.journal.add([entry('2026-11-02', '20261102-aaaa')])));
    const doc = { schemaVersion: 1, entries: [entry('2026-11-05', '20261105-dddd'), entry('2026-11-07', '20261107-eeee')] };
    writeFileSync(store.journal.monthPath('2026-11'), JSON.stringify(doc));
    const fresh = new Store(home);
    expect(await keysOf(fresh)).toEqual(['2026-11-05', '2026-11-07']);
    expect(await keysOf(fresh)).toEqual(Object.keys((await fresh.journal.days())).sort());
  });
});

describe('Journal.dayChunks', () => {
  it('holds the days of dayKeys (notes too when asked), and keeps the list of a month that did not change', async () => {
    const store = new Store(mkdtempSync(join(tmpdir(), 'harmony-daychunks-')));
    await store.write(() => store.journal.add([entry('2026-10-31', '20261031-aaaa'), entry('2026-11-02', '20261102-bbbb')]));
    const flat = (c: { chunks: readonly (readonly string[])[] }) => c.chunks.flat().sort();
    const first = await store.journal.dayChunks();
    expect(flat(first)).toEqual(await keysOf(store));
    await store.write(() => store.journal.add([entry('2026-11-05', '20261105-cccc'), { ...entry('2026-11-07', '20261107-dddd'), kind: 'note', principle: undefined, mood: undefined, text: 'a note' } as Entry]));
    const second = await store.journal.dayChunks();
    expect(flat(second)).toEqual(['2026-10-31', '2026-11-02', '2026-11-05']);
    expect(second.chunks[0]).toBe(first.chunks[0]); // October unchanged: the same list (parsed once)
    expect(second.chunks[1]).not.toBe(first.chunks[1]);
    expect(flat(await store.journal.dayChunks(true))).toEqual([...(await store.journal.dayKeys(true))].sort());
    expect(flat(await store.journal.dayChunks(true))).toContain('2026-11-07');
  });
});
