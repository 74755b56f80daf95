// people.json merged between two machines (issues 14 and 17): person by id, field by field,
// the same whichever side is "ours"; a forget is never undone.
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/core/canonical.js';
import { mergePeople } from '../../src/core/merge-docs.js';
import { peopleProblem, type Person } from '../../src/core/people.js';
import { seededRng } from '../../src/core/quiz-select.js';

const doc = (people: Person[]) => ({ schemaVersion: 1, people });
const at = (minute: number) => new Date(Date.UTC(2026, 10, 1, 9, minute)).toISOString();
const person = (id: string, name: string, extra: Partial<Person> = {}): Person => ({
  id, name, aliases: [], every: '2w', addedOn: '2026-10-01', createdAt: at(0), updatedAt: at(0), ...extra,
});

/** One machine's edit of someone: a rename, a new rhythm, an alias, a pause, a snooze, or a forget. */
function edit(p: Person, next: () => number, minute: number): Person {
  const q: Person = { ...p, aliases: [...p.aliases], updatedAt: at(minute) };
  const r = next();
  if (r < 0.2) q.name = `${p.name}${Math.floor(next() * 9)}`;
  else if (r < 0.4) q.every = ['1w', '1m', '3d'][Math.floor(next() * 3)]!;
  else if (r < 0.55) q.aliases.push(`nick${Math.floor(next() * 9)}`);
  else if (r < 0.7) q.paused = !p.paused;
  else if (r < 0.85) q.snooze = { from: '2026-11-01', until: '2026-11-10' };
  else return { id: p.id, forgotten: true, aliases: [], addedOn: p.addedOn, createdAt: p.createdAt, updatedAt: at(minute) } as Person;
  return q;
}

describe('mergePeople', () => {
  it('is symmetric, takes a changed side over an unchanged one, keeps each side\'s own field changes, and never undoes a forget', () => {
    const next = seededRng(7);
    for (let round = 0; round < 300; round++) {
      const base = [person('p-aaaaaa', 'Ana'), person('p-bbbbbb', 'Ben', { every: '1m' }), person('p-cccccc', 'Cy')];
      const side = (offset: number) => base.map((p) => (next() < 0.5 ? edit(p, next, offset + Math.floor(next() * 30)) : p));
      const a = side(1);
      const c = side(2);
      if (next() < 0.3) a.push(person(`p-new${String(round % 1000).padStart(3, '0')}`, 'Dee', { createdAt: at(5) }));
      const m = mergePeople(doc(base), doc(a), doc(c));
      expect(canonicalJson(m), `round ${round}`).toBe(canonicalJson(mergePeople(doc(base), doc(c), doc(a))));
      expect(peopleProblem(m)).toBeNull();
      const got = new Map((m.people as Person[]).map((p) => [p.id, p]));
      expect(canonicalJson(mergePeople(doc(base), doc(a), doc(base)))).toBe(canonicalJson(mergePeople(doc(base), doc(base), doc(a))));
      for (const [i, b] of base.entries()) {
        const [x, y, out] = [a[i]!, c[i]!, got.get(b.id)!];
        if (x.forgotten || y.forgotten) {
          expect(out.forgotten, `round ${round}`).toBe(true);
          expect(out.name).toBeUndefined();
          continue;
        }
        // A field only one side changed is that side's value in the result.
        for (const key of ['name', 'every', 'paused', 'snooze', 'aliases'] as const) {
          const [bx, by, bb] = [x[key], y[key], b[key]].map((v) => canonicalJson(v ?? null));
          if (bx !== bb && by === bb) expect(canonicalJson(out[key] ?? null), `round ${round} ${key}`).toBe(bx);
          if (by !== bb && bx === bb) expect(canonicalJson(out[key] ?? null), `round ${round} ${key}`).toBe(by);
        }
      }
      if (a.length > base.length) expect(got.has(a[a.length - 1]!.id)).toBe(true);
    }
  });

  it('a rename on one machine and a snooze on the other both stay; the name both changed goes to the later change', () => {
    const base = doc([person('p-aaaaaa', 'Ana')]);
    const renamed = doc([person('p-aaaaaa', 'Ana Lúcia', { updatedAt: at(10) })]);
    const snoozed = doc([person('p-aaaaaa', 'Ana', { snooze: { from: '2026-11-01', until: '2026-11-08' }, updatedAt: at(20) })]);
    expect(mergePeople(base, renamed, snoozed).people).toEqual([person('p-aaaaaa', 'Ana Lúcia', { snooze: { from: '2026-11-01', until: '2026-11-08' }, updatedAt: at(20) })]);
    const other = doc([person('p-aaaaaa', 'Annie', { updatedAt: at(30) })]);
    expect((mergePeople(base, renamed, other).people as Person[])[0]!.name).toBe('Annie');
  });
});
