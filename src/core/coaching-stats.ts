// Intentions kept and practices done per principle over the last 12 weeks (harmony stats).
import { addDays, type LocalDate } from './dates.js';
import type { Entry } from './entry.js';
import { PRINCIPLE_IDS, type PrincipleId } from './principles.js';

export const COACHING_WEEKS = 12;

export interface PrincipleCoaching {
  id: PrincipleId;
  /** Intentions set, and how many were followed up as kept (partly and the rest not counted). */
  intentions: { set: number; kept: number };
  /** Practices taken, and how many were done (marked done, or followed up as kept). */
  practices: { taken: number; done: number };
}

export interface CoachingStats {
  from: LocalDate;
  to: LocalDate;
  principles: PrincipleCoaching[];
}

export const coachingFrom = (today: LocalDate) => addDays(today, -(COACHING_WEEKS * 7 - 1));

/** `entries` must hold every entry from `coachingFrom(today)` to today (more is fine). */
export function coachingStats(entries: readonly Entry[], today: LocalDate): CoachingStats {
  const from = coachingFrom(today);
  const follow = new Map(entries.filter((e) => e.followUp).map((e) => [e.followUp!.entryId, e.followUp!]));
  const rows = new Map<PrincipleId, PrincipleCoaching>(PRINCIPLE_IDS.map((id) => [id, { id, intentions: { set: 0, kept: 0 }, practices: { taken: 0, done: 0 } }]));
  for (const e of entries) {
    if (e.date < from || e.date > today || !e.principle || e.kind === 'review' || e.kind === 'note') continue;
    const row = rows.get(e.principle)!;
    const f = follow.get(e.id);
    if (e.intention?.trim()) {
      row.intentions.set++;
      if (f?.intention === 'kept') row.intentions.kept++;
    }
    if (e.practice) {
      row.practices.taken++;
      if (e.practice.done !== undefined || f?.practice === 'kept') row.practices.done++;
    }
  }
  return { from, to: today, principles: [...rows.values()] };
}
