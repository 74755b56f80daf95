// The people who matter, and real connections with them (issue 14).
import { Option, type Command } from 'commander';
import { collect, examples, lazy, type Ctx } from './shared.js';

// Kept here as words (not imported from core/people.ts) so --help loads nothing extra.
const CIRCLES = ['partner', 'family', 'friend', 'community', 'other'];
const HOWS = ['message', 'call', 'video', 'in-person'];
const NAME_HELP = 'a name, an alias, the start of one, or an id (see harmony people)';

export function addPeople(program: Command, ctx: Ctx): void {
  const load = () => import('../commands/people/index.js');
  const people = program
    .command('people')
    .description('the people who matter to you: how often you want real contact, and who it may be time to reach out to')
    .addHelpText(
      'after',
      examples('harmony people add Ana --every 2w --circle friend', 'harmony people log Ana --how call', 'harmony people --due', 'harmony people snooze Ana --for 1w') +
        '\nNAME is matched by id, then exact name (any case, accents or not), then alias, then a unique start.\n',
    );
  people
    .command('list', { isDefault: true })
    .description('everyone, who is due first (the default)')
    .option('--due', 'only those it is time to reach out to, most overdue for their rhythm first')
    .option('--json', 'print as JSON')
    .addHelpText('after', examples('harmony people', 'harmony people --due', 'harmony people --json'))
    .action(lazy(ctx, async () => ({ run: (await load()).list })));
  people
    .command('add')
    .description('add someone')
    .argument('<name>', 'their name as you call them (quote a name with spaces)')
    .option('--every <rhythm>', 'how often you want real contact: 3d, 1w, 2w, 1m, 3m, 1y (or weekly, monthly…); none: never due')
    .addOption(new Option('--circle <circle>', 'partner, family, friend, community or other').choices(CIRCLES))
    .option('--alias <name>', 'another name you use for them (repeatable)', collect)
    .option('--json', 'print the saved person as JSON')
    .addHelpText('after', examples('harmony people add Ana --every 2w', 'harmony people add "Sam Okafor" --every 1m --circle family --alias Sammy'))
    .action(lazy(ctx, async () => ({ run: (await load()).add })));
  people
    .command('show')
    .description('one person: rhythm, last connection, the last 90 days')
    .argument('<name>', NAME_HELP)
    .option('--json', 'print as JSON')
    .addHelpText('after', examples('harmony people show Ana', 'harmony people show p-k3x9ab --json'))
    .action(lazy(ctx, async () => ({ run: (await load()).show })));
  people
    .command('edit')
    .description('rename, change the rhythm or circle, add or drop aliases, pause or resume (asks on a terminal when no flag is given)')
    .argument('<name>', NAME_HELP)
    .option('--name <new>', 'a new name (every past entry shows it)')
    .option('--every <rhythm>', 'a new rhythm (3d, 1w, 2w, 1m, 3m…), or none')
    .addOption(new Option('--circle <circle>', 'partner, family, friend, community, other, or none').choices([...CIRCLES, 'none']))
    .option('--alias <name>', 'add an alias (repeatable)', collect)
    .option('--drop-alias <name>', 'remove an alias (repeatable)', collect)
    .option('--pause', 'never due until resumed (a hard time, a break by agreement)')
    .option('--resume', 'due again by their rhythm')
    .addHelpText('after', examples('harmony people edit Ana --every 1m', 'harmony people edit Ana --name "Ana Silva" --alias Annie', 'harmony people edit Ana --pause'))
    .action(lazy(ctx, async () => ({ run: (await load()).edit })));
  people
    .command('log')
    .description('note a real connection with one or more people (today, or --date)')
    .argument('<name...>', NAME_HELP)
    .option('--date <day>', 'when: yesterday, Nd (N days ago) or YYYY-MM-DD; never the future')
    .addOption(new Option('--how <how>', 'message, call, video or in-person').choices(HOWS))
    .option('--json', 'print the saved entry as JSON')
    .addHelpText('after', examples('harmony people log Ana --how call', 'harmony people log Ana Sam --date yesterday --how in-person'))
    .action(lazy(ctx, async () => ({ run: (await load()).log })));
  people
    .command('snooze')
    .description('hide someone from the due list for a while; any connection ends it')
    .argument('<name>', NAME_HELP)
    .option('--for <time>', 'how long: 3d, 1w, 2w, 1m (default 1w)')
    .option('--until <day>', 'until this day: YYYY-MM-DD')
    .option('--off', 'end the snooze now')
    .addHelpText('after', examples('harmony people snooze Ana', 'harmony people snooze Ana --for 2w', 'harmony people snooze Ana --until 2026-08-01', 'harmony people snooze Ana --off'))
    .action(lazy(ctx, async () => ({ run: (await load()).snooze })));
  people
    .command('remove')
    .alias('rm')
    .description('take someone off your list (past entries keep their name); --forget removes the name from everything harmony keeps')
    .argument('<name>', NAME_HELP)
    .option('--forget', 'also remove the name from people.json and from the text of every entry (past entries then say "someone you removed")')
    .option('-y, --yes', 'do not ask (needed without a terminal)')
    .addHelpText('after', examples('harmony people remove Ana', 'harmony people remove Ana --forget --yes'))
    .action(lazy(ctx, async () => ({ run: (await load()).remove })));
}
