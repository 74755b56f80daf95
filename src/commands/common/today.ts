// Today's picture, shared by checkin, reflect and the home screen: the store, today's date,
// the days practised and the suggestion, each read only when first needed.
import type { Context } from '../../context.js';
import { loadContent } from '../../content/load.js';
import type { Lesson } from '../../content/types.js';
import type { LocalDate } from '../../core/dates.js';
import { resolvePrincipleId, type PrincipleId } from '../../core/principles.js';
import { validPrinciplesHint } from '../../core/lessons.js';
import { streakInfo, type Days, type StreakInfo } from '../../core/streaks.js';
import { suggestionReader, suggestPrinciple, type Suggestion } from '../../core/suggest.js';
import { weekOf } from '../../core/weeks.js';
import { DataError, UsageError } from '../../errors.js';
import type { Store } from '../../store/index.js';
import type { DaySummary } from '../../store/journal.js';
import { quizHints, type QuizHints } from '../quiz-hints.js';

export interface Today {
  store: Store;
  today: LocalDate;
  /** What one day holds, from its month's part of the day index. */
  day: (date: LocalDate) => Promise<DaySummary | undefined>;
  /** The days practised, as first read (before the save, when loaded with `streak`). */
  days: () => Days;
  /** The streak as it stands (the home screen); a save works out before and after at once. */
  readonly before: StreakInfo;
  /** The principle to suggest: least practised lately (the newest months only), quiz weakness on a tie. */
  suggest: () => Promise<Suggestion>;
  /** Read on first use only: a save with --principle and --json never opens quiz.json. */
  quiz: QuizHints;
}

/**
 * Read from the day index only (never every month of the journal), each part when first
 * needed: what grows with history (the days practised, the streak walk, the per-day
 * summaries) is not worked out for a save that does not show it (--json).
 * `streak`: the summary after a save will show the streak, so read the days practised now,
 * before the save (and a save that has read every year's index can heal a stale one).
 */
export async function loadToday(ctx: Context, o: { streak?: boolean; days?: boolean } = {}): Promise<Today> {
  const store = ctx.store();
  const today = ctx.today();
  const quiz = quizHints(store, ctx.now());
  // Read now (the days are needed by every caller but a --json save, and before the save).
  const keys: Days = o.streak || o.days ? await store.journal.dayChunks(store.settings().notesCountForStreak) : { chunks: [] };
  const days = () => {
    if (!(o.streak || o.days)) throw new Error('loadToday: the days were not read (pass days: true)');
    return keys;
  };
  let before: StreakInfo | undefined;
  return {
    store,
    today,
    day: (date) => store.journal.day(date),
    days,
    get before() {
      return (before ??= streakInfo(days(), today));
    },
    suggest: async () => suggestPrinciple(await store.journal.recentDays(suggestionReader(today)), today, await quiz.mastery(), focusFor(store, today)),
    quiz,
  };
}

/** The focus chosen in the last weekly review, when this is the week it was chosen for. */
function focusFor(store: Store, today: LocalDate): PrincipleId | undefined {
  const focus = store.state().focus;
  return focus && focus.week === weekOf(today, store.settings().weekStart ?? 'mon').id ? focus.principle : undefined;
}

export function lessonFor(id: PrincipleId): Lesson {
  const lesson = loadContent().lessons.find((l) => l.id === id);
  if (!lesson) throw new DataError(`The lesson for ${id} is missing from this installation; reinstall harmony.`);
  return lesson;
}

export function principleArg(text: string | undefined): PrincipleId | undefined {
  if (text === undefined) return undefined;
  const id = resolvePrincipleId(text);
  if (!id) throw new UsageError(`Unknown principle "${text}". Valid: ${validPrinciplesHint()}.`);
  return id;
}

export function dayLabel(date: LocalDate, today: LocalDate): string {
  return date === today ? `today (${date})` : date;
}
