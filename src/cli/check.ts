// harmony check: a second look at a message before it is sent (issue 15).
import { Option, type Command } from 'commander';
import { examples, lazy, type Ctx } from './shared.js';

export function addCheck(program: Command, ctx: Ctx): void {
  program
    .command('check')
    .description('a second look at a message before you send it: tone, blame, sarcasm, buried requests (offline)')
    .argument('[file]', 'the draft to check; - or a pipe for standard input; none on a terminal: paste it, then Ctrl+D')
    .option('--reply-to <file>', 'the message you are answering (questions left unanswered are noted)')
    .option('--editor', 'write the draft in your editor (the editor setting, else $VISUAL / $EDITOR)')
    .option('--json', 'print findings as JSON: { "findings": [ { rule, severity, start, end, text, message, suggestion, principle } ] }')
    .addOption(new Option('--format <format>', 'output format: text, or unix (line:col: severity rule: message, for editors)').choices(['text', 'unix']).default('text'))
    .addHelpText(
      'after',
      examples(
        'harmony check draft.txt',
        'pbpaste | harmony check',
        'harmony check reply.txt --reply-to their-message.txt',
        'harmony check --format unix draft.txt      # for vim quickfix: :cexpr system(...)',
        'harmony check --json draft.txt | jq .findings',
      ) + '\nExit codes: 0 nothing at warn level, 4 something at warn level (a hook can stop the send), 2 bad or empty input.\nNothing about the draft is stored.\n',
    )
    .action(lazy(ctx, () => import('../commands/check.js')));
}
