// harmony people through the built binary: adding, naming, logging, the due rule as a user
// meets it, snooze, rename, the reminder, home, stats and the journal filter.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/dates.js';
import { cleanupHomes, ESCAPE, run, tempHome, type Result } from '../helpers/cli.js';

afterAll(cleanupHomes);
const DAY = '2026-05-10';
const at = (day: string, time = '12:00:00') => ({ HARMONY_NOW: `${day}T${time}Z` });

/** A home and a runner pinned to `day` (change it with `on`). */
function user(day = DAY) {
  const home = tempHome();
  let now = day;
  const h = (...args: string[]): Result => run(args, { home, env: at(now) });
  const json = (...args: string[]) => {
    const r = h(...args, '--json');
    expect(r.code, r.stderr).toBe(0);
    return JSON.parse(r.stdout);
  };
  const on = (d: string) => (now = d);
  const status = (name: string) => (json('people') as { name: string; status: string; dueOn: string | null }[]).find((p) => p.name === name);
  return { home, h, json, on, status };
}

describe('harmony people add / list / show', () => {
  it('adds someone with a rhythm, circle and alias; lists and shows them', () => {
    const { home, h, json } = user();
    const add = h('people', 'add', 'Ana Silva', '--every', '2W', '--circle', 'friend', '--alias', 'Annie');
    expect(add.code, add.stderr).toBe(0);
    expect(add.stdout).toMatch(/Added Ana Silva p-[0-9a-z]{6} · every 2 weeks/);
    expect(statSync(join(home, 'people.json')).mode & 0o777).toBe(0o600);
    const doc = JSON.parse(readFileSync(join(home, 'people.json'), 'utf8'));
    expect(doc).toMatchObject({ schemaVersion: 1, people: [{ name: 'Ana Silva', every: '2w', circle: 'friend', aliases: ['Annie'], addedOn: DAY }] });
    expect(doc.people[0].updatedAt).toBe(`${DAY}T12:00:00+00:00`);
    expect(h('people', 'add', 'Sam').code).toBe(0);
    const list = h('people');
    expect(list.stdout).toMatch(/Ana Silva\s+friend\s+2w\s+not yet\s+due in 14 days/);
    expect(list.stdout).toMatch(/Sam\s+-\s+not yet\s+no rhythm set/);
    expect(json('people', 'show', 'annie')).toMatchObject({ name: 'Ana Silva', status: 'later', dueOn: '2026-05-24' });
    expect(h('people', 'show', 'ana s').stdout).toMatch(/Rhythm\s+every 2 weeks · due in 14 days \(2026-05-24\)/);
  });

  it('refuses bad input with exit 2 and a way forward, writing nothing', () => {
    const { home, h } = user();
    h('people', 'add', 'Ana', '--every', '1w');
    const before = readFileSync(join(home, 'people.json'), 'utf8');
    const dup = h('people', 'add', 'ANA');
    expect([dup.code, dup.stderr]).toEqual([2, expect.stringMatching(/already has that name.*--alias/)]);
    for (const every of ['0d', 'soon', '-1w', '']) {
      const r = h('people', 'add', 'Bo', '--every', every);
      expect(r.code, every).toBe(2);
      expect(r.stderr).toMatch(/--every must be/);
    }
    expect(h('people', 'add', 'Bo', '--circle', 'enemy').code).toBe(2);
    expect(h('people', 'add', '  ').code).toBe(2);
    expect(h('people', 'log', 'Ana', '--date', addDays(DAY, 1)).stderr).toMatch(/in the future/);
    expect(h('people', 'log', 'Ana', '--how', 'telepathy').code).toBe(2);
    const unknown = h('people', 'log', 'Zed');
    expect([unknown.code, unknown.stderr]).toEqual([2, expect.stringMatching(/harmony people add NAME/)]);
    expect(h('people', 'snooze', 'Ana', '--until', DAY).code).toBe(2);
    expect(h('people', 'snooze', 'Ana', '--for', 'soon').code).toBe(2);
    expect(h('people', 'edit', 'Ana').stderr).toMatch(/not an interactive terminal; pass --name NEW/);
    expect(h('people', 'remove', 'Ana').stderr).toMatch(/pass --yes/);
    expect(readFileSync(join(home, 'people.json'), 'utf8')).toBe(before);
    expect(h('journal', '--json').stdout.trim()).toBe('[]');
  });

  it('an ambiguous name lists the ids it fits (no names off a terminal), exit 2', () => {
    const { h, json } = user();
    h('people', 'add', 'Ana');
    h('people', 'add', 'Anabel');
    h('people', 'add', 'Andrés');
    const ids = (json('people') as { id: string; name: string }[]).filter((p) => p.name !== 'Ana').map((p) => p.id);
    expect(h('people', 'log', 'anab').code).toBe(0); // a unique start
    expect(h('people', 'show', 'anx').code).toBe(2);
    const several = h('people', 'show', 'an');
    expect(several.code).toBe(2);
    expect(several.stdout).toBe('');
    // "an" is the start of all three, but Ana is an exact match only for "ana".
    expect(several.stderr).toMatch(/that name fits 3 people: p-[0-9a-z]{6}, p-[0-9a-z]{6}, p-[0-9a-z]{6}/);
    expect(several.stderr).not.toMatch(/Anabel|Andrés/);
    expect(h('people', 'show', 'ana').code).toBe(0); // exact beats prefix
    expect(h('people', 'show', 'andres').code).toBe(0); // accents ignored
    expect(h('people', 'show', ids[0]!).code).toBe(0);
  });

  it('names are stored as typed and always shown safely', () => {
    const { home, h, json } = user();
    const hostile = 'Ana\u001b]0;owned\u0007\u001b[2J\nSecond line';
    expect(h('people', 'add', hostile, '--every', '1d').code).toBe(0);
    expect(JSON.parse(readFileSync(join(home, 'people.json'), 'utf8')).people[0].name).toBe(hostile);
    h('people', 'log', 'ana');
    for (const args of [['people'], ['people', 'show', 'ana'], ['people', 'log', 'ana'], ['journal'], ['journal', 'show', 'today'], ['stats']]) {
      const r = h(...args);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stdout + r.stderr, args.join(' ')).not.toMatch(ESCAPE);
      expect(r.stdout).not.toMatch(/\u0007/);
    }
    expect(json('people')[0].name).toBe(hostile); // JSON keeps it exactly (escaped)
  });
});

