// Builds the benchmark stores: empty, 1 year, 10 years (daily check-ins, weekly reflections;
// quiz history is added by bench/quiz-history.ts) and a 100,000-entry stress store. Bundled
// by bench/run.mjs with esbuild, so it writes through the real store code (writeDoc, Journal,
// the validators) and the on-disk format cannot drift from what harmony reads. Deterministic.
//   usage: node generate.mjs <out-folder> <content.json>   -> prints a JSON manifest
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { addDays, weekday, type LocalDate } from '../src/core/dates.js';
import { entryProblem, newEntryId, type Entry } from '../src/core/entry.js';
import { PRINCIPLE_IDS, type PrincipleId } from '../src/core/principles.js';
import { writeDoc } from '../src/store/files.js';
import { Journal, JOURNAL_VERSION } from '../src/store/journal.js';
import { FILES } from '../src/store/paths.js';
import { newPersonId, PEOPLE_VERSION, peopleProblem, type PeopleDoc, type Person } from '../src/core/people.js';
import { writePeople } from '../src/store/people.js';
import { stateSpec, STATE_VERSION, type State } from '../src/store/state.js';

/** The last day of history; the bench's "today" is the day after. */
const LAST_DAY: LocalDate = '2025-06-10';
/** A word about 3% of entries contain, for `journal --search`. */
const SEARCH_TERM = 'boundaries';

const WORDS = (
  'I we they message reply call video chat late night morning phone screen notification ' +
  'listened felt noticed asked waited shared missed promised kept honest patient calm tired ' +
  'happy worried grateful distracted present focused kind clear slow quick voice text emoji ' +
  'friend partner sister brother team group server thread weekend plan walk dinner game ' +
  'trust space time attention care support check-in pause breathe write read think ' +
  'because although when after before while really maybe still again today tomorrow'
).split(' ');

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Lesson {
  id: PrincipleId;
  prompts: string[];
}

interface Practice {
  id: string;
  principle: PrincipleId;
  text: string;
}

let PRACTICES: Practice[] = [];
const STATUSES = ['kept', 'kept', 'partly', 'missed', 'dropped'] as const;

function makeWriter(random: () => number, lessons: Lesson[]) {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const sentence = (min: number, max: number) => {
    const n = min + Math.floor(random() * (max - min));
    const words = Array.from({ length: n }, () => pick(WORDS));
    const text = words.join(' ');
    return text.charAt(0).toUpperCase() + text.slice(1) + '.';
  };
  const prose = (sentences: number) => Array.from({ length: sentences }, () => sentence(6, 18)).join(' ');
  const time = (date: LocalDate) => {
    const minutes = 7 * 60 + Math.floor(random() * 15 * 60);
    const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
    const mm = String(minutes % 60).padStart(2, '0');
    const ss = String(Math.floor(random() * 60)).padStart(2, '0');
    return `${date}T${hh}:${mm}:${ss}+00:00`;
  };
  const ids = new Set<string>();
  const entry = (date: LocalDate, kind: Entry['kind']): Entry => {
    const principle = pick(PRINCIPLE_IDS);
    const prompts = lessons.find((l) => l.id === principle)?.prompts ?? ['What did you notice today?'];
    const answers = Array.from({ length: kind === 'checkin' ? 1 : 3 }, () => ({
      prompt: pick(prompts),
      answer: prose(kind === 'checkin' ? 1 + Math.floor(random() * 3) : 3 + Math.floor(random() * 4)),
    }));
    if (random() < 0.03) answers[0]!.answer += ` We talked about ${SEARCH_TERM} for a while.`;
    const id = newEntryId(date, (x) => ids.has(x), random);
    ids.add(id);
    const e: Entry = { id, kind, date, createdAt: time(date), principle, answers };
    if (kind === 'checkin') e.mood = 1 + Math.floor(random() * 5);
    if (kind === 'reflection' || random() < 0.5) e.intention = sentence(5, 12);
    // The coaching loop: a practice taken on most check-ins (some marked done), and the last
    // plan followed up by the next check-in (issue 12).
    const pool = PRACTICES.filter((p) => p.principle === principle);
    if (kind === 'checkin' && pool.length > 0 && random() < 0.6) {
      const p = pick(pool);
      e.practice = { id: p.id, text: p.text, ...(random() < 0.5 ? { done: time(date) } : {}) };
    }
    if (kind === 'checkin' && lastPlan && random() < 0.85) {
      e.followUp = { entryId: lastPlan.id, ...(lastPlan.intention ? { intention: pick(STATUSES) } : {}), ...(lastPlan.practice ? { practice: pick(STATUSES) } : {}) };
      lastPlan = undefined;
    }
    if (e.intention || e.practice) lastPlan = e;
    return e;
  };
  let lastPlan: Entry | undefined;
  return { entry, pick };
}

