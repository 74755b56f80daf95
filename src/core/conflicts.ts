// Resolving an entry two machines changed at once (harmony conflicts, issue 17). The choice
// becomes a new version that replaces both, so every machine that merges it agrees; two
// machines choosing differently before they sync simply meet as a conflict again.
import { fingerprint } from './canonical.js';
import type { Entry, EntryVersion } from './entry.js';
import { coreOf, normalise, versionId } from './versions.js';

export type Keep = 'mine' | 'theirs' | 'both';

export interface Resolution {
  /** The entry as it is now to be stored. */
  entry: Entry;
  /** With "both": the other version as an entry of its own. */
  extra?: Entry;
}

/** An id for the other version kept as its own entry: the same on every machine that makes it. */
export function splitId(v: EntryVersion): string {
  return `${v.date.replaceAll('-', '')}-${fingerprint({ split: versionId(v) }).slice(0, 8)}`;
}

/** Resolves the entry's `index`-th conflicting version against the version shown. */
export function resolveConflict(entry: Entry, keep: Keep, index = 0): Resolution {
  const others = entry.conflicts ?? [];
  const other = others[index];
  if (!other) throw new Error(`entry ${entry.id} has no conflict ${index}`);
  const rest = others.filter((_, i) => i !== index);
  const { conflicts: _c, ...shown } = entry;
  const lineage = (v: EntryVersion) => [...(v.prior ?? []), versionId(v)];
  const keepOne = (kept: EntryVersion, dropped: EntryVersion): Entry =>
    normalise({ ...coreOf(kept), prior: [...(kept.prior ?? []), ...lineage(dropped)], conflicts: rest } as Entry);
  if (keep === 'theirs') return { entry: keepOne(other, shown) };
  const kept = keepOne(shown, other);
  if (keep === 'mine') return { entry: kept };
  return { entry: kept, extra: normalise({ ...coreOf(other), id: splitId(other) } as Entry) };
}
