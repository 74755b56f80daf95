import { describe, expect, it } from 'vitest';
import { addDays, practiceDay, wallClock, type LocalDate } from '../../src/core/dates.js';
import { FREEZE_EVERY, MAX_FREEZES, streakInfo } from '../../src/core/streaks.js';

/** `n` consecutive days starting at `from`. */
function run(from: LocalDate, n: number): LocalDate[] {
  return Array.from({ length: n }, (_, i) => addDays(from, i));
}

/** The instant whose wall clock in `timeZone` reads `local` (YYYY-MM-DDTHH:MM); throws for times that do not exist. */
function at(local: string, timeZone: string): Date {
  const target = Date.parse(`${local}:00Z`);
  let t = target;
  for (let i = 0; i < 3; i++) t = target - wallClock(new Date(t), timeZone).offsetMinutes * 60_000;
  const c = wallClock(new Date(t), timeZone);
  const pad = (n: number) => String(n).padStart(2, '0');
  const read = `${c.date}T${pad(c.hour)}:${pad(c.minute)}`;
  if (read !== local) throw new Error(`${local} does not exist in ${timeZone} (got ${read})`);
  return new Date(t);
}

describe('streakInfo basics', () => {
  it('is empty for no days', () => {
    expect(streakInfo([], '2025-06-10')).toEqual({
      current: 0, longest: 0, totalDays: 0, freezesHeld: 0, frozenDays: [], practicedToday: false,
      atRisk: false, endsTonight: false, lastPracticed: null, nextFreezeIn: FREEZE_EVERY, streakStart: null,
    });
  });

  it('counts consecutive days ending today', () => {
    const info = streakInfo(run('2025-06-06', 5), '2025-06-10');
    expect(info).toMatchObject({ current: 5, longest: 5, totalDays: 5, practicedToday: true, atRisk: false, lastPracticed: '2025-06-10' });
  });

  it('keeps the streak open while today is not practised yet, and says it is at risk', () => {
    const info = streakInfo(run('2025-06-06', 4), '2025-06-10');
    expect(info).toMatchObject({ current: 4, practicedToday: false, atRisk: true, endsTonight: true, lastPracticed: '2025-06-09' });
  });

  it('breaks when a past day was missed and no freeze is held, but remembers the longest', () => {
    const days = [...run('2025-06-01', 5), ...run('2025-06-07', 2)];
    const info = streakInfo(days, '2025-06-10');
    expect(info).toMatchObject({ current: 0, longest: 5, totalDays: 7, atRisk: false, endsTonight: false });
    expect(streakInfo(days, '2025-06-09')).toMatchObject({ current: 2, longest: 5, atRisk: true });
  });

  it('ignores duplicates and unordered input', () => {
    const info = streakInfo(['2025-06-10', '2025-06-08', '2025-06-09', '2025-06-10', '2025-06-08'], '2025-06-10');
    expect(info).toMatchObject({ current: 3, totalDays: 3 });
  });

  it('counts a day after today (a trip west over the date line) as today', () => {
    const info = streakInfo(['2025-06-08', '2025-06-09', '2025-06-11'], '2025-06-10');
    expect(info).toMatchObject({ current: 3, practicedToday: true, lastPracticed: '2025-06-10' });
  });
});

describe('calendar edges', () => {
  it('runs across a month end and a year end', () => {
    expect(streakInfo(run('2025-01-29', 5), '2025-02-02').current).toBe(5);
    expect(streakInfo(run('2025-12-29', 6), '2026-01-03').current).toBe(6);
    expect(streakInfo(run('2025-04-29', 3), '2025-05-01').current).toBe(3);
  });

  it('treats 2028-02-29 as a real day: practising it continues the streak, missing it breaks it', () => {
    expect(streakInfo(run('2028-02-27', 4), '2028-03-01')).toMatchObject({ current: 4, totalDays: 4 });
    expect(streakInfo(['2028-02-27', '2028-02-28', '2028-03-01'], '2028-03-01').current).toBe(1);
  });

  it('goes straight from 2027-02-28 to 2027-03-01 in a common year', () => {
    expect(streakInfo(['2027-02-27', '2027-02-28', '2027-03-01'], '2027-03-01').current).toBe(3);
  });
});

