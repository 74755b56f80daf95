// harmony import FILE: restores a JSON backup. The whole file is checked before anything is
// written; entries already here (same id) are skipped; --dry-run only reports.
import type { Context } from '../context.js';
import { checkBackup, planImport, type Backup, type ImportPlan } from '../core/backup.js';
import { DataError, UsageError } from '../errors.js';
import { applyImport, backupSpecs, currentFor } from '../store/backup.js';
import { readUserFile } from '../store/user-file.js';
import { existingPassphrase, type PassphraseFlags } from './common/passphrase.js';
import { safeLine, safeText } from '../core/safe.js';
import { print, printJson, styleFor } from '../ui/style.js';

async function readBytes(ctx: Context, file: string): Promise<Buffer> {
  if (file !== '-') return readUserFile(file, 'bytes');
  if (ctx.io.stdinTTY) throw new UsageError('import - reads the file from standard input; pipe one in: harmony import - < backup.json');
  const chunks: Buffer[] = [];
  for await (const chunk of ctx.io.stdin) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

/** The file as text; an age-encrypted one (export --encrypt) is decrypted with the journal's key, or its passphrase. */
async function readInput(ctx: Context, file: string, opts: PassphraseFlags = {}): Promise<string> {
  const bytes = await readBytes(ctx, file);
  const age = await import('../store/age.js');
  if (!age.isAgeFile(bytes)) return bytes.toString('utf8');
  const name = file === '-' ? 'standard input' : safeLine(file);
  const vault = ctx.store().vault;
  // A passphrase file has one "scrypt" stanza in its header; one made to a key, an "X25519" one.
  const byPassphrase = bytes.subarray(0, 300).toString('latin1').includes('\n-> scrypt ');
  if (!byPassphrase) {
    if (!vault.encrypted) throw new UsageError(`${name} is encrypted to a key (an encrypted journal's export); import it into that journal, or decrypt it with age -d -i identity.age.`);
    try {
      return await vault.open(name, bytes, 'read the encrypted backup');
    } catch (error) {
      if (error instanceof DataError) throw new UsageError(`${error.message.replace(/ It was left untouched.*$/, '')} Nothing was imported.`);
      throw error;
    }
  }
  const passphrase = await existingPassphrase(ctx, opts, 'read the encrypted backup');
  try {
    return await age.openWithPassphrase(passphrase, bytes);
  } catch (error) {
    if (error instanceof age.OpenError && error.reason === 'wrong-key') throw new UsageError(`${name}: wrong passphrase (or not encrypted for this journal's key); nothing was imported.`);
    throw new UsageError(`${name}: ${(error as Error).message}; nothing was imported.`);
  }
}

function parseBackup(text: string, name: string): Backup {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${name} is not valid JSON (${(error as Error).message}); nothing was imported.`);
  }
  const { backup, problems } = checkBackup(raw, backupSpecs);
  if (!backup) {
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more ${problems.length === 2 ? 'problem' : 'problems'})` : '';
    throw new UsageError(`${name} cannot be imported: ${safeText(problems[0]!)}${more}. Nothing was imported.`);
  }
  return backup;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function summary(plan: ImportPlan, dryRun: boolean): string[] {
  const will = dryRun ? 'would be' : 'were';
  const lines = [`${plural(plan.add.length, 'entry', 'entries')} ${will} added; ${plural(plan.skipped, 'entry', 'entries')} already here ${will} skipped.`];
  if (plan.add.length > 0) lines.push(`  New entries run from ${plan.add.reduce((a, e) => (e.date < a ? e.date : a), plan.add[0]!.date)} to ${plan.add.reduce((a, e) => (e.date > a ? e.date : a), plan.add[0]!.date)}.`);
  if (plan.settings) {
    const editor = plan.settings.editor ? ` (including editor: ${safeText(plan.settings.editor)})` : '';
    lines.push(`Settings ${will} restored, as none were set here${editor}.`);
  } else {
    lines.push('Settings: yours are kept.');
  }
  lines.push(plan.state ? `Lesson and prompt progress ${will} merged (${plural(plan.newLessonsRead, 'lesson')} newly marked read).` : 'Lesson progress: nothing new.');
  lines.push(plan.quiz ? `Quiz history ${will} merged (${plural(plan.newReviews, 'answer')} added).` : 'Quiz history: nothing new.');
  lines.push(plan.people ? `People ${will} merged (${plural(plan.newPeople, 'person', 'people')} added).` : 'People: nothing new.');
  return lines;
}

export async function run(ctx: Context, file: string, opts: { dryRun?: boolean; json?: boolean; from?: string; moodMap?: string } & PassphraseFlags): Promise<void> {
  const name = file === '-' ? 'standard input' : safeLine(file);
  if (opts.from === 'harmony') opts.from = undefined;
  if (opts.from !== undefined) {
    const from = opts.from as 'jrnl' | 'daylio' | 'dayone';
    return (await import('./import-from.js')).runFrom(ctx, await readInput(ctx, file, opts), name, { ...opts, from });
  }
  if (opts.moodMap !== undefined) throw new UsageError('--mood-map is for Daylio files: harmony import --from daylio FILE --mood-map "name=N".');
  const backup = parseBackup(await readInput(ctx, file, opts), name);
  const store = ctx.store();
  const dryRun = Boolean(opts.dryRun);
  // The plan is made again under the lock, from what is there at that moment.
  const plan = dryRun
    ? planImport(backup, await currentFor(store, backup.entries))
    : await store.write(async () => {
        const p = planImport(backup, await currentFor(store, backup.entries));
        await applyImport(store, p);
        return p;
      });
  if (opts.json) {
    return printJson(ctx.io, {
      dryRun,
      entries: { added: plan.add.length, skipped: plan.skipped },
      settings: plan.settings ? 'restored' : 'kept',
      lessonsNewlyRead: plan.newLessonsRead,
      quizAnswersAdded: plan.newReviews,
      peopleAdded: plan.newPeople,
    });
  }
  const s = styleFor(ctx.io);
  const head = `${dryRun ? 'Dry run: nothing was written. ' : ''}Backup of ${safeText(backup.exportedAt.slice(0, 10))}, ${plural(backup.entries.length, 'entry', 'entries')}.`;
  const tail = dryRun ? s.muted(`Import it for real: harmony import ${file === '-' ? '-' : safeLine(file)}`) : s.success('Import done.');
  print(ctx.io, s.heading(head), ...summary(plan, dryRun), tail);
}
