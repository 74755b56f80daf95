// The draft as every rule sees it: the masked text (prepare.ts), its sentences with offsets
// (from the nlcst tree that retext-english made) and a way to report a finding through the
// vfile, the unified way. Severity rides on vfile's own levels: warn is a warning
// (fatal false), hint is info (fatal undefined).
import type { Root, Sentence } from 'nlcst';
import type { VFile } from 'vfile';
import type { RuleId, Severity } from './types.js';

export interface Span {
  text: string;
  start: number;
  end: number;
  /** The sentence node, for sentences. */
  node?: Sentence;
}

export interface Draft {
  /** The masked draft (same length as the input). */
  masked: string;
  english: boolean;
  /** The whole draft reads warm (scored once: several rules ask). */
  warm: boolean;
  replyTo?: string;
  sentences: Span[];
  paragraphs: Span[];
}

export function readTree(tree: Root, masked: string): Pick<Draft, 'sentences' | 'paragraphs'> {
  const sentences: Span[] = [];
  const paragraphs: Span[] = [];
  const span = (node: { position?: { start: { offset?: number }; end: { offset?: number } } }): Span | null => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    return start === undefined || end === undefined ? null : { text: masked.slice(start, end), start, end };
  };
  // Paragraphs are blocks between blank lines (the tree may split one long block in pieces).
  for (const m of masked.matchAll(/[^\n]*\S[^\n]*(?:\n(?![ \t]*(?:\n|$))[^\n]*)*/g)) paragraphs.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  for (const paragraph of tree.children) {
    if (paragraph.type !== 'ParagraphNode') continue;
    for (const sentence of paragraph.children) {
      if (sentence.type !== 'SentenceNode') continue;
      const s = span(sentence as Sentence);
      if (s && s.text.trim() !== '') sentences.push({ ...s, node: sentence as Sentence });
    }
  }
  return { sentences, paragraphs };
}

export interface Flag {
  rule: RuleId;
  severity: Severity;
  start: number;
  end: number;
  /** A rewrite closer to the passage than the rule's general one. */
  suggestion?: string;
  /** A more specific "what a reader may hear". */
  message?: string;
  /** The passage to quote, when it is not the draft's own text (a question from --reply-to). */
  quote?: string;
}

/** Line/column points for vfile, from offsets in the masked text (one table per draft: every
 * rule asks). */
let lastPointer: { masked: string; point: (offset: number) => { line: number; column: number; offset: number } } | undefined;
export function pointer(masked: string) {
  if (lastPointer?.masked === masked) return lastPointer.point;
  const point = makePointer(masked);
  lastPointer = { masked, point };
  return point;
}

function makePointer(masked: string) {
  const starts = [0];
  for (let i = masked.indexOf('\n'); i !== -1; i = masked.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1, offset };
  };
}

export function flag(file: VFile, point: ReturnType<typeof pointer>, f: Flag, masked?: string): void {
  // A passage never starts or ends with white space (" lol ok" is marked as "lol ok").
  if (masked && f.end > f.start) {
    while (f.start < f.end && /\s/.test(masked[f.start]!)) f.start++;
    while (f.end > f.start && /\s/.test(masked[f.end - 1]!)) f.end--;
  }
  const message = file.message(f.message ?? f.rule, { place: { start: point(f.start), end: point(f.end) }, ruleId: f.rule, source: 'harmony' });
  message.fatal = f.severity === 'warn' ? false : undefined;
  if (f.suggestion) message.expected = [f.suggestion];
  if (f.message) message.note = f.message;
  if (f.quote !== undefined) message.actual = f.quote;
}

// Lower-case copies of spans, for gates (a WeakMap: spans are plain objects made per draft).
const lowered = new WeakMap<Span, string>();
const lower = (span: Span) => lowered.get(span) ?? (lowered.set(span, span.text.toLowerCase()), lowered.get(span)!);

/**
 * Every match of `re` (global) in each span, with offsets in the draft. `gate` lists words
 * (lower case) of which a span must hold one before `re` runs: V8 compiles a regular
 * expression on first use, which for the large ones here costs more than the matching, so a
 * draft that never mentions a rule's words never pays for its pattern.
 */
export function* matches(spans: Span[], re: RegExp, gate?: readonly string[]): Generator<{ m: RegExpExecArray; span: Span; start: number; end: number }> {
  for (const span of spans) {
    if (gate && !gate.some((g) => lower(span).includes(g))) continue;
    re.lastIndex = 0;
    for (let m = re.exec(span.text); m; m = re.exec(span.text)) {
      if (m[0] === '') {
        re.lastIndex++;
        continue;
      }
      yield { m, span, start: span.start + m.index, end: span.start + m.index + m[0].length };
    }
  }
}
