// harmony quiz in process: scripted prompts (running out = Ctrl+C), fake I/O, temp store.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { makeContext } from '../../src/context.js';
import { loadContentFrom } from '../../src/content/parse.js';
import { emptyQuiz } from '../../src/core/quiz-doc.js';
import { planQuiz, type AskedQuestion } from '../../src/core/quiz-select.js';
import { CancelledError, EXIT, UsageError } from '../../src/errors.js';
import { Store } from '../../src/store/index.js';
import { readQuiz } from '../../src/store/quiz.js';
import { readQuizLog } from '../../src/store/quiz-log.js';
import { createTestIO } from '../../src/ui/io.js';
import { scriptedPrompter } from '../../src/ui/prompts.js';
import { ROOT } from '../helpers/cli.js';

vi.mock('../../src/content/load.js', () => ({ loadContent: () => loadContentFrom(join(ROOT, 'content')) }));

const bank = loadContentFrom(join(ROOT, 'content')).questions;
const NOW = '2026-03-02T18:00:00Z';

function setup(answers: unknown[], tty = true) {
  const home = mkdtempSync(join(tmpdir(), 'harmony-quiz-'));
  const io = createTestIO({ env: { HARMONY_HOME: home, HARMONY_NOW: NOW }, stdinTTY: tty, stdoutTTY: tty });
  const prompter = scriptedPrompter(answers);
  return { home, io, prompter, ctx: makeContext(io, false, prompter), store: new Store(home) };
}

/** What a user who knows the material would pick: display positions of the right choices. */
const rightPick = (a: AskedQuestion) => {
  const right = a.order.flatMap((i, p) => (a.question.choices[i]!.correct ? [p] : []));
  return a.question.kind === 'multi' ? right : right[0];
};
const plan = (seed: number, count: number) => planQuiz(bank, emptyQuiz(), { now: new Date(NOW), count }, seed);

describe('harmony quiz at a terminal', () => {
  it('asks, gives feedback, saves every answer and ends with score, mastery and what is due', async () => {
    const { run } = await import('../../src/commands/quiz.js');
    const asked = plan(11, 3);
    const { io, ctx, prompter, store } = setup(asked.map(rightPick));
    await run(ctx, { seed: 11, count: 3 });
    const out = io.out();
    expect(prompter.asked).toHaveLength(3);
    expect(out.match(/✓ Right\./g)).toHaveLength(3);
    expect(out).toContain('Score: 3 of 3 right.');
    expect(out).toContain('Mastery by principle');
    expect(out).toMatch(/Next: 3 questions due in \d+ days/);
    for (const a of asked) {
      expect(out).toContain(`Read more: harmony learn ${a.question.principle} → "${a.question.section}"`);
      expect(out.replace(/\s+/g, ' ')).toContain(a.question.explanation.replace(/\s+/g, ' '));
    }
    const doc = (await readQuiz(store));
    expect((await readQuizLog(store)).map((r) => r.question)).toEqual(asked.map((a) => a.question.id));
    expect(Object.values(doc.cards).every((c) => c.lastCorrect)).toBe(true);
  });

  it('explains why a wrong pick was wrong', async () => {
    const { run } = await import('../../src/commands/quiz.js');
    const [a] = plan(5, 1);
    const wrong = a!.order.findIndex((i) => !a!.question.choices[i]!.correct);
    const { io, ctx, store } = setup([a!.question.kind === 'multi' ? [wrong] : wrong]);
    await run(ctx, { seed: 5, count: 1 });
    const why = a!.question.choices[a!.order[wrong]!]!.why;
    expect(io.out()).toContain('✗ Not quite.');
    expect(io.out().replace(/\s+/g, ' ')).toContain(why.replace(/\s+/g, ' '));
    expect((await readQuiz(store)).cards[a!.question.id]!.lastCorrect).toBe(false);
  });

  it('Ctrl+C keeps the answers already given and says how many (exit 130)', async () => {
    const { run } = await import('../../src/commands/quiz.js');
    const asked = plan(3, 4);
    const { ctx, store } = setup(asked.slice(0, 2).map(rightPick));
    const error = await run(ctx, { seed: 3, count: 4 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CancelledError);
    expect((error as CancelledError).message).toBe('Quiz stopped: 2 answers saved.');
    expect((error as CancelledError).exitCode).toBe(EXIT.cancelled);
    expect((await readQuizLog(store)).map((r) => r.question)).toEqual(asked.slice(0, 2).map((a) => a.question.id));
  });

  it('Ctrl+C at the first question saves nothing', async () => {
    const { run } = await import('../../src/commands/quiz.js');
    const { ctx, home } = setup([]);
    await expect(run(ctx, { count: 2 })).rejects.toThrow('Quiz stopped: 0 answers saved.');
    expect(existsSync(join(home, 'quiz.json'))).toBe(false);
  });
});

describe('harmony quiz refusing bad input before saving anything', () => {
  const cases: [string, Parameters<typeof import('../../src/commands/quiz.js').run>[1], RegExp][] = [
    ['no TTY and no --answers', {}, /--answers .*--seed/],
    ['an unknown principle', { principle: 'kindness', answers: 'a' }, /Unknown principle "kindness"/],
    ['--count and --answers disagreeing', { count: 3, answers: 'a,b' }, /--count is 3 but --answers has 2/],
    ['more answers than questions to review', { review: true, answers: 'a' }, /No questions are due or missed, but --answers has 1/],
    ['a letter the question does not have', { seed: 1, answers: 'a,a,zz' }, /answer 3 \("zz"\)/],
  ];
  it.each(cases)('%s: UsageError (exit 2), no quiz.json', async (_name, opts, message) => {
    const { run } = await import('../../src/commands/quiz.js');
    const { ctx, home } = setup([], false);
    const error = await run(ctx, opts).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(message);
    expect(existsSync(join(home, 'quiz.json'))).toBe(false);
  });

  it('--review with nothing due says so and exits normally', async () => {
    const { run } = await import('../../src/commands/quiz.js');
    const { io, ctx } = setup([]);
    await run(ctx, { review: true });
    expect(io.out()).toContain('Nothing is due or missed right now.');
    expect(io.out()).toContain('Nothing due right now.');
  });
});
