// harmony checkin: the steps in checkin/steps.ts (mood, principle of the day, one or two
// reflection prompts, an intention), each from its flag or asked on a terminal, then one save.
// A second check-in the same day adds to the first (--append, or chosen when asked).
import type { Context } from '../context.js';
import { entryDate } from '../core/checkin.js';
import type { Entry } from '../core/entry.js';
import { markOffered } from '../core/practice-pick.js';
import { safeText } from '../core/safe.js';
import { ROUGH_DAYS_TEXT } from '../core/safety.js';
import { UsageError } from '../errors.js';
import { shortName } from '../core/people-text.js';
import { requireInteractive } from '../ui/prompts.js';
import { print, printJson, styleFor } from '../ui/style.js';
import { cancellable } from './common/ask.js';
import { lookBackLine, roughDaysNow } from './common/look-back.js';
import { saveAppend, saveNew, type StateUpdate } from './common/save.js';
import { printSaved, renderEntry } from './common/summary.js';
import { dayLabel, loadToday, type Today } from './common/today.js';
import { CHECKIN_PROMPTS, type CheckinOptions, type Session } from './checkin/session.js';
import { STEPS } from './checkin/steps.js';
import { appendPrinciple } from './checkin/steps/principle.js';

export { CHECKIN_PROMPTS, type CheckinOptions } from './checkin/session.js';
const CANCELLED = 'Check-in cancelled, nothing saved.';

export async function run(ctx: Context, opts: CheckinOptions = {}): Promise<void> {
  await cancellable(CANCELLED, () => checkin(ctx, opts));
}

async function checkin(ctx: Context, opts: CheckinOptions): Promise<void> {
  const p = await loadToday(ctx, { streak: !opts.json });
  const date = entryDate(opts.date, p.today);
  const answers = opts.answer ?? [];
  if (answers.length > CHECKIN_PROMPTS) {
    throw new UsageError(`A check-in takes at most ${CHECKIN_PROMPTS} --answer values; for a longer reflection use: harmony reflect`);
  }
  const done = ((await p.day(date))?.checkins ?? 0) > 0;
  // Known from the day index; the entry itself is read (and, encrypted and locked, the passphrase asked) only to add to it.
  if (done && !opts.append && !ctx.io.interactive) throw alreadyDone(date, p.today);
  const existing = done ? await dayCheckin(p, date) : undefined;
  if (existing) {
    if (!opts.append) {
      const choice = await sameDayChoice(ctx, existing);
      if (choice === 'cancel') return print(ctx.io, 'Nothing changed.');
    }
    return append(ctx, p, existing, opts);
  }
  const missing = [opts.mood === undefined ? '--mood N' : '', answers.length === 0 ? '--answer TEXT' : ''].filter(Boolean);
  if (missing.length > 0) requireInteractive(ctx.io, 'checkin', missing);
  const s = await runSteps({ ctx, today: p, opts, ask: missing.length > 0, draft: { date, answers: [], offered: [] } });
  const { principle, offered, newPeople, ...rest } = s.draft;
  const rough = !opts.json && (await roughDaysNow(p, date, rest.mood, p.store.state().roughDaysShown));
  const update: StateUpdate = (state) => {
    markOffered((state.practicesOffered ??= {}), offered, p.today);
    if (rough) state.roughDaysShown = p.today;
  };
  // Another terminal may have saved this day's check-in while we were asking: join it.
  const { entry, joined } = await saveNew(ctx, p, { kind: 'checkin', principle: principle!, ...rest }, (day) => day.find((e) => e.kind === 'checkin'), update, newPeople);
  if (joined) ctx.io.stderr.write(`Another terminal saved a check-in for ${dayLabel(date, p.today)} meanwhile; your answers were added to it.\n`);
  await finish(ctx, p, entry, 'Check-in saved', opts.json, rough);
  addedNote(ctx, newPeople, opts.json);
}

async function runSteps(s: Session): Promise<Session> {
  for (const step of STEPS) await step.check?.(s);
  if (s.ask && !s.existing && !s.opts.json) {
    print(s.ctx.io, styleFor(s.ctx.io).muted(`Check-in for ${dayLabel(s.draft.date, s.today.today)} · Ctrl+C stops without saving`));
  }
  for (const step of STEPS) await step.check?.(s);
  for (const step of STEPS) await step(s);
  return s;
}

async function append(ctx: Context, p: Today, entry: Entry, opts: CheckinOptions): Promise<void> {
  const flagged = [opts.mood, opts.intention, opts.practice, opts.followup].some((v) => v !== undefined) || (opts.answer ?? []).length > 0 || (opts.with ?? []).length > 0;
  appendPrinciple(entry, opts.principle);
  if (!flagged) requireInteractive(ctx.io, 'checkin --append', ['--answer TEXT', '--mood N', 'or --intention TEXT']);
  const s = await runSteps({ ctx, today: p, opts, ask: !flagged, existing: entry, draft: { date: entry.date, answers: [], offered: [] } });
  const { mood, answers, intention, practice, followUp, offered, newPeople } = s.draft;
  const update: StateUpdate = (state) => markOffered((state.practicesOffered ??= {}), offered, p.today);
  const saved = await saveAppend(ctx, p, entry.id, { mood, answers, intention, practice, followUp, with: s.draft.with, how: s.draft.how }, update, newPeople);
  await finish(ctx, p, saved, 'Added to your check-in', opts.json);
  addedNote(ctx, newPeople, opts.json);
}

/** Someone named as "someone new" is now in people.json: say so, and how to set a rhythm. */
function addedNote(ctx: Context, names: string[] | undefined, json?: boolean): void {
  if (!names || names.length === 0 || json) return;
  const who = names.length === 1 ? shortName(names[0]!) : `${names.length} people`;
  print(ctx.io, styleFor(ctx.io).muted(`Added ${who} to your people. How often you want real contact: harmony people edit NAME --every 2w`));
}

async function dayCheckin(p: Today, date: string): Promise<Entry | undefined> {
  return (await p.store.journal.readMonth(date.slice(0, 7))).find((e) => e.date === date && e.kind === 'checkin');
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
    print(ctx.io, '', await renderEntry(ctx, entry), '');
  }
}

async function finish(ctx: Context, p: Today, entry: Entry, verb: string, json?: boolean, rough = false): Promise<void> {
  if (json) return printJson(ctx.io, entry);
  await printSaved(ctx, p, entry, verb, `Go deeper on ${entry.principle}: harmony reflect ${entry.principle}`);
  const s = styleFor(ctx.io);
  const lines: string[] = [];
  if (entry.practice && !entry.practice.done && entry.date === p.today) lines.push(`Today's practice: ${safeText(entry.practice.text)}`, s.muted('  Done it? harmony practice done'));
  const back = await lookBackLine(p);
  if (back) lines.push(s.muted(back));
  if (rough) lines.push('', ROUGH_DAYS_TEXT);
  if (lines.length > 0) print(ctx.io, ...lines);
}
