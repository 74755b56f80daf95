// What the shell reminder says on a given day: a line, or nothing once the day is done. One
// pure function (reminderLines) answers for both `harmony remind` (remind-fast.ts) and the
// file the shell snippet reads (store/remind-cache.ts), so the two can never disagree.
import type { LocalDate } from './dates.js';
import { sinceWords } from './people-due.js';
import type { StreakInfo } from './streaks.js';

export interface Reminder {
  text: string;
  /** The streak ends tonight: shown a little louder. */
  urgent: boolean;
}

/** One line the reminder prints. */
export type ReminderLine = Reminder;

export function reminderFor(info: StreakInfo): Reminder | null {
  if (info.practicedToday) return null;
  const days = (n: number) => `${n}-day streak`;
  if (info.endsTonight) {
    return { text: `harmony · your ${days(info.current)} ends tonight. Two minutes keep it: harmony checkin`, urgent: true };
  }
  if (info.atRisk) {
    const cover = info.freezesHeld === 1 ? 'a freeze covers' : `${info.freezesHeld} freezes cover`;
    return { text: `harmony · your ${days(info.current)} is waiting for today (${cover} a miss): harmony checkin`, urgent: false };
  }
  if (info.totalDays === 0) return { text: 'harmony · start your practice with a two-minute check-in: harmony checkin', urgent: false };
  return { text: 'harmony · no check-in yet today. Two minutes start a new streak: harmony checkin', urgent: false };
}

/** What the shell reminder may say about people (setting reminderPeople). */
export type ReminderPeople = 'names' | 'count' | 'off';
export const REMINDER_PEOPLE: readonly ReminderPeople[] = ['names', 'count', 'off'];

/** Who is due for a real connection on a day (core/people-due.ts duePeopleOn). */
export interface DuePeople {
  count: number;
  /** The one waiting longest for their rhythm, with a safe one-line name (only worked out for `names`). */
  first: { name: string; last: LocalDate | null; days: number } | null;
}

/**
 * What one day's reminder is made of. Anything else the reminder says belongs here and in
 * reminderLines, so that the shell snippet's cache (store/remind-cache.ts reminderDays, which
 * fills this in for each of the next days) says it too.
 */
export interface ReminderDay {
  /** The streak that day; null when the day is known to be practised already (no streak line). */
  streak: StreakInfo | null;
  /** Who is due that day (issue 14); null or absent: nothing to say about people. */
  people?: DuePeople | null;
}

export interface ReminderSettings {
  /** The setting `reminder`: off, nothing is ever printed. */
  reminder: boolean;
  /** What may be said about people who are due (default count). */
  reminderPeople?: ReminderPeople;
}

/** The lines to print on a day, in order (none: say nothing): the streak line first, then the people line. */
export function reminderLines(day: ReminderDay, settings: ReminderSettings): ReminderLine[] {
  if (!settings.reminder) return [];
  const lines: ReminderLine[] = [];
  const streak = day.streak && reminderFor(day.streak);
  if (streak) lines.push(streak);
  const people = day.people ? peopleReminder(day.people, settings.reminderPeople ?? 'count') : null;
  if (people) lines.push({ text: people, urgent: false });
  return lines;
}

/**
 * The people line, or null. `count` never names anyone, since this line shows in every new
 * terminal, also when someone is looking at the screen; `names` names the one waiting longest.
 */
export function peopleReminder(due: DuePeople, mode: ReminderPeople): string | null {
  if (mode === 'off' || due.count === 0) return null;
  if (mode === 'count' || !due.first) {
    const who = due.count === 1 ? 'someone you care about' : `${due.count} people you care about`;
    return `harmony · it may be a good day to reach out to ${who}: harmony people --due`;
  }
  const more = due.count > 1 ? ` (and ${due.count - 1} more)` : '';
  return `harmony · ${sinceWords(due.first, due.first.name)}${more}: harmony people --due`;
}

/** The SGR parameters a line is shown with on a colour terminal: bold yellow when urgent, else dim. */
export const lineStyle = (line: ReminderLine): string => (line.urgent ? '1;33' : '2');

/** A line as printed: with its colour codes, or plain. */
/** A line in its SGR style (as the cache stores it), or plain. */
export const paintStyled = (style: string, text: string, color: boolean): string => (color ? `\u001b[${style}m${text}\u001b[0m` : text);
export const paintLine = (line: ReminderLine, color: boolean): string => paintStyled(lineStyle(line), line.text, color);
