// harmony check's engine: retext-english parses the masked draft into an nlcst tree, our rules
// and two retext plugins (profanity, equality) report on it as vfile messages, and those
// become findings. Pure: text in, findings out. Loaded only by the check command.
import type { PluggableList } from 'unified';
import { retextEnglish, retextEquality, retextProfanities, unified, VFile } from './libs.js';
import { readTree, type Draft } from './draft.js';
import { parseDraft } from './parse.js';
import { NOTES } from './notes.js';
import { looksEnglish, maskDraft } from './prepare.js';
import { absolutes, blame, characterAttack, contempt, mindReading } from './rules/attacks.js';
import { passiveAggressive, ultimatum, whyAccusation } from './rules/pressure.js';
import { defensiveness, minimising, nonApology, stonewalling } from './rules/replies.js';
import { buriedRequest, hedging, unanswered } from './rules/structure.js';
import { curtReply, punctuation, sarcasm, shouting } from './rules/tone.js';
import { phraseIndex, profaneIndex, sentencesWith } from './select.js';
import { AIMED_EXTRA, aimedAt, EQUALITY_IGNORE, EQUALITY_PHRASES, EQUALITY_RULES, INSENSITIVE_EXTRA, PROFANE_STEMS, PROFANITY_IGNORE, profanityFlag } from './rules/words.js';
import { isWarm } from './sentiment.js';
import { strengths } from './strengths.js';
import { RULES, type CheckInput, type CheckResult, type Finding, type RuleId } from './types.js';

const LANGUAGE_FREE = [shouting, punctuation, buriedRequest];
const ENGLISH_RULES = [curtReply, sarcasm, absolutes, characterAttack, contempt, mindReading, blame, defensiveness, nonApology, stonewalling, minimising, passiveAggressive, whyAccusation, ultimatum, hedging, unanswered];

let equalityIndex: ReturnType<typeof phraseIndex> | undefined;

export function checkDraft(input: CheckInput): CheckResult {
  const masked = maskDraft(input.text);
  const english = looksEnglish(masked);
  const tree = parseDraft(unified().use(retextEnglish), masked);
  // Warmth is asked of a message; a long document is never "warm" (and scoring it costs).
  const draft: Draft = { masked, english, warm: english && masked.length < 20_000 && isWarm(masked), replyTo: input.replyTo, ...readTree(tree, masked) };
  const plugins: PluggableList = (english ? [...LANGUAGE_FREE, ...ENGLISH_RULES] : LANGUAGE_FREE).map((rule) => [rule, draft]);
  const file = new VFile(masked);
  unified().use(retextEnglish).use(plugins).runSync(tree, file);
  if (english) {
    const sentences = draft.sentences.filter((s): s is typeof s & { node: NonNullable<typeof s.node> } => s.node !== undefined);
    unified().use(retextEnglish).use(retextProfanities, { sureness: 1, ignore: PROFANITY_IGNORE }).runSync(sentencesWith(sentences, profaneIndex()), file);
    unified().use(retextEnglish).use(retextEquality, { ignore: EQUALITY_IGNORE, binary: true }).runSync(sentencesWith(sentences, (equalityIndex ??= phraseIndex(EQUALITY_PHRASES))), file);
  }

  const sentenceAt = (offset: number) => {
    let lo = 0;
    let hi = draft.sentences.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (draft.sentences[mid]!.start <= offset) lo = mid;
      else hi = mid - 1;
    }
    return draft.sentences[lo];
  };
  const findings: Finding[] = [];
  const add = (rule: RuleId, warn: boolean, start: number, end: number, suggestion?: string, message?: string, quote?: string) => {
    const note = NOTES[rule];
    findings.push({ rule, severity: warn ? 'warn' : 'hint', start, end, text: quote ?? input.text.slice(start, end), message: message ?? note.hear, suggestion: suggestion ?? note.fix, principle: note.principle });
  };
  for (const m of file.messages) {
    const start = m.place && 'start' in m.place ? m.place.start.offset : undefined;
    const end = m.place && 'end' in m.place ? m.place.end.offset : undefined;
    if (start === undefined || end === undefined) continue;
    if (m.source === 'harmony' && (RULES as readonly string[]).includes(m.ruleId ?? '')) {
      add(m.ruleId as RuleId, m.fatal === false, start, end, m.expected?.[0], m.note, m.actual);
    } else if (m.source === 'retext-profanities') {
      const f = profanityFlag(m, draft, sentenceAt);
      if (f) add('profanity', f.severity === 'warn', f.start, f.end);
    } else if (m.source === 'retext-equality' && EQUALITY_RULES.has(m.ruleId ?? '')) {
      const better = m.expected?.slice(0, 3).map((e) => `"${e}"`).join(', ');
      add('insensitive', false, start, end, better ? `Try a plainer word, such as ${better}, or say what you mean directly.` : undefined);
    }
  }
  if (english) {
    for (const m of masked.matchAll(AIMED_EXTRA)) add('profanity', true, m.index, m.index + m[0].length);
    for (const m of masked.matchAll(PROFANE_STEMS)) {
      const s = sentenceAt(m.index);
      add('profanity', s ? aimedAt(s.text, m[0]) : false, m.index, m.index + m[0].length);
    }
    for (const m of masked.matchAll(INSENSITIVE_EXTRA)) add('insensitive', false, m.index, m.index + m[0].length);
  }
  const sorted = dedupe(findings);
  return { findings: sorted, english, strengths: strengths(masked, sorted.some((f) => f.severity === 'warn')) };
}

/** In draft order; the same rule twice over the same passage is one finding. */
function dedupe(findings: Finding[]): Finding[] {
  findings.sort((a, b) => a.start - b.start || b.end - a.end || a.rule.localeCompare(b.rule));
  const out: Finding[] = [];
  // Sorted by start, so only the latest finding of the same rule can overlap (linear, for 1 MB drafts).
  const last = new Map<string, Finding>();
  for (const f of findings) {
    const prev = last.get(f.rule);
    const same = prev && f.start < Math.max(prev.end, prev.start + 1) ? prev : undefined;
    if (!same) last.set(f.rule, f);
    if (same) {
      if (f.severity === 'warn') same.severity = 'warn';
      continue;
    }
    out.push(f);
  }
  return out;
}
