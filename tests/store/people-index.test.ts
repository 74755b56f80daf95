// The day index's latest connection per person (what remind, people and the check-in read).
import { readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/index.js';
import { cleanupHomes, tempHome } from '../helpers/cli.js';
import { entry } from '../helpers/journal-fixtures.js';

afterAll(cleanupHomes);
const ANA = 'p-ana001';
const BEN = 'p-ben001';

async function storeWith(...entries: ReturnType<typeof entry>[]): Promise<Store> {
  const store = new Store(tempHome());
  await store.write(() => store.journal.add(entries));
  return store;
}

describe('latest connections', () => {
  it('finds each person\'s latest day across months and years', async () => {
    const store = await storeWith(
      entry('2025-12-30', { with: [ANA, BEN] }),
      entry('2026-02-03', { with: [ANA] }),
      entry('2026-02-01', { kind: 'note', principle: undefined, answers: [], with: [ANA], how: 'call' }),
    );
    expect(Object.fromEntries(await new Store(store.home).journal.latestWith([ANA, BEN, 'p-nobody']))).toEqual({ [ANA]: '2026-02-03', [BEN]: '2025-12-30' });
  });

  it('an older, back-dated connection changes nothing', async () => {
    const store = await storeWith(entry('2026-02-10', { with: [ANA] }));
    await store.write(() => store.journal.add([entry('2026-02-01', { with: [ANA] }), entry('2025-06-01', { with: [ANA] })]));
    expect((await new Store(store.home).journal.latestWith([ANA])).get(ANA)).toBe('2026-02-10');
  });

  it('deleting the entry that held the latest connection falls back to the one before', async () => {
    const latest = entry('2026-03-05', { with: [ANA] });
    const store = await storeWith(entry('2026-01-20', { with: [ANA] }), entry('2026-03-01', { with: [BEN] }), latest);
    await store.write(() => store.journal.remove(latest.id));
    expect((await new Store(store.home).journal.latestWith([ANA])).get(ANA)).toBe('2026-01-20');
  });

  it('a month file changed behind its back (an edit, another tool) is read again', async () => {
    const store = await storeWith(entry('2026-03-05', { with: [ANA] }));
    const file = store.journal.monthPath('2026-03');
    const doc = JSON.parse(readFileSync(file, 'utf8'));
    doc.entries[0].with = [BEN];
    writeFileSync(file, JSON.stringify(doc));
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    const fresh = new Store(store.home).journal;
    expect(await fresh.latestWith([ANA, BEN])).toEqual(new Map([[BEN, '2026-03-05']]));
  });

  it('with a floor, stops at it: a connection older than wanted is not returned', async () => {
    const store = await storeWith(entry('2024-02-10', { with: [ANA] }), entry('2026-01-05', { with: [BEN] }));
    const j = new Store(store.home).journal;
    expect(await j.lastConnections(new Map([[ANA, "2025-06-01"], [BEN, "2025-06-01"]]))).toEqual(new Map([[BEN, '2026-01-05']]));
    expect((await j.lastConnections(new Map([[ANA, '2024-02-10']]))).get(ANA)).toBe('2024-02-10');
  });

  it('an index from before people (version 3) is rebuilt, not trusted', async () => {
    const store = await storeWith(entry('2026-03-05', { with: [ANA] }));
    const file = join(store.journal.dir, 'index-2026.json');
    const doc = JSON.parse(readFileSync(file, 'utf8'));
    expect(doc.schemaVersion).toBe(4);
    expect(doc.months['2026-03'].with).toBe(`${ANA} 05`);
    delete doc.months['2026-03'].with;
    writeFileSync(file, JSON.stringify({ ...doc, schemaVersion: 3 }));
    expect((await new Store(store.home).journal.latestWith([ANA])).get(ANA)).toBe('2026-03-05');
  });
});
