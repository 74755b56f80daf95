// Streaks, pure: the days practised (local dates) and today in, the streak out.
//
// The rules, walked day by day from the first practised day to today:
// - A practised day adds 1 to the current streak.
// - Freezes: every 7 consecutive *practised* days earn one, at most 2 held. The count toward
//   the next freeze is the run of practised days since the last earn, the last freeze spent
//   or the last break; a freeze day resets it to 0 (it is not practice). Reaching 7 while
//   already holding 2 earns nothing and the run starts again.
// - A missed day before today spends a held freeze automatically: the streak survives, the
//   day is listed in frozenDays and adds nothing to the count. With no freeze left, the
//   streak breaks (current = 0).
// - Today is never "missed": it is still open until the day ends.
// - Days after `today` (possible after flying west over the date line) count as today.
// Because the result depends only on the set of days, back-filling a missed day (checkin
// --date) repairs the streak and gives back the freeze that had covered it.
import type { LocalDate } from './dates.js';

export const FREEZE_EVERY = 7;
export const MAX_FREEZES = 2;

export interface StreakInfo {
  current: number;
  longest: number;
  totalDays: number;
  freezesHeld: number;
  /** Every missed day a freeze covered, oldest first (across all history). */
  frozenDays: LocalDate[];
  practicedToday: boolean;
  /** Today not practised yet and current > 0. */
  atRisk: boolean;
  /** atRisk and no freeze left to cover today. */
  endsTonight: boolean;
  lastPracticed: LocalDate | null;
  /** Practised days still needed to earn the next freeze (0 when 2 are held). */
  nextFreezeIn: number;
  /** The first day of the current streak, or null when none is running. */
  streakStart: LocalDate | null;
}

const DAY_MS = 86_400_000;
// Day numbers (days since 1970-01-01) keep the walk cheap at ten years of history.
const toDate = (n: number): LocalDate => new Date(n * DAY_MS).toISOString().slice(0, 10);
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** The digit at `i` of `s`, or -1000 (which makes any number built from it negative). */
const digit = (s: string, i: number): number => {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1000;
};

/** For a string starting "YYYY-MM-" of a real month: the day number of its 1st and its length in days. */
function monthOf(d: string): { first: number; days: number } | null {
  if (d.charCodeAt(4) !== 45 || d.charCodeAt(7) !== 45) return null; // 45 is "-"
  const y = digit(d, 0) * 1000 + digit(d, 1) * 100 + digit(d, 2) * 10 + digit(d, 3);
  const mo = digit(d, 5) * 10 + digit(d, 6);
  const days = mo === 2 && isLeap(y) ? 29 : MONTH_DAYS[mo - 1];
  if (y < 0 || days === undefined) return null;
  return { first: (Date.UTC(y, mo - 1, 1) / DAY_MS) | 0, days }; // a small integer: a double would be boxed at each step of the walk
}

/** The day number of a real YYYY-MM-DD date, else null (2025-02-30 is not one). */
const toNumber = (d: LocalDate): number | null => {
  const month = d.length === 10 ? monthOf(d) : null;
  const day = digit(d, 8) * 10 + digit(d, 9);
  return month && day >= 1 && day <= month.days ? month.first + day - 1 : null;
};

export function streakInfo(days: Days, today: LocalDate): StreakInfo {
  const end = dayNumber(today);
  const p = practisedDays(days, end);
  return finish(walk(newWalk(), p, p.first, end, end), p, end);
}

/**
 * The streak before and after adding one practised day (a save), from one set and one walk:
 * the same as streakInfo(days, today) and streakInfo([...days, added], today), which would
 * each parse and walk every day of history. Both walks agree until `added`, so that part
 * runs once and only the days from `added` to today run twice (one day for a save today).
 * Adding a day already practised (an --append) gives after equal to before.
 */
