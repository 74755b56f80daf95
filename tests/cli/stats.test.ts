import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import type { Content } from '../../src/content/types.js';
import { addDays } from '../../src/core/dates.js';
import type { Entry } from '../../src/core/entry.js';
import { Store } from '../../src/store/index.js';
import { ROOT, cleanupHomes, run, tempHome } from '../helpers/cli.js';

afterAll(cleanupHomes);

const TODAY = '2026-03-11';
const NOW = { HARMONY_NOW: `${TODAY}T18:00:00Z` };

let serial = 0;
const entry = (date: string, over: Partial<Entry> = {}): Entry => ({
  id: `${date.replaceAll('-', '')}-${(serial++).toString(36).padStart(4, '0')}`,
  kind: 'checkin',
  date,
  createdAt: `${date}T20:00:00+00:00`,
  principle: 'trust',
  mood: 4,
  answers: [{ prompt: 'p', answer: 'a' }],
  ...over,
});

const widest = (text: string) => Math.max(...text.split('\n').map((l) => [...stripVTControlCharacters(l)].length));

/** Answers quiz questions correctly through the CLI, using the compiled content's answers. */
function answerQuiz(home: string, principle: string, count: number): void {
  const args = ['quiz', '--principle', principle, '--count', String(count), '--seed', '5'];
  const plan = JSON.parse(run([...args, '--dry-run', '--json'], { home, env: NOW }).stdout) as {
    questions: { id: string; kind: string; choices: { letter: string; text: string }[] }[];
  };
  const content = JSON.parse(readFileSync(join(ROOT, 'dist', 'content.json'), 'utf8')) as Content;
  const answers = plan.questions.map((q) => {
    const correct = content.questions.find((c) => c.id === q.id)!.choices.filter((c) => c.correct).map((c) => c.text);
    if (q.kind === 'truefalse') return correct[0] === 'True' ? 't' : 'f';
    return q.choices.filter((c) => correct.includes(c.text)).map((c) => c.letter).join('');
  });
  const r = run([...args, '--answers', answers.join(',')], { home, env: NOW });
  expect(r.code, r.stderr).toBe(0);
}

describe('harmony stats', () => {
  it('works on a fresh install, writes nothing, and fits 80 columns', () => {
    const home = tempHome();
    const r = run(['stats'], { home, env: NOW });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Last 12 months');
    expect(widest(r.stdout)).toBeLessThanOrEqual(80);
    const json = JSON.parse(run(['stats', '--json'], { home, env: NOW }).stdout);
    expect(json.totals).toEqual({ days: 0, checkins: 0, reflections: 0 });
    expect(json.quiz).toEqual({ answered: 0, due: 0 });
    expect(readdirSync(home)).toEqual([]);
  });

  it('shows the figures from the journal, lessons and quiz, in text and as JSON', async () => {
    const home = tempHome();
    const store = new Store(home);
    const entries: Entry[] = [];
    // 10 days in a row up to yesterday; today one check-in and one reflection.
    for (let i = 1; i <= 10; i++) entries.push(entry(addDays(TODAY, -i), { mood: i % 2 ? 2 : 5, principle: i % 2 ? 'attention' : 'trust' }));
    entries.push(entry(TODAY, { mood: 3, principle: 'wellbeing' }), entry(TODAY, { kind: 'reflection', mood: undefined, principle: 'intimacy' }));
    entries.push(entry('2025-01-15', { principle: 'communication' })); // outside the calendar year
    await store.write(async () => (await store.journal.add(entries)));
    await store.updateState((s) => {
      s.lessonsRead.trust = '2026-03-01';
      s.lessonsRead.attention = '2026-03-02';
    });
    answerQuiz(home, 'trust', 3);

    const json = JSON.parse(run(['stats', '--json'], { home, env: NOW }).stdout);
    expect(json.today).toBe(TODAY);
    expect(json.streak).toMatchObject({ current: 11, longest: 11, practicedToday: true });
    expect(json.totals).toEqual({ days: 12, checkins: 12, reflections: 1 });
    expect(json.calendar.entries[TODAY]).toBe(2);
    expect(json.calendar.entries).not.toHaveProperty('2025-01-15');
    expect(json.mood.daily).toHaveLength(30);
    expect(json.mood.daily.at(-1)).toBe(3);
    expect(json.mood.average).toBeCloseTo((5 * 2 + 5 * 5 + 3) / 11, 2);
    const byId = Object.fromEntries(json.principles.map((p: { id: string }) => [p.id, p]));
    expect(byId.attention.practised).toBe(5);
    expect(byId.trust.practised).toBe(5);
    expect(byId.communication.practised).toBe(1);
    expect(byId.intimacy.practised).toBe(1);
    expect(byId.trust.mastery).toBeGreaterThan(0);
    expect(byId.attention.mastery).toBe(0);
    expect(json.lessons).toEqual({ read: 2, total: 5, unread: ['communication', 'wellbeing', 'intimacy'] });
    expect(json.quiz).toEqual({ answered: 3, due: 0 });

    const text = run(['stats'], { home, env: NOW }).stdout;
    expect(text).toMatch(/Streak\s+11 days · longest 11/);
    expect(text).toMatch(/Practice\s+12 days · 12 check-ins · 1 reflection\b/);
    expect(text).toMatch(/Lessons\s+2 of 5 read · next: harmony learn communication/);
    expect(text).toMatch(/Quiz\s+3 questions answered · none due/);
    expect(text).toMatch(/average 3\.5 \(good\), 11 of 30 days/);
    expect(text).toMatch(/^Wed .*▒$/m); // today (a Wednesday): two entries, last column
    expect(text).toMatch(/^ {2}trust\s+█+/m);
    expect(widest(text)).toBeLessThanOrEqual(80);
    const coloured = run(['stats'], { home, env: { ...NOW, FORCE_COLOR: '1' } }).stdout;
    expect(coloured).toMatch(/\u001b\[/);
    expect(stripVTControlCharacters(coloured)).toBe(text);
    expect(widest(coloured)).toBeLessThanOrEqual(80);
  });

  it('stays within 80 columns with a decade of big numbers', async () => {
    const home = tempHome();
    const store = new Store(home);
    const entries: Entry[] = [];
    for (let i = 0; i < 3700; i++) entries.push(entry(addDays(TODAY, -i - 1), { principle: 'communication' }));
    await store.write(async () => (await store.journal.add(entries)));
    const r = run(['stats'], { home, env: NOW });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/3700 days · longest 3700/);
    expect(widest(r.stdout)).toBeLessThanOrEqual(80);
  });

  it('reports corrupt data with exit 3, like every reading command', () => {
    const home = tempHome();
    mkdirSync(join(home, 'journal'));
    writeFileSync(join(home, 'journal', '2026-03.json'), '{"schemaVersion": 1, "entries": [');
    const r = run(['stats'], { home, env: NOW });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('2026-03.json');
  });
});
