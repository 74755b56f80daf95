// The shell snippets and `harmony remind` agree, line for line, over a simulated 400-day
// history: practice with gaps (freezes earned, spent, streaks broken), back-filled days,
// notes (counting for a while), the reminder off for a week, dayStartHour 0 then 4 then 0,
// people due (five with rhythms from 3 days to a month, met now and then, one snoozed, one
// paused, and reminderPeople count, then names, then off, then count again),
// clock changes in Berlin and New York (both directions), and travel (New York, Tokyo,
// Kiritimati at +14, then Honolulu across the date line). The history is saved through the
// real store (each save rewrites the cache); at each sampled instant the cache the shell
// would see is kept, and what `harmony remind` prints then is worked out in-process with the
// same code the binary runs (a few instants also through the binary). Then each installed
// shell runs its snippet once over every instant in one process, its clock set per instant
// (bash: EPOCHSECONDS unset of its magic; zsh: a hidden local EPOCHSECONDS; fish: a `date`
// on PATH that reads the instant), and its output is compared with harmony remind's. Where
// the cache does not reach the day, the snippet must ask harmony remind (a stand-in on PATH
// prints FALLBACK), which then rebuilds the cache as the real one does.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { accessSync, chmodSync, constants, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEntry } from '../../src/core/checkin.js';
import { addDays, practiceDay, wallClock, type LocalDate } from '../../src/core/dates.js';
import type { Entry } from '../../src/core/entry.js';
import { buildNote } from '../../src/core/note.js';
import { parseReminderCache } from '../../src/core/remind-cache.js';
import { remindSnippet } from '../../src/core/remind-snippets.js';
import { reminderLinesNow } from '../../src/remind-fast.js';
import { Store } from '../../src/store/index.js';
import { Journal } from '../../src/store/journal.js';
import { reminderCacheFile, writeReminderCache } from '../../src/store/remind-cache.js';
import { saveSetting } from '../../src/store/settings-write.js';
import { BIN, cleanupHomes, tempHome } from '../helpers/cli.js';
import { snippetShells, type ShellName } from '../helpers/shells.js';

const SHELLS = snippetShells('remind-agreement');
const START: LocalDate = '2025-01-01';
const DAYS = 400;
/** People (issue 14), added on day 0: the reminder's people line comes from who is due. */
const PEOPLE: { id: string; name: string; every: string; paused?: boolean }[] = [
  { id: 'p-ana001', name: 'Ana', every: '3d' },
  { id: 'p-ben001', name: 'Ben', every: '1w' },
  { id: 'p-cy0001', name: 'Cy', every: '2w' },
  { id: 'p-di0001', name: 'Di', every: '1m' },
  { id: 'p-ed0001', name: 'Ed', every: '1w', paused: true },
];
/** Cy snoozed on day 100 for ten days (ended sooner by any connection). */
const SNOOZE = { day: 100, person: 'p-cy0001', days: 10 };

/** Where the user is: [first day, zone]. Clock changes: New York 2025-03-09 (day 67) and 11-02 (305), Berlin 03-30 (88) and 10-26 (298). */
const ZONES: [number, string][] = [
  [0, 'Europe/Berlin'],
  [60, 'America/New_York'],
  [81, 'Europe/Berlin'],
  [140, 'Asia/Tokyo'],
  [150, 'Pacific/Kiritimati'],
  [157, 'Pacific/Honolulu'],
  [163, 'Europe/Berlin'],
  [301, 'America/New_York'],
];
/** Setting changes, on the morning of a day. */
const SETTINGS: [number, 'dayStartHour' | 'notesCountForStreak' | 'reminder' | 'reminderPeople', number | boolean | string][] = [
  [120, 'dayStartHour', 4],
  [180, 'reminderPeople', 'names'],
  [230, 'reminderPeople', 'off'],
  [250, 'reminderPeople', 'count'],
  [200, 'notesCountForStreak', true],
  [260, 'notesCountForStreak', false],
  [330, 'reminder', false],
  [337, 'reminder', true],
  [340, 'dayStartHour', 0],
];

function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The instant a wall-clock time has in a zone (a time the clock skips lands an hour off: any instant will do). */
function instant(zone: string, date: LocalDate, h: number, m: number, s: number): number {
  const wall = Date.parse(`${date}T00:00:00Z`) + ((h * 60 + m) * 60 + s) * 1000;
  let t = wall;
  for (let i = 0; i < 2; i++) t = wall - wallClock(new Date(t), zone).offsetMinutes * 60_000;
  return t;
}