export function streakPair(days: Days, today: LocalDate, added: LocalDate): { before: StreakInfo; after: StreakInfo } {
  const end = dayNumber(today);
  const n = toNumber(added);
  const day = n === null ? null : Math.min(n, end);
  const p = practisedDays(days, end, day ?? end);
  if (day === null || p.has[day - p.base] === 1) {
    const same = finish(walk(newWalk(), p, p.first, end, end), p, end);
    return { before: same, after: { ...same, frozenDays: [...same.frozenDays] } };
  }
  // Days before the first practised one change nothing, so both walks may start at the earlier.
  const shared = walk(newWalk(), p, Math.min(p.first, day), day - 1, end);
  const before = finish(walk(copy(shared), p, day, end, end), p, end);
  p.has[day - p.base] = 1;
  p.count++;
  p.last = Math.max(p.last, day);
  const afterWalk = walk(copy(shared), p, day, end, end);
  // The frozen days up to `added` are the same in both: turn them into dates once.
  const common = before.frozenDays.slice(0, shared.frozen.length);
  const after = finish(afterWalk, p, end, common.concat(afterWalk.frozen.slice(common.length).map(toDate)));
  return { before, after };
}

/** The days practised as a map over day numbers base..today: has[n - base] is 1 for a practised day n. */
interface Practised {
  has: Uint8Array;
  base: number;
  count: number;
  first: number;
  last: number;
}

function dayNumber(today: LocalDate): number {
  const end = toNumber(today);
  if (end === null) throw new Error(`streakInfo: today is not a date: ${today}`);
  return end;
}

/**
 * The days practised, one list per month as the day index keeps them (store/day-index.ts
 * dayChunks). A month's list is the same array for as long as its month is unchanged, so its
 * dates are parsed once a process: a save, and then the shell reminder's cache written after
 * it, re-read only the month saved (issue 19: the cache must not make a save grow with history).
 */
export interface DayChunks {
  readonly chunks: readonly (readonly LocalDate[])[];
}
export type Days = Iterable<LocalDate> | DayChunks;

const parsedChunks = new WeakMap<readonly LocalDate[], number[]>();

/** Day numbers of the real dates among `days` (others skipped), in their order. */
function parseDays(days: Iterable<LocalDate>): number[] {
  const numbers: number[] = [];
  // Days come grouped by month (the day index lists them so): the "YYYY-MM-" part is read
  // once a month, leaving two digits a day. This runs for every day of history, in code not
  // yet optimised when a command starts (bench/, issue 7).
  let prefix = '';
  let month: { first: number; days: number } | null = null;
  for (const d of days) {
    if (d.length !== 10) continue;
    if (prefix === '' || !d.startsWith(prefix)) {
      month = monthOf(d);
      prefix = month ? d.slice(0, 8) : '';
    }
    const tens = d.charCodeAt(8) - 48;
    const ones = d.charCodeAt(9) - 48;
    const dd = tens * 10 + ones;
    if (!month || !(tens >= 0 && tens <= 9 && ones >= 0 && ones <= 9) || dd < 1 || dd > month.days) continue;
    numbers.push(month.first + dd - 1);
  }
  return numbers;
}

/** Days after today count as today; `from` widens the map back to that day. */
function practisedDays(days: Days, end: number, from = end): Practised {
  if (!('chunks' in days)) return fromNumbers([parseDays(days)], end, from);
  return fromNumbers(
    days.chunks.map((chunk) => {
      let numbers = parsedChunks.get(chunk);
      if (!numbers) parsedChunks.set(chunk, (numbers = parseDays(chunk)));
      return numbers;
    }),
    end,
    from,
  );
}

function fromNumbers(lists: readonly (readonly number[])[], end: number, from: number): Practised {
  let first = Infinity;
  let last = -Infinity;
  for (const list of lists) {
    for (const n of list) {
      const day = n < end ? n : end;
      if (day < first) first = day;
      if (day > last) last = day;
    }
  }
  const base = Math.min(first, from, end);
  const has = new Uint8Array(end - base + 1);
  let count = 0;
  for (const list of lists) {
    for (const n of list) {
      const i = (n < end ? n : end) - base;
      if (has[i] === 0) count++;
      has[i] = 1;
    }
  }
  return { has, base, count, first, last };
}

interface Walk {
  current: number;
  longest: number;
  freezes: number;
  /** Practised days toward the next freeze. */
  run: number;
  start: number;
  frozen: number[];
}

