// Selection and order: missed, due, new, then early reviews; seeded, never repeated.
import { describe, expect, it } from 'vitest';
import type { Question } from '../../src/content/types.js';
import { loadContentFrom } from '../../src/content/parse.js';
import { emptyQuiz } from '../../src/core/quiz-doc.js';
import { recordAnswer, type DayRule } from '../../src/core/quiz-schedule.js';
import { choiceOrder, planQuiz, selectQuestions, seededRng, shuffle } from '../../src/core/quiz-select.js';
import { ROOT } from '../helpers/cli.js';
import { join } from 'node:path';

const bank = loadContentFrom(join(ROOT, 'content')).questions;
const UTC: DayRule = { dayStartHour: 0, timeZone: 'UTC' };
const DAY1 = new Date('2026-02-01T12:00:00Z');
const firstOf = (principle: Question['principle']) => bank.find((q) => q.principle === principle)!;
const ids = (qs: { question: Question }[]) => qs.map((q) => q.question.id);

describe('seeded randomness', () => {
  it('replays the same sequence for the same seed, another for another seed', () => {
    const a = seededRng(42);
    const b = seededRng(42);
    const c = seededRng(43);
    const seqA = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(seqA);
    expect(Array.from({ length: 5 }, c)).not.toEqual(seqA);
    expect(seqA.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('shuffles into a permutation without touching the input', () => {
    const input = Array.from({ length: 20 }, (_, i) => i);
    const out = shuffle(input, seededRng(7));
    expect([...out].sort((x, y) => x - y)).toEqual(input);
    expect(out).not.toEqual(input);
    expect(input[0]).toBe(0);
  });
});

describe('selectQuestions', () => {
  it('takes missed, then due (most overdue first), then new, then early reviews; no repeats', () => {
    const doc = emptyQuiz();
    // One question from each of four principles, read from the bank: content rewrites rename ids.
    const [missed, dueOld, dueNew, known] = (['trust', 'attention', 'communication', 'intimacy'] as const).map(firstOf) as [Question, Question, Question, Question];
    recordAnswer(doc, dueOld, [0], true, new Date('2026-01-01T12:00:00Z'), UTC); // due 2026-01-04
    recordAnswer(doc, dueNew, [0], true, new Date('2026-01-20T12:00:00Z'), UTC); // due 2026-01-23
    recordAnswer(doc, missed, [0], false, new Date('2026-02-01T08:00:00Z'), UTC); // due tomorrow, but missed
    recordAnswer(doc, known, [0], true, new Date('2026-02-01T08:00:00Z'), UTC); // not due for days
    const all = selectQuestions(bank, doc, { now: DAY1, count: bank.length + 10 }, seededRng(3));
    expect(all).toHaveLength(bank.length);
    expect(new Set(ids(all)).size).toBe(bank.length);
    expect(ids(all).slice(0, 3)).toEqual([missed.id, dueOld.id, dueNew.id]);
    expect(all.slice(0, 3).map((p) => p.reason)).toEqual(['missed', 'due', 'due']);
    expect(all.at(-1)!.question.id).toBe(known.id);
    expect(all.at(-1)!.reason).toBe('ahead');
    expect(all.slice(3, -1).every((p) => p.reason === 'new')).toBe(true);
  });

  it('in review mode asks only due and missed questions', () => {
    const doc = emptyQuiz();
    const [a, b, c] = bank;
    recordAnswer(doc, a!, [0], true, new Date('2026-01-01T12:00:00Z'), UTC); // right, due since 4 Jan
    recordAnswer(doc, b!, [0], false, DAY1, UTC); // missed today
    recordAnswer(doc, c!, [0], true, DAY1, UTC); // right today, due in days
    const picked = selectQuestions(bank, doc, { now: DAY1, count: 10, review: true }, seededRng(1));
    expect(ids(picked).sort()).toEqual([a!.id, b!.id].sort());
    expect(selectQuestions(bank, emptyQuiz(), { now: DAY1, count: 10, review: true }, seededRng(1))).toEqual([]);
  });

  it('keeps to one principle and to the count', () => {
    const picked = selectQuestions(bank, emptyQuiz(), { now: DAY1, count: 4, principle: 'wellbeing' }, seededRng(9));
    expect(picked).toHaveLength(4);
    expect(picked.every((p) => p.question.principle === 'wellbeing' && p.reason === 'new')).toBe(true);
  });
});

describe('planQuiz', () => {
  it('is the same for the same seed and data, and differs for other seeds', () => {
    const doc = emptyQuiz();
    const opts = { now: DAY1, count: 8 };
    const plan = planQuiz(bank, doc, opts, 1234);
    expect(planQuiz(bank, doc, opts, 1234)).toEqual(plan);
    const other = [1, 2, 3].map((seed) => planQuiz(bank, doc, opts, seed).map((a) => a.question.id).join());
    expect(other.some((o) => o !== plan.map((a) => a.question.id).join())).toBe(true);
    for (const asked of plan) expect([...asked.order].sort()).toEqual(asked.question.choices.map((_, i) => i));
  });

  it('shuffles choices but always shows True before False', () => {
    const multi = bank.find((q) => q.kind === 'multi')!;
    const orders = new Set([1, 2, 3, 4, 5, 6].map((seed) => choiceOrder(multi, seededRng(seed)).join()));
    expect(orders.size).toBeGreaterThan(1);
    for (const q of bank.filter((x) => x.kind === 'truefalse')) {
      const order = choiceOrder(q, seededRng(5));
      expect(q.choices[order[0]!]!.text).toMatch(/^true$/i);
      expect(q.choices[order[1]!]!.text).toMatch(/^false$/i);
    }
  });
});
