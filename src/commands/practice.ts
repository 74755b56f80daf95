// Shared by checkin, reflect and the home screen: reading the practice picture, asking free
// text, saving an entry with its prompt bookkeeping under one lock, and the closing summary.
import type { Context } from '../context.js';
import { loadContent } from '../content/load.js';
import type { Lesson } from '../content/types.js';
import { appendToEntry, buildEntry, markPromptsUsed, type Addition, type NewEntry } from '../core/checkin.js';
import type { LocalDate } from '../core/dates.js';
import { MOODS, type Entry } from '../core/entry.js';
import { principleTitle, resolvePrincipleId, type PrincipleId } from '../core/principles.js';
import { validPrinciplesHint } from '../core/lessons.js';
import { streakInfo, streakPair, type StreakInfo } from '../core/streaks.js';
import { suggestionReader, suggestPrinciple, type Suggestion } from '../core/suggest.js';
import { freezeLine, nextSteps, streakLine } from '../core/summary.js';
import { CancelledError, DataError, UsageError } from '../errors.js';
import { writeDoc, type Store } from '../store/index.js';
import type { DaySummary } from '../store/journal.js';
import { FILES } from '../store/paths.js';
import { safeText } from '../ui/safe.js';
import { print, styleFor } from '../ui/style.js';
import { quizHints, type QuizHints } from './quiz-hints.js';

export interface Practice {
  store: Store;
  today: LocalDate;
  /** What one day holds, from its month's part of the day index. */
  day: (date: LocalDate) => DaySummary | undefined;
  /** The days practised, as first read (before the save, when loaded with `streak`). */
  days: () => LocalDate[];
  /** The streak as it stands (the home screen); a save works out before and after at once. */
  readonly before: StreakInfo;
  /** The principle to suggest: least practised lately (the newest months only), quiz weakness on a tie. */
  suggest: () => Promise<Suggestion>;
  /** Read on first use only: a save with --principle and --json never opens quiz.json. */
  quiz: QuizHints;
}

/**
 * Today's picture, from the day index only (never every month of the journal), each part
 * read when first needed: what grows with history (the days practised, the streak walk, the
 * per-day summaries) is not worked out for a save that does not show it (--json).
 * `streak`: the summary after a save will show the streak, so read the days practised now,
 * before the save (and a save that has read every year's index can heal a stale one).
 */
export async function loadPractice(ctx: Context, o: { streak?: boolean } = {}): Promise<Practice> {
  const store = ctx.store();
  const today = ctx.today();
  const quiz = quizHints(store, ctx.now());
  let keys: LocalDate[] | undefined;
  const days = () => (keys ??= store.journal.dayKeys());
  if (o.streak) days();
  let before: StreakInfo | undefined;
  return {
    store,
    today,
    day: (date) => store.journal.day(date),
    days,
    get before() {
      return (before ??= streakInfo(days(), today));
    },
    suggest: async () => suggestPrinciple(store.journal.recentDays(suggestionReader(today)), today, await quiz.mastery()),
    quiz,
  };
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

/** Turns any prompt's Ctrl+C into the command's own cancel message. */
export async function cancellable<T>(message: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof CancelledError) throw new CancelledError(message);
    throw error;
  }
}

/** Free text by a one-line prompt or, with --editor, in $VISUAL/$EDITOR. */
export async function askText(ctx: Context, message: string, o: { editor?: boolean; required?: boolean }): Promise<string> {
  if (!o.editor) {
    const validate = (v: string) => (!o.required || v.trim() !== '' ? true : 'Write a few words (Ctrl+C cancels).');
    return (await ctx.prompter.input({ message, required: o.required, validate })).trim();
  }
  // The `editor` setting wins over $VISUAL/$EDITOR; inquirer's editor reads the environment
  // (ctx.env is process.env outside tests).
  const configured = ctx.store().settings().editor;
  if (configured) ctx.env.VISUAL = configured;
  for (;;) {
    const text = (await ctx.prompter.editor({ message: `${message} (opens your editor)` })).trim();
    if (text !== '' || !o.required) return text;
    ctx.io.stderr.write('An answer is needed here; the editor opens again (Ctrl+C cancels).\n');
  }
}

