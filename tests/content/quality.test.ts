// Quiz tells, over-tested ideas and near-duplicates, per principle. The frozen copy of the
// November 2026 quiz must fail the tells check, so the check is shown to bite.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContentFrom, parseQuiz } from '../../src/content/parse.js';
import { nearDuplicates, quizTells, QUALITY } from '../../src/content/quality.js';
import { PRINCIPLES } from '../../src/core/principles.js';
import { ROOT } from '../helpers/cli.js';

const content = loadContentFrom(join(ROOT, 'content'));
const fixtures = join(ROOT, 'tests', 'content', 'fixtures', 'quiz-2026-11');
const oldQuiz = readdirSync(fixtures).flatMap((n) => parseQuiz(n, readFileSync(join(fixtures, n), 'utf8')));

describe('quiz tells', () => {
  it('finds the tells in the November 2026 quiz (longest answer, False-heavy true/false, three-of-five pick-alls)', () => {
    const problems = quizTells(oldQuiz);
    expect(problems.some((p) => /longest in 28 of 36/.test(p))).toBe(true);
    expect(problems.some((p) => /3 of 11 true\/false answers are True/.test(p))).toBe(true);
    expect(problems.some((p) => /turns on "at any hour"/.test(p))).toBe(true);
    expect(problems.some((p) => /13 of 15 pick-all questions have exactly 3/.test(p))).toBe(true);
  });

  for (const p of PRINCIPLES) {
    it(`${p.id}: no tells, no idea tested over ${QUALITY.maxPerIdea} times`, () => {
      expect(quizTells(content.questions.filter((q) => q.principle === p.id))).toEqual([]);
    });
  }
});

describe('no near-duplicates within a principle', () => {
  it('flags a reworded copy', () => {
    const pairs = nearDuplicates(['When did a quick reply from you hurt a friend in a group chat?', 'When did your quick reply hurt a friend in the group chat?']);
    expect(pairs).toHaveLength(1);
  });

  for (const p of PRINCIPLES) {
    it(`${p.id}: prompts, practices and questions each under ${QUALITY.maxOverlap} word overlap`, () => {
      const lesson = content.lessons.find((l) => l.id === p.id)!;
      const practices = content.practices.filter((x) => x.principle === p.id).map((x) => x.text);
      const questions = content.questions.filter((q) => q.principle === p.id).map((q) => q.prompt);
      expect({ prompts: nearDuplicates(lesson.prompts), practices: nearDuplicates(practices), questions: nearDuplicates(questions) }).toEqual({
        prompts: [],
        practices: [],
        questions: [],
      });
    });
  }
});
