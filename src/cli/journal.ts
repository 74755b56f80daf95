// The journal: browse, export, import (issue 5).
import { Option, type Command } from 'commander';
import { examples, intArg, lazy, type Ctx } from './shared.js';

export function addJournal(program: Command, ctx: Ctx): void {
  // journal, export, import (issue 5). The filters are shared by journal list and export.
  const journalFilters = (c: Command) =>
    c
      .option('--from <date>', 'from this day: today, yesterday, Nd (N days ago) or YYYY-MM-DD')
      .option('--to <date>', 'up to this day (same forms as --from)')
      .option('--principle <id>', 'only this principle: id, number 1-5 or prefix')
      .option('--kind <kind>', 'only checkin or only reflection entries')
      .option('--search <text>', 'only entries containing this text (any case; answers, prompts, intention)')
      .option('--limit <n>', 'at most N entries, the newest', intArg('--limit', 1, 10_000_000));
  const journalView = () => import('../commands/journal.js');
  const journalEdit = () => import('../commands/journal-edit.js');
  const journal = program
    .command('journal')
    .description('browse, search, edit and delete your journal entries')
    .addHelpText('after', examples('harmony journal                     # newest first', 'harmony journal show yesterday', 'harmony journal --search phone --from 30d'));
  journalFilters(journal.command('list', { isDefault: true }).description('list entries, newest first (the default)'))
    .option('--json', 'print the entries as JSON')
    .option('--no-pager', 'print straight to the terminal')
    .addHelpText('after', examples('harmony journal --from 7d', 'harmony journal --principle trust --search "phone"', 'harmony journal --kind reflection --limit 5 --json'))
    .action(lazy(ctx, async () => ({ run: (await journalView()).list })));
  journal
    .command('show')
    .description('show whole entries: one by id, or every entry of a day')
    .argument('<id-or-date>', 'an entry id (see harmony journal), or today, yesterday, Nd, YYYY-MM-DD')
    .option('--json', 'print as JSON (an entry for an id, a list for a date)')
    .option('--no-pager', 'print straight to the terminal')
    .addHelpText('after', examples('harmony journal show today', 'harmony journal show 2026-05-03', 'harmony journal show 20260503-k3x9 --json'))
    .action(lazy(ctx, async () => ({ run: (await journalView()).show })));
  journal
    .command('edit')
    .description('edit an entry in your editor (harmony config editor, $VISUAL or $EDITOR); saved only if valid and changed')
    .argument('<id>', 'the entry id (see harmony journal)')
    .addHelpText('after', examples('harmony journal edit 20260503-k3x9', 'VISUAL="code --wait" harmony journal edit 20260503-k3x9'))
    .action(lazy(ctx, async () => ({ run: (await journalEdit()).edit })));
  journal
    .command('delete')
    .alias('rm')
    .description('delete an entry (asks first)')
    .argument('<id>', 'the entry id (see harmony journal)')
    .option('-y, --yes', 'do not ask (needed without a terminal)')
    .addHelpText('after', examples('harmony journal delete 20260503-k3x9', 'harmony journal delete 20260503-k3x9 --yes'))
    .action(lazy(ctx, async () => ({ run: (await journalEdit()).remove })));

  journalFilters(program.command('export').description('export the journal as markdown, or everything as a JSON backup'))
    .addOption(new Option('--format <format>', 'md (readable journal) or json (complete backup)').choices(['md', 'json']).default('md'))
    .option('--out <file>', 'write to this file (default: standard output)')
    .option('--force', 'replace the --out file if it exists')
    .addHelpText('after', examples('harmony export --out journal.md', 'harmony export --format json --out harmony-backup.json', 'harmony export --from 2026-01-01 --principle trust > trust.md'))
    .action(lazy(ctx, () => import('../commands/export.js')));

  program
    .command('import')
    .description('restore a JSON backup (from harmony export --format json); entries already here are skipped')
    .argument('<file>', 'the backup file, or - for standard input')
    .option('--dry-run', 'check the file and show what would change; write nothing')
    .option('--json', 'print the outcome as JSON')
    .addHelpText('after', examples('harmony import harmony-backup.json --dry-run', 'harmony import harmony-backup.json', 'ssh old-laptop harmony export --format json | harmony import -'))
    .action(lazy(ctx, () => import('../commands/import.js')));
}
