// people.json: the people the user named (core/people.ts), one versioned document, written
// atomically (0600) under the store lock like every other file. Its shape stays simple on
// purpose (a list of people, each with a stable id and its own updatedAt), so a sync can
// merge it person by person.
import { join } from 'node:path';
import { emptyPeople, PEOPLE_VERSION, peopleProblem, type PeopleDoc } from '../core/people.js';
import type { LocalDate } from '../core/dates.js';
import { duePeopleOn, remindFloor, watched } from '../core/people-due.js';
import { shortName } from '../core/people-text.js';
import type { DuePeople } from '../core/remind.js';
import type { Settings } from '../core/settings.js';
import { readDoc, writeDoc, type DocSpec } from './files.js';
import type { Journal } from './journal.js';
import { FILES } from './paths.js';

export const peopleSpec: DocSpec<PeopleDoc> = {
  version: PEOPLE_VERSION,
  empty: emptyPeople,
  validate: peopleProblem,
};

export const peopleFile = (home: string) => join(home, FILES.people);

/** The people document (empty when there is no file); a DataError naming the file if it cannot be trusted. */
export function readPeople(home: string): PeopleDoc {
  return readDoc(peopleFile(home), peopleSpec);
}

/** Call under the store lock, with a document read under it. */
export function writePeople(home: string, doc: PeopleDoc): void {
  writeDoc(peopleFile(home), { schemaVersion: PEOPLE_VERSION, people: doc.people });
}

/**
 * Who is due on each of `days`, for the shell reminder and its cache (setting reminderPeople):
 * null when nothing may be said. For `count` the months are read back only to each one's
 * rhythm (remindFloor: enough to know who is due); to name the one waiting longest, back to
 * each one's day added. Throws (a DataError naming people.json) when the file cannot be trusted.
 */
export function duePeopleDays(home: string, journal: Journal, settings: Pick<Settings, 'reminder' | 'reminderPeople'>, days: readonly LocalDate[]): DuePeople[] | null {
  const mode = settings.reminderPeople;
  if (!settings.reminder || mode === 'off' || days.length === 0) return null;
  const people = watched(readPeople(home));
  if (people.length === 0) return null;
  const backs = new Map<string, LocalDate>();
  const floors = new Map(people.map((p) => [p.id, mode === 'names' ? p.addedOn : remindFloor(p, days[0]!, backs)]));
  const lasts = journal.lastConnections(floors, days[days.length - 1]!.slice(0, 7));
  return duePeopleOn(people, lasts, days, mode === 'names' ? (p) => shortName(p.name ?? '') : undefined);
}
