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

  program
    .command('safety')
    .description('staying safe: when someone controls or threatens you, and where to get help (also: harmony help safety)')
    .option('--plain', 'plain text: no colour')
    .addHelpText('after', examples('harmony safety', 'harmony help safety'))
    .action(lazy(ctx, () => import('../commands/safety.js')));
}
