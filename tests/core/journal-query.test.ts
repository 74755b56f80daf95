import { describe, expect, it } from 'vitest';
import { isFiltered, matches, monthsInRange, parseFilter, queryJournal } from '../../src/core/journal-query.js';
import type { Entry } from '../../src/core/entry.js';
import { UsageError } from '../../src/errors.js';
import { entry } from '../helpers/journal-fixtures.js';

const TODAY = '2026-05-10';

function usage(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).exitCode).toBe(2);
    return (error as Error).message;
  }
  throw new Error('expected a UsageError');
}

describe('parseFilter', () => {
  it('reads today, yesterday, Nd and YYYY-MM-DD', () => {
    expect(parseFilter({ from: 'today' }, TODAY).from).toBe('2026-05-10');
    expect(parseFilter({ from: 'yesterday' }, TODAY).from).toBe('2026-05-09');
    expect(parseFilter({ from: '7d', to: 'today' }, TODAY)).toEqual({ from: '2026-05-03', to: '2026-05-10' });
    expect(parseFilter({ from: '40d' }, TODAY).from).toBe('2026-03-31');
    expect(parseFilter({ to: '2025-12-31' }, TODAY).to).toBe('2025-12-31');
  });

  it('refuses dates it cannot read, naming the flag', () => {
    expect(usage(() => parseFilter({ from: 'last week' }, TODAY))).toMatch(/^--from must be today, yesterday, Nd .* got "last week"/);
    expect(usage(() => parseFilter({ to: '2026-02-30' }, TODAY))).toMatch(/^--to must be/);
    expect(usage(() => parseFilter({ from: '2026-05-05', to: '2026-05-01' }, TODAY))).toContain('--from 2026-05-05 is after --to 2026-05-01');
  });

  it('resolves principles by id, number or prefix and rejects the rest', () => {
    expect(parseFilter({ principle: '4' }, TODAY).principle).toBe('trust');
    expect(parseFilter({ principle: 'comm' }, TODAY).principle).toBe('communication');
    expect(usage(() => parseFilter({ principle: 'love' }, TODAY))).toContain('--principle "love" is not a principle');
  });

  it('accepts checkin, check-in and reflection as kinds', () => {
    expect(parseFilter({ kind: 'check-in' }, TODAY).kind).toBe('checkin');
    expect(parseFilter({ kind: 'Reflection' }, TODAY).kind).toBe('reflection');
    expect(usage(() => parseFilter({ kind: 'quiz' }, TODAY))).toContain('--kind must be checkin or reflection');
  });

  it('folds the search text and refuses an empty one', () => {
    expect(parseFilter({ search: '  PHONE ' }, TODAY).search).toBe('phone');
    expect(usage(() => parseFilter({ search: '   ' }, TODAY))).toContain('--search needs some text');
    expect(isFiltered(parseFilter({ limit: 3 }, TODAY))).toBe(false);
    expect(isFiltered(parseFilter({ kind: 'checkin' }, TODAY))).toBe(true);
  });
});

describe('matching', () => {
  const e = entry('2026-05-03', {
    principle: 'communication',
    answers: [{ prompt: 'What did you SAY?', answer: 'I put my Phone away at dinner.' }],
    intention: 'Ask Maria about her day',
  });

  it('searches answers, prompts and the intention, ignoring case', () => {
    for (const text of ['phone', 'PHONE AWAY', 'you say', 'maria']) {
      expect(matches(e, parseFilter({ search: text }, TODAY))).toBe(true);
    }
    expect(matches(e, parseFilter({ search: 'email' }, TODAY))).toBe(false);
    // Only what the user wrote and was asked: not the id or the principle name.
    expect(matches(e, parseFilter({ search: '20260503' }, TODAY))).toBe(false);
    expect(matches(e, parseFilter({ search: 'communication' }, TODAY))).toBe(false);
  });

  it('ignores case beyond ASCII and compatibility forms', () => {
    const accented = entry('2026-05-03', { answers: [{ prompt: 'p', answer: 'ÉTÉ à Zürich, ｆｕｌｌ width' }] });
    expect(matches(accented, parseFilter({ search: 'été à zürich' }, TODAY))).toBe(true);
    expect(matches(accented, parseFilter({ search: 'full width' }, TODAY))).toBe(true);
  });

  it('applies dates inclusively, and principle and kind', () => {
    expect(matches(e, parseFilter({ from: '2026-05-03', to: '2026-05-03' }, TODAY))).toBe(true);
    expect(matches(e, parseFilter({ from: '2026-05-04' }, TODAY))).toBe(false);
    expect(matches(e, parseFilter({ to: '2026-05-02' }, TODAY))).toBe(false);
    expect(matches(e, parseFilter({ principle: 'trust' }, TODAY))).toBe(false);
    expect(matches(e, parseFilter({ kind: 'reflection' }, TODAY))).toBe(false);
  });
});

describe('queryJournal', () => {
  const byMonth: Record<string, Entry[]> = {
    '2026-03': [entry('2026-03-01'), entry('2026-03-31')],
    '2026-04': [entry('2026-04-15', { createdAt: '2026-04-15T08:00:00+00:00' }), entry('2026-04-15', { createdAt: '2026-04-15T22:00:00+00:00', kind: 'reflection' })],
    '2026-05': [entry('2026-05-02'), entry('2026-05-09')],
  };
  const months = Object.keys(byMonth);
  const reader = () => {
    const read: string[] = [];
    return { read, readMonth: (m: string) => (read.push(m), byMonth[m]!.map((e) => ({ ...e }))) };
  };

  it('lists newest first, later entries of a day before earlier ones', () => {
    const { readMonth } = reader();
    const dates = queryJournal(months, readMonth, {}).map((e) => `${e.date} ${e.createdAt.slice(11, 13)}`);
    expect(dates).toEqual(['2026-05-09 20', '2026-05-02 20', '2026-04-15 22', '2026-04-15 08', '2026-03-31 20', '2026-03-01 20']);
  });

  it('reads only the months the date range covers', () => {
    const { read, readMonth } = reader();
    const found = queryJournal(months, readMonth, parseFilter({ from: '2026-04-01', to: '2026-04-30' }, TODAY));
    expect(found.map((e) => e.date)).toEqual(['2026-04-15', '2026-04-15']);
    expect(read).toEqual(['2026-04']);
    expect(monthsInRange(months, '2026-03-31')).toEqual(['2026-03', '2026-04', '2026-05']);
    expect(monthsInRange(months, undefined, '2026-03-31')).toEqual(['2026-03']);
  });

  it('stops reading once the limit is reached', () => {
    const { read, readMonth } = reader();
    const found = queryJournal(months, readMonth, { limit: 3 });
    expect(found.map((e) => e.date)).toEqual(['2026-05-09', '2026-05-02', '2026-04-15']);
    expect(read).toEqual(['2026-05', '2026-04']);
  });

  it('combines filters', () => {
    const { readMonth } = reader();
    expect(queryJournal(months, readMonth, parseFilter({ kind: 'reflection' }, TODAY)).map((e) => e.date)).toEqual(['2026-04-15']);
    expect(queryJournal(months, readMonth, parseFilter({ search: 'notes for 2026-03', limit: 1 }, TODAY)).map((e) => e.date)).toEqual(['2026-03-31']);
  });
});
