// Plain `harmony` offers last week's review once: on its first run in a new week, when last
// week had at least two days practised and no review yet. Offered means recorded in
// state.json (reviewOffered), whatever the answer, so it is never asked twice.
import { addDays } from '../../core/dates.js';
import { weekDays, weekOf, type Week } from '../../core/weeks.js';
import type { Today } from '../common/today.js';
import { entriesBetween } from '../common/entries.js';

/** Days practised that a week needs before its review is offered. */
export const OFFER_MIN_DAYS = 2;

export async function reviewOffer(p: Today): Promise<{ week: Week; practised: number } | null> {
  const start = p.store.settings().weekStart ?? 'mon';
  const last = weekOf(addDays(weekOf(p.today, start).start, -1), start);
  if (p.store.state().reviewOffered === last.id) return null;
  let practised = 0;
  for (const d of weekDays(last)) {
    const day = await p.day(d);
    if (day !== undefined && day.checkins + day.reflections > 0) practised++;
  }
  if (practised < OFFER_MIN_DAYS) return null;
  // Locked, whether last week has a review is secret: it is offered when unlocked.
  if (!p.store.journal.readable) return null;
  const reviewed = (await entriesBetween(p.store, last.start, p.today)).some((e) => e.kind === 'review' && e.week === last.id);
  return reviewed ? null : { week: last, practised };
}

export async function markReviewOffered(p: Today, week: Week): Promise<void> {
  await p.store.updateState((state) => {
    state.reviewOffered = week.id;
  });
}
