import { describe, expect, it } from 'vitest';
import { addDays, practiceDay, wallClock } from '../../src/core/dates.js';
import { byLateness, dueInfo, duePeopleOn, dueStates, nextWords, remindFloor, sinceWords, soonLine, type DueInfo } from '../../src/core/people-due.js';
import { peopleReminder } from '../../src/core/remind.js';
import type { Person } from '../../src/core/people.js';

const person = (extra: Partial<Person> = {}): Person => ({
  id: 'p-aaaaaa', name: 'Ana', aliases: [], every: '2w', addedOn: '2026-01-01', createdAt: '2026-01-01T10:00:00+00:00', updatedAt: '2026-01-01T10:00:00+00:00', ...extra,
});

describe('the due rule', () => {
  it('is due on the day, not the day before, and stays due after', () => {
    const p = person();
    expect(dueInfo(p, '2026-03-01', '2026-03-14')).toMatchObject({ status: 'soon', dueOn: '2026-03-15', late: -1 });
    expect(dueInfo(p, '2026-03-01', '2026-03-15')).toMatchObject({ status: 'due', late: 0, days: 14 });
    expect(dueInfo(p, '2026-03-01', '2026-03-20')).toMatchObject({ status: 'due', late: 5, days: 19 });
    expect(dueInfo(p, '2026-03-01', '2026-03-10').status).toBe('later');
  });

  it('counts from the day added until a first connection', () => {
    expect(dueInfo(person({ addedOn: '2026-03-01' }), null, '2026-03-15')).toMatchObject({ status: 'due', last: null, since: '2026-03-01' });
    // harmony counts from the day someone was added: a connection logged for a day before that does not move it.
    expect(dueInfo(person({ addedOn: '2026-03-10' }), '2026-03-05', '2026-03-19')).toMatchObject({ status: 'later', dueOn: '2026-03-24', since: '2026-03-10', last: null });
  });

  it('months end on the calendar: a month after 31 January is the end of February; leap years', () => {
    const monthly = person({ every: '1m' });
    expect(dueInfo(monthly, '2026-01-31', '2026-02-27').status).toBe('soon');
    expect(dueInfo(monthly, '2026-01-31', '2026-02-28')).toMatchObject({ status: 'due', dueOn: '2026-02-28' });
    expect(dueInfo(monthly, '2028-01-31', '2028-02-28').status).toBe('soon');
    expect(dueInfo(monthly, '2028-01-31', '2028-02-29')).toMatchObject({ status: 'due', dueOn: '2028-02-29' });
    expect(dueInfo(person({ every: '1y' }), '2028-02-29', '2029-02-28')).toMatchObject({ status: 'due', dueOn: '2029-02-28' });
    expect(dueInfo(person({ every: '1w' }), '2028-02-26', '2028-03-04')).toMatchObject({ status: 'due', dueOn: '2028-03-04' });
  });

  it('paused people and people with no rhythm are never due', () => {
    expect(dueInfo(person({ paused: true }), '2020-01-01', '2026-03-20')).toMatchObject({ status: 'paused', dueOn: null });
    expect(dueInfo(person({ every: undefined }), null, '2030-01-01')).toMatchObject({ status: 'no-cadence', dueOn: null });
  });

  it('a snooze hides someone until its day; a connection on or after the day it was set ends it', () => {
    const p = person({ snooze: { from: '2026-03-16', until: '2026-03-23' } });
    expect(dueInfo(p, '2026-03-01', '2026-03-16').status).toBe('snoozed');
    expect(dueInfo(p, '2026-03-01', '2026-03-22').status).toBe('snoozed');
    expect(dueInfo(p, '2026-03-01', '2026-03-23').status).toBe('due'); // its day: back
    expect(dueInfo({ ...p, every: '1d' }, '2026-03-17', '2026-03-20').status).toBe('due'); // a connection ended it
    expect(dueInfo(p, '2026-03-15', '2026-03-20').status).toBe('snoozed'); // an older one does not
    expect(nextWords(dueInfo(p, '2026-03-01', '2026-03-20'), '2026-03-20')).toBe('snoozed until 2026-03-23');
  });

  it('sorts the due by lateness relative to their rhythm', () => {
    const weekly = person({ id: 'p-weekly', name: 'Wes', every: '1w' }); // 10 days late of 7
    const monthly = person({ id: 'p-monthl', name: 'Mo', every: '1m' }); // 20 days late of 31
    const fresh = person({ id: 'p-fresh1', name: 'Fi', every: '1w' }); // due today
    const doc = { schemaVersion: 1, people: [monthly, fresh, weekly, person({ id: 'p-later1', name: 'La' }), person({ id: 'p-pause1', name: 'Pa', paused: true })] };
    const today = '2026-04-20';
    const lasts = new Map([['p-weekly', '2026-04-03'], ['p-monthl', '2026-02-28'], ['p-fresh1', '2026-04-13'], ['p-later1', '2026-04-19'], ['p-pause1', '2025-01-01']]);
    const states = dueStates(doc, lasts, today);
    expect(states.map((d) => [d.person.name, d.status])).toEqual([['Wes', 'due'], ['Mo', 'due'], ['Fi', 'due'], ['La', 'later'], ['Pa', 'paused']]);
    const due = states.filter((d) => d.status === 'due');
    expect([...due].sort(byLateness).map((d) => d.person.name)).toEqual(['Wes', 'Mo', 'Fi']);
  });

  it('speaks without guilt', () => {
    const d = dueInfo(person(), '2026-03-01', '2026-03-10');
    expect(sinceWords(d, 'Ana')).toBe('it has been 9 days since you and Ana connected');
    expect(sinceWords(dueInfo(person({ addedOn: '2026-03-01' }), null, '2026-03-02'), 'Ana')).toBe('it has been 1 day since you added Ana');
    const all: DueInfo[] = [d, dueInfo(person({ every: '1d' }), '2026-01-01', '2026-03-10'), dueInfo(person({ snooze: { from: '2026-03-09', until: '2026-03-12' } }), '2026-03-01', '2026-03-10')];
    const words = [
      ...all.map((x) => sinceWords(x, 'Ana')), ...all.map((x) => nextWords(x, '2026-03-10')), soonLine(all, '2026-03-10', () => 'Ana') ?? '',
      ...(['names', 'count'] as const).map((m) => peopleReminder({ count: 3, first: { name: 'Ana', last: '2026-03-01', days: 9 } }, m) ?? ''),
    ].join('\n');
    expect(words).not.toMatch(/neglect|fail|overdue|behind|forgot|ignor|guilt|should|must/i);
  });
});

