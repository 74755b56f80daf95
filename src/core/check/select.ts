// retext-profanities and retext-equality walk every word of the tree they get, which for a
// 1 MB paste took seconds. They only ever report a sentence holding one of their words, so
// each gets a tree of just those sentences (same nodes, same offsets): a cheap word test
// first, the plugin's own matching after.
import type { Root, Sentence } from 'nlcst';
import { cuss } from './libs.js';

type Index = Map<string, string[][]>;

/** Phrases by first word, as nlcst-search compares words: lower case, no apostrophes or dashes. */
export function phraseIndex(phrases: Iterable<string>): Index {
  const index: Index = new Map();
  for (const p of phrases) {
    const words = p.toLowerCase().replace(/['\u2019-]/g, '').split(' ').filter(Boolean);
    if (words.length) (index.get(words[0]!) ?? index.set(words[0]!, []).get(words[0]!)!).push(words);
  }
  return index;
}

let cussIndex: Index | undefined;
export const profaneIndex = () => (cussIndex ??= phraseIndex(Object.keys(cuss)));

const tokens = (text: string) => text.toLowerCase().replace(/['\u2019-]/g, '').match(/[a-z0-9]+/g) ?? [];

/** Whether the text holds every word of some phrase (a cheap superset of what the plugin finds). */
function mentions(text: string, index: Index): boolean {
  const words = tokens(text);
  const set = new Set(words);
  for (const t of words) {
    // Plurals and other forms the plugins add (pluralize): bitches, retards.
    const base = t.replace(/(?:es|s|ed|ing)$/, '');
    for (const key of base === t ? [t] : [t, base]) {
      for (const phrase of index.get(key) ?? []) if (phrase.every((w, i) => i === 0 || set.has(w) || set.has(`${w}s`))) return true;
    }
  }
  return false;
}

export function sentencesWith(sentences: { node?: Sentence; text: string }[], index: Index): Root {
  const picked = sentences.filter((s) => s.node && mentions(s.text, index)).map((s) => s.node!);
  return { type: 'RootNode', children: picked.length ? [{ type: 'ParagraphNode', children: picked }] : [] };
}
