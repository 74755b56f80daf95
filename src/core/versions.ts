// Versions of a journal entry, for sync (issue 17). Each version has a fingerprint (of its
// fields, core/canonical.ts) and `prior`: the fingerprints of every version it replaced. An edit
// replaces the version it was made on; a delete leaves a tombstone that replaces every version
// it saw. Merging two machines' states of an entry keeps every version no other version
// replaced: one edit on one side wins, two concurrent edits both stay (the later one current,
// the other in `conflicts`), a delete beats only what it saw, so an edit beats a delete.
// The result depends only on the set of versions, never on which side is "ours".
import { canonicalJson, compareText, fingerprint } from './canonical.js';
import type { Entry, EntryVersion } from './entry.js';

/** What is left of a deleted entry: its id, when, and every version it deleted. */
export interface Tombstone {
  id: string;
  deletedAt: string;
  prior: string[];
}

/** An id's state in one month file: an entry (maybe with conflicts) or a tombstone. */
export interface EntryState {
  entry?: Entry;
  tomb?: Tombstone;
}

type Core = Omit<Entry, 'prior' | 'conflicts'>;

/** An entry without the sync bookkeeping: what its fingerprint is of. */
export function coreOf(v: Entry | EntryVersion): Core {
  const { prior: _prior, conflicts: _conflicts, ...core } = v as Entry;
  return core;
}

export const versionId = (v: Entry | EntryVersion): string => fingerprint(coreOf(v));
const tombId = (t: Tombstone): string => fingerprint({ id: t.id, deletedAt: t.deletedAt });

const sorted = (set: Iterable<string>) => [...new Set(set)].sort();

/** The entry in one key order: its fields, then prior (when any), then conflicts (when any). */
export function normalise<T extends Entry | EntryVersion>(e: T): T {
  const { prior, conflicts, ...core } = e as Entry;
  const out: Entry = { ...core };
  if (prior && prior.length > 0) out.prior = sorted(prior);
  if (conflicts && conflicts.length > 0) out.conflicts = conflicts.map((c) => normalise(c));
  return out as T;
}

/** `next` is an edit of `previous` (built from it, conflicts carried along): it now replaces that version. */
export function supersede(previous: Entry, next: Entry): Entry {
  const was = versionId(previous);
  if (was === versionId(next)) return normalise({ ...next, prior: [...(previous.prior ?? []), ...(next.prior ?? [])] });
  return normalise({ ...next, prior: [...(previous.prior ?? []), ...(next.prior ?? []), was] });
}

/** The tombstone a delete leaves: it replaces every version the entry holds. */
export function tombstoneFor(e: Entry, deletedAt: string): Tombstone {
  const prior = [e, ...(e.conflicts ?? [])].flatMap((v) => [...(v.prior ?? []), versionId(v)]);
  return { id: e.id, deletedAt, prior: sorted(prior) };
}

interface Item {
  id: string;
  anc: Set<string>;
  live?: EntryVersion;
  tomb?: Tombstone;
  spelling: string;
}

function itemsOf(state: EntryState | undefined): Item[] {
  const out: Item[] = [];
  if (state?.entry) {
    const { conflicts, ...own } = state.entry;
    for (const v of [own, ...(conflicts ?? [])]) out.push({ id: versionId(v), anc: new Set(v.prior), live: v, spelling: JSON.stringify(coreOf(v)) });
  }
  if (state?.tomb) out.push({ id: tombId(state.tomb), anc: new Set(state.tomb.prior), tomb: state.tomb, spelling: JSON.stringify(state.tomb) });
  return out;
}

const when = (v: EntryVersion) => Date.parse(v.updatedAt ?? v.createdAt);

/**
 * Merges an id's state from two sides (`base`: their common ancestor, when known). A side
 * equal to the base takes the other; otherwise every version that no other replaced is kept.
 */
export function mergeEntryStates(base: EntryState | undefined, a: EntryState | undefined, c: EntryState | undefined): EntryState | undefined {
  if (base && a && c) {
    const key = (s: EntryState) => canonicalJson(s);
    if (key(a) === key(base)) return c;
    if (key(c) === key(base)) return a;
  }
  // Every version once, with everything known of what it replaced.
  const byId = new Map<string, Item>();
  for (const item of [...itemsOf(a), ...itemsOf(c)]) {
    const seen = byId.get(item.id);
    if (!seen) byId.set(item.id, item);
    else {
      for (const f of item.anc) seen.anc.add(f);
      if (compareText(item.spelling, seen.spelling) < 0) Object.assign(seen, { live: item.live, tomb: item.tomb, spelling: item.spelling });
    }
  }
  const items = [...byId.values()];
  // What a version replaced, it replaced with everything that one had replaced: so a choice
  // made on one machine (a conflict resolved) still holds after another machine's later edit.
  for (let changed = true; changed; ) {
    changed = false;
    for (const w of items) {
      for (const v of items) {
        if (v === w || !w.anc.has(v.id)) continue;
        for (const f of v.anc) if (!w.anc.has(f)) changed = Boolean(w.anc.add(f));
      }
    }
  }
  // Replaced: another version lists it, and it does not list that one (a cycle keeps both).
  const kept = items.filter((v) => !items.some((w) => w !== v && w.anc.has(v.id) && !v.anc.has(w.id)));
  const live = kept.filter((v) => v.live);
  const tombs = kept.filter((v) => v.tomb);
  if (live.length === 0) {
    if (tombs.length === 0) return undefined;
    const first = tombs.map((t) => t.tomb!).sort((x, y) => compareText(x.deletedAt, y.deletedAt))[0]!;
    return { tomb: { id: first.id, deletedAt: first.deletedAt, prior: sorted(tombs.flatMap((t) => [...t.anc])) } };
  }
  // An edit beats a delete; what the delete replaced stays replaced (folded into the survivors).
  const deleted = tombs.flatMap((t) => [...t.anc]);
  live.sort((x, y) => when(y.live!) - when(x.live!) || compareText(y.id, x.id));
  const [current, ...others] = live.map((v) => ({ ...coreOf(v.live!), prior: sorted([...v.anc, ...deleted].filter((f) => f !== v.id)) }) as EntryVersion);
  return { entry: normalise({ ...current!, conflicts: others }) };
}
