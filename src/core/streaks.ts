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
import { addDays, isValidDate, type LocalDate } from './dates.js';

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
}

export function streakInfo(days: Iterable<LocalDate>, today: LocalDate): StreakInfo {
  const practised = new Set<LocalDate>();
  for (const d of days) if (isValidDate(d)) practised.add(d > today ? today : d);
  const sorted = [...practised].sort();
  let current = 0;
  let longest = 0;
  let freezes = 0;
  let run = 0;
  const frozenDays: LocalDate[] = [];
  const first = sorted[0];
  if (first !== undefined) {
    for (let day = first; day <= today; day = addDays(day, 1)) {
      if (practised.has(day)) {
        current++;
        run++;
        if (run === FREEZE_EVERY) {
          run = 0;
          if (freezes < MAX_FREEZES) freezes++;
        }
        if (current > longest) longest = current;
      } else if (day === today) {
        break;
      } else if (current > 0 && freezes > 0) {
        freezes--;
        run = 0;
        frozenDays.push(day);
      } else {
        current = 0;
        run = 0;
      }
    }
  }
  const practicedToday = practised.has(today);
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
    lastPracticed: sorted.at(-1) ?? null,
    nextFreezeIn: freezes >= MAX_FREEZES ? 0 : FREEZE_EVERY - run,
  };
}
