// harmony practice: today's micro-practice. `practice` shows it, `practice done [--note]`
// marks it done (any time that day), `practice list` shows every practice and when it was last
// offered. The practice belongs to today's check-in entry; when the check-in did not take one,
// `done` records the one `practice` shows.
import type { Context } from '../context.js';
import { loadContent } from '../content/load.js';
import type { Practice } from '../content/types.js';
import { isoWithOffset } from '../core/dates.js';
import type { Entry } from '../core/entry.js';
import { markOffered, nextPractice, practicesOf } from '../core/practice-pick.js';
import { PRINCIPLES, principleTitle, type PrincipleId } from '../core/principles.js';
import { safeText } from '../core/safe.js';
import { DataError, UsageError } from '../errors.js';
import { writeDoc } from '../store/index.js';
import { FILES } from '../store/paths.js';
import { print, printJson, styleFor } from '../ui/style.js';
import { loadToday, principleArg, type Today } from './common/today.js';

interface Shown {
  date: string;
  principle: PrincipleId;
  /** Taken in today's check-in (or marked done). */
  taken: boolean;
  done: boolean;
  doneAt?: string;
  note?: string;
  practice: { id: string; text: string; why?: string; minutes?: number } | null;
}

const todaysCheckin = async (p: Today): Promise<Entry | undefined> =>
  (await p.day(p.today))?.checkins ? (await p.store.journal.readMonth(p.today.slice(0, 7))).find((e) => e.date === p.today && e.kind === 'checkin') : undefined;

function candidate(p: Today, principle: PrincipleId): Practice | undefined {
  return nextPractice(practicesOf(loadContent().practices, principle), p.store.state().practicesOffered ?? {});
}

async function todays(p: Today): Promise<Shown> {
  const entry = await todaysCheckin(p);
  const principle = entry?.principle ?? (await p.suggest()).principle;
  if (entry?.practice) {
    const known = loadContent().practices.find((x) => x.id === entry.practice!.id);
    const { id, text, done, note } = entry.practice;
    return { date: p.today, principle, taken: true, done: done !== undefined, doneAt: done, note, practice: { id, text, why: known?.why, minutes: known?.minutes } };
  }
  const next = candidate(p, principle);
  return { date: p.today, principle, taken: false, done: false, practice: next ? { id: next.id, text: next.text, why: next.why, minutes: next.minutes } : null };
}

export async function show(ctx: Context, opts: { json?: boolean }): Promise<void> {
  const p = await loadToday(ctx);
  const shown = await todays(p);
  if (opts.json) return printJson(ctx.io, shown);
  const s = styleFor(ctx.io);
  if (!shown.practice) return print(ctx.io, `No practices for ${principleTitle(shown.principle)} in this installation.`);
  const status = shown.done ? s.success(`✓ done ${shown.doneAt!.slice(11, 16)}`) : shown.taken ? 'taken in today\'s check-in' : 'for today';
  const lines = [
    `${s.heading(`Today's practice · ${principleTitle(shown.principle)}`)} ${s.muted(`(${status}${shown.practice.minutes ? `, about ${shown.practice.minutes} min` : ''})`)}`,
    `  ${safeText(shown.practice.text)}`,
  ];
  if (shown.practice.why) lines.push(s.muted(`  Why: ${shown.practice.why}`));
  if (shown.note) lines.push(`  ${s.accent('Note:')} ${safeText(shown.note)}`);
  if (!shown.done) {
    const hasCheckin = Boolean(await todaysCheckin(p));
    lines.push('', s.muted(hasCheckin ? 'Done it? harmony practice done [--note TEXT]' : `It comes with today's check-in: harmony checkin (or --practice ${shown.practice.id})`));
  }
  print(ctx.io, ...lines);
}

export async function done(ctx: Context, opts: { note?: string; json?: boolean }): Promise<void> {
  const p = await loadToday(ctx);
  if (!(await todaysCheckin(p))) {
    throw new UsageError("There is no check-in today yet, so no practice to mark done. Check in first (harmony checkin), then: harmony practice done");
  }
  const note = opts.note?.trim();
  const result = await p.store.write(async () => {
    const entry = await todaysCheckin(p); // again, under the lock
    if (!entry) throw new DataError("Today's check-in is no longer in the journal; nothing was saved.");
    const already = entry.practice?.done !== undefined;
    if (already && !note) return { entry, already };
    let practice = entry.practice;
    if (!practice) {
      const next = candidate(p, entry.principle ?? PRINCIPLES[0].id) // a check-in always has one;
      if (!next) throw new UsageError(`There are no practices for ${entry.principle} in this installation.`);
      practice = { id: next.id, text: next.text };
      const state = p.store.state();
      markOffered((state.practicesOffered ??= {}), [next.id], p.today);
      await p.store.saveState(state);
    }
    const next: Entry = { ...entry, practice: { ...practice, done: practice.done ?? isoWithOffset(ctx.now()) }, updatedAt: isoWithOffset(ctx.now()) };
    if (note) next.practice!.note = note;
    await p.store.journal.replace(next);
    return { entry: next, already };
  });
  if (opts.json) return printJson(ctx.io, result.entry);
  const s = styleFor(ctx.io);
  const practice = result.entry.practice!;
  const verb = result.already ? (note ? 'Note added to today\'s practice' : `Already done at ${practice.done!.slice(11, 16)}`) : 'Practice done';
  print(ctx.io, s.success(`✓ ${verb}: ${safeText(practice.text)}`), s.muted('The next check-in will count it as kept.'));
}

export async function list(ctx: Context, opts: { principle?: string; json?: boolean }): Promise<void> {
  const only = principleArg(opts.principle);
  const offered = ctx.store().state().practicesOffered ?? {};
  const rows = loadContent().practices.filter((x) => !only || x.principle === only).map((x) => ({ ...x, lastOffered: offered[x.id] ?? null }));
  if (opts.json) return printJson(ctx.io, rows);
  const s = styleFor(ctx.io);
  const lines: string[] = [];
  for (const pr of PRINCIPLES) {
    const mine = rows.filter((r) => r.principle === pr.id);
    if (mine.length === 0) continue;
    lines.push('', s.heading(`${pr.number}. ${pr.title}`));
    for (const r of mine) lines.push(`  ${s.bold(r.id)} ${s.muted(`· ${r.minutes} min${r.lastOffered ? ` · last offered ${r.lastOffered}` : ''}`)}`, `    ${r.text}`);
  }
  if (lines.length === 0) lines.push('No practices in this installation.');
  print(ctx.io, ...lines.slice(lines[0] === '' ? 1 : 0));
}