describe('clock changes (days come from real instants via practiceDay)', () => {
  const days = (times: string[], tz: string, startHour = 0) => times.map((t) => practiceDay(at(t, tz), startHour, tz));

  it('America/New_York spring forward: 23:30 each evening is 23 hours apart but one day apart', () => {
    const instants = ['2025-03-07T23:30', '2025-03-08T23:30', '2025-03-09T23:30', '2025-03-10T23:30'].map((t) => at(t, 'America/New_York'));
    expect(instants[2]!.getTime() - instants[1]!.getTime()).toBe(23 * 3600_000);
    const d = instants.map((i) => practiceDay(i, 0, 'America/New_York'));
    expect(d).toEqual(['2025-03-07', '2025-03-08', '2025-03-09', '2025-03-10']);
    expect(streakInfo(d, '2025-03-10').current).toBe(4);
  });

  it('America/New_York spring forward: 00:05 and 23:55 on the 23-hour day are one day, not two', () => {
    const d = days(['2025-03-08T12:00', '2025-03-09T00:05', '2025-03-09T23:55', '2025-03-10T07:00'], 'America/New_York');
    expect(streakInfo(d, '2025-03-10')).toMatchObject({ current: 3, totalDays: 3 });
  });

  it('America/New_York fall back: the 25-hour day and the repeated 01:30 count once', () => {
    const tz = 'America/New_York';
    const first = new Date('2025-11-02T05:30:00Z'); // 01:30 EDT
    const second = new Date('2025-11-02T06:30:00Z'); // 01:30 EST, an hour later
    expect([wallClock(first, tz).hour, wallClock(second, tz).hour]).toEqual([1, 1]);
    const d = [...days(['2025-11-01T22:00', '2025-11-02T00:10', '2025-11-02T23:50', '2025-11-03T08:00'], tz), practiceDay(first, 0, tz), practiceDay(second, 0, tz)];
    expect(at('2025-11-02T23:50', tz).getTime() - at('2025-11-02T00:10', tz).getTime()).toBe(24 * 3600_000 + 40 * 60_000);
    expect(streakInfo(d, '2025-11-03')).toMatchObject({ current: 3, totalDays: 3 });
  });

  it('Europe/Berlin spring forward: daily 22:00 check-ins across 2025-03-30 keep the streak', () => {
    const d = days(['2025-03-28T22:00', '2025-03-29T22:00', '2025-03-30T22:00', '2025-03-31T22:00'], 'Europe/Berlin');
    expect(d).toEqual(['2025-03-28', '2025-03-29', '2025-03-30', '2025-03-31']);
    expect(streakInfo(d, '2025-03-31').current).toBe(4);
  });

  it('Europe/Berlin fall back: daily 00:30 check-ins across 2025-10-26 neither skip nor double', () => {
    const d = days(['2025-10-25T00:30', '2025-10-26T00:30', '2025-10-26T23:30', '2025-10-27T00:30'], 'Europe/Berlin');
    expect(new Set(d).size).toBe(3);
    expect(streakInfo(d, '2025-10-27')).toMatchObject({ current: 3, totalDays: 3 });
  });

  it('Europe/Berlin spring forward with dayStartHour 4: 03:30 CEST on the short night still belongs to the day before', () => {
    const d = days(['2025-03-29T21:00', '2025-03-30T03:30', '2025-03-30T21:00'], 'Europe/Berlin', 4);
    expect(d).toEqual(['2025-03-29', '2025-03-29', '2025-03-30']);
    expect(streakInfo(d, '2025-03-30')).toMatchObject({ current: 2, totalDays: 2 });
  });
});

describe('dayStartHour', () => {
  const tz = 'America/New_York';

  it('with 4, check-ins at 03:59 and 00:30 count for the previous day, so a night owl keeps the streak', () => {
    const times = ['2025-06-02T23:00', '2025-06-04T03:59', '2025-06-05T00:30'];
    const owl = times.map((t) => practiceDay(at(t, tz), 4, tz));
    expect(owl).toEqual(['2025-06-02', '2025-06-03', '2025-06-04']);
    expect(streakInfo(owl, '2025-06-04').current).toBe(3);
    // Midnight as the boundary: the same instants leave 2025-06-03 empty and break the streak.
    const early = times.map((t) => practiceDay(at(t, tz), 0, tz));
    expect(early).toEqual(['2025-06-02', '2025-06-04', '2025-06-05']);
    expect(streakInfo(early, '2025-06-05').current).toBe(2);
  });

  it('04:00 starts the new day with dayStartHour 4, and 00:30 does with 0', () => {
    expect(practiceDay(at('2025-06-04T04:00', tz), 4, tz)).toBe('2025-06-04');
    expect(practiceDay(at('2025-06-04T00:30', tz), 0, tz)).toBe('2025-06-04');
  });

  it('at 03:59 with dayStartHour 4, "today" is still yesterday: the streak is not at risk yet', () => {
    const today = practiceDay(at('2025-06-05T03:59', tz), 4, tz);
    expect(streakInfo(run('2025-06-01', 4), today)).toMatchObject({ practicedToday: true, atRisk: false, current: 4 });
  });
});

