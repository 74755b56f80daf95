// The words at the end of a check-in or reflection and on the home screen, pure (no colour).
import type { Lesson } from '../content/types.js';
import type { LocalDate } from './dates.js';
import { MOODS } from './entry.js';
import type { PrincipleId } from './principles.js';
import { MAX_FREEZES, type StreakInfo } from './streaks.js';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** A new record: the streak just passed the best before it (the very first day is not one). */
export function isNewRecord(before: StreakInfo, after: StreakInfo): boolean {
  return before.longest > 0 && after.current > before.longest;
}

export function streakLine(before: StreakInfo, after: StreakInfo, backfilled?: LocalDate): string {
  if (after.current === 0) return `Streak: none running · ${plural(after.totalDays, 'day')} practised in all`;
  let line = `Streak: ${plural(after.current, 'day')}`;
  if (isNewRecord(before, after)) line += ', a new record!';
  else if (after.longest > after.current) line += ` (best ${after.longest})`;
  if (backfilled && before.frozenDays.includes(backfilled) && !after.frozenDays.includes(backfilled)) {
    line += ` · ${backfilled} no longer needs a freeze`;
  } else if (backfilled && after.current > before.current + 1) {
    line += ` · repaired by filling in ${backfilled}`;
  }
  return line;
}

/** Freezes held, any spent on missed days of the current streak, and the way to the next. */
export function freezeLine(info: StreakInfo): string {
  const start = info.streakStart;
  const spent = start ? info.frozenDays.filter((d) => d >= start) : [];
  const covered = spent.length > 0 ? ` · covered ${spent.join(', ')}` : '';
  if (info.freezesHeld === 0) {
    return `Freezes: none held${covered} · ${plural(info.nextFreezeIn, 'more day')} in a row earns one (it covers a missed day)`;
  }
  const held = `Freezes: ${info.freezesHeld} held (a missed day uses one automatically)${covered}`;
  return info.freezesHeld >= MAX_FREEZES ? `${held} · that is the most you can hold` : `${held} · next in ${plural(info.nextFreezeIn, 'day')}`;
}

/** What to do next: the lesson for this principle if unread (else the next unread), due quiz. */
export function nextSteps(
  lessons: readonly Lesson[],
  lessonsRead: Record<string, string>,
  principle: PrincipleId | undefined,
  dueQuestions: number | undefined,
  fallback: string,
): string[] {
  const steps: string[] = [];
  const unread = lessons.filter((l) => !(l.id in lessonsRead));
  const lesson = unread.find((l) => l.id === principle) ?? unread[0];
  if (lesson) steps.push(`Read "${lesson.title}" (${lesson.readingMinutes} min): harmony learn ${lesson.id}`);
  if (dueQuestions) steps.push(`${plural(dueQuestions, 'quiz question')} due for review: harmony quiz`);
  if (steps.length === 0) steps.push(fallback);
  return steps;
}

export interface DayEntryView {
  kind: string;
  principle?: string;
  mood?: number;
}

/** One line about a day's practice, e.g. "checked in (mood 4 good, trust) · 1 reflection (intimacy)". */
export function dayLine(entries: readonly DayEntryView[]): string {
  const checkins = entries.filter((e) => e.kind === 'checkin');
  const reflections = entries.filter((e) => e.kind === 'reflection');
  const parts: string[] = [];
  for (const c of checkins) {
    const mood = c.mood !== undefined ? `mood ${c.mood} ${MOODS[c.mood] ?? ''}, ` : '';
    parts.push(`checked in (${mood}${c.principle})`);
  }
  if (reflections.length > 0) {
    const which = [...new Set(reflections.map((r) => r.principle))].join(', ');
    parts.push(`${plural(reflections.length, 'reflection')} (${which})`);
  }
  const notes = entries.filter((e) => e.kind === 'note').length;
  if (notes > 0) parts.push(plural(notes, 'note'));
  if (entries.some((e) => e.kind === 'review')) parts.push('weekly review');
  return parts.length > 0 ? parts.join(' · ') : 'nothing yet';
}

/** The home screen's line when today has no check-in yet. */
export function pendingLine(info: StreakInfo): string {
  if (!info.atRisk) return info.totalDays === 0 ? 'No check-ins yet. The first one takes about two minutes.' : 'No check-in yet today.';
  const keep = `Check in today to keep your ${info.current}-day streak`;
  return info.endsTonight ? `${keep}: it ends tonight without one.` : `${keep} (a freeze covers today if you miss it).`;
}
