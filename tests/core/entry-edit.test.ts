import { describe, expect, it } from 'vitest';
import { entryFromText, entryToText } from '../../src/core/entry-edit.js';
import type { Entry } from '../../src/core/entry.js';
import { entry } from '../helpers/journal-fixtures.js';

const NOW = '2026-05-11T08:00:00+00:00';
const original: Entry = entry('2026-05-10', {
  mood: 3,
  answers: [
    { prompt: 'What did you notice?', answer: 'Line one\nline two\n\n  indented, with: colons # and hashes' },
    { prompt: 'yes', answer: '10' },
    { prompt: 'Escape?', answer: 'a \u001b]0;x\u0007 b' },
  ],
  intention: 'null',
  updatedAt: '2026-05-10T22:00:00+00:00',
});

const ok = (text: string) => {
  const result = entryFromText(original, text, NOW);
  if ('problem' in result) throw new Error(result.problem);
  return result;
};
const problem = (text: string) => {
  const result = entryFromText(original, text, NOW);
  if (!('problem' in result)) throw new Error('expected a problem');
  return result.problem;
};

describe('entry as text', () => {
  const text = entryToText(original);

  it('reads back unchanged when nothing was edited (words like yes, 10, null stay text)', () => {
    expect(text).toContain('# Editing journal entry');
    expect(text).toContain('answer: |-\n      Line one\n      line two');
    expect(text).not.toContain('updatedAt');
    const result = ok(text);
    expect(result.changed).toBe(false);
    expect(result.entry).toBe(original);
    // Comments and a changed comment line do not count as a change.
    expect(ok(text.replace('# Editing', '# I was here. Editing')).changed).toBe(false);
  });

  it('saves a real change and stamps updatedAt', () => {
    const result = ok(text.replace('line two', 'line 2, edited').replace('mood: 3', 'mood: 5'));
    expect(result.changed).toBe(true);
    expect(result.entry.answers[0]!.answer).toBe('Line one\nline 2, edited\n\n  indented, with: colons # and hashes');
    expect(result.entry.mood).toBe(5);
    expect(result.entry.updatedAt).toBe(NOW);
    expect(result.entry.createdAt).toBe(original.createdAt);
  });

  it('allows a principle by number, removing the mood and intention, and drops emptied answers', () => {
    const edited = text.replace('principle: trust', 'principle: 2').replace('mood: 3\n', '').replace('intention: "null"', 'intention: ""').replace('answer: "10"', 'answer: ""');
    const result = ok(edited);
    expect(result.entry.principle).toBe('communication');
    expect(result.entry.mood).toBeUndefined();
    expect(result.entry.intention).toBeUndefined();
    expect(result.entry.answers.map((a) => a.prompt)).toEqual(['What did you notice?', 'Escape?']);
  });

  it('refuses changes to id, kind, date and createdAt', () => {
    expect(problem(text.replace(`id: ${original.id}`, 'id: 20260510-zzzz'))).toBe(`id cannot change (it is ${original.id})`);
    expect(problem(text.replace('kind: checkin', 'kind: reflection'))).toBe('kind cannot change (it is checkin)');
    expect(problem(text.replace('date: 2026-05-10', 'date: 2026-05-09'))).toBe('date cannot change (it is 2026-05-10)');
    expect(problem(text.replace(/createdAt: .*/, 'createdAt: 2020-01-01T00:00:00Z'))).toContain('createdAt cannot change');
  });

  it('refuses invalid values, unknown fields and broken YAML, saying why', () => {
    expect(problem(text.replace('mood: 3', 'mood: 9'))).toBe('mood must be a whole number from 1 to 5 (or delete the line)');
    expect(problem(text.replace('principle: trust', 'principle: love'))).toContain('principle must be');
    expect(problem(text.replace('mood: 3', 'mood: 3\nintension: typo'))).toContain('unknown field "intension"');
    expect(problem(text.replace('- prompt: yes', '- prompt: yes\n    note: x'))).toContain('answers[1] has an unknown field "note"');
    expect(problem(text.replace('answers:', 'answers: [oops'))).toMatch(/^line \d+, column \d+: /);
    expect(problem('')).toContain('no longer a list');
    expect(problem(text.replace(/answers:[\s\S]*?intention/, 'answers: nope\nintention'))).toContain('answers must be a list');
  });
});
