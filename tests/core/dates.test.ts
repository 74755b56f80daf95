import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, isoWithOffset, isValidDate, parseDateArg, practiceDay } from '../../src/core/dates.js';
import { resolvePrincipleId } from '../../src/core/principles.js';

describe('dates', () => {
  it('knows real dates from impossible ones', () => {
    expect(isValidDate('2028-02-29')).toBe(true);
    expect(isValidDate('2025-02-29')).toBe(false);
    expect(isValidDate('2025-02-30')).toBe(false);
    expect(isValidDate('2025-13-01')).toBe(false);
    expect(isValidDate('25-01-01')).toBe(false);
  });

  it('does calendar arithmetic across month, year and leap-day ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(daysBetween('2026-03-07', '2026-03-09')).toBe(2);
  });

  it('parses date arguments relative to today', () => {
    expect(parseDateArg('today', '2026-11-21')).toBe('2026-11-21');
    expect(parseDateArg('yesterday', '2026-03-01')).toBe('2026-02-28');
    expect(parseDateArg('7d', '2026-11-21')).toBe('2026-11-14');
    expect(parseDateArg('2025-02-30', '2026-11-21')).toBeNull();
    expect(parseDateArg('soon', '2026-11-21')).toBeNull();
  });

  it('places an instant on the local practice day of a time zone', () => {
    // 02:30 UTC on 21 Nov is still 20 Nov in New York (UTC-5).
    expect(practiceDay(new Date('2026-11-21T02:30:00Z'), 0, 'America/New_York')).toBe('2026-11-20');
    // With the day starting at 04:00, 03:59 in Berlin belongs to the day before.
    expect(practiceDay(new Date('2026-11-21T02:59:00Z'), 4, 'Europe/Berlin')).toBe('2026-11-20');
    expect(practiceDay(new Date('2026-11-21T03:00:00Z'), 4, 'Europe/Berlin')).toBe('2026-11-21');
  });

  it('writes timestamps with the local offset, DST included', () => {
    expect(isoWithOffset(new Date('2026-07-01T12:00:00Z'), 'Europe/Berlin')).toBe('2026-07-01T14:00:00+02:00');
    expect(isoWithOffset(new Date('2026-12-01T12:00:00Z'), 'America/New_York')).toBe('2026-12-01T07:00:00-05:00');
  });
});

describe('principle ids', () => {
  it('resolves ids, numbers and unique prefixes, and nothing else', () => {
    expect(resolvePrincipleId('trust')).toBe('trust');
    expect(resolvePrincipleId('4')).toBe('trust');
    expect(resolvePrincipleId('Comm')).toBe('communication');
    expect(resolvePrincipleId('w')).toBe('wellbeing');
    expect(resolvePrincipleId('6')).toBeNull();
    expect(resolvePrincipleId('')).toBeNull();
    expect(resolvePrincipleId('x')).toBeNull();
  });
});

describe('isValidDate (by hand) agrees with Date.UTC', () => {
  const byDate = (text: string) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    if (!m) return false;
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const t = new Date(Date.UTC(y, mo - 1, d));
    return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
  };
  it('on every day of 1999-2001 and 2099-2101, on nonsense and edge cases', () => {
    const texts: string[] = ['', '2026-1-01', '2026-01-1', '2026/01/01', '2026-00-10', '2026-13-01', '2026-02-29', '2028-02-29', '1900-02-29', '2000-02-29', '0050-01-01', '0100-01-01', '9999-12-31', '2026-01-32', '２０２６-01-01', '2026-01-01 ', 'abcd-ef-gh'];
    for (const y of [1999, 2000, 2001, 2099, 2100, 2101]) for (let m = 1; m <= 12; m++) for (let d = 0; d <= 32; d++) texts.push(`${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
    for (const t of texts) expect(isValidDate(t), t).toBe(byDate(t));
  });
});