describe('the due rule, as a user meets it', () => {
  it('due on the day, not before; a newer connection moves it, an older one does not', () => {
    const { h, on, status } = user('2026-05-01');
    h('people', 'add', 'Ana', '--every', '1w');
    on('2026-05-07');
    expect(status('Ana')).toMatchObject({ status: 'soon', dueOn: '2026-05-08' });
    expect(h('people', '--due').stdout).toMatch(/No one is due today\. Next: Ana, due tomorrow\./);
    on('2026-05-08');
    expect(status('Ana')!.status).toBe('due');
    expect(h('people', '--due').stdout).toMatch(/Ana · added 7 days ago, no connection logged yet \(every week\)/);
    on('2026-05-12');
    const log = h('people', 'log', 'Ana', '--how', 'call');
    expect(log.stdout).toMatch(/Logged a call with Ana for today \(2026-05-12\)/);
    expect(log.stdout).toMatch(/Ana: next around 2026-05-19\./);
    expect(status('Ana')).toMatchObject({ status: 'later', dueOn: '2026-05-19' });
    const older = h('people', 'log', 'Ana', '--date', '2026-05-09');
    expect(older.stdout).toMatch(/latest connection is newer \(2026-05-12\), so nothing moves/);
    expect(status('Ana')).toMatchObject({ dueOn: '2026-05-19' });
    on('2026-05-20');
    expect(h('people', '--due').stdout).toMatch(/Ana · 8 days since you connected/);
  });

  it('deleting the entry that held the latest connection brings the earlier one back', () => {
    const { h, json, on, status } = user('2026-04-20');
    h('people', 'add', 'Ana', '--every', '1w');
    on('2026-05-01');
    h('people', 'log', 'Ana', '--date', '2026-04-28');
    h('people', 'log', 'Ana');
    expect(status('Ana')!.dueOn).toBe('2026-05-08');
    const latest = (json('journal', '--person', 'ana') as { id: string; date: string }[]).find((e) => e.date === '2026-05-01')!;
    expect(h('journal', 'delete', latest.id, '--yes').code).toBe(0);
    expect(status('Ana')!.dueOn).toBe('2026-05-05');
    on('2026-05-05');
    expect(status('Ana')!.status).toBe('due');
  });

  it('a rhythm of a month ends with the month: 31 January, then 28 February', () => {
    const { h, on, status } = user('2027-01-31');
    h('people', 'add', 'Mo', '--every', '1m');
    h('people', 'log', 'Mo');
    on('2027-02-27');
    expect(status('Mo')).toMatchObject({ status: 'soon', dueOn: '2027-02-28' });
    on('2027-02-28');
    expect(status('Mo')!.status).toBe('due');
  });

  it('snooze hides someone until its day; a connection ends it; --off ends it too', () => {
    const { h, on, status } = user('2026-05-01');
    h('people', 'add', 'Ana', '--every', '3d');
    on('2026-05-05');
    expect(status('Ana')!.status).toBe('due');
    expect(h('people', 'snooze', 'Ana', '--for', '1w').stdout).toMatch(/Snoozed Ana until 2026-05-12/);
    expect(status('Ana')!.status).toBe('snoozed');
    expect(h('people', '--due').stdout).toMatch(/No one is due today/);
    on('2026-05-12');
    expect(status('Ana')!.status).toBe('due');
    h('people', 'snooze', 'Ana', '--until', '2026-06-01');
    on('2026-05-13');
    h('people', 'log', 'Ana', '--date', '2026-05-11'); // before the snooze: does not end it
    expect(status('Ana')!.status).toBe('snoozed');
    h('people', 'log', 'Ana');
    on('2026-05-16');
    expect(status('Ana')!.status).toBe('due'); // the snooze ended with the connection
    h('people', 'snooze', 'Ana');
    expect(status('Ana')!.status).toBe('snoozed');
    expect(h('people', 'snooze', 'Ana', '--off').stdout).toMatch(/no longer snoozed/);
    expect(status('Ana')!.status).toBe('due');
  });

  it('pause, resume, no rhythm: never due', () => {
    const { h, on, status } = user('2026-01-01');
    h('people', 'add', 'Ana', '--every', '1w');
    h('people', 'add', 'Bo');
    expect(h('people', 'edit', 'Ana', '--pause').code).toBe(0);
    on('2026-05-01');
    expect(status('Ana')!.status).toBe('paused');
    expect(status('Bo')!.status).toBe('no-cadence');
    h('people', 'edit', 'Ana', '--resume');
    expect(status('Ana')!.status).toBe('due');
    expect(h('people', 'edit', 'Ana', '--pause', '--resume').code).toBe(2);
  });
});

