// Reading the entries of a span of days: only the month files that exist and overlap it.
import type { LocalDate } from '../../core/dates.js';
import type { Entry } from '../../core/entry.js';
import type { Store } from '../../store/index.js';

/** Month keys (YYYY-MM) from `from`'s month to `to`'s. */
export function monthsBetween(from: LocalDate, to: LocalDate): string[] {
  const out: string[] = [];
  for (let m = from.slice(0, 7); m <= to.slice(0, 7); ) {
    out.push(m);
    const [y, mo] = m.split('-').map(Number) as [number, number];
    m = mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
  }
  return out;
}

/** Entries dated from `from` to `to`, reading only those months that have a file. */
export async function entriesBetween(store: Store, from: LocalDate, to: LocalDate): Promise<Entry[]> {
  const have = new Set(store.journal.months());
  const out: Entry[] = [];
  for (const m of monthsBetween(from, to)) if (have.has(m)) out.push(...(await store.journal.readMonth(m)));
  return out.filter((e) => e.date >= from && e.date <= to);
}
