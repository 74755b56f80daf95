// harmony checkin: mood, principle of the day, one or two reflection prompts, an intention.
// Every answer can come from a flag; prompts ask only for what the flags left out, and only
// on a terminal. Nothing is written until the last answer is in.
import type { Context } from '../context.js';
import { entryDate, type Addition } from '../core/checkin.js';
import { MOODS, type Entry } from '../core/entry.js';
import { PRINCIPLES, type PrincipleId } from '../core/principles.js';
import { choosePrompts } from '../core/suggest.js';
import { pairAnswers } from '../core/checkin.js';
import { UsageError } from '../errors.js';
import { requireInteractive } from '../ui/prompts.js';
import { print, printJson, styleFor } from '../ui/style.js';
import { askText, cancellable, dayLabel, lessonFor, loadPractice, principleArg, printSaved, renderEntry, saveAppend, saveNew, type Practice } from './practice.js';

export interface CheckinOptions {
  mood?: number;
  principle?: string;
  answer?: string[];
  intention?: string;
  date?: string;
  append?: boolean;
  editor?: boolean;
  json?: boolean;
}

export const CHECKIN_PROMPTS = 2;
const CANCELLED = 'Check-in cancelled, nothing saved.';

export async function run(ctx: Context, opts: CheckinOptions = {}): Promise<void> {
  await cancellable(CANCELLED, () => checkin(ctx, opts));
}

async function checkin(ctx: Context, opts: CheckinOptions): Promise<void> {
  const p = await loadPractice(ctx, { streak: !opts.json });
  const date = entryDate(opts.date, p.today);
  const chosen = principleArg(opts.principle);
  const answers = opts.answer ?? [];
  if (answers.length > CHECKIN_PROMPTS) {
    throw new UsageError(`A check-in takes at most ${CHECKIN_PROMPTS} --answer values; for a longer reflection use: harmony reflect`);
  }
  const existing = (p.day(date)?.checkins ?? 0) > 0 ? dayCheckin(p, date) : undefined;
  if (existing) {
    if (!opts.append) {
      if (!ctx.io.interactive) throw alreadyDone(date, p.today);
      const choice = await sameDayChoice(ctx, existing);
      if (choice === 'cancel') return print(ctx.io, 'Nothing changed.');
    }
    return appendFlow(ctx, p, existing, opts, chosen);
  }
  const missing = [opts.mood === undefined ? '--mood N' : '', answers.length === 0 ? '--answer TEXT' : ''].filter(Boolean);
  if (missing.length > 0) requireInteractive(ctx.io, 'checkin', missing);
  if (missing.length > 0 && !opts.json) print(ctx.io, styleFor(ctx.io).muted(`Check-in for ${dayLabel(date, p.today)} · Ctrl+C stops without saving`));
  const mood = opts.mood ?? (await askMood(ctx));
  const principle = chosen ?? (await pickPrinciple(ctx, p, missing.length > 0));
  const prompts = choosePrompts(lessonFor(principle).prompts, p.store.state().promptsUsed, CHECKIN_PROMPTS);
  const given = pairAnswers(prompts, answers);
  const asked = given.length > 0 ? given : await askPrompts(ctx, prompts, opts.editor);
  const intention = opts.intention ?? (missing.length === 0 ? undefined : await askIntention(ctx));
  // Another terminal may have saved this day's check-in while we were asking: join it.
  const { entry, joined } = await saveNew(ctx, p, { kind: 'checkin', date, principle, mood, answers: asked, intention }, (day) =>
    day.find((e) => e.kind === 'checkin'),
  );
  if (joined) ctx.io.stderr.write(`Another terminal saved a check-in for ${dayLabel(date, p.today)} meanwhile; your answers were added to it.\n`);
  await finish(ctx, p, entry, 'Check-in saved', opts.json);
}

function dayCheckin(p: Practice, date: string): Entry | undefined {
  return p.store.journal.readMonth(date.slice(0, 7)).find((e) => e.date === date && e.kind === 'checkin');
}

function alreadyDone(date: string, today: string): UsageError {
  const which = date === today ? 'today' : date;
  return new UsageError(
    `You already checked in for ${which}. Pass --append to add to that entry, or see it with: harmony journal show ${which}`,
  );
}

