// The check-in's people step from flags (--with, --how) and without a terminal.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupHomes, run, tempHome } from '../helpers/cli.js';

afterAll(cleanupHomes);
const NOW = { HARMONY_NOW: '2026-05-10T18:00:00Z' };
const h = (home: string, ...args: string[]) => run(args, { home, env: NOW });
const month = (home: string) => (existsSync(join(home, 'journal', '2026-05.json')) ? JSON.parse(readFileSync(join(home, 'journal', '2026-05.json'), 'utf8')).entries : []);
const ids = (home: string) => Object.fromEntries(JSON.parse(readFileSync(join(home, 'people.json'), 'utf8')).people.map((p: { name: string; id: string }) => [p.name, p.id]));

describe('checkin --with / --how', () => {
  it('stores the ids (never names) and how; repeated and duplicate names count once', () => {
    const home = tempHome();
    h(home, 'people', 'add', 'Ana Silva', '--every', '1w');
    h(home, 'people', 'add', 'Ben');
    const r = h(home, 'checkin', '--mood', '4', '--answer', 'We talked.', '--with', 'ana', '--with', 'Ben', '--with', 'Ana Silva', '--how', 'video', '--json');
    expect(r.code, r.stderr).toBe(0);
    const saved = JSON.parse(r.stdout);
    expect(saved).toMatchObject({ with: [ids(home)['Ana Silva'], ids(home).Ben], how: 'video' });
    expect(readFileSync(join(home, 'journal', '2026-05.json'), 'utf8')).not.toMatch(/Ana|Ben/);
  });

  it('someone unknown, a bad --how, or --how alone: exit 2 before anything is saved', () => {
    const home = tempHome();
    h(home, 'people', 'add', 'Ana');
    const unknown = h(home, 'checkin', '--mood', '4', '--answer', 'x', '--with', 'Zed');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/--with: no one in your people has that name.*harmony people add NAME/);
    expect(h(home, 'checkin', '--mood', '4', '--answer', 'x', '--with', 'Ana', '--how', 'fax').code).toBe(2);
    const alone = h(home, 'checkin', '--mood', '4', '--answer', 'x', '--how', 'call');
    expect([alone.code, alone.stderr]).toEqual([2, expect.stringMatching(/--with NAME/)]);
    expect(month(home)).toEqual([]);
  });

  it('without a terminal and without --with the step is simply skipped (no people.json made)', () => {
    const home = tempHome();
    const r = h(home, 'checkin', '--mood', '3', '--answer', 'quiet day');
    expect(r.code).toBe(0);
    expect(month(home)[0]).not.toHaveProperty('with');
    expect(existsSync(join(home, 'people.json'))).toBe(false);
  });

  it('--append --with adds people to the day\'s check-in', () => {
    const home = tempHome();
    h(home, 'people', 'add', 'Ana');
    h(home, 'people', 'add', 'Ben');
    h(home, 'checkin', '--mood', '3', '--answer', 'morning', '--with', 'Ana');
    const r = h(home, 'checkin', '--append', '--with', 'Ben', '--with', 'Ana', '--how', 'in-person');
    expect(r.code, r.stderr).toBe(0);
    expect(month(home)).toHaveLength(1);
    expect(month(home)[0]).toMatchObject({ with: [ids(home).Ana, ids(home).Ben], how: 'in-person' });
  });

  it('notes link people with --with and @name; an unknown @name stays text', () => {
    const home = tempHome();
    h(home, 'people', 'add', 'Ana');
    h(home, 'people', 'add', 'Sam Okafor', '--alias', 'Sammy');
    const r = h(home, 'note', 'Lunch with @sammy and @Ana, email me@example.com, ping @channel', '--how', 'in-person', '--json');
    expect(r.code, r.stderr).toBe(0);
    const note = JSON.parse(r.stdout);
    expect(note).toMatchObject({ with: [ids(home)['Sam Okafor'], ids(home).Ana], how: 'in-person', text: 'Lunch with @sammy and @Ana, email me@example.com, ping @channel' });
    expect(r.stderr).toMatch(/One @name is not .* one of your people/);
    const flag = JSON.parse(h(home, 'note', 'Long call', '--with', 'Sam', '--json').stdout);
    expect(flag.with).toEqual([ids(home)['Sam Okafor']]);
    expect(h(home, 'note', 'x', '--with', 'nobody').code).toBe(2);
    // With nobody in the list, @ is just a character (handles, channels).
    const empty = tempHome();
    const plain = h(empty, 'note', 'Saw @everyone online', '--json');
    expect([plain.code, plain.stderr]).toEqual([0, '']);
    expect(JSON.parse(plain.stdout)).not.toHaveProperty('with');
  });
});
