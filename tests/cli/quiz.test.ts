// harmony quiz through the built binary, without a TTY: --dry-run shows the plan for a seed,
// --answers answers it; stdout, exit codes and quiz.json are checked.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadContentFrom } from '../../src/content/parse.js';
import type { QuizDoc } from '../../src/core/quiz-doc.js';
import { cleanupHomes, ROOT, run, tempHome } from '../helpers/cli.js';

afterAll(cleanupHomes);

const bank = loadContentFrom(join(ROOT, 'content')).questions;
const NOW = '2026-06-10T15:00:00Z';

interface Planned {
  id: string;
  kind: string;
  reason: string;
  choices: { letter: string; text: string }[];
}

function dryRun(home: string, args: string[], env: Record<string, string> = {}): Planned[] {
  const r = run(['quiz', '--dry-run', '--json', ...args], { home, env: { HARMONY_NOW: NOW, ...env } });
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout).questions;
}

/** The letters a user who knows the material would give for a planned question. */
function rightLetters(p: Planned): string {
  const q = bank.find((x) => x.id === p.id)!;
  return p.choices.filter((c) => q.choices.find((x) => x.text === c.text)!.correct).map((c) => c.letter).join('');
}
function wrongLetter(p: Planned): string {
  const q = bank.find((x) => x.id === p.id)!;
  return p.choices.find((c) => !q.choices.find((x) => x.text === c.text)!.correct)!.letter;
}
const quizDoc = (home: string): QuizDoc => JSON.parse(readFileSync(join(home, 'quiz.json'), 'utf8'));