describe('the reminder line for each reminderPeople mode', () => {
  const ana = person();
  const ben = person({ id: 'p-bbbbbb', name: 'Ben' });
  const lasts = new Map([[ana.id, '2026-03-01'], [ben.id, '2026-03-02']]);
  const name = (p: Person) => p.name!;
  const [on20] = duePeopleOn([ana, ben], lasts, ['2026-03-20'], name);
  it('names: the most late one by name, and how many more', () => {
    expect(peopleReminder(on20!, 'names')).toBe('harmony · it has been 19 days since you and Ana connected (and 1 more): harmony people --due');
    const [alone] = duePeopleOn([ben, ana], new Map([[ana.id, '2026-03-01'], [ben.id, '2026-03-19']]), ['2026-03-20'], name);
    expect(peopleReminder(alone!, 'names')).toBe('harmony · it has been 19 days since you and Ana connected: harmony people --due');
  });
  it('count: how many, no name', () => {
    const [counted] = duePeopleOn([ana, ben], lasts, ['2026-03-20']);
    expect(counted!.first).toBeNull();
    const line = peopleReminder(counted!, 'count')!;
    expect(line).toMatch(/2 people/);
    expect(line).not.toMatch(/Ana|Ben/);
    expect(peopleReminder({ count: 1, first: null }, 'count')).toMatch(/someone you care about/);
  });
  it('off, or no one due: nothing', () => {
    expect(peopleReminder(on20!, 'off')).toBeNull();
    expect(peopleReminder({ count: 0, first: null }, 'names')).toBeNull();
  });
  it('day by day, as the cache needs it, agrees with dueInfo (snooze, pause, months)', () => {
    const people = [ana, ben, person({ id: 'p-cccccc', name: 'Cy', every: '1m', snooze: { from: '2026-03-25', until: '2026-04-02' } }), person({ id: 'p-dddddd', name: 'Di', paused: true })];
    const l = new Map([[ana.id, '2026-03-10'], [ben.id, '2026-03-20'], ['p-cccccc', '2026-02-28']]);
    const days = Array.from({ length: 20 }, (_, i) => addDays('2026-03-20', i));
    const series = duePeopleOn(people, l, days, name);
    days.forEach((day, i) => {
      const due = people.map((p) => dueInfo(p, l.get(p.id), day)).filter((d) => d.status === 'due').sort(byLateness);
      expect(series[i]!.count, day).toBe(due.length);
      expect(series[i]!.first?.name ?? null, day).toBe(due[0]?.person.name ?? null);
    });
  });
});

