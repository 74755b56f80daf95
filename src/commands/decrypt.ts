// harmony decrypt: back to a plaintext store (issue 18).
import type { Context } from '../context.js';
import { CancelledError, UsageError } from '../errors.js';
import { decryptStore } from '../store/switch.js';
import { print, styleFor } from '../ui/style.js';
import { existingPassphrase, givenPassphrase, type PassphraseFlags } from './common/passphrase.js';

export async function run(ctx: Context, opts: PassphraseFlags & { yes?: boolean }): Promise<void> {
  const store = ctx.store();
  const vault = store.vault;
  if (!vault.encrypted) throw new UsageError(`The journal in ${store.home} is not encrypted.`);
  const given = opts.passphraseFile !== undefined || givenPassphrase(ctx, {}, false) !== undefined;
  if (!opts.yes && !given) {
    if (!ctx.io.interactive) throw new UsageError('decrypt writes your journal back in plaintext; without a terminal pass --yes (and --passphrase-file FILE unless unlocked).');
    const sure = await ctx.prompter.confirm({ message: 'Write your whole journal back in plaintext, readable by anyone with the files?', default: false });
    if (!sure) throw new CancelledError('Nothing changed; your journal is still encrypted.');
  }
  // The passphrase (or the unlocked key) is checked before anything is touched: wrong = exit 2.
  store.passphrase = (why) => existingPassphrase(ctx, opts, why);
  await vault.identity('decrypt your journal');
  const done = await store.write(() => decryptStore(store));
  const s = styleFor(ctx.io);
  print(ctx.io, `${s.success('✓')} Decrypted ${done.files} ${done.files === 1 ? 'file' : 'files'} (${done.entries} journal ${done.entries === 1 ? 'entry' : 'entries'}); your journal is plaintext again.`);
}
