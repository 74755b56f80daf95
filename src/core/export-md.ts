// The journal as one CommonMark document: # title, ## year, ### month, #### one per entry.
//
// Whatever the user wrote must not change that structure, so their text never appears raw.
// Answers go in blockquotes (they read as prose and wrap in every renderer, unlike code
// fences) and are escaped so that nothing in them can start a construct:
// - everywhere: \ ` * _ [ ] < > # | ~ & (code, emphasis, links, HTML, entities, tables),
//   and the : of "://", the . of "www." and @ (bare URLs and e-mails would become links);
// - at the start of every output line: - + = and "1." / "1)" (lists, setext underlines);
// - leading spaces become no-break spaces (four spaces would start a code block), tabs
//   become spaces, control characters become visible pictures (safeText);
// - the user's line breaks become hard breaks (a trailing backslash) and long lines are
//   wrapped at spaces (soft breaks, which render as spaces), so the file stays within 80
//   columns for linters and plain-text readers.
// Everything else (. , : ' " ( ) ! etc.) is left alone so the file also reads well as text.
import { safeText } from '../ui/safe.js';
import type { LocalDate } from './dates.js';
import { MOODS, type Entry } from './entry.js';
import { principleTitle } from './principles.js';

const WIDTH = 80;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export interface MarkdownMeta {
  exportedOn: LocalDate;
  /** A note on what was exported, e.g. the filters; shown under the title. */
  scope?: string;
}

const INLINE = /[\\`*_[\]<>#|~&]/g;
const NBSP = '\u00a0';

/** Escapes one line of user text for use inside a paragraph (no line-start handling). */
export function escapeInline(line: string): string {
  const text = safeText(line).replace(/\t/g, '    ').replace(/\s+$/u, '');
  const lead = /^ */.exec(text)![0].length;
  const escaped = text.slice(lead).replace(INLINE, '\\$&');
  // Bare URLs and e-mail addresses would become links (GFM autolinks): keep them as text.
  return NBSP.repeat(lead) + escaped.replace(/:\/\//g, '\\://').replace(/\b(www)\./gi, '$1\\.').replace(/@/g, '\\@');
}

/** Escapes what only matters at the start of a line. */
function escapeLineStart(line: string): string {
  const list = /^(\d{1,9})([.)])/.exec(line);
  if (list) return `${list[1]}\\${list[2]}${line.slice(list[0].length)}`;
  return /^[-+=]/.test(line) ? `\\${line}` : line;
}

/** Splits at spaces so each piece fits in `width` (a longer word stays whole). */
function wrap(line: string, width: number): string[] {
  const out: string[] = [];
  let rest = line;
  // UTF-16 length >= characters, so a cut at index `width` never exceeds `width` characters.
  while (rest.length > width) {
    const cut = rest.lastIndexOf(' ', width);
    const at = cut > 0 ? cut : rest.indexOf(' ', width);
    if (at <= 0) break;
    out.push(rest.slice(0, at).replace(/ +$/, ''));
    rest = rest.slice(at).replace(/^ +/, '');
  }
  out.push(rest);
  return out;
}

/** User text as blockquote lines (without the "> " prefix), structure-proof. */
export function quoteLines(text: string): string[] {
  const source = text.replace(/\r\n?/g, '\n').split('\n').map(escapeInline);
  while (source.length > 0 && source[0] === '') source.shift();
  while (source.length > 0 && source.at(-1) === '') source.pop();
  if (source.length === 0) return ['(no answer)'];
  const out: string[] = [];
  source.forEach((line, i) => {
    if (line === '') {
      if (out.at(-1) !== '') out.push('');
      return;
    }
    const pieces = wrap(line, WIDTH - 4).map(escapeLineStart);
    const next = source[i + 1];
    // A hard break keeps the user's line break, except before a blank line or at the end,
    // where a trailing backslash would show as a literal one.
    if (next !== undefined && next !== '') pieces[pieces.length - 1] += '\\';
    out.push(...pieces);
  });
  return out;
}

function quote(text: string): string {
  return quoteLines(text)
    .map((l) => (l === '' ? '>' : `> ${l}`))
    .join('\n');
}

/** One-line text (a prompt) as an escaped paragraph. */
function paragraph(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return wrap(escapeInline(flat), WIDTH).map(escapeLineStart).join('\n') || '(no prompt)';
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const kindLabel = (e: Entry) => (e.kind === 'checkin' ? 'Check-in' : 'Reflection');

export function entryHeading(e: Entry): string {
  return `${e.date} · ${kindLabel(e)} · ${capital(e.principle)}`;
}

function entryBlock(e: Entry, heading: string): string {
  const meta = [`${principleTitle(e.principle)}.`];
  if (e.mood !== undefined) meta.push(`Mood ${e.mood}/5 (${MOODS[e.mood]}).`);
  meta.push(`Written ${e.createdAt.slice(0, 16).replace('T', ' ')}${e.updatedAt ? `, edited ${e.updatedAt.slice(0, 10)}` : ''}.`);
  meta.push(`Id ${e.id}.`);
  const parts = [`#### ${heading}`, wrap(meta.join(' '), WIDTH).map(escapeLineStart).join('\n')];
  for (const a of e.answers) parts.push(paragraph(a.prompt), quote(a.answer));
  if (e.intention !== undefined && e.intention.trim() !== '') {
    parts.push(e.kind === 'checkin' ? 'Intention:' : 'Commitment:', quote(e.intention));
  }
  return parts.join('\n\n');
}

/** The document, oldest entry first (entries may come in any order). */
export function journalMarkdown(entries: readonly Entry[], meta: MarkdownMeta): string {
  const keyed = entries.map((e) => ({ e, t: Date.parse(e.createdAt) }));
  keyed.sort((a, b) => (a.e.date === b.e.date ? a.t - b.t : a.e.date < b.e.date ? -1 : 1));
  const sorted = keyed.map((k) => k.e);
  const count = `${sorted.length} ${sorted.length === 1 ? 'entry' : 'entries'}`;
  const intro = [`Exported from harmony on ${meta.exportedOn}: ${count}`];
  if (sorted.length > 0) intro.push(`from ${sorted[0]!.date} to ${sorted.at(-1)!.date}`);
  const about = escapeInline(`${intro.join(', ')}.${meta.scope ? ` ${meta.scope.replace(/\s+/g, ' ')}` : ''}`);
  const parts = ['# Harmony journal', wrap(about, WIDTH).map(escapeLineStart).join('\n')];
  let year = '';
  let month = '';
  const seen = new Map<string, number>();
  for (const e of sorted) {
    if (e.date.slice(0, 4) !== year) {
      year = e.date.slice(0, 4);
      parts.push(`## ${year}`);
    }
    if (e.date.slice(0, 7) !== month) {
      month = e.date.slice(0, 7);
      parts.push(`### ${MONTHS[Number(month.slice(5)) - 1]} ${year}`);
    }
    // Headings must be unique (linters, and anchors in renderers): number repeats.
    const base = entryHeading(e);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    parts.push(entryBlock(e, n === 1 ? base : `${base} (${n})`));
  }
  return parts.join('\n\n') + '\n';
}