describe('rename and the views that show names', () => {
  it('a rename changes every past mention: journal, show, markdown export', () => {
    const { h, on } = user('2026-05-01');
    h('people', 'add', 'Ana', '--every', '2w');
    h('checkin', '--mood', '4', '--answer', 'A long call.', '--with', 'Ana', '--how', 'call');
    h('note', 'Dinner with @ana.');
    on('2026-05-02');
    expect(h('people', 'edit', 'ana', '--name', 'Ana Silva', '--alias', 'Annie').stdout).toMatch(/Every past entry shows the new name/);
    const list = h('journal');
    expect(list.stdout.match(/With Ana Silva/g)).toHaveLength(2);
    expect(list.stdout).toMatch(/With Ana Silva \(call\) · A long call\./);
    expect(h('journal', 'show', '2026-05-01').stdout).toMatch(/With Ana Silva \(call\)/);
    const md = h('export');
    expect(md.stdout.match(/^With Ana Silva/gm)).toHaveLength(2);
    expect(h('journal', '--person', 'annie', '--json').stdout).toMatch(/"with"/);
    expect(JSON.parse(h('journal', '--person', 'Ana Silva', '--json').stdout)).toHaveLength(2);
    expect(h('journal', '--person', 'nobody').code).toBe(2);
  });

  it('stats shows the last 90 days per person as bars; home shows who is due soon', () => {
    const { h, json, on } = user('2026-02-27');
    h('people', 'add', 'Ana', '--every', '1w');
    h('people', 'add', 'Ben', '--every', '1m');
    on('2026-03-21');
    for (const [d, how] of [['2026-03-02', 'call'], ['2026-03-09', 'message'], ['2026-03-20', 'call']] as const) h('people', 'log', 'Ana', '--date', d, '--how', how);
    h('people', 'log', 'Ben', '--date', '2026-02-28');
    on('2026-03-25');
    const stats = h('stats');
    expect(stats.stdout).toMatch(/People, last 90 days/);
    expect(stats.stdout).toMatch(/Ana\s+█+\s+3\s+5 days ago\s+2 calls, 1 message/);
    expect(stats.stdout).toMatch(/Ben\s+[█▏▎▍▌▋▊▉]+·*\s+1\s+25 days ago/);
    expect(json('stats').people.map((p: { name: string; connections: number }) => [p.name, p.connections])).toEqual([['Ana', 3], ['Ben', 1]]);
    on('2026-03-27');
    expect(h().stdout).toMatch(/People: It has been 7 days since you and Ana connected; Ben is due tomorrow\./);
  });
});

