// Builds the commander program. Each command's module is imported only when that command
// runs, so `harmony --help` never loads prompts, markdown or the store.
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { makeContext, type Context } from './context.js';
import { EXIT, report } from './errors.js';
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
      outputError: (s, write) => write(s.replace(/^error: /, 'harmony: ')),
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
    if (argv.every((a) => a === '--no-color' || a === '--debug')) {
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
