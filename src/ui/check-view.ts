// harmony check's output: the draft with flagged passages marked, numbered notes, one line on
// what works; or --format unix lines for editors. Draft text always goes through safeText, so
// pasted escape sequences are shown, never obeyed.
import { NOTES } from '../core/check/notes.js';
import { positions } from '../core/check/offsets.js';
import type { CheckResult, Finding, RuleId } from '../core/check/types.js';
import { principleTitle } from '../core/principles.js';
import { safeLine, safeText } from './safe.js';
import { makeStyle } from './style.js';

/** Drafts longer than this show only the lines with marks. */
const FULL_LINES = 40;
const FULL_CHARS = 4000;
const MAX_NOTES = 30;

export function notices(result: CheckResult, replaced: boolean): string[] {
  const out: string[] = [];
  if (!result.english) out.push('harmony checks English wording; this draft looks like another language, so only capitals, punctuation and length were checked.');
  if (replaced) out.push('the input had bytes that are not UTF-8; they are shown as \ufffd.');
  return out;
}

interface Group {
  n: number;
  rule: RuleId;
  warn: boolean;
  findings: Finding[];
}

/** One note per rule, numbered in the order the rules first appear in the draft. */
function groups(findings: Finding[]): Group[] {
  const byRule = new Map<RuleId, Group>();
  for (const f of findings) {
    const g = byRule.get(f.rule) ?? byRule.set(f.rule, { n: byRule.size + 1, rule: f.rule, warn: false, findings: [] }).get(f.rule)!;
    g.findings.push(f);
    if (f.severity === 'warn') g.warn = true;
  }
  return [...byRule.values()];
}

export interface TextOptions {
  color: boolean;
  columns: number;
  notes: string[];
}

export function renderText(result: CheckResult, text: string, opts: TextOptions): string {
  const s = makeStyle(opts.color);
  const all = groups(result.findings);
  const width = Math.max(30, Math.min(opts.columns, 100) - 4);
  const out: string[] = [];
  for (const n of opts.notes) out.push(s.muted(`Note: ${n.charAt(0).toUpperCase()}${n.slice(1)}`), '');
  if (all.length === 0) {
    out.push(s.success('Nothing to flag: this reads clear and kind.'), `What works: ${result.strengths}`, '');
    return out.join('\n');
  }
  const marked = result.findings.filter((f) => f.end > f.start);
  out.push(s.heading(marked.length ? `Your draft, with ${marked.length === 1 ? 'one passage' : `${marked.length} passages`} marked:` : 'Your draft:'), '');
  out.push(...draftLines(text, marked, all, s, width), '');
  for (const g of all.slice(0, MAX_NOTES)) out.push(...note(g, s, width), '');
  if (all.length > MAX_NOTES) out.push(s.muted(`… and ${all.length - MAX_NOTES} more kinds of note (harmony check --json lists every finding).`), '');
  out.push(`${s.success('What works:')} ${result.strengths}`);
  const warns = all.filter((g) => g.warn).length;
  out.push(warns ? s.warning(`${warns === 1 ? 'One note is' : `${warns} notes are`} at warn level: worth a rewrite before you send.`) : s.muted('Only hints: small things to consider, nothing that needs a rewrite.'));
  return out.join('\n') + '\n';
}

function note(g: Group, s: ReturnType<typeof makeStyle>, width: number): string[] {
  const n = NOTES[g.rule];
  const f = g.findings[0]!;
  const level = g.warn ? s.warning('warn') : s.accent('hint');
  const quotes = g.findings.slice(0, 3).map((x) => `"${clip(x.text, 60)}"`).join(', ') + (g.findings.length > 3 ? ` and ${g.findings.length - 3} more` : '');
  const lines = [`${s.bold(`(${g.n})`)} ${level} ${s.bold(g.rule)}  ${quotes}`];
  const para = (label: string, body: string) => wrap(`${label} ${body}`, width - 4).map((l, i) => `    ${i === 0 ? l.replace(label, s.muted(label)) : l}`);
  lines.push(...para('A reader may hear:', f.message));
  lines.push(...para('Why:', n.why));
  lines.push(...para('Lesson:', `${principleTitle(n.principle)}, "${n.section}" (harmony learn ${n.principle})`));
  lines.push(...para('Try:', f.suggestion));
  return lines;
}

