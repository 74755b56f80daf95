// harmony reflect [principle]: a longer guided reflection (3 prompts, up to 5 if you want to
// go on) closing with "one thing I will do". Saved as a journal entry of kind reflection; the
// closing line is stored as the entry's intention. It counts as practice for the day.
import type { Context } from '../context.js';
import { entryDate, pairAnswers } from '../core/checkin.js';
import type { Answer } from '../core/entry.js';
import { PRINCIPLES, type PrincipleId } from '../core/principles.js';
import { promptsWithOwn } from '../core/own-prompts.js';
import { choosePrompts } from '../core/suggest.js';
import { UsageError } from '../errors.js';
import { requireInteractive } from '../ui/prompts.js';
import { print, printJson, styleFor } from '../ui/style.js';
import { askText, cancellable } from './common/ask.js';
import { saveNew } from './common/save.js';
import { printSaved } from './common/summary.js';
import { lessonFor, loadToday, principleArg, type Today } from './common/today.js';

export interface ReflectOptions {
  answer?: string[];
  commitment?: string;
  date?: string;
  editor?: boolean;
  json?: boolean;
}

export const REFLECT_PROMPTS = { asked: 3, most: 5 } as const;
const CANCELLED = 'Reflection cancelled, nothing saved.';

export async function run(ctx: Context, principle: string | undefined, opts: ReflectOptions = {}): Promise<void> {
  await cancellable(CANCELLED, () => reflect(ctx, principle, opts));
}

async function reflect(ctx: Context, principleText: string | undefined, opts: ReflectOptions): Promise<void> {
  const p = await loadToday(ctx, { streak: !opts.json });
  const date = entryDate(opts.date, p.today);
  const chosen = principleArg(principleText);
  const answers = opts.answer ?? [];
  if (answers.length > REFLECT_PROMPTS.most) {
    throw new UsageError(`A reflection takes at most ${REFLECT_PROMPTS.most} --answer values.`);
  }
  const commitment = opts.commitment?.trim();
  const missing = [answers.length === 0 ? '--answer TEXT' : '', commitment ? '' : '--commitment TEXT'].filter(Boolean);
  if (missing.length > 0) requireInteractive(ctx.io, 'reflect', missing);
  const principle = chosen ?? (await pickPrinciple(ctx, p, missing.length > 0));
  const lesson = lessonFor(principle);
  const state = p.store.state();
  const prompts = choosePrompts(promptsWithOwn(lesson.prompts, state.ownPrompts, principle), state.promptsUsed, REFLECT_PROMPTS.most);
  let asked: Answer[];
  if (answers.length > 0) {
    asked = pairAnswers(prompts, answers);
  } else {
    const s = styleFor(ctx.io);
    print(ctx.io, s.heading(lesson.title), s.muted(lesson.summary), s.muted('Take your time. Enter skips a prompt.'), '');
    asked = await askPrompts(ctx, prompts, opts.editor);
  }
  const closing = commitment || (await askText(ctx, 'One thing I will do:', { required: true }));
  const { entry } = await saveNew(ctx, p, { kind: 'reflection', date, principle, answers: asked, intention: closing });
  if (opts.json) return printJson(ctx.io, entry);
  await printSaved(ctx, p, entry, 'Reflection saved', 'Check in tomorrow: harmony checkin');
}

async function pickPrinciple(ctx: Context, p: Today, ask: boolean): Promise<PrincipleId> {
  const suggested = (await p.suggest()).principle;
  if (!ask) return suggested;
  return ctx.prompter.select<PrincipleId>({
    message: 'Reflect on which principle?',
    choices: PRINCIPLES.map((pr) => ({ name: `${pr.number}. ${pr.title}${pr.id === suggested ? ' (suggested)' : ''}`, value: pr.id })),
    default: suggested,
  });
}

/**
 * Three prompts, each skippable, but at least one answered (the third insists if the first
 * two were skipped); then up to two more if the user wants to go on.
 */
async function askPrompts(ctx: Context, prompts: string[], editor?: boolean): Promise<Answer[]> {
  const out: Answer[] = [];
  for (const [i, prompt] of prompts.entries()) {
    if (i >= REFLECT_PROMPTS.asked) {
      const more = await ctx.prompter.confirm({ message: 'Another prompt?', default: false });
      if (!more) break;
    }
    const lastChance = i === Math.min(REFLECT_PROMPTS.asked, prompts.length) - 1 && out.length === 0;
    const answer = await askText(ctx, prompt, { editor, required: lastChance });
    if (answer !== '') out.push({ prompt, answer });
  }
  return out;
}
