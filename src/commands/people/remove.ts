// harmony people remove NAME [--forget] [--yes].
// Plain remove takes someone off the list; past entries keep showing their name. --forget
// also takes the name out of people.json and out of the words of every entry, and says that
// exports made earlier still hold it.
import type { Context } from '../../context.js';
import { isoWithOffset } from '../../core/dates.js';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { forgetIn, forgetPattern, forgetText, forgetWords, forgotten } from '../../core/people-forget.js';
import { FILES } from '../../store/paths.js';
import { rewriteSetAside, type AsideRewrite } from '../../store/set-aside.js';
import { shortName } from '../../core/people-text.js';
import { CancelledError, UsageError } from '../../errors.js';
import type { Store } from '../../store/index.js';
import { requireInteractive } from '../../ui/prompts.js';
import { print, styleFor } from '../../ui/style.js';
import { findAnyone, findPerson } from './find.js';
import type { Person } from '../../core/people.js';

const ASIDE_DIR = FILES.asideDir;

/** Entries whose words hold the name, month by month (read only). */
async function mentions(store: Store, person: Person): Promise<number> {
  const pattern = forgetPattern(forgetWords(person));
  if (!pattern) return 0;
  let n = 0;
  for (const month of store.journal.months()) for (const e of await store.journal.readMonth(month)) if (forgetIn(e, pattern)) n++;
  return n;
}

export async function remove(ctx: Context, name: string, opts: { forget?: boolean; yes?: boolean }): Promise<void> {
  const store = ctx.store();
  const person = (opts.forget ? findAnyone : findPerson)(ctx, await store.people(), name);
  const shown = shortName(person.name ?? '');
  const plural = (n: number) => `${n} ${n === 1 ? 'entry' : 'entries'}`;
  const files = (n: number) => `${n} ${n === 1 ? 'file' : 'files'}`;
  if (!opts.yes) {
    requireInteractive(ctx.io, opts.forget ? 'people remove --forget' : 'people remove', ['--yes']);
    const message = opts.forget
      ? `Forget ${shown}? The name goes from your people and from the words of ${plural(await mentions(store, person))} where you wrote it (they will say "someone you removed"). This cannot be undone.`
      : `Remove ${shown} from your people? Past entries keep showing the name (to erase it everywhere: --forget).`;
    let sure: boolean;
    try {
      sure = await ctx.prompter.confirm({ message, default: false });
    } catch (error) {
      if (error instanceof CancelledError) throw new CancelledError('Nothing removed.');
      throw error;
    }
    if (!sure) return print(ctx.io, 'Nothing removed.');
  }
  const { entries: changed, setAside } = await store.write(async () => {
    const doc = await store.people();
    const at = doc.people.findIndex((p) => p.id === person.id);
    const current = doc.people[at];
    if (!current || current.forgotten || (current.removed && !opts.forget)) throw new UsageError('That person was already removed (in another terminal?); nothing changed.');
    const now = isoWithOffset(ctx.now());
    let entries = 0;
    let setAside: AsideRewrite = { changed: 0, unreadable: 0 };
    if (opts.forget) {
      // Entries first: if this stops half-way, the name is still in people.json and the
      // same command finishes the job.
      const pattern = forgetPattern(forgetWords(current));
      for (const month of pattern ? store.journal.months() : []) {
        const edited = (await store.journal.readMonth(month)).flatMap((e) => forgetIn(e, pattern!) ?? []);
        entries += edited.length;
        if (edited.length > 0) await store.journal.replaceMany(month, edited);
      }
      if (pattern) setAside = await rewriteSetAside(store.home, store.vault, (text) => forgetText(text, pattern));
      doc.people[at] = forgotten(current, now);
    } else {
      current.removed = now;
      current.updatedAt = now;
    }
    await store.writePeople(doc);
    return { entries, setAside };
  });
  const s = styleFor(ctx.io);
  if (!opts.forget) return print(ctx.io, `${s.success('✓')} Removed ${shown} from your people. Past entries still show the name; to erase it from everything: harmony people remove ${person.id} --forget`);
  print(
    ctx.io,
    `${s.success('✓')} Forgotten. The name is gone from your people and from ${plural(changed)}; those now say "someone you removed".`,
    ...(setAside.changed > 0 ? [`It was also taken out of ${files(setAside.changed)} in ${ASIDE_DIR}/ (copies sync set aside).`] : []),
    ...(setAside.unreadable > 0
      ? [s.warning(`${files(setAside.unreadable)} in ${ASIDE_DIR}/ could not be opened with this journal's key (encrypted with another, or damaged) and still may hold it: delete them if you do not need them.`)]
      : []),
    s.warning('Exports and backups you made before (harmony export) still hold it: delete or re-make them if that matters.'),
    ...(existsSync(join(store.home, '.git'))
      ? [s.warning('Your sync history (git, in this folder and on the remote and other machines) still holds earlier versions with the name; other machines drop it from their files when they sync.')]
      : []),
  );
}
