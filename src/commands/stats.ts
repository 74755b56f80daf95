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
import { addDays, daysBetween } from '../core/dates.js';
import { queryJournalAsync } from '../core/journal-query.js';
import { howWords, peopleActivity } from '../core/people-activity.js';
import { activePeople } from '../core/people.js';
import { shortName } from '../core/people-text.js';
import { DataError } from '../errors.js';
import type { Store } from '../store/index.js';

export async function run(ctx: Context, opts: { json?: boolean }): Promise<void> {
  const store = ctx.store();
  const now = ctx.now();
  const questions = loadContent().questions;
  const days = await store.journal.days(store.settings().notesCountForStreak);
  const quiz = await readQuiz(store);
  const known = new Set(questions.map((q) => q.id));
  const stats = computeStats({
    days,
    today: ctx.today(),
    lessonsRead: store.state().lessonsRead,
    mastery: mastery(quiz, questions, now),
    quiz: { answered: Object.keys(quiz.cards).filter((id) => known.has(id)).length, due: dueCount(quiz, now, questions) },
  });
  const today = ctx.today();
  const coaching = coachingStats(await entriesBetween(store, coachingFrom(today), today), today);
  const people = await peopleStats(ctx, store, today);
  if (opts.json) return printJson(ctx.io, { ...stats, coaching, people: people ?? [] });
  const s = styleFor(ctx.io);
  print(ctx.io, ...render(stats, s), '', ...coachingLines(coaching, s), ...(people && people.length > 0 ? ['', ...renderPeople(people, s)] : []));
}

/** Intentions kept and practices done per principle, last 12 weeks. */
export function coachingLines(c: CoachingStats, s: Style): string[] {
  const cell = (x: number, y: number, width: number) => (y === 0 ? s.muted('-'.padEnd(width)) : `${x} of ${y}`.padEnd(width));
  return [
    `${s.heading(`Last ${COACHING_WEEKS} weeks`.padEnd(16))}${s.muted('intentions kept'.padEnd(18))}${s.muted('practices done')}`,
    ...c.principles.map((p) => `  ${p.id.padEnd(14)}${cell(p.intentions.kept, p.intentions.set, 18)}${cell(p.practices.done, p.practices.taken, 0)}`.trimEnd()),
  ];
}

const PEOPLE_DAYS = 90;
const PEOPLE_ROWS = 12;

/** Everyone in the list over the last 90 days; null (said on stderr) when people.json cannot be read. */
async function peopleStats(ctx: Context, store: Store, today: string): Promise<PersonStats[] | null> {
  let doc;
  try {
    doc = await store.people();
  } catch (error) {
    if (!(error instanceof DataError)) throw error;
    ctx.io.stderr.write(`harmony: no people section: ${error.message}\n`);
    return null;
  }
  const active = activePeople(doc);
  if (active.length === 0) return [];
  const from = addDays(today, -(PEOPLE_DAYS - 1));
  const entries = await queryJournalAsync(store.journal.months(), (m) => store.journal.readMonth(m), { from, to: today });
  const activity = new Map(peopleActivity(entries, from, today).map((a) => [a.id, a]));
  const quiet = active.filter((p) => !activity.has(p.id));
  const ever = quiet.length > 0 ? await store.journal.latestWith(quiet.map((p) => p.id)) : new Map<string, string>();
  return active
    .map((p) => {
      const a = activity.get(p.id);
      const last = a?.last ?? ever.get(p.id) ?? null;
      return { id: p.id, name: p.name ?? '', connections: a?.connections ?? 0, days: a?.days ?? 0, lastConnection: last, daysSinceLast: last ? daysBetween(last, today) : null, how: a?.how ?? null };
    })
    .sort((x, y) => y.connections - x.connections || (x.daysSinceLast ?? 1e9) - (y.daysSinceLast ?? 1e9) || (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
}

interface PersonStats {
  id: string;
  name: string;
  connections: number;
  days: number;
  lastConnection: string | null;
  daysSinceLast: number | null;
  how: Record<string, number> | null;
}

export function renderPeople(people: PersonStats[], s: Style): string[] {
  const max = Math.max(1, ...people.map((p) => p.connections));
  const rows = people.slice(0, PEOPLE_ROWS).map((p) => {
    const since = p.daysSinceLast === null ? 'not yet' : p.daysSinceLast === 0 ? 'today' : `${plural(p.daysSinceLast, 'day')} ago`;
    const ways = p.how ? howWords(p.how as Parameters<typeof howWords>[0]) : '';
    return `  ${shortName(p.name, 14).padEnd(14)}${s.success(bar(p.connections / max, 16))} ${String(p.connections).padStart(4)}  ${since.padEnd(12)}${s.muted(ways)}`;
  });
  const more = people.length > PEOPLE_ROWS ? [s.muted(`  … and ${people.length - PEOPLE_ROWS} more: harmony stats --json, or harmony people show NAME`)] : [];
  return [`${s.heading(`People, last ${PEOPLE_DAYS} days`.padEnd(25))} ${s.muted('connections  last')}`, ...rows, ...more];
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