// The local calendar day is what counts, also on the nights clocks change. For each zone, the
// nights around both changes of 2026, at 23:30 and 00:30 local, with dayStartHour 0 and 4: a
// connection then belongs to that practice day, and a daily rhythm is due the next practice
// day, not a moment earlier or later (a 23- or 25-hour day must not skip or repeat one).
const ZONES: Record<string, string[]> = {
  'Europe/London': ['2026-03-29', '2026-10-25'],
  'America/Santiago': ['2026-04-05', '2026-09-06'],
};

/** Every instant whose wall clock in `zone` reads `date` `hh:mm` (none in a gap, two in an overlap). */
function instantsAt(zone: string, date: string, hh: number, mm: number): Date[] {
  const out: Date[] = [];
  const base = Date.parse(`${date}T${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}:00Z`);
  for (let offset = -16 * 60; offset <= 16 * 60; offset += 15) {
    const t = new Date(base - offset * 60_000);
    const c = wallClock(t, zone);
    if (c.date === date && c.hour === hh && c.minute === mm && !out.some((o) => o.getTime() === t.getTime())) out.push(t);
  }
  return out;
}

describe('DST: due in local calendar days', () => {
  const cases: [string, string, number, number][] = [];
  for (const [zone, changes] of Object.entries(ZONES)) {
    for (const change of changes) {
      for (const day of [addDays(change, -1), change, addDays(change, 1)]) {
        cases.push([zone, day, 23, 30], [zone, day, 0, 30]);
      }
    }
  }
  it.each(cases)('%s on %s at %i:%i', (zone, date, hh, mm) => {
    const instants = instantsAt(zone, date, hh, mm);
    if (zone === 'America/Santiago' && date === '2026-09-06' && hh === 0) expect(instants).toHaveLength(0); // the clocks skip 00:00-01:00
    else if (zone === 'America/Santiago' && date === '2026-04-04' && hh === 23) expect(instants).toHaveLength(2); // 23:00-24:00 twice
    else expect(instants).toHaveLength(1);
    for (const at of instants) {
      for (const dsh of [0, 4]) {
        const expected = hh < dsh ? addDays(date, -1) : date;
        const day = practiceDay(at, dsh, zone);
        expect(day).toBe(expected);
        const daily = person({ every: '1d', addedOn: '2026-01-01' });
        expect(dueInfo(daily, day, day).status).toBe('soon');
        // One practice day later, at the same wall time (whatever the clocks did): due.
        for (const next of instantsAt(zone, addDays(date, 1), hh, mm)) {
          expect(dueInfo(daily, day, practiceDay(next, dsh, zone))).toMatchObject({ status: 'due', late: 0 });
        }
        // A minute before that practice day starts: not yet.
        const boundary = instantsAt(zone, addDays(expected, 1), dsh, 0)[0] ?? instantsAt(zone, addDays(expected, 1), dsh + 1, 0)[0]!;
        expect(dueInfo(daily, day, practiceDay(new Date(boundary.getTime() - 60_000), dsh, zone)).status).toBe('soon');
        // A week of calendar days later at the same wall time (not 7 × 24 hours, which the
        // clock change would shift across midnight): due that day.
        for (const week of instantsAt(zone, addDays(date, 7), hh, mm)) {
          expect(dueInfo(person({ every: '1w' }), day, practiceDay(week, dsh, zone)).late).toBe(0);
        }
      }
    }
  });
});

describe('remindFloor: how far back the shell reminder reads', () => {
  // For random people, rhythms, snoozes and connection histories, knowing only the latest
  // connection on or after each one's floor gives the same due list as the whole history.
  it('gives the same due people as reading every connection', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const rhythms = ['1d', '3d', '1w', '2w', '1m', '3m', '1y', undefined];
    const days = (from: string, n: number) => addDays(from, Math.floor(random() * n));
    for (let round = 0; round < 300; round++) {
      const today = days('2026-01-01', 800);
      const p = person({
        addedOn: addDays(today, -Math.floor(random() * 900)),
        every: rhythms[Math.floor(random() * rhythms.length)],
        ...(random() < 0.3 ? { snooze: { from: addDays(today, -Math.floor(random() * 20)), until: addDays(today, Math.floor(random() * 10) - 3) } } : {}),
      });
      const history = Array.from({ length: Math.floor(random() * 4) }, () => addDays(today, -Math.floor(random() * 1000))).sort();
      const latest = history.at(-1);
      const floor = remindFloor(p, today);
      const seen = [...history].reverse().find((d) => d >= floor);
      const full = dueInfo(p, latest, today);
      const floored = dueInfo(p, seen, today);
      expect(floored.status === 'due', JSON.stringify({ today, p, history, floor })).toBe(full.status === 'due');
    }
  });
});
