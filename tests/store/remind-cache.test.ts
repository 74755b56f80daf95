// The reminder cache (remind-cache.txt): every save passes through Store.write, which rebuilds
// it from the same function harmony remind uses; writes the reminder never speaks of (quiz,
// lessons read) leave it alone; a rebuild that fails removes it (the snippet then asks
// harmony remind) and never fails the save. Its format (core/remind-cache.ts) round-trips.
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/dates.js';
import type { Entry } from '../../src/core/entry.js';
import { cacheAgrees, CACHE_DAYS_AFTER, CACHE_DAYS_BEFORE, formatReminderCache, parseReminderCache } from '../../src/core/remind-cache.js';
import { reminderLinesNow } from '../../src/remind-fast.js';
import { Store, writeDoc } from '../../src/store/index.js';
import { FILES } from '../../src/store/paths.js';
import { reminderCacheFile } from '../../src/store/remind-cache.js';
import { saveSetting } from '../../src/store/settings-write.js';
import { cleanupHomes, tempHome } from '../helpers/cli.js';

afterAll(cleanupHomes);

const TODAY = '2026-03-10';
const NOW = new Date(`${TODAY}T12:00:00Z`);
let serial = 0;
const entry = (date: string, kind: Entry['kind'] = 'checkin'): Entry => ({
  id: `${date.replaceAll('-', '')}-${(serial++).toString(36).padStart(4, '0')}`,
  kind,
  date,
  createdAt: `${date}T20:00:00+00:00`,
  ...(kind === 'note' ? { text: 'a note' } : { principle: 'trust' as const }),
  answers: [],
});

const newStore = () => new Store(tempHome(), () => NOW);

const cache = (store: Store) => readFileSync(reminderCacheFile(store.home), 'utf8');
const today = (store: Store) => reminderLinesNow({ HARMONY_HOME: store.home, HARMONY_NOW: NOW.toISOString() }, false, false);

