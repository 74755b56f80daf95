// harmony people log NAME... [--date DAY] [--how]: a real connection, saved as a note that
// names no one (entry.with holds ids), so it counts for the due rule and shows in the journal.
import type { Context } from '../../context.js';
import { buildConnection, noteDate } from '../../core/note.js';
import { dueInfo, nextWords } from '../../core/people-due.js';
import { shortName, withNames } from '../../core/people-text.js';
import { HOWS, peopleById, PERSON_ID_RE, type How } from '../../core/people.js';
import { UsageError } from '../../errors.js';
import { print, styleFor } from '../../ui/style.js';
import { dayLabel } from '../common/today.js';
import { printSafeJson } from '../journal-view.js';
import { findPerson } from './find.js';

export function howArg(text: string | undefined): How | undefined {
  if (text === undefined) return undefined;
  const t = text.trim().toLowerCase().replace(/[\s_]+/g, '-');
  const how = (t === 'inperson' || t === 'person' ? 'in-person' : t) as How;
  if (!HOWS.includes(how)) throw new UsageError(`--how must be ${HOWS.join(', ')}; got "${text}".`);
  return how;
}

export async function log(ctx: Context, names: string[], opts: { date?: string; how?: string; json?: boolean }): Promise<void> {
  const store = ctx.store();
  const today = ctx.today();
  const date = noteDate(opts.date, today);
  const how = howArg(opts.how);
  // Every name checked before anything is written. Names are matched against names, so in an
  // encrypted journal while locked that needs the key; ids (p-k3x9ab, see harmony people --json) do not.
  const byIdOnly = names.every((n) => PERSON_ID_RE.test(n.trim()));
  const people = () => (byIdOnly && !store.peopleReadable ? Promise.resolve(store.peoplePlain()) : store.people());
  const found = await people();
  const ids = [...new Set(names.map((n) => findPerson(ctx, found, n).id))];
  const before = await store.journal.latestWith(ids);
  const entry = await store.write(async () => {
    const doc = await people();
    for (const id of ids) if (!doc.people.some((p) => p.id === id && !p.removed && !p.forgotten)) throw new UsageError('Someone named here was removed from your people meanwhile (in another terminal); nothing was saved.');
    const taken = await store.journal.usedIds(date.slice(0, 7));
    const e = buildConnection({ date, with: ids, how }, ctx.now(), (id) => taken.has(id));
    await store.journal.add([e]);
    return e;
  });
  if (opts.json) return printSafeJson(ctx.io, entry);
  const s = styleFor(ctx.io);
  const doc = await people();
  const byId = peopleById(doc);
  const what = how ? { message: 'a message', call: 'a call', video: 'a video call', 'in-person': 'time in person' }[how] : 'a connection';
  const locked = !store.peopleReadable; // then the names are secret: how many, not who
  const who = locked ? (ids.length === 1 ? '1 person' : `${ids.length} people`) : withNames(ids, byId);
  const lines = [`${s.success('✓')} Logged ${what} with ${who} for ${dayLabel(date, today)} · ${s.muted(entry.id)}`];
  for (const id of ids) {
    const person = byId.get(id)!;
    const prev = before.get(id);
    const name = locked ? person.id : shortName(person.name ?? '');
    if (prev && prev > date) {
      lines.push(s.muted(`  ${name}: your latest connection is newer (${prev}), so nothing moves.`));
      continue;
    }
    if (!person.every || person.paused) continue;
    const d = dueInfo(person, date > (prev ?? '') ? date : prev, today);
    lines.push(s.muted(`  ${name}: ${d.status === 'due' ? nextWords(d, today) : `next around ${d.dueOn}`}.`));
  }
  print(ctx.io, ...lines);
}
