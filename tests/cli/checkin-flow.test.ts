// The check-in, reflect and home commands in-process: scripted answers, a fake terminal, a
// temp store. Running out of scripted answers is Ctrl+C.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { loadContentFrom } from '../../src/content/parse.js';
import { makeContext } from '../../src/context.js';
import { CancelledError, UsageError } from '../../src/errors.js';
import type { Entry } from '../../src/core/entry.js';
import { openStore } from '../../src/store/index.js';
import { createTestIO } from '../../src/ui/io.js';
import { scriptedPrompter, type Prompter } from '../../src/ui/prompts.js';
import { ROOT } from '../helpers/cli.js';

vi.mock('../../src/content/load.js', () => ({ loadContent: () => loadContentFrom(join(ROOT, 'content')) }));
const { run: checkin } = await import('../../src/commands/checkin.js');
const { run: reflect } = await import('../../src/commands/reflect.js');
const { run: home } = await import('../../src/commands/home.js');
const trust = loadContentFrom(join(ROOT, 'content')).lessons.find((l) => l.id === 'trust')!;

const homes: string[] = [];
afterAll(() => homes.forEach((h) => rmSync(h, { recursive: true, force: true })));

function setup(answers: unknown[], o: { tty?: boolean; now?: string; home?: string; prompter?: Prompter } = {}) {
  const dir = o.home ?? mkdtempSync(join(tmpdir(), 'harmony-checkin-'));
  if (!o.home) homes.push(dir);
  const tty = o.tty ?? true;
  const io = createTestIO({ stdinTTY: tty, stdoutTTY: tty, env: { HARMONY_HOME: dir, HARMONY_NOW: o.now ?? '2025-03-10T20:00:00Z' } });
  const prompter = o.prompter ?? scriptedPrompter(answers);
  return { io, home: dir, prompter, ctx: makeContext(io, false, prompter), entries: async () => (await openStore({ HARMONY_HOME: dir }).journal.all()) };
}

