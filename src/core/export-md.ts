// The journal as one CommonMark document: # title, ## year, ### month, #### one per entry.
//
// Whatever the user wrote must not change that structure, so their text never appears raw:
// answers go in blockquotes (they read as prose and wrap in every renderer, unlike code
// fences), escaped by md-escape.ts (the rules are listed there). Prompts are paragraphs.
import type { LocalDate } from './dates.js';
import { MOODS, type Entry } from './entry.js';
import { escapeInline, quote, wrap } from './md-escape.js';
import { principleTitle } from './principles.js';

const WIDTH = 80;
const QUOTE_WIDTH = WIDTH - 4;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export interface MarkdownMeta {
  exportedOn: LocalDate;
  /** A note on what was exported, e.g. the filters; shown under the title. */
  scope?: string;
}

/** User text as blockquote lines (without the "> " prefix), structure-proof. */
export function quoteLines(text: string): string[] {
  return quote(text, QUOTE_WIDTH).split('\n').map((l) => l.slice(2)); // ">" and "> x" alike
}

// Prompts come from a few dozen questions, so each is escaped and wrapped once.
const paragraphs = new Map<string, string>();

/** One-line text (a prompt) as an escaped paragraph. */
function paragraph(text: string): string {
  let done = paragraphs.get(text);
  if (done === undefined) {
    done = wrap(escapeInline(text.replace(/\s+/g, ' ').trim()), WIDTH) || '(no prompt)';
    paragraphs.set(text, done);
  }
  return done;
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const kindLabel = (e: Entry) => (e.kind === 'checkin' ? 'Check-in' : 'Reflection');

export function entryHeading(e: Entry): string {
  return `${e.date} · ${kindLabel(e)} · ${capital(e.principle)}`;
}

function entryBlock(e: Entry, heading: string): string {
  // Our own fields, validated when read: wrapped, but nothing in them needs escaping.
  const mood = e.mood === undefined ? '' : ` Mood ${e.mood}/5 (${MOODS[e.mood]}).`;
  const edited = e.updatedAt ? `, edited ${e.updatedAt.slice(0, 10)}` : '';
  const meta = `${principleTitle(e.principle)}.${mood} Written ${e.createdAt.slice(0, 16).replace('T', ' ')}${edited}. Id ${e.id}.`;
  let out = `#### ${heading}\n\n${wrap(meta, WIDTH)}`;
  for (const a of e.answers) out += `\n\n${paragraph(a.prompt)}\n\n${quote(a.answer, QUOTE_WIDTH)}`;
  if (e.intention !== undefined && e.intention.trim() !== '') {
    out += `\n\n${e.kind === 'checkin' ? 'Intention:' : 'Commitment:'}\n\n${quote(e.intention, QUOTE_WIDTH)}`;
  }
  return out;
}

/**
 * The document, oldest entry first (entries may come in any order), handed to `write` a month
 * at a time: one string of a ten-year journal kept every piece of it alive to the end, and
 * the garbage collector copied them all (issue 7).
 */
export function writeJournalMarkdown(entries: readonly Entry[], meta: MarkdownMeta, write: (chunk: string) => void): void {
  const keyed = entries.map((e) => ({ e, t: Date.parse(e.createdAt) }));
  keyed.sort((a, b) => (a.e.date === b.e.date ? a.t - b.t : a.e.date < b.e.date ? -1 : 1));
  const count = `${keyed.length} ${keyed.length === 1 ? 'entry' : 'entries'}`;
  const intro = [`Exported from harmony on ${meta.exportedOn}: ${count}`];
  if (keyed.length > 0) intro.push(`from ${keyed[0]!.e.date} to ${keyed.at(-1)!.e.date}`);
  const about = escapeInline(`${intro.join(', ')}.${meta.scope ? ` ${meta.scope.replace(/\s+/g, ' ')}` : ''}`);
  let out = `# Harmony journal\n\n${wrap(about, WIDTH)}`;
  let year = '';
  let month = '';
  const seen = new Map<string, number>();
  for (const { e } of keyed) {
    if (e.date.slice(0, 4) !== year) {
      year = e.date.slice(0, 4);
      out += `\n\n## ${year}`;
    }
    if (e.date.slice(0, 7) !== month) {
      write(out);
      month = e.date.slice(0, 7);
      out = `\n\n### ${MONTHS[Number(month.slice(5)) - 1]} ${year}`;
    }
    // Headings must be unique (linters, and anchors in renderers): number repeats.
    const base = entryHeading(e);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    out += `\n\n${entryBlock(e, n === 1 ? base : `${base} (${n})`)}`;
  }
  write(out + '\n');
}

/** The whole document as one string. */
export function journalMarkdown(entries: readonly Entry[], meta: MarkdownMeta): string {
  let text = '';
  writeJournalMarkdown(entries, meta, (chunk) => (text += chunk));
  return text;
}