const newWalk = (): Walk => ({ current: 0, longest: 0, freezes: 0, run: 0, start: 0, frozen: [] });
const copy = (w: Walk): Walk => ({ ...w, frozen: [...w.frozen] });

/**
 * Applies the rules above to days `from`..`to`; `end` is today, which is never missed. Kept
 * in local variables: this runs once for every day of history when a command starts, and a
 * smaller loop body stays cheap before (and without) V8 optimising it.
 */
function walk(w: Walk, p: Practised, from: number, to: number, end: number): Walk {
  const { has, base } = p;
  const frozen = w.frozen;
  let { current, longest, freezes, run, start } = w;
  for (let day = from; day <= to; day++) {
    if (has[day - base] === 1) {
      if (current === 0) start = day;
      current++;
      if (++run === FREEZE_EVERY) {
        run = 0;
        if (freezes < MAX_FREEZES) freezes++;
      }
      if (current > longest) longest = current;
    } else if (day === end) {
      break;
    } else if (current > 0 && freezes > 0) {
      freezes--;
      run = 0;
      frozen.push(day);
    } else {
      current = 0;
      run = 0;
    }
  }
  return { current, longest, freezes, run, start, frozen };
}

function finish(w: Walk, p: Practised, end: number, frozenDays = w.frozen.map(toDate)): StreakInfo {
  const practicedToday = p.has[end - p.base] === 1;
  const atRisk = !practicedToday && w.current > 0;
  return {
    current: w.current,
    longest: w.longest,
    totalDays: p.count,
    freezesHeld: w.freezes,
    frozenDays,
    practicedToday,
    atRisk,
    endsTonight: atRisk && w.freezes === 0,
    lastPracticed: p.count > 0 ? toDate(p.last) : null,
    nextFreezeIn: w.freezes >= MAX_FREEZES ? 0 : FREEZE_EVERY - w.run,
    streakStart: w.current > 0 ? toDate(w.start) : null,
  };
}

/**
 * The streak on each day from `from` to `to` (inclusive) with no practice added: element i is
 * streakInfo(days, from + i). The shell reminder's cache (store/remind-cache.ts) holds the
 * line for each of the next days, worked out at every save, so this parses and walks the
 * history once: the walk up to `from` is shared, and only the days from `from` on are walked
 * again for each day (a few days each). Days after a given day count as that day, as in
 * streakInfo, so each day gets its own view of them.
 */
export function streakSeries(days: Days, from: LocalDate, to: LocalDate): StreakInfo[] {
  const start = dayNumber(from);
  const end = dayNumber(to);
  if (end < start) return [];
  const p = practisedDays(days, end, start);
  const { has, base } = p;
  // Walking the days before `from`: none of them is any day's "today", so none stops the walk.
  const shared = walk(newWalk(), p, p.first, start - 1, end + 1);
  // The frozen days before `from` are every day's: turned into dates once (years of history hold hundreds).
  const sharedFrozen = shared.frozen.map(toDate);
  // Practised days up to each day, and the newest one, for totalDays and lastPracticed.
  let countBefore = 0;
  let lastBefore = -Infinity;
  for (let d = base; d < start; d++) {
    if (has[d - base] === 1) {
      countBefore++;
      lastBefore = d;
    }
  }
  const out: StreakInfo[] = [];
  for (let day = start, count = countBefore, last = lastBefore; day <= end; day++) {
    const own = has[day - base] === 1;
    let later = false;
    for (let d = day + 1; d <= end && !later; d++) later = has[d - base] === 1;
    const counted = own || later;
    const view: Practised = {
      has,
      base,
      count: count + (counted ? 1 : 0),
      first: Math.min(p.first, day),
      last: counted ? day : last,
    };
    has[day - base] = counted ? 1 : 0;
    const w = walk(copy(shared), view, start, day, day);
    out.push(finish(w, view, day, sharedFrozen.concat(w.frozen.slice(shared.frozen.length).map(toDate))));
    has[day - base] = own ? 1 : 0;
    if (own) {
      count++;
      last = day;
    }
  }
  return out;
}
