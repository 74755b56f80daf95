// harmony stats: streak, totals, a year of practice as a calendar, mood, principles, quiz.
import type { Context } from '../context.js';
import { loadContent } from '../content/load.js';
import { MOODS } from '../core/entry.js';
import { dueCount, mastery } from '../core/mastery.js';
import { coachingFrom, coachingStats, COACHING_WEEKS, type CoachingStats } from '../core/coaching-stats.js';
import { computeStats, MOOD_DAYS, type Stats } from '../core/stats.js';
import { readQuiz } from '../store/quiz.js';
import { entriesBetween } from './common/entries.js';
import { bar } from '../ui/bars.js';
import { heatmapLines } from '../ui/heatmap.js';
import { sparkline } from '../ui/sparkline.js';
import { print, printJson, styleFor, type Style } from '../ui/style.js';

export async function run(ctx: Context, opts: { json?: boolean }): Promise<void> {
  const store = ctx.store();
  const now = ctx.now();
  const questions = loadContent().questions;
  const quiz = readQuiz(store);
  const known = new Set(questions.map((q) => q.id));
  const stats = computeStats({
    days: store.journal.days(store.settings().notesCountForStreak),
    today: ctx.today(),
    lessonsRead: store.state().lessonsRead,
    mastery: mastery(quiz, questions, now),
    quiz: { answered: Object.keys(quiz.cards).filter((id) => known.has(id)).length, due: dueCount(quiz, now, questions) },
  });
  const today = ctx.today();
  const coaching = coachingStats(entriesBetween(store, coachingFrom(today), today), today);
  if (opts.json) return printJson(ctx.io, { ...stats, coaching });
  print(ctx.io, ...render(stats, styleFor(ctx.io)), '', ...coachingLines(coaching, styleFor(ctx.io)));
}

/** Intentions kept and practices done per principle, last 12 weeks. */
export function coachingLines(c: CoachingStats, s: Style): string[] {
  const cell = (x: number, y: number, width: number) => (y === 0 ? s.muted('-'.padEnd(width)) : `${x} of ${y}`.padEnd(width));
  return [
    `${s.heading(`Last ${COACHING_WEEKS} weeks`.padEnd(16))}${s.muted('intentions kept'.padEnd(18))}${s.muted('practices done')}`,
    ...c.principles.map((p) => `  ${p.id.padEnd(14)}${cell(p.intentions.kept, p.intentions.set, 18)}${cell(p.practices.done, p.practices.taken, 0)}`.trimEnd()),
  ];
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The stats screen, at most 80 columns wide. */
export function render(st: Stats, s: Style): string[] {
  const label = (text: string) => s.bold(text.padEnd(12));
  const { streak, totals } = st;
  const freezes = streak.freezesHeld
    ? `${plural(streak.freezesHeld, 'freeze')} held`
    : `no freeze held (next after ${plural(streak.nextFreezeIn, 'more day')})`;
  const today = streak.practicedToday ? s.success('done ✓') : `not yet: ${s.accent('harmony checkin')}`;

  const mood = st.mood;
  const moodWords =
    mood.average === null
      ? s.muted('no moods logged yet')
      : `average ${mood.average.toFixed(1)} (${MOODS[Math.round(Number(mood.average.toFixed(1)))]}), ${mood.daysWithMood} of ${MOOD_DAYS} days`;

  const maxPractised = Math.max(1, ...st.principles.map((p) => p.practised));
  const principleRows = st.principles.map((p) => {
    const practised = `${s.success(bar(p.practised / maxPractised, 16))} ${String(p.practised).padStart(5)}`;
    const mastered = `${s.accent(bar(p.mastery, 10))} ${`${Math.round(p.mastery * 100)}%`.padStart(4)}`;
    return `  ${p.id.padEnd(14)}${practised}   ${mastered}`;
  });

  const lessons =
    st.lessons.unread.length === 0
      ? `all ${st.lessons.total} read`
      : `${st.lessons.read} of ${st.lessons.total} read · next: ${s.accent(`harmony learn ${st.lessons.unread[0]}`)}`;
  const quiz =
    st.quiz.answered === 0
      ? `no questions answered yet · ${s.accent('harmony quiz')}`
      : `${plural(st.quiz.answered, 'question')} answered · ${st.quiz.due ? `${st.quiz.due} due: ${s.accent('harmony quiz --review')}` : 'none due'}`;

  return [
    s.heading(`Your practice · ${st.today}`),
    '',
    `${label('Streak')}${plural(streak.current, 'day')} · longest ${streak.longest} · ${freezes}`,
    `${label('Practice')}${plural(totals.days, 'day')} · ${plural(totals.checkins, 'check-in')} · ${plural(totals.reflections, 'reflection')}`,
    `${label('Today')}${today}`,
    `${label('Lessons')}${lessons}`,
    `${label('Quiz')}${quiz}`,
    '',
    s.heading(`Last 12 months ${s.muted(`(${st.calendar.from} to ${st.calendar.to})`)}`),
    ...heatmapLines(st.calendar, s.chalk.level > 0 ? s : undefined),
    '',
    s.heading(`Mood, last ${MOOD_DAYS} days ${s.muted('(▁ rough … █ great, · none)')}`),
    `    ${s.accent(sparkline(mood.daily, 1, 5))}   ${moodWords}`,
    '',
    `${s.heading('By principle'.padEnd(16))}${s.muted('practised'.padEnd(25))}${s.muted('quiz mastery')}`,
    ...principleRows,
  ];
}
