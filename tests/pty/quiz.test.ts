// harmony quiz in a real pseudo-terminal: arrow keys, space and Enter on the real prompts,
// then Ctrl+C, which must keep the answers already given.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadContentFrom } from '../../src/content/parse.js';
import type { QuizDoc, QuizReview } from '../../src/core/quiz-doc.js';
import { planQuiz, type AskedQuestion } from '../../src/core/quiz-select.js';
import { emptyQuiz } from '../../src/core/quiz-doc.js';
import { cleanupHomes, ROOT, run, tempHome } from '../helpers/cli.js';
import { KEYS, spawnPty, type Session } from '../helpers/pty.js';

afterAll(cleanupHomes);

const bank = loadContentFrom(join(ROOT, 'content')).questions;
const NOW = '2026-09-14T19:00:00Z';
const env = { HARMONY_NOW: NOW };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The first seed whose 3-question plan starts with a one-answer question, then a multi-select. */
const SEED = Array.from({ length: 500 }, (_, i) => i + 1).find((seed) => {
  const kinds = planQuiz(bank, emptyQuiz(), { now: new Date(NOW), count: 3 }, seed).map((a) => a.question.kind);
  return kinds[0] !== 'multi' && kinds[1] === 'multi';
})!;

/** The plan as the binary sees it (same seed, same empty data), checked against core's. */
function planFor(home: string, count: number): AskedQuestion[] {
  const plan = planQuiz(bank, emptyQuiz(), { now: new Date(NOW), count }, SEED);
  const r = run(['quiz', '--dry-run', '--json', '--seed', String(SEED), '--count', String(count)], { home, env });
  expect(JSON.parse(r.stdout).questions.map((q: { id: string }) => q.id)).toEqual(plan.map((a) => a.question.id));
  return plan;
}

const rightPositions = (a: AskedQuestion) => a.order.flatMap((i, p) => (a.question.choices[i]!.correct ? [p] : []));
/** A wrong answer to a pick-all question: only the first right choice (or one wrong one). */
const partialPositions = (a: AskedQuestion) => {
  const right = rightPositions(a);
  return right.length > 1 ? right.slice(0, 1) : [a.order.findIndex((i) => !a.question.choices[i]!.correct)];
};

async function keys(s: Session, ...sequence: string[]): Promise<void> {
  for (const k of sequence) {
    s.type(k);
    await sleep(40);
  }
}

/** Moves down to `position` in a select prompt and presses Enter. */
async function pick(s: Session, position: number): Promise<void> {
  await s.waitFor('Your answer:');
  await keys(s, ...Array<string>(position).fill(KEYS.down), KEYS.enter);
}

/** Ticks `positions` in a checkbox prompt (of `count` choices) and presses Enter. */
async function tick(s: Session, positions: number[], count: number): Promise<void> {
  await s.waitFor('Pick all that apply');
  for (let p = 0; p < count; p++) await keys(s, ...(positions.includes(p) ? [KEYS.space] : []), KEYS.down);
  await keys(s, KEYS.enter);
}

const quizDoc = (home: string): QuizDoc => JSON.parse(readFileSync(join(home, 'quiz.json'), 'utf8'));
const quizLog = (home: string): QuizReview[] => JSON.parse(readFileSync(join(home, 'quiz-log', `${NOW.slice(0, 7)}.json`), 'utf8')).reviews;

describe('harmony quiz in a terminal', () => {
  it('takes answers with arrows, space and Enter; Ctrl+C keeps those given (exit 130)', async () => {
    const home = tempHome();
    const [first, second, third] = planFor(home, 3);
    const s = spawnPty(['quiz', '--seed', String(SEED), '--count', '3'], home, env);
    try {
      await s.waitFor('Question 1 of 3');
      await pick(s, rightPositions(first!)[0]!);
      await s.waitFor('✓ Right.');
      await s.waitFor(`harmony learn ${first!.question.principle}`);

      await s.waitFor('Question 2 of 3');
      await tick(s, partialPositions(second!), second!.order.length);
      await s.waitFor('✗ Not quite.');

      await s.waitFor('Question 3 of 3');
      await s.waitFor(third!.question.kind === 'multi' ? 'Pick all that apply' : 'Your answer:');
      s.type(KEYS.ctrlC);
      expect(await s.exit()).toBe(130);
      expect(s.screen()).toContain('Quiz stopped: 2 answers saved.');
    } finally {
      s.kill();
    }
    const log = quizLog(home);
    expect(log.map((r) => [r.question, r.correct])).toEqual([[first!.question.id, true], [second!.question.id, false]]);
    expect(log[1]!.chosen).toEqual(partialPositions(second!).map((p) => second!.order[p]!).sort((x, y) => x - y));
  });

  it('runs a whole quiz to the summary (exit 0)', async () => {
    const home = tempHome();
    const [first] = planFor(home, 1);
    const s = spawnPty(['quiz', '--seed', String(SEED), '--count', '1'], home, env);
    try {
      // The one-question plan can open with either kind, depending on the bank's content.
      if (first!.question.kind === 'multi') await tick(s, rightPositions(first!), first!.order.length);
      else await pick(s, rightPositions(first!)[0]!);
      await s.waitFor('Score: 1 of 1 right.');
      await s.waitFor('Mastery by principle');
      await s.waitFor(/Next: 1 question due in \d+ days/);
      expect(await s.exit()).toBe(0);
    } finally {
      s.kill();
    }
    expect(existsSync(join(home, 'quiz.json'))).toBe(true);
    expect(quizDoc(home).cards[first!.question.id]!.lastCorrect).toBe(true);
  });
});
