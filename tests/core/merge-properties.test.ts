// Properties of sync's merge (issue 17), over random histories: two machines start from a
// common month file and each adds, edits, appends to, deletes and resolves entries; then
// their files are merged. Every text is a fresh token, so "nothing lost" can be checked
// exactly: each token either side holds is in the result, unless an edit replaced it or a
// delete removed it (both recorded as they happen).
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/core/canonical.js';
import { resolveConflict } from '../../src/core/conflicts.js';
import type { Entry } from '../../src/core/entry.js';
import { mergeQuiz, mergeQuizLog, mergeSettings, mergeState } from '../../src/core/merge-docs.js';
import { mergeMonths, sortEntries, type MonthDoc } from '../../src/core/month-doc.js';
import { seededRng } from '../../src/core/quiz-select.js';
import { supersede, tombstoneFor } from '../../src/core/versions.js';
import { encodeDoc } from '../../src/store/files.js';

interface World {
  rng: () => number;
  clock: number;
  token: number;
  /** Tokens an edit replaced, or a delete removed, on some machine. */
  gone: Set<string>;
}

const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
const pick = <T>(w: World, list: T[]): T => list[Math.floor(w.rng() * list.length)]!;
const fresh = (w: World) => `t${w.token++}`;
const tick = (w: World) => (w.clock += 1000 + Math.floor(w.rng() * 60_000));

function tokensOf(e: Entry): string[] {
  const own = [...e.answers.map((a) => a.answer), ...(e.text ? [e.text] : [])];
  return [...own, ...(e.conflicts ?? []).flatMap((c) => tokensOf(c as Entry))];
}
const tokensIn = (doc: MonthDoc) => new Set(doc.entries.flatMap(tokensOf));

/** One random change to a copy of `doc`, made as harmony's store makes it. */
function step(w: World, doc: MonthDoc): MonthDoc {
  const next: MonthDoc = JSON.parse(JSON.stringify(doc));
  const roll = w.rng();
  const at = tick(w);
  if (next.entries.length === 0 || roll < 0.3) {
    const day = `2026-05-${String(1 + Math.floor(w.rng() * 28)).padStart(2, '0')}`;
    const kind = pick(w, ['checkin', 'reflection', 'note'] as const);
    const id = `${day.replaceAll('-', '')}-${Math.floor(w.rng() * 36 ** 4).toString(36).padStart(4, '0')}`;
    if (next.entries.some((e) => e.id === id) || next.deleted?.some((t) => t.id === id)) return next;
    const e: Entry = { id, kind, date: day, createdAt: iso(at), answers: kind === 'note' ? [] : [{ prompt: 'What happened?', answer: fresh(w) }], ...(kind === 'note' ? { text: fresh(w) } : { principle: 'trust' }) };
    next.entries.push(e);
    return next;
  }
  const i = Math.floor(w.rng() * next.entries.length);
  const old = next.entries[i]!;
  if (roll < 0.55) {
    // An edit that replaces the first answer (or the note's text).
    const edited: Entry = old.kind === 'note' ? { ...old, text: fresh(w), updatedAt: iso(at) } : { ...old, answers: [{ prompt: 'What happened?', answer: fresh(w) }, ...old.answers.slice(1)], updatedAt: iso(at) };
    for (const t of old.kind === 'note' ? [old.text!] : [old.answers[0]!.answer]) w.gone.add(t);
    next.entries[i] = supersede(old, edited);
  } else if (roll < 0.75) {
    // An append (harmony checkin --append): nothing replaced.
    const appended: Entry = old.kind === 'note' ? { ...old, text: `${old.text} ${fresh(w)}`, updatedAt: iso(at) } : { ...old, answers: [...old.answers, { prompt: 'And?', answer: fresh(w) }], updatedAt: iso(at) };
    if (old.kind === 'note') w.gone.add(old.text!); // the text grew: the old spelling is replaced
    next.entries[i] = supersede(old, appended);
  } else if (roll < 0.88) {
    for (const t of tokensOf(old)) w.gone.add(t);
    next.entries.splice(i, 1);
    next.deleted = [...(next.deleted ?? []).filter((t) => t.id !== old.id), tombstoneFor(old, iso(at))];
  } else if (old.conflicts?.length) {
    const keep = pick(w, ['mine', 'theirs', 'both'] as const);
    const { entry, extra } = resolveConflict(old, keep);
    if (keep !== 'both') for (const t of tokensOf(old)) if (!tokensOf(entry).includes(t)) w.gone.add(t);
    next.entries[i] = entry;
    if (extra && !next.entries.some((e) => e.id === extra.id)) next.entries.push(extra);
  }
  return next;
}

