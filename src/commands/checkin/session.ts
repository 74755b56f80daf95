// What the check-in's steps share: the options, today's picture, whether to ask, and the
// draft entry each step adds to. The draft is saved once, after the last step.
import type { Context } from '../../context.js';
import type { LocalDate } from '../../core/dates.js';
import type { Answer, Entry, EntryPractice, FollowUp } from '../../core/entry.js';
import type { How } from '../../core/people.js';
import type { PrincipleId } from '../../core/principles.js';
import type { Today } from '../common/today.js';

export interface CheckinOptions {
  mood?: number;
  principle?: string;
  answer?: string[];
  intention?: string;
  /** A practice id, or skip. */
  practice?: string;
  /** kept|partly|missed|dropped, or two of them (intention,practice). */
  followup?: string;
  followupNote?: string;
  /** People connected with (names as typed on the command line). */
  with?: string[];
  how?: string;
  date?: string;
  append?: boolean;
  editor?: boolean;
  json?: boolean;
}

export interface Draft {
  date: LocalDate;
  mood?: number;
  principle?: PrincipleId;
  answers: Answer[];
  intention?: string;
  practice?: EntryPractice;
  followUp?: FollowUp;
  /** Practice ids shown in this check-in (taken or not): recorded as offered when it is saved. */
  offered: string[];
  /** Ids of the people the user really connected with. */
  with?: string[];
  how?: How;
  /** Names of people to add to people.json when the entry is saved (picked "someone new"). */
  newPeople?: string[];
}

export interface Session {
  ctx: Context;
  today: Today;
  opts: CheckinOptions;
  /** On a terminal, asking for what the flags left out; false when the flags say it all. */
  ask: boolean;
  /** The day's check-in being added to (--append, or "Add to today's entry"). */
  existing?: Entry;
  draft: Draft;
}

/**
 * One step of the check-in: takes its flag, or asks (only when `ask`), and fills in the draft.
 * `check`, if any, runs for every step before the first one asks anything, so a bad flag
 * value stops the check-in before the user has typed a word.
 */
export interface Step {
  (s: Session): Promise<void>;
  check?: (s: Session) => void | Promise<void>;
}

/** How many reflection prompts a check-in asks. */
export const CHECKIN_PROMPTS = 2;

/** The principle, once the principle step has run. */
export function principleOf(s: Session): PrincipleId {
  const principle = s.draft.principle;
  if (!principle) throw new Error('check-in steps out of order: the principle is not chosen yet');
  return principle;
}
