// harmony conflicts [ID] [--keep mine|theirs|both]: entries two machines changed at once
// (issue 17). Each shows both versions; the choice is saved at once, so Ctrl+C keeps what
// was already decided.
import type { Context } from '../context.js';
import { resolveConflict, type Keep } from '../core/conflicts.js';
import type { Entry } from '../core/entry.js';
import { CancelledError, DataError } from '../errors.js';
import type { Store } from '../store/index.js';
import { print, styleFor } from '../ui/style.js';
import { findEntry } from './journal.js';
import { entryBlock, entryName, printSafeJson } from './journal-view.js';

export interface ConflictOptions {
  keep?: Keep;
  json?: boolean;
}

const versionsOf = (e: Entry) => {
  const { conflicts, ...shown } = e;
  return [shown, ...(conflicts ?? [])];
};

async function save(store: Store, before: Entry, keep: Keep): Promise<Entry> {
  return store.write(async () => {
    const now = await store.journal.get(before.id);
    if (!now || JSON.stringify(now) !== JSON.stringify(before)) {
      throw new DataError(`The entry ${before.id} changed meanwhile (another window, or a sync); nothing saved. Run harmony conflicts again.`);
    }
    const { entry, extra } = resolveConflict(now, keep);
    await store.journal.put(entry);
    if (extra && !(await store.journal.get(extra.id))) await store.journal.add([extra]);
    return entry;
  });
}

export async function run(ctx: Context, id: string | undefined, opts: ConflictOptions): Promise<void> {
  const store = ctx.store();
  const s = styleFor(ctx.io);
  const list = id ? [await findEntry(store, id)].filter((e) => e.conflicts?.length) : await store.journal.withConflicts();
  if (opts.json) return printSafeJson(ctx.io, list.map((e) => ({ id: e.id, date: e.date, kind: e.kind, versions: versionsOf(e) })));
  if (list.length === 0) return print(ctx.io, id ? `The ${entryName(await findEntry(store, id))} has no conflicts.` : 'No conflicts: every entry has one version.');
  if (!opts.keep && !ctx.io.interactive) {
    const lines = list.map((e) => `  ${entryName(e)}: ${e.conflicts!.length + 1} versions`);
    return print(ctx.io, `${list.length === 1 ? '1 entry has' : `${list.length} entries have`} versions from two machines:`, ...lines, '', 'Keep one or both: harmony conflicts ID --keep mine|theirs|both (mine: the version shown in the journal).');
  }
  let resolved = 0;
  for (let entry of list) {
    while (entry.conflicts?.length) {
      const [shown, other] = versionsOf(entry);
      let keep = opts.keep;
      if (!keep) {
        const when = (v: Entry) => (v.updatedAt ?? v.createdAt).slice(0, 19).replace('T', ' ');
        print(
          ctx.io,
          '',
          s.heading(`Mine · the version your journal shows (last changed ${when(shown as Entry)})`),
          entryBlock(shown as Entry, s, ctx.io.columns),
          '',
          s.heading(`Theirs · the other version (last changed ${when(other as Entry)})`),
          entryBlock(other as Entry, s, ctx.io.columns),
          '',
        );
        try {
          keep = await ctx.prompter.select<Keep>({
            message: `Which to keep for the ${entryName(entry)}?`,
            choices: [
              { name: 'Mine (the version shown first)', value: 'mine' },
              { name: 'Theirs (the other version)', value: 'theirs' },
              { name: 'Both, as two entries', value: 'both' },
            ],
          });
        } catch (error) {
          if (error instanceof CancelledError) throw new CancelledError(`Stopped: ${resolved} resolved; the rest keep both versions for now.`);
          throw error;
        }
      }
      entry = await save(store, entry, keep);
      resolved++;
      print(ctx.io, `${s.success('✓')} ${keep === 'both' ? 'Kept both versions, as two entries,' : `Kept ${keep}`} for the ${entryName(entry)}.`);
    }
  }
}
