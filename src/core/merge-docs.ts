// Merging two machines' versions of harmony's other documents (issue 17), each given the
// common ancestor when known (null otherwise: a conflict copy from a file-sync tool, or two
// histories joined for the first time). Every rule is symmetric, so both machines get the
// same result whichever side is "ours"; a side equal to the base takes the other.
// Journal months merge by entry version (core/month-doc.ts, core/versions.ts).
import { canonicalJson, compareText } from './canonical.js';
import type { QuizCard, QuizReview } from './quiz-doc.js';

type Doc = Record<string, unknown>;
const same = (x: unknown, y: unknown) => canonicalJson(x) === canonicalJson(y);
/** For two values both changed where no rule says which is newer: the same pick on every machine. */
const larger = <V>(x: V, y: V): V => (compareText(canonicalJson(x), canonicalJson(y)) >= 0 ? x : y);

/**
 * Key by key: one side's change wins; a key changed on both sides goes to `pick` (which must
 * be symmetric). A key on one side only is kept, unless `deletions` says a key removed on one
 * side (and unchanged on the other) is a change too (settings: clearing one).
 */
export function mergeMaps<V>(
  base: Record<string, V> | undefined,
  a: Record<string, V> = {},
  c: Record<string, V> = {},
  pick: (x: V, y: V) => V = larger,
  deletions = false,
): Record<string, V> {
  const out: Record<string, V> = {};
  for (const key of [...new Set([...Object.keys(a), ...Object.keys(c)])].sort()) {
    const [va, vc, vb] = [a[key], c[key], base?.[key]];
    let value: V | undefined;
    if (deletions && vb !== undefined && (va === undefined || vc === undefined) && same(va ?? vc, vb)) value = undefined;
    else if (va === undefined) value = vc;
    else if (vc === undefined) value = va;
    else if (same(va, vc)) value = compareText(JSON.stringify(va), JSON.stringify(vc)) <= 0 ? va : vc;
    else if (vb !== undefined && same(va, vb)) value = vc;
    else if (vb !== undefined && same(vc, vb)) value = va;
    else value = pick(va, vc);
    if (value !== undefined) out[key] = value;
  }
  return out;
}

/** Top-level fields harmony does not know (from a newer version): kept, merged key by key. */
function rest(base: Doc | null, a: Doc, c: Doc, known: string[]): Doc {
  const strip = (d: Doc | null) => (d ? Object.fromEntries(Object.entries(d).filter(([k]) => !known.includes(k))) : undefined);
  return mergeMaps(strip(base), strip(a), strip(c));
}

const version = (a: Doc, c: Doc) => Math.max(Number(a.schemaVersion), Number(c.schemaVersion));

/** quiz.json: card by card, the later review wins. */
export function mergeQuiz(base: Doc | null, a: Doc, c: Doc): Doc {
  const later = (x: QuizCard, y: QuizCard) => {
    const d = Date.parse(x.lastAt) - Date.parse(y.lastAt);
    return d > 0 ? x : d < 0 ? y : larger(x, y);
  };
  const cards = mergeMaps(base?.cards as Record<string, QuizCard> | undefined, a.cards as Record<string, QuizCard>, c.cards as Record<string, QuizCard>, later);
  const out: Doc = { ...rest(base, a, c, ['schemaVersion', 'cards', 'unfiled']), schemaVersion: version(a, c), cards };
  // A version-1 quiz.json still carrying its log (unfiled): keep every review, as version 1 does.
  if (a.unfiled || c.unfiled) return { ...out, schemaVersion: 1, log: unionReviews([], (a.unfiled ?? []) as QuizReview[], (c.unfiled ?? []) as QuizReview[]) };
  return out;
}

function unionReviews(_base: unknown, a: QuizReview[], c: QuizReview[]): QuizReview[] {
  const byKey = new Map<string, QuizReview>();
  for (const r of [...a, ...c]) {
    const key = `${r.question}\u0000${r.at}`;
    const seen = byKey.get(key);
    byKey.set(key, seen ? larger(seen, r) : r);
  }
  const order = (r: QuizReview) => `${new Date(r.at).toISOString()}\u0000${r.question}`;
  return [...byKey.values()].sort((x, y) => compareText(order(x), order(y)));
}

/** quiz-log/YYYY-MM.json: every review from both sides (one review: question and instant). */
export function mergeQuizLog(base: Doc | null, a: Doc, c: Doc): Doc {
  const reviews = unionReviews(base?.reviews, a.reviews as QuizReview[], c.reviews as QuizReview[]);
  return { ...rest(base, a, c, ['schemaVersion', 'reviews']), schemaVersion: version(a, c), reviews };
}

/**
 * state.json: lessons read keep their first day; prompts used, practices offered and the
 * review's marks their last; own prompts (text the user wrote) by id, a removal on one side
 * holding when the other did not change that prompt; the later week's review focus.
 */
