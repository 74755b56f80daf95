import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Entry } from '../../src/core/entry.js';
import { Store } from '../../src/store/index.js';

const entry = (date: string, id: string, kind: Entry['kind'] = 'checkin'): Entry => ({
  id,
  kind,
  date,
  createdAt: `${date}T20:00:00+00:00`,
  principle: 'trust',
  mood: 4,
  answers: [{ prompt: 'p', answer: `answer for ${id}` }],
});

describe('Journal', () => {
  it('stores each entry in its month file and reads them back oldest first', async () => {
    const store = new Store(mkdtempSync(join(tmpdir(), 'harmony-journal-')));
    await store.write(async () => (await store.journal.add([entry('2026-11-02', '20261102-aaaa'), entry('2026-10-31', '20261031-bbbb')])));
    expect(readdirSync(store.journal.dir).sort()).toEqual(['2026-10.json', '2026-11.json', 'index-2026.json']);
    expect((await store.journal.all()).map((e) => e.id)).toEqual(['20261031-bbbb', '20261102-aaaa']);
    expect((await store.journal.get('20261102-aaaa'))?.answers[0]?.answer).toBe('answer for 20261102-aaaa');
  });

  it('skips ids already present instead of duplicating them', async () => {
    const store = new Store(mkdtempSync(join(tmpdir(), 'harmony-journal-')));
    await store.write(async () => (await store.journal.add([entry('2026-11-02', '20261102-aaaa')])));
    const added = await store.write(async () => (await store.journal.add([entry('2026-11-02', '20261102-aaaa'), entry('2026-11-03', '20261103-cccc')])));
    expect(added.map((e) => e.id)).toEqual(['20261103-cccc']);
    expect((await store.journal.all())).toHaveLength(2);
  });

  it('keeps the day index right, even when a month file changes behind its back', async () => {
    const store = new Store(mkdtempSync(join(tmpdir(), 'harmony-journal-')));
    await store.write(async () => (await store.journal.add([entry('2026-11-02', '20261102-aaaa'), entry('2026-11-02', '20261102-bbbb', 'reflection')])));
    expect((await store.journal.days())['2026-11-02']).toMatchObject({ checkins: 1, reflections: 1 });
    // Another writer (or a crash before the index write) changes the month; the cache notices.
    const other = new Store(store.home);
    await other.write(async () => (await other.journal.remove('20261102-aaaa')));
    expect((await store.journal.days())['2026-11-02']).toMatchObject({ checkins: 0, reflections: 1 });
  });

  it('replaces and removes by id', async () => {
    const store = new Store(mkdtempSync(join(tmpdir(), 'harmony-journal-')));
    await store.write(async () => (await store.journal.add([entry('2026-11-02', '20261102-aaaa')])));
    await store.write(async () => (await store.journal.replace({ ...entry('2026-11-02', '20261102-aaaa'), intention: 'call mum' })));
    expect((await store.journal.get('20261102-aaaa'))?.intention).toBe('call mum');
    expect(await store.write(async () => (await store.journal.remove('20261102-aaaa')))).toBe(true);
    expect((await store.journal.all())).toEqual([]);
  });
});
