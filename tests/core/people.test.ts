import { describe, expect, it } from 'vitest';
import { addCadence, addMonths, foldName, matchPerson, nameProblem, parseCadence, peopleProblem, personProblem, type Person } from '../../src/core/people.js';
import { addPerson, cadenceArg, changePerson } from '../../src/core/people-edit.js';

const NOW = new Date('2026-05-10T12:00:00Z');
const person = (id: string, name: string, aliases: string[] = [], extra: Partial<Person> = {}): Person => ({
  id, name, aliases, addedOn: '2026-05-01', createdAt: '2026-05-01T10:00:00+00:00', updatedAt: '2026-05-01T10:00:00+00:00', ...extra,
});

describe('cadences', () => {
  it('reads a number and a unit, or a word; refuses zero, nonsense and the absurd', () => {
    expect(parseCadence('2w')).toEqual({ n: 2, unit: 'w' });
    expect(parseCadence(' 3M ')).toEqual({ n: 3, unit: 'm' });
    expect(parseCadence('fortnightly')).toEqual({ n: 2, unit: 'w' });
    for (const bad of ['0d', '0w', 'soon', '', '2', 'w', '-1d', '1.5w', '400w', '9y', '1h']) expect(parseCadence(bad), bad).toBeNull();
    expect(() => cadenceArg('0d')).toThrow(/at least one day/);
    expect(() => cadenceArg('soon')).toThrow(/--every must be .*got "soon"/);
    expect(cadenceArg('none', '--every', true)).toBeUndefined();
    expect(() => cadenceArg('none')).toThrow();
  });

  it('counts months on the calendar: a month after 31 January is the end of February', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29'); // leap year
    expect(addMonths('2026-03-31', 1)).toBe('2026-04-30');
    expect(addMonths('2026-08-31', 3)).toBe('2026-11-30');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
    expect(addMonths('2026-02-28', 1)).toBe('2026-03-28'); // from the clamped day, not back to the 31st
    expect(addCadence('2028-02-29', { n: 1, unit: 'y' })).toBe('2029-02-28');
    expect(addCadence('2028-02-29', { n: 4, unit: 'y' })).toBe('2032-02-29');
    expect(addCadence('2027-02-28', { n: 1, unit: 'y' })).toBe('2028-02-28');
  });

  it('counts days and weeks as calendar days, across month, year and leap days', () => {
    expect(addCadence('2026-12-29', { n: 1, unit: 'w' })).toBe('2027-01-05');
    expect(addCadence('2028-02-27', { n: 3, unit: 'd' })).toBe('2028-03-01');
    expect(addCadence('2026-02-27', { n: 3, unit: 'd' })).toBe('2026-03-02');
    expect(addCadence('2026-03-28', { n: 2, unit: 'd' })).toBe('2026-03-30'); // over London's 23-hour day
  });
});

