// harmony people add NAME [--every] [--circle] [--alias].
import type { Context } from '../../context.js';
import { addPerson, cadenceArg, circleArg } from '../../core/people-edit.js';
import { cadenceWords } from '../../core/people.js';
import { shortName } from '../../core/people-text.js';
import { print, styleFor } from '../../ui/style.js';
import { printSafeJson } from '../journal-view.js';

export interface AddOptions {
  every?: string;
  circle?: string;
  alias?: string[];
  json?: boolean;
}

export async function add(ctx: Context, name: string, opts: AddOptions): Promise<void> {
  const every = opts.every === undefined ? undefined : cadenceArg(opts.every, '--every', true);
  const circle = circleArg(opts.circle);
  const store = ctx.store();
  const today = ctx.today();
  const person = await store.updatePeople((doc) => addPerson(doc, { name, every, circle, aliases: opts.alias ?? [] }, ctx.now(), today));
  if (opts.json) return printSafeJson(ctx.io, person);
  const s = styleFor(ctx.io);
  const rhythm = person.every
    ? `${cadenceWords(person.every)}: harmony will mention it when a connection is due.`
    : 'no rhythm yet (never due). Set one any time: harmony people edit NAME --every 2w';
  print(ctx.io, `${s.success('✓')} Added ${shortName(person.name!)} ${s.muted(person.id)} · ${rhythm}`, s.muted('After a real connection: harmony people log NAME (or say so in harmony checkin)'));
}
