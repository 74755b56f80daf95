// Changing the people list, pure: the document, the clock and today come in. Errors never
// quote a name (see commands/people/find.ts).
import { UsageError } from '../errors.js';
import { isoWithOffset, type LocalDate } from './dates.js';
import {
  activePeople, CADENCE_HINT, cadenceText, CIRCLES, foldName, nameProblem, newPersonId, parseCadence, sameName,
  type Circle, type PeopleDoc, type Person,
} from './people.js';

/** A typed cadence, normalised (2W -> 2w); `none` clears it where allowed. */
export function cadenceArg(text: string, flag = '--every', allowNone = false): string | undefined {
  const t = text.trim().toLowerCase();
  if (allowNone && (t === 'none' || t === 'off')) return undefined;
  const c = parseCadence(t);
  if (!c) {
    const zero = /^0+\s*[dwmy]$/.test(t) ? ' It must be at least one day.' : '';
    throw new UsageError(`${flag} must be ${CADENCE_HINT}${allowNone ? ', or none' : ''}; got "${text}".${zero}`);
  }
  return cadenceText(c);
}

export function circleArg(text: string | undefined): Circle | undefined {
  if (text === undefined || text === 'none') return undefined;
  if (!(CIRCLES as readonly string[]).includes(text)) throw new UsageError(`--circle must be ${CIRCLES.join(', ')}; got "${text}".`);
  return text as Circle;
}

function checkName(doc: PeopleDoc, name: string, what: string, except?: string): void {
  const problem = nameProblem(name, what);
  if (problem) throw new UsageError(problem);
  if (sameName(activePeople(doc), name, except).length > 0) {
    throw new UsageError(
      `${what === 'A name' ? 'Someone in your people already has that name' : `${what} is already someone's name or alias`}. ` +
        'Two people need different names: add a surname or an initial (harmony people add "NAME B."), ' +
        'or if it is the same person, make it an alias: harmony people edit NAME --alias OTHER',
    );
  }
}

export interface NewPerson {
  name: string;
  every?: string;
  circle?: Circle;
  aliases?: string[];
}

/** Adds someone to `doc` and returns them; a duplicate name or alias is a usage error. */
export function addPerson(doc: PeopleDoc, input: NewPerson, now: Date, today: LocalDate, random?: () => number): Person {
  const name = input.name.trim();
  checkName(doc, name, 'A name');
  const aliases = cleanAliases(doc, input.aliases ?? [], name);
  const at = isoWithOffset(now);
  const taken = new Set(doc.people.map((p) => p.id));
  const person: Person = { id: newPersonId((id) => taken.has(id), random), name, aliases, addedOn: today, createdAt: at, updatedAt: at };
  if (input.every !== undefined) person.every = input.every;
  if (input.circle !== undefined) person.circle = input.circle;
  doc.people.push(person);
  return person;
}

function cleanAliases(doc: PeopleDoc, aliases: readonly string[], own: string, except?: string, kept: readonly string[] = []): string[] {
  const out = [...kept];
  for (const raw of aliases) {
    const alias = raw.trim();
    checkName(doc, alias, 'An alias', except);
    const same = (a: string) => foldName(a) === foldName(alias);
    if (same(own) || out.some(same)) continue; // their own name, or already there
    out.push(alias);
  }
  return out;
}

export interface PersonChange {
  name?: string;
  /** A cadence text, or null to clear it. */
  every?: string | null;
  circle?: Circle | null;
  addAliases?: string[];
  dropAliases?: string[];
  paused?: boolean;
}

/** Applies a change to someone in `doc` (found by id); says whether anything changed. */
export function changePerson(doc: PeopleDoc, id: string, change: PersonChange, now: Date): { person: Person; changed: boolean } {
  const person = doc.people.find((p) => p.id === id);
  if (!person || person.removed || person.forgotten) throw new UsageError('That person is no longer in your people (another terminal may have removed them).');
  const before = JSON.stringify(person);
  if (change.name !== undefined) {
    const name = change.name.trim();
    if (name !== person.name) {
      checkName(doc, name, 'A name', person.id);
      person.name = name;
    }
  }
  if (change.dropAliases) {
    const drop = change.dropAliases.map(foldName);
    const missing = drop.filter((d) => !person.aliases.some((a) => foldName(a) === d));
    if (missing.length > 0) throw new UsageError(`--drop-alias: ${missing.length === 1 ? 'that is not one of their aliases' : 'some of those are not their aliases'} (harmony people show NAME lists them).`);
    person.aliases = person.aliases.filter((a) => !drop.includes(foldName(a)));
  }
  if (change.addAliases) person.aliases = cleanAliases(doc, change.addAliases, person.name ?? '', person.id, person.aliases);
  if (change.every === null) delete person.every;
  else if (change.every !== undefined) person.every = change.every;
  if (change.circle === null) delete person.circle;
  else if (change.circle !== undefined) person.circle = change.circle;
  if (change.paused === true) person.paused = true;
  else if (change.paused === false) delete person.paused;
  const changed = JSON.stringify(person) !== before;
  if (changed) person.updatedAt = isoWithOffset(now);
  return { person, changed };
}
