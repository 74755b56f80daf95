// Enough content for a year of daily use (issue 13), enforced at build too (validate.ts).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContentFrom } from '../../src/content/parse.js';
import { contentProblems, RULES } from '../../src/content/validate.js';
import { PRINCIPLES } from '../../src/core/principles.js';
import { ROOT } from '../helpers/cli.js';

const content = loadContentFrom(join(ROOT, 'content'));

describe('content for a year', () => {
  for (const p of PRINCIPLES) {
    it(`${p.id}: >= ${RULES.minPrompts} prompts, >= ${RULES.minPracticesPerPrinciple} practices, >= ${RULES.minQuestionsPerPrinciple} questions, every choice with its why`, () => {
      const lesson = content.lessons.find((l) => l.id === p.id)!;
      expect(lesson.prompts.length).toBeGreaterThanOrEqual(RULES.minPrompts);
      expect(content.practices.filter((x) => x.principle === p.id).length).toBeGreaterThanOrEqual(RULES.minPracticesPerPrinciple);
      const questions = content.questions.filter((q) => q.principle === p.id);
      expect(questions.length).toBeGreaterThanOrEqual(RULES.minQuestionsPerPrinciple);
      for (const q of questions) for (const c of q.choices) expect(c.why.length, `${q.id}: a why for "${c.text}"`).toBeGreaterThan(10);
    });
  }

  it('>= 15 weekly review prompts, some for each of the three questions', () => {
    expect(content.reviewPrompts.length).toBeGreaterThanOrEqual(15);
  });

  it('the build refuses a bank cut below the amounts', () => {
    const cut = structuredClone(content);
    cut.practices = cut.practices.filter((x) => x.principle !== 'trust').concat(cut.practices.filter((x) => x.principle === 'trust').slice(0, 3));
    cut.reviewPrompts = cut.reviewPrompts.filter((r) => r.slot !== 'focus');
    const problems = contentProblems(cut);
    expect(problems).toContain(`practices trust: 3, need ${RULES.minPracticesPerPrinciple}`);
    expect(problems.some((x) => x.startsWith('review prompts (focus): 0'))).toBe(true);
  });
});
