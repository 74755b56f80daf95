// Lessons (issue 2).
import type { Command } from 'commander';
import { examples, lazy, type Ctx } from './shared.js';

export function addLearning(program: Command, ctx: Ctx): void {
  program
    .command('learn')
    .description('read a lesson (by id, number or prefix; default: the next unread)')
    .argument('[principle]', 'attention, communication, wellbeing, trust, intimacy, or 1-5')
    .option('--plain', 'plain text: no colour, no pager')
    .option('--no-pager', 'print straight to the terminal')
    .addHelpText('after', examples('harmony learn', 'harmony learn trust', 'harmony learn 2 --plain'))
    .action(lazy(ctx, () => import('../commands/learn.js')));

  program
    .command('lessons')
    .description('list the five principles with your read / unread marks')
    .option('--json', 'print as JSON')
    .addHelpText('after', examples('harmony lessons', 'harmony lessons --json'))
    .action(lazy(ctx, () => import('../commands/lessons.js')));

  // prompts (issue 12): reflection prompts of your own, beside the lesson's.
  const promptsModule = () => import('../commands/prompts.js');
  const prompts = program
    .command('prompts')
    .description('reflection prompts of your own: add, list, remove (they join the check-in and reflection rotation)')
    .addHelpText('after', examples('harmony prompts add trust "Whom did I keep my word to today?"', 'harmony prompts list', 'harmony prompts remove own-k3x9'));
  prompts
    .command('list', { isDefault: true })
    .description('your own prompts, by principle (the default)')
    .option('--json', 'print as JSON')
    .action(lazy(ctx, async () => ({ run: (await promptsModule()).list })));
  prompts
    .command('add')
    .description('add a prompt of your own to a principle')
    .argument('<principle>', 'attention, communication, wellbeing, trust, intimacy, 1-5 or a prefix')
    .argument('<text>', 'the prompt, one line (quote it)')
    .option('--json', 'print the new prompt as JSON')
    .addHelpText('after', examples('harmony prompts add trust "Whom did I keep my word to today?"', 'harmony prompts add 1 "When did I put the phone away for someone?"'))
    .action(lazy(ctx, async () => ({ run: (await promptsModule()).add })));
  prompts
    .command('remove')
    .alias('rm')
    .description('remove one of your prompts by its id (see harmony prompts list)')
    .argument('<id>', 'the prompt id, e.g. own-k3x9')
    .action(lazy(ctx, async () => ({ run: (await promptsModule()).remove })));

  program
    .command('safety')
    .description('staying safe: when someone controls or threatens you, and where to get help (also: harmony help safety)')
    .option('--plain', 'plain text: no colour')
    .addHelpText('after', examples('harmony safety', 'harmony help safety'))
    .action(lazy(ctx, () => import('../commands/safety.js')));
}
