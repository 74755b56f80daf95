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
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
// Day numbers (days since 1970-01-01) keep the walk cheap at ten years of history.
const toDate = (n: number): LocalDate => new Date(n * DAY_MS).toISOString().slice(0, 10);
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** The day number of a real YYYY-MM-DD date, else null (2025-02-30 is not one). */
const toNumber = (d: LocalDate): number | null => {
  const m = DATE_RE.exec(d);
  if (!m) return null;
  const [y, mo, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const last = mo === 2 && isLeap(y) ? 29 : MONTH_DAYS[mo - 1];
  if (last === undefined || day < 1 || day > last) return null;
  return Date.UTC(y, mo - 1, day) / DAY_MS;
};

export function streakInfo(days: Iterable<LocalDate>, today: LocalDate): StreakInfo {
  const end = toNumber(today);
  if (end === null) throw new Error(`streakInfo: today is not a date: ${today}`);
  const practised = new Set<number>();
  for (const d of days) {
    const n = toNumber(d);
    if (n !== null) practised.add(Math.min(n, end));
  }
  let first = Infinity;
  let last = -Infinity;
  for (const n of practised) {
    if (n < first) first = n;
    if (n > last) last = n;
  }
  let current = 0;
  let longest = 0;
  let freezes = 0;
  let run = 0;
  let start = 0;
  const frozenDays: LocalDate[] = [];
  for (let day = first; day <= end; day++) {
    if (practised.has(day)) {
      if (current === 0) start = day;
      current++;
      run++;
      if (run === FREEZE_EVERY) {
        run = 0;
        if (freezes < MAX_FREEZES) freezes++;
      }
      if (current > longest) longest = current;
    } else if (day === end) {
      break;
    } else if (current > 0 && freezes > 0) {
      freezes--;
      run = 0;
      frozenDays.push(toDate(day));
    } else {
      current = 0;
      run = 0;
    }
  }
  const practicedToday = practised.has(end);
  const atRisk = !practicedToday && current > 0;
  return {
    current,
    longest,
    totalDays: practised.size,
    freezesHeld: freezes,
    frozenDays,
    practicedToday,
    atRisk,
    endsTonight: atRisk && freezes === 0,
    lastPracticed: practised.size > 0 ? toDate(last) : null,
    nextFreezeIn: freezes >= MAX_FREEZES ? 0 : FREEZE_EVERY - run,
    streakStart: current > 0 ? toDate(start) : null,
  };
}
