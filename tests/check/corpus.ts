// The labelled corpus (tests/check/corpus/*.yaml) and how harmony check is scored on it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { checkDraft } from '../../src/core/check/index.js';
import type { Finding, RuleId } from '../../src/core/check/types.js';

export interface Labelled {
  id: string;
  ch: string;
  text: string;
  rules?: RuleId[];
  replyTo?: string;
  trigger?: string;
}

const DIR = process.env.HARMONY_CORPUS_DIR ?? join(import.meta.dirname, 'corpus');

export function loadCorpus(): { all: Labelled[]; frozen: Set<string> } {
  const all = readdirSync(DIR)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .flatMap((f) => parse(readFileSync(join(DIR, f), 'utf8')) as Labelled[]);
  const frozen = new Set(readFileSync(join(DIR, 'frozen.txt'), 'utf8').split('\n').filter((l) => l && !l.startsWith('#')));
  return { all, frozen };
}

export interface RuleFigures {
  rule: string;
  labelled: number;
  found: number;
  findings: number;
  correct: number;
}

export interface Figures {
  messages: number;
  clean: number;
  problems: number;
  warnPrecision: number;
  hintPrecision: number;
  cleanWithWarn: number;
  cleanWithHint: number;
  recall: number;
  perRule: RuleFigures[];
  misses: { id: string; missing: string[] }[];
  falseAlarms: { id: string; finding: Finding }[];
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

export function evaluate(messages: Labelled[]): Figures {
  const perRule = new Map<string, RuleFigures>();
  const row = (rule: string) => perRule.get(rule) ?? perRule.set(rule, { rule, labelled: 0, found: 0, findings: 0, correct: 0 }).get(rule)!;
  let warn = 0, warnOk = 0, hint = 0, hintOk = 0, cleanWarn = 0, cleanHint = 0, recalled = 0;
  const misses: Figures['misses'] = [];
  const falseAlarms: Figures['falseAlarms'] = [];
  for (const m of messages) {
    const labels = new Set(m.rules ?? []);
    const { findings } = checkDraft({ text: m.text, replyTo: m.replyTo });
    for (const f of findings) {
      const ok = labels.has(f.rule);
      row(f.rule).findings++;
      if (ok) row(f.rule).correct++;
      else falseAlarms.push({ id: m.id, finding: f });
      if (f.severity === 'warn') (warn++, ok && warnOk++);
      else (hint++, ok && hintOk++);
    }
    if (labels.size === 0) {
      if (findings.some((f) => f.severity === 'warn')) cleanWarn++;
      if (findings.some((f) => f.severity === 'hint')) cleanHint++;
      continue;
    }
    const missing = [...labels].filter((r) => !findings.some((f) => f.rule === r));
    for (const r of labels) {
      row(r).labelled++;
      if (!missing.includes(r)) row(r).found++;
    }
    if (missing.length === 0) recalled++;
    else misses.push({ id: m.id, missing });
  }
  const clean = messages.filter((m) => !m.rules?.length).length;
  const problems = messages.length - clean;
  return {
    messages: messages.length, clean, problems,
    warnPrecision: ratio(warnOk, warn), hintPrecision: ratio(hintOk, hint),
    cleanWithWarn: ratio(cleanWarn, clean), cleanWithHint: ratio(cleanHint, clean),
    recall: ratio(recalled, problems),
    perRule: [...perRule.values()].sort((a, b) => a.rule.localeCompare(b.rule)),
    misses, falseAlarms,
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export function table(f: Figures): string {
  const lines = [
    `${f.messages} messages (${f.clean} clean, ${f.problems} with problems)`,
    `warn precision ${pct(f.warnPrecision)}, hint precision ${pct(f.hintPrecision)}, clean with a warn ${pct(f.cleanWithWarn)}, clean with a hint ${pct(f.cleanWithHint)}, recall (every labelled rule found) ${pct(f.recall)}`,
    'rule                 labelled  recall   findings  precision',
  ];
  for (const r of f.perRule) {
    lines.push(`${r.rule.padEnd(20)} ${String(r.labelled).padStart(8)}  ${(r.labelled ? pct(ratio(r.found, r.labelled)) : '-').padStart(6)}   ${String(r.findings).padStart(8)}  ${(r.findings ? pct(ratio(r.correct, r.findings)) : '-').padStart(9)}`);
  }
  return lines.join('\n');
}
