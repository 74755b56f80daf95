// Builds the commander program. Each command's module is imported only when that command
// runs, so `harmony --help` never loads prompts, markdown or the store.
import { Command, CommanderError } from 'commander';
import { addCheck } from './cli/check.js';
import { addJournal } from './cli/journal.js';
import { addLearning } from './cli/learning.js';
import { addPeople } from './cli/people.js';
import { addPractice } from './cli/practice.js';
import { addPrivacy } from './cli/privacy.js';
import { examples, type Ctx } from './cli/shared.js';
import { addSync } from './cli/sync.js';
import { addTools } from './cli/tools.js';
import { makeContext, prepareContext, type Context } from './context.js';
import { commanderMessage, EXIT, report } from './errors.js';
import { processIO, type IO } from './ui/io.js';
import { VERSION } from './version.js';

export function buildProgram(ctx: Ctx, io: IO): Command {
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

  // The order here is the order in --help: the daily practice first.
  addPractice(program, ctx);
  addPeople(program, ctx);
  addLearning(program, ctx);
  addJournal(program, ctx);
  addCheck(program, ctx);
  addTools(program, ctx);
  addSync(program, ctx);
  addPrivacy(program, ctx);
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
  const helpOnly = argv.some((a) => a === '--help' || a === '-h') || argv[0] === 'help';
  try {
    // Conflict copies from Syncthing, Dropbox or Nextcloud, merged before anything reads (issue 17).
    if (!helpOnly && argv[0] !== 'completion') await (await import('./commands/common/before-command.js')).beforeCommand(io, () => ctx().now());
    // Plain `harmony` (global flags only) opens the home screen. It is not a program action,
    // because an action would swallow typos like `harmony lesons` as arguments.
    // (`harmony --` too: commander would print the whole help to stderr and exit 0; issue 8.)
    if (argv.every((a) => a === '--no-color' || a === '--debug' || a === '--')) {
      await prepareContext(ctx());
      await (await import('./commands/home.js')).run(ctx());
      return EXIT.ok;
    }
    // `harmony help safety` reads better than `harmony safety` in the lessons and the home
    // screen; commander's help command would only print the command's usage.
    const args = argv[0] === 'help' && argv[1] === 'safety' ? ['safety', ...argv.slice(2)] : argv;
    await program.parseAsync(args, { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      const ok = ['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(error.code);
      return ok || error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    const { code, message } = report(error, debug);
    if (message) fail(message);
    return code;
  } finally {
    // autoSync: a background sync after a save, and an earlier one's failure, told once (issue 17).
    if (context) (await import('./commands/common/auto-sync.js')).afterCommand(context, argv.find((a) => !a.startsWith('-')));
  }
}

