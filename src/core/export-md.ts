// The journal as one CommonMark document: # title, ## year, ### month, #### one per entry.
//
// Whatever the user wrote must not change that structure, so their text never appears raw:
// answers go in blockquotes (they read as prose and wrap in every renderer, unlike code
// fences), escaped by md-escape.ts (the rules are listed there). Prompts are paragraphs.
import type { LocalDate } from './dates.js';
import { KIND_LABELS, MOODS, type Entry } from './entry.js';
import { entryParts } from './entry-parts.js';
import { escapeInline, quote, wrap } from './md-escape.js';
import { principleTitle } from './principles.js';

const WIDTH = 80;
const QUOTE_WIDTH = WIDTH - 4;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export interface MarkdownMeta {
  exportedOn: LocalDate;
  /** A note on what was exported, e.g. the filters; shown under the title. */
  scope?: string;
  /** "With Ana (call)" for an entry naming people (names in full, escaped here), or null. */
  withText?: (e: Entry) => string | null;
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
export function entryHeading(e: Entry): string {
  return `${e.date} · ${KIND_LABELS[e.kind]}${e.principle ? ` · ${capital(e.principle)}` : ''}`;
}

function entryBlock(e: Entry, heading: string, withText: (e: Entry) => string | null): string {
  const who = withText(e);
  // Our own fields, validated when read: wrapped, but nothing in them needs escaping.
  const mood = e.mood === undefined ? '' : ` Mood ${e.mood}/5 (${MOODS[e.mood]}).`;
  const edited = e.updatedAt ? `, edited ${e.updatedAt.slice(0, 10)}` : '';
  const focus = e.kind === 'review' ? `Week ${e.week ?? '?'}; focus for the next: ` : '';
  const about = e.principle ? `${focus}${principleTitle(e.principle)}.` : '';
  const star = e.starred ? ' Starred.' : '';
  const meta = `${about}${mood}${star} Written ${e.createdAt.slice(0, 16).replace('T', ' ')}${edited}. Id ${e.id}.`.trim();
  let out = `#### ${heading}\n\n${wrap(meta, WIDTH)}`;
  if (who) out += `\n\n${wrap(escapeInline(who.replace(/\s+/g, ' ').trim()), WIDTH)}`;
  if (e.tags && e.tags.length > 0) out += `\n\n${paragraph(`Tags: ${e.tags.join(', ')}`)}`;
  if (e.title !== undefined && e.text !== undefined && !e.text.startsWith(e.title)) out += `\n\n${paragraph(e.title)}`;
  if (e.text !== undefined) out += `\n\n${quote(e.text, QUOTE_WIDTH)}`;
  for (const a of e.answers) out += `\n\n${paragraph(a.prompt)}\n\n${quote(a.answer, QUOTE_WIDTH)}`;
  if (e.intention !== undefined && e.intention.trim() !== '') {
    out += `\n\n${e.kind === 'checkin' ? 'Intention:' : 'Commitment:'}\n\n${quote(e.intention, QUOTE_WIDTH)}`;
  }
  for (const part of entryParts(e)) {
    out += `\n\n${part.label}:\n\n${quote(part.text, QUOTE_WIDTH)}`;
    if (part.note) out += `\n\n${quote(part.note, QUOTE_WIDTH)}`;
  }
  // Versions sync kept when two machines changed the entry at once (issue 17): exported too.
  for (const other of e.conflicts ?? []) out += `\n\n${entryBlock(other as Entry, `${heading} (the version from another machine, not yet resolved)`, withText)}`;
  return out;
}

interface Keyed {
  e: Entry;
  t: number;
}
const byTime = (a: Keyed, b: Keyed) => (a.e.date === b.e.date ? a.t - b.t : a.e.date < b.e.date ? -1 : 1);

/** Oldest first: by day, then by the instant written (a stable sort: exact ties keep their order). */
function sorted(entries: readonly Entry[]): Keyed[] {
  return entries.map((e) => ({ e, t: Date.parse(e.createdAt) })).sort(byTime);
}

/**
 * The document built a part at a time: the entries (`addMonth` once per month file, oldest
 * first, or `addAll`), then the title and intro, which say how many there were (`head`). The
 * document is head() + each part + "\n". Parts let export read, render and drop one month at
 * a time instead of holding every entry of a ten-year journal (issue 7).
 */
export class MarkdownJournal {
  private count = 0;
  private first = '';
  private last: Keyed | undefined;
  private year = '';
  private month = '';
  private readonly seen = new Map<string, number>();

  constructor(private readonly meta: MarkdownMeta) {}

  /**
   * The next entries (e.g. one month file's; any order among themselves) as the next part.
   * Null when one of them belongs before an entry already added, or has a time Date.parse
   * cannot read: then only sorting all entries at once (journalMarkdown) gives the document.
   */
  addMonth(entries: readonly Entry[]): string | null {
    const keyed = sorted(entries);
    if (keyed.some((k) => Number.isNaN(k.t))) return null;
    if (keyed.length > 0 && this.last && byTime(this.last, keyed[0]!) > 0) return null;
    return this.render(keyed);
  }

  /** All the entries (any order) as one part. */
  addAll(entries: readonly Entry[]): string {
    return this.render(sorted(entries));
  }

  private render(keyed: readonly Keyed[]): string {
    let out = '';
    for (const k of keyed) {
      const e = k.e;
      if (this.count++ === 0) this.first = e.date;
      this.last = k;
      if (e.date.slice(0, 4) !== this.year) {
        this.year = e.date.slice(0, 4);
        out += `\n\n## ${this.year}`;
      }
      if (e.date.slice(0, 7) !== this.month) {
        this.month = e.date.slice(0, 7);
        out += `\n\n### ${MONTHS[Number(this.month.slice(5)) - 1]} ${this.year}`;
      }
      // Headings must be unique (linters, and anchors in renderers): number repeats.
      const base = entryHeading(e);
      const n = (this.seen.get(base) ?? 0) + 1;
      this.seen.set(base, n);
      out += `\n\n${entryBlock(e, n === 1 ? base : `${base} (${n})`, (x) => this.meta.withText?.(x) ?? null)}`;
    }
    return out;
  }

  /** The title and the intro (how many entries, from when to when, the scope). */
  head(): string {
    const intro = [`Exported from harmony on ${this.meta.exportedOn}: ${this.count} ${this.count === 1 ? 'entry' : 'entries'}`];
    if (this.last) intro.push(`from ${this.first} to ${this.last.e.date}`);
    const scope = this.meta.scope ? ` ${this.meta.scope.replace(/\s+/g, ' ')}` : '';
    return `# Harmony journal\n\n${wrap(escapeInline(`${intro.join(', ')}.${scope}`), WIDTH)}`;
  }
}

/** The document, oldest entry first (entries may come in any order). */
export function journalMarkdown(entries: readonly Entry[], meta: MarkdownMeta): string {
  const doc = new MarkdownJournal(meta);
  const body = doc.addAll(entries);
  return `${doc.head()}${body}\n`;
}
