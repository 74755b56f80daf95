// harmony quiz through the built binary, without a TTY: --dry-run shows the plan for a seed,
// --answers answers it; stdout, exit codes, quiz.json and quiz-log/ are checked.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadContentFrom } from '../../src/content/parse.js';
import type { QuizDoc, QuizReview } from '../../src/core/quiz-doc.js';
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
const logMonth = (home: string, month: string): QuizReview[] => JSON.parse(readFileSync(join(home, 'quiz-log', `${month}.json`), 'utf8')).reviews;

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
    expect(Object.keys(doc)).toEqual(['schemaVersion', 'cards']); // the log lives in quiz-log/
    expect(doc.schemaVersion).toBe(2);
    expect(readdirSync(join(home, 'quiz-log'))).toEqual(['2026-06.json']);
    expect(logMonth(home, '2026-06').map((x) => [x.question, x.correct, x.at])).toEqual(planned.map((p, i) => [p.id, i !== 1, new Date(NOW).toISOString()]));
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
    // Two right answers out of the principle's whole bank (mastery averages over every question).
    const share = 2 / bank.filter((q) => q.principle === 'communication').length;
    expect(r.stdout).toMatch(new RegExp(`Quality Communication\\s+█{${Math.round(share * 10)}}░*\\s+${Math.round(share * 100)}%`));
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

describe('the review log in month files', () => {
  /** A quiz.json as harmony wrote it before the log moved out: cards and log in one file. */
  function versionOne(home: string): { text: string; log: QuizReview[] } {
    const reviews = [
      ...dryRun(home, ['--seed', '3', '--count', '3'], { HARMONY_NOW: '2026-04-20T18:00:00Z' }).map((p) => ['2026-04-20T18:00:00.000Z', p.id] as const),
      ...dryRun(home, ['--seed', '6', '--count', '2'], { HARMONY_NOW: '2026-05-02T18:00:00Z' }).map((p) => ['2026-05-02T18:00:00.000Z', p.id] as const),
    ];
    const log: QuizReview[] = reviews.map(([at, question]) => ({ question, at, day: at.slice(0, 10), correct: true, rating: 3, chosen: [0], dueDay: '2026-05-20' }));
    const card = (at: string) => ({ due: '2026-05-20T00:00:00.000Z', dueDay: '2026-05-20', lastDay: at.slice(0, 10), lastAt: at, lastCorrect: true, stability: 9, difficulty: 5, scheduledDays: 18, reps: 1, lapses: 0, state: 'review' });
    const text = JSON.stringify({ schemaVersion: 1, cards: Object.fromEntries(log.map((r) => [r.question, card(r.at)])), log }, null, 1);
    writeFileSync(join(home, 'quiz.json'), text);
    return { text, log };
  }
  const exported = (home: string) => {
    const r = run(['export', '--format', 'json'], { home, env: { HARMONY_NOW: NOW } });
    expect(r.code, r.stderr).toBe(0);
    return JSON.parse(r.stdout).quiz as { schemaVersion: number; log: QuizReview[] };
  };

  it('a version-1 quiz.json is read as it is (left untouched) and moved to quiz-log/ by the next answer, no review lost', () => {
    const home = tempHome();
    const { text, log } = versionOne(home);
    const stats = run(['stats', '--json'], { home, env: { HARMONY_NOW: NOW } });
    expect(stats.code, stats.stderr).toBe(0);
    expect(JSON.parse(stats.stdout).quiz.answered).toBe(new Set(log.map((r) => r.question)).size);
    expect(exported(home)).toEqual({ schemaVersion: 1, cards: expect.any(Object), log });
    expect(run(['checkin', '--mood', '3', '--principle', 'trust', '--answer', 'x', '--intention', 'y'], { home, env: { HARMONY_NOW: NOW } }).code).toBe(0);
    expect(readFileSync(join(home, 'quiz.json'), 'utf8')).toBe(text);
    expect(existsSync(join(home, 'quiz-log'))).toBe(false);

    const planned = dryRun(home, ['--seed', '9', '--count', '1']);
    const r = run(['quiz', '--seed', '9', '--count', '1', '--answers', rightLetters(planned[0]!)], { home, env: { HARMONY_NOW: NOW } });
    expect(r.code, r.stderr).toBe(0);
    expect(quizDoc(home)).toEqual({ schemaVersion: 2, cards: expect.any(Object) });
    expect(readdirSync(join(home, 'quiz-log')).sort()).toEqual(['2026-04.json', '2026-05.json', '2026-06.json']);
    expect(logMonth(home, '2026-04')).toEqual(log.slice(0, 3));
    expect(logMonth(home, '2026-05')).toEqual(log.slice(3));
    expect(logMonth(home, '2026-06').map((x) => x.question)).toEqual([planned[0]!.id]);
    expect(exported(home).log).toEqual([...log, ...logMonth(home, '2026-06')]);
  });

  it('a damaged month: check-in and stats go on (they never read the log); quiz and export stop with exit 3, file untouched', () => {
    const home = tempHome();
    const planned = dryRun(home, ['--seed', '21', '--count', '2']);
    expect(run(['quiz', '--seed', '21', '--answers', planned.map(rightLetters).join(',')], { home, env: { HARMONY_NOW: NOW } }).code).toBe(0);
    const bad = '{"schemaVersion": 1, "reviews": [{"question": "x"}';
    mkdirSync(join(home, 'quiz-log'), { recursive: true });
    writeFileSync(join(home, 'quiz-log', '2026-06.json'), bad);
    const env = { HARMONY_NOW: NOW };
    const stats = run(['stats', '--json'], { home, env });
    expect(stats.code, stats.stderr).toBe(0);
    expect(JSON.parse(stats.stdout).quiz.answered).toBe(2);
    const checkin = run(['checkin', '--mood', '3', '--answer', 'x', '--intention', 'y'], { home, env });
    expect(checkin.code, checkin.stderr).toBe(0);
    for (const args of [['quiz', '--seed', '2', '--answers', 'a'], ['export', '--format', 'json']]) {
      const r = run(args, { home, env });
      expect(r.code, args.join(' ')).toBe(3);
      expect(r.stderr).toMatch(/^harmony: .*quiz-log\/2026-06\.json is not valid JSON/);
    }
    // Only the month being written matters to the quiz: an old damaged month does not stop it.
    expect(run(['quiz', '--dry-run'], { home, env }).code).toBe(0);
    expect(readFileSync(join(home, 'quiz-log', '2026-06.json'), 'utf8')).toBe(bad);
    const later = { HARMONY_NOW: '2026-07-02T15:00:00Z' };
    const next = dryRun(home, ['--seed', '1', '--count', '1'], later);
    expect(run(['quiz', '--seed', '1', '--count', '1', '--answers', rightLetters(next[0]!)], { home, env: later }).code).toBe(0);
    expect(readFileSync(join(home, 'quiz-log', '2026-06.json'), 'utf8')).toBe(bad);
  });
});
