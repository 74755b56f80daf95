import type { PrincipleId } from '../core/principles.js';

export interface Lesson {
  id: PrincipleId;
  number: number;
  title: string;
  summary: string;
  keyIdeas: string[];
  readingMinutes: number;
  /** Reflection prompts, from content/prompts/<id>.yaml (and any left in the front matter). */
  prompts: string[];
  /** The markdown body, without front matter. */
  body: string;
  /** The `##` headings, in order. */
  sections: string[];
}

export interface Choice {
  text: string;
  correct: boolean;
  why: string;
}

export interface Question {
  id: string;
  principle: PrincipleId;
  kind: 'single' | 'truefalse' | 'multi';
  section: string;
  /** A short kebab tag naming the idea tested, so no idea is tested too often. */
  idea?: string;
  prompt: string;
  choices: Choice[];
  explanation: string;
}

/** One small action for today (content/practices/<principle>.yaml). */
export interface Practice {
  /** Stable: stored in entries and in the rotation state. Prefixed with the principle id. */
  id: string;
  principle: PrincipleId;
  /** The action, one or two sentences, with a clear "done". */
  text: string;
  /** One line: why it helps. */
  why: string;
  minutes: number;
}

/** The weekly review's three questions each draw from a pool (content/review.yaml). */
export type ReviewSlot = 'well' | 'obstacle' | 'focus';
export const REVIEW_SLOTS: readonly ReviewSlot[] = ['well', 'obstacle', 'focus'];

export interface ReviewPrompt {
  id: string;
  slot: ReviewSlot;
  text: string;
}

export interface Content {
  lessons: Lesson[];
  questions: Question[];
  practices: Practice[];
  reviewPrompts: ReviewPrompt[];
  /** content/safety.md: what `harmony help safety` prints (markdown). */
  safety: string;
}
