import { describe, expect, it } from 'vitest';
import { weekday } from '../../src/core/dates.js';
import { calendarWeeks, computeStats, mondayOf, type DayFigures, type StatsInput } from '../../src/core/stats.js';

const day = (over: Partial<DayFigures> = {}): DayFigures => ({ checkins: 1, reflections: 0, principles: ['trust'], moods: [4], ...over });
const zero = { attention: 0, communication: 0, wellbeing: 0, trust: 0, intimacy: 0 };
const input = (days: StatsInput['days'], today: string, over: Partial<StatsInput> = {}): StatsInput => ({
  days,
  today,
  lessonsRead: {},
  mastery: zero,
  quiz: { answered: 0, due: 0 },
  ...over,
});

describe('computeStats', () => {
  it('is all zeros for an empty journal', () => {
    const st = computeStats(input({}, '2026-03-11'));
    expect(st.streak).toEqual({ current: 0, longest: 0, freezesHeld: 0, nextFreezeIn: 7, practicedToday: false, lastPracticed: null });
    expect(st.totals).toEqual({ days: 0, checkins: 0, reflections: 0 });
    expect(st.calendar.entries).toEqual({});
    expect(st.mood.daily).toEqual(Array(30).fill(null));
    expect(st.mood.average).toBeNull();
    expect(st.principles.map((p) => p.practised)).toEqual([0, 0, 0, 0, 0]);
    expect(st.lessons).toEqual({ read: 0, total: 5, unread: ['attention', 'communication', 'wellbeing', 'trust', 'intimacy'] });
  });

  it('counts days, check-ins, reflections and practice per principle', () => {
    const st = computeStats(
      input(
        {
          '2026-03-09': day({ principles: ['trust', 'attention'], reflections: 1 }),
          '2026-03-10': day({ checkins: 2, principles: ['trust', 'trust'] }),
          '2026-03-11': day({ checkins: 0, reflections: 1, principles: ['intimacy'], moods: [] }),
        },
        '2026-03-11',
      ),
    );
    expect(st.totals).toEqual({ days: 3, checkins: 3, reflections: 2 });
    expect(Object.fromEntries(st.principles.map((p) => [p.id, p.practised]))).toEqual({ attention: 1, communication: 0, wellbeing: 0, trust: 3, intimacy: 1 });
    expect(st.streak).toMatchObject({ current: 3, longest: 3, practicedToday: true, lastPracticed: '2026-03-11' });
  });

  it('ignores days after today (clock moved back) everywhere', () => {
    const st = computeStats(input({ '2026-03-10': day(), '2026-03-12': day() }, '2026-03-11'));
    expect(st.totals.days).toBe(1);
    expect(Object.keys(st.calendar.entries)).toEqual(['2026-03-10']);
  });

  it('puts a year of weeks in the calendar, Monday first, with entries and freezes in range', () => {
    const days: StatsInput['days'] = {};
    // Seven days in a row earn a freeze; the missed 2026-03-08 spends it.
    for (let d = 1; d <= 7; d++) days[`2026-03-0${d}`] = day({ checkins: d === 3 ? 2 : 1, reflections: d === 3 ? 1 : 0 });
    days['2026-03-09'] = day();
    days['2024-01-01'] = day(); // long before the calendar starts
    const st = computeStats(input(days, '2026-03-11'));
    expect(st.calendar.from).toBe('2025-03-10');
    expect(weekday(st.calendar.from)).toBe(1);
    expect(st.calendar.to).toBe('2026-03-11');
    expect(st.calendar.entries['2026-03-03']).toBe(3);
    expect(st.calendar.entries['2026-03-01']).toBe(1);
    expect(st.calendar.entries).not.toHaveProperty('2024-01-01');
    expect(st.calendar.frozen).toEqual(['2026-03-08']);
    expect(st.totals.days).toBe(9);
  });

  it('gives the mood of each of the last 30 days and the average of every mood logged', () => {
    const st = computeStats(
      input({ '2026-02-09': day({ moods: [1] }), '2026-02-10': day({ moods: [2, 5] }), '2026-03-11': day({ moods: [4] }), '2026-03-05': day({ moods: [] }) }, '2026-03-11'),
    );
    expect(st.mood.from).toBe('2026-02-10');
    expect(st.mood.daily).toHaveLength(30);
    expect(st.mood.daily[0]).toBe(3.5); // 2026-02-10; 2026-02-09 is outside the 30 days
    expect(st.mood.daily[29]).toBe(4);
    expect(st.mood.daily.filter((m) => m !== null)).toEqual([3.5, 4]);
    expect(st.mood.average).toBe(3.67); // (2 + 5 + 4) / 3
    expect(st.mood.daysWithMood).toBe(2);
  });

  it('passes quiz figures through and reports lessons read in lesson order', () => {
    const st = computeStats(
      input({}, '2026-03-11', {
        lessonsRead: { trust: '2026-03-01', attention: '2026-02-01', unknown: '2026-01-01' },
        mastery: { ...zero, trust: 0.75 },
        quiz: { answered: 4, due: 1 },
      }),
    );
    expect(st.lessons).toEqual({ read: 2, total: 5, unread: ['communication', 'wellbeing', 'intimacy'] });
    expect(st.principles.find((p) => p.id === 'trust')?.mastery).toBe(0.75);
    expect(st.quiz).toEqual({ answered: 4, due: 1 });
  });
});

describe('calendar helpers', () => {
  it('mondayOf finds the Monday on or before a date', () => {
    expect(mondayOf('2026-03-09')).toBe('2026-03-09');
    expect(mondayOf('2026-03-15')).toBe('2026-03-09');
    expect(mondayOf('2026-01-01')).toBe('2025-12-29');
  });

  it('calendarWeeks makes full weeks, with null after the last day', () => {
    const weeks = calendarWeeks('2026-03-02', '2026-03-11');
    expect(weeks).toHaveLength(2);
    expect(weeks[0]).toEqual(['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07', '2026-03-08']);
    expect(weeks[1]).toEqual(['2026-03-09', '2026-03-10', '2026-03-11', null, null, null, null]);
    expect(calendarWeeks('2025-03-10', '2026-03-11')).toHaveLength(53);
  });
});