describe('names', () => {
  const people = [person('p-aaaaaa', 'Ana Silva', ['Annie']), person('p-bbbbbb', 'Anabel'), person('p-cccccc', 'Zoë'), person('p-dddddd', 'Sam')];

  it('matches by id, then exact name ignoring case and accents, then alias, then a unique prefix', () => {
    const id = (text: string) => {
      const m = matchPerson(people, text);
      return 'person' in m ? m.person.id : 'several' in m ? m.several.map((p) => p.id) : null;
    };
    expect(id('p-dddddd')).toBe('p-dddddd');
    expect(id('P-DDDDDD')).toBe('p-dddddd');
    expect(id('ana silva')).toBe('p-aaaaaa');
    expect(id('ZOE')).toBe('p-cccccc');
    expect(id('zoë')).toBe('p-cccccc');
    expect(id('annie')).toBe('p-aaaaaa');
    expect(id('Ana s')).toBe('p-aaaaaa');
    expect(id('anab')).toBe('p-bbbbbb');
    expect(id('an')).toEqual(['p-aaaaaa', 'p-bbbbbb']); // ambiguous
    expect(id('bob')).toBeNull();
    expect(id('   ')).toBeNull();
  });

  it('an exact name wins over a longer name it is the start of', () => {
    const list = [person('p-aaaaaa', 'Ana'), person('p-bbbbbb', 'Anabel')];
    const m = matchPerson(list, 'ana');
    expect('person' in m && m.person.id).toBe('p-aaaaaa');
  });

  it('folds case, accents and spacing', () => {
    expect(foldName('  José   María ')).toBe('jose maria');
    expect(foldName('ÅSA')).toBe(foldName('asa'));
  });

  it('refuses empty, huge and id-like names, without quoting them', () => {
    expect(nameProblem('  ')).toMatch(/empty/);
    expect(nameProblem('x'.repeat(201))).toMatch(/200/);
    expect(nameProblem('p-abc123')).toMatch(/person id/);
    expect(nameProblem('Ana\u001b[31m\nSilva')).toBeNull(); // stored as typed, shown safely
  });

  it('refuses a duplicate name or alias, suggesting an alias', () => {
    const doc = { schemaVersion: 1, people: people.map((p) => ({ ...p })) };
    expect(() => addPerson(doc, { name: 'ANA SILVA' }, NOW, '2026-05-10')).toThrow(/already has that name.*--alias/);
    expect(() => addPerson(doc, { name: 'annie' }, NOW, '2026-05-10')).toThrow(/already has that name/);
    expect(() => addPerson(doc, { name: 'Kim', aliases: ['Sam'] }, NOW, '2026-05-10')).toThrow(/alias is already/);
    const kim = addPerson(doc, { name: 'Kim', aliases: ['Kimmy', 'kim', 'KIMMY'] }, NOW, '2026-05-10');
    expect(kim.aliases).toEqual(['Kimmy']);
    expect(kim.id).toMatch(/^p-[0-9a-z]{6}$/);
    expect(doc.people.some((p) => p.id === kim.id)).toBe(true);
    try {
      addPerson(doc, { name: 'zoe' }, NOW, '2026-05-10');
    } catch (error) {
      expect((error as Error).message).not.toMatch(/zo/i); // never quotes a name
    }
  });

  it('renames, changes the rhythm, aliases and pause; says when nothing changed', () => {
    const doc = { schemaVersion: 1, people: people.map((p) => ({ ...p, aliases: [...p.aliases] })) };
    const later = new Date('2026-05-11T08:00:00Z');
    expect(changePerson(doc, 'p-dddddd', { name: 'Sam' }, later).changed).toBe(false);
    const { person: sam, changed } = changePerson(doc, 'p-dddddd', { name: 'Sam Okafor', every: '1m', addAliases: ['Sammy'], paused: true }, later);
    expect(changed).toBe(true);
    expect(sam).toMatchObject({ name: 'Sam Okafor', every: '1m', aliases: ['Sammy'], paused: true, updatedAt: '2026-05-11T08:00:00+00:00' });
    expect(changePerson(doc, 'p-dddddd', { every: null, paused: false, dropAliases: ['SAMMY'] }, later).person).not.toHaveProperty('every');
    expect(() => changePerson(doc, 'p-dddddd', { name: 'anabel' }, later)).toThrow(/already/);
    expect(() => changePerson(doc, 'p-dddddd', { dropAliases: ['nope'] }, later)).toThrow(/not one of their aliases/);
  });
});

describe('people.json validation', () => {
  it('names the field, never the value', () => {
    const secret = 'Zuzanna Quill';
    const bad = (p: Record<string, unknown>) => personProblem({ ...person('p-aaaaaa', secret), ...p }, 'people[0]');
    expect(bad({})).toBeNull();
    expect(bad({ id: 'ana' })).toBe('people[0].id is not a person id');
    expect(bad({ every: 'soon' })).toMatch(/every/);
    expect(bad({ circle: 'enemy' })).toMatch(/circle/);
    expect(bad({ snooze: { from: '2026-05-01' } })).toMatch(/snooze/);
    expect(bad({ forgotten: true })).toMatch(/forgotten but still has a name/);
    expect(bad({ name: 42 })).toMatch(/name is not text/);
    for (const p of [{ id: 'x' }, { every: 'soon' }, { forgotten: true }, { addedOn: 'yesterday' }]) expect(bad(p)).not.toContain(secret);
    expect(peopleProblem({ people: [person('p-aaaaaa', 'A'), person('p-aaaaaa', 'B')] })).toMatch(/appears twice/);
    expect(peopleProblem({ people: {} })).toBe('people is not a list');
  });
});