/** Every file under the home with its bytes and mtime: "unchanged" means all of it. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    let names: string[];
    try {
      names = readdirSync(d);
    } catch {
      return;
    }
    for (const n of names) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else out[p] = `${statSync(p).mtimeMs}:${readFileSync(p, 'utf8')}`;
    }
  };
  walk(dir);
  return out;
}

describe('interactive check-in', () => {
  it('asks mood, principle, two prompts, who you connected with, a practice and an intention, then saves one entry and rotates prompts', async () => {
    const s = setup([4, 'trust', 'I kept my word', '', '', 'skip', 'Call Sam']);
    await checkin(s.ctx, {});
    expect((s.prompter as ReturnType<typeof scriptedPrompter>).asked).toEqual([
      'How are you today?',
      'Principle of the day',
      trust.prompts[0],
      `${trust.prompts[1]} (Enter to skip)`,
      'Who did you really connect with today? (a name adds them to your people; Enter to skip)',
      "Today's practice",
      'An intention for tomorrow? (Enter to skip)',
    ]);
    const [entry, ...rest] = (await s.entries());
    expect(rest).toEqual([]);
    expect(entry).toMatchObject({ kind: 'checkin', date: '2025-03-10', principle: 'trust', mood: 4, intention: 'Call Sam', answers: [{ prompt: trust.prompts[0], answer: 'I kept my word' }] });
    expect(s.io.out()).toContain('✓ Check-in saved for today (2025-03-10) · Building Trust and Confidence');
    expect(s.io.out()).toContain('Streak: 1 day');
    expect(s.io.out()).toContain('harmony learn trust');
    // The answered prompt is remembered, so tomorrow's check-in on trust starts with the next one.
    const next = setup(['kept', '', 3, 'trust', 'again', '', '', 'skip', ''], { home: s.home, now: '2025-03-11T20:00:00Z' });
    await checkin(next.ctx, {});
    expect((next.prompter as ReturnType<typeof scriptedPrompter>).asked[4]).toBe(trust.prompts[1]);
    expect(next.io.out()).toContain('Streak: 2 days');
  });

  it('asks only what the flags left out', async () => {
    const s = setup(['My answer', '', '']);
    await checkin(s.ctx, { mood: 2, principle: 'tr', intention: 'rest', practice: 'skip' });
    expect((s.prompter as ReturnType<typeof scriptedPrompter>).asked).toEqual([trust.prompts[0], `${trust.prompts[1]} (Enter to skip)`, 'Who did you really connect with today? (a name adds them to your people; Enter to skip)']);
    expect((await s.entries())[0]).toMatchObject({ mood: 2, principle: 'trust', intention: 'rest' });
  });

  it('with --editor, free-text answers go through the editor prompt', async () => {
    const calls: string[] = [];
    const base = scriptedPrompter([5, 'trust', 'long answer\nwith lines', 'second', '', 'skip', '']);
    const prompter: Prompter = {
      ...base,
      input: (o) => (calls.push('input'), base.input(o)),
      editor: (o) => (calls.push('editor'), base.editor(o)),
    };
    const s = setup([], { prompter });
    await checkin(s.ctx, { editor: true });
    expect(calls).toEqual(['editor', 'editor', 'input', 'input']); // the people question and the intention are one line each, even with --editor
    expect((await s.entries())[0]!.answers.map((a) => a.answer)).toEqual(['long answer\nwith lines', 'second']);
  });

  it('the editor setting wins over $VISUAL for --editor', async () => {
    const s = setup([3, 'trust', 'text', '', '', 'skip', '']);
    writeFileSync(join(s.home, 'config.json'), JSON.stringify({ schemaVersion: 1, editor: 'my-editor --wait' }));
    s.ctx.env.VISUAL = 'vi';
    await checkin(s.ctx, { editor: true });
    expect(s.ctx.env.VISUAL).toBe('my-editor --wait');
  });

  it('an empty editor answer to the required prompt reopens the editor', async () => {
    const s = setup([3, 'trust', '   ', 'now written', '', '', 'skip', '']);
    await checkin(s.ctx, { editor: true });
    expect((await s.entries())[0]!.answers).toEqual([{ prompt: trust.prompts[0], answer: 'now written' }]);
    expect(s.io.err()).toContain('An answer is needed here');
  });
});

describe('Ctrl+C', () => {
  const full = [4, 'trust', 'answer', 'second', '', 'take', 'intention'];
  for (let stop = 0; stop < full.length; stop++) {
    it(`at prompt ${stop + 1} saves nothing and changes nothing (exit 130)`, async () => {
      const first = setup([], { tty: false });
      await checkin(first.ctx, { mood: 3, answer: ['yesterday'], date: 'yesterday' });
      const before = snapshot(first.home);
      const s = setup(full.slice(0, stop), { home: first.home });
      const error = await checkin(s.ctx, {}).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CancelledError);
      expect((error as CancelledError).message).toBe('Check-in cancelled, nothing saved.');
      expect((error as CancelledError).exitCode).toBe(130);
      expect(snapshot(first.home)).toEqual(before);
    });
  }

  it('in a fresh home leaves no journal behind', async () => {
    const s = setup([4, 'trust']);
    await expect(checkin(s.ctx, {})).rejects.toThrow('Check-in cancelled, nothing saved.');
    expect(snapshot(s.home)).toEqual({});
  });

  it('during a reflection says so and saves nothing', async () => {
    const s = setup(['a', 'b']);
    await expect(reflect(s.ctx, 'trust', {})).rejects.toThrow('Reflection cancelled, nothing saved.');
    expect((await s.entries())).toEqual([]);
  });
});

describe('a second check-in the same day', () => {
  async function firstCheckin() {
    const s = setup([], { tty: false });
    await checkin(s.ctx, { mood: 2, principle: 'trust', answer: ['first answer'], intention: 'rest' });
    return s.home;
  }

  it('can view the entry, then cancel: nothing changes', async () => {
    const dir = await firstCheckin();
    const before = snapshot(dir);
    const s = setup(['view', 'cancel'], { home: dir });
    await checkin(s.ctx, {});
    expect(s.io.out()).toContain('first answer');
    expect(s.io.out()).toContain('Nothing changed.');
    expect(snapshot(dir)).toEqual(before);
  });

  it('can add to the entry: same id, old answers kept, new prompt, mood now, intention added', async () => {
    const dir = await firstCheckin();
    const [original] = await setup([], { home: dir }).entries();
    const s = setup(['add', 5, 'more to say', '', '', 'skip', 'walk'], { home: dir });
    await checkin(s.ctx, {});
    const entries = (await s.entries());
    expect(entries).toHaveLength(1);
    const e = entries[0] as Entry;
    expect(e.id).toBe(original!.id);
    expect(e.answers).toEqual([original!.answers[0], { prompt: trust.prompts[1], answer: 'more to say' }]);
    expect(e).toMatchObject({ mood: 5, intention: 'rest\nwalk' });
    expect(e.updatedAt).toBeDefined();
    expect(s.io.out()).toContain('✓ Added to your check-in');
  });

  it('without a terminal and without --append, refuses and names --append and journal show', async () => {
    const dir = await firstCheckin();
    const before = snapshot(dir);
    const s = setup([], { home: dir, tty: false });
    const error = await checkin(s.ctx, { mood: 3, answer: ['x'] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(/--append.*harmony journal show today/);
    expect(snapshot(dir)).toEqual(before);
  });

  it('refuses --append with a different principle', async () => {
    const dir = await firstCheckin();
    const s = setup([], { home: dir, tty: false });
    await expect(checkin(s.ctx, { append: true, principle: 'intimacy', answer: ['x'] })).rejects.toThrow(/about trust.*harmony reflect intimacy/);
  });
});

describe('interactive reflection', () => {
  it('asks three prompts, offers more, then one thing I will do; saved as a reflection', async () => {
    const s = setup(['one', '', 'three', true, 'four', false, 'Text Ana back']);
    await reflect(s.ctx, 'trust', {});
    const asked = (s.prompter as ReturnType<typeof scriptedPrompter>).asked;
    expect(asked).toEqual([...trust.prompts.slice(0, 3), 'Another prompt?', trust.prompts[3], 'Another prompt?', 'One thing I will do:']);
    const [e] = (await s.entries());
    expect(e).toMatchObject({ kind: 'reflection', principle: 'trust', intention: 'Text Ana back' });
    expect(e!.answers.map((a) => a.answer)).toEqual(['one', 'three', 'four']);
    expect('mood' in e!).toBe(false);
    expect(s.io.out()).toContain('✓ Reflection saved');
  });

  it('asks for the principle when none is given, suggesting one', async () => {
    const s = setup(['wellbeing', 'a', 'b', 'c', false, 'walk']);
    await reflect(s.ctx, undefined, {});
    expect((await s.entries())[0]!.principle).toBe('wellbeing');
  });
});

describe('plain harmony (home)', () => {
  it('on a terminal with no check-in today, starts the check-in', async () => {
    const s = setup([3, 'attention', 'hello', '', '', 'skip', '']);
    await home(s.ctx);
    expect(s.io.out()).toContain('Welcome to harmony.');
    expect((await s.entries())).toHaveLength(1);
  });

  it('once today is done, shows the summary and streak and asks nothing', async () => {
    const s = setup([], { tty: false });
    await checkin(s.ctx, { mood: 4, principle: 'trust', answer: ['x'], intention: 'be kind \u001b[2J' });
    const again = setup([], { home: s.home });
    await home(again.ctx);
    const out = again.io.out();
    expect(out).toContain('Today: checked in (mood 4 good, trust)');
    expect(out).toContain('Intention: be kind ␛[2J');
    expect(out).not.toContain('\u001b');
    expect(out).toContain('Streak: 1 day');
    expect((again.prompter as ReturnType<typeof scriptedPrompter>).asked).toEqual([]);
  });

  it('without a terminal never prompts: it says what is pending and how to check in', async () => {
    const s = setup([], { tty: false });
    await home(s.ctx);
    expect(s.io.out()).toContain('No check-ins yet');
    expect(s.io.out()).toContain('harmony checkin --mood N --answer TEXT');
    expect((s.prompter as ReturnType<typeof scriptedPrompter>).asked).toEqual([]);
  });
});

describe('with the quiz', () => {
  it('suggests the weakest principle on a tie and lists due questions as a next step', async () => {
    const { recordAnswer } = await import('../../src/core/quiz-schedule.js');
    const { updateQuiz } = await import('../../src/store/quiz.js');
    const questions = loadContentFrom(join(ROOT, 'content')).questions;
    const plain = setup([], { tty: false });
    await checkin(plain.ctx, { mood: 3, answer: ['x'], json: true });
    expect(JSON.parse(plain.io.out()).principle).toBe('attention'); // all tied, no quiz: lesson order

    const s = setup([], { tty: false });
    // Attention answered right two weeks ago (strong, now due again); nothing else answered.
    await updateQuiz(openStore({ HARMONY_HOME: s.home }), (doc) => {
      for (const q of questions.filter((q) => q.principle === 'attention')) {
        recordAnswer(doc, q, [0], true, new Date('2025-02-20T12:00:00Z'), { dayStartHour: 0 });
      }
    });
    await checkin(s.ctx, { mood: 3, answer: ['x'] });
    expect((await s.entries())[0]!.principle).toBe('communication');
    expect(s.io.out()).toMatch(/\d+ quiz questions? due for review: harmony quiz/);
  });
});

describe('two terminals checking in at once', () => {
  it('the one that saves second adds its answers to the first one\'s entry: nothing dropped, nothing duplicated', async () => {
    const scripted = scriptedPrompter([4, 'trust', 'typed in terminal two', '', '', 'skip', 'Call Sam']);
    let otherSaved = false;
    const racing: Prompter = {
      ...scripted,
      // While terminal two is still typing its first answer, terminal one saves today's check-in.
      input: async (o) => {
        if (!otherSaved) {
          otherSaved = true;
          const one = setup([], { home: s.home, tty: false });
          await checkin(one.ctx, { mood: 2, principle: 'attention', answer: ['typed in terminal one'] });
        }
        return scripted.input(o);
      },
    };
    const s = setup([], { prompter: racing });
    await checkin(s.ctx, {});
    const entries = (await s.entries());
    expect(entries).toHaveLength(1);
    expect(entries[0]!.answers.map((a) => a.answer)).toEqual(['typed in terminal one', 'typed in terminal two']);
    expect(entries[0]!.intention).toBe('Call Sam');
    expect(s.io.err()).toMatch(/Another terminal saved a check-in for today .* your answers were added to it/);
  });
});

describe('the coaching loop, asked', () => {
  const practices = loadContentFrom(join(ROOT, 'content')).practices.filter((p) => p.principle === 'trust');

  it('offers a practice (another one on request), then opens the next check-in with the follow-up', async () => {
    const s = setup([4, 'trust', 'answer', '', '', 'another', 'take', 'When Sam texts, I will reply by noon']);
    await checkin(s.ctx, {});
    const out = s.io.out();
    expect(out).toContain(practices[0]!.text);
    expect(out).toContain(practices[1]!.text);
    expect(out).toContain('"When …, I will …"');
    const [first] = (await s.entries());
    expect(first!.practice).toEqual({ id: practices[1]!.id, text: practices[1]!.text });
    expect(out).toContain(`Today's practice: ${practices[1]!.text}`);
    // Both were offered: the next trust check-in starts with the third.
    const state = JSON.parse(readFileSync(join(s.home, 'state.json'), 'utf8'));
    expect(Object.keys(state.practicesOffered)).toEqual([practices[0]!.id, practices[1]!.id]);

    const next = setup(['partly', 'missed', 'Busy morning', 3, 'trust', 'again', '', '', 'skip', ''], { home: s.home, now: '2025-03-12T20:00:00Z' });
    await checkin(next.ctx, {});
    const asked = (next.prompter as ReturnType<typeof scriptedPrompter>).asked;
    expect(asked.slice(0, 4)).toEqual(['How did it go?', 'Did you do it?', 'What helped, or got in the way? (Enter to skip)', 'How are you today?']);
    expect(next.io.out()).toContain('Last time (Monday) you planned: “When Sam texts, I will reply by noon”');
    expect(next.io.out()).toContain(practices[2]!.text);
    const second = (await next.entries())[1]!;
    expect(second.followUp).toEqual({ entryId: first!.id, intention: 'partly', practice: 'missed', note: 'Busy morning' });

    // Followed up once: the third check-in asks no follow-up.
    const third = setup([3, 'trust', 'x', '', '', 'skip', ''], { home: s.home, now: '2025-03-13T20:00:00Z' });
    await checkin(third.ctx, {});
    expect((third.prompter as ReturnType<typeof scriptedPrompter>).asked[0]).toBe('How are you today?');
  });

  it('a practice marked done and no intention: nothing is asked, it is followed up as kept', async () => {
    const s = setup([], { tty: false });
    await checkin(s.ctx, { mood: 3, answer: ['x'], practice: practices[0]!.id, date: 'yesterday' });
    const { done } = await import('../../src/commands/practice.js');
    const e = (await s.entries())[0]!;
    // Marked done on its day (the practice belongs to that day's check-in).
    await done(setup([], { tty: false, home: s.home, now: '2025-03-09T21:00:00Z' }).ctx, {});
    const next = setup([3, 'trust', 'x', '', '', 'skip', ''], { home: s.home });
    await checkin(next.ctx, {});
    expect((next.prompter as ReturnType<typeof scriptedPrompter>).asked[0]).toBe('How are you today?');
    expect((await next.entries())[1]!.followUp).toEqual({ entryId: e.id, practice: 'kept' });
  });

  it('adding to a day that has its practice does not offer another; --practice then is exit 2', async () => {
    const s = setup([], { tty: false });
    await checkin(s.ctx, { mood: 3, answer: ['x'], principle: 'trust', practice: practices[0]!.id });
    const add = setup(['add', 4, 'more', '', '', 'walk'], { home: s.home });
    await checkin(add.ctx, {});
    expect((add.prompter as ReturnType<typeof scriptedPrompter>).asked).not.toContain("Today's practice");
    const again = setup([], { tty: false, home: s.home });
    await expect(checkin(again.ctx, { append: true, practice: practices[1]!.id })).rejects.toThrow(/already has a practice/);
  });

  it('Ctrl+C at the follow-up saves nothing', async () => {
    const s = setup([], { tty: false });
    await checkin(s.ctx, { mood: 3, answer: ['x'], intention: 'plan', date: 'yesterday' });
    const before = snapshot(s.home);
    const next = setup([], { home: s.home });
    await expect(checkin(next.ctx, {})).rejects.toThrow('Check-in cancelled, nothing saved.');
    expect((next.prompter as ReturnType<typeof scriptedPrompter>).asked).toEqual(['How did it go?']);
    expect(snapshot(s.home)).toEqual(before);
  });
});