/** Daily check-ins (a few days missed) and a reflection every Sunday, over `days` days. */
function history(days: number, perDay: number, lessons: Lesson[], seed: number): Entry[] {
  const random = mulberry32(seed);
  const { entry } = makeWriter(random, lessons);
  const entries: Entry[] = [];
  for (let i = days - 1; i >= 0; i--) {
    const date = addDays(LAST_DAY, -i);
    if (perDay === 1 && random() < 0.07 && i > 0) continue; // an occasional missed day
    for (let k = 0; k < perDay; k++) entries.push(entry(date, 'checkin'));
    if (weekday(date) === 0) entries.push(entry(date, 'reflection'));
  }
  return entries.sort((a, b) => (a.date === b.date ? a.createdAt.localeCompare(b.createdAt) : a.date.localeCompare(b.date)));
}

/**
 * 200 people for the 10-year store (issue 14): added over the first year, rhythms from 1w to
 * 3m, a few paused or without one; check-ins name 0-2 of the closest 30, a weekly note logs
 * a call with one of the next 150, and the last 20 were never logged at all.
 */
const PEOPLE = 200;
function addPeople(home: string, entries: Entry[], seed: number): number {
  const random = mulberry32(seed);
  const first = entries[0]!.date;
  const taken = new Set<string>();
  const rhythms = ['1w', '2w', '1m', '3m', '2w', '1m'];
  const people: Person[] = Array.from({ length: PEOPLE }, (_, i) => {
    const id = newPersonId((x) => taken.has(x), random);
    taken.add(id);
    const addedOn = addDays(first, Math.floor(random() * 365));
    const p: Person = { id, name: `Person ${i + 1} ${WORDS[i % WORDS.length]}`, aliases: i % 7 === 0 ? [`P${i + 1}`] : [], addedOn, createdAt: `${addedOn}T09:00:00+00:00`, updatedAt: `${addedOn}T09:00:00+00:00` };
    if (i % 25 !== 24) p.every = rhythms[i % rhythms.length];
    if (i % 40 === 39) p.paused = true;
    return p;
  });
  let linked = 0;
  for (const e of entries) {
    const n = Math.floor(random() * 3);
    if (e.kind !== 'checkin' || n === 0) continue;
    e.with = [...new Set(Array.from({ length: n }, () => people[Math.floor(random() * 30)]!.id))];
    if (random() < 0.5) e.how = (['message', 'call', 'video', 'in-person'] as const)[Math.floor(random() * 4)];
    linked++;
  }
  const ids = new Set(entries.map((e) => e.id));
  const notes: Entry[] = [];
  for (const e of entries) {
    if (e.kind !== 'reflection') continue; // weekly
    const id = newEntryId(e.date, (x) => ids.has(x), random);
    ids.add(id);
    notes.push({ id, kind: 'note', date: e.date, createdAt: e.createdAt.replace(/T\d\d/, 'T06'), answers: [], with: [people[30 + Math.floor(random() * 150)]!.id], how: 'call' });
  }
  entries.push(...notes);
  entries.sort((a, b) => (a.date === b.date ? a.createdAt.localeCompare(b.createdAt) : a.date.localeCompare(b.date)));
  const doc: PeopleDoc = { schemaVersion: PEOPLE_VERSION, people };
  const problem = peopleProblem(doc as unknown as Record<string, unknown>);
  if (problem) throw new Error(`generator made a bad people.json: ${problem}`);
  mkdirSync(home, { recursive: true, mode: 0o700 });
  writePeople(home, doc);
  return linked + notes.length;
}

