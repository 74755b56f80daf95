import { describe, expect, it } from 'vitest';
import { appendToEntry, buildEntry, entryDate, markPromptsUsed, MAX_BACKFILL_DAYS, pairAnswers } from '../../src/core/checkin.js';
import { entryProblem, type Entry } from '../../src/core/entry.js';
import { UsageError } from '../../src/errors.js';

const TODAY = '2025-03-10';

describe('entryDate (--date)', () => {
  it('is today without --date, and takes yesterday, Nd and YYYY-MM-DD', () => {
    expect(entryDate(undefined, TODAY)).toBe(TODAY);
    expect(entryDate('yesterday', TODAY)).toBe('2025-03-09');
    expect(entryDate('3d', TODAY)).toBe('2025-03-07');
    expect(entryDate('2025-02-28', TODAY)).toBe('2025-02-28');
    expect(entryDate('today', TODAY)).toBe(TODAY);
  });

  it(`allows exactly ${MAX_BACKFILL_DAYS} days back and no more`, () => {
    expect(entryDate('2025-02-08', TODAY)).toBe('2025-02-08');
    expect(() => entryDate('2025-02-07', TODAY)).toThrow(/at most 30 days back \(earliest 2025-02-08\)/);
    expect(() => entryDate('31d', TODAY)).toThrow(UsageError);
  });

  it('refuses the future', () => {
    expect(() => entryDate('2025-03-11', TODAY)).toThrow(/2025-03-11 is in the future; today is 2025-03-10/);
  });

  it('refuses impossible dates and nonsense, saying which', () => {
    expect(() => entryDate('2025-02-30', '2025-03-05')).toThrow(/2025-02-30 is not a real calendar date/);
    expect(() => entryDate('2025-02-29', '2025-03-05')).toThrow(/not a real calendar date/);
    expect(entryDate('2028-02-29', '2028-03-05')).toBe('2028-02-29');
    expect(() => entryDate('last tuesday', TODAY)).toThrow(/--date must be yesterday, Nd .* got "last tuesday"/);
  });
});

describe('buildEntry', () => {
  const now = new Date('2025-03-10T21:15:02Z');

  it('builds a valid entry with an id from its date and a timestamp with the local offset', () => {
    const e = buildEntry(
      { kind: 'checkin', date: '2025-03-09', principle: 'trust', mood: 4, answers: [{ prompt: 'Q1', answer: '  yes  ' }], intention: ' call ' },
      now,
      () => false,
      'America/New_York',
    );
    expect(entryProblem(e)).toBeNull();
    expect(e.id).toMatch(/^20250309-[0-9a-z]{4}$/);
    expect(e.createdAt).toBe('2025-03-10T17:15:02-04:00');
    expect(e).toMatchObject({ kind: 'checkin', date: '2025-03-09', principle: 'trust', mood: 4, answers: [{ prompt: 'Q1', answer: 'yes' }], intention: 'call' });
  });

  it('drops empty answers and an empty intention, and leaves out mood when not asked', () => {
    const e = buildEntry(
      { kind: 'reflection', date: TODAY, principle: 'intimacy', answers: [{ prompt: 'A', answer: 'x' }, { prompt: 'B', answer: '   ' }], intention: '  ' },
      now,
      () => false,
    );
    expect(e.answers).toEqual([{ prompt: 'A', answer: 'x' }]);
    expect('intention' in e).toBe(false);
    expect('mood' in e).toBe(false);
  });

  it('never reuses a taken id', () => {
    const taken = new Set<string>();
    for (let i = 0; i < 50; i++) {
      const e = buildEntry({ kind: 'checkin', date: TODAY, principle: 'trust', answers: [] }, now, (id) => taken.has(id));
      expect(taken.has(e.id)).toBe(false);
      taken.add(e.id);
    }
  });
});

describe('appendToEntry', () => {
  const original: Entry = {
    id: '20250310-abcd',
    kind: 'checkin',
    date: TODAY,
    createdAt: '2025-03-10T08:00:00+00:00',
    principle: 'trust',
    mood: 2,
    answers: [{ prompt: 'Q1', answer: 'first' }],
    intention: 'rest',
  };

  it('keeps everything, adds the new answers, takes the new mood and adds the intention on a new line', () => {
    const next = appendToEntry(original, { mood: 4, answers: [{ prompt: 'Q2', answer: ' second ' }, { prompt: 'Q3', answer: '' }], intention: 'walk' }, new Date('2025-03-10T20:00:00Z'));
    expect(next.answers).toEqual([{ prompt: 'Q1', answer: 'first' }, { prompt: 'Q2', answer: 'second' }]);
    expect(next).toMatchObject({ id: original.id, createdAt: original.createdAt, mood: 4, intention: 'rest\nwalk', updatedAt: '2025-03-10T20:00:00+00:00' });
    expect(original.answers).toHaveLength(1);
    expect(entryProblem(next)).toBeNull();
  });

  it('leaves mood and intention alone when nothing new is given', () => {
    const next = appendToEntry(original, { answers: [{ prompt: 'Q2', answer: 'x' }], intention: ' ' }, new Date('2025-03-10T20:00:00Z'));
    expect(next).toMatchObject({ mood: 2, intention: 'rest' });
  });
});

describe('markPromptsUsed and pairAnswers', () => {
  it('records answered prompts with the day, never moving a date backwards, skipping blank answers', () => {
    const used: Record<string, string> = { A: '2025-03-12' };
    markPromptsUsed(used, [{ prompt: 'A', answer: 'x' }, { prompt: 'B', answer: 'y' }, { prompt: 'C', answer: ' ' }], TODAY);
    expect(used).toEqual({ A: '2025-03-12', B: TODAY });
  });

  it('pairs flag answers with prompts in order and refuses more answers than prompts', () => {
    expect(pairAnswers(['P1', 'P2'], ['a'])).toEqual([{ prompt: 'P1', answer: 'a' }]);
    expect(() => pairAnswers(['P1'], ['a', 'b'])).toThrow(/Too many --answer values: 2 given, at most 1/);
  });
});
