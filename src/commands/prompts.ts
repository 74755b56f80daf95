// harmony prompts add PRINCIPLE "TEXT" | list [--json] | remove ID: reflection prompts of
// your own. They join the rotation beside the lesson's (check-ins and reflections).
import type { Context } from '../context.js';
import { cleanPromptText, newOwnPrompt } from '../core/own-prompts.js';
import { PRINCIPLES } from '../core/principles.js';
import { safeText } from '../core/safe.js';
import { UsageError } from '../errors.js';
import { print, printJson, styleFor } from '../ui/style.js';
import { principleArg } from './common/today.js';

export async function add(ctx: Context, principleText: string, text: string, opts: { json?: boolean }): Promise<void> {
  const principle = principleArg(principleText)!;
  const clean = cleanPromptText(text);
  const store = ctx.store();
  const today = ctx.today();
  await store.loadState(true); // encrypted: your prompts are secret, and a new id must not repeat one
  let added = undefined as ReturnType<typeof newOwnPrompt> | undefined;
  await store.updateState((state) => {
    added = newOwnPrompt(state.ownPrompts ?? [], principle, clean, today);
    state.ownPrompts = [...(state.ownPrompts ?? []), added];
  });
  if (opts.json) return printJson(ctx.io, added);
  const s = styleFor(ctx.io);
  print(ctx.io, s.success(`✓ Added ${added!.id} to ${principle}: ${safeText(clean)}`), s.muted(`It comes up in a check-in or reflection on ${principle} soon.`));
}

export async function list(ctx: Context, opts: { json?: boolean }): Promise<void> {
  await ctx.store().loadState(true); // encrypted: asks for the passphrase when locked
  const own = ctx.store().state().ownPrompts ?? [];
  if (opts.json) return printJson(ctx.io, own);
  const s = styleFor(ctx.io);
  if (own.length === 0) return print(ctx.io, 'No prompts of your own yet. Add one: harmony prompts add trust "Whom did I keep my word to today?"');
  const lines: string[] = [];
  for (const pr of PRINCIPLES) {
    const mine = own.filter((p) => p.principle === pr.id);
    if (mine.length === 0) continue;
    lines.push(s.heading(`${pr.number}. ${pr.title}`));
    for (const p of mine) lines.push(`  ${s.muted(p.id)}  ${safeText(p.text)}`);
  }
  print(ctx.io, ...lines);
}

export async function remove(ctx: Context, id: string): Promise<void> {
  const key = id.trim().toLowerCase();
  let removed = '';
  await ctx.store().loadState(true);
  await ctx.store().updateState((state) => {
    const own = state.ownPrompts ?? [];
    const found = own.find((p) => p.id === key);
    if (!found) {
      const ids = own.map((p) => p.id);
      throw new UsageError(`No prompt of yours has the id "${id}". ${ids.length ? `Yours: ${ids.slice(0, 8).join(', ')}${ids.length > 8 ? ', …' : ''} (harmony prompts list).` : 'You have none yet.'}`);
    }
    removed = found.text;
    state.ownPrompts = own.filter((p) => p.id !== key);
  });
  print(ctx.io, `Removed ${key}: ${safeText(removed)}`);
}
