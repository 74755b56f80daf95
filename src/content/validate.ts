// The rules content must keep; the build refuses content that breaks them, and so do the tests.
import { PRINCIPLES } from '../core/principles.js';
import { wordCount } from './parse.js';
import { REVIEW_SLOTS, type Content } from './types.js';

// The amounts are for a year of daily use (issue 13): with the principle of the day rotating,
// 36 prompts a principle keep any prompt from coming back within ~80 days, 30 practices within 120.
export const RULES = {
  minPrompts: 36,
  minWords: 500,
  maxWords: 1100,
  minQuestionsPerPrinciple: 25,
  minPracticesPerPrinciple: 30,
  minReviewPromptsPerSlot: 5,
  practiceMinutes: [2, 15] as [number, number],
};

export function contentProblems(content: Content): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const p of PRINCIPLES) {
    const lessons = content.lessons.filter((l) => l.id === p.id);
    if (lessons.length !== 1) problems.push(`principle ${p.id}: expected 1 lesson, found ${lessons.length}`);
  }
  for (const l of content.lessons) {
    const expected = PRINCIPLES.find((p) => p.id === l.id)!;
    if (l.number !== expected.number) problems.push(`lesson ${l.id}: number should be ${expected.number}`);
    if (l.title !== expected.title) problems.push(`lesson ${l.id}: title should be "${expected.title}"`);
    if (l.prompts.length < RULES.minPrompts) problems.push(`lesson ${l.id}: ${l.prompts.length} prompts, need ${RULES.minPrompts}`);
    if (new Set(l.prompts).size !== l.prompts.length) problems.push(`lesson ${l.id}: repeated prompts`);
    const words = wordCount(l.body);
    if (words < RULES.minWords || words > RULES.maxWords) problems.push(`lesson ${l.id}: ${words} words, need ${RULES.minWords}-${RULES.maxWords}`);
    if (l.sections.length < 3) problems.push(`lesson ${l.id}: needs ## sections`);
  }
  for (const q of content.questions) {
    if (seen.has(q.id)) problems.push(`question ${q.id}: id used twice`);
    seen.add(q.id);
    const lesson = content.lessons.find((l) => l.id === q.principle);
    if (lesson && !lesson.sections.includes(q.section)) problems.push(`question ${q.id}: section "${q.section}" is not a heading of lesson ${q.principle}`);
    const correct = q.choices.filter((c) => c.correct).length;
    if (q.kind === 'single' && (correct !== 1 || q.choices.length < 3)) problems.push(`question ${q.id}: single-choice needs 3+ choices and exactly one correct`);
    if (q.kind === 'truefalse' && (q.choices.length !== 2 || correct !== 1 || !q.choices.every((c) => /^(true|false)$/i.test(c.text)))) {
      problems.push(`question ${q.id}: true/false needs the choices True and False, one correct`);
    }
    if (q.kind === 'multi' && (correct < 1 || q.choices.length < 3)) problems.push(`question ${q.id}: multi-select needs 3+ choices and at least one correct`);
  }
  for (const p of PRINCIPLES) {
    const n = content.questions.filter((q) => q.principle === p.id).length;
    if (n < RULES.minQuestionsPerPrinciple) problems.push(`quiz ${p.id}: ${n} questions, need ${RULES.minQuestionsPerPrinciple}`);
  }
  if (!content.safety.startsWith('# ')) problems.push('safety.md: missing, or not starting with a # title');
  return [...problems, ...practiceProblems(content)];
}

/** Practices: unique ids prefixed with their principle, 2-15 minutes, text ending in a clear action. */
function practiceProblems(content: Content): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const x of content.practices) {
    if (ids.has(x.id)) problems.push(`practice ${x.id}: id used twice`);
    ids.add(x.id);
    if (!x.id.startsWith(`${x.principle}-`)) problems.push(`practice ${x.id}: id must start with "${x.principle}-"`);
    if (x.minutes < RULES.practiceMinutes[0] || x.minutes > RULES.practiceMinutes[1]) {
      problems.push(`practice ${x.id}: ${x.minutes} minutes, need ${RULES.practiceMinutes.join('-')}`);
    }
    if (x.why.includes('\n')) problems.push(`practice ${x.id}: why must be one line`);
  }
  for (const p of PRINCIPLES) {
    const n = content.practices.filter((x) => x.principle === p.id).length;
    if (n < RULES.minPracticesPerPrinciple) problems.push(`practices ${p.id}: ${n}, need ${RULES.minPracticesPerPrinciple}`);
  }
  for (const slot of REVIEW_SLOTS) {
    const n = content.reviewPrompts.filter((r) => r.slot === slot).length;
    if (n < RULES.minReviewPromptsPerSlot) problems.push(`review prompts (${slot}): ${n}, need ${RULES.minReviewPromptsPerSlot}`);
  }
  const reviewIds = new Set<string>();
  for (const r of content.reviewPrompts) {
    if (reviewIds.has(r.id)) problems.push(`review prompt ${r.id}: id used twice`);
    reviewIds.add(r.id);
  }
  return problems;
}
