// Finding people by what was typed, with errors that never quote a name (names are private:
// errors end up in logs, screenshots and bug reports). Only an ambiguous name lists the
// people it fits, and only on a terminal; elsewhere it lists their ids.
import type { Context } from '../../context.js';
import { activePeople, matchPerson, type PeopleDoc, type Person } from '../../core/people.js';
import { shortName } from '../../core/people-text.js';
import { UsageError } from '../../errors.js';

export function notFound(flag = ''): UsageError {
  const what = flag ? `${flag}: no one` : 'No one';
  return new UsageError(`${what} in your people has that name. See who is there: harmony people; add someone: harmony people add NAME`);
}

export function findIn(ctx: Context, people: readonly Person[], input: string, flag = ''): Person {
  const m = matchPerson(people, input);
  if ('person' in m) return m.person;
  if ('none' in m) throw notFound(flag);
  const list = m.several.map((p) => (ctx.io.stderrTTY ? `${shortName(p.name ?? '', 24)} (${p.id})` : p.id)).join(', ');
  const where = ctx.io.stderrTTY ? '' : ' (harmony people --json shows who is who)';
  throw new UsageError(`${flag ? `${flag}: ` : ''}that name fits ${m.several.length} people: ${list}${where}. Type more of the name, or the id.`);
}

/** Someone in the list (not removed). */
export const findPerson = (ctx: Context, doc: PeopleDoc, input: string, flag = '') => findIn(ctx, activePeople(doc), input, flag);

/** Someone in the list, else someone removed whose name is kept (journal --person). */
export function findAnyone(ctx: Context, doc: PeopleDoc, input: string, flag = ''): Person {
  try {
    return findPerson(ctx, doc, input, flag);
  } catch (error) {
    const kept = doc.people.filter((p) => p.removed && !p.forgotten);
    if (kept.length === 0 || !('none' in matchPerson(activePeople(doc), input))) throw error;
    return findIn(ctx, kept, input, flag);
  }
}
