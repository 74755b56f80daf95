// The "With Ana and Ben (call)" line for entries that name people: people.json is read only
// when an entry shown has any (a corrupt one then stops the command, naming the file).
import type { Entry } from '../../core/entry.js';
import { withLine } from '../../core/people-text.js';
import { peopleById, type Person } from '../../core/people.js';
import type { Store } from '../../store/index.js';

export type WithText = (e: Entry) => string | null;

export function withTexter(store: Store): WithText {
  let byId: Map<string, Person> | undefined;
  return (e) => {
    if (!e.with || e.with.length === 0) return null;
    byId ??= peopleById(store.people());
    return withLine(e.with, e.how, byId);
  };
}