describe('harmony quiz without a terminal', () => {
  it('without --answers exits 2 naming --answers and --seed, and saves nothing', () => {
    const home = tempHome();
    const r = run(['quiz'], { home });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^harmony: .*--answers.*--seed/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(existsSync(join(home, 'quiz.json'))).toBe(false);
  });

  it('answers the quiz --seed plans, prints the result as JSON and stores every review', () => {
    const home = tempHome();
    const planned = dryRun(home, ['--seed', '21', '--count', '4']);
    expect(planned).toHaveLength(4);
    expect(new Set(planned.map((p) => p.id)).size).toBe(4);
    const answers = planned.map((p, i) => (i === 1 ? wrongLetter(p) : rightLetters(p)));
    const r = run(['quiz', '--seed', '21', '--answers', answers.join(','), '--json'], { home, env: { HARMONY_NOW: NOW } });
    expect(r.code, r.stderr).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result.seed).toBe(21);
    expect(result.score).toEqual({ correct: 3, total: 4 });
    expect(result.answers.map((a: { question: string }) => a.question)).toEqual(planned.map((p) => p.id));
    expect(result.answers.map((a: { correct: boolean }) => a.correct)).toEqual([true, false, true, true]);
    expect(result.answers[1].given).toBe(answers[1]);
    expect(result.answers[1].dueDay).toBe('2026-06-11');
    expect(result.due).toMatchObject({ now: 0, missed: 1, next: { day: '2026-06-11', count: 1 } });
    expect(Object.values(result.mastery).some((v) => (v as number) > 0)).toBe(true);

    const doc = quizDoc(home);
    expect(doc.log.map((x) => [x.question, x.correct, x.at])).toEqual(planned.map((p, i) => [p.id, i !== 1, new Date(NOW).toISOString()]));
    expect(doc.cards[planned[1]!.id]).toMatchObject({ lastCorrect: false, dueDay: '2026-06-11', lapses: 0 });

    // The missed question comes back first: alone in --review, first in a normal quiz.
    expect(dryRun(home, ['--review', '--seed', '1']).map((p) => [p.id, p.reason])).toEqual([[planned[1]!.id, 'missed']]);
    const next = dryRun(home, ['--seed', '2', '--count', '5']);
    expect(next.filter((p) => p.reason === 'missed').map((p) => p.id)).toEqual([planned[1]!.id]);
    expect(next.filter((p) => planned.some((x) => x.id === p.id))).toHaveLength(1);
  });

  it('prints each question, the feedback and a summary in plain text', () => {
    const home = tempHome();
    const planned = dryRun(home, ['--seed', '8', '--count', '2', '--principle', 'communication']);
    const r = run(['quiz', '--seed', '8', '--principle', '2', '--answers', planned.map(rightLetters).join(',')], { home, env: { HARMONY_NOW: NOW } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Question 1 of 2 · Quality Communication');
    expect(r.stdout.match(/✓ Right\./g)).toHaveLength(2);
    expect(r.stdout).toContain('Read more: harmony learn communication');
    expect(r.stdout).toContain('Score: 2 of 2 right.');
    expect(r.stdout).toMatch(/Quality Communication\s+█+░*\s+17%/);
    expect(r.stdout).not.toMatch(/\u001b/);
  });

  it('the same seed on the same data asks the same questions in the same order', () => {
    const a = dryRun(tempHome(), ['--seed', '99', '--count', '6']);
    const b = dryRun(tempHome(), ['--seed', '99', '--count', '6']);
    expect(b).toEqual(a);
    expect(dryRun(tempHome(), ['--seed', '100', '--count', '6'])).not.toEqual(a);
  });

  it('refuses answers that do not fit, before saving any (exit 2)', () => {
    const home = tempHome();
    const planned = dryRun(home, ['--seed', '4', '--count', '3']);
    const good = planned.map(rightLetters);
    for (const answers of [[...good, 'a'], [good[0]!, good[1]!, 'q'], [good[0]!, '', good[2]!]]) {
      const r = run(['quiz', '--seed', '4', '--count', '3', '--answers', answers.join(',')], { home, env: { HARMONY_NOW: NOW } });
      expect(r.code, answers.join(',')).toBe(2);
      expect(r.stderr).toMatch(/^harmony: .*--answers/);
    }
    expect(existsSync(join(home, 'quiz.json'))).toBe(false);
  });

  it('due dates fall on the local day boundary (dayStartHour 4, New York, across the clock change)', () => {
    const home = tempHome();
    const env = { TZ: 'America/New_York' };
    expect(run(['config', 'set', 'dayStartHour', '4'], { home }).code).toBe(0);
    // 01:30 EST on Sunday 8 March 2026 still belongs to Saturday's practice day; at 02:00 the
    // clocks go forward, so Sunday's practice day starts at 04:00 EDT = 08:00 UTC.
    const late = { ...env, HARMONY_NOW: '2026-03-08T06:30:00Z' };
    const planned = dryRun(home, ['--seed', '5', '--count', '2'], late);
    const answers = [wrongLetter(planned[0]!), rightLetters(planned[1]!)];
    const r = run(['quiz', '--seed', '5', '--count', '2', '--answers', answers.join(','), '--json'], { home, env: late });
    expect(r.code, r.stderr).toBe(0);
    const [missed, known] = JSON.parse(r.stdout).answers as { question: string; dueDay: string }[];
    expect(missed!.dueDay).toBe('2026-03-08'); // "tomorrow", a few hours away
    expect(quizDoc(home).cards[missed!.question]!.due).toBe('2026-03-08T08:00:00.000Z');
    expect(known!.dueDay > '2026-03-08').toBe(true);
    // The known question joins --review exactly when its practice day begins, 04:00 EDT.
    const boundary = Date.parse(`${known!.dueDay}T08:00:00Z`);
    const review = (ms: number) => dryRun(home, ['--review', '--seed', '1'], { ...env, HARMONY_NOW: new Date(ms).toISOString() });
    expect(review(boundary - 60_000).map((x) => [x.id, x.reason])).toEqual([[missed!.question, 'missed']]);
    expect(review(boundary).map((x) => [x.id, x.reason]).sort()).toEqual([[known!.question, 'due'], [missed!.question, 'missed']].sort());
  });
});