type Event =
  | { t: number; zone: string; kind: 'save'; what: 'checkin' | 'reflection' | 'note'; back: number; with: string[] }
  | { t: number; zone: string; kind: 'setting'; key: (typeof SETTINGS)[number][1]; value: number | boolean | string }
  | { t: number; zone: string; kind: 'people'; snooze?: boolean }
  | { t: number; zone: string; kind: 'sample' };

/** Zone periods switch at noon UTC of their first day, so every instant has one zone. */
function timeline(): Event[] {
  const next = random(19);
  const events: Event[] = [];
  const switchAt = (day: number) => Date.parse(`${addDays(START, day)}T12:00:00Z`);
  let practising = true;
  for (const [p, [first, zone]] of ZONES.entries()) {
    const last = (ZONES[p + 1]?.[0] ?? DAYS) - 1;
    const inPeriod = (t: number) => t >= (p === 0 ? -Infinity : switchAt(first)) && t < (p === ZONES.length - 1 ? Infinity : switchAt(last + 1));
    const add = (e: Event) => inPeriod(e.t) && events.push(e);
    for (let day = Math.max(0, first - 1); day <= Math.min(DAYS - 1, last + 1); day++) {
      const date = addDays(START, day);
      const at = (h: number, m: number, s = 0) => instant(zone, date, h, m, s);
      // Shell starts: either side of midnight and of 04:00 (dayStartHour 4), in the hour a clock change repeats or skips, and once by day.
      for (const [h, m, s] of [[0, 0, 30], [2, 30, 0], [3, 59, 30], [4, 0, 30], [9 + Math.floor(next() * 12), Math.floor(next() * 60), 0], [23, 59, 30]]) {
        add({ t: at(h!, m!, s!), zone, kind: 'sample' });
      }
      for (const [d, key, value] of SETTINGS) if (d === day) add({ t: at(8, 0), zone, kind: 'setting', key, value });
      if (day === 0) add({ t: at(7, 0), zone, kind: 'people' });
      if (day === SNOOZE.day) add({ t: at(7, 30), zone, kind: 'people', snooze: true });
      // Who the day's save was with: now and then one or two people (never the paused one).
      const met = next() < 0.3 ? PEOPLE.filter((p) => !p.paused && next() < 0.35).map((p) => p.id) : [];
      // Practice: runs of days with lapses of 1-6 days, saved in the evening, some after midnight (the day before, with dayStartHour 4).
      if (practising ? next() < 0.12 : next() < 0.35) practising = !practising;
      if (practising) {
        const late = next() < 0.2;
        const what = next() < 0.15 ? 'reflection' : 'checkin';
        add({ t: late ? at(0, 10 + Math.floor(next() * 200)) : at(18 + Math.floor(next() * 5), Math.floor(next() * 60)), zone, kind: 'save', what, back: 0, with: met });
      } else if (next() < 0.25) {
        add({ t: at(13, Math.floor(next() * 60)), zone, kind: 'save', what: 'note', back: 0, with: met });
      }
      // Back-filling a missed day (checkin --date), now and then.
      if (next() < 0.08) add({ t: at(12, 30), zone, kind: 'save', what: 'checkin', back: 1 + Math.floor(next() * 3), with: next() < 0.5 ? [PEOPLE[0]!.id] : [] });
    }
  }
  return events.sort((a, b) => a.t - b.t);
}

interface Sample {
  k: number;
  t: number;
  zone: string;
  dir: string;
  expected: string[];
  fallback: boolean;
  day: LocalDate;
  wallDate: LocalDate;
}

function memoryFolder(): string | undefined {
  try {
    accessSync('/dev/shm', constants.W_OK);
    return '/dev/shm';
  } catch {
    return undefined;
  }
}

let work: string;
let samples: Sample[];
const binaryChecks: { sample: number; stdout: string; expected: string }[] = [];
const originalTZ = process.env.TZ;

