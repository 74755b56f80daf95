// What to practise: the principle of the day and which reflection prompts to ask.
import { addDays, type LocalDate } from './dates.js';
import { PRINCIPLE_IDS, type PrincipleId } from './principles.js';

/** How far back "lately" looks when suggesting a principle. */
export const SUGGEST_WINDOW_DAYS = 14;

export interface DayPrinciples {
  principles: string[];
}

export interface Suggestion {
  principle: PrincipleId;
  /** Times each principle was practised in the window. */
  counts: Record<PrincipleId, number>;
  reason: string;
}

/**
 * The principle practised least in the last 14 days (today included); the week's focus, if
 * any, counts one less and wins ties (see `lean`). Otherwise ties go to the weakest
 * in the quiz when mastery (0..1 per principle) is known, then to the one practised longest
 * ago (never first), then to lesson order.
 */
export function suggestPrinciple(
  days: Record<LocalDate, DayPrinciples>,
  today: LocalDate,
  mastery?: Partial<Record<PrincipleId, number>>,
  focus?: PrincipleId,
): Suggestion {
  const counts = Object.fromEntries(PRINCIPLE_IDS.map((id) => [id, 0])) as Record<PrincipleId, number>;
  const last: Partial<Record<PrincipleId, LocalDate>> = {};
  const from = addDays(today, -(SUGGEST_WINDOW_DAYS - 1));
  for (const [day, summary] of Object.entries(days)) {
    if (day > today) continue;
    for (const p of summary.principles) {
      if (!(p in counts)) continue;
      const id = p as PrincipleId;
      if (day >= from) counts[id]++;
      if (!last[id] || last[id]! < day) last[id] = day;
    }
  }
  const score = (id: PrincipleId) => mastery?.[id] ?? 0;
  // The week's focus (chosen in the weekly review) counts as practised once less, and wins ties.
  const lean = (id: PrincipleId) => counts[id] - (id === focus ? 1 : 0);
  const ranked = [...PRINCIPLE_IDS].sort(
    (a, b) => lean(a) - lean(b) || Number(b === focus) - Number(a === focus) || score(a) - score(b) || byText(last[a] ?? '', last[b] ?? ''),
  );
  const principle = ranked[0]!;
  if (principle === focus) return { principle, counts, reason: 'your focus this week, from the weekly review' };
  const tiedOnCount = ranked.filter((id) => counts[id] === counts[principle]).length > 1;
  let reason: string;
  if (counts[principle] === 0 && !last[principle]) reason = 'not practised yet';
  else if (counts[principle] === 0) reason = `not practised in the last ${SUGGEST_WINDOW_DAYS} days`;
  else reason = `practised least in the last ${SUGGEST_WINDOW_DAYS} days`;
  if (tiedOnCount && mastery && mastery[principle] !== undefined) reason += ', weakest in your quiz';
  return { principle, counts, reason };
}

/**
 * For reading history newest month first, so a suggestion need not read years of it: feed it
 * each month's days in turn; it says when the days seen hold all suggestPrinciple looks at
 * (the whole window, and the last day each principle was practised).
 */
export function suggestionReader(today: LocalDate): (month: Record<LocalDate, DayPrinciples>) => boolean {
  const fromMonth = addDays(today, -(SUGGEST_WINDOW_DAYS - 1)).slice(0, 7);
  const seen = new Set<string>();
  let windowRead = false; // the window's first month (or an older one) was read, and every later one
  return (month) => {
    for (const [day, summary] of Object.entries(month)) {
      if (day > today) continue;
      if (day.slice(0, 7) <= fromMonth) windowRead = true;
      for (const p of summary.principles) seen.add(p);
    }
    return windowRead && PRINCIPLE_IDS.every((id) => seen.has(id));
  };
}

/**
 * Up to `count` prompts, never-answered ones first, then those answered longest ago; lesson
 * order breaks ties. `exclude` drops prompts already in an entry being added to.
 */
export function choosePrompts(
  prompts: readonly string[],
  used: Record<string, LocalDate>,
  count: number,
  exclude: readonly string[] = [],
): string[] {
  const skip = new Set(exclude);
  const pool = prompts.filter((p) => !skip.has(p));
  const order = pool.map((p, i) => ({ p, i, at: used[p] ?? '' }));
  order.sort((a, b) => byText(a.at, b.at) || a.i - b.i);
  return order.slice(0, count).map((o) => o.p);
}

/** Code-unit order for ASCII dates: localeCompare's first call loads ICU's collator (~6 ms per check-in; bench/, issue 7). */
function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
