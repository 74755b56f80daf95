// harmony review [--week last|this|YYYY-Www]: the week on one screen (days practised, mood,
// principles, intentions kept, practices done, quiz, who you connected with), then three prompts (what went well,
// what got in the way, one focus for next week, chosen as a principle), saved as an entry of
// kind review. The focus leans next week's suggestions towards it (core/suggest.ts).
// --json: the figures (and the entry, when saved); --answer and --focus make it scriptable.
import type { Context } from '../context.js';
import { loadContent } from '../content/load.js';
import { REVIEW_SLOTS, type ReviewSlot } from '../content/types.js';
import type { Answer } from '../core/entry.js';
import { PRINCIPLES, principleTitle, type PrincipleId } from '../core/principles.js';
import { leastPractised, type WeekFigures } from '../core/review.js';
import { choosePrompts } from '../core/suggest.js';
import { parseWeekArg, type Week } from '../core/weeks.js';
import { UsageError } from '../errors.js';
import { requireInteractive } from '../ui/prompts.js';
import { print, printJson, styleFor } from '../ui/style.js';
import { askText, cancellable } from './common/ask.js';
import { saveNew } from './common/save.js';
import { summaryLines } from './common/summary.js';
import { loadToday, principleArg, type Today } from './common/today.js';
import { streakPair } from '../core/streaks.js';
import { readWeek, weekAfter } from './review/figures.js';
import { reviewScreen } from './review/screen.js';

export interface ReviewOptions {
  week?: string;
  answer?: string[];
  focus?: string;
  json?: boolean;
}

const CANCELLED = 'Review cancelled, nothing saved.';

export async function run(ctx: Context, opts: ReviewOptions = {}): Promise<void> {
  await cancellable(CANCELLED, () => review(ctx, opts));
}

async function review(ctx: Context, opts: ReviewOptions): Promise<void> {
  const p = await loadToday(ctx, { streak: !opts.json });
  const start = p.store.settings().weekStart ?? 'mon';
  const week = parseWeekArg(opts.week, p.today, start);
  const answers = opts.answer ?? [];
  if (answers.length > REVIEW_SLOTS.length) throw new UsageError(`A review takes at most ${REVIEW_SLOTS.length} --answer values (what went well, what got in the way, a focus).`);
  const focusFlag = principleArg(opts.focus);
  const figures = await readWeek(p.store, week, p.today);
  const scripted = answers.length > 0 || focusFlag !== undefined;
  if (opts.json && !scripted) return printJson(ctx.io, figures);
  if (figures.reviewId && scripted) throw alreadyReviewed(week, figures.reviewId);
  if (!scripted && !opts.json) requireInteractive(ctx.io, 'review', ['--focus ID', '[--answer TEXT ...]', 'or --json for the figures']);
  if (scripted && !focusFlag) throw new UsageError('A scripted review needs --focus ID: the principle to lean towards next week (attention, communication, wellbeing, trust, intimacy).');
  const s = styleFor(ctx.io);
  if (!opts.json) print(ctx.io, ...reviewScreen(figures, s), '');
  if (figures.reviewId) return print(ctx.io, s.muted(`You reviewed this week already: harmony journal show ${figures.reviewId}`));
  const prompts = reviewPrompts(p);
  const asked: Answer[] = scripted ? answers.map((answer, i) => ({ prompt: prompts[i]!, answer })) : await ask(ctx, prompts);
  const focus = focusFlag ?? (await askFocus(ctx, figures));
  const next = weekAfter(week, start);
  const { entry } = await saveNew(ctx, p, { kind: 'review', date: p.today, principle: focus, week: week.id, answers: asked }, undefined, (state) => {
    state.focus = { principle: focus, week: next.id };
  });
  if (opts.json) return printJson(ctx.io, { ...figures, entry });
  const { before, after } = streakPair(p.days(), p.today, entry.date);
  print(
    ctx.io,
    '',
    s.success(`✓ Weekly review saved · focus for ${next.id}: ${principleTitle(focus)}`),
    s.muted(`Check-ins that week will lean towards ${focus}.`),
    ...(await summaryLines(ctx, p, before, after, focus, `Start the week: harmony checkin --principle ${focus}`)),
  );
}

function alreadyReviewed(week: Week, id: string): UsageError {
  return new UsageError(`Week ${week.id} already has a review (${id}); see it with: harmony journal show ${id}`);
}

/** One prompt a slot (well, obstacle, focus), least recently answered first. */
function reviewPrompts(p: Today): string[] {
  const all = loadContent().reviewPrompts;
  const used = p.store.state().promptsUsed;
  const fallback: Record<ReviewSlot, string> = {
    well: 'What went well this week?',
    obstacle: 'What got in the way?',
    focus: 'What is one thing to focus on next week?',
  };
  return REVIEW_SLOTS.map((slot) => choosePrompts(all.filter((r) => r.slot === slot).map((r) => r.text), used, 1)[0] ?? fallback[slot]);
}

async function ask(ctx: Context, prompts: string[]): Promise<Answer[]> {
  const out: Answer[] = [];
  for (const prompt of prompts) {
    const answer = await askText(ctx, `${prompt} (Enter to skip)`, { required: false });
    if (answer !== '') out.push({ prompt, answer });
  }
  return out;
}

async function askFocus(ctx: Context, f: WeekFigures): Promise<PrincipleId> {
  const suggested = leastPractised(f);
  return ctx.prompter.select<PrincipleId>({
    message: 'Which principle to lean towards next week?',
    choices: PRINCIPLES.map((pr) => ({ name: `${pr.number}. ${pr.title}${pr.id === suggested ? ' (least practised this week)' : ''}`, value: pr.id })),
    default: suggested,
  });
}
