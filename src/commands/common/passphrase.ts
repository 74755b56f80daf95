// Where the passphrase of an encrypted journal comes from, first found wins:
//   --passphrase-file FILE (encrypt, decrypt, unlock, export, import), HARMONY_PASSPHRASE_FILE,
//   HARMONY_PASSPHRASE, the passphraseCommand setting (e.g. `pass show harmony`, like restic's
//   password command), a prompt on a terminal; else exit 2 saying how to unlock.
// A file or a command gives its first line. The passphrase is never printed or logged.
import { spawnSync } from 'node:child_process';
import type { Context } from '../../context.js';
import { MIN_PASSPHRASE, NO_RECOVERY_WARNING, passphraseStrength, STRENGTH_TIP } from '../../core/passphrase.js';
import { UsageError } from '../../errors.js';
import { readUserFile } from '../../store/user-file.js';
import { lockedMessage } from '../../store/vault.js';
import { styleFor } from '../../ui/style.js';

export interface PassphraseFlags {
  passphraseFile?: string;
}

const firstLine = (text: string) => text.split(/\r?\n/)[0] ?? '';

/** A passphrase given without a prompt (a flag, the environment, passphraseCommand), or undefined. */
export function givenPassphrase(ctx: Context, flags: PassphraseFlags, command = true): string | undefined {
  const file = flags.passphraseFile ?? ctx.env.HARMONY_PASSPHRASE_FILE;
  if (file) {
    const text = firstLine(readUserFile(file));
    if (text === '') throw new UsageError(`${file} is empty: its first line should be the passphrase.`);
    return text;
  }
  if (ctx.env.HARMONY_PASSPHRASE) return ctx.env.HARMONY_PASSPHRASE;
  const cmd = command ? ctx.store().settings().passphraseCommand : undefined;
  if (cmd) return runPassphraseCommand(ctx, cmd);
  return undefined;
}

function runPassphraseCommand(ctx: Context, cmd: string): string {
  // The terminal stays the command's (pass and gpg may ask for their own pin); only stdout is read.
  const r = spawnSync(cmd, { shell: true, stdio: ['inherit', 'pipe', 'inherit'], env: ctx.env, encoding: 'utf8', timeout: 120_000 });
  if (r.error) throw new UsageError(`passphraseCommand could not run: ${r.error.message}.`);
  if (r.status !== 0) throw new UsageError(`passphraseCommand exited with status ${r.status ?? r.signal}; nothing was changed.`);
  const text = firstLine(r.stdout ?? '');
  if (text === '') throw new UsageError('passphraseCommand printed nothing; its first line should be the passphrase.');
  return text;
}

/** The passphrase of an existing encrypted journal: given, or asked on a terminal (once). */
export async function existingPassphrase(ctx: Context, flags: PassphraseFlags, why = 'read your journal'): Promise<string> {
  const given = givenPassphrase(ctx, flags);
  if (given !== undefined) return given;
  if (!ctx.io.interactive) throw new UsageError(lockedMessage(ctx.store().home));
  return ctx.prompter.password({ message: `Passphrase (to ${why})` });
}

/** A new passphrase: given (checked for length), or asked twice on a terminal with a strength hint and the no-recovery warning. */
export async function newPassphrase(ctx: Context, flags: PassphraseFlags, command: string): Promise<string> {
  const given = givenPassphrase(ctx, flags);
  if (given !== undefined) {
    if (Array.from(given).length < MIN_PASSPHRASE) throw new UsageError(`The passphrase must have at least ${MIN_PASSPHRASE} characters.`);
    return given;
  }
  if (!ctx.io.interactive) {
    throw new UsageError(`${command} needs a passphrase but this is not an interactive terminal; pass --passphrase-file FILE (its first line), or set HARMONY_PASSPHRASE_FILE or HARMONY_PASSPHRASE (see harmony ${command} --help).`);
  }
  const s = styleFor(ctx.io);
  ctx.io.stdout.write(`${s.warning(NO_RECOVERY_WARNING)}\n${s.muted(STRENGTH_TIP)}\n`);
  for (;;) {
    const first = await ctx.prompter.password({ message: 'New passphrase' });
    const strength = passphraseStrength(first);
    if (strength.label === 'too short') {
      ctx.io.stdout.write(`At least ${MIN_PASSPHRASE} characters, please.\n`);
      continue;
    }
    const paint = strength.label === 'weak' ? s.warning : strength.label === 'fair' ? s.accent : s.success;
    ctx.io.stdout.write(`Strength: ${paint(strength.label)} (about ${strength.bits} bits).${strength.label === 'weak' ? ' A longer one is much harder to guess.' : ''}\n`);
    if (strength.label === 'weak' && !(await ctx.prompter.confirm({ message: 'Use this weak passphrase anyway?', default: false }))) continue;
    const again = await ctx.prompter.password({ message: 'The same passphrase again' });
    if (again === first) return first;
    ctx.io.stdout.write('The two did not match; once more.\n');
  }
}