describe('harmony remind and people (setting reminderPeople)', () => {
  function homeWithDue() {
    const u = user('2026-05-01');
    u.h('people', 'add', 'Ana', '--every', '1w');
    u.h('people', 'add', 'Ben', '--every', '2w');
    u.h('people', 'log', 'Ana', 'Ben');
    u.h('checkin', '--mood', '4', '--answer', 'ok');
    u.on('2026-05-20');
    return u;
  }

  it('count (the default): the streak line first, then how many, never a name', () => {
    const { h } = homeWithDue();
    const r = h('remind');
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/no check-in yet today/);
    expect(lines[1]).toBe('harmony · it may be a good day to reach out to 2 people you care about: harmony people --due');
    expect(r.stdout).not.toMatch(/Ana|Ben/);
  });

  it('names: the most late one by name; once today is done only that line', () => {
    const { h } = homeWithDue();
    expect(h('config', 'set', 'reminderPeople', 'names').code).toBe(0);
    expect(h('remind').stdout.trim().split('\n')[1]).toBe('harmony · it has been 19 days since you and Ana connected (and 1 more): harmony people --due');
    h('checkin', '--mood', '3', '--answer', 'done today');
    expect(h('remind').stdout).toBe('harmony · it has been 19 days since you and Ana connected (and 1 more): harmony people --due\n');
    h('people', 'log', 'Ana', 'Ben');
    expect(h('remind').stdout).toBe('');
  });

  it('off: no people line; reminder off: nothing at all', () => {
    const { h } = homeWithDue();
    h('config', 'set', 'reminderPeople', 'off');
    expect(h('remind').stdout.trim().split('\n')).toHaveLength(1);
    h('checkin', '--mood', '3', '--answer', 'done today');
    expect(h('remind').stdout).toBe('');
    h('config', 'set', 'reminderPeople', 'names');
    h('config', 'set', 'reminder', 'off');
    expect(h('remind').stdout).toBe('');
    expect(h('config', 'set', 'reminderPeople', 'loud').code).toBe(2);
  });
});

describe('the weekly review shows who you connected with', () => {
  it('names them with how many times, most first; --json carries ids and names', () => {
    const { h, on } = user('2026-04-20');
    h('people', 'add', 'Ana', '--every', '1w');
    h('people', 'add', 'Ben');
    on('2026-04-29'); // a Wednesday: week 2026-W18 runs 27 April to 3 May
    h('checkin', '--mood', '4', '--answer', 'Good week.', '--with', 'Ana', '--how', 'call');
    h('people', 'log', 'Ana', 'Ben', '--date', '2026-04-27');
    h('people', 'log', 'Ben', '--date', '2026-04-26'); // the week before: not counted
    const json = JSON.parse(h('review', '--week', 'this', '--json').stdout);
    expect(json.people.map((p: { name: string; connections: number }) => [p.name, p.connections])).toEqual([['Ana', 2], ['Ben', 1]]);
    const r = h('review', '--week', 'this', '--focus', 'trust', '--answer', 'Talking more.');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Connected\s+Ana ×2, Ben/);
  });
});
