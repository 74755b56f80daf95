// One journal on every machine: sync over git, and conflicts (issue 17).
import { Option, type Command } from 'commander';
import { examples, lazy, type Ctx } from './shared.js';

const HOW = `
How it works: your data folder (harmony config path) becomes a git repository. harmony sync
commits what changed, fetches, merges entry by entry with harmony's own merge (never line by
line), and pushes, retrying when another machine pushed first. Any git remote works: a private
repository on a server, a bare repository on a USB drive, ssh, with your own git, ssh keys and
credential helpers. What stays on each machine: the day index and other caches, the lock and
temp files, and device.json (editor, color, reminder, autoSync).

When two machines changed the same entry, both versions are kept: the later one is shown and
the other waits in harmony conflicts. A delete reaches every machine, but an edit made
elsewhere meanwhile wins over it.

Exit code 5: sync could not finish (no git, the remote could not be reached or refused the
login, or the repository is in the middle of something started by hand). What you saved here
stays saved, and committed when it got that far; run harmony sync again.
`;

export function addSync(program: Command, ctx: Ctx): void {
  const mod = () => import('../commands/sync.js');
  const sync = program
    .command('sync')
    .description('one journal on every machine: sync through git (init, clone, status; plain sync sends and receives)')
    .addHelpText('after', examples('harmony sync init --remote git@example.com:me/journal.git   # first machine', 'harmony sync clone git@example.com:me/journal.git           # each other machine', 'harmony sync                                                # send and receive', 'harmony sync status', 'harmony config set autoSync on                              # sync after each save') + HOW);
  sync
    .command('now', { isDefault: true })
    .description('commit what changed here, fetch, merge and push (the default)')
    .option('--json', 'print what was sent and received as JSON')
    .addOption(new Option('--background', 'run quietly for autoSync; a failure is told at the end of the next command').hideHelp())
    .addHelpText('after', examples('harmony sync', 'harmony sync --json'))
    .action(lazy(ctx, async () => ({ run: (await mod()).now })));
  sync
    .command('init')
    .description('make this journal a git repository (or use the one it is), ready to sync')
    .option('--remote <url>', 'the git remote to sync with (an empty repository, or one harmony already syncs)')
    .option('--json', 'print the outcome as JSON')
    .addHelpText('after', examples('harmony sync init', 'harmony sync init --remote /media/usb/journal.git', 'git init --bare /media/usb/journal.git && harmony sync init --remote /media/usb/journal.git'))
    .action(lazy(ctx, async () => ({ run: (await mod()).init })));
  sync
    .command('clone')
    .description('on another machine: bring in a journal that already syncs')
    .argument('<url>', 'the git remote the first machine syncs with')
    .option('--merge', 'this machine has a journal too: merge the two (nothing is lost)')
    .option('--json', 'print the outcome as JSON')
    .addHelpText('after', examples('harmony sync clone git@example.com:me/journal.git', 'harmony sync clone --merge /media/usb/journal.git'))
    .action(lazy(ctx, async () => ({ run: (await mod()).clone })));
  sync
    .command('status')
    .description('what is waiting to be sent or received, the last sync, unresolved conflicts')
    .option('--json', 'print as JSON')
    .addHelpText('after', examples('harmony sync status', 'harmony sync status --json'))
    .action(lazy(ctx, async () => ({ run: (await mod()).status })));

  program
    .command('conflicts')
    .description('entries two machines changed at once: see both versions, keep mine, theirs or both')
    .argument('[id]', 'one entry (default: each in turn)')
    .addOption(new Option('--keep <which>', 'without asking: mine (the version shown), theirs (the other) or both (the other becomes an entry of its own)').choices(['mine', 'theirs', 'both']))
    .option('--json', 'list the entries with conflicts as JSON')
    .addHelpText('after', examples('harmony conflicts', 'harmony conflicts 20260503-k3x9 --keep both', 'harmony conflicts --json'))
    .action(lazy(ctx, () => import('../commands/conflicts.js')));

  // Run by git, not by people (main.ts answers it before commander); declared for --help only.
  program
    .command('merge-driver', { hidden: true })
    .argument('<base>')
    .argument('<ours>')
    .argument('<theirs>')
    .argument('<path>')
    .action(async (...args: string[]) => {
      const { mergeDriver } = await import('../commands/merge-driver.js');
      process.exitCode = await mergeDriver(args.slice(0, 4), process.stderr);
    });
}
