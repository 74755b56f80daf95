// Ctrl+C in a real pseudo-terminal at every prompt of checkin, reflect and quiz: exit 130, a
// one-line message as the last thing on screen, and no half-saved entry (the quiz keeps the
// answers already given, and says how many).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadContentFrom } from '../../src/content/parse.js';
import { PRINCIPLES } from '../../src/core/principles.js';
import { cleanupHomes, ROOT, run, tempHome } from '../helpers/cli.js';
import { KEYS, spawnPty, type Session } from '../helpers/pty.js';
import { listCommands, sha } from './support.js';
import { FILES } from '../../src/store/paths.js';

afterAll(cleanupHomes);
const NOW = { HARMONY_NOW: '2025-03-10T18:00:00Z' };
const lessons = loadContentFrom(join(ROOT, 'content')).lessons;
const available = new Set((await listCommands(tempHome())).map((c) => c[0]));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A prompt of the flow: what shows it, and how a user answers it to move on. */
interface Step {
  name: string;
  shows: (s: Session) => Promise<void>;
  answer: (s: Session) => Promise<void>;
  /** A text prompt: type half an answer before Ctrl+C, as a user would. */
  text?: boolean;
}

const enter = async (s: Session) => s.type(KEYS.enter);
const say = (text: string) => async (s: Session) => s.answer(text);

/** The principle the select suggests (the default, so Enter takes it). */
async function suggested(s: Session): Promise<string> {
  await s.waitFor('(suggested)');
  const number = /(\d)\. [^\n]*\(suggested\)/.exec(s.screen())?.[1];
  return PRINCIPLES[Number(number) - 1]!.id;
}

function promptStep(name: string, lessonId: () => string, index: number, answer: (s: Session) => Promise<void>): Step {
  return {
    name,
    text: true,
    shows: (s) => s.waitFor(lessons.find((l) => l.id === lessonId())!.prompts[index]!.slice(0, 40)),
    answer,
  };
}

/** Runs `steps` up to `stopAt`, presses Ctrl+C there, and returns the exit code and screen. */
async function interruptAt(args: string[], home: string, steps: (p: { principle: string }) => Step[], stopAt: number) {
  const seen = { principle: '' };
  const flow = steps(seen);
  const s = spawnPty(args, home, NOW);
  try {
    for (let i = 0; i < stopAt; i++) {
      await flow[i]!.shows(s);
      await flow[i]!.answer(s);
    }
    await flow[stopAt]!.shows(s);
    if (flow[stopAt]!.text) {
      s.type('halfway');
      await s.waitFor(/h\s*a\s*l\s*f\s*w\s*a\s*y/); // the echo may wrap at the terminal's edge
    }
    await sleep(30);
    s.type(KEYS.ctrlC);
    return { code: await s.exit(), screen: s.screen(), step: flow[stopAt]!.name };
  } finally {
    s.kill();
  }
}

/** The message is the last line on screen, shown once, with nothing like a stack trace. */
function expectOneLine(screen: string, message: string): void {
  const lines = screen.split(/\r?\n/).map((l) => l.trimEnd()).filter((l) => l !== '');
  expect(lines.at(-1)).toBe(`harmony: ${message}`);
  expect(screen.split(message).length - 1, 'message shown once').toBe(1);
  expect(screen).not.toMatch(/^\s+at /m);
  expect(screen).not.toMatch(/Error|Unexpected/);
}

function nothingSaved(home: string): void {
  const journal = join(home, 'journal');
  const months = existsSync(journal) ? readdirSync(journal).filter((n) => /^\d{4}-\d{2}\.json$/.test(n)) : [];
  const entries = months.flatMap((m) => JSON.parse(readFileSync(join(journal, m), 'utf8')).entries);
  expect(entries).toEqual([]);
  if (existsSync(join(home, 'state.json'))) expect(JSON.parse(readFileSync(join(home, 'state.json'), 'utf8')).promptsUsed).toEqual({});
  expect(existsSync(join(home, FILES.lock)), 'lock left behind').toBe(false);
}

const CHECKIN = (seen: { principle: string }): Step[] => [
  { name: 'mood', shows: (s) => s.waitFor('How are you today?'), answer: enter },
  { name: 'principle', shows: async (s) => void (seen.principle = await suggested(s)), answer: enter },
  promptStep('first prompt', () => seen.principle, 0, say('my first answer')),
  promptStep('second prompt', () => seen.principle, 1, say('my second answer')),
  { name: 'people', text: true, shows: (s) => s.waitFor('Who did you really connect with today?'), answer: enter },
  { name: 'practice', shows: (s) => s.waitFor("Today's practice"), answer: enter },
  { name: 'intention', text: true, shows: (s) => s.waitFor('An intention for tomorrow?'), answer: say('be kind') },
];