async function simulate(): Promise<void> {
  // On a memory file system where there is one: the history is ~400 saves, each with fsyncs.
  work = tempHome('harmony-agree-', memoryFolder());
  const home = join(work, 'home');
  mkdirSync(home);
  let now = 0;
  const store = new Store(home, () => new Date(now));
  const env = { HARMONY_HOME: home } as NodeJS.ProcessEnv;
  samples = [];
  const snapshots = new Map<string, string>();
  let serial = 0;
  for (const e of timeline()) {
    now = e.t;
    process.env.TZ = e.zone;
    const iso = new Date(e.t).toISOString();
    if (e.kind === 'setting') {
      await saveSetting(store, e.key, e.value as never);
    } else if (e.kind === 'people') {
      const day = practiceDay(new Date(e.t), store.settings().dayStartHour);
      await store.write(async () => {
        const doc = await store.people();
        if (!e.snooze) {
          for (const p of PEOPLE) doc.people.push({ id: p.id, name: p.name, aliases: [], every: p.every, ...(p.paused ? { paused: true } : {}), addedOn: day, createdAt: iso, updatedAt: iso });
        } else {
          const p = doc.people.find((x) => x.id === SNOOZE.person)!;
          p.snooze = { from: day, until: addDays(day, SNOOZE.days) };
          p.updatedAt = iso;
        }
        await store.writePeople(doc);
      });
    } else if (e.kind === 'save') {
      const today = practiceDay(new Date(e.t), store.settings().dayStartHour);
      const date = addDays(today, -e.back);
      const taken = () => false;
      const entry: Entry =
        e.what === 'note'
          ? buildNote({ date, text: `note ${serial++}`, tags: [] }, new Date(e.t), taken)
          : buildEntry({ kind: e.what, date, principle: 'trust', mood: 3, answers: [{ prompt: 'p', answer: `a ${serial++}` }] }, new Date(e.t), taken);
      if (e.with.length > 0) entry.with = e.with;
      await store.write(async () => (await store.journal.add([entry])));
    } else {
      // What the shell would see: the cache as it is now.
      const file = reminderCacheFile(home);
      const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
      const hash = createHash('sha1').update(text).digest('hex').slice(0, 12);
      let dir = snapshots.get(hash);
      if (!dir) {
        dir = join(work, `c-${hash}`);
        mkdirSync(dir);
        if (text) writeFileSync(join(dir, 'remind-cache.txt'), text);
        snapshots.set(hash, dir);
      }
      const cache = parseReminderCache(text);
      const settings = store.settings();
      const day = practiceDay(new Date(e.t), cache?.dayStartHour ?? settings.dayStartHour);
      const fallback = !cache?.days.has(day);
      let stale = false;
      const expected = await reminderLinesNow({ ...env, HARMONY_NOW: iso }, false, false, () => (stale = true));
      // The snippet asks harmony remind here, which rebuilds the cache (it finds the lock free).
      if (fallback && stale) await writeReminderCache(home, new Journal(home), new Date(e.t));
      const k = samples.length;
      samples.push({ k, t: e.t, zone: e.zone, dir, expected, fallback, day, wallDate: wallClock(new Date(e.t)).date });
      if (k % 331 === 17) {
        const r = spawnSync(process.execPath, [BIN, 'remind'], { env: { ...process.env, ...env, HARMONY_NOW: iso, TZ: e.zone, NO_COLOR: undefined, FORCE_COLOR: undefined }, encoding: 'utf8' });
        binaryChecks.push({ sample: k, stdout: r.stdout, expected: expected.map((l) => l + '\n').join('') });
      }
    }
  }
  process.env.TZ = originalTZ;
}

/** The commands each shell runs, over every line of samples.tsv (k, epoch seconds, zone, folder). */
function driver(shell: ShellName, snippet: string, list: string): string[] {
  switch (shell) {
    case 'bash':
      return ['bash', '--norc', '--noprofile', '-c', `unset EPOCHSECONDS; source '${snippet}'
while IFS=$'\\t' read -r -u 3 k e z h; do
  EPOCHSECONDS=$e; export TZ=$z HARMONY_HOME=$h; echo "@@$k"; _harmony_remind || :
done 3< '${list}'`];
    case 'zsh':
      return ['zsh', '-f', '-c', `zmodload zsh/datetime; source '${snippet}'
at() { local -h EPOCHSECONDS=$1; _harmony_remind || : }
while IFS=$'\\t' read -r -u 3 k e z h; do
  export TZ=$z HARMONY_HOME=$h; echo "@@$k"; at $e
done 3< '${list}'`];
    case 'fish':
      return ['fish', '--no-config', '-c', `source '${snippet}'
while read -l -d \\t k e z h
  set -x HARMONY_TEST_EPOCH $e; set -x TZ $z; set -x HARMONY_HOME $h; echo "@@$k"; _harmony_remind
end < '${list}'`];
  }
}

