import { describe, expect, it } from 'vitest';
import type { Entry } from '../../src/core/entry.js';
import { findOpen, followUpOf, parseFollowUpFlag } from '../../src/core/followup.js';
import { UsageError } from '../../src/errors.js';

let n = 0;
const entry = (date: string, more: Partial<Entry> = {}): Entry => ({
  id: `${date.replaceAll('-', '')}-${(n++).toString(36).padStart(4, '0')}`,
  kind: 'checkin',
  date,
  createdAt: `${date}T20:00:00+00:00`,
  principle: 'trust',
  answers: [],
  ...more,
});

describe('findOpen', () => {
  it('is the newest entry before the day with an intention or a practice', () => {
    const a = entry('2025-03-01', { intention: 'old plan' });
    const b = entry('2025-03-03', { practice: { id: 'trust-x', text: 'Do x' } });
    const c = entry('2025-03-04'); // no plan
    const today = entry('2025-03-05', { intention: 'today, not before today' });
    const { open, found } = findOpen([c, a, today, b], '2025-03-05');
    expect(found).toBe(true);
    expect(open!.entry.id).toBe(b.id);
    expect(open!.intention).toBeUndefined();
    expect(open!.practice).toEqual({ id: 'trust-x', text: 'Do x', done: false });
  });

  it('is closed once a later entry followed it up, and an older one is not brought back', () => {
    const a = entry('2025-03-01', { intention: 'older, never answered' });
    const b = entry('2025-03-02', { intention: 'plan' });
    const c = entry('2025-03-03', { followUp: { entryId: b.id, intention: 'kept' } });
    expect(findOpen([a, b, c], '2025-03-04')).toEqual({ open: null, found: true });
  });

  it('among entries of one day, the later one counts; blank intentions do not', () => {
    const a = entry('2025-03-01', { intention: 'morning', createdAt: '2025-03-01T08:00:00+00:00' });
    const b = entry('2025-03-01', { kind: 'reflection', intention: 'evening', createdAt: '2025-03-01T21:00:00+00:00' });
    const blank = entry('2025-03-02', { intention: '   ' });
    expect(findOpen([b, a, blank], '2025-03-03').open!.entry.id).toBe(b.id);
    expect(findOpen([], '2025-03-03')).toEqual({ open: null, found: false });
  });
});

describe('the follow-up record', () => {
  const open = (practiceDone: boolean, intention = true) =>
    findOpen([entry('2025-03-01', { intention: intention ? 'plan' : undefined, practice: { id: 'trust-x', text: 'x', ...(practiceDone ? { done: '2025-03-01T21:00:00+00:00' } : {}) } })], '2025-03-02').open!;

  it('one status covers both; two are intention then practice; a practice marked done is kept', () => {
    expect(followUpOf(open(false), ['partly'])).toMatchObject({ intention: 'partly', practice: 'partly' });
    expect(followUpOf(open(false), ['kept', 'missed'], '  busy day ')).toMatchObject({ intention: 'kept', practice: 'missed', note: 'busy day' });
    expect(followUpOf(open(true), ['dropped'])).toMatchObject({ intention: 'dropped', practice: 'kept' });
    expect(followUpOf(open(false, false), ['missed'])).toEqual({ entryId: expect.any(String), practice: 'missed' });
  });

  it('--followup accepts the four statuses (any case), one or two, and names them otherwise', () => {
    expect(parseFollowUpFlag('Kept')).toEqual(['kept']);
    expect(parseFollowUpFlag('kept, missed')).toEqual(['kept', 'missed']);
    for (const bad of ['done', 'kept,missed,partly', '', 'kept,']) {
      expect(() => parseFollowUpFlag(bad)).toThrow(UsageError);
      expect(() => parseFollowUpFlag(bad)).toThrow(/kept, partly, missed, dropped/);
    }
  });
});
