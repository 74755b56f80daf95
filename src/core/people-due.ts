// Who is due for a real connection, pure: people, each one's latest connection and today in.
//
// The rule, in local calendar days: the last real connection (or the day they were added,
// whichever is later: harmony starts counting the day you name someone) plus the cadence.
// Only a newer connection moves it. Only a newer connection moves it, so logging an older
// one changes nothing. A snooze hides someone until its day; any connection on or after the
// day it was set ends it. Paused people and people with no cadence are never due.
// The words stay kind: "it has been 9 days since you and Ana connected", never "neglected".
import { addDays, type LocalDate } from './dates.js';
import { activePeople, addMonths, parseCadence, type Cadence, type PeopleDoc, type Person } from './people.js';
import type { DuePeople } from './remind.js';

/** How far ahead "due soon" looks (home screen). */
export const SOON_DAYS = 3;

export type DueStatus = 'due' | 'soon' | 'later' | 'snoozed' | 'paused' | 'no-cadence';

export interface DueInfo {
  person: Person;
  /** The latest connection that counts (on or after the day they were added), or null. */
  last: LocalDate | null;
  /** The day the cadence counts from: last, or the day added. */
  since: LocalDate;
  /** The day they are next due (null: paused or no cadence). */
  dueOn: LocalDate | null;
  status: DueStatus;
  /** Days from `since` to today. */
  days: number;
  /** Days past dueOn (0 on the day, negative before). */
  late: number;
  /** late relative to the cadence's length: the due list's order. */
  lateness: number;
}

// Day numbers (days since 1970-01-01): the shell reminder works out every person's due day in
// each new terminal, where the code runs cold; Date.parse of a date-only ISO string (UTC by
// the standard) is one built-in call, a loop over its digits in JavaScript took ten times more.
const DAY_MS = 86_400_000;
const dayNumber = (d: LocalDate) => Date.parse(d) / DAY_MS;

/** The day number a cadence after `d` falls on (months clamped to their end, as addCadence). */
function dueNumber(d: LocalDate, c: Cadence): number {
  const n = dayNumber(d);
  if (c.unit === 'd') return n + c.n;
  if (c.unit === 'w') return n + 7 * c.n;
  const t = new Date(n * DAY_MS);
  const months = t.getUTCMonth() + (c.unit === 'm' ? c.n : 12 * c.n);
  const last = new Date(Date.UTC(t.getUTCFullYear(), months + 1, 0)).getUTCDate();
  return Date.UTC(t.getUTCFullYear(), months, Math.min(t.getUTCDate(), last)) / DAY_MS;
}

/** The latest connection that counts: connections logged for days before someone was added do not. */
export const countedLast = (person: Person, last: LocalDate | null | undefined): LocalDate | null => (last && last >= person.addedOn ? last : null);

/** A DueInfo whose date text is made only when read (the shell reminder never reads it). */
class Due implements DueInfo {
  private text?: string | null;
  constructor(
    readonly person: Person,
    readonly last: LocalDate | null,
    readonly since: LocalDate,
    readonly days: number,
    readonly status: DueStatus,
    readonly late: number,
    readonly lateness: number,
    private readonly ahead: number | null,
  ) {}

  get dueOn(): LocalDate | null {
    if (this.text === undefined) this.text = this.ahead === null ? null : addDays(this.since, this.ahead);
    return this.text;
  }
}

export function dueInfo(person: Person, lastConnection: LocalDate | null | undefined, today: LocalDate, todayN = dayNumber(today)): DueInfo {
  const last = countedLast(person, lastConnection);
  const since = last ?? person.addedOn;
  const sinceN = dayNumber(since);
  const days = todayN > sinceN ? todayN - sinceN : 0;
  const cadence = person.paused || !person.every ? null : parseCadence(person.every);
  if (!cadence) return new Due(person, last, since, days, person.paused ? 'paused' : 'no-cadence', 0, 0, null);
  const dueN = dueNumber(since, cadence);
  const late = todayN - dueN;
  const lateness = late / Math.max(1, dueN - sinceN);
  const s = person.snooze;
  // A connection on or after the day the snooze was set ends it.
  const snoozed = s !== undefined && today < s.until && !(last && last >= s.from);
  const status: DueStatus = snoozed ? 'snoozed' : late >= 0 ? 'due' : late >= -SOON_DAYS ? 'soon' : 'later';
  return new Due(person, last, since, days, status, late, lateness, dueN - sinceN);
}

/** Everyone's due state for one day (today's day number worked out once). */
export function dueAll(people: readonly Person[], lasts: ReadonlyMap<string, LocalDate>, today: LocalDate): DueInfo[] {
  const todayN = dayNumber(today);
  return people.map((p) => dueInfo(p, lasts.get(p.id), today, todayN));
}

/**
 * How far back the shell reminder must look for someone's connections: one on or after this
 * day decides whether they are due; with none since, they are due whatever came before (the
 * rhythm has run its course). So remind reads months back to the longest rhythm in the list,
 * not ten years, to count who is due.
 */
export function remindFloor(person: Person, today: LocalDate, backs = new Map<string, LocalDate>()): LocalDate {
  const c = person.every ? parseCadence(person.every) : null;
  let floor = person.addedOn;
  if (c) {
    // addCadence is monotone and addCadence(back, c) <= today, so any earlier day is due too.
    let back = backs.get(person.every!);
    if (back === undefined) {
      back = c.unit === 'd' ? addDays(today, -c.n) : c.unit === 'w' ? addDays(today, -7 * c.n) : addMonths(today, -(c.unit === 'm' ? c.n : 12 * c.n));
      backs.set(person.every!, back); // the same for everyone with that rhythm
    }
    if (back > floor) floor = back;
  }
  const s = person.snooze;
  if (s && s.until > today && s.from < floor) floor = s.from; // a connection since the snooze was set ends it
  return floor;
}

