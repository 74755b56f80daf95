// Stats, the shell reminder, settings and completion (issue 6).
import { Option, type Command } from 'commander';
import { examples, lazy, type Ctx } from './shared.js';

export function addTools(program: Command, ctx: Ctx): void {
  // stats (issue 6).
  program
    .command('stats')
    .description('your streak, a year of practice as a calendar, mood, principles and quiz mastery')
    .option('--json', 'print the same figures as JSON')
    .addHelpText('after', examples('harmony stats', 'harmony stats --json', 'harmony stats --no-color | less'))
    .action(lazy(ctx, () => import('../commands/stats.js')));

  // remind and completion (issue 6). Plain `harmony remind` is answered in main.ts before
  // commander loads; this declaration serves --install, --help and completion.
  program
    .command('remind')
    .description('for your shell start-up file: one line when today has no check-in yet, else nothing')
    .addOption(new Option('--install <shell>', 'print a snippet for your shell start-up file that answers without starting harmony').choices(['bash', 'zsh', 'fish']))
    .addHelpText('after', examples('harmony remind', 'harmony remind --install bash >> ~/.bashrc', 'harmony remind --install zsh >> ~/.zshrc', 'harmony remind --install fish >> ~/.config/fish/config.fish', 'harmony config set reminder off   # silence it'))
    .action(lazy(ctx, () => import('../commands/remind.js')));

  program
    .command('completion')
    .description('print a shell completion script (commands, options, principle ids)')
    .addArgument(program.createArgument('<shell>', 'bash, zsh or fish').choices(['bash', 'zsh', 'fish']))
    .addHelpText('after', examples('source <(harmony completion bash)   # in ~/.bashrc', 'harmony completion zsh > "${fpath[1]}/_harmony"', 'harmony completion fish > ~/.config/fish/completions/harmony.fish'))
    .action(lazy(ctx, () => import('../commands/completion.js')));

  const config = program.command('config').description('settings and where your data lives');
  config
    .command('path')
    .description('print the folder where harmony keeps your data')
    .addHelpText('after', examples('harmony config path', 'HARMONY_HOME=/tmp/h harmony config path'))
    .action(lazy(ctx, () => import('../commands/config-path.js')));

  // config list|get|set (issue 6). Key choices are listed for help and completion; the
  // command resolves keys itself (case-insensitive) and says which are valid.
  const configModule = () => import('../commands/config.js');
  const settingKey = () =>
    program.createArgument('<key>', 'the setting').choices(['name', 'dayStartHour', 'editor', 'color', 'reminder', 'notesCountForStreak', 'weekStart', 'autoSync', 'reminderPeople', 'passphraseCommand']).argParser((v: string) => v);
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
    .description('change a setting: name, dayStartHour (0-6), editor, color (auto|always|never), reminder (on|off), notesCountForStreak (on|off), weekStart (mon|sun), autoSync (on|off), reminderPeople (names|count|off), passphraseCommand')
    .addArgument(settingKey())
    .argument('<value>', 'the new value ("" clears name or editor)')
    .addHelpText('after', examples('harmony config set dayStartHour 4', 'harmony config set color never', 'harmony config set reminder off'))
    .action(lazy(ctx, async () => ({ run: (await configModule()).set })));
}
