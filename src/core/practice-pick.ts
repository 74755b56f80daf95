// Which micro-practice to offer. Within the day's principle, the one offered longest ago
// comes first, and one never offered before any offered at all; content order breaks ties.
// Every practice shown is recorded as offered that day (taken or not), so a practice cannot
// come back until every other practice of its principle has been offered since: with 30 a
// principle and a principle every few days, that is months (issue 13 asks for 120 days).
import type { Practice } from '../content/types.js';
import type { LocalDate } from './dates.js';
import type { PrincipleId } from './principles.js';

export function practicesOf(all: readonly Practice[], principle: PrincipleId): Practice[] {
  return all.filter((p) => p.principle === principle);
}

/**
 * The next practice to offer from `pool` (one principle's), skipping those already shown in
 * this check-in (`shown`); once all were shown it starts over, avoiding the one just shown.
 * Undefined only for an empty pool.
 * Several practices offered the same day (asking for another) tie on the date; the order they
 * were offered in breaks the tie: markOffered keeps the keys of `offered` in that order.
 */
export function nextPractice(pool: readonly Practice[], offered: Record<string, LocalDate>, shown: readonly string[] = []): Practice | undefined {
  const seen = new Set(shown);
  let candidates = pool.filter((p) => !seen.has(p.id));
  if (candidates.length === 0) candidates = pool.length > 1 ? pool.filter((p) => p.id !== shown.at(-1)) : [...pool];
  const rank = new Map(Object.keys(offered).map((id, i) => [id, i]));
  let best: Practice | undefined;
  let bestKey: [string, number] = ['', 0];
  for (const p of candidates) {
    const key: [string, number] = [offered[p.id] ?? '', rank.get(p.id) ?? -1]; // '' (never) sorts before every date
    if (best === undefined || key[0] < bestKey[0] || (key[0] === bestKey[0] && key[1] < bestKey[1])) [best, bestKey] = [p, key];
  }
  return best;
}

/** Records the practices shown on `day`, in the order shown (each moves to the end of `offered`). */
export function markOffered(offered: Record<string, LocalDate>, ids: readonly string[], day: LocalDate): void {
  for (const id of ids) {
    const at = offered[id] !== undefined && offered[id]! > day ? offered[id]! : day; // a clock set back keeps the later day
    delete offered[id];
    offered[id] = at;
  }
}
