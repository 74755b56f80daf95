// Our rules are retext plugins: each is attached with the draft and, when unified runs the
// tree, reports what it finds as vfile messages (draft.ts flag()).
import type { Root } from 'nlcst';
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import { flag, pointer, type Draft, type Flag } from '../draft.js';

export type Emit = (f: Flag) => void;
export type RuleBody = (draft: Draft, emit: Emit, tree: Root) => void;

export function harmonyRule(body: RuleBody): Plugin<[Draft], Root> {
  return function (draft: Draft) {
    const point = pointer(draft.masked);
    return (tree: Root, file: VFile) => body(draft, (f) => flag(file, point, f, draft.masked), tree);
  };
}

// Shared pieces of the patterns below (sentences are masked: straight apostrophes only).
export const YOU_ARE = String.raw`(?:you'?re|you are|you were|ur|u r|you'?ve been|you have been)`;

/** The text before `index` in the same clause (back to , ; : or the sentence start). */
export function clauseBefore(text: string, index: number): string {
  const before = text.slice(0, index);
  const cut = Math.max(before.lastIndexOf(','), before.lastIndexOf(';'), before.lastIndexOf(':'), before.lastIndexOf(' but '));
  return before.slice(cut + 1);
}

/** The text from `index` to the end of its clause. */
export function clauseAfter(text: string, index: number): string {
  const rest = text.slice(index);
  const m = /[,;:.!?]| but | though | although | and (?:honestly|also|then|now|it's|its|i)\b/.exec(rest.slice(1));
  return m ? rest.slice(0, m.index + 1) : rest;
}

/** "I don't think you're lazy", "nobody said you were selfish": the claim is denied. */
export function negatedBefore(text: string, index: number): boolean {
  return /\b(?:not|n't|never|no one|nobody|didn't|don't|isn't|wasn't|won't)\b[^.!?]{0,30}$/i.test(clauseBefore(text, index));
}