describe('the reminder cache', () => {
  it('is written by a save: the lines of each day from 2 days before to 14 after, as harmony remind says them', async () => {
    const store = newStore();
    await store.write(async () => (await store.journal.add([1, 2, 3].map((n) => entry(addDays(TODAY, -n))))));
    const parsed = parseReminderCache(cache(store))!;
    expect(parsed).not.toBeNull();
    expect([...parsed.days.keys()]).toEqual(Array.from({ length: CACHE_DAYS_BEFORE + CACHE_DAYS_AFTER + 1 }, (_, i) => addDays(TODAY, i - CACHE_DAYS_BEFORE)));
    expect(parsed.days.get(TODAY)).toEqual([{ style: '1;33', text: (await today(store))[0] }]);
    expect((await today(store))[0]).toMatch(/3-day streak ends tonight/);
    expect(parsed.days.get(addDays(TODAY, -1))).toEqual([]); // practised: nothing to say
    expect(parsed.days.get(addDays(TODAY, 1))![0]!.text).toMatch(/no check-in yet today/); // the streak broke
    expect(statSync(reminderCacheFile(store.home)).mode & 0o777).toBe(0o600);
    expect(readdirSync(store.home).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    // Today's save: today goes quiet.
    await store.write(async () => (await store.journal.add([entry(TODAY)])));
    expect(parseReminderCache(cache(store))!.days.get(TODAY)).toEqual([]);
  });

  it('follows the settings: dayStartHour and colour in the header, nothing at all with the reminder off, notes when they count', async () => {
    const store = newStore();
    await store.write(async () => (await store.journal.add([entry(addDays(TODAY, -1)), entry(TODAY, 'note')])));
    expect(cache(store).split('\n')[0]).toBe('harmony-remind\t1\t0\tauto');
    expect(parseReminderCache(cache(store))!.days.get(TODAY)).toHaveLength(1);
    await saveSetting(store, 'dayStartHour', 4);
    await saveSetting(store, 'color', 'never');
    expect(cache(store).split('\n')[0]).toBe('harmony-remind\t1\t4\tnever');
    await saveSetting(store, 'notesCountForStreak', true);
    expect(parseReminderCache(cache(store))!.days.get(TODAY)).toEqual([]);
    await saveSetting(store, 'reminder', false);
    expect([...parseReminderCache(cache(store))!.days.values()].every((lines) => lines.length === 0)).toBe(true);
  });

  it('is left alone by writes the reminder never speaks of (quiz answers, lessons read)', async () => {
    const store = newStore();
    await store.write(async () => (await store.journal.add([entry(addDays(TODAY, -1))])));
    rmSync(reminderCacheFile(store.home));
    await store.updateState((s) => (s.lessonsRead.trust = TODAY));
    await store.write(() => writeDoc(store.path(FILES.quiz), { schemaVersion: 1, cards: {} }));
    expect(existsSync(reminderCacheFile(store.home))).toBe(false);
    // A write through anything else (conf writes config.json itself: no file recorded) rebuilds it.
    await store.write(() => undefined);
    expect(existsSync(reminderCacheFile(store.home))).toBe(true);
  });

  it('is rebuilt after a save that failed half-way, and removed (never the save failed) when it cannot be worked out', async () => {
    const store = newStore();
    await expect(
      store.write(async () => {
        (await store.journal.add([entry(addDays(TODAY, -1))]));
        throw new Error('stopped after the first month');
      }),
    ).rejects.toThrow('stopped');
    expect(parseReminderCache(cache(store))!.days.get(TODAY)![0]!.text).toMatch(/1-day streak ends tonight/);
    writeFileSync(store.path(FILES.settings), '{ not json');
    await expect(store.write(async () => (await store.journal.add([entry(addDays(TODAY, -2))])))).resolves.toHaveLength(1);
    expect(existsSync(reminderCacheFile(store.home))).toBe(false);
    expect((await store.journal.all())).toHaveLength(2);
  });

  it('has a format that round-trips, stops before a line it cannot hold, and ignores a torn last line', () => {
    const days = [
      { date: '2026-03-09', lines: [] },
      { date: '2026-03-10', lines: [{ text: 'first', urgent: true }, { text: 'second line', urgent: false }] },
      { date: '2026-03-11', lines: [{ text: 'tab\there', urgent: false }] },
      { date: '2026-03-12', lines: [{ text: 'never reached', urgent: false }] },
    ];
    const text = formatReminderCache({ dayStartHour: 4, color: 'auto', days });
    expect(text).toBe('harmony-remind\t1\t4\tauto\n2026-03-09\n2026-03-10\t1;33\tfirst\t2\tsecond line\n');
    const parsed = parseReminderCache(text)!;
    expect([...parsed.days.keys()]).toEqual(['2026-03-09', '2026-03-10']);
    expect(cacheAgrees(parsed, { dayStartHour: 4, color: 'auto' }, '2026-03-10', days[1]!.lines)).toBe(true);
    expect(cacheAgrees(parsed, { dayStartHour: 0, color: 'auto' }, '2026-03-10', days[1]!.lines)).toBe(false);
    expect(cacheAgrees(parsed, { dayStartHour: 4, color: 'never' }, '2026-03-10', days[1]!.lines)).toBe(false);
    expect(cacheAgrees(parsed, { dayStartHour: 4, color: 'auto' }, '2026-03-10', days[1]!.lines.slice(1))).toBe(false);
    expect(cacheAgrees(parsed, { dayStartHour: 4, color: 'auto' }, '2026-03-11', [])).toBe(false);
    expect(parseReminderCache(text.slice(0, -3))!.days.has('2026-03-10')).toBe(false);
    expect(parseReminderCache(text.replace('\t1\t', '\t2\t'))).toBeNull();
    expect(parseReminderCache('')).toBeNull();
  });
});
