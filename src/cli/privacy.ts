// Encryption at rest (issue 18): encrypt, decrypt, unlock, lock.
import type { Command } from 'commander';
import { examples, lazy, type Ctx } from './shared.js';

export function addPrivacy(program: Command, ctx: Ctx): void {
  const passphraseFile = ['--passphrase-file <file>', 'read the passphrase from the first line of FILE (for scripts; also HARMONY_PASSPHRASE_FILE or HARMONY_PASSPHRASE)'] as const;
  program
    .command('encrypt')
    .description('encrypt your journal at rest with age: a passphrase protects the key; writing never needs it')
    .option(...passphraseFile)
    .addHelpText('after', examples('harmony encrypt                              # asks for a new passphrase twice', 'harmony encrypt --passphrase-file ~/.harmony-pass', 'harmony unlock --for 8h                      # then read as usual', 'age -d -i identity.age journal/2026-05.json.age   # read a month without harmony'))
    .action(lazy(ctx, () => import('../commands/encrypt.js')));
  program
    .command('decrypt')
    .description('turn encryption off: write the journal back in plaintext')
    .option(...passphraseFile)
    .option('--yes', 'do not ask first (needed without a terminal)')
    .addHelpText('after', examples('harmony decrypt', 'harmony decrypt --passphrase-file ~/.harmony-pass --yes'))
    .action(lazy(ctx, () => import('../commands/decrypt.js')));
  program
    .command('unlock')
    .description('an encrypted journal: ask for the passphrase once and keep the key for a while (default 8h)')
    .option('--for <duration>', 'how long: 30m, 8h, 2d (at most 30d)')
    .option(...passphraseFile)
    .addHelpText('after', examples('harmony unlock', 'harmony unlock --for 30m', 'harmony config set passphraseCommand "pass show harmony"   # then unlock asks pass'))
    .action(lazy(ctx, () => import('../commands/unlock.js')));
  program
    .command('lock')
    .description('forget the key kept by harmony unlock')
    .addHelpText('after', examples('harmony lock'))
    .action(lazy(ctx, async () => ({ run: (await import('../commands/unlock.js')).lock })));
}
