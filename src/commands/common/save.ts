// Saving a new entry, or adding to one, with its prompt bookkeeping, in one locked write.
import type { Context } from '../../context.js';
import { appendToEntry, buildEntry, markPromptsUsed, type Addition, type NewEntry } from '../../core/checkin.js';
import type { LocalDate } from '../../core/dates.js';
import type { Entry } from '../../core/entry.js';
import type { State } from '../../core/state.js';
import { DataError } from '../../errors.js';
import { addPerson } from '../../core/people-edit.js';
import { activePeople, sameName } from '../../core/people.js';
import { writeDoc, type Store } from '../../store/index.js';
import { FILES } from '../../store/paths.js';
import type { Today } from './today.js';

/**
 * Saves a new entry. `join` looks at the day's entries under the lock: when it returns one
 * (another terminal saved it while this one was asking), what was typed is added to that entry
 * instead, so nothing is duplicated and nothing the user wrote is dropped.
 */
export async function saveNew(
  ctx: Context,
  p: Today,
  given: NewEntry,
  join?: (day: Entry[]) => Entry | undefined,
  update?: StateUpdate,
  newPeople: string[] = [],
): Promise<{ entry: Entry; joined: boolean }> {
  const { store } = p;
  return store.write(async () => {
    const input = await withNewPeople(ctx, store, given, newPeople);
    const month = input.date.slice(0, 7);
    // An encrypted store while locked: the month is read only when the day index says another
    // terminal saved this day meanwhile (then the passphrase is asked, to join that entry).
    const { journal } = store;
    const mayJoin = join && (journal.readable || ((await journal.day(input.date))?.checkins ?? 0) > 0);
    const existing = mayJoin ? join((await journal.readMonth(month)).filter((e) => e.date === input.date)) : undefined;
    if (existing) {
      const { mood, answers, intention, practice, followUp, with: people, how } = input;
      const entry = appendToEntry(existing, { mood, answers, intention, practice, followUp, with: people, how }, ctx.now());
      await journal.replace(entry);
      await recordState(store, entry.answers, p.today, update);
      return { entry, joined: true };
    }
    const ids = await journal.usedIds(month);
    const entry = buildEntry(input, ctx.now(), (id) => ids.has(id));
    await journal.add([entry]);
    await recordState(store, entry.answers, p.today, update);
    return { entry, joined: false };
  });
}

/** Adds to an entry (re-read under the lock, so another terminal's change is kept). */
export async function saveAppend(ctx: Context, p: Today, id: string, given: Addition, update?: StateUpdate, newPeople: string[] = []): Promise<Entry> {
  const { store } = p;
  return store.write(async () => {
    const current = await store.journal.get(id);
    if (!current) throw new DataError(`Entry ${id} is no longer in the journal; nothing was saved.`);
    const add = await withNewPeople(ctx, store, given, newPeople);
    const next = appendToEntry(current, add, ctx.now());
    await store.journal.replace(next);
    await recordState(store, add.answers, p.today, update);
    return next;
  });
}

/**
 * Adds the people named "someone new" in the check-in to people.json (under the lock, with
 * the entry) and their ids to `with`; someone added meanwhile under that name is reused.
 */
async function withNewPeople<T extends { with?: string[] }>(ctx: Context, store: Store, input: T, names: string[]): Promise<T> {
  if (names.length === 0) return input;
  // Locked (an encrypted journal): added without checking the names (secret), their names in a delta.
  const whole = store.peopleReadable;
  const doc = whole ? await store.people() : store.peoplePlain();
  const ids = names.map((name) => {
    const same = sameName(activePeople(doc), name);
    return same.length === 1 ? same[0]!.id : addPerson(doc, { name }, ctx.now(), ctx.today()).id;
  });
  await store.writePeople(doc, whole);
  return { ...input, with: [...new Set([...(input.with ?? []), ...ids])] };
}

/** A change to state.json made in the same locked write as the entry (e.g. practices offered). */
export type StateUpdate = (state: State) => void;

async function recordState(store: Store, answers: Entry['answers'], today: LocalDate, update?: StateUpdate): Promise<void> {
  if (answers.length === 0 && !update) return;
  const state = store.state();
  markPromptsUsed(state.promptsUsed, answers, today);
  update?.(state);
  await store.saveState(state);
}
