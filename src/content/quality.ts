// Measures of content quality that a count cannot show: quiz tells (the answer can be guessed
// from its shape), ideas tested too often, and near-duplicate items. Used by the content tests,
// which run them on the real content and on a frozen copy of the November 2026 quiz (which
// must fail them), so a check that cannot fail is itself caught.
import type { Question } from './types.js';

export const QUALITY = {
  /** The correct choice may be the longest in at most this share of single-answer questions. */
  maxLongestCorrect: 0.4,
  /** True/false answers: the share that is True must lie in this range. */
  trueShare: [0.4, 0.6] as [number, number],
  /** Each idea (the question's `idea` tag) is tested at most this often per principle. */
  maxPerIdea: 3,
  /** At least this share of each principle's questions are pick-all-that-apply. */
  minMultiShare: 0.25,
  /**
   * Two items of one principle are near-duplicates when their content-word sets overlap by more
   * than this (Jaccard: shared words / all words, stop words removed, light stemming). In the
   * 2026-11 content the highest pairs scored ~0.27 and shared only a channel or a verb; a
   * reworded copy of one item scores well over 0.35. A word measure cannot see a paraphrase, so
   * the content is also read pair by pair (closing notes of issues 13 and 20).
   */
  maxOverlap: 0.35,
};

/** Words that make a true/false statement guessable when it turns on them. */
export const ABSOLUTE_WORDS = /\b(always|never|at any hour|every|everyone|everything|all the time|nobody|no one ever|only ever|must always|completely|totally|certainly|guaranteed|impossible)\b/i;

const length = (s: string) => s.trim().length;

export function quizTells(questions: readonly Question[]): string[] {
  const problems: string[] = [];
  const singles = questions.filter((q) => q.kind === 'single');
  const longest = singles.filter((q) => {
    const correct = q.choices.find((c) => c.correct)!;
    return q.choices.every((c) => c === correct || length(c.text) < length(correct.text));
  });
  if (singles.length > 0 && longest.length / singles.length > QUALITY.maxLongestCorrect) {
    problems.push(`the correct choice is the longest in ${longest.length} of ${singles.length} single-answer questions (at most ${pct(QUALITY.maxLongestCorrect)})`);
  }
  const tfs = questions.filter((q) => q.kind === 'truefalse');
  const trues = tfs.filter((q) => q.choices.some((c) => c.correct && /^true$/i.test(c.text))).length;
  if (tfs.length > 0) {
    const share = trues / tfs.length;
    if (share < QUALITY.trueShare[0] || share > QUALITY.trueShare[1]) {
      problems.push(`${trues} of ${tfs.length} true/false answers are True (need ${pct(QUALITY.trueShare[0])}-${pct(QUALITY.trueShare[1])})`);
    }
  }
  for (const q of tfs) {
    const m = ABSOLUTE_WORDS.exec(q.prompt);
    if (m) problems.push(`true/false ${q.id} turns on "${m[0]}"`);
  }
  const multis = questions.filter((q) => q.kind === 'multi');
  const counts = new Map<number, number>();
  let one = 0;
  let allButOne = 0;
  for (const q of multis) {
    const n = q.choices.filter((c) => c.correct).length;
    counts.set(n, (counts.get(n) ?? 0) + 1);
    if (n === 1) one++;
    if (n === q.choices.length - 1) allButOne++;
  }
  if (multis.length >= 4) {
    const [top, topCount] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]!;
    if (topCount / multis.length > 0.5) problems.push(`${topCount} of ${multis.length} pick-all questions have exactly ${top} correct choices (at most half may share a count)`);
    if (one === 0) problems.push('no pick-all question has exactly one correct choice');
    if (allButOne === 0) problems.push('no pick-all question has all but one choice correct');
  }
  const byPrinciple = new Map<string, Question[]>();
  for (const q of questions) byPrinciple.set(q.principle, [...(byPrinciple.get(q.principle) ?? []), q]);
  for (const [principle, qs] of byPrinciple) {
    const ideas = new Map<string, number>();
    for (const q of qs) {
      if (!q.idea) problems.push(`question ${q.id} has no idea tag`);
      else ideas.set(q.idea, (ideas.get(q.idea) ?? 0) + 1);
    }
    for (const [idea, n] of ideas) if (n > QUALITY.maxPerIdea) problems.push(`${principle}: idea "${idea}" is tested ${n} times (at most ${QUALITY.maxPerIdea})`);
    const multiShare = qs.filter((q) => q.kind === 'multi').length / qs.length;
    if (multiShare < QUALITY.minMultiShare) problems.push(`${principle}: ${pct(multiShare)} of questions are pick-all (at least ${pct(QUALITY.minMultiShare)})`);
  }
  return problems;
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

const STOP = new Set(
  ('a an the and or but if then so of to in on at by for with from about into over after before up out as is are was were be been ' +
    'being am do does did doing have has had having i me my mine you your yours we our us they them their he she him her his it its ' +
    'this that these those there here what which who whom whose when where why how than too very can could would should will shall may ' +
    'might must just not no nor only own same some such any each few more most other all both one today week last time someone something ' +
    'did didnt dont youre its select apply following').split(' '),
);

/** Lower-case content words, with a light stem so "replies"/"reply"/"replied" count as one. */
export function contentWords(text: string): Set<string> {
  const words = text.toLowerCase().replace(/[’']/g, '').match(/[a-z0-9]+/g) ?? [];
  return new Set(words.filter((w) => !STOP.has(w) && w.length > 2).map(stem));
}

function stem(w: string): string {
  for (const suffix of ['ing', 'ied', 'ies', 'ed', 'es', 's', 'ly']) {
    if (w.length > suffix.length + 3 && w.endsWith(suffix)) return w.slice(0, -suffix.length) + (suffix === 'ied' || suffix === 'ies' ? 'y' : '');
  }
  return w;
}

export function overlap(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  const all = a.size + b.size - shared;
  return all === 0 ? 1 : shared / all;
}

export interface Pair {
  a: string;
  b: string;
  score: number;
}

/** Every pair of texts over the threshold, worst first. */
export function nearDuplicates(texts: readonly string[], threshold = QUALITY.maxOverlap): Pair[] {
  const sets = texts.map(contentWords);
  const pairs: Pair[] = [];
  for (let i = 0; i < texts.length; i++) {
    for (let j = i + 1; j < texts.length; j++) {
      const score = overlap(sets[i]!, sets[j]!);
      if (score > threshold) pairs.push({ a: texts[i]!, b: texts[j]!, score });
    }
  }
  return pairs.sort((x, y) => y.score - x.score);
}
