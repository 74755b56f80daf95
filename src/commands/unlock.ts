// harmony unlock [--for 8h] and harmony lock (issue 18): the identity, decrypted once with the
// passphrase (scrypt: slow on purpose), kept in the user's runtime folder for a while.
import type { Context } from '../context.js';
import { describeDuration, parseDuration } from '../core/duration.js';
import { UsageError } from '../errors.js';
import { forgetKey, keepKey } from '../store/runtime-key.js';
import { peopleDeltas } from '../store/people.js';
import { stateDeltas } from '../store/state-file.js';
import { identityFromPassphrase } from '../store/vault.js';
import { print, styleFor } from '../ui/style.js';
import { existingPassphrase, type PassphraseFlags } from './common/passphrase.js';

export const DEFAULT_UNLOCK = '8h';

export async function run(ctx: Context, opts: PassphraseFlags & { for?: string }): Promise<void> {
  const ms = parseDuration(opts.for ?? DEFAULT_UNLOCK);
  const store = ctx.store();
  const vault = store.vault;
  if (!vault.encrypted) throw new UsageError(`The journal in ${store.home} is not encrypted; there is nothing to unlock (harmony encrypt turns encryption on).`);
  const passphrase = await existingPassphrase(ctx, opts, 'unlock your journal');
  const identity = await identityFromPassphrase(store.home, passphrase, vault.recipient);
  const until = Date.now() + ms; // the real clock, even with HARMONY_NOW: the key must not outlive it
  const file = keepKey(store.home, vault.recipient, identity, until);
  vault.useIdentity(identity);
  // Now that the key is here, bring the day index up to date and fold in what was saved while locked.
  await store.write(async () => {
    await store.journal.foldAdded();
    await store.journal.healIndex();
    if (stateDeltas(store.home).length > 0) await store.saveState(store.state());
    if (peopleDeltas(store.home).length > 0) await store.writePeople(await store.people());
  });
  const s = styleFor(ctx.io);
  const at = new Date(until).toLocaleString(undefined, { weekday: 'short', hour: '2-digit', minute: '2-digit' });
  print(ctx.io, `${s.success('✓')} Unlocked for ${describeDuration(ms)} (until ${at}). harmony lock forgets the key sooner.`, s.muted(`Key kept in ${file} (0600, not in your data folder).`));
}

export async function lock(ctx: Context): Promise<void> {
  const store = ctx.store();
  const had = store.vault.encrypted ? store.vault.lock() : forgetKey(store.home);
  print(ctx.io, had ? 'Locked: the key is forgotten; reading needs the passphrase again.' : 'Already locked.');
}
