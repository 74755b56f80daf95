// What the people commands share: the list with everyone's due state, read once.
import type { Context } from '../../context.js';
import { dueStates, type DueInfo } from '../../core/people-due.js';
import { activePeople, type PeopleDoc } from '../../core/people.js';
import type { Store } from '../../store/index.js';

export interface PeopleView {
  store: Store;
  doc: PeopleDoc;
  today: string;
  states: DueInfo[];
}

/** Everyone in the list with their due state (latest connections from the day index). */
export async function dueFor(store: Store, doc: PeopleDoc, today: string): Promise<DueInfo[]> {
  const active = activePeople(doc);
  if (active.length === 0) return [];
  const lasts = await store.journal.lastConnections(new Map(active.map((p) => [p.id, p.addedOn])));
  return dueStates(doc, lasts, today);
}

export async function loadPeople(ctx: Context): Promise<PeopleView> {
  const store = ctx.store();
  const doc = await store.people();
  const today = ctx.today();
  return { store, doc, today, states: await dueFor(store, doc, today) };
}
