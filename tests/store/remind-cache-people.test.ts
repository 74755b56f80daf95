// The shell reminder's cache speaks of people exactly as `harmony remind` would on each of its
// days (issue 14): someone becoming due within the range, a snooze running out, a pause; for
// each reminderPeople mode. And a people.json that cannot be read leaves only the people line out.
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/dates.js';
import type { Entry } from '../../src/core/entry.js';
import type { Person } from '../../src/core/people.js';
import { parseReminderCache } from '../../src/core/remind-cache.js';
import { reminderLinesNow } from '../../src/remind-fast.js';
import { Store } from '../../src/store/index.js';
import { peopleFile } from '../../src/store/people.js';
import { reminderCacheFile } from '../../src/store/remind-cache.js';
import { saveSetting } from '../../src/store/settings-write.js';
import { cleanupHomes, tempHome } from '../helpers/cli.js';

afterAll(cleanupHomes);
const TODAY = '2026-03-10';
const NOW = new Date(`${TODAY}T12:00:00Z`);
const person = (id: string, name: string, extra: Partial<Person>): Person => ({
  id, name, aliases: [], addedOn: '2026-01-01', createdAt: '2026-01-01T10:00:00+00:00', updatedAt: '2026-01-01T10:00:00+00:00', ...extra,
});
const met = (date: string, ids: string[], n: number): Entry => ({ id: `${date.replaceAll('-', '')}-p${String(n).padStart(3, '0')}`, kind: 'note', date, createdAt: `${date}T09:00:00+00:00`, answers: [], with: ids });

async function storeWithPeople(): Promise<Store> {
  const store = new Store(tempHome(), () => NOW);
  await store.write(async () => {
    store.writePeople({
      schemaVersion: 1,
      people: [
        person('p-ana001', 'Ana', { every: '1w' }), // due since the 8th
        person('p-ben001', 'Ben', { every: '2w' }), // due on the 15th
        person('p-cy0001', 'Cy', { every: '1m', snooze: { from: '2026-03-08', until: '2026-03-18' } }), // due, snoozed until the 18th
        person('p-di0001', 'Di', { every: '1w', paused: true }),
        person('p-ed0001', 'Ed', { every: '3m' }), // added 2026-01-01, never met: due 2026-04-01
      ],
    });
    await store.journal.add([met('2026-03-01', ['p-ana001', 'p-ben001'], 1), met('2026-02-01', ['p-cy0001'], 2), met('2026-02-10', ['p-di0001'], 3)]);
  });
  return store;
}

async function agree(store: Store): Promise<void> {
  const cache = parseReminderCache(readFileSync(reminderCacheFile(store.home), 'utf8'))!;
  expect(cache.days.size).toBe(17);
  for (const [date, lines] of cache.days) {
    const now = await reminderLinesNow({ HARMONY_HOME: store.home, HARMONY_NOW: `${date}T12:00:00Z` }, false, false);
    expect(lines.map((l) => l.text), date).toEqual(now);
  }
}

describe('the reminder cache and people', () => {
  it('says on each day what harmony remind says then, in each mode', async () => {
    const store = await storeWithPeople();
    for (const mode of ['count', 'names', 'off'] as const) {
      await saveSetting(store, 'reminderPeople', mode);
      await agree(store);
    }
    await saveSetting(store, 'reminderPeople', 'names');
    const days = parseReminderCache(readFileSync(reminderCacheFile(store.home), 'utf8'))!.days;
    const people = (d: string) => days.get(d)!.map((l) => l.text).find((t) => t.includes('people --due'));
    expect(people(TODAY)).toBe('harmony · it has been 9 days since you and Ana connected: harmony people --due');
    expect(people(addDays(TODAY, 5))).toMatch(/Ana connected \(and 1 more\)/); // Ben from the 15th
    expect(people('2026-03-18')).toMatch(/\(and 2 more\)/); // Cy's snooze is over
    expect(people(addDays(TODAY, -2))).toBe('harmony · it has been 7 days since you and Ana connected: harmony people --due'); // the 8th: her first day due
  });

  it('a connection saved ends the line from that day on; a corrupt people.json leaves only the streak line', async () => {
    const store = await storeWithPeople();
    await saveSetting(store, 'reminderPeople', 'count');
    await store.write(() => store.journal.add([met(TODAY, ['p-ana001', 'p-cy0001'], 9)]));
    await agree(store);
    const today = await reminderLinesNow({ HARMONY_HOME: store.home, HARMONY_NOW: NOW.toISOString() }, false, false);
    expect(today.some((l) => l.includes('people'))).toBe(false);
    writeFileSync(peopleFile(store.home), '{"schemaVersion": 1, "people": [');
    await store.write(() => store.journal.add([met(addDays(TODAY, -20), [], 10)]));
    await agree(store);
    expect(await reminderLinesNow({ HARMONY_HOME: store.home, HARMONY_NOW: NOW.toISOString() }, false, false)).toHaveLength(1);
  });
});
