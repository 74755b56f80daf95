// retext-profanities and retext-equality walk every word of the tree they get, which for a
// 1 MB paste took seconds. They only ever report a sentence holding one of their words, so
// each gets a tree of just those sentences (same nodes, same offsets): a cheap word test
// first, the plugin's own matching after.
import type { Root, Sentence } from 'nlcst';
import { cuss } from 'cuss';

let cussWords: Set<string> | undefined;

/** First words of every cuss phrase (how nlcst-search picks candidates: lower case, no
 * apostrophes or dashes). */
export function profaneWords(): Set<string> {
  return (cussWords ??= new Set(Object.keys(cuss).map((p) => p.split(' ')[0]!.toLowerCase().replace(/['\u2019-]/g, ''))));
}

const tokens = (text: string) => text.toLowerCase().replace(/['\u2019-]/g, '').match(/[a-z0-9]+/g) ?? [];

function mentions(text: string, words: Set<string>): boolean {
  for (const t of tokens(text)) {
    if (words.has(t)) return true;
    // Plurals and other forms the plugins add (pluralize): bitches, retards.
    const base = t.replace(/(?:es|s|ed|ing)$/, '');
    if (base !== t && words.has(base)) return true;
  }
  return false;
}

/** The first words of nlcst-search phrases. */
export const firstWords = (phrases: string[]) => new Set(phrases.map((p) => p.split(' ')[0]!));

export function sentencesWith(sentences: { node?: Sentence; text: string }[], words: Set<string>): Root {
  const picked = sentences.filter((s) => s.node && mentions(s.text, words)).map((s) => s.node!);
  return { type: 'RootNode', children: picked.length ? [{ type: 'ParagraphNode', children: picked }] : [] };
}
