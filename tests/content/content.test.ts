import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContentFrom, parseLesson } from '../../src/content/parse.js';
import { contentProblems, RULES } from '../../src/content/validate.js';
import { PRINCIPLES } from '../../src/core/principles.js';
import { ROOT } from '../helpers/cli.js';

const content = loadContentFrom(join(ROOT, 'content'));

describe('content', () => {
  it('keeps every rule: five lessons, ids and titles, prompts, length, quiz shape', () => {
    expect(contentProblems(content)).toEqual([]);
  });

  it('has one lesson per principle, in order, each with its prompts', () => {
    expect(content.lessons.map((l) => l.id)).toEqual(PRINCIPLES.map((p) => p.id));
    for (const l of content.lessons) expect(l.prompts.length).toBeGreaterThanOrEqual(RULES.minPrompts);
  });

  it('catches a broken edit (a lesson missing its prompts, a duplicate id)', () => {
    const broken = structuredClone(content);
    broken.lessons[0]!.prompts = ['only one?'];
    broken.questions[1]!.id = broken.questions[0]!.id;
    const problems = contentProblems(broken);
    expect(problems.some((p) => p.includes('prompts'))).toBe(true);
    expect(problems.some((p) => p.includes('id used twice'))).toBe(true);
  });

  it('rejects a lesson without front matter or with an unknown id', () => {
    expect(() => parseLesson('x.md', '# no front matter')).toThrow(/front matter/);
    expect(() => parseLesson('x.md', '---\nid: nope\n---\n# T')).toThrow(/id must be one of/);
  });

  // The originality checker is the team's, beside the checkout (../shared); a clone elsewhere has none.
  const checker = join(ROOT, '..', 'shared', 'tools', 'check-originality.mjs');
  if (!existsSync(checker)) console.log(`content: originality check skipped: no checker at ${checker} (it lives beside the team's checkouts)`);
  it.runIf(existsSync(checker))('is written in our own words (check-originality reports 0)', () => {
    const out = execFileSync(process.execPath, [checker, join(ROOT, 'content')], { encoding: 'utf8' });
    expect(out).toMatch(/^0 copied run\(s\)/m);
  });
});