function runShell(shell: ShellName, subset: Sample[]): Map<number, string[]> {
  const snippet = join(work, `snippet.${shell}`);
  writeFileSync(snippet, remindSnippet(shell));
  const list = join(work, `samples-${shell}.tsv`);
  writeFileSync(list, subset.map((s) => [s.k, Math.floor(s.t / 1000), s.zone, s.dir].join('\t') + '\n').join(''));
  const bin = join(work, 'bin');
  mkdirSync(bin, { recursive: true });
  writeFileSync(join(bin, 'harmony'), '#!/bin/sh\necho FALLBACK\n');
  // fish reads the clock with `date`: this one tells the instant under test (in the zone asked for).
  const date = spawnSync('sh', ['-c', 'command -v date'], { encoding: 'utf8' }).stdout.trim();
  writeFileSync(join(bin, 'date'), `#!/bin/sh\nexec ${date} -d "@$HARMONY_TEST_EPOCH" "$@"\n`);
  chmodSync(join(bin, 'harmony'), 0o755);
  chmodSync(join(bin, 'date'), 0o755);
  const [cmd, ...args] = driver(shell, snippet, list);
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${bin}:${process.env.PATH}`, TERM: 'xterm' };
  delete env.NO_COLOR;
  delete env.FORCE_COLOR;
  const r = spawnSync(cmd!, args, { env, encoding: 'utf8', timeout: 240_000, maxBuffer: 64 * 1024 * 1024 });
  expect(r.stderr, `${shell} wrote on stderr`).toBe('');
  expect(r.status).toBe(0);
  const out = new Map<number, string[]>();
  let current: string[] | undefined;
  for (const line of r.stdout.split('\n')) {
    const marker = /^@@(\d+)$/.exec(line);
    if (marker) out.set(Number(marker[1]), (current = []));
    else if (current && line !== '') current.push(line);
  }
  return out;
}

beforeAll(simulate, 240_000);
afterAll(() => {
  process.env.TZ = originalTZ;
  cleanupHomes();
});

describe('the shell snippets and harmony remind agree over 400 days', () => {
  it('covers what it claims to (not a test that cannot fail)', () => {
    const texts = samples.flatMap((s) => s.expected);
    expect(samples.length).toBeGreaterThan(2000);
    expect(texts.some((t) => t.includes('ends tonight'))).toBe(true);
    expect(texts.some((t) => t.includes('a freeze covers'))).toBe(true);
    expect(texts.some((t) => t.includes('2 freezes cover'))).toBe(true);
    expect(texts.some((t) => t.includes('no check-in yet today'))).toBe(true);
    expect(samples.filter((s) => s.expected.length === 0).length).toBeGreaterThan(100); // done days with no one due, reminder off
    // People due: counted, then named (the snippet prints the name harmony remind would), never the paused one.
    expect(texts.some((t) => /reach out to \d+ (people|person)/.test(t) || t.includes('reach out to someone'))).toBe(true);
    expect(texts.some((t) => /since you (and|added) (Ana|Ben|Cy|Di)\b/.test(t))).toBe(true);
    expect(texts.some((t) => /\bEd\b/.test(t))).toBe(false);
    // Two lines (streak, then people) on some days.
    expect(samples.some((s) => s.expected.length === 2)).toBe(true);
    // Shell starts before 04:00 that belong to the day before (dayStartHour 4).
    expect(samples.filter((s) => s.day !== s.wallDate).length).toBeGreaterThan(100);
    // Almost always answered from the file; the rest asked harmony remind, which rebuilt it.
    const fallbacks = samples.filter((s) => s.fallback).length;
    expect(fallbacks).toBeGreaterThan(0); // before the first save, and after long lapses
    expect(fallbacks / samples.length).toBeLessThan(0.05);
  });

  it('the binary prints what the in-process harmony remind does', () => {
    expect(binaryChecks.length).toBeGreaterThanOrEqual(6);
    for (const c of binaryChecks) expect(c.stdout, `sample ${c.sample}`).toBe(c.expected);
  });

  for (const shell of ['bash', 'zsh', 'fish'] as const) {
    it.skipIf(!SHELLS.includes(shell))(`${shell}: the same lines on every sampled instant`, () => {
      // fish starts a `date` for each instant (two processes here): every other instant, and every one near 04:00.
      const subset = shell === 'fish' ? samples.filter((s) => s.k % 2 === 0 || s.day !== s.wallDate) : samples;
      const got = runShell(shell, subset);
      const wrong: string[] = [];
      for (const s of subset) {
        const want = s.fallback ? ['FALLBACK'] : s.expected;
        const have = got.get(s.k);
        if (JSON.stringify(have) !== JSON.stringify(want)) {
          wrong.push(`#${s.k} ${new Date(s.t).toISOString()} ${s.zone} (day ${s.day}): ${shell} ${JSON.stringify(have)}, harmony remind ${JSON.stringify(want)}`);
        }
      }
      expect(wrong.slice(0, 10), `${wrong.length} of ${subset.length} differ`).toEqual([]);
    }, 240_000);
  }
});
