// The people who matter to the user (people.json): who they are, how often the user wants real
// contact, and the rules for naming them on the command line. Pure.
// Entries refer to people by id only (entry.with), so a rename changes every past mention and
// forgetting someone needs to touch only this file and the text the user wrote.
import { isValidDate, type LocalDate } from './dates.js';

export const PEOPLE_VERSION = 1;

export type Circle = 'partner' | 'family' | 'friend' | 'community' | 'other';
export const CIRCLES: readonly Circle[] = ['partner', 'family', 'friend', 'community', 'other'];

/** How a connection happened. */
export type How = 'message' | 'call' | 'video' | 'in-person';
export const HOWS: readonly How[] = ['message', 'call', 'video', 'in-person'];

export interface Snooze {
  /** The day the snooze was set: a connection on or after it ends the snooze. */
  from: LocalDate;
  /** Hidden from the due list before this day. */
  until: LocalDate;
}

export interface Person {
  /** Stable, random, never derived from the name (sync merges by it; --forget keeps it). */
  id: string;
  /** As typed (trimmed); shown through safeText. Absent once forgotten. */
  name?: string;
  aliases: string[];
  circle?: Circle;
  /** A cadence such as 2w (see parseCadence); absent: never due. */
  every?: string;
  paused?: boolean;
  snooze?: Snooze;
  /** The local day they were added: the due rule counts from it until a first connection. */
  addedOn: LocalDate;
  createdAt: string;
  updatedAt: string;
  /** Removed from the list (ISO time); the name stays so past entries still show it. */
  removed?: string;
  /** Removed with --forget: name and aliases are gone; only the id and times remain. */
  forgotten?: boolean;
}

export interface PeopleDoc {
  schemaVersion: number;
  people: Person[];
}

export const PERSON_ID_RE = /^p-[0-9a-z]{6}$/;
export const MAX_NAME = 200;
/** What past entries say for someone who was forgotten (or whose id is unknown here). */
export const REMOVED_LABEL = 'someone you removed';

export const emptyPeople = (): PeopleDoc => ({ schemaVersion: PEOPLE_VERSION, people: [] });

export function newPersonId(taken: (id: string) => boolean, random = Math.random): string {
  for (;;) {
    const id = `p-${Math.floor(random() * 36 ** 6).toString(36).padStart(6, '0')}`;
    if (!taken(id)) return id;
  }
}

/** People still in the list (not removed, not forgotten). */
export const activePeople = (doc: PeopleDoc): Person[] => doc.people.filter((p) => !p.removed && !p.forgotten);

/** The name to show for an id: the person's (even once removed), or REMOVED_LABEL. */
export function nameOf(doc: PeopleDoc | Map<string, Person>, id: string): string {
  const person = doc instanceof Map ? doc.get(id) : doc.people.find((p) => p.id === id);
  return person?.name ?? REMOVED_LABEL;
}

export function peopleById(doc: PeopleDoc): Map<string, Person> {
  return new Map(doc.people.map((p) => [p.id, p]));
}

const ISO_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const isText = (v: unknown): v is string => typeof v === 'string';

/** What is wrong with one stored person, naming the field (never its value: names are private). */
export function personProblem(value: unknown, where: string): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return `${where} is not an object`;
  const p = value as Record<string, unknown>;
  if (!isText(p.id) || !PERSON_ID_RE.test(p.id)) return `${where}.id is not a person id`;
  if (p.forgotten !== undefined && p.forgotten !== true) return `${where}.forgotten must be true when present`;
  if (p.forgotten) {
    if (p.name !== undefined || (Array.isArray(p.aliases) && p.aliases.length > 0)) return `${where} is forgotten but still has a name`;
  } else if (!isText(p.name) || p.name.trim() === '') return `${where}.name is not text`;
  if (!Array.isArray(p.aliases) || !p.aliases.every((a) => isText(a) && a.trim() !== '')) return `${where}.aliases is not a list of text`;
  if (p.circle !== undefined && !(CIRCLES as readonly unknown[]).includes(p.circle)) return `${where}.circle must be ${CIRCLES.join(', ')}`;
  if (p.every !== undefined && (!isText(p.every) || parseCadence(p.every) === null)) return `${where}.every is not a cadence like 2w`;
  if (p.paused !== undefined && typeof p.paused !== 'boolean') return `${where}.paused is not true or false`;
  if (p.snooze !== undefined) {
    const s = p.snooze as Record<string, unknown> | null;
    if (typeof s !== 'object' || s === null || !isText(s.from) || !isValidDate(s.from) || !isText(s.until) || !isValidDate(s.until)) {
      return `${where}.snooze needs from and until dates`;
    }
  }
  if (!isText(p.addedOn) || !isValidDate(p.addedOn)) return `${where}.addedOn is not a YYYY-MM-DD date`;
  for (const key of ['createdAt', 'updatedAt'] as const) if (!isText(p[key]) || !ISO_RE.test(p[key])) return `${where}.${key} is not an ISO timestamp`;
  if (p.removed !== undefined && (!isText(p.removed) || !ISO_RE.test(p.removed))) return `${where}.removed is not an ISO timestamp`;
  return null;
}

