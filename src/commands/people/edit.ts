// harmony people edit NAME (flags, or asked on a terminal) and people snooze NAME.
import type { Context } from '../../context.js';
import { isoWithOffset, parseDateArg } from '../../core/dates.js';
import { cadenceArg, changePerson, circleArg, type PersonChange } from '../../core/people-edit.js';
import { addCadence, CIRCLES, parseCadence, type Circle, type Person } from '../../core/people.js';
import { shortName } from '../../core/people-text.js';
import { UsageError } from '../../errors.js';
import { requireInteractive } from '../../ui/prompts.js';
import { print, styleFor } from '../../ui/style.js';
import { cancellable } from '../common/ask.js';
import { findPerson } from './find.js';

export interface EditOptions {
  name?: string;
  every?: string;
  circle?: string;
  alias?: string[];
  dropAlias?: string[];
  pause?: boolean;
  resume?: boolean;
}

function fromFlags(opts: EditOptions): PersonChange {
  if (opts.pause && opts.resume) throw new UsageError('--pause and --resume cancel each other out; pass one.');
  const change: PersonChange = {};
  if (opts.name !== undefined) change.name = opts.name;
  if (opts.every !== undefined) change.every = cadenceArg(opts.every, '--every', true) ?? null;
  if (opts.circle !== undefined) change.circle = circleArg(opts.circle) ?? null;
  if (opts.alias) change.addAliases = opts.alias;
  if (opts.dropAlias) change.dropAliases = opts.dropAlias;
  if (opts.pause) change.paused = true;
  if (opts.resume) change.paused = false;
  return change;
}

async function asked(ctx: Context, p: Person): Promise<PersonChange> {
  const ask = ctx.prompter;
  const name = await ask.input({ message: 'Name', default: p.name, validate: (v) => (v.trim() !== '' ? true : 'A name is needed (Ctrl+C leaves it as it was).') });
  const every = await ask.input({
    message: 'How often do you want real contact? (3d, 1w, 2w, 1m, 3m…, or none)',
    default: p.every ?? 'none',
    validate: (v) => {
      try {
        cadenceArg(v, 'The rhythm', true);
        return true;
      } catch (error) {
        return (error as Error).message;
      }
    },
  });
  const circle = await ask.select<Circle | 'none'>({
    message: 'Circle',
    choices: [...CIRCLES.map((c) => ({ name: c, value: c })), { name: 'none', value: 'none' as const }],
    default: p.circle ?? 'none',
  });
  const aliasText = await ask.input({ message: 'Other names you use for them (comma-separated, Enter for none)', default: p.aliases.join(', ') });
  const aliases = aliasText.split(',').map((a) => a.trim()).filter(Boolean);
  const paused = await ask.confirm({ message: 'Pause (never due until resumed)?', default: Boolean(p.paused) });
  const keep = (a: string) => aliases.includes(a);
  return {
    name,
    every: cadenceArg(every, 'The rhythm', true) ?? null,
    circle: circle === 'none' ? null : circle,
    dropAliases: p.aliases.filter((a) => !keep(a)),
    addAliases: aliases.filter((a) => !p.aliases.includes(a)),
    paused,
  };
}

export async function edit(ctx: Context, name: string, opts: EditOptions): Promise<void> {
  const store = ctx.store();
  const person = findPerson(ctx, await store.people(), name);
  let change = fromFlags(opts);
  if (Object.keys(change).length === 0) {
    requireInteractive(ctx.io, 'people edit', ['--name NEW', '--every RHYTHM', '--circle CIRCLE', '--alias NAME', '--drop-alias NAME', '--pause or --resume']);
    change = await cancellable('Edit cancelled, nothing changed.', () => asked(ctx, person));
  }
  const { person: after, changed } = await store.updatePeople((doc) => changePerson(doc, person.id, change, ctx.now()));
  if (!changed) return print(ctx.io, 'Nothing changed.');
  const renamed = after.name !== person.name ? ' Every past entry shows the new name.' : '';
  print(ctx.io, `${styleFor(ctx.io).success('✓')} Saved ${shortName(after.name ?? '')}.${renamed}`);
}

export async function snooze(ctx: Context, name: string, opts: { for?: string; until?: string; off?: boolean }): Promise<void> {
  const given = [opts.for, opts.until, opts.off].filter((v) => v !== undefined).length;
  if (given > 1) throw new UsageError('Pass one of --for, --until or --off.');
  const today = ctx.today();
  let until: string | undefined;
  if (!opts.off) {
    if (opts.until !== undefined) {
      const day = parseDateArg(opts.until, today);
      if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(opts.until.trim())) throw new UsageError(`--until must be a YYYY-MM-DD date, got "${opts.until}".`);
      if (day <= today) throw new UsageError(`--until ${day} is not after today (${today}); a snooze ends on a later day.`);
      until = day;
    } else {
      const c = parseCadence(opts.for ?? '1w');
      if (!c) throw new UsageError(`--for must be a number and d, w or m (3d, 1w, 2w, 1m), got "${opts.for}".`);
      until = addCadence(today, c);
    }
  }
  const store = ctx.store();
  const person = findPerson(ctx, await store.people(), name);
  const shown = await store.updatePeople((doc) => {
    const p = doc.people.find((x) => x.id === person.id);
    if (!p || p.removed || p.forgotten) throw new UsageError('That person is no longer in your people (another terminal may have removed them).');
    if (until) p.snooze = { from: today, until };
    else delete p.snooze;
    p.updatedAt = isoWithOffset(ctx.now());
    return shortName(p.name ?? '');
  });
  if (!until) return print(ctx.io, `${shown} is no longer snoozed.`);
  print(ctx.io, `Snoozed ${shown} until ${until}: not due before then, and any connection meanwhile ends the snooze.`);
}
