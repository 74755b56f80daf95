import { describe, expect, it } from 'vitest';
import type { Entry } from '../../src/core/entry.js';
import { monthsBack, onThisDay } from '../../src/core/on-this-day.js';
import { roughDays } from '../../src/core/safety.js';
import { suggestPrinciple } from '../../src/core/suggest.js';

describe('on this day', () => {
  it('goes back whole calendar months, to the month\'s last day when it is shorter', () => {
    expect(monthsBack('2025-03-31', 1)).toBe('2025-02-28');
    expect(monthsBack('2024-03-31', 1)).toBe('2024-02-29');
    expect(monthsBack('2025-01-15', 6)).toBe('2024-07-15');
    expect(monthsBack('2025-02-29'.replace('29', '28'), 12)).toBe('2024-02-28');
  });

  it('prefers a year, then six months, then a month ago; skips entries with no words', () => {
    const e = (date: string, answer: string): Entry => ({ id: `${date.replaceAll('-', '')}-aaaa`, kind: 'checkin', date, createdAt: `${date}T10:00:00Z`, principle: 'trust', answers: answer ? [{ prompt: 'p', answer }] : [] });
    const days: Record<string, Entry[]> = { '2024-06-10': [e('2024-06-10', 'a year back')], '2025-05-10': [e('2025-05-10', 'last month')], '2024-12-10': [e('2024-12-10', '')] };
    expect(onThisDay('2025-06-10', (d) => days[d] ?? [])).toBe('A year ago (2024-06-10): “a year back”');
    delete days['2024-06-10'];
    expect(onThisDay('2025-06-10', (d) => days[d] ?? [])).toBe('A month ago (2025-05-10): “last month”');
    expect(onThisDay('2025-06-11', (d) => days[d] ?? [])).toBeNull();
  });
});

describe('three rough days', () => {
  const moods: Record<string, number> = { '2025-03-01': 2, '2025-03-02': 1, '2025-03-03': 2, '2025-03-05': 1 };
  it('needs a mood of 1 or 2 on three days in a row, and not shown in the last 7 days', () => {
    expect(roughDays('2025-03-03', (d) => moods[d], undefined)).toBe(true);
    expect(roughDays('2025-03-03', (d) => moods[d], '2025-02-24')).toBe(true);
    expect(roughDays('2025-03-03', (d) => moods[d], '2025-02-25')).toBe(false);
    expect(roughDays('2025-03-02', (d) => moods[d], undefined)).toBe(false);
    expect(roughDays('2025-03-05', (d) => moods[d], undefined)).toBe(false);
  });
});

describe('the review\'s focus leans the suggestion', () => {
  const days = { '2025-03-01': { principles: ['attention', 'trust'] }, '2025-03-02': { principles: ['communication', 'wellbeing', 'intimacy', 'trust'] } };
  it('counts once less and wins ties, so it is chosen when at most one ahead; not when further ahead', () => {
    expect(suggestPrinciple(days, '2025-03-03').principle).toBe('attention'); // four tied at 1: practised longest ago
    const lean = suggestPrinciple(days, '2025-03-03', undefined, 'trust');
    expect(lean).toMatchObject({ principle: 'trust', reason: expect.stringContaining('focus') });
    const busy = { ...days, '2025-03-02': { principles: ['trust', 'trust'] }, '2025-03-01': { principles: ['trust'] } };
    expect(suggestPrinciple(busy, '2025-03-03', undefined, 'trust').principle).toBe('attention');
  });
});
