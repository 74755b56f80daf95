// `people remove NAME --forget`: the name goes from people.json and from the words of every
// entry, pure. Entries keep the person's id (they then say "someone you removed").
// Only what the user wrote is searched (answers, notes, titles, tags, intentions and any
// later free-text field); prompts are harmony's own words, ids and dates are not names.
// The name is matched as saved (case and all) as a whole word, and after an @ in any case:
// matching "will" for a person called Will would rewrite half a diary.
import type { Entry } from './entry.js';
import { REMOVED_LABEL, type Person } from './people.js';

const NOT_TEXT = new Set(['id', 'kind', 'date', 'createdAt', 'updatedAt', 'principle', 'with', 'how', 'source', 'prompt', 'entryId', 'done', 'week', 'prior', 'deletedAt']);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The words to take out for `person`, longest first (so "Ana Silva" goes before "Ana"). */
export function forgetWords(person: Person): string[] {
  return [...new Set([person.name ?? '', ...person.aliases].map((w) => w.trim()).filter(Boolean))].sort((a, b) => b.length - a.length);
}

export function forgetPattern(words: readonly string[]): { bare: RegExp; at: RegExp } | null {
  if (words.length === 0) return null;
  const alt = words.map(escape).join('|');
  const edge = '(?![\\p{L}\\p{N}_])';
  return { at: new RegExp(`@(?:${alt})${edge}`, 'giu'), bare: new RegExp(`(?<![\\p{L}\\p{N}_])(?:${alt})${edge}`, 'gu') };
}

/** Text with the words taken out (also used on whole files set aside by sync). */
export const forgetText = (text: string, p: { bare: RegExp; at: RegExp }): string => text.replace(p.at, REMOVED_LABEL).replace(p.bare, REMOVED_LABEL);

function scrub(value: unknown, p: { bare: RegExp; at: RegExp }): unknown {
  if (typeof value === 'string') return forgetText(value, p);
  if (Array.isArray(value)) return value.map((v) => scrub(v, p));
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = NOT_TEXT.has(k) ? v : scrub(v, p);
    return out;
  }
  return value;
}

/** The entry without the words, or null when it did not contain them. */
export function forgetIn(entry: Entry, p: { bare: RegExp; at: RegExp }): Entry | null {
  const next = scrub(entry, p) as Entry;
  return JSON.stringify(next) === JSON.stringify(entry) ? null : next;
}

/** The tombstone left in people.json: the id (entries and a sync need it), no name. */
export function forgotten(person: Person, at: string): Person {
  return { id: person.id, aliases: [], addedOn: person.addedOn, createdAt: person.createdAt, updatedAt: at, removed: person.removed ?? at, forgotten: true };
}
