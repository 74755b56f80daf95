// The AFINN lexicon (through the `sentiment` package) is used only to confirm that a clause
// already picked out by a rule is negative: it never raises a finding by itself, because
// sentiment is not tone ("calm down" and sarcasm both score positive).
import { Sentiment } from './libs.js';

// A few words that AFINN leaves neutral but that, after "you always/never", carry the
// complaint (you always *interrupt*, you never *listen*).
const EXTRAS: Record<string, number> = {
  late: -2, interrupt: -2, interrupts: -2, interrupting: -2, cancel: -2, cancels: -2, forget: -2, forgets: -2,
  ignore: -2, ignores: -2, listen: -1, help: -1, call: -1, text: -1, reply: -1, answer: -1, phone: -1, complain: -2,
  nag: -2, nagging: -2, leave: -1, mess: -2, excuses: -2, lie: -2, lies: -2, whine: -2, criticize: -2, criticise: -2,
  blame: -2, exaggerate: -2, ask: -1, notice: -1, care: -1, bother: -1, apologize: -1, apologise: -1, show: -1,
  right: 0, last: -1, minute: 0, yourself: -1, dishes: -1,
};

let analyzer: InstanceType<typeof Sentiment> | undefined;

// The whole draft is scored by several rules; remember the last long text scored.
let memo: { text: string; result: { score: number; negative: number } } | undefined;

export function score(clause: string): { score: number; negative: number } {
  if (memo && memo.text === clause) return memo.result;
  analyzer ??= new Sentiment();
  const r = analyzer.analyze(clause, { extras: EXTRAS });
  const result = { score: r.score, negative: r.negative.length };
  if (clause.length > 200) memo = { text: clause, result };
  return result;
}

/** The clause reads negative: an overall negative score. */
export function isNegative(clause: string): boolean {
  return score(clause).score < 0;
}

/** The whole draft is warm: clearly positive, nothing negative. */
export function isWarm(text: string): boolean {
  const s = score(text);
  return s.score >= 3 && s.negative === 0;
}

/** The clause reads clearly positive: a positive score and no negative word. */
export function isPositive(clause: string): boolean {
  const s = score(clause);
  return s.score > 0 && s.negative === 0;
}
