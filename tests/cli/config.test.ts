import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ESCAPE, cleanupHomes, run, tempHome } from '../helpers/cli.js';

afterAll(cleanupHomes);

const fileOf = (home: string) => join(home, 'config.json');
const readConfig = (home: string) => JSON.parse(readFileSync(fileOf(home), 'utf8')) as Record<string, unknown>;
const readDevice = (home: string) => JSON.parse(readFileSync(join(home, 'device.json'), 'utf8')) as Record<string, unknown>;

describe('harmony config', () => {
  it('lists the defaults without creating a file', () => {
    const home = tempHome();
    const r = run(['config', 'list', '--json'], { home });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ name: null, dayStartHour: 0, editor: null, color: 'auto', reminder: true, notesCountForStreak: false, weekStart: 'mon', autoSync: false, reminderPeople: 'count', passphraseCommand: null });
    const plain = run(['config'], { home });
    expect(plain.code).toBe(0);
    expect(plain.stdout).toMatch(/^dayStartHour\s+0\s/m);
    expect(existsSync(fileOf(home))).toBe(false);
  });

  it('sets each key, keeps schemaVersion in a 0600 file, and reads values back', () => {
    const home = tempHome();
    for (const [key, value] of [['name', 'Ana'], ['dayStartHour', '4'], ['editor', 'nano -w'], ['color', 'never'], ['reminder', 'off'], ['weekStart', 'Sunday']]) {
      const r = run(['config', 'set', key!, value!], { home });
      expect(r.code, r.stderr).toBe(0);
    }
    // This machine's own settings go to device.json, which sync leaves out (issue 17).
    expect(readConfig(home)).toEqual({ schemaVersion: 1, name: 'Ana', dayStartHour: 4, weekStart: 'sun' });
    expect(readDevice(home)).toEqual({ schemaVersion: 1, editor: 'nano -w', color: 'never', reminder: false });
    expect(statSync(fileOf(home)).mode & 0o777).toBe(0o600);
    expect(statSync(join(home, 'device.json')).mode & 0o777).toBe(0o600);
    expect(run(['config', 'get', 'dayStartHour'], { home }).stdout).toBe('4\n');
    expect(run(['config', 'get', 'reminder'], { home }).stdout).toBe('off\n');
    expect(run(['config', 'get', 'reminder', '--json'], { home }).stdout).toBe('false\n');
    expect(run(['config', 'get', 'editor'], { home }).stdout).toBe('nano -w\n');
    expect(run(['config', 'get', 'weekStart'], { home }).stdout).toBe('sun\n');
    const bad = run(['config', 'set', 'weekStart', 'tue'], { home });
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringContaining('weekStart must be mon or sun')]);
  });

  it('accepts keys in any case or with dashes, and on/true for reminder', () => {
    const home = tempHome();
    expect(run(['config', 'set', 'day-start-hour', '2'], { home }).code).toBe(0);
    expect(run(['config', 'set', 'Reminder', 'false'], { home }).code).toBe(0);
    expect(run(['config', 'set', 'reminder', 'true'], { home }).code).toBe(0);
    expect(readConfig(home)).toMatchObject({ dayStartHour: 2 });
    expect(readDevice(home)).toMatchObject({ reminder: true });
  });

  it('clears name with an empty value', () => {
    const home = tempHome();
    run(['config', 'set', 'name', 'Ana'], { home });
    const r = run(['config', 'set', 'name', ''], { home });
    expect(r.code).toBe(0);
    expect(readConfig(home)).not.toHaveProperty('name');
    expect(readConfig(home).schemaVersion).toBe(1);
  });

  it('rejects unknown keys with exit 2 and lists the valid ones', () => {
    const home = tempHome();
    for (const args of [['config', 'get', 'colour'], ['config', 'set', 'theme', 'dark']]) {
      const r = run(args, { home });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('name, dayStartHour, editor, color, reminder, notesCountForStreak, weekStart');
    }
    expect(existsSync(fileOf(home))).toBe(false);
  });

  it('rejects invalid values with exit 2, naming the valid ones, and leaves the file as it was', () => {
    const home = tempHome();
    run(['config', 'set', 'dayStartHour', '3'], { home });
    const before = readFileSync(fileOf(home), 'utf8');
    const cases: [string, string, RegExp][] = [
      ['dayStartHour', '7', /0 to 6/],
      ['dayStartHour', '2.5', /0 to 6/],
      ['color', 'purple', /auto, always or never/],
      ['reminder', 'maybe', /on or off/],
    ];
    for (const [key, value, expected] of cases) {
      const r = run(['config', 'set', key, value], { home });
      expect(r.code, `${key}=${value}`).toBe(2);
      expect(r.stderr).toMatch(expected);
    }
    expect(readFileSync(fileOf(home), 'utf8')).toBe(before);
  });

  it('refuses to write over a corrupt config.json (exit 3, file untouched)', () => {
    const home = tempHome();
    writeFileSync(fileOf(home), '{"schemaVersion": 1, "dayStartHour": ');
    const r = run(['config', 'set', 'color', 'never'], { home });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('config.json');
    expect(readFileSync(fileOf(home), 'utf8')).toBe('{"schemaVersion": 1, "dayStartHour": ');
  });

  it('keeps settings it does not know about (written by a newer minor version)', () => {
    const home = tempHome();
    writeFileSync(fileOf(home), JSON.stringify({ schemaVersion: 1, futureThing: 'x' }));
    expect(run(['config', 'set', 'name', 'Ana'], { home }).code).toBe(0);
    expect(readConfig(home)).toEqual({ schemaVersion: 1, futureThing: 'x', name: 'Ana' });
  });

  it('moves a machine\'s own setting out of config.json (an older harmony kept it there) into device.json', () => {
    const home = tempHome();
    writeFileSync(fileOf(home), JSON.stringify({ schemaVersion: 1, name: 'Ana', color: 'never', editor: 'vi' }));
    expect(run(['config', 'get', 'color'], { home }).stdout).toBe('never\n');
    expect(run(['config', 'set', 'color', 'always'], { home }).code).toBe(0);
    expect(readConfig(home)).toEqual({ schemaVersion: 1, name: 'Ana', editor: 'vi' });
    expect(readDevice(home)).toEqual({ schemaVersion: 1, color: 'always' });
    expect(run(['config', 'get', 'color'], { home }).stdout).toBe('always\n');
    expect(run(['config', 'get', 'editor'], { home }).stdout).toBe('vi\n');
  });

  it('makes the color setting take effect, below --no-color and NO_COLOR but above FORCE_COLOR', () => {
    const home = tempHome();
    expect(run(['lessons'], { home }).stdout).not.toMatch(ESCAPE); // not a terminal: no colour
    run(['config', 'set', 'color', 'always'], { home });
    expect(run(['lessons'], { home }).stdout).toMatch(ESCAPE);
    expect(run(['lessons', '--no-color'], { home }).stdout).not.toMatch(ESCAPE);
    expect(run(['lessons'], { home, env: { NO_COLOR: '1' } }).stdout).not.toMatch(ESCAPE);
    expect(run(['lessons'], { home, env: { TERM: 'dumb' } }).stdout).not.toMatch(ESCAPE);
    run(['config', 'set', 'color', 'never'], { home });
    expect(run(['lessons'], { home, env: { FORCE_COLOR: '1' } }).stdout).not.toMatch(ESCAPE);
    run(['config', 'set', 'color', 'auto'], { home });
    expect(run(['lessons'], { home, env: { FORCE_COLOR: '1' } }).stdout).toMatch(ESCAPE);
  });
});