function evolve(w: World, doc: MonthDoc, steps: number): MonthDoc {
  let d = doc;
  for (let i = 0; i < steps; i++) {
    d = step(w, d);
    sortEntries(d.entries); // as the store writes a month
    d.deleted?.sort((x, y) => (x.id < y.id ? -1 : 1));
  }
  return d;
}

const empty = (): MonthDoc => ({ schemaVersion: 1, entries: [] });
const bytes = (doc: unknown) => encodeDoc(doc);

/** A common starting point that already went through merges (so it has conflicts and tombstones). */
function history(w: World): MonthDoc {
  const start = evolve(w, empty(), 4);
  return mergeMonths(start, evolve(w, start, 5), evolve(w, start, 5));
}

const SEEDS = Array.from({ length: 40 }, (_, i) => 1000 + i * 7919);

describe('merging two machines\' month files', () => {
  it.each(SEEDS)('is symmetric, keeps every text not replaced, and takes the changed side of an unchanged one (seed %i)', (seed) => {
    const w: World = { rng: seededRng(seed), clock: Date.parse('2026-05-01T08:00:00Z'), token: 0, gone: new Set() };
    for (let round = 0; round < 15; round++) {
      const base = history(w);
      const a = evolve(w, base, 1 + Math.floor(w.rng() * 6));
      const c = evolve(w, base, 1 + Math.floor(w.rng() * 6));
      const ac = mergeMonths(base, a, c);
      const ca = mergeMonths(base, c, a);
      expect(bytes(ac), 'the same whichever side is ours').toBe(bytes(ca));
      expect(bytes(mergeMonths(null, a, c)), 'symmetric without a base too').toBe(bytes(mergeMonths(null, c, a)));
      expect(canonicalJson(mergeMonths(base, base, c)), 'an unchanged side gives the changed side').toBe(canonicalJson(c));
      expect(canonicalJson(mergeMonths(base, a, base))).toBe(canonicalJson(a));
      const kept = tokensIn(ac);
      for (const t of new Set([...tokensIn(a), ...tokensIn(c)])) {
        if (!w.gone.has(t)) expect(kept.has(t), `text ${t} kept`).toBe(true);
      }
      // Merging again changes nothing (the next sync of an unchanged journal).
      expect(canonicalJson(mergeMonths(a, ac, ac))).toBe(canonicalJson(ac));
      const again = mergeMonths(null, ac, a);
      if (process.env.DEBUG_MERGE && canonicalJson(again) !== canonicalJson(ac)) {
        for (const e of again.entries) {
          const o = ac.entries.find((x) => x.id === e.id);
          if (canonicalJson(o) !== canonicalJson(e)) console.log(JSON.stringify({ again: e, ac: o, a: a.entries.find((x) => x.id === e.id), c: c.entries.find((x) => x.id === e.id), base: base.entries.find((x) => x.id === e.id), ad: a.deleted?.find((x) => x.id === e.id), cd: c.deleted?.find((x) => x.id === e.id), bd: base.deleted?.find((x) => x.id === e.id) }, null, 1));
        }
      }
      expect(canonicalJson(again)).toBe(canonicalJson(ac));
      // Every id either side has is in the result, as an entry or a tombstone.
      const ids = new Set([...ac.entries.map((e) => e.id), ...(ac.deleted ?? []).map((t) => t.id)]);
      for (const e of [...a.entries, ...c.entries]) expect(ids.has(e.id)).toBe(true);
    }
  });

  it('keeps an edit made on one machine over a delete made on the other', () => {
    const e: Entry = { id: '20260501-aaaa', kind: 'checkin', date: '2026-05-01', createdAt: '2026-05-01T20:00:00Z', principle: 'trust', answers: [{ prompt: 'P', answer: 'first words' }] };
    const base: MonthDoc = { schemaVersion: 1, entries: [e] };
    const deleted: MonthDoc = { schemaVersion: 1, entries: [], deleted: [tombstoneFor(e, '2026-05-02T09:00:00Z')] };
    const edited: MonthDoc = { schemaVersion: 1, entries: [supersede(e, { ...e, answers: [{ prompt: 'P', answer: 'better words' }], updatedAt: '2026-05-01T21:00:00Z' })] };
    for (const merged of [mergeMonths(base, deleted, edited), mergeMonths(base, edited, deleted), mergeMonths(null, deleted, edited)]) {
      expect(merged.entries.map((x) => x.answers[0]!.answer)).toEqual(['better words']);
      expect(merged.deleted).toBeUndefined();
    }
    // A delete of the version both had wins over the unchanged copy.
    expect(mergeMonths(base, deleted, base).entries).toEqual([]);
    expect(mergeMonths(null, deleted, base).entries).toEqual([]);
  });

  it('keeps both versions of an entry changed on two machines: the later one shown, the other in conflicts', () => {
    const e: Entry = { id: '20260501-bbbb', kind: 'note', date: '2026-05-01', createdAt: '2026-05-01T20:00:00Z', answers: [], text: 'original' };
    const base: MonthDoc = { schemaVersion: 1, entries: [e] };
    const laptop: MonthDoc = { schemaVersion: 1, entries: [supersede(e, { ...e, text: 'laptop words', updatedAt: '2026-05-02T08:00:00Z' })] };
    const desktop: MonthDoc = { schemaVersion: 1, entries: [supersede(e, { ...e, text: 'desktop words', updatedAt: '2026-05-02T09:00:00Z' })] };
    const merged = mergeMonths(base, laptop, desktop);
    expect(merged.entries).toHaveLength(1);
    expect(merged.entries[0]!.text).toBe('desktop words');
    expect(merged.entries[0]!.conflicts?.map((c) => c.text)).toEqual(['laptop words']);
    const mine = resolveConflict(merged.entries[0]!, 'mine').entry;
    expect(mine.conflicts).toBeUndefined();
    // The choice replaces both: a machine still holding the laptop version takes it.
    expect(mergeMonths(null, { schemaVersion: 1, entries: [mine] }, laptop).entries.map((x) => [x.text, x.conflicts])).toEqual([['desktop words', undefined]]);
  });
});

