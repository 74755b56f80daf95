// harmony journal [list] and journal show ID|DATE (edit and delete: journal-edit.ts).
import type { Context } from '../context.js';
import { parseDateArg } from '../core/dates.js';
import { monthOfId, type Entry } from '../core/entry.js';
import { isFiltered, parseFilter, queryJournalAsync, type FilterFlags } from '../core/journal-query.js';
import { UsageError } from '../errors.js';
import type { Store } from '../store/index.js';
import { page } from '../ui/pager.js';
import { safeText } from '../core/safe.js';
import { print, styleFor } from '../ui/style.js';
import { entryBlock, listLines, printSafeJson } from './journal-view.js';
import { withTexter } from './common/people-names.js';
import { withPerson } from './common/person-filter.js';

export interface ListOptions extends FilterFlags {
  json?: boolean;
  pager?: boolean;
}

export async function list(ctx: Context, opts: ListOptions): Promise<void> {
  const filter = await withPerson(ctx, parseFilter(opts, ctx.today()), opts.person);
  const journal = ctx.store().journal;
  const entries = await queryJournalAsync(journal.months(), (m) => journal.readMonth(m), filter);
  if (opts.json) return printSafeJson(ctx.io, entries);
  const s = styleFor(ctx.io);
  if (entries.length === 0) {
    const empty = isFiltered(filter) ? 'No entries match. Try wider filters, or list everything: harmony journal' : 'Your journal is empty. Start with: harmony checkin';
    return print(ctx.io, s.muted(empty));
  }
  const count = `${entries.length} ${entries.length === 1 ? 'entry' : 'entries'}, newest first`;
  const withText = await withTexter(ctx.store(), entries);
  const lines = entries.map((e) => listLines(e, s, ctx.io.columns, withText));
  lines.push('', s.muted(`${count}. Read one: harmony journal show ID (or a date)`));
  page(ctx.io, lines.join('\n'), opts.pager !== false);
}

export const run = list;

/** An entry by id, or a clear usage error. */
export async function findEntry(store: Store, id: string): Promise<Entry> {
  const entry = await store.journal.get(id.trim());
  if (!entry) {
    const what = monthOfId(id.trim()) ? 'No journal entry has the id' : 'Not an entry id:';
    throw new UsageError(`${what} "${safeText(id)}". List entries with their ids: harmony journal`);
  }
  return entry;
}

/** Entries for an id, or for a day (today, yesterday, Nd, YYYY-MM-DD). */
async function entriesFor(ctx: Context, ref: string): Promise<{ entries: Entry[]; day?: string }> {
  const store = ctx.store();
  if (monthOfId(ref.trim())) return { entries: [await findEntry(store, ref)] };
  const day = parseDateArg(ref, ctx.today());
  if (!day) {
    throw new UsageError(`"${safeText(ref)}" is neither an entry id (like 20260503-k3x9) nor a date (today, yesterday, Nd, YYYY-MM-DD).`);
  }
  const month = day.slice(0, 7);
  const entries = store.journal.months().includes(month) ? (await store.journal.readMonth(month)).filter((e) => e.date === day) : [];
  return { entries, day };
}

export async function show(ctx: Context, ref: string, opts: { json?: boolean; pager?: boolean }): Promise<void> {
  const { entries, day } = await entriesFor(ctx, ref);
  if (opts.json) return printSafeJson(ctx.io, day ? entries : entries[0]);
  const s = styleFor(ctx.io);
  if (entries.length === 0) return print(ctx.io, s.muted(`No entries on ${day}.`));
  const withText = await withTexter(ctx.store(), entries);
  const blocks = entries.map((e) => entryBlock(e, s, ctx.io.columns, withText));
  page(ctx.io, blocks.join('\n\n' + s.muted('─'.repeat(20)) + '\n\n'), opts.pager !== false);
}