async function writeStore(home: string, entries: Entry[], lessons: Lesson[]): Promise<{ months: number }> {
  mkdirSync(home, { recursive: true, mode: 0o700 });
  if (entries.length === 0) return { months: 0 };
  const journal = new Journal(home);
  const byMonth = new Map<string, Entry[]>();
  for (const e of entries) {
    const problem = entryProblem(e);
    if (problem) throw new Error(`generator made a bad entry: ${problem}`);
    const month = e.date.slice(0, 7);
    byMonth.set(month, [...(byMonth.get(month) ?? []), e]);
  }
  const months = [...byMonth.keys()].sort();
  // Older months straight to disk; the last through Journal.add(), which also builds the day index (every year).
  for (const month of months.slice(0, -1)) {
    writeDoc(journal.monthPath(month), { schemaVersion: JOURNAL_VERSION, entries: byMonth.get(month) });
  }
  (await journal.add(byMonth.get(months.at(-1)!)!));
  const state: State = { schemaVersion: STATE_VERSION, lessonsRead: {}, promptsUsed: {} };
  for (const l of lessons) state.lessonsRead[l.id] = entries[0]!.date;
  for (const e of entries.slice(-60)) for (const a of e.answers) state.promptsUsed[a.prompt] = e.date;
  const problem = stateSpec.validate(state as unknown as Record<string, unknown>);
  if (problem) throw new Error(`generator made a bad state.json: ${problem}`);
  writeDoc(join(home, FILES.state), state);
  // Read everything back with the real reader: proves the files are what harmony expects.
  const read = (await journal.all()).length;
  if (read !== entries.length) throw new Error(`wrote ${entries.length} entries, read back ${read}`);
  return { months: months.length };
}

const [out, contentFile] = process.argv.slice(2);
if (!out || !contentFile) throw new Error('usage: generate.mjs <out-folder> <content.json>');
const compiled = JSON.parse(readFileSync(contentFile, 'utf8')) as { lessons: Lesson[]; practices?: Practice[] };
const lessons = compiled.lessons;
PRACTICES = compiled.practices ?? [];
const plans = [
  { name: 'empty', days: 0, perDay: 1 },
  { name: '1y', days: 365, perDay: 1 },
  { name: '10y', days: 3652, perDay: 1 },
  // 100,000 entries over the same ten years: ~27 check-ins a day plus the weekly reflection.
  { name: '100k', days: 3652, perDay: 28 },
];
const stores: Record<string, { home: string; entries: number; months: number; firstDay?: LocalDate; ms: number; people?: number; connections?: number }> = {};
for (const [i, plan] of plans.entries()) {
  const started = performance.now();
  const home = join(out, plan.name);
  const entries = plan.days === 0 ? [] : history(plan.days, plan.perDay, lessons, 1000 + i);
  if (plan.name === '100k') entries.splice(0, entries.length - 100_000); // exactly 100,000: drop the oldest
  const connections = plan.name === '10y' ? addPeople(home, entries, 77) : undefined;
  const { months } = await writeStore(home, entries, lessons);
  stores[plan.name] = { home, entries: entries.length, months, firstDay: entries[0]?.date, ms: Math.round(performance.now() - started), ...(connections ? { people: PEOPLE, connections } : {}) };
}
process.stdout.write(JSON.stringify({ lastDay: LAST_DAY, searchTerm: SEARCH_TERM, stores }) + '\n');