async function sameDayChoice(ctx: Context, entry: Entry): Promise<'add' | 'cancel'> {
  const which = entry.date === ctx.today() ? 'today' : entry.date;
  for (;;) {
    const choice = await ctx.prompter.select<'add' | 'view' | 'cancel'>({
      message: `You already checked in for ${which}. What now?`,
      choices: [
        { name: `Add to ${which}'s entry`, value: 'add' },
        { name: 'View it', value: 'view' },
        { name: 'Cancel', value: 'cancel' },
      ],
    });
    if (choice !== 'view') return choice;
    print(ctx.io, '', renderEntry(ctx, entry), '');
  }
}

async function appendFlow(ctx: Context, p: Practice, entry: Entry, opts: CheckinOptions, chosen?: PrincipleId): Promise<void> {
  if (chosen && chosen !== entry.principle) {
    throw new UsageError(`That check-in is about ${entry.principle}; --append adds to it, so leave out --principle (or use: harmony reflect ${chosen}).`);
  }
  const answers = opts.answer ?? [];
  const flagged = opts.mood !== undefined || answers.length > 0 || opts.intention !== undefined;
  if (!flagged) requireInteractive(ctx.io, 'checkin --append', ['--answer TEXT', '--mood N', 'or --intention TEXT']);
  const prompts = choosePrompts(lessonFor(entry.principle).prompts, p.store.state().promptsUsed, CHECKIN_PROMPTS, entry.answers.map((a) => a.prompt));
  let add: Addition;
  if (flagged) {
    add = { mood: opts.mood, answers: pairAnswers(prompts, answers), intention: opts.intention };
  } else {
    const mood = await askMood(ctx, entry.mood);
    add = { mood, answers: await askPrompts(ctx, prompts, opts.editor), intention: await askIntention(ctx) };
  }
  const saved = await saveAppend(ctx, p, entry.id, add);
  await finish(ctx, p, saved, 'Added to your check-in', opts.json);
}

async function finish(ctx: Context, p: Practice, entry: Entry, verb: string, json?: boolean): Promise<void> {
  if (json) return printJson(ctx.io, entry);
  await printSaved(ctx, p, entry, verb, `Go deeper on ${entry.principle}: harmony reflect ${entry.principle}`);
}

async function askMood(ctx: Context, current?: number): Promise<number> {
  return ctx.prompter.select<number>({
    message: current === undefined ? 'How are you today?' : 'How are you now?',
    choices: [1, 2, 3, 4, 5].map((n) => ({ name: `${n} ${MOODS[n]}`, value: n })),
    default: current ?? 3,
  });
}

/** The suggestion (least practised lately, quiz weakness on a tie), offered as the default when asking. */
async function pickPrinciple(ctx: Context, p: Practice, ask: boolean): Promise<PrincipleId> {
  const { principle: suggested, reason } = await p.suggest();
  if (!ask) return suggested;
  return ctx.prompter.select<PrincipleId>({
    message: 'Principle of the day',
    choices: PRINCIPLES.map((pr) => ({
      name: `${pr.number}. ${pr.title}${pr.id === suggested ? ' (suggested)' : ''}`,
      value: pr.id,
      description: pr.id === suggested ? `Suggested: ${reason}.` : undefined,
    })),
    default: suggested,
  });
}

/** The first prompt needs an answer; the second can be skipped with Enter. */
async function askPrompts(ctx: Context, prompts: string[], editor?: boolean): Promise<{ prompt: string; answer: string }[]> {
  const out: { prompt: string; answer: string }[] = [];
  for (const [i, prompt] of prompts.entries()) {
    const message = i === 0 ? prompt : `${prompt} (Enter to skip)`;
    const answer = await askText(ctx, message, { editor, required: i === 0 });
    if (answer !== '') out.push({ prompt, answer });
  }
  return out;
}

/** One line, even with --editor: an intention is short, and an editor for an optional line is a chore. */
async function askIntention(ctx: Context): Promise<string> {
  return askText(ctx, 'An intention for tomorrow? (Enter to skip)', { required: false });
}
