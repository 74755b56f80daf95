// The "With Ana and Ben (call)" line for entries that name people: people.json is read only
// when an entry shown has any (a corrupt one then stops the command, naming the file).
import type { Entry } from '../../core/entry.js';
import { withLine } from '../../core/people-text.js';
import { peopleById, type Person } from '../../core/people.js';
import type { Store } from '../../store/index.js';

export type WithText = (e: Entry) => string | null;

/** `entries`: those to be shown; people.json is read (before any is shown) only when one of them names someone. */
export async function withTexter(store: Store, entries: readonly Entry[]): Promise<WithText> {
  const byId: Map<string, Person> = entries.some((e) => e.with && e.with.length > 0) ? peopleById(await store.people()) : new Map();
  return (e) => (!e.with || e.with.length === 0 ? null : withLine(e.with, e.how, byId));
}