describe('merging the other documents', () => {
  const card = (lastAt: string, reps: number) => ({ due: lastAt, dueDay: lastAt.slice(0, 10), lastDay: lastAt.slice(0, 10), lastAt, lastCorrect: true, stability: 1, difficulty: 5, scheduledDays: 1, reps, lapses: 0, state: 'review' });
  const review = (question: string, at: string) => ({ question, at, day: at.slice(0, 10), correct: true, rating: 3, chosen: [0], dueDay: at.slice(0, 10) });

  it('quiz cards: the later review wins, each card on its own, the same either way', () => {
    const base = { schemaVersion: 2, cards: { q1: card('2026-05-01T10:00:00Z', 1), q2: card('2026-05-01T10:00:00Z', 1) } };
    const a = { schemaVersion: 2, cards: { ...base.cards, q1: card('2026-05-03T10:00:00Z', 2), q3: card('2026-05-02T10:00:00Z', 1) } };
    const c = { schemaVersion: 2, cards: { ...base.cards, q1: card('2026-05-02T10:00:00Z', 2), q2: card('2026-05-04T10:00:00Z', 2) } };
    const ac = mergeQuiz(base, a, c);
    expect(canonicalJson(ac)).toBe(canonicalJson(mergeQuiz(base, c, a)));
    const cards = ac.cards as Record<string, { lastAt: string }>;
    expect([cards.q1!.lastAt, cards.q2!.lastAt, cards.q3!.lastAt]).toEqual(['2026-05-03T10:00:00Z', '2026-05-04T10:00:00Z', '2026-05-02T10:00:00Z']);
  });

  it('quiz log, lessons read and prompts used: unions; settings key by key', () => {
    const log = mergeQuizLog(null, { schemaVersion: 1, reviews: [review('q1', '2026-05-01T10:00:00Z'), review('q2', '2026-05-02T10:00:00Z')] }, { schemaVersion: 1, reviews: [review('q2', '2026-05-02T10:00:00Z'), review('q3', '2026-05-01T12:00:00Z')] });
    expect((log.reviews as { question: string }[]).map((r) => r.question)).toEqual(['q1', 'q3', 'q2']);
    const state = mergeState(null, { schemaVersion: 1, lessonsRead: { trust: '2026-05-03' }, promptsUsed: { P: '2026-05-01' } }, { schemaVersion: 1, lessonsRead: { trust: '2026-05-01', intimacy: '2026-05-02' }, promptsUsed: { P: '2026-05-04' } });
    expect(state).toEqual({ schemaVersion: 1, lessonsRead: { intimacy: '2026-05-02', trust: '2026-05-01' }, promptsUsed: { P: '2026-05-04' } });
    const base = { schemaVersion: 1, name: 'Ana', dayStartHour: 0 };
    const settings = mergeSettings(base, { schemaVersion: 1, dayStartHour: 4 }, { schemaVersion: 1, name: 'Ana', dayStartHour: 0, notesCountForStreak: true });
    expect(settings).toEqual({ schemaVersion: 1, dayStartHour: 4, notesCountForStreak: true }); // name cleared on one side, unchanged on the other
  });
});
