// Builds the commander program. Each command's module is imported only when that command
// runs, so `harmony --help` never loads prompts, markdown or the store.
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { makeContext, type Context } from './context.js';
import { commanderMessage, EXIT, report } from './errors.js';
import { processIO, type IO } from './ui/io.js';
import { VERSION } from './version.js';

type Loader = () => Promise<{ run: (ctx: Context, ...args: any[]) => Promise<void> | void }>;

/** An action that loads its command module on demand and hands it the context. */
function lazy(ctx: () => Context, load: Loader) {
  return async (...args: unknown[]) => {
    const mod = await load();
    // commander passes (...arguments, options, command); we drop the command object.
    await mod.run(ctx(), ...args.slice(0, -1));
  };
}

export function intArg(name: string, min: number, max: number) {
  return (value: string) => {
    const n = Number(value);
    if (!/^-?\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < min || n > max) {
      throw new InvalidArgumentError(`${name} must be a whole number from ${min} to ${max}.`);
    }
    return n;
  };
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

function examples(...lines: string[]): string {
  return `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;
}

export function buildProgram(ctx: () => Context, io: IO): Command {
  // Settings made before .command() are inherited by every subcommand.
  const program = new Command('harmony')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      // One safe line even when it quotes hostile input (errors.ts commanderMessage, issue 8).
      outputError: (s, write) => write(commanderMessage(s)),
    })
    .description('A daily coach for healthy relationships online: learn five principles, check in, reflect, quiz yourself, keep a journal.')
    .version(VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help for a command')
    .option('--no-color', 'turn off colour (also NO_COLOR=1 or TERM=dumb)')
    .option('--debug', 'print stack traces for unexpected errors')
    .showSuggestionAfterError(true)
    .showHelpAfterError('(run harmony --help for usage)')
    .addHelpText('after', examples('harmony                  # check in today, or see today\'s summary', 'harmony learn trust      # read the lesson on trust', 'harmony lessons --json   # the five principles as data'));

  program
    .command('lessons')
    .description('list the five principles with your read / unread marks')
    .option('--json', 'print as JSON')
    .addHelpText('after', examples('harmony lessons', 'harmony lessons --json'))
    .action(lazy(ctx, () => import('./commands/lessons.js')));

  program
    .command('learn')
    .description('read a lesson (by id, number or prefix; default: the next unread)')
    .argument('[principle]', 'attention, communication, wellbeing, trust, intimacy, or 1-5')
    .option('--plain', 'plain text: no colour, no pager')
    .option('--no-pager', 'print straight to the terminal')
    .addHelpText('after', examples('harmony learn', 'harmony learn trust', 'harmony learn 2 --plain'))
    .action(lazy(ctx, () => import('./commands/learn.js')));

  const config = program.command('config').description('settings and where your data lives');
  config
    .command('path')
    .description('print the folder where harmony keeps your data')
    .addHelpText('after', examples('harmony config path', 'HARMONY_HOME=/tmp/h harmony config path'))
    .action(lazy(ctx, () => import('./commands/config-path.js')));

  // config list|get|set (issue 6). Key choices are listed for help and completion; the
  // command resolves keys itself (case-insensitive) and says which are valid.
  const configModule = () => import('./commands/config.js');
  const settingKey = () =>
    program.createArgument('<key>', 'the setting').choices(['name', 'dayStartHour', 'editor', 'color', 'reminder']).argParser((v: string) => v);
  config
    .command('list', { isDefault: true })
    .description('show every setting and its value (the default)')
    .option('--json', 'print as JSON')
    .addHelpText('after', examples('harmony config list', 'harmony config list --json'))
    .action(lazy(ctx, async () => ({ run: (await configModule()).list })));
  config
    .command('get')
    .description('print one setting')
    .addArgument(settingKey())
    .option('--json', 'print as JSON')
    .addHelpText('after', examples('harmony config get dayStartHour', 'harmony config get reminder'))
    .action(lazy(ctx, async () => ({ run: (await configModule()).get })));
  config
    .command('set')
    .description('change a setting: name, dayStartHour (0-6), editor, color (auto|always|never), reminder (on|off)')
    .addArgument(settingKey())
    .argument('<value>', 'the new value ("" clears name or editor)')
    .addHelpText('after', examples('harmony config set dayStartHour 4', 'harmony config set color never', 'harmony config set reminder off'))
    .action(lazy(ctx, async () => ({ run: (await configModule()).set })));

  // checkin and reflect (issue 3). The 30-day --date limit is MAX_BACKFILL_DAYS in
  // core/checkin.ts (not imported here, to keep start-up light; a test keeps them in step).
  program
    .command('checkin')
    .description('the daily check-in: your mood, a principle, a reflection prompt or two, an intention')
    .option('--mood <n>', 'mood today, 1-5 (1 rough, 2 low, 3 okay, 4 good, 5 great)', intArg('--mood', 1, 5))
    .option('--principle <id>', 'principle of the day: id, number 1-5 or prefix (default: the least practised lately)')
    .option('--answer <text>', "answer to the day's reflection prompt; repeat for a second prompt", collect)
    .option('--intention <text>', 'an intention for tomorrow')
    .option('--date <day>', 'fill in a missed day: yesterday, Nd (days ago) or YYYY-MM-DD; not in the future, at most 30 days back')
    .option('--append', "add to the day's check-in if there already is one (otherwise save a new one)")
    .option('--editor', 'write answers in your editor (the editor setting, else $VISUAL / $EDITOR)')
    .option('--json', 'print the saved entry as JSON')
    .addHelpText(
      'after',
      examples(
        'harmony checkin',
        'harmony checkin --mood 4 --principle trust --answer "I kept my promise to call" --intention "Reply to Sam"',
        'harmony checkin --date yesterday --mood 3 --answer "Forgot to log this"',
      ) + '\nWithout a terminal, --mood and --answer are required. A second check-in the same day needs --append.\n',
    )
    .action(lazy(ctx, () => import('./commands/checkin.js')));

  program
    .command('reflect')
    .description('a longer guided reflection on one principle (3-5 prompts and one thing you will do)')
    .argument('[principle]', 'attention, communication, wellbeing, trust, intimacy, 1-5 or a prefix (default: the least practised lately)')
    .option('--answer <text>', 'answer to the next prompt, in order; repeat up to 5 times', collect)
    .option('--commitment <text>', 'the closing "one thing I will do"')
    .option('--date <day>', 'fill in a missed day: yesterday, Nd (days ago) or YYYY-MM-DD; not in the future, at most 30 days back')
    .option('--editor', 'write answers in your editor (the editor setting, else $VISUAL / $EDITOR)')
    .option('--json', 'print the saved entry as JSON')
    .addHelpText(
      'after',
      examples(
        'harmony reflect',
        'harmony reflect communication',
        'harmony reflect 4 --answer "I said I would and I did" --commitment "Tell Ana the plan changed"',
      ) + '\nWithout a terminal, --answer and --commitment are required.\n',
    )
    .action(lazy(ctx, () => import('./commands/reflect.js')));

  program
    .command('quiz')
    .description('answer questions on the principles; missed and due ones come back (spaced review)')
    .option('--principle <id>', 'only this principle (id, number 1-5 or prefix)')
    .option('--count <n>', 'how many questions (default 5)', intArg('--count', 1, 50))
    .option('--review', 'only questions that are due or that you missed')
    .option('--answers <letters>', 'answer without prompts, in the order asked: b,a,c (multi-select ac, true/false t/f)')
    .option('--seed <n>', 'fix the question and choice order (to match --answers)', intArg('--seed', 0, 2147483647))
    .option('--dry-run', 'show the questions --seed would ask, in order; save nothing')
    .option('--json', 'print the result (or the --dry-run questions) as JSON')
    .addHelpText('after', examples('harmony quiz --principle trust --count 3', 'harmony quiz --review', 'harmony quiz --seed 7 --dry-run && harmony quiz --seed 7 --answers b,ac,t,a,c --json'))
    .action(lazy(ctx, () => import('./commands/quiz.js')));

  // remind and completion (issue 6). Plain `harmony remind` is answered in main.ts before
  // commander loads; this declaration serves --install, --help and completion.
  program
    .command('remind')
    .description('for your shell start-up file: one line when today has no check-in yet, else nothing')
    .addOption(new Option('--install <shell>', 'print the line to add to your shell start-up file').choices(['bash', 'zsh', 'fish']))
    .addHelpText('after', examples('harmony remind', 'harmony remind --install bash >> ~/.bashrc', 'harmony config set reminder off   # silence it'))
    .action(lazy(ctx, () => import('./commands/remind.js')));

  program
    .command('completion')
    .description('print a shell completion script (commands, options, principle ids)')
    .addArgument(program.createArgument('<shell>', 'bash, zsh or fish').choices(['bash', 'zsh', 'fish']))
    .addHelpText('after', examples('source <(harmony completion bash)   # in ~/.bashrc', 'harmony completion zsh > "${fpath[1]}/_harmony"', 'harmony completion fish > ~/.config/fish/completions/harmony.fish'))
    .action(lazy(ctx, () => import('./commands/completion.js')));

  // journal, export, import (issue 5). The filters are shared by journal list and export.
  const journalFilters = (c: Command) =>
    c
      .option('--from <date>', 'from this day: today, yesterday, Nd (N days ago) or YYYY-MM-DD')
      .option('--to <date>', 'up to this day (same forms as --from)')
      .option('--principle <id>', 'only this principle: id, number 1-5 or prefix')
      .option('--kind <kind>', 'only checkin or only reflection entries')
      .option('--search <text>', 'only entries containing this text (any case; answers, prompts, intention)')
      .option('--limit <n>', 'at most N entries, the newest', intArg('--limit', 1, 10_000_000));
  const journalView = () => import('./commands/journal.js');
  const journalEdit = () => import('./commands/journal-edit.js');
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
    .action(lazy(ctx, () => import('./commands/export.js')));

  program
    .command('import')
    .description('restore a JSON backup (from harmony export --format json); entries already here are skipped')
    .argument('<file>', 'the backup file, or - for standard input')
    .option('--dry-run', 'check the file and show what would change; write nothing')
    .option('--json', 'print the outcome as JSON')
    .addHelpText('after', examples('harmony import harmony-backup.json --dry-run', 'harmony import harmony-backup.json', 'ssh old-laptop harmony export --format json | harmony import -'))
    .action(lazy(ctx, () => import('./commands/import.js')));

  // stats (issue 6).
  program
    .command('stats')
    .description('your streak, a year of practice as a calendar, mood, principles and quiz mastery')
    .option('--json', 'print the same figures as JSON')
    .addHelpText('after', examples('harmony stats', 'harmony stats --json', 'harmony stats --no-color | less'))
    .action(lazy(ctx, () => import('./commands/stats.js')));

  return program;
}

/** Runs the CLI and returns the exit code; errors are reported here, once. */
export async function runCli(argv: string[]): Promise<number> {
  const colorFlag = argv.includes('--no-color') ? false : undefined;
  // The `color` setting (always/never) sits between NO_COLOR/TERM=dumb and FORCE_COLOR.
  const io = processIO(colorFlag, (await import('./store/settings.js')).colorSetting(process.env));
  const debug = argv.includes('--debug');
  let context: Context | undefined;
  const ctx = () => (context ??= makeContext(io, debug));
  const program = buildProgram(ctx, io);
  const fail = (message: string) => io.stderr.write(`harmony: ${message}\n`);
  try {
    // Plain `harmony` (global flags only) opens the home screen. It is not a program action,
    // because an action would swallow typos like `harmony lesons` as arguments.
    // (`harmony --` too: commander would print the whole help to stderr and exit 0; issue 8.)
    if (argv.every((a) => a === '--no-color' || a === '--debug' || a === '--')) {
      await (await import('./commands/home.js')).run(ctx());
      return EXIT.ok;
    }
    await program.parseAsync(argv, { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      const ok = ['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(error.code);
      return ok || error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    const { code, message } = report(error, debug);
    fail(message);
    return code;
  }
}

export { Option, collect };