/** Saves a new entry and marks its prompts used, in one locked write. `check` sees the day's entries first. */
/**
 * Saves a new entry. `join` looks at the day's entries under the lock: when it returns one
 * (another terminal saved it while this one was asking), what was typed is added to that entry
 * instead, so nothing is duplicated and nothing the user wrote is dropped.
 */
export async function saveNew(
  ctx: Context,
  p: Practice,
  input: NewEntry,
  join?: (day: Entry[]) => Entry | undefined,
): Promise<{ entry: Entry; joined: boolean }> {
  const { store } = p;
  return store.write(() => {
    const month = store.journal.readMonth(input.date.slice(0, 7));
    const existing = join?.(month.filter((e) => e.date === input.date));
    if (existing) {
      const entry = appendToEntry(existing, { mood: input.mood, answers: input.answers, intention: input.intention }, ctx.now());
      store.journal.replace(entry);
      recordPrompts(store, entry.answers, p.today);
      return { entry, joined: true };
    }
    const ids = new Set(month.map((e) => e.id));
    const entry = buildEntry(input, ctx.now(), (id) => ids.has(id));
    store.journal.add([entry]);
    recordPrompts(store, entry.answers, p.today);
    return { entry, joined: false };
  });
}

/** Adds to an entry (re-read under the lock, so another terminal's change is kept). */
export async function saveAppend(ctx: Context, p: Practice, id: string, add: Addition): Promise<Entry> {
  const { store } = p;
  return store.write(() => {
    const current = store.journal.get(id);
    if (!current) throw new DataError(`Entry ${id} is no longer in the journal; nothing was saved.`);
    const next = appendToEntry(current, add, ctx.now());
    store.journal.replace(next);
    recordPrompts(store, add.answers, p.today);
    return next;
  });
}

function recordPrompts(store: Store, answers: Entry['answers'], today: LocalDate): void {
  if (answers.length === 0) return;
  const state = store.state();
  markPromptsUsed(state.promptsUsed, answers, today);
  writeDoc(store.path(FILES.state), state);
}

export function dayLabel(date: LocalDate, today: LocalDate): string {
  return date === today ? `today (${date})` : date;
}

/** An entry, readable, with everything the user wrote made safe for the terminal. */
export function renderEntry(ctx: Context, e: Entry): string {
  const s = styleFor(ctx.io);
  const kind = e.kind === 'checkin' ? 'Check-in' : 'Reflection';
  const mood = e.mood !== undefined ? ` · mood ${e.mood} (${MOODS[e.mood]})` : '';
  const lines = [s.bold(`${kind} · ${e.date} · ${principleTitle(e.principle)}${mood}`) + s.muted(`  ${e.id}`)];
  for (const a of e.answers) lines.push(s.muted(`  ${a.prompt}`), `  ${safeText(a.answer).replace(/\n/g, '\n  ')}`);
  if (e.intention) {
    const label = e.kind === 'checkin' ? 'Intention' : 'One thing I will do';
    lines.push(`  ${s.accent(label + ':')} ${safeText(e.intention).replace(/\n/g, '\n  ')}`);
  }
  return lines.join('\n');
}

/** The closing lines: streak (and record), freezes, what to do next. */
export function summaryLines(ctx: Context, p: Practice, before: StreakInfo, after: StreakInfo, principle: PrincipleId | undefined, fallback: string, backfilled?: LocalDate): string[] {
  const s = styleFor(ctx.io);
  const state = p.store.state();
  const steps = nextSteps(loadContent().lessons, state.lessonsRead, principle, p.quiz.due(), fallback);
  const streak = streakLine(before, after, backfilled);
  return [
    streak.includes('record') ? s.success(streak) : streak,
    s.muted(freezeLine(after)),
    'Next:',
    ...steps.map((step) => `  • ${step}`),
  ];
}

export async function printSaved(ctx: Context, p: Practice, entry: Entry, verb: string, fallback: string): Promise<void> {
  const s = styleFor(ctx.io);
  const { before, after } = streakPair(p.days(), p.today, entry.date); // one walk for both
  const backfilled = entry.date !== p.today ? entry.date : undefined;
  print(
    ctx.io,
    '',
    s.success(`✓ ${verb} for ${dayLabel(entry.date, p.today)} · ${principleTitle(entry.principle)}`),
    ...summaryLines(ctx, p, before, after, entry.principle, fallback, backfilled),
  );
}
