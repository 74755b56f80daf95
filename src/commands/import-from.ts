// harmony import --from jrnl|daylio|dayone FILE: another tool's journal, as notes. Every entry
// is parsed before anything is written; the plan is made again under the lock; --dry-run only
// reports. Custom Daylio moods are asked once on a terminal, else --mood-map names them.
import type { Context } from '../context.js';
import { parseMoodMap } from '../core/import/daylio.js';
import { moodsToMap, parseSource } from '../core/import/detect.js';
import { planToolImport, type ToolImportPlan } from '../core/import/plan.js';
import type { ParseOptions, Source } from '../core/import/types.js';
import { safeLine } from '../core/safe.js';
import type { Entry } from '../core/entry.js';
import { UsageError } from '../errors.js';
import type { Store } from '../store/index.js';
import { print, printJson, styleFor } from '../ui/style.js';

export interface FromOptions {
  from: Source;
  moodMap?: string;
  dryRun?: boolean;
  json?: boolean;
}

const LABEL: Record<Source, string> = { jrnl: 'jrnl', daylio: 'Daylio', dayone: 'Day One' };
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

async function askMoods(ctx: Context, names: string[], opts: ParseOptions): Promise<void> {
  const flag = `--mood-map "${names.map((n) => `${n}=N`).join(',')}"`;
  if (!ctx.io.interactive) throw new UsageError(`This Daylio file uses moods harmony does not know (${names.join(', ')}); pass ${flag} with N from 1 (awful) to 5 (rad). Nothing was imported.`);
  opts.moodMap ??= {};
  for (const name of names) {
    opts.moodMap[name] = await ctx.prompter.select<number>({
      message: `Daylio mood "${name}" is which on harmony's scale?`,
      choices: [5, 4, 3, 2, 1].map((n) => ({ name: `${n} ${['', 'rough (awful)', 'low (bad)', 'okay (meh)', 'good (good)', 'great (rad)'][n]}`, value: n })),
    });
  }
}

function report(ctx: Context, plan: ToolImportPlan, from: Source, total: number, dryRun: boolean, file: string): void {
  const s = styleFor(ctx.io);
  const will = dryRun ? 'would be' : 'were';
  const lines = [s.heading(`${dryRun ? 'Dry run: nothing was written. ' : ''}${LABEL[from]} journal, ${plural(total, 'entry', 'entries')}.`)];
  lines.push(`${plural(plan.add.length, 'note')} ${will} added${plan.first ? `, from ${plan.first} to ${plan.last}` : ''}.`);
  const years = Object.entries(plan.perYear).sort();
  if (years.length > 0) lines.push(`  ${years.map(([y, n]) => `${y}: ${n}`).join(' · ')}`);
  if (plan.already > 0) lines.push(`${plural(plan.already, 'entry', 'entries')} skipped: imported before.`);
  if (plan.repeated > 0) lines.push(`${plural(plan.repeated, 'entry', 'entries')} skipped: the same entry twice in the file.`);
  lines.push(dryRun ? s.muted(`Import it for real: harmony import --from ${from} ${file}`) : s.success('Import done. See them with: harmony journal --kind note'));
  print(ctx.io, ...lines);
}

/** The months the notes fall in, read now (each decrypted once in an encrypted store), for the plan. */
async function monthsOf(store: Store, notes: readonly { date: string }[]): Promise<(month: string) => Entry[]> {
  const have = new Set(store.journal.months());
  const read = new Map<string, Entry[]>();
  for (const month of new Set(notes.map((n) => n.date.slice(0, 7)))) if (have.has(month)) read.set(month, await store.journal.readMonth(month));
  return (month) => read.get(month) ?? [];
}

export async function runFrom(ctx: Context, text: string, file: string, opts: FromOptions): Promise<void> {
  const parse: ParseOptions = { timeZone: ctx.env.TZ || undefined, moodMap: opts.moodMap ? parseMoodMap(opts.moodMap) : undefined };
  const unknown = moodsToMap(opts.from, text, parse);
  if (unknown.length > 0) await askMoods(ctx, unknown, parse);
  let notes;
  try {
    notes = parseSource(opts.from, text, parse);
  } catch (error) {
    if (error instanceof UsageError) throw new UsageError(`${file}: ${error.message.replace(/\.$/, '')}. Nothing was imported.`);
    throw error;
  }
  const store = ctx.store();
  const dryRun = Boolean(opts.dryRun);
  const plan = dryRun
    ? planToolImport(notes, await monthsOf(store, notes))
    : await store.write(async () => {
        const p = planToolImport(notes, await monthsOf(store, notes));
        if (p.add.length > 0) await store.journal.add(p.add);
        return p;
      });
  if (opts.json) {
    return printJson(ctx.io, { dryRun, from: opts.from, entries: notes.length, added: plan.add.length, skipped: { importedBefore: plan.already, repeatedInFile: plan.repeated }, perYear: plan.perYear, first: plan.first ?? null, last: plan.last ?? null });
  }
  report(ctx, plan, opts.from, notes.length, dryRun, file === 'standard input' ? '-' : safeLine(file));
}
