// How journal entries look in the terminal. Every piece of user text goes through safeText
// or excerpt, so a stored ESC]0; or ESC[2J is shown as ␛]0; / ␛[2J and never acted on.
import { weekday } from '../core/dates.js';
import { KIND_LABELS, MOODS, type Entry } from '../core/entry.js';
import { entryParts } from '../core/entry-parts.js';
import { principleTitle } from '../core/principles.js';
import type { IO } from '../ui/io.js';
import { excerpt, safeText } from '../core/safe.js';
import type { Style } from '../ui/style.js';
import type { WithText } from './common/people-names.js';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
// In the list's 10-column kind field a weekly review is just "review".
const kindLabel = (e: Entry) => (e.kind === 'review' ? 'review' : KIND_LABELS[e.kind].toLowerCase());
const moodLabel = (e: Entry) => (e.mood === undefined ? '' : `mood ${e.mood} ${MOODS[e.mood]}`);

/** The first words a list shows: the first answer, else the intention. */
function firstWords(e: Entry): string {
  if (e.text !== undefined && e.text.trim() !== '') return `${e.starred ? '★ ' : ''}${e.text}`;
  return e.answers.find((a) => a.answer.trim() !== '')?.answer ?? e.intention ?? '';
}

/** Two lines an entry: what and when, then the first words (who it was with first). */
export function listLines(e: Entry, s: Style, columns: number, withText: WithText = () => null): string {
  const head = [
    s.bold(`${DAYS[weekday(e.date)]} ${e.date}`),
    kindLabel(e).padEnd(10),
    s.accent((e.principle ?? '').padEnd(13)),
    moodLabel(e).padEnd(12),
    s.muted(e.id),
    ...(e.conflicts?.length ? [s.warning('⚠ conflict')] : []),
  ].join('  ');
  const who = withText(e);
  const words = who ? `${who}${firstWords(e) ? ` · ${firstWords(e)}` : ''}` : firstWords(e);
  const width = Math.max(20, Math.min(columns, 120) - 4);
  // Only the start is shown: cut long answers first (keeping surrogate pairs whole) so a
  // ten-year list does not fold and measure every full answer.
  const start = words.length > width * 4 ? words.slice(0, width * 4).replace(/[\ud800-\udbff]$/, '') + ' …' : words;
  return words.trim() === '' ? head : `${head}\n    ${excerpt(start, width)}`;
}

/** Wraps safe text at spaces to `width`, keeping the user's own line breaks. */
export function wrapText(text: string, width: number): string[] {
  const out: string[] = [];
  for (const line of safeText(text).replace(/\r\n?/g, '\n').split('\n')) {
    let rest = line.replace(/\s+$/, '');
    while (rest.length > width) {
      const cut = rest.lastIndexOf(' ', width);
      if (cut <= 0) break;
      out.push(rest.slice(0, cut));
      rest = rest.slice(cut + 1);
    }
    out.push(rest);
  }
  return out;
}

/** The whole entry, laid out for reading. */
export function entryBlock(e: Entry, s: Style, columns: number, withText: WithText = () => null): string {
  const width = Math.max(30, Math.min(columns, 100) - 4);
  const focus = e.kind === 'review' ? `${e.week ? `week ${e.week} · ` : ''}focus next: ` : '';
  const about = e.principle ? ` · ${focus}${principleTitle(e.principle)}` : '';
  const title = `${e.starred ? '★ ' : ''}${KIND_LABELS[e.kind]} · ${DAYS[weekday(e.date)]} ${e.date}${about}`;
  const meta = [e.mood === undefined ? '' : `mood ${e.mood}/5 (${MOODS[e.mood]})`, `written ${e.createdAt.slice(0, 16).replace('T', ' ')}`];
  if (e.tags && e.tags.length > 0) meta.push(`tags ${e.tags.map(safeText).join(', ')}`);
  if (e.source) meta.push(`imported from ${safeText(e.source.slice(0, e.source.indexOf(':')))}`);
  if (e.updatedAt) meta.push(`edited ${e.updatedAt.slice(0, 16).replace('T', ' ')}`);
  meta.push(`id ${e.id}`);
  const lines = [s.heading(title), s.muted(meta.filter(Boolean).join(' · '))];
  const who = withText(e);
  if (who) lines.push(s.accent(excerpt(who, width + 2)));
  const indent = (text: string) => wrapText(text, width).map((l) => (l === '' ? '' : `  ${l}`));
  if (e.text !== undefined) lines.push('', ...indent(e.text));
  for (const a of e.answers) lines.push('', ...wrapText(a.prompt.replace(/\s+/g, ' ').trim(), width + 2).map((l) => s.bold(l)), ...indent(a.answer));
  if (e.intention !== undefined && e.intention.trim() !== '') {
    lines.push('', s.bold(e.kind === 'checkin' ? 'Intention' : 'One thing I will do'), ...indent(e.intention));
  }
  const parts = entryParts(e);
  for (const part of parts) {
    lines.push('', s.bold(part.label), ...indent(part.text));
    if (part.note) lines.push(...indent(part.note).map((l) => (l === '' ? l : `  ${l}`)));
  }
  if (e.answers.length === 0 && !e.intention && e.text === undefined && parts.length === 0 && !who) lines.push('', s.muted('(no answers)'));
  // Sync kept other versions when two machines changed the entry at once (issue 17).
  for (const [i, other] of (e.conflicts ?? []).entries()) {
    const n = e.conflicts!.length;
    lines.push('', s.warning(`⚠ Changed on two machines at once; the other version${n > 1 ? ` (${i + 1} of ${n})` : ''}:`), s.muted(`  (keep one or both: harmony conflicts ${e.id})`));
    lines.push(...entryBlock(other as Entry, s, columns, withText).split('\n').map((l) => (l === '' ? '' : `  ${l}`)));
  }
  return lines.join('\n');
}

/** One line naming an entry, for confirmations and messages. */
export function entryName(e: Entry): string {
  return `${kindLabel(e)} of ${e.date} (${e.principle ? `${e.principle}, ` : ''}${e.id})`;
}

// JSON.stringify leaves C1 controls and bidi overrides raw; escape them so --json output
// is as safe on a terminal as the text views (still valid JSON, parsing to the same value).
// eslint-disable-next-line no-control-regex
const UNSAFE_IN_JSON = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export function safeJson(data: unknown): string {
  return JSON.stringify(data, null, 2).replace(UNSAFE_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function printSafeJson(io: IO, data: unknown): void {
  io.stdout.write(safeJson(data) + '\n');
}
