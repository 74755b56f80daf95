// What `harmony check` finds in a draft. Offsets here are UTF-16 code units of the draft (what
// JavaScript strings index); the JSON output converts them to code points (see offsets.ts).
import type { PrincipleId } from '../principles.js';

export type Severity = 'warn' | 'hint';

export const RULES = [
  'curt-reply', 'shouting', 'punctuation', 'sarcasm', 'tone-tag', 'absolutes', 'character-attack',
  'contempt', 'defensiveness', 'non-apology', 'stonewalling', 'minimising', 'passive-aggressive',
  'blame', 'why-accusation', 'ultimatum', 'mind-reading', 'profanity', 'insensitive', 'hedging',
  'buried-request', 'unanswered',
] as const;
export type RuleId = (typeof RULES)[number];

export interface Finding {
  rule: RuleId;
  severity: Severity;
  /** UTF-16 offsets into the draft, end exclusive. */
  start: number;
  end: number;
  text: string;
  /** What a reader may hear. */
  message: string;
  suggestion: string;
  principle: PrincipleId;
}

export interface CheckInput {
  text: string;
  /** The message being answered (--reply-to), if any. */
  replyTo?: string;
}

export interface CheckResult {
  findings: Finding[];
  /** One line on what the draft does well. */
  strengths: string;
  /** False when the draft does not look like English: only caps, punctuation and length ran. */
  english: boolean;
}
