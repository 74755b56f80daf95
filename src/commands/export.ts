// harmony export: the journal as markdown (for reading) or a complete JSON backup.
import { fstatSync } from 'node:fs';
import type { Context } from '../context.js';
import { buildBackup } from '../core/backup.js';
import { isoWithOffset } from '../core/dates.js';
import { journalMarkdown, MarkdownJournal, type MarkdownMeta } from '../core/export-md.js';
import { isFiltered, matches, monthsInRange, parseFilter, queryJournalAsync, type FilterFlags, type JournalFilter } from '../core/journal-query.js';
import { UsageError } from '../errors.js';
import { readDocs } from '../store/backup.js';
import type { Journal } from '../store/journal.js';
import { writeUserFile } from '../store/user-file.js';
import type { IO } from '../ui/io.js';
import { safeLine, safeText } from '../core/safe.js';
import { newPassphrase } from './common/passphrase.js';
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
  encrypt?: boolean;
  plaintext?: boolean;
  passphraseFile?: string;
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
async function fullNames(store: Store): Promise<(e: Entry) => string | null> {
  // Read before the months stream out (an encrypted journal is unlocked by then anyway).
  const byId: Map<string, Person> = peopleById(await store.people());
  return (e) => (!e.with || e.with.length === 0 ? null : withLine(e.with, e.how, byId, (n) => n));
}

/**
 * Markdown to stdout one month file at a time (issue 7): at ten years, holding every entry
 * made the garbage collector copy them all. Each month's part is kept as bytes until the
 * title, which gives the count, can go first. False (nothing written) when the months do not
 * follow each other in time, e.g. an entry moved into another month's file by hand.
 */
async function writeByMonth(io: IO, journal: Journal, meta: MarkdownMeta, filter: JournalFilter): Promise<boolean> {
  const doc = new MarkdownJournal(meta);
  const parts: Buffer[] = [];
  for (const month of monthsInRange(journal.months(), filter.from, filter.to)) {
    const part = doc.addMonth((await journal.readMonth(month)).filter((e) => matches(e, filter)));
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
  const filter = await withPerson(ctx, parseFilter(opts, ctx.today()), opts.person);
  const store = ctx.store();
  const journal = store.journal;
  if (opts.encrypt && opts.plaintext) throw new UsageError('--encrypt and --plaintext contradict each other; choose one.');
  if (opts.passphraseFile && !opts.encrypt) throw new UsageError('--passphrase-file goes with --encrypt.');
  if (opts.encrypt) return exportSealed(ctx, opts, format, filter);
  // An encrypted journal is not written to a file in plaintext unless asked for (issue 18).
  if (store.vault.encrypted && !opts.plaintext && (opts.out || stdoutIsFile())) {
    throw new UsageError('Your journal is encrypted: add --encrypt for an encrypted export, or --plaintext to write it readable.');
  }
  const meta: MarkdownMeta = { exportedOn: ctx.today(), scope: describe(filter), withText: await fullNames(store) };
  // (--limit wants the newest entries, which queryJournal finds reading from the newest month.)
  if (format === 'md' && !opts.out && filter.limit === undefined && (await writeByMonth(ctx.io, journal, meta, filter))) return;
  const { text, entries } = await exportText(ctx, format, filter);
  if (!opts.out) {
    ctx.io.stdout.write(text);
    return;
  }
  writeUserFile(opts.out, text, Boolean(opts.force));
  const what = format === 'md' ? 'markdown' : 'backup';
  const partial = format === 'json' && isFiltered(filter) ? ' (filtered: not a complete backup of your entries)' : '';
  ctx.io.stderr.write(`Wrote ${entries.length} ${entries.length === 1 ? 'entry' : 'entries'} as ${what} to ${safeLine(opts.out)}${partial}.\n`);
}

async function exportText(ctx: Context, format: string, filter: JournalFilter): Promise<{ text: string; entries: Entry[] }> {
  const store = ctx.store();
  const journal = store.journal;
  // queryJournal gives newest first; both formats list oldest first, as the store does.
  const entries = (await queryJournalAsync(journal.months(), (m) => journal.readMonth(m), filter)).reverse();
  if (format === 'md') return { text: journalMarkdown(entries, { exportedOn: ctx.today(), scope: describe(filter) }), entries };
  const backup = buildBackup({ exportedAt: isoWithOffset(ctx.now()), ...(await readDocs(store)), entries });
  return { text: safeJson(backup) + '\n', entries };
}

/** Whether standard output is a regular file (`> backup.json`): plaintext would land on disk. */
function stdoutIsFile(): boolean {
  try {
    return fstatSync(1).isFile();
  } catch {
    return false;
  }
}

/**
 * export --encrypt: an age file, to the journal's own key when it is encrypted (import reads
 * it back with that key; `age -d -i identity.age` too), else to a passphrase (age's scrypt).
 */
async function exportSealed(ctx: Context, opts: ExportOptions, format: string, filter: JournalFilter): Promise<void> {
  const store = ctx.store();
  const vault = store.vault;
  if (!opts.out && ctx.io.stdoutTTY) throw new UsageError('An encrypted export is binary: write it with --out FILE, or redirect standard output to a file.');
  const passphrase = vault.encrypted ? undefined : await newPassphrase(ctx, opts, 'export --encrypt');
  const { text, entries } = await exportText(ctx, format, filter);
  const age = await import('../store/age.js');
  const sealed = passphrase === undefined ? await vault.seal(text) : await age.sealWithPassphrase(passphrase, text);
  if (!opts.out) {
    ctx.io.stdout.write(sealed);
    return;
  }
  writeUserFile(opts.out, sealed, Boolean(opts.force));
  const to = passphrase === undefined ? 'your journal key' : 'the passphrase';
  ctx.io.stderr.write(`Wrote ${entries.length} ${entries.length === 1 ? 'entry' : 'entries'} as an age-encrypted ${format === 'md' ? 'markdown file' : 'backup'} (to ${to}) to ${safeLine(opts.out)}.\n`);
}
