// A new user's first day, in a real terminal, from an empty HARMONY_HOME: plain `harmony`
// welcomes them into the check-in, they type it through, read a lesson, take a quiz, export
// the journal, and look at the day. Each screen and the saved data are checked on the way.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadContentFrom } from '../../src/content/parse.js';
import { PRINCIPLES } from '../../src/core/principles.js';
import { cleanupHomes, ROOT, tempHome } from '../helpers/cli.js';
import { KEYS, spawnPty, type Session } from '../helpers/pty.js';
import { listCommands } from './support.js';
import { FILES } from '../../src/store/paths.js';

afterAll(cleanupHomes);
const NOW = { HARMONY_NOW: '2025-03-10T18:00:00Z', PAGER: 'cat' };
const TODAY = '2025-03-10';
const content = loadContentFrom(join(ROOT, 'content'));
const available = new Set((await listCommands(tempHome())).map((c) => c[0]));
const needed = ['checkin', 'learn', 'quiz', 'export', 'journal'].filter((c) => !available.has(c));
if (needed.length) console.log(`first day: not yet covered, commands missing: ${needed.join(', ')}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Text as the terminal may show it: wrapped at the edge, so any character may follow a break. */
// A space may itself become the line break, so whitespace in `text` matches any whitespace.
const loose = (text: string) =>
  new RegExp(Array.from(text, (c) => (/\s/.test(c) ? '' : c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('\\s*'));

/** Runs one command in a fresh pseudo-terminal; `drive` types; returns exit code and screen. */
async function session(home: string, args: string[], drive: (s: Session) => Promise<void>): Promise<{ code: number; screen: string }> {
  const s = spawnPty(args, home, NOW);
  try {
    await drive(s);
    const code = await s.exit(20_000);
    return { code, screen: s.screen() };
  } finally {
    s.kill();
  }
}

const json = (file: string) => JSON.parse(readFileSync(file, 'utf8'));

describe.skipIf(needed.length > 0)('a new user\'s first day in a real terminal', () => {
  it('harmony -> check-in by typing -> learn -> quiz -> export -> today\'s summary', async () => {
    const home = tempHome('harmony-firstday-');
    expect(readdirSync(home)).toEqual([]);

    // 1. Plain `harmony`: a welcome, then the check-in, answered by typing.
    let principle = '';
    const checkin = await session(home, [], async (s) => {
      await s.waitFor('Welcome to harmony.');
      await s.waitFor('How are you today?');
      s.type(KEYS.down); // 3 okay -> 4 good
      await s.waitFor('4 good');
      s.type(KEYS.enter);
      await s.waitFor('(suggested)');
      principle = PRINCIPLES[Number(/(\d)\. [^\n]*\(suggested\)/.exec(s.screen())![1]) - 1]!.id;
      s.type(KEYS.enter);
      const prompts = content.lessons.find((l) => l.id === principle)!.prompts;
      await s.waitFor(loose(prompts[0]!));
      await s.answer('I put my phone away while Mia talked — 🙂');
      await s.waitFor(loose(`${prompts[1]!} (Enter to skip)`));
      await s.answer('');
      await s.waitFor('Who did you really connect with today?');
      await s.answer('');
      await s.waitFor("Today's practice");
      s.type(KEYS.enter);
      await s.waitFor('An intention for tomorrow?');
      await s.answer('Ask Jo how the interview went');
      await s.waitFor(`Check-in saved for today (${TODAY})`);
      await s.waitFor('Streak: 1 day');
    });
    expect(checkin.code, checkin.screen.slice(-800)).toBe(0);
    const month = json(join(home, 'journal', '2025-03.json'));
    expect(month.entries).toHaveLength(1);
    expect(month.entries[0]).toMatchObject({
      kind: 'checkin', date: TODAY, principle, mood: 4, intention: 'Ask Jo how the interview went',
      answers: [{ prompt: content.lessons.find((l) => l.id === principle)!.prompts[0], answer: 'I put my phone away while Mia talked — 🙂' }],
    });
    expect(readFileSync(join(home, 'journal', '2025-03.json')).length).toBeGreaterThan(0);

    // 2. `harmony learn`: the next unread lesson through $PAGER (cat), marked read.
    const first = content.lessons.find((l) => l.number === 1)!;
    const learn = await session(home, ['learn'], async (s) => {
      await s.waitFor(first.title);
      await s.waitFor(`1/5 · ${first.readingMinutes} min`);
    });
    expect(learn.code, learn.screen.slice(-800)).toBe(0);
    expect(Object.keys(json(join(home, 'state.json')).lessonsRead)).toEqual([first.id]);

    // 3. `harmony quiz --count 3`: every question answered with the keys a user would press.
    // (--seed fixes the order; its --dry-run tells which questions are pick-all.)
    const plan = await session(home, ['quiz', '--dry-run', '--json', '--seed', '7', '--count', '3'], async () => undefined);
    const kinds = (JSON.parse(plan.screen.slice(plan.screen.indexOf('{'))) as { questions: { kind: string }[] }).questions.map((q) => q.kind);
    const quiz = await session(home, ['quiz', '--count', '3', '--seed', '7'], async (s) => {
      for (let n = 1; n <= 3; n++) {
        await s.waitFor(`Question ${n} of 3`);
        await s.waitFor(kinds[n - 1] === 'multi' ? 'Pick all that apply' : 'Your answer:');
        if (kinds[n - 1] === 'multi') {
          s.type(KEYS.space);
          await sleep(40);
        }
        s.type(KEYS.enter);
        await s.waitFor(/Right\.|Not quite\./);
      }
      await s.waitFor(/Score: \d of 3 right\./);
    });
    expect(quiz.code, quiz.screen.slice(-800)).toBe(0);
    expect(existsSync(join(home, 'quiz.json'))).toBe(true);

    // 4. Export the journal, as markdown and as a JSON backup.
    const md = await session(home, ['export', '--out', 'journal.md'], (s) => s.waitFor('Wrote 1 entry'));
    expect(md.code, md.screen).toBe(0);
    const text = readFileSync(join(home, 'journal.md'), 'utf8');
    expect(text).toMatch(/^# Harmony journal\n/);
    expect(text).toContain(`#### ${TODAY} · Check-in`);
    expect(text).toContain('I put my phone away while Mia talked — 🙂');
    expect(text).toContain('Ask Jo how the interview went');
    const backup = await session(home, ['export', '--format', 'json', '--out', 'backup.json'], (s) => s.waitFor('Wrote'));
    expect(backup.code, backup.screen).toBe(0);
    expect(json(join(home, 'backup.json')).entries).toEqual(month.entries);
    expect(json(join(home, 'backup.json')).quiz.log).toHaveLength(3); // the three answers, however stored

    // 5. Plain `harmony` again: today is done, so it shows the day instead of asking again.
    const summary = await session(home, [], async (s) => {
      await s.waitFor(`harmony · ${TODAY}`);
      await s.waitFor(`Today: checked in (mood 4 good, ${principle})`);
      await s.waitFor('Intention: Ask Jo how the interview went');
      await s.waitFor('Streak: 1 day');
    });
    expect(summary.code).toBe(0);
    expect(summary.screen).not.toContain('How are you today?');

    // 6. The journal shows the entry.
    const journal = await session(home, ['journal'], (s) => s.waitFor('I put my phone away'));
    expect(journal.code).toBe(0);

    // Nothing else was left behind: no lock, no temp files.
    expect(existsSync(join(home, FILES.lock))).toBe(false);
    expect(readdirSync(join(home, 'journal')).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  }, 120_000);
});
