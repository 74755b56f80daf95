// People's names as shown: names are stored as typed (escape sequences, newlines and all), so
// every view goes through here. Pure.
import { nameOf, REMOVED_LABEL, type How, type PeopleDoc, type Person } from './people.js';
import { excerpt } from './safe.js';

/** A name on one line, safe for the terminal, cut at 40 characters. */
export const shortName = (name: string, width = 40) => excerpt(name, width);

export const HOW_LABELS: Record<How, string> = { message: 'message', call: 'call', video: 'video', 'in-person': 'in person' };

/** "Ana, Ben and someone you removed" for an entry's `with`. */
export function withNames(ids: readonly string[], people: PeopleDoc | Map<string, Person>, name = shortName): string {
  const names = ids.map((id) => {
    const n = nameOf(people, id);
    return n === REMOVED_LABEL ? n : name(n);
  });
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** The line an entry with connections shows: "With Ana and Ben (call)". */
export function withLine(ids: readonly string[] | undefined, how: How | undefined, people: PeopleDoc | Map<string, Person>, name = shortName): string | null {
  if (!ids || ids.length === 0) return null;
  return `With ${withNames(ids, people, name)}${how ? ` (${HOW_LABELS[how]})` : ''}`;
}
