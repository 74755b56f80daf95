// Answers as letters (`--answers b,a,c`, multi-select `ac`, true/false `a`/`b` or `t`/`f`)
// and grading: right only when exactly the correct choices were picked.
import { UsageError } from '../errors.js';
import type { AskedQuestion } from './quiz-select.js';

const LETTERS = 'abcdefghij';

export function letter(position: number): string {
  return LETTERS[position] ?? '?';
}

/** Splits `--answers` into one token per question; nothing is checked against questions yet. */
export function splitAnswers(text: string): string[] {
  const tokens = text.split(',').map((t) => t.trim().toLowerCase());
  const empty = tokens.findIndex((t) => t === '');
  if (empty >= 0) throw new UsageError(`--answers: answer ${empty + 1} is empty; give one letter (or letters) per question, like b,a,ac.`);
  return tokens;
}

/** Turns one answer token into display positions (0 = a) for this question, or explains why not. */
export function parseAnswer(token: string, asked: AskedQuestion, number: number): number[] {
  const { question } = asked;
  const n = question.choices.length;
  const last = letter(n - 1);
  const where = `--answers: answer ${number} ("${token}")`;
  if (question.kind === 'truefalse') {
    if (['a', 't', 'true'].includes(token)) return [0];
    if (['b', 'f', 'false'].includes(token)) return [1];
    throw new UsageError(`${where}: question ${number} is true/false; answer a or t (True), b or f (False).`);
  }
  if (!/^[a-z]+$/.test(token)) throw new UsageError(`${where}: use the letters a-${last}.`);
  const positions = [...new Set([...token].map((ch) => LETTERS.indexOf(ch)))];
  if (positions.some((p) => p < 0 || p >= n)) throw new UsageError(`${where}: question ${number} has choices a-${last}.`);
  if (question.kind === 'single' && positions.length !== 1) {
    throw new UsageError(`${where}: question ${number} takes one letter (a-${last}).`);
  }
  return positions.sort((a, b) => a - b);
}

export interface Graded {
  correct: boolean;
  /** Choices picked, as indexes in content order (what the review log keeps). */
  chosen: number[];
  /** Letters as shown: what was picked and what was right. */
  given: string;
  answer: string;
  /** Display positions picked but wrong, and right but not picked (multi-select). */
  wrongPicks: number[];
  missed: number[];
}

/** Grades picks given as display positions. */
export function grade(asked: AskedQuestion, positions: number[]): Graded {
  const { question, order } = asked;
  const picked = [...new Set(positions)].sort((a, b) => a - b);
  const isRight = (p: number) => question.choices[order[p]!]!.correct;
  const correctPositions = order.map((_, p) => p).filter(isRight);
  const wrongPicks = picked.filter((p) => !isRight(p));
  const missed = correctPositions.filter((p) => !picked.includes(p));
  return {
    correct: wrongPicks.length === 0 && missed.length === 0,
    chosen: picked.map((p) => order[p]!).sort((a, b) => a - b),
    given: picked.map(letter).join(''),
    answer: correctPositions.map(letter).join(''),
    wrongPicks,
    missed,
  };
}