const clip = (t: string, max: number) => {
  const flat = safeLine(t.replace(/\s+/g, ' ').trim());
  const chars = Array.from(flat);
  return chars.length <= max ? flat : `${chars.slice(0, max - 1).join('')}…`;
};

function wrap(line: string, width: number): string[] {
  const out: string[] = [];
  let current = '';
  for (const word of line.split(' ')) {
    if (current && Array.from(current).length + 1 + Array.from(word).length > width) {
      out.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  out.push(current);
  return out;
}

/** The draft, each marked passage in [brackets] followed by its note number, e.g. [Whatever](2). */
function draftLines(text: string, marked: Finding[], all: Group[], s: ReturnType<typeof makeStyle>, width: number): string[] {
  const numberOf = new Map(all.map((g) => [g.rule, g.n]));
  // Overlapping passages become one mark carrying every number.
  const spans: { start: number; end: number; rules: Set<RuleId>; warn: boolean }[] = [];
  for (const f of [...marked].sort((a, b) => a.start - b.start)) {
    const last = spans.at(-1);
    if (last && f.start < last.end) {
      last.end = Math.max(last.end, f.end);
      last.rules.add(f.rule);
      last.warn ||= f.severity === 'warn';
    } else spans.push({ start: f.start, end: f.end, rules: new Set([f.rule]), warn: f.severity === 'warn' });
  }
  const pieces: string[] = [];
  let at = 0;
  for (const sp of spans) {
    pieces.push(safeText(text.slice(at, sp.start)));
    const nums = [...sp.rules].map((r) => numberOf.get(r)).sort((a, b) => a! - b!).join(',');
    const paint = sp.warn ? (t: string) => s.chalk.yellow.underline(t) : (t: string) => s.chalk.cyan.underline(t);
    // Marks stay on one line each: a line break inside a passage closes and reopens it.
    pieces.push(safeText(text.slice(sp.start, sp.end)).split('\n').map((part) => `[${paint(part)}]`).join('\n') + s.bold(`(${nums})`));
    at = sp.end;
  }
  pieces.push(safeText(text.slice(at)));
  const lines = pieces.join('').replace(/\s+$/, '').split('\n');
  const long = lines.length > FULL_LINES || text.length > FULL_CHARS;
  const out: string[] = [];
  lines.forEach((line, i) => {
    if (long && !line.includes('[')) return;
    const prefix = long ? s.muted(`${String(i + 1).padStart(5)}: `) : '  ';
    for (const part of wrapStyled(line, width)) out.push(prefix + part);
  });
  return out;
}

/** Wraps a line that may hold colour codes, counting only visible characters. */
function wrapStyled(line: string, width: number): string[] {
  // eslint-disable-next-line no-control-regex
  const visible = (t: string) => Array.from(t.replace(/\u001b\[[0-9;]*m/g, '')).length;
  if (visible(line) <= width) return [line];
  const out: string[] = [];
  let current = '';
  for (const word of line.split(' ')) {
    if (current && visible(current) + 1 + visible(word) > width) {
      out.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  out.push(current);
  return out;
}

/** `[FILE:]line:col: severity rule: message`, columns counted in characters (code points). */
export function unixLines(result: CheckResult, text: string, name: string | null): string {
  const at = positions(text);
  return result.findings
    .map((f) => {
      const { line, col } = at.lineCol(f.start);
      return `${name ? `${safeLine(name)}:` : ''}${line}:${col}: ${f.severity} ${f.rule}: ${safeLine(f.message)}${f.end > f.start ? ` ("${clip(f.text, 80)}")` : ''}\n`;
    })
    .join('');
}
