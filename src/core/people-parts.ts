// people.json in an encrypted journal (issues 14 and 18): split in two, like state.json. What
// the shell reminder and the due rule need stays in people.json: each person's random id, the
// rhythm, pause and snooze, the day added, the times, removed/forgotten. Who they are (name,
// aliases, circle) is secret, in people.json.age. A person added while locked cannot read the
// secret part, so their secret fields go in a delta (people+<ms>-<pid>.json.age), folded in on
// read and into people.json.age by the next write that holds the key. Pure.
import { personProblem, PEOPLE_VERSION, type PeopleDoc, type Person } from './people.js';

/** The fields that are secret: everything else about a person stays plaintext. */
export const SECRET_PERSON_KEYS = ['name', 'aliases', 'circle'] as const;

/** A person's secret fields, with what sync's person-by-person merge needs (id, times, forgotten). */
export type SecretPerson = Pick<Person, 'id' | 'createdAt' | 'updatedAt'> & Partial<Pick<Person, 'name' | 'aliases' | 'circle' | 'forgotten'>>;
export interface SecretPeopleDoc {
  schemaVersion: number;
  people: SecretPerson[];
}

export function splitPerson(p: Person): { plain: Person; secret: SecretPerson } {
  const { name, aliases, circle, ...rest } = p;
  const secret: SecretPerson = { id: p.id, createdAt: p.createdAt, updatedAt: p.updatedAt, aliases };
  if (name !== undefined) secret.name = name;
  if (circle !== undefined) secret.circle = circle;
  if (p.forgotten) secret.forgotten = true;
  return { plain: { ...rest, aliases: [] }, secret };
}

export function splitPeople(doc: PeopleDoc): { plain: PeopleDoc; secret: SecretPeopleDoc } {
  const parts = doc.people.map(splitPerson);
  return { plain: { schemaVersion: doc.schemaVersion, people: parts.map((x) => x.plain) }, secret: { schemaVersion: doc.schemaVersion, people: parts.map((x) => x.secret) } };
}

/** Secret records, later ones over earlier ones (a delta over the file; deltas oldest first). */
export function foldSecretPeople(into: Map<string, SecretPerson>, doc: SecretPeopleDoc): void {
  for (const p of doc.people) {
    const had = into.get(p.id);
    if (!had || had.forgotten || !(p.updatedAt < had.updatedAt)) into.set(p.id, had?.forgotten ? had : p);
  }
}

/**
 * The whole document again: each plaintext person with their secret fields. A forget on
 * either side stays a forget; a person whose secret part is missing (a sync brought people.json
 * but not yet people.json.age) keeps no name, which shows as "someone you removed".
 */
export function joinPeople(plain: PeopleDoc, secret: ReadonlyMap<string, SecretPerson>): PeopleDoc {
  const people = plain.people.map((p): Person => {
    // In the order harmony writes a person (id, name, aliases, the rest, circle), so a round
    // trip through encrypt and decrypt gives back the same bytes.
    const { id, name: _name, aliases: _aliases, circle: _circle, ...rest } = p;
    const s = secret.get(p.id);
    const known = !p.forgotten && s && !s.forgotten ? s : undefined;
    const out: Person = { id, ...(known?.name !== undefined ? { name: known.name } : {}), aliases: known?.aliases ?? [], ...rest };
    if (known?.circle !== undefined) out.circle = known.circle;
    return out;
  });
  return { schemaVersion: plain.schemaVersion, people };
}

/** What is wrong with the plaintext layer (names are absent there by design). */
export function plainPeopleProblem(doc: Record<string, unknown>): string | null {
  if (!Array.isArray(doc.people)) return 'people is not a list';
  for (const [i, p] of (doc.people as Record<string, unknown>[]).entries()) {
    const problem = personProblem(typeof p === 'object' && p !== null ? { ...p, ...(p.forgotten ? {} : { name: 'x' }), aliases: [] } : p, `people[${i}]`);
    if (problem) return problem;
  }
  return null;
}

export function secretPeopleProblem(doc: Record<string, unknown>): string | null {
  if (!Array.isArray(doc.people)) return 'people is not a list';
  for (const [i, p] of (doc.people as Record<string, unknown>[]).entries()) {
    if (typeof p !== 'object' || p === null || typeof p.id !== 'string') return `people[${i}] has no id`;
    if (p.name !== undefined && typeof p.name !== 'string') return `people[${i}].name is not text`;
    if (p.aliases !== undefined && !(Array.isArray(p.aliases) && p.aliases.every((a) => typeof a === 'string'))) return `people[${i}].aliases is not a list of text`;
  }
  return null;
}

export const emptySecretPeople = (): SecretPeopleDoc => ({ schemaVersion: PEOPLE_VERSION, people: [] });
