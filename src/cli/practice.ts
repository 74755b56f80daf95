// The daily practice: check-in, reflection, quiz (issues 3 and 4).
import { Option, type Command } from 'commander';
import { collect, examples, intArg, lazy, type Ctx } from './shared.js';

export function addPractice(program: Command, ctx: Ctx): void {
  // checkin and reflect (issue 3). The 30-day --date limit is MAX_BACKFILL_DAYS in
  // core/checkin.ts (not imported here, to keep start-up light; a test keeps them in step).
  program
    .command('checkin')
    .description('the daily check-in: your mood, a principle, a reflection prompt or two, an intention')
    .option('--mood <n>', 'mood today, 1-5 (1 rough, 2 low, 3 okay, 4 good, 5 great)', intArg('--mood', 1, 5))
    .option('--principle <id>', 'principle of the day: id, number 1-5 or prefix (default: the least practised lately)')
    .option('--answer <text>', "answer to the day's reflection prompt; repeat for a second prompt", collect)
    .option('--intention <text>', 'an intention for tomorrow, best as a plan with a cue: "When …, I will …"')
    .option('--with <name>', 'someone you really connected with today (repeatable; see harmony people)', collect)
    .addOption(new Option('--how <how>', 'how you connected: message, call, video or in-person').choices(['message', 'call', 'video', 'in-person']))
    .option('--practice <id>', "take today's practice by id (see harmony practice list), or skip")
    .option('--followup <status>', 'how the last intention and practice went: kept, partly, missed or dropped (or two: intention,practice)')
    .option('--followup-note <text>', 'what helped or got in the way (with --followup)')
    .option('--date <day>', 'fill in a missed day: yesterday, Nd (days ago) or YYYY-MM-DD; not in the future, at most 30 days back')
    .option('--append', "add to the day's check-in if there already is one (otherwise save a new one)")
    .option('--editor', 'write answers in your editor (the editor setting, else $VISUAL / $EDITOR)')
    .option('--json', 'print the saved entry as JSON')
    .addHelpText(
      'after',
      examples(
        'harmony checkin',
        'harmony checkin --mood 4 --principle trust --answer "I kept my promise to call" --intention "Reply to Sam"',
        'harmony checkin --followup kept --mood 4 --answer "Called Sam as planned" --practice skip',
        'harmony checkin --date yesterday --mood 3 --answer "Forgot to log this"',
        'harmony checkin --mood 4 --answer "Long call, felt close again" --with Ana --how call',
      ) +
        '\nThe check-in opens with a follow-up on your last intention and practice, and offers a small practice for the day.' +
        '\nWithout a terminal, --mood and --answer are required; the follow-up then waits for a check-in that answers it (or --followup).' +
        '\nA second check-in the same day needs --append.\n',
    )
    .action(lazy(ctx, () => import('../commands/checkin.js')));

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
    .action(lazy(ctx, () => import('../commands/reflect.js')));

  // review (issue 12): the week on one screen, three prompts, a focus for next week.
  program
    .command('review')
    .description('the weekly review: your week on one screen, what went well, what got in the way, a focus for next week')
    .option('--week <week>', 'last (default), this, or a week like 2026-W19')
    .option('--answer <text>', 'answers in order: what went well, what got in the way, a focus (up to 3)', collect)
    .option('--focus <id>', 'the principle to lean towards next week: id, number 1-5 or prefix')
    .option('--json', 'print the week\'s figures (and the saved entry) as JSON')
    .addHelpText(
      'after',
      examples('harmony review', 'harmony review --week this --json', 'harmony review --answer "Two long calls" --answer "Late nights" --answer "Put the phone away at dinner" --focus attention') +
        '\nWithout a terminal, --focus is needed to save a review (--answer is optional); --json alone prints the figures.\n',
    )
    .action(lazy(ctx, () => import('../commands/review.js')));

  // practice (issue 12): today's micro-practice.
  const practiceModule = () => import('../commands/practice.js');
  const practice = program
    .command('practice')
    .description("today's small practice for the principle of the day; mark it done")
    .addHelpText('after', examples('harmony practice', 'harmony practice done --note "Asked Ana about her exam"', 'harmony practice list --principle trust'));
  practice
    .command('show', { isDefault: true })
    .description("show today's practice (the default)")
    .option('--json', 'print it as JSON')
    .action(lazy(ctx, async () => ({ run: (await practiceModule()).show })));
  practice
    .command('done')
    .description("mark today's practice done (any time today; after today's check-in)")
    .option('--note <text>', 'a line on how it went')
    .option('--json', 'print the updated entry as JSON')
    .addHelpText('after', examples('harmony practice done', 'harmony practice done --note "Shorter than I thought"'))
    .action(lazy(ctx, async () => ({ run: (await practiceModule()).done })));
  practice
    .command('list')
    .description('every practice, with its id (for checkin --practice) and when it was last offered')
    .option('--principle <id>', 'only this principle (id, number 1-5 or prefix)')
    .option('--json', 'print as JSON')
    .action(lazy(ctx, async () => ({ run: (await practiceModule()).list })));

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
    .action(lazy(ctx, () => import('../commands/quiz.js')));

}
