// The journal: browse, export, import (issue 5).
import { Option, type Command } from 'commander';
import { collect, examples, intArg, lazy, type Ctx } from './shared.js';

export function addJournal(program: Command, ctx: Ctx): void {
  // journal, export, import (issue 5). The filters are shared by journal list and export.
  const journalFilters = (c: Command) =>
    c
      .option('--from <date>', 'from this day: today, yesterday, Nd (N days ago) or YYYY-MM-DD')
      .option('--to <date>', 'up to this day (same forms as --from)')
      .option('--principle <id>', 'only this principle: id, number 1-5 or prefix')
      .option('--kind <kind>', 'only this kind: checkin, reflection, note or review')
      .option('--search <text>', 'only entries containing this text (any case; answers, prompts, intention, notes, tags)')
      .option('--person <name>', 'only entries with this person (a name, alias or id: see harmony people)')
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

  program
    .command('note')
    .description('save a free note for today at once (no text: reads a pipe, or opens your editor)')
    .argument('[text...]', 'what happened, in your words')
    .option('--date <date>', 'for another day: yesterday, Nd (N days ago) or YYYY-MM-DD')
    .option('--principle <id>', 'tie it to a principle (optional)')
    .option('--mood <n>', 'a mood, 1 (rough) to 5 (great) (optional)', intArg('--mood', 1, 5))
    .option('--tag <tag>', 'a tag (repeatable; #words in the text are tags too)', collect)
    .option('--with <name>', 'someone you really connected with (repeatable; @name in the text works too)', collect)
    .addOption(new Option('--how <how>', 'how you connected: message, call, video or in-person').choices(['message', 'call', 'video', 'in-person']))
    .option('--editor', 'write it in your editor')
    .option('--json', 'print the saved note as JSON')
    .addHelpText('after', examples('harmony note "Talked to Ana for an hour, it helped."', 'harmony note --date yesterday Long call with @Sam #family --how call', 'echo "Quiet day." | harmony note', 'harmony config set notesCountForStreak on   # let notes keep the streak'))
    .action(lazy(ctx, () => import('../commands/note.js')));

  journalFilters(program.command('export').description('export the journal as markdown, or everything as a JSON backup'))
    .addOption(new Option('--format <format>', 'md (readable journal) or json (complete backup)').choices(['md', 'json']).default('md'))
    .option('--out <file>', 'write to this file (default: standard output)')
    .option('--force', 'replace the --out file if it exists')
    .option('--encrypt', 'write an age-encrypted file: to your key when the journal is encrypted, else to a passphrase (asked, or --passphrase-file)')
    .option('--plaintext', 'an encrypted journal: write the export readable (needed for --out or a file)')
    .option('--passphrase-file <file>', 'with --encrypt on a plaintext journal: the passphrase, first line of FILE')
    .addHelpText('after', examples('harmony export --out journal.md', 'harmony export --format json --out harmony-backup.json', 'harmony export --format json --encrypt --out harmony-backup.json.age', 'harmony export --from 2026-01-01 --principle trust > trust.md'))
    .action(lazy(ctx, () => import('../commands/export.js')));

  program
    .command('import')
    .description('restore a JSON backup, or bring in a journal from jrnl, Daylio or Day One as notes; entries already here are skipped')
    .argument('<file>', 'the file, or - for standard input')
    .addOption(new Option('--from <tool>', 'the file is another tool\'s journal: jrnl (JSON export or journal file), daylio (CSV export), dayone (Journal.json)').choices(['harmony', 'jrnl', 'daylio', 'dayone']))
    .option('--mood-map <map>', 'Daylio: numbers for custom mood names, e.g. "sleepy=2,proud=5"')
    .option('--dry-run', 'check the file and show what would change; write nothing')
    .option('--json', 'print the outcome as JSON')
    .option('--passphrase-file <file>', 'an age-encrypted backup made with a passphrase: the passphrase, first line of FILE')
    .addHelpText('after', examples('harmony import harmony-backup.json --dry-run', 'harmony import harmony-backup.json.age   # an export --encrypt: your key or its passphrase', 'ssh old-laptop harmony export --format json | harmony import -', 'jrnl --format json > jrnl.json && harmony import --from jrnl jrnl.json', 'harmony import --from jrnl ~/.local/share/jrnl/journal.txt --dry-run', 'harmony import --from daylio daylio_export.csv --mood-map "sleepy=2"'))
    .action(lazy(ctx, () => import('../commands/import.js')));
}
