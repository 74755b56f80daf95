// Who the user connected with over a span of days, and how, from journal entries. Pure.
// Used by `harmony stats` (the last 90 days), `people show`, and meant for the weekly review
// ("who you connected with this week"): give it that week's entries and the week's days.
import type { LocalDate } from './dates.js';
import type { Entry } from './entry.js';
import { HOWS, type How } from './people.js';

export interface PersonActivity {
  id: string;
  /** Entries that named them (a check-in and a note the same day are two). */
  connections: number;
  /** Distinct days. */
  days: number;
  /** Their latest connection in the span. */
  last: LocalDate;
  /** How, counted per entry; `unsaid` when the entry did not say. */
  how: Record<How | 'unsaid', number>;
}

const noHow = (): Record<How | 'unsaid', number> => ({ message: 0, call: 0, video: 0, 'in-person': 0, unsaid: 0 });

/** Each person's connections between `from` and `to` (inclusive), most connections first. */
export function peopleActivity(entries: readonly Entry[], from: LocalDate, to: LocalDate): PersonActivity[] {
  const found = new Map<string, PersonActivity & { dates: Set<string> }>();
  for (const e of entries) {
    if (!e.with || e.date < from || e.date > to) continue;
    for (const id of e.with) {
      let a = found.get(id);
      if (!a) found.set(id, (a = { id, connections: 0, days: 0, last: e.date, how: noHow(), dates: new Set() }));
      a.connections++;
      a.dates.add(e.date);
      if (e.date > a.last) a.last = e.date;
      a.how[e.how ?? 'unsaid']++;
    }
  }
  return [...found.values()]
    .map(({ dates, ...a }) => ({ ...a, days: dates.size }))
    .sort((a, b) => b.connections - a.connections || (a.last < b.last ? 1 : a.last > b.last ? -1 : 0));
}

/** "3 calls, 2 messages" (the ways that were used, most first). */
export function howWords(how: Record<How | 'unsaid', number>): string {
  const words: Record<How, [string, string]> = { message: ['message', 'messages'], call: ['call', 'calls'], video: ['video call', 'video calls'], 'in-person': ['time in person', 'times in person'] };
  return HOWS.filter((h) => how[h] > 0)
    .sort((a, b) => how[b] - how[a])
    .map((h) => `${how[h]} ${words[h][how[h] === 1 ? 0 : 1]}`)
    .join(', ');
}
