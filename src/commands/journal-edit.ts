// harmony journal edit ID and journal delete ID.
import type { Context } from '../context.js';
import { isoWithOffset } from '../core/dates.js';
import { entryFromText, entryToText } from '../core/entry-edit.js';
import { CancelledError, DataError, UsageError } from '../errors.js';
import { editText } from '../ui/editor.js';
import { requireInteractive } from '../ui/prompts.js';
import { safeText } from '../core/safe.js';
import { print, styleFor } from '../ui/style.js';
import { editFolder } from './common/edit-folder.js';
import { findEntry } from './journal.js';
import { entryBlock, entryName } from './journal-view.js';
import { withTexter } from './common/people-names.js';

export async function edit(ctx: Context, id: string): Promise<void> {
  const store = ctx.store();
  const original = await findEntry(store, id);
  const session = editText(ctx.io, entryToText(original), store.settings().editor, `${original.id}.yaml`, editFolder(store));
  let keep = false;
  try {
    const result = entryFromText(original, session.text, isoWithOffset(ctx.now()));
    if ('problem' in result) {
      keep = true; // the user's edit is not thrown away: point to it
      throw new UsageError(`Edit refused, nothing changed: ${safeText(result.problem)}. Your edited text is in ${session.file}`);
    }
    if (!result.changed) return print(ctx.io, `No changes; the ${entryName(original)} is as it was.`);
    await store.write(async () => {
      // Saved only if nobody changed the entry while the editor was open.
      const now = await store.journal.get(original.id);
      if (!now || JSON.stringify(now) !== JSON.stringify(original)) {
        keep = true;
        throw new DataError(`The entry changed in another window while you were editing; nothing saved. Your edited text is in ${session.file}`);
      }
      await store.journal.replace(result.entry);
    });
    print(ctx.io, `Saved your changes to the ${entryName(result.entry)}.`);
  } finally {
    if (!keep) session.dispose();
  }
}

export async function remove(ctx: Context, id: string, opts: { yes?: boolean }): Promise<void> {
  const store = ctx.store();
  const entry = await findEntry(store, id);
  if (!opts.yes) {
    requireInteractive(ctx.io, 'journal delete', ['--yes']);
    const s = styleFor(ctx.io);
    print(ctx.io, entryBlock(entry, s, ctx.io.columns, await withTexter(store, [entry])), '');
    let sure: boolean;
    try {
      sure = await ctx.prompter.confirm({ message: `Delete this ${entryName(entry)}? This cannot be undone.`, default: false });
    } catch (error) {
      if (error instanceof CancelledError) throw new CancelledError('Delete cancelled, nothing deleted.');
      throw error;
    }
    if (!sure) return print(ctx.io, 'Nothing deleted.');
  }
  const removed = await store.write(() => store.journal.remove(entry.id, ctx.now()));
  if (!removed) throw new UsageError(`The entry ${entry.id} was already gone; nothing deleted.`);
  print(ctx.io, `Deleted the ${entryName(entry)}.`);
}

