import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/dates.js';
import type { Entry } from '../../src/core/entry.js';
import { Store } from '../../src/store/index.js';
import { chownTree, command, describeUser, MODES_SKIP, userHome } from '../helpers/as-user.js';
import { ESCAPE, ROOT, cleanupHomes, cliEnv, run, tempHome } from '../helpers/cli.js';

afterAll(cleanupHomes);
describeUser('remind');

const TODAY = '2026-03-10';
const NOON = { HARMONY_NOW: `${TODAY}T12:00:00Z` };

let serial = 0;
const entry = (date: string, kind: Entry['kind'] = 'checkin'): Entry => ({
  id: `${date.replaceAll('-', '')}-${(serial++).toString(36).padStart(4, '0')}`,
  kind,
  date,
  createdAt: `${date}T20:00:00+00:00`,
  principle: 'trust',
  mood: 4,
  answers: [{ prompt: 'p', answer: 'a' }],
});

/** A home whose journal has one check-in on each of the `n` days ending `last`. */
async function homeWithDays(n: number, last: string, extra: Entry[] = []): Promise<string> {
  const home = tempHome();
  const store = new Store(home);
  const days = Array.from({ length: n }, (_, i) => entry(addDays(last, -i)));
  await store.write(async () => (await store.journal.add([...days, ...extra])));
  return home;
}

