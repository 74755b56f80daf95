// harmony export: the journal as markdown (for reading) or a complete JSON backup.
import type { Context } from '../context.js';
import { buildBackup } from '../core/backup.js';
import { isoWithOffset } from '../core/dates.js';
import { journalMarkdown, writeJournalMarkdown } from '../core/export-md.js';
import { isFiltered, parseFilter, queryJournal, type FilterFlags, type JournalFilter } from '../core/journal-query.js';
import { UsageError } from '../errors.js';
import { readDocs } from '../store/backup.js';
import { writeUserFile } from '../store/user-file.js';
import { safeLine, safeText } from '../ui/safe.js';
import { safeJson } from './journal-view.js';

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
  if (f.limit !== undefined) parts.push(`the newest ${f.limit}`);
  return parts.length > 0 ? `Filtered: ${parts.join(', ')}.` : undefined;
}

export async function run(ctx: Context, opts: ExportOptions): Promise<void> {
  const format = (opts.format ?? 'md').toLowerCase();
  if (format !== 'md' && format !== 'json') throw new UsageError(`--format must be md or json, got "${safeText(opts.format ?? '')}".`);
  if (opts.force && !opts.out) throw new UsageError('--force only makes sense with --out FILE.');
  const filter = parseFilter(opts, ctx.today());
  const store = ctx.store();
  const journal = store.journal;
  // queryJournal gives newest first; both formats list oldest first, as the store does.
  const entries = queryJournal(journal.months(), (m) => journal.readMonth(m), filter).reverse();
  const meta = { exportedOn: ctx.today(), scope: describe(filter) };
  if (format === 'md' && !opts.out) {
    // A month at a time: a ten-year journal is megabytes, and one string of it costs more.
    writeJournalMarkdown(entries, meta, (chunk) => ctx.io.stdout.write(chunk));
    return;
  }
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
