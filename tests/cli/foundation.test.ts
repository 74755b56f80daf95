// The foundation through the built binary: help, typos, exit codes, colour rules, the store's
// safety (corrupt files untouched, 0600, concurrent writers, stale locks).
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupHomes, ESCAPE, run, runAsync, tempHome } from '../helpers/cli.js';
import { FILES } from '../../src/store/paths.js';

afterAll(cleanupHomes);
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('harmony --help and --version', () => {
  it('lists every command with examples, exit 0', () => {
    const home = tempHome();
    const r = run(['--help'], { home });
    expect(r.code).toBe(0);
    for (const cmd of ['lessons', 'learn', 'config']) expect(r.stdout).toMatch(new RegExp(`^  ${cmd}\\b`, 'm'));
    expect(r.stdout).toContain('Examples:');
    expect(r.stderr).toBe('');
  });

  it('prints the package version', () => {
    const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8'));
    expect(run(['--version'], { home: tempHome() }).stdout.trim()).toBe(pkg.version);
  });
});

describe('bad input', () => {
  it('suggests the close command for a typo, exit 2, on stderr', () => {
    const r = run(['lesons'], { home: tempHome() });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain("unknown command 'lesons'");
    expect(r.stderr).toContain('Did you mean lessons?');
  });

  it('rejects an unknown option with exit 2', () => {
    const r = run(['lessons', '--jsno'], { home: tempHome() });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown option '--jsno'/);
  });

  it('rejects an unknown principle with exit 2, listing the valid ones', () => {
    const r = run(['learn', 'patience'], { home: tempHome() });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Unknown principle "patience"/);
    for (const id of ['attention', 'communication', 'wellbeing', 'trust', 'intimacy']) expect(r.stderr).toContain(id);
  });

  it('rejects a relative HARMONY_HOME with exit 2', () => {
    const r = run(['lessons'], { home: tempHome(), env: { HARMONY_HOME: 'relative/dir' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/HARMONY_HOME must be an absolute/);
  });
});

describe('lessons and learn', () => {
  it('lists the five principles as JSON and marks a lesson read after learn', () => {
    const home = tempHome();
    const before = JSON.parse(run(['lessons', '--json'], { home }).stdout);
    expect(before.map((l: { id: string }) => l.id)).toEqual(['attention', 'communication', 'wellbeing', 'trust', 'intimacy']);
    expect(before.every((l: { read: boolean }) => !l.read)).toBe(true);
    const learn = run(['learn', 'trust'], { home });
    expect(learn.code).toBe(0);
    expect(learn.stdout).toContain('Building Trust and Confidence');
    const after = JSON.parse(run(['lessons', '--json'], { home }).stdout);
    expect(after.find((l: { id: string }) => l.id === 'trust').read).toBe(true);
  });

  it('learn with no argument opens the next unread lesson', () => {
    const home = tempHome();
    run(['learn', '1'], { home });
    expect(run(['learn'], { home }).stdout).toContain('Quality Communication');
  });

  it('works from any folder (content found relative to the package)', () => {
    const home = tempHome();
    const r = run(['learn', 'intimacy'], { home, cwd: '/' });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Nurturing Emotional Intimacy');
  });

  it('piped output and NO_COLOR carry no escape codes; FORCE_COLOR brings colour', () => {
    const home = tempHome();
    expect(run(['learn', 'trust'], { home }).stdout).not.toMatch(ESCAPE);
    expect(run(['lessons'], { home, env: { NO_COLOR: '1', FORCE_COLOR: '1' } }).stdout).not.toMatch(ESCAPE);
    expect(run(['lessons'], { home, env: { FORCE_COLOR: '1' } }).stdout).toMatch(ESCAPE);
    expect(run(['lessons', '--no-color'], { home, env: { FORCE_COLOR: '1' } }).stdout).not.toMatch(ESCAPE);
  });
});

describe('the store through the binary', () => {
  it('writes data files with mode 0600 in HARMONY_HOME, and config path prints it', () => {
    const home = tempHome();
    run(['learn', 'trust'], { home });
    expect(statSync(join(home, 'state.json')).mode & 0o777).toBe(0o600);
    expect(run(['config', 'path'], { home }).stdout.trim()).toBe(home);
  });

  for (const [name, text] of Object.entries({ garbage: '\u0000\u0001 not json', truncated: '{"schemaVersion":1,"lessonsRead":{"tr', empty: '', newer: '{"schemaVersion":99,"lessonsRead":{},"promptsUsed":{}}' })) {
    it(`a ${name} data file: exit 3, one line naming it, bytes untouched`, () => {
      const home = tempHome();
      const file = join(home, 'state.json');
      writeFileSync(file, text);
      const before = sha(file);
      for (const args of [['lessons'], ['learn', 'trust']]) {
        const r = run(args, { home });
        expect(r.code).toBe(3);
        expect(r.stderr.trim().split('\n')).toHaveLength(1);
        expect(r.stderr).toContain(file);
        expect(r.stderr).not.toMatch(/^\s+at /m);
      }
      expect(sha(file)).toBe(before);
    });
  }

  it('five harmony processes marking lessons at once all land', async () => {
    const home = tempHome();
    const ids = ['attention', 'communication', 'wellbeing', 'trust', 'intimacy'];
    const results = await Promise.all(ids.map((id) => runAsync(['learn', id], { home })));
    expect(results.map((r) => r.code)).toEqual([0, 0, 0, 0, 0]);
    const state = JSON.parse(readFileSync(join(home, 'state.json'), 'utf8'));
    expect(Object.keys(state.lessonsRead).sort()).toEqual([...ids].sort());
  });

  it('recovers a stale lock left by a crashed process', () => {
    const home = tempHome();
    const lock = join(home, FILES.lock);
    mkdirSync(lock);
    const old = new Date(Date.now() - 60_000);
    utimesSync(lock, old, old);
    const r = run(['learn', 'trust'], { home });
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(join(home, 'state.json'), 'utf8')).lessonsRead).toHaveProperty('trust');
  });
});