export function mergeState(base: Doc | null, a: Doc, c: Doc): Doc {
  type Days = Record<string, string>;
  const first = (x: string, y: string) => (x <= y ? x : y);
  const last = (x: string, y: string) => (x >= y ? x : y);
  const days = (key: string, pick: (x: string, y: string) => string) => mergeMaps(base?.[key] as Days | undefined, a[key] as Days, c[key] as Days, pick);
  const out: Doc = {
    ...rest(base, a, c, ['schemaVersion', 'lessonsRead', 'promptsUsed', 'practicesOffered', 'ownPrompts', 'focus', 'reviewOffered', 'roughDaysShown']),
    schemaVersion: version(a, c),
    lessonsRead: days('lessonsRead', first),
    promptsUsed: days('promptsUsed', last),
  };
  if (a.practicesOffered || c.practicesOffered) out.practicesOffered = days('practicesOffered', last);
  if (a.ownPrompts || c.ownPrompts) {
    type Own = { id: string; added?: string };
    const byId = (d: Doc | null) => (d?.ownPrompts ? Object.fromEntries((d.ownPrompts as Own[]).map((p) => [p.id, p])) : undefined);
    const own = Object.values(mergeMaps(byId(base), byId(a) ?? {}, byId(c) ?? {}, larger, Boolean(base?.ownPrompts)));
    out.ownPrompts = own.sort((x, y) => compareText(`${x.added ?? ''}\u0000${x.id}`, `${y.added ?? ''}\u0000${y.id}`));
  }
  const latest = (key: string, order: (v: unknown) => string) => {
    const [x, y] = [a[key], c[key]];
    if (x === undefined || y === undefined) return x ?? y;
    if (base && same(x, base[key])) return y;
    if (base && same(y, base[key])) return x;
    const d = compareText(order(x), order(y));
    return d > 0 ? x : d < 0 ? y : larger(x, y);
  };
  for (const key of ['reviewOffered', 'roughDaysShown']) {
    const v = latest(key, (x) => String(x));
    if (v !== undefined) out[key] = v;
  }
  const focus = latest('focus', (x) => String((x as { week?: string }).week ?? ''));
  if (focus !== undefined) out.focus = focus;
  return out;
}

/** config.json (the settings every machine shares): setting by setting. */
export function mergeSettings(base: Doc | null, a: Doc, c: Doc): Doc {
  return { ...mergeMaps(base ?? undefined, a, c, larger, true), schemaVersion: version(a, c) };
}

interface PersonLike {
  id: string;
  createdAt?: string;
  updatedAt?: string;
  forgotten?: boolean;
}

/**
 * people.json: person by id, and a person changed on both machines field by field (a rename
 * on one and a snooze on the other both stay); a field changed on both takes the side changed
 * later (updatedAt). Someone forgotten stays forgotten: a forget is never undone, not even by
 * a side that matches the base, and nothing of the other side's name comes back with it.
 */
export function mergePeople(base: Doc | null, a: Doc, c: Doc): Doc {
  const byId = (d: Doc | null) => (d ? Object.fromEntries((d.people as PersonLike[]).map((p) => [p.id, p])) : undefined);
  const [pb, pa, pc] = [byId(base), byId(a)!, byId(c)!];
  const later = (x: PersonLike, y: PersonLike) => {
    const d = Date.parse(x.updatedAt ?? '') - Date.parse(y.updatedAt ?? '');
    return d > 0 ? x : d < 0 ? y : larger(x, y);
  };
  const pick = (x: PersonLike, y: PersonLike): PersonLike => {
    if (x.forgotten || y.forgotten) return x.forgotten && y.forgotten ? larger(x, y) : x.forgotten ? x : y;
    const b = pb?.[x.id];
    if (!b) return later(x, y);
    // Both changed: each field from the side that changed it; a field both changed, from the later side.
    const first = later(x, y) === x ? x : y;
    const fields = mergeMaps(b as unknown as Doc, x as unknown as Doc, y as unknown as Doc, (fx, fy) => (first === x ? fx : fy), true);
    return { ...fields, id: x.id, updatedAt: first.updatedAt } as PersonLike;
  };
  const merged = mergeMaps(pb, pa, pc, pick);
  for (const id of Object.keys(merged)) {
    const gone = [pa[id], pc[id]].filter((p) => p?.forgotten) as PersonLike[];
    if (gone.length > 0) merged[id] = gone.length === 2 ? larger(gone[0]!, gone[1]!) : gone[0]!;
  }
  const people = Object.values(merged);
  const order = (p: PersonLike) => `${p.createdAt ?? ''}\u0000${p.id}`;
  people.sort((x, y) => compareText(order(x), order(y)));
  return { ...rest(base, a, c, ['schemaVersion', 'people']), schemaVersion: version(a, c), people };
}
