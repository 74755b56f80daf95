// Small pieces of progress (state.json) as a type: shared by core and the store.
// Fields after promptsUsed came with the coaching loop (issue 12); they are optional, so a
// state.json or backup from before reads as it is, and an older harmony keeps reading ours.
import type { LocalDate } from './dates.js';
import type { PrincipleId } from './principles.js';

export const STATE_VERSION = 1;

/** A reflection prompt the user wrote (harmony prompts add); it joins the lesson's rotation. */
export interface OwnPrompt {
  /** own-xxxx, stable (harmony prompts remove ID). */
  id: string;
  principle: PrincipleId;
  text: string;
  added: LocalDate;
}

export interface State {
  schemaVersion: number;
  /** Lesson id -> the day it was first read. */
  lessonsRead: Record<string, LocalDate>;
  /** Prompt text -> the last day it was answered, so check-ins rotate through them. */
  promptsUsed: Record<string, LocalDate>;
  /** Practice id -> the last day it was offered (shown in a check-in or taken). */
  practicesOffered?: Record<string, LocalDate>;
  ownPrompts?: OwnPrompt[];
  /** The focus chosen in the latest weekly review, for the week after the one reviewed. */
  focus?: { principle: PrincipleId; week: string };
  /** The week (YYYY-Www) whose review plain harmony last offered. */
  reviewOffered?: string;
  /** The last day the "three rough days" line was shown (at most once a week). */
  roughDaysShown?: LocalDate;
}