export function peopleProblem(doc: Record<string, unknown>): string | null {
  if (!Array.isArray(doc.people)) return 'people is not a list';
  const seen = new Set<string>();
  for (const [i, p] of doc.people.entries()) {
    const problem = personProblem(p, `people[${i}]`);
    if (problem) return problem;
    const id = (p as Person).id;
    if (seen.has(id)) return `people[${i}].id appears twice`;
    seen.add(id);
  }
  return null;
}

// ---- Cadences: Nd, Nw, Nm, Ny (and a few words) ----

export type CadenceUnit = 'd' | 'w' | 'm' | 'y';
export interface Cadence {
  n: number;
  unit: CadenceUnit;
}

const CADENCE_WORDS: Record<string, string> = { daily: '1d', weekly: '1w', fortnightly: '2w', biweekly: '2w', monthly: '1m', quarterly: '3m', yearly: '1y' };
export const CADENCE_HINT = 'a number and d, w, m or y (3d, 1w, 2w, 1m, 3m, 1y), or weekly, fortnightly, monthly, quarterly, yearly';

const parsed = new Map<string, Cadence | null>();

/** Parses a cadence; null when it is not one (0d, "soon", 400w). Remembered: a list of 200 has a handful of distinct ones. */
export function parseCadence(text: string): Cadence | null {
  let c = parsed.get(text);
  if (c === undefined) parsed.set(text, (c = readCadence(text)));
  return c;
}

function readCadence(text: string): Cadence | null {
  const t = text.trim().toLowerCase().replace(/\s+/g, '');
  const m = /^(\d{1,3})(d|w|m|y)$/.exec(CADENCE_WORDS[t] ?? t);
  if (!m) return null;
  const n = Number(m[1]);
  const unit = m[2] as CadenceUnit;
  const max = { d: 999, w: 260, m: 60, y: 5 }[unit];
  return n >= 1 && n <= max ? { n, unit } : null;
}

export const cadenceText = (c: Cadence) => `${c.n}${c.unit}`;

export function cadenceWords(text: string): string {
  const c = parseCadence(text);
  if (!c) return text;
  const unit = { d: 'day', w: 'week', m: 'month', y: 'year' }[c.unit];
  if (c.n === 1) return `every ${unit}`;
  if (c.unit === 'w' && c.n === 2) return 'every 2 weeks';
  return `every ${c.n} ${unit}s`;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Calendar months later, clamped to the month's end: a month after 31 January is the end of February. */
export function addMonths(date: LocalDate, months: number): LocalDate {
  const m = DATE_RE.exec(date);
  if (!m) throw new Error(`not a date: ${date}`);
  const total = Number(m[1]) * 12 + (Number(m[2]) - 1) + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12; // 0-11
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return `${pad(year, 4)}-${pad(month + 1)}-${pad(Math.min(Number(m[3]), last))}`;
}

/** The day a cadence after `date` falls on, in local calendar days. */
export function addCadence(date: LocalDate, c: Cadence): LocalDate {
  const days = (n: number) => {
    const t = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) + n * 86_400_000;
    return new Date(t).toISOString().slice(0, 10);
  };
  if (c.unit === 'd') return days(c.n);
  if (c.unit === 'w') return days(7 * c.n);
  return addMonths(date, c.unit === 'm' ? c.n : 12 * c.n);
}

// ---- Names ----

/** The form names are compared in: no case, no accents, single spaces. */
export function foldName(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** What is wrong with a new name (or alias), or null. Never quotes it. */
export function nameProblem(name: string, what = 'A name'): string | null {
  if (name.trim() === '') return `${what} cannot be empty.`;
  if (Array.from(name).length > MAX_NAME) return `${what} can be at most ${MAX_NAME} characters.`;
  if (PERSON_ID_RE.test(name.trim().toLowerCase())) return `${what} cannot look like a person id (p- and six letters or digits).`;
  return null;
}

/** The people whose name or an alias is `name` (folded), other than `except`. */
export function sameName(people: readonly Person[], name: string, except?: string): Person[] {
  const f = foldName(name);
  return people.filter((p) => p.id !== except && (foldName(p.name ?? '') === f || p.aliases.some((a) => foldName(a) === f)));
}

export type Match = { person: Person } | { none: true } | { several: Person[] };

/**
 * NAME on the command line: an id, then an exact name (ignoring case and accents), then an
 * alias, then a unique prefix of a name or alias. Several at the first rule that matches any
 * (only possible for prefixes) is ambiguous.
 */
export function matchPerson(people: readonly Person[], input: string): Match {
  const text = input.trim();
  if (text === '') return { none: true };
  const byId = people.find((p) => p.id === text.toLowerCase());
  if (byId) return { person: byId };
  const f = foldName(text);
  const rules: ((p: Person) => boolean)[] = [
    (p) => foldName(p.name ?? '') === f,
    (p) => p.aliases.some((a) => foldName(a) === f),
    (p) => foldName(p.name ?? '').startsWith(f) || p.aliases.some((a) => foldName(a).startsWith(f)),
  ];
  for (const rule of rules) {
    const found = people.filter(rule);
    if (found.length === 1) return { person: found[0]! };
    if (found.length > 1) return { several: found };
  }
  return { none: true };
}