/** Most late first (relative to each one's cadence), then the longest wait, then by name. */
export function byLateness(a: DueInfo, b: DueInfo): number {
  return b.lateness - a.lateness || b.late - a.late || byName(a, b);
}

/**
 * By name in plain code-unit order of the folded names: localeCompare's first call loads
 * ICU's collator (~6 ms), too much for the shell reminder, and ties are common there.
 */
function byName(a: DueInfo, b: DueInfo): number {
  const x = (a.person.name ?? '').toLowerCase();
  const y = (b.person.name ?? '').toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Everyone in the list with their due state, the due first (by lateness), then by next due day. */
export function dueStates(doc: PeopleDoc, lasts: ReadonlyMap<string, LocalDate>, today: LocalDate): DueInfo[] {
  const all = dueAll(activePeople(doc), lasts, today);
  const rank: Record<DueStatus, number> = { due: 0, soon: 1, later: 2, snoozed: 3, paused: 4, 'no-cadence': 5 };
  return all.sort((a, b) => {
    const r = rank[a.status] - rank[b.status];
    if (r !== 0) return r;
    if (a.status === 'due') return byLateness(a, b);
    if (a.dueOn && b.dueOn && a.dueOn !== b.dueOn) return a.dueOn < b.dueOn ? -1 : 1;
    return byName(a, b);
  });
}

/** Only those due today or earlier, most late first. */
export const dueNow = (states: readonly DueInfo[]) => states.filter((d) => d.status === 'due');

/** People whose due rule needs a connection date: active, with a cadence, not paused. */
export const watched = (doc: PeopleDoc) => activePeople(doc).filter((p) => !p.paused && p.every !== undefined);

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "it has been 9 days since you and Ana connected" (name: already made safe by the caller). */
export function sinceWords(d: Pick<DueInfo, 'last' | 'days'>, name: string): string {
  if (d.last === null) return d.days === 0 ? `you added ${name} today` : `it has been ${plural(d.days, 'day')} since you added ${name}`;
  if (d.days === 0) return `you and ${name} connected today`;
  return `it has been ${plural(d.days, 'day')} since you and ${name} connected`;
}

/** When someone is next due, in words: "due today", "due in 3 days", "snoozed until 2026-05-03". */
export function nextWords(d: DueInfo, today: LocalDate): string {
  switch (d.status) {
    case 'paused':
      return 'paused';
    case 'no-cadence':
      return 'no rhythm set';
    case 'snoozed':
      return `snoozed until ${d.person.snooze!.until}`;
    case 'due':
      return d.late === 0 ? 'due today' : `due since ${d.dueOn}`;
    default:
      return d.dueOn === addDays(today, 1) ? 'due tomorrow' : `due in ${plural(-d.late, 'day')}`;
  }
}

/**
 * The home screen's few words on people: who it may be time to reach out to, then who is due
 * in the next days; at most `max` named, the rest counted. Null when no one is due or soon.
 */
export function soonLine(states: readonly DueInfo[], today: LocalDate, name: (d: DueInfo) => string, max = 3): string | null {
  const due = states.filter((d) => d.status === 'due');
  const soon = states.filter((d) => d.status === 'soon');
  if (due.length + soon.length === 0) return null;
  const parts = [...due.map((d) => sinceWords(d, name(d))), ...soon.map((d) => `${name(d)} is ${nextWords(d, today)}`)];
  const shown = parts.slice(0, max);
  const rest = parts.length - shown.length;
  const line = shown.join('; ') + (rest > 0 ? `; and ${rest} more` : '');
  return line.charAt(0).toUpperCase() + line.slice(1) + '.';
}

/**
 * Who is due on each of `days` (the shell reminder's today, or each day of its cache),
 * assuming no new connection meanwhile (any save rebuilds the cache). Each person's due day
 * is worked out once, then each day only compares numbers. `name` (only for reminderPeople
 * names) gives the safe name of the one waiting longest for their rhythm.
 */
export function duePeopleOn(people: readonly Person[], lasts: ReadonlyMap<string, LocalDate>, days: readonly LocalDate[], name?: (p: Person) => string): DuePeople[] {
  const watchedOnes: { p: Person; last: LocalDate | null; sinceN: number; dueN: number; len: number }[] = [];
  for (const p of people) {
    const c = p.paused || !p.every ? null : parseCadence(p.every);
    if (!c) continue;
    const last = countedLast(p, lasts.get(p.id));
    const since = last ?? p.addedOn;
    const sinceN = dayNumber(since);
    const dueN = dueNumber(since, c);
    watchedOnes.push({ p, last, sinceN, dueN, len: Math.max(1, dueN - sinceN) });
  }
  return days.map((day) => {
    const dN = dayNumber(day);
    let count = 0;
    let best: (typeof watchedOnes)[number] | undefined;
    for (const w of watchedOnes) {
      if (dN < w.dueN) continue;
      const s = w.p.snooze;
      if (s && day < s.until && !(w.last && w.last >= s.from)) continue;
      count++;
      if (!name || !best) {
        best ??= w;
        continue;
      }
      const a = (dN - w.dueN) / w.len;
      const b = (dN - best.dueN) / best.len;
      const lower = (x: Person) => (x.name ?? '').toLowerCase();
      if (a > b || (a === b && (w.dueN < best.dueN || (w.dueN === best.dueN && lower(w.p) < lower(best.p))))) best = w;
    }
    return { count, first: name && best ? { name: name(best.p), last: best.last, days: dN - best.sinceN } : null };
  });
}