const REFLECT = (seen: { principle: string }): Step[] => [
  { name: 'principle', shows: async (s) => void (seen.principle = await suggested(s)), answer: enter },
  promptStep('prompt 1', () => seen.principle, 0, say('one')),
  promptStep('prompt 2', () => seen.principle, 1, say('two')),
  promptStep('prompt 3', () => seen.principle, 2, say('three')),
  { name: 'another? (1)', shows: (s) => s.waitFor('Another prompt?'), answer: say('y') },
  promptStep('prompt 4', () => seen.principle, 3, say('four')),
  { name: 'another? (2)', shows: (s) => s.waitFor('Another prompt?'), answer: say('y') },
  promptStep('prompt 5', () => seen.principle, 4, say('five')),
  { name: 'commitment', text: true, shows: (s) => s.waitFor('One thing I will do:'), answer: say('call Sam') },
];

describe.skipIf(!available.has('checkin'))('Ctrl+C in harmony checkin', () => {
  it.each(CHECKIN({ principle: '' }).map((step, i) => ({ i, name: step.name })))('at the $name prompt: exit 130, one line, nothing saved', async ({ i }) => {
    const home = tempHome();
    const r = await interruptAt(['checkin'], home, CHECKIN, i);
    expect(r.code, r.screen.slice(-600)).toBe(130);
    expectOneLine(r.screen, 'Check-in cancelled, nothing saved.');
    nothingSaved(home);
  });

  it('at "You already checked in" (same day): exit 130, the day\'s entry untouched', async () => {
    const home = tempHome();
    const first = run(['checkin', '--mood', '4', '--principle', 'trust', '--answer', 'kept', '--intention', 'x'], { home, env: NOW });
    expect(first.code, first.stderr).toBe(0);
    const month = join(home, 'journal', '2025-03.json');
    const before = sha(month);
    const r = await interruptAt(['checkin'], home, () => [{ name: 'same day', shows: (s) => s.waitFor('What now?'), answer: enter }], 0);
    expect(r.code).toBe(130);
    expectOneLine(r.screen, 'Check-in cancelled, nothing saved.');
    expect(sha(month)).toBe(before);
  });
});

describe.skipIf(!available.has('reflect'))('Ctrl+C in harmony reflect', () => {
  it.each(REFLECT({ principle: '' }).map((step, i) => ({ i, name: step.name })))('at $name: exit 130, one line, nothing saved', async ({ i }) => {
    const home = tempHome();
    const r = await interruptAt(['reflect'], home, REFLECT, i);
    expect(r.code, r.screen.slice(-600)).toBe(130);
    expectOneLine(r.screen, 'Reflection cancelled, nothing saved.');
    nothingSaved(home);
  });
});

describe.skipIf(!available.has('quiz'))('Ctrl+C in harmony quiz', () => {
  const COUNT = 3;
  it.each([0, 1, 2])('at question %i + 1: exit 130, says how many answers it kept, and kept exactly those', async (k) => {
    const home = tempHome();
    const plan = JSON.parse(run(['quiz', '--dry-run', '--json', '--seed', '7', '--count', String(COUNT)], { home, env: NOW }).stdout) as { questions: { id: string; kind: string }[] };
    const steps = (): Step[] =>
      plan.questions.map((q, n) => ({
        name: `question ${n + 1}`,
        shows: (s: Session) => s.waitFor(`Question ${n + 1} of ${COUNT}`).then(() => s.waitFor(q.kind === 'multi' ? 'Pick all that apply' : 'Your answer:')),
        answer: async (s: Session) => {
          if (q.kind === 'multi') {
            s.type(KEYS.space);
            await sleep(40);
          }
          s.type(KEYS.enter);
          await s.waitFor(/Right\.|Not quite\./);
        },
      }));
    const r = await interruptAt(['quiz', '--seed', '7', '--count', String(COUNT)], home, steps, k);
    expect(r.code, r.screen.slice(-600)).toBe(130);
    expectOneLine(r.screen, `Quiz stopped: ${k} answer${k === 1 ? '' : 's'} saved.`);
    // Read through a JSON backup, so the check holds however the quiz log is stored.
    const log = JSON.parse(run(['export', '--format', 'json'], { home, env: NOW }).stdout).quiz.log;
    expect(log.map((e: { question: string }) => e.question)).toEqual(plan.questions.slice(0, k).map((q) => q.id));
    expect(existsSync(join(home, FILES.lock))).toBe(false);
  });
});
