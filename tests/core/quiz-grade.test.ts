// Answers as letters and grading, including multi-select and true/false.
import { describe, expect, it } from 'vitest';
import type { Question } from '../../src/content/types.js';
import { UsageError } from '../../src/errors.js';
import { grade, letter, parseAnswer, splitAnswers } from '../../src/core/quiz-grade.js';
import type { AskedQuestion } from '../../src/core/quiz-select.js';

const choice = (text: string, correct: boolean) => ({ text, correct, why: `why ${text}` });
const asked = (kind: Question['kind'], choices: ReturnType<typeof choice>[], order: number[]): AskedQuestion => ({
  question: { id: `q-${kind}`, principle: 'communication', kind, section: 'S', prompt: 'P', choices, explanation: 'E' },
  reason: 'new',
  order,
});

// Shown as a) C  b) A  c) B  d) D  (content order A B C D); right: A and C.
const multi = asked('multi', [choice('A', true), choice('B', false), choice('C', true), choice('D', false)], [2, 0, 1, 3]);
// Shown as a) Y  b) Z  c) X; right: Y.
const single = asked('single', [choice('X', false), choice('Y', true), choice('Z', false)], [1, 2, 0]);
const tf = asked('truefalse', [choice('True', false), choice('False', true)], [0, 1]);

describe('splitAnswers', () => {
  it('splits on commas, trims and lowercases', () => {
    expect(splitAnswers('b, A ,ac,T')).toEqual(['b', 'a', 'ac', 't']);
  });
  it('refuses an empty answer, naming its position', () => {
    expect(() => splitAnswers('a,,b')).toThrow(/answer 2 is empty/);
    expect(() => splitAnswers('')).toThrow(UsageError);
  });
});

describe('parseAnswer', () => {
  it('reads letters as shown positions; multi-select takes several, in any order, once each', () => {
    expect(parseAnswer('c', single, 1)).toEqual([2]);
    expect(parseAnswer('ca', multi, 2)).toEqual([0, 2]);
    expect(parseAnswer('aab', multi, 2)).toEqual([0, 1]);
  });
  it('takes true/false as a/b, t/f or the words', () => {
    for (const t of ['a', 't', 'true']) expect(parseAnswer(t, tf, 3)).toEqual([0]);
    for (const f of ['b', 'f', 'false']) expect(parseAnswer(f, tf, 3)).toEqual([1]);
    expect(() => parseAnswer('c', tf, 3)).toThrow(/question 3 is true\/false/);
  });
  it('refuses letters beyond the choices, several letters for one-choice questions, and symbols', () => {
    expect(() => parseAnswer('d', single, 4)).toThrow(/answer 4 \("d"\): question 4 has choices a-c/);
    expect(() => parseAnswer('ab', single, 1)).toThrow(/takes one letter/);
    expect(() => parseAnswer('e', multi, 1)).toThrow(/choices a-d/);
    expect(() => parseAnswer('1', single, 1)).toThrow(UsageError);
  });
});

describe('grade', () => {
  it('is right only with exactly the right choices; reports wrong picks and misses by shown position', () => {
    const right = grade(multi, [1, 0]); // a=C, b=A
    expect(right).toMatchObject({ correct: true, given: 'ab', answer: 'ab', wrongPicks: [], missed: [], chosen: [0, 2] });
    const partial = grade(multi, [0]);
    expect(partial).toMatchObject({ correct: false, given: 'a', answer: 'ab', wrongPicks: [], missed: [1] });
    const extra = grade(multi, [0, 1, 3]);
    expect(extra).toMatchObject({ correct: false, wrongPicks: [3], missed: [] });
    expect(extra.chosen).toEqual([0, 2, 3]);
  });
  it('grades single choice and true/false, recording content indexes', () => {
    expect(grade(single, [0])).toMatchObject({ correct: true, chosen: [1], answer: 'a' });
    expect(grade(single, [2])).toMatchObject({ correct: false, chosen: [0], wrongPicks: [2], missed: [0] });
    expect(grade(tf, [1]).correct).toBe(true);
    expect(grade(tf, [0])).toMatchObject({ correct: false, given: 'a', answer: 'b' });
  });
  it('names letters a, b, c…', () => {
    expect([0, 1, 4].map(letter)).toEqual(['a', 'b', 'e']);
  });
});
