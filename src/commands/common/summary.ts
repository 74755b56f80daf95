// What is shown after a save (and of an entry): the entry, readable and safe, and the
// closing lines (streak, freezes, what to do next).
import type { Context } from '../../context.js';
import { loadContent } from '../../content/load.js';
import type { LocalDate } from '../../core/dates.js';
import { KIND_LABELS, MOODS, type Entry } from '../../core/entry.js';
import { entryParts } from '../../core/entry-parts.js';
import { principleTitle, type PrincipleId } from '../../core/principles.js';
import { safeText } from '../../core/safe.js';
import { streakPair, type StreakInfo } from '../../core/streaks.js';
import { freezeLine, nextSteps, streakLine } from '../../core/summary.js';
import { print, styleFor } from '../../ui/style.js';
import { dayLabel, type Today } from './today.js';
import { withTexter } from './people-names.js';

/** An entry, readable, with everything the user wrote made safe for the terminal. */
export async function renderEntry(ctx: Context, e: Entry): Promise<string> {
  const s = styleFor(ctx.io);
  const mood = e.mood !== undefined ? ` · mood ${e.mood} (${MOODS[e.mood]})` : '';
  const about = e.principle ? ` · ${principleTitle(e.principle)}` : '';
  const lines = [s.bold(`${KIND_LABELS[e.kind]} · ${e.date}${about}${mood}`) + s.muted(`  ${e.id}`)];
  const who = (await withTexter(ctx.store(), [e]))(e);
  if (who) lines.push(`  ${s.accent(who)}`);
  if (e.text !== undefined) lines.push(`  ${safeText(e.text).replace(/\n/g, '\n  ')}`);
  for (const a of e.answers) lines.push(s.muted(`  ${a.prompt}`), `  ${safeText(a.answer).replace(/\n/g, '\n  ')}`);
  if (e.intention) {
    const label = e.kind === 'checkin' ? 'Intention' : 'One thing I will do';
    lines.push(`  ${s.accent(label + ':')} ${safeText(e.intention).replace(/\n/g, '\n  ')}`);
  }
  for (const part of entryParts(e)) {
    lines.push(`  ${s.accent(part.label + ':')} ${safeText(part.text)}`);
    if (part.note) lines.push(`    ${safeText(part.note).replace(/\n/g, '\n    ')}`);
  }
  return lines.join('\n');
}

/** The closing lines: streak (and record), freezes, what to do next. */
export async function summaryLines(ctx: Context, p: Today, before: StreakInfo, after: StreakInfo, principle: PrincipleId | undefined, fallback: string, backfilled?: LocalDate): Promise<string[]> {
  const s = styleFor(ctx.io);
  const state = p.store.state();
  const steps = nextSteps(loadContent().lessons, state.lessonsRead, principle, await p.quiz.due(), fallback);
  const streak = streakLine(before, after, backfilled);
  return [
    streak.includes('record') ? s.success(streak) : streak,
    s.muted(freezeLine(after)),
    'Next:',
    ...steps.map((step) => `  • ${step}`),
  ];
}

export async function printSaved(ctx: Context, p: Today, entry: Entry, verb: string, fallback: string): Promise<void> {
  const s = styleFor(ctx.io);
  const { before, after } = streakPair(p.days(), p.today, entry.date); // one walk for both
  const backfilled = entry.date !== p.today ? entry.date : undefined;
  print(
    ctx.io,
    '',
    s.success(`✓ ${verb} for ${dayLabel(entry.date, p.today)}${entry.principle ? ` · ${principleTitle(entry.principle)}` : ''}`),
    ...(await summaryLines(ctx, p, before, after, entry.principle, fallback, backfilled)),
  );
}
