import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/dates.js';
import { UsageError } from '../../src/errors.js';
import { parseWeekArg, weekById, weekDays, weekOf } from '../../src/core/weeks.js';

describe('weeks', () => {
  it('Monday weeks are ISO weeks, across year ends', () => {
    expect(weekOf('2025-03-12')).toEqual({ id: '2025-W11', start: '2025-03-10', end: '2025-03-16' });
    expect(weekOf('2024-12-30').id).toBe('2025-W01'); // Monday of ISO 2025-W01
    expect(weekOf('2021-01-03').id).toBe('2020-W53'); // a Sunday in a 53-week year
    expect(weekOf('2026-12-31').id).toBe('2026-W53');
  });

  it('Sunday weeks begin the Sunday before the ISO Monday and keep its name', () => {
    expect(weekOf('2025-03-09', 'sun')).toEqual({ id: '2025-W11', start: '2025-03-09', end: '2025-03-15' });
    expect(weekOf('2025-03-15', 'sun').id).toBe('2025-W11');
    expect(weekOf('2025-03-16', 'sun').id).toBe('2025-W12');
  });

  it('weekById is the inverse of weekOf for both starts, every day of several years', () => {
    for (const start of ['mon', 'sun'] as const) {
      let day = '2019-12-01';
      for (let i = 0; i < 3 * 366; i++) {
        const w = weekOf(day, start);
        expect(weekById(w.id, start)).toEqual(w);
        expect(weekDays(w)).toContain(day);
        day = addDays(day, 1);
      }
    }
    expect(weekById('2025-W53')).toBeNull(); // 2025 has 52 weeks
    expect(weekById('2025-W00')).toBeNull();
  });

  it('--week: last (default), this, an id; bad or future weeks are usage errors naming the forms', () => {
    expect(parseWeekArg(undefined, '2025-03-12').id).toBe('2025-W10');
    expect(parseWeekArg('this', '2025-03-12').id).toBe('2025-W11');
    expect(parseWeekArg('2025-w02', '2025-03-12').start).toBe('2025-01-06');
    expect(() => parseWeekArg('soon', '2025-03-12')).toThrow(UsageError);
    expect(() => parseWeekArg('soon', '2025-03-12')).toThrow(/last, this or a week like 2025-W11/);
    expect(() => parseWeekArg('2025-W12', '2025-03-12')).toThrow(/has not begun/);
  });
});
