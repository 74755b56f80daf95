// Journal entries for tests, written through the real store (no check-in command needed).
import type { Entry } from '../../src/core/entry.js';
import { Store } from '../../src/store/index.js';

let counter = 0;

/** A valid entry for `date`; the id suffix is unique per call unless given. */
export function entry(date: string, fields: Partial<Entry> = {}): Entry {
  const suffix = (fields.id ? '' : (counter++).toString(36).padStart(4, '0'));
  return {
    id: fields.id ?? `${date.replaceAll('-', '')}-${suffix}`,
    kind: 'checkin',
    date,
    createdAt: `${date}T20:00:00+00:00`,
    principle: 'trust',
    mood: 4,
    answers: [{ prompt: 'What did you notice today?', answer: `Notes for ${date}.` }],
    ...fields,
  };
}

export async function addEntries(home: string, entries: Entry[]): Promise<Entry[]> {
  const store = new Store(home);
  return store.write(async () => (await store.journal.add(entries)));
}

/** Daily check-ins from `first` for `days` days, with a reflection every 7th day. */
export function daily(first: string, days: number): Entry[] {
  const out: Entry[] = [];
  const start = Date.parse(`${first}T00:00:00Z`);
  for (let i = 0; i < days; i++) {
    const date = new Date(start + i * 86_400_000).toISOString().slice(0, 10);
    out.push(entry(date, { mood: (i % 5) + 1 }));
    if (i % 7 === 6) out.push(entry(date, { kind: 'reflection', mood: undefined, principle: 'communication', createdAt: `${date}T21:00:00+00:00`, intention: 'Call back.' }));
  }
  return out;
}
