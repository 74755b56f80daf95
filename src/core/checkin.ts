// Building check-in and reflection entries, pure: clock, ids and answers come in.
import { UsageError } from '../errors.js';
import { addDays, daysBetween, isoWithOffset, parseDateArg, type LocalDate } from './dates.js';
import { newEntryId, type Answer, type Entry, type EntryKind, type EntryPractice, type FollowUp } from './entry.js';
import type { How } from './people.js';
import type { PrincipleId } from './principles.js';

/** How far back --date may fill in a missed day. */
export const MAX_BACKFILL_DAYS = 30;

/** The day an entry is for: today, or a --date that is real, not ahead, at most 30 days back. */
export function entryDate(arg: string | undefined, today: LocalDate): LocalDate {
  if (arg === undefined) return today;
  const date = parseDateArg(arg, today);
  if (date === null) {
    const looksLikeDate = /^\d{4}-\d{2}-\d{2}$/.test(arg.trim());
    throw new UsageError(
      looksLikeDate
        ? `--date ${arg} is not a real calendar date.`
        : `--date must be yesterday, Nd (days ago) or YYYY-MM-DD, got "${arg}".`,
    );
  }
  if (date > today) throw new UsageError(`--date ${date} is in the future; today is ${today}.`);
  if (daysBetween(date, today) > MAX_BACKFILL_DAYS) {
    throw new UsageError(`--date can fill in at most ${MAX_BACKFILL_DAYS} days back (earliest ${addDays(today, -MAX_BACKFILL_DAYS)}); ${date} is too old.`);
  }
  return date;
}

export interface NewEntry {
  kind: EntryKind;
  date: LocalDate;
  principle: PrincipleId;
  mood?: number;
  answers: Answer[];
  intention?: string;
  practice?: EntryPractice;
  followUp?: FollowUp;
  week?: string;
  /** Person ids (people.json). */
  with?: string[];
  how?: How;
}

/** Trims text and drops empty answers and an empty intention. */
export function cleanEntry(input: NewEntry): NewEntry {
  const answers = input.answers
    .map((a) => ({ prompt: a.prompt, answer: a.answer.trim() }))
    .filter((a) => a.answer !== '');
  const intention = input.intention?.trim();
  return { ...input, answers, intention: intention ? intention : undefined, followUp: cleanFollowUp(input.followUp) };
}

function cleanFollowUp(f: FollowUp | undefined): FollowUp | undefined {
  if (!f) return undefined;
  const note = f.note?.trim();
  const out: FollowUp = { entryId: f.entryId };
  if (f.intention) out.intention = f.intention;
  if (f.practice) out.practice = f.practice;
  if (note) out.note = note;
  return out;
}

export function buildEntry(input: NewEntry, now: Date, taken: (id: string) => boolean, timeZone?: string): Entry {
  const clean = cleanEntry(input);
  const entry: Entry = {
    id: newEntryId(clean.date, taken),
    kind: clean.kind,
    date: clean.date,
    createdAt: isoWithOffset(now, timeZone),
    principle: clean.principle,
    answers: clean.answers,
  };
  if (clean.mood !== undefined) entry.mood = clean.mood;
  if (clean.intention !== undefined) entry.intention = clean.intention;
  if (clean.practice) entry.practice = clean.practice;
  if (clean.followUp) entry.followUp = clean.followUp;
  if (clean.week) entry.week = clean.week;
  if (clean.with && clean.with.length > 0) entry.with = [...new Set(clean.with)];
  if (clean.with && clean.with.length > 0 && clean.how) entry.how = clean.how;
  return entry;
}

export interface Addition {
  mood?: number;
  answers: Answer[];
  intention?: string;
  /** Only when the entry has none yet: a day has one practice and one follow-up. */
  practice?: EntryPractice;
  followUp?: FollowUp;
  with?: string[];
  how?: How;
}

/**
 * Adds to an existing entry without losing anything: answers are appended, a new mood
 * replaces the old one (it is "mood now"), a new intention goes on a new line after the old.
 */
export function appendToEntry(entry: Entry, add: Addition, now: Date, timeZone?: string): Entry {
  const answers = add.answers.map((a) => ({ prompt: a.prompt, answer: a.answer.trim() })).filter((a) => a.answer !== '');
  const next: Entry = { ...entry, answers: [...entry.answers, ...answers], updatedAt: isoWithOffset(now, timeZone) };
  if (add.mood !== undefined) next.mood = add.mood;
  const intention = add.intention?.trim();
  if (intention) next.intention = entry.intention ? `${entry.intention}\n${intention}` : intention;
  if (add.practice && !entry.practice) next.practice = add.practice;
  const followUp = cleanFollowUp(add.followUp);
  if (followUp && !entry.followUp) next.followUp = followUp;
  // People add up (ids, once each); a new `how` is the latest word on it.
  if (add.with && add.with.length > 0) {
    next.with = [...new Set([...(entry.with ?? []), ...add.with])];
    if (add.how) next.how = add.how;
  }
  return next;
}

/** Records the prompts just answered, so the next check-in asks others. */
export function markPromptsUsed(used: Record<string, LocalDate>, answers: Answer[], day: LocalDate): void {
  for (const a of answers) {
    if (a.answer.trim() === '') continue;
    const prev = used[a.prompt];
    if (!prev || prev < day) used[a.prompt] = day;
  }
}

/** Pairs flag answers with prompts; more answers than prompts is a usage error. */
export function pairAnswers(prompts: readonly string[], answers: readonly string[], flag = '--answer'): Answer[] {
  if (answers.length > prompts.length) {
    throw new UsageError(`Too many ${flag} values: ${answers.length} given, at most ${prompts.length} here.`);
  }
  return answers.map((answer, i) => ({ prompt: prompts[i]!, answer }));
}
