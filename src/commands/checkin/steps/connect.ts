// "Who did you really connect with today?": --with NAME (repeatable) and --how, or asked on a
// terminal (pick from your people, or add someone; Enter skips). Without a terminal and
// without the flags it is skipped. The entry stores ids, never names; someone new is added
// to people.json only when the check-in is saved (Ctrl+C leaves no trace).
import { activePeople, foldName, nameProblem, PERSON_ID_RE, sameName, type How, type PeopleDoc } from '../../../core/people.js';
import { HOW_LABELS, shortName } from '../../../core/people-text.js';
import { dueFor } from '../../people/state.js';
import { DataError, UsageError } from '../../../errors.js';
import { findPerson } from '../../people/find.js';
import { howArg } from '../../people/log.js';
import type { Session, Step } from '../session.js';

const NEW = '\u0000new';

async function fromFlags(s: Session): Promise<void> {
  const names = s.opts.with ?? [];
  const how = howArg(s.opts.how);
  if (how && names.length === 0) throw new UsageError('--how says how you connected; name who with --with NAME.');
  if (names.length === 0) return;
  // A corrupt people.json stops here (exit 3), before any question. Names are matched against
  // names: in an encrypted journal while locked that needs the key (an id such as p-k3x9ab does not).
  const doc = names.every((n) => PERSON_ID_RE.test(n.trim())) ? s.today.store.peoplePlain() : await s.today.store.people();
  s.draft.with = [...new Set(names.map((n) => findPerson(s.ctx, doc, n, '--with').id))];
  if (how) s.draft.how = how;
}

async function ask(s: Session): Promise<void> {
  let doc: PeopleDoc;
  try {
    doc = await s.today.store.people();
  } catch (error) {
    if (!(error instanceof DataError)) throw error;
    s.ctx.io.stderr.write(`Skipping "who did you connect with": ${error.message}\n`);
    return;
  }
  const day = s.draft.date === s.today.today ? 'today' : 'that day';
  const message = `Who did you really connect with ${day}?`;
  const people = activePeople(doc);
  let picked: string[] = [];
  if (people.length > 0) {
    // Those it may be time to reach out to first: the question is also a gentle reminder.
    const order = await dueFor(s.today.store, doc, s.today.today);
    picked = await s.ctx.prompter.checkbox<string>({
      message: `${message} (Enter with no one picked skips)`,
      choices: [...order.map((d) => ({ name: shortName(d.person.name ?? ''), value: d.person.id })), { name: 'Someone new…', value: NEW }],
    });
  }
  const fresh: string[] = [];
  if (people.length === 0 || picked.includes(NEW)) {
    const name = await s.ctx.prompter.input({
      message: people.length === 0 ? `${message} (a name adds them to your people; Enter to skip)` : 'Their name',
      validate: (v) => (v.trim() === '' ? true : (nameProblem(v) ?? true)),
    });
    if (name.trim() !== '') {
      const known = sameName(people, name);
      if (known.length === 1) picked.push(known[0]!.id);
      else if (!fresh.some((f) => foldName(f) === foldName(name))) fresh.push(name.trim());
    }
  }
  picked = [...new Set(picked.filter((id) => id !== NEW))];
  if (picked.length === 0 && fresh.length === 0) return;
  s.draft.with = picked;
  if (fresh.length > 0) s.draft.newPeople = fresh;
  const how = await s.ctx.prompter.select<How | 'skip'>({
    message: 'How did you connect?',
    choices: [...(['message', 'call', 'video', 'in-person'] as How[]).map((h) => ({ name: HOW_LABELS[h], value: h })), { name: 'skip', value: 'skip' as const }],
    default: 'skip',
  });
  if (how !== 'skip') s.draft.how = how;
}

export const connect: Step = async (s) => {
  if (s.opts.with !== undefined || s.opts.how !== undefined) return; // done by check()
  // Locked (an encrypted journal): the names to pick from are secret, so the question waits for an unlocked journal.
  if (s.ask && s.today.store.peopleReadable) await ask(s);
};
connect.check = fromFlags;
