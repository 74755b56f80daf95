// harmony encrypt: an age identity protected by a passphrase, and every file holding what the
// user wrote re-written encrypted to its public key (issue 18; store/switch.ts does the work).
import type { Context } from '../context.js';
import { isoWithOffset } from '../core/dates.js';
import { UsageError } from '../errors.js';
import { encryptStore } from '../store/switch.js';
import { print, styleFor } from '../ui/style.js';
import { newPassphrase, type PassphraseFlags } from './common/passphrase.js';

export async function run(ctx: Context, opts: PassphraseFlags): Promise<void> {
  const store = ctx.store();
  if (store.vault.encrypted) throw new UsageError(`The journal in ${store.home} is already encrypted. harmony unlock reads it; harmony decrypt turns encryption off.`);
  const passphrase = await newPassphrase(ctx, opts, 'encrypt');
  const s = styleFor(ctx.io);
  if (ctx.io.interactive) print(ctx.io, s.muted('Encrypting (the passphrase is made slow to guess on purpose: a few seconds)…'));
  const done = await store.write(() => encryptStore(store, passphrase, isoWithOffset(ctx.now())));
  print(
    ctx.io,
    `${s.success('✓')} Encrypted ${done.files} ${done.files === 1 ? 'file' : 'files'} (${done.entries} journal ${done.entries === 1 ? 'entry' : 'entries'}) to ${done.recipient}.`,
    ...(done.nameRemoved ? ['Your name was removed from config.json, which stays plaintext.'] : []),
    'Check-ins, notes and the reminder need no passphrase. To read: harmony unlock (then harmony lock).',
    s.muted(`Your key is ${store.path('identity.age')}, protected by the passphrase; keep a copy of it with your backups.`),
  );
}
