// harmony export: the journal as markdown (for reading) or a complete JSON backup.
import type { Context } from '../context.js';
import { buildBackup } from '../core/backup.js';
import { isoWithOffset } from '../core/dates.js';
import { journalMarkdown, MarkdownJournal, type MarkdownMeta } from '../core/export-md.js';
import { isFiltered, matches, monthsInRange, parseFilter, queryJournal, type FilterFlags, type JournalFilter } from '../core/journal-query.js';
import { UsageError } from '../errors.js';
import { readDocs } from '../store/backup.js';
import type { Journal } from '../store/journal.js';
import { writeUserFile } from '../store/user-file.js';
import type { IO } from '../ui/io.js';
import { safeLine, safeText } from '../core/safe.js';
import { safeJson } from './journal-view.js';
import { withPerson } from './common/person-filter.js';
import type { Entry } from '../core/entry.js';
import { peopleById, type Person } from '../core/people.js';
import { withLine } from '../core/people-text.js';
import type { Store } from '../store/index.js';

export interface ExportOptions extends FilterFlags {
  format?: string;
  out?: string;
  force?: boolean;
}

/** The filters in words, for the markdown intro ("Only trust; from 2026-01-01."). */
function describe(f: JournalFilter): string | undefined {
  const parts: string[] = [];
  if (f.from || f.to) parts.push(`dates ${f.from ?? 'start'} to ${f.to ?? 'today'}`);
  if (f.principle) parts.push(`principle ${f.principle}`);
  if (f.kind) parts.push(f.kind === 'checkin' ? 'check-ins only' : 'reflections only');
  if (f.search) parts.push(`containing "${f.search}"`);
  if (f.person) parts.push('with one person');
  if (f.limit !== undefined) parts.push(`the newest ${f.limit}`);
  return parts.length > 0 ? `Filtered: ${parts.join(', ')}.` : undefined;
}

/** "With Ana Silva and Sam (call)": names in full (the export is the user's own record). */
function fullNames(store: Store): (e: Entry) => string | null {
  let byId: Map<string, Person> | undefined;
  return (e) => {
    if (!e.with || e.with.length === 0) return null;
    byId ??= peopleById(store.people());
    return withLine(e.with, e.how, byId, (n) => n);
  };
}

/**
 * Markdown to stdout one month file at a time (issue 7): at ten years, holding every entry
 * made the garbage collector copy them all. Each month's part is kept as bytes until the
 * title, which gives the count, can go first. False (nothing written) when the months do not
 * follow each other in time, e.g. an entry moved into another month's file by hand.
 */
function writeByMonth(io: IO, journal: Journal, meta: MarkdownMeta, filter: JournalFilter): boolean {
  const doc = new MarkdownJournal(meta);
  const parts: Buffer[] = [];
  for (const month of monthsInRange(journal.months(), filter.from, filter.to)) {
    const part = doc.addMonth(journal.readMonth(month).filter((e) => matches(e, filter)));
    if (part === null) return false;
    parts.push(Buffer.from(part));
  }
  io.stdout.write(doc.head());
  for (const part of parts) io.stdout.write(part);
  io.stdout.write('\n');
  return true;
}

export async function run(ctx: Context, opts: ExportOptions): Promise<void> {
  const format = (opts.format ?? 'md').toLowerCase();
  if (format !== 'md' && format !== 'json') throw new UsageError(`--format must be md or json, got "${safeText(opts.format ?? '')}".`);
  if (opts.force && !opts.out) throw new UsageError('--force only makes sense with --out FILE.');
  const filter = withPerson(ctx, parseFilter(opts, ctx.today()), opts.person);
  const store = ctx.store();
  const journal = store.journal;
  const meta: MarkdownMeta = { exportedOn: ctx.today(), scope: describe(filter), withText: fullNames(store) };
  // (--limit wants the newest entries, which queryJournal finds reading from the newest month.)
  if (format === 'md' && !opts.out && filter.limit === undefined && writeByMonth(ctx.io, journal, meta, filter)) return;
  // queryJournal gives newest first; both formats list oldest first, as the store does.
  const entries = queryJournal(journal.months(), (m) => journal.readMonth(m), filter).reverse();
  let text: string;
  if (format === 'md') {
    text = journalMarkdown(entries, meta);
  } else {
    const backup = buildBackup({ exportedAt: isoWithOffset(ctx.now()), ...readDocs(store), entries });
    text = safeJson(backup) + '\n';
  }
  if (!opts.out) {
    ctx.io.stdout.write(text);
    return;
  }
  writeUserFile(opts.out, text, Boolean(opts.force));
  const what = format === 'md' ? 'markdown' : 'backup';
  const partial = format === 'json' && isFiltered(filter) ? ' (filtered: not a complete backup of your entries)' : '';
  ctx.io.stderr.write(`Wrote ${entries.length} ${entries.length === 1 ? 'entry' : 'entries'} as ${what} to ${safeLine(opts.out)}${partial}.\n`);
}