describe('freezes', () => {
  it(`earns one after ${FREEZE_EVERY} consecutive days, not before`, () => {
    expect(streakInfo(run('2025-06-01', 6), '2025-06-06')).toMatchObject({ freezesHeld: 0, nextFreezeIn: 1 });
    expect(streakInfo(run('2025-06-01', 7), '2025-06-07')).toMatchObject({ freezesHeld: 1, nextFreezeIn: 7 });
    expect(streakInfo(run('2025-06-01', 14), '2025-06-14')).toMatchObject({ freezesHeld: 2, nextFreezeIn: 0 });
  });

  it(`holds at most ${MAX_FREEZES}`, () => {
    expect(streakInfo(run('2025-06-01', 60), '2025-07-30').freezesHeld).toBe(MAX_FREEZES);
  });

  it('spends one on a missed day: the streak survives and the frozen day adds nothing', () => {
    const days = [...run('2025-06-01', 7), ...run('2025-06-09', 3)];
    const info = streakInfo(days, '2025-06-11');
    expect(info).toMatchObject({ current: 10, freezesHeld: 0, frozenDays: ['2025-06-08'], longest: 10, totalDays: 10, streakStart: '2025-06-01' });
  });

  it('covers two missed days with two freezes, and breaks on a third', () => {
    const two = [...run('2025-06-01', 14), ...run('2025-06-17', 1)];
    expect(streakInfo(two, '2025-06-17')).toMatchObject({ current: 15, freezesHeld: 0, frozenDays: ['2025-06-15', '2025-06-16'] });
    const three = [...run('2025-06-01', 14), ...run('2025-06-18', 1)];
    expect(streakInfo(three, '2025-06-18')).toMatchObject({ current: 1, longest: 14, freezesHeld: 0 });
  });

  it('a freeze also covers yesterday while today is still open: at risk, and it ends tonight with none left', () => {
    const info = streakInfo(run('2025-06-01', 7), '2025-06-09');
    expect(info).toMatchObject({ current: 7, frozenDays: ['2025-06-08'], freezesHeld: 0, atRisk: true, endsTonight: true });
    const held = streakInfo(run('2025-06-01', 14), '2025-06-15');
    expect(held).toMatchObject({ current: 14, freezesHeld: 2, atRisk: true, endsTonight: false });
  });

  it('counts toward the next freeze from the last freeze spent: days before it do not carry over', () => {
    // 10 days earn one at day 7 (3 more toward the next), a miss spends it and resets the count.
    const base = [...run('2025-06-01', 10), ...run('2025-06-12', 6)];
    expect(streakInfo(base, '2025-06-17')).toMatchObject({ current: 16, freezesHeld: 0, nextFreezeIn: 1 });
    expect(streakInfo([...base, '2025-06-18'], '2025-06-18')).toMatchObject({ current: 17, freezesHeld: 1 });
  });

  it('at the cap, reaching 7 more earns nothing and the count starts again', () => {
    // 21 days: earned at 7 and 14, nothing at 21. Miss one (2 -> 1 held), then 7 days earn it back.
    const days = [...run('2025-06-01', 21), ...run('2025-06-23', 7)];
    expect(streakInfo(days.slice(0, 21), '2025-06-21')).toMatchObject({ freezesHeld: 2, nextFreezeIn: 0 });
    expect(streakInfo([...days.slice(0, 21), ...run('2025-06-23', 6)], '2025-06-28')).toMatchObject({ freezesHeld: 1, nextFreezeIn: 1 });
    expect(streakInfo(days, '2025-06-29')).toMatchObject({ current: 28, freezesHeld: 2, frozenDays: ['2025-06-22'] });
  });

  it('lists frozen days across history, even of a streak that later broke', () => {
    const days = [...run('2025-06-01', 7), ...run('2025-06-09', 2), ...run('2025-06-14', 1)];
    expect(streakInfo(days, '2025-06-14')).toMatchObject({ current: 1, longest: 9, frozenDays: ['2025-06-08'], streakStart: '2025-06-14' });
  });
});

describe('back-filling a missed day', () => {
  it('repairs a broken streak', () => {
    const gap = [...run('2025-06-01', 5), ...run('2025-06-07', 3)];
    expect(streakInfo(gap, '2025-06-09').current).toBe(3);
    expect(streakInfo([...gap, '2025-06-06'], '2025-06-09')).toMatchObject({ current: 9, longest: 9 });
  });

  it('gives back the freeze that covered the day', () => {
    const gap = [...run('2025-06-01', 7), ...run('2025-06-09', 2)];
    expect(streakInfo(gap, '2025-06-10')).toMatchObject({ current: 9, freezesHeld: 0, frozenDays: ['2025-06-08'] });
    expect(streakInfo([...gap, '2025-06-08'], '2025-06-10')).toMatchObject({ current: 10, freezesHeld: 1, frozenDays: [] });
  });
});

describe('input hygiene', () => {
  it('skips strings that are not real dates', () => {
    expect(streakInfo(['2025-06-09', '2025-02-30', 'nope', '2025-06-10'], '2025-06-10')).toMatchObject({ current: 2, totalDays: 2 });
  });

  it('handles ten years of daily practice', () => {
    const days = run('2015-06-11', 3653);
    expect(streakInfo(days, '2025-06-10')).toMatchObject({ current: 3653, longest: 3653, freezesHeld: 2 });
  });
});

describe('date checks inside streakInfo', () => {
  it('accepts 29 February only in leap years (2000 and 2028 yes; 1900, 2100 and 2027 no)', () => {
    for (const [day, ok] of [['2000-02-29', 1], ['2028-02-29', 1], ['1900-02-29', 0], ['2100-02-29', 0], ['2027-02-29', 0], ['2025-04-31', 0], ['2025-13-01', 0], ['2025-00-10', 0], ['2025-01-00', 0]] as const) {
      expect(streakInfo([day], '2200-01-01').totalDays, day).toBe(ok);
    }
  });
});