describe('harmony remind', () => {
  it('invites a first check-in on a fresh install', () => {
    const r = run(['remind'], { home: tempHome(), env: NOON });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(r.stdout).toContain('harmony checkin');
  });

  it('says nothing once today has a check-in or a reflection', async () => {
    for (const kind of ['checkin', 'reflection'] as const) {
      const home = await homeWithDays(3, addDays(TODAY, -1), [entry(TODAY, kind)]);
      expect(run(['remind'], { home, env: NOON })).toEqual({ code: 0, stdout: '', stderr: '' });
    }
  });

  it('names the streak at stake, louder when it ends tonight', async () => {
    const short = await homeWithDays(3, addDays(TODAY, -1)); // no freeze earned yet
    const r = run(['remind'], { home: short, env: NOON });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/3-day streak ends tonight/);

    const long = await homeWithDays(8, addDays(TODAY, -1)); // 7 in a row earned a freeze
    const safe = run(['remind'], { home: long, env: NOON });
    expect(safe.stdout).toMatch(/8-day streak is waiting for today \(a freeze covers a miss\)/);
    expect(safe.stdout).not.toMatch(/tonight/);
  });

  it('knows a broken streak from a new start', async () => {
    const home = await homeWithDays(2, addDays(TODAY, -5));
    const r = run(['remind'], { home, env: NOON });
    expect(r.stdout).toMatch(/no check-in yet today/);
    expect(r.stdout).not.toMatch(/streak (ends|is waiting)/);
  });

  it('uses the practice day: before dayStartHour, last night still counts as today', async () => {
    const home = await homeWithDays(2, addDays(TODAY, -1));
    writeFileSync(join(home, 'config.json'), JSON.stringify({ schemaVersion: 1, dayStartHour: 4 }));
    expect(run(['remind'], { home, env: { HARMONY_NOW: `${TODAY}T03:30:00Z` } }).stdout).toBe('');
    expect(run(['remind'], { home, env: { HARMONY_NOW: `${TODAY}T04:30:00Z` } }).stdout).toMatch(/2-day streak/);
  });

  it('respects reminder off', async () => {
    const home = await homeWithDays(3, addDays(TODAY, -1));
    expect(run(['config', 'set', 'reminder', 'off'], { home }).code).toBe(0);
    expect(run(['remind'], { home, env: NOON })).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(run(['remind', '--debug'], { home, env: NOON }).stderr).toMatch(/reminder is off/);
  });

  it('colours only where colour is wanted', async () => {
    const home = await homeWithDays(3, addDays(TODAY, -1));
    expect(run(['remind'], { home, env: NOON }).stdout).not.toMatch(ESCAPE);
    expect(run(['remind'], { home, env: { ...NOON, FORCE_COLOR: '1' } }).stdout).toMatch(ESCAPE);
    expect(run(['remind', '--no-color'], { home, env: { ...NOON, FORCE_COLOR: '1' } }).stdout).not.toMatch(ESCAPE);
    writeFileSync(join(home, 'config.json'), JSON.stringify({ schemaVersion: 1, color: 'never' }));
    expect(run(['remind'], { home, env: { ...NOON, FORCE_COLOR: '1' } }).stdout).not.toMatch(ESCAPE);
  });

  it('never fails the shell: broken data, bad settings or a bad clock mean silence and exit 0', async () => {
    const corrupt = await homeWithDays(3, addDays(TODAY, -1));
    writeFileSync(join(corrupt, 'config.json'), '{"schemaVersion": 1, "dayStart');
    const newer = tempHome();
    writeFileSync(join(newer, 'config.json'), JSON.stringify({ schemaVersion: 99 }));
    const badMonth = tempHome();
    mkdirSync(join(badMonth, 'journal'));
    writeFileSync(join(badMonth, 'journal', '2026-03.json'), 'not json');
    const cases: [string, Record<string, string>][] = [
      [corrupt, NOON],
      [newer, NOON],
      [badMonth, NOON],
      [tempHome(), { HARMONY_NOW: 'not-a-date' }],
      [tempHome(), { ...NOON, HARMONY_HOME: 'relative/path' }],
    ];
    for (const [home, env] of cases) {
      const quiet = run(['remind'], { home, env });
      expect(quiet, `${home} ${JSON.stringify(env)}`).toEqual({ code: 0, stdout: '', stderr: '' });
      const loud = run(['remind', '--debug'], { home, env });
      expect(loud.code).toBe(0);
      expect(loud.stdout).toBe('');
      expect(loud.stderr).toMatch(/^harmony remind: stayed silent because: .+/);
    }
  });

  // Root reads anything, so under root the binary runs as another user (tests/helpers/as-user.ts).
  it.skipIf(MODES_SKIP)('stays silent when the data folder cannot be read', async () => {
    const { home, user } = userHome();
    const store = new Store(home);
    await store.write(async () => (await store.journal.add(Array.from({ length: 3 }, (_, i) => entry(addDays(TODAY, -1 - i))))));
    chownTree(home, user);
    chmodSync(join(home, 'journal'), 0o000);
    try {
      const [node, bin] = command(user);
      const r = spawnSync(node, [bin, 'remind'], { cwd: home, env: cliEnv(home, NOON), uid: user?.uid, gid: user?.gid, encoding: 'utf8' });
      expect({ code: r.status, stdout: r.stdout, stderr: r.stderr }).toEqual({ code: 0, stdout: '', stderr: '' });
    } finally {
      chmodSync(join(home, 'journal'), 0o700);
    }
  });

  it('never prompts, leaves the index alone, and writes only the reminder cache when it is missing or wrong', async () => {
    const home = await homeWithDays(3, addDays(TODAY, -1));
    writeFileSync(join(home, 'journal', `index-${TODAY.slice(0, 4)}.json`), '{}'); // a broken cache stays as it is
    rmSync(join(home, 'remind-cache.txt'));
    const r = run(['remind'], { home, env: NOON, input: 'y\n' });
    expect(r.stdout).toMatch(/3-day streak/);
    expect(readFileSync(join(home, 'journal', `index-${TODAY.slice(0, 4)}.json`), 'utf8')).toBe('{}');
    expect(readdirSync(home).sort()).toEqual(['journal', 'remind-cache.key', 'remind-cache.txt']); // no lock left behind
    const cache = readFileSync(join(home, 'remind-cache.txt'), 'utf8');
    expect(cache).toContain(`${TODAY}\t1;33\t${r.stdout.trim()}\n`);
    // Right already: not rewritten (the shell runs this in every new terminal).
    const before = statSync(join(home, 'remind-cache.txt')).mtimeMs;
    expect(run(['remind'], { home, env: NOON }).stdout).toBe(r.stdout);
    expect(statSync(join(home, 'remind-cache.txt')).mtimeMs).toBe(before);
    // A folder that does not exist is not made.
    const none = join(tempHome(), 'not-yet');
    expect(run(['remind'], { home: none, env: NOON, cwd: '/' }).stdout).toMatch(/start your practice/);
    expect(existsSync(none)).toBe(false);
  });

  it('--install prints the snippet on stdout and where to put it on stderr', () => {
    const home = tempHome();
    const expected = { bash: '~/.bashrc', zsh: '.zshrc', fish: 'fish/config.fish' };
    for (const [shell, file] of Object.entries(expected)) {
      const r = run(['remind', '--install', shell], { home, env: { HOME: home, ZDOTDIR: undefined, XDG_CONFIG_HOME: undefined } });
      expect(r.code).toBe(0);
      const lines = r.stdout.trim().split('\n');
      expect(lines[0]).toMatch(/^# harmony: /);
      expect(lines.length).toBeLessThan(45); // a snippet someone can read
      expect(r.stdout).toContain('remind-cache.txt');
      expect(r.stdout).toContain('harmony remind');
      expect(r.stderr).toContain(file);
      expect(r.stderr).toContain(`harmony remind --install ${shell} >> `);
      expect(r.stderr).toContain('harmony config set reminder off');
    }
    // Run twice with >>, it must not add a second copy (each shell would say it twice).
    const env = { HOME: home };
    writeFileSync(join(home, '.bashrc'), 'alias ll="ls -l"\n' + run(['remind', '--install', 'bash'], { home, env }).stdout);
    const again = run(['remind', '--install', 'bash'], { home, env });
    expect(again).toMatchObject({ code: 0, stdout: '' });
    expect(again.stderr).toMatch(/already holds the harmony reminder snippet/);
    // An older one-line `harmony remind` is named, and the snippet printed.
    writeFileSync(join(home, '.bashrc'), '[[ $- == *i* ]] && command -v harmony >/dev/null && harmony remind\n');
    const older = run(['remind', '--install', 'bash'], { home, env });
    expect(older.stdout).toContain('_harmony_remind');
    expect(older.stderr).toMatch(/already runs `harmony remind` \(an older line\)/);
    const bad = run(['remind', '--install', 'tcsh'], { home });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('bash, zsh, fish');
  });

  it('evaluates none of the libraries: remind reaches only our own modules', () => {
    // dist/app.cjs holds the whole app and runs each module on first use (scripts/build.mjs,
    // issue 7), so what remind pays for is the static import closure of remind-fast.ts, read
    // from the build's metafile; main.ts itself imports nothing up front.
    // (Libraries are bundled from node_modules/ or required from dist/vendor/; other external
    // entries are node: built-ins and imports TypeScript elides as unused.)
    type Input = { imports: { path: string; kind: string; external?: boolean }[] };
    const { inputs } = JSON.parse(readFileSync(join(ROOT, 'dist', 'meta.json'), 'utf8')) as { inputs: Record<string, Input> };
    const eager = (file: string) => (inputs[file]?.imports ?? []).filter((i) => i.kind === 'import-statement' && !i.path.startsWith('node:'));
    const seen = new Set<string>();
    const libraries: string[] = [];
    const walk = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const i of eager(file)) {
        if (i.path.includes('node_modules/') || i.path.startsWith('./vendor/')) libraries.push(i.path);
        else if (!i.external) walk(i.path);
      }
    };
    walk('src/remind-fast.ts');
    expect(seen.size).toBeGreaterThan(3);
    expect(libraries).toEqual([]);
    expect(eager('src/main.ts').filter((i) => !i.external)).toEqual([]);
  });
});
