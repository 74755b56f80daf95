// What an import from another tool would add: pure, from the parsed notes and what each month
// already holds (read under the lock). Nothing imported twice: the same source key is skipped,
// whether it came in an earlier import or twice in this file.
import type { Entry } from '../entry.js';
import { noteFromImport } from '../note.js';
import type { ImportedNote } from './types.js';

export interface ToolImportPlan {
  add: Entry[];
  already: number;
  repeated: number;
  perYear: Record<string, number>;
  first?: string;
  last?: string;
}

export function planToolImport(notes: readonly ImportedNote[], monthEntries: (month: string) => readonly Entry[], random?: () => number): ToolImportPlan {
  const byMonth = new Map<string, ImportedNote[]>();
  for (const n of notes) {
    const list = byMonth.get(n.date.slice(0, 7));
    if (list) list.push(n);
    else byMonth.set(n.date.slice(0, 7), [n]);
  }
  const plan: ToolImportPlan = { add: [], already: 0, repeated: 0, perYear: {} };
  const seen = new Set<string>();
  for (const [month, list] of byMonth) {
    const current = monthEntries(month);
    const ids = new Set(current.map((e) => e.id));
    const keys = new Set(current.map((e) => e.source).filter((k): k is string => k !== undefined));
    for (const n of list) {
      if (keys.has(n.sourceKey)) {
        plan.already++;
        continue;
      }
      if (seen.has(n.sourceKey)) {
        plan.repeated++;
        continue;
      }
      seen.add(n.sourceKey);
      const entry = noteFromImport(n, (id) => ids.has(id), random);
      ids.add(entry.id);
      plan.add.push(entry);
      const year = n.date.slice(0, 4);
      plan.perYear[year] = (plan.perYear[year] ?? 0) + 1;
      if (!plan.first || n.date < plan.first) plan.first = n.date;
      if (!plan.last || n.date > plan.last) plan.last = n.date;
    }
  }
  return plan;
}
