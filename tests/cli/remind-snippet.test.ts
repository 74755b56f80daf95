// The shell snippets (harmony remind --install) on their own: they never fail the shell (a
// corrupt, torn, unreadable or missing file, another version, set -e, set -u, a user IFS:
// no error text, status 0, the shell goes on), they ask `harmony remind` whenever the file
// cannot answer, they colour exactly when harmony remind does, and bash and zsh start no
// process (counted with strace where it is installed). Each snippet runs as written, with
// only its "is this shell interactive?" test replaced by true.
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/dates.js';
import { buildEntry } from '../../src/core/checkin.js';
import { remindSnippet } from '../../src/core/remind-snippets.js';
import { Store } from '../../src/store/index.js';
import { chownTree, describeUser, MODES_SKIP, userHome } from '../helpers/as-user.js';
import { BIN, cleanupHomes, cliEnv, tempHome } from '../helpers/cli.js';
import { snippetShells, type ShellName } from '../helpers/shells.js';

const SHELLS = snippetShells('remind-snippet');
afterAll(cleanupHomes);
describeUser('remind-snippet');

const NOW = new Date();
const hasStrace = spawnSync('sh', ['-c', 'command -v strace']).status === 0;
if (!hasStrace) console.log('remind-snippet: the no-process check is skipped: strace is not installed (apt-get install strace)');

let tools: string; // a folder with the snippets and a stand-in harmony (prints FALLBACK)
let home: string; // a data folder with a 3-day streak: today's line is "your 3-day streak ends tonight"

beforeAll(async () => {
  tools = tempHome('harmony-snip-');
  for (const shell of ['bash', 'zsh', 'fish'] as const) {
    const text = remindSnippet(shell)
      .replace('if [[ $- == *i* ]]; then', 'if true; then')
      .replace('if status is-interactive;', 'if true;');
    writeFileSync(join(tools, `snippet.${shell}`), text);
  }
  mkdirSync(join(tools, 'fake'));
  writeFileSync(join(tools, 'fake', 'harmony'), '#!/bin/sh\necho FALLBACK\n');
  chmodSync(join(tools, 'fake', 'harmony'), 0o755);
  home = tempHome('harmony-snip-home-');
  const store = new Store(home, () => NOW);
  const today = addDays(NOW.toISOString().slice(0, 10), 0);
  const entries = [1, 2, 3].map((n) =>
    buildEntry({ kind: 'checkin', date: addDays(today, -n), principle: 'trust', answers: [{ prompt: 'p', answer: 'a' }] }, NOW, () => false),
  );
  await store.write(() => store.journal.add(entries));
  // What harmony remind prints under each colour setting and environment, with the cache a save
  // wrote under that setting (kept aside for the shells; worked out once for all of them).
  const envs: Record<string, string | undefined>[] = [
    {}, { FORCE_COLOR: '1' }, { FORCE_COLOR: '0' }, { FORCE_COLOR: 'false' }, { FORCE_COLOR: '' },
    { NO_COLOR: '1', FORCE_COLOR: '1' }, { NO_COLOR: '', FORCE_COLOR: '1' }, { TERM: 'dumb', FORCE_COLOR: '1' },
  ];
  for (const color of ['auto', 'always', 'never'] as const) {
    const dir = tempHome(`harmony-snip-${color}-`);
    cpSync(home, dir, { recursive: true });
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ schemaVersion: 1, color }));
    const saved = spawnSync(process.execPath, [BIN, 'note', 'a thought'], { env: cliEnv(dir), encoding: 'utf8' }); // a save rewrites the cache
    expect(saved.status, saved.stderr).toBe(0);
    for (const extra of envs) {
      const env = { TERM: 'xterm', ...extra };
      colourCases.push({ color, env, dir, want: spawnSync(process.execPath, [BIN, 'remind'], { env: cliEnv(dir, env), encoding: 'utf8' }).stdout });
    }
  }
}, 120_000);

const colourCases: { color: string; env: Record<string, string | undefined>; dir: string; want: string }[] = [];

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Sources the snippet in `shell` after `before` (shell code), then prints "after". */
function source(shell: ShellName, o: { env?: Record<string, string | undefined>; before?: string; harmony?: 'fake' | 'none'; uid?: number; gid?: number; dir?: string } = {}): Run {
  const snippet = join(o.dir ?? tools, `snippet.${shell}`);
  const path = `${o.harmony === 'none' ? '' : join(o.dir ?? tools, 'fake') + ':'}/usr/local/bin:/usr/bin:/bin`;
  const env = cliEnv(home, { PATH: path, TZ: 'UTC', ...o.env });
  const script = `${o.before ?? ''}\nsource '${snippet}'\necho after`;
  const args = shell === 'bash' ? ['--norc', '--noprofile', '-c', script] : shell === 'zsh' ? ['-f', '-c', script] : ['--no-config', '-c', script];
  const r = spawnSync(shell, args, { env, encoding: 'utf8', timeout: 20_000, cwd: '/', uid: o.uid, gid: o.gid });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const TODAY_LINE = 'harmony · your 3-day streak ends tonight. Two minutes keep it: harmony checkin';
const HOSTILE: Record<ShellName, string> = { bash: `set -eu; IFS=', x'`, zsh: `set -eu; IFS=', x'; setopt ksh_arrays sh_word_split`, fish: `set IFS x` };

describe.each(SHELLS.map((s) => [s]))('the %s snippet', (shell) => {
  it('prints today\'s line from the file, and the shell goes on (also under set -e, set -u and a user IFS)', () => {
    for (const before of ['', HOSTILE[shell]]) {
      expect(source(shell, { before }), before).toEqual({ status: 0, stdout: `${TODAY_LINE}\nafter\n`, stderr: '' });
    }
  });

  it('asks harmony remind whenever the file cannot answer, silently and with status 0', () => {
    const cases: [string, (dir: string) => void][] = [
      ['no data folder', () => undefined],
      ['no file', (dir) => mkdirSync(dir)],
      ['garbage', (dir) => (mkdirSync(dir), writeFileSync(join(dir, 'remind-cache.txt'), Buffer.from([0, 255, 1, 10, 0, 0, 200, 10, 9, 9, 10])))],
      ['empty', (dir) => (mkdirSync(dir), writeFileSync(join(dir, 'remind-cache.txt'), ''))],
      ['another version', (dir) => (mkdirSync(dir), writeFileSync(join(dir, 'remind-cache.txt'), cacheFor(2, 0, 'auto', [[0, '2', 'hello']])))],
      ['a dayStartHour that is not one', (dir) => (mkdirSync(dir), writeFileSync(join(dir, 'remind-cache.txt'), cacheFor(1, 9 as never, 'auto', [[0, '2', 'hi']])))],
      ['days that do not reach today', (dir) => (mkdirSync(dir), writeFileSync(join(dir, 'remind-cache.txt'), cacheFor(1, 0, 'auto', [[-3, '2', 'a'], [-2, '2', 'b'], [-1, '2', 'c']])))],
      ['today torn off (no line break)', (dir) => (mkdirSync(dir), writeFileSync(join(dir, 'remind-cache.txt'), cacheFor(1, 0, 'auto', [[-1, '2', 'a'], [0, '2', 'b']]).slice(0, -1)))],
      ['a folder where the file should be', (dir) => mkdirSync(join(dir, 'remind-cache.txt'), { recursive: true })],
    ];
    for (const [what, make] of cases) {
      const dir = join(tempHome('harmony-snip-case-'), 'data');
      make(dir);
      for (const before of ['', HOSTILE[shell]]) {
        const env = { HARMONY_HOME: dir, TZ: 'UTC' };
        expect(source(shell, { env, before }), `${what} ${before}`).toEqual({ status: 0, stdout: 'FALLBACK\nafter\n', stderr: '' });
        // Without harmony on PATH: nothing at all.
        expect(source(shell, { env, before, harmony: 'none' }), `${what}, no harmony`).toEqual({ status: 0, stdout: 'after\n', stderr: '' });
      }
    }
  });

  it.skipIf(MODES_SKIP)('asks harmony remind when the file cannot be read (another user\'s mode)', () => {
    const { home: dir, user } = userHome();
    writeFileSync(join(dir, 'remind-cache.txt'), cacheFor(1, 0, 'auto', [[0, '2', 'secret']]));
    chmodSync(join(dir, 'remind-cache.txt'), 0o000);
    writeFileSync(join(dir, `snippet.${shell}`), remindSnippet(shell).replace('if [[ $- == *i* ]]; then', 'if true; then').replace('if status is-interactive;', 'if true;'));
    mkdirSync(join(dir, 'fake'));
    writeFileSync(join(dir, 'fake', 'harmony'), '#!/bin/sh\necho FALLBACK\n');
    chmodSync(join(dir, 'fake', 'harmony'), 0o755);
    chownTree(dir, user);
    const r = source(shell, { env: { HARMONY_HOME: dir, HOME: dir, TZ: 'UTC' }, uid: user?.uid, gid: user?.gid, dir });
    expect(r).toEqual({ status: 0, stdout: 'FALLBACK\nafter\n', stderr: '' });
  });

  it('finds the data folder as harmony does: HARMONY_HOME, else an absolute XDG_CONFIG_HOME, else ~/.config', () => {
    const base = tempHome('harmony-snip-xdg-');
    const cache = cacheFor(1, 0, 'auto', [[0, '2', 'found it']]);
    for (const dir of [join(base, 'xdg', 'harmony'), join(base, 'home', '.config', 'harmony')]) {
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'remind-cache.txt'), cache.replace('found it', `found ${dir}`));
    }
    const env = { HARMONY_HOME: undefined, HOME: join(base, 'home'), TZ: 'UTC' };
    expect(source(shell, { env: { ...env, XDG_CONFIG_HOME: join(base, 'xdg') } }).stdout).toBe(`found ${join(base, 'xdg', 'harmony')}\nafter\n`);
    expect(source(shell, { env: { ...env, XDG_CONFIG_HOME: 'relative/xdg' } }).stdout).toBe(`found ${join(base, 'home', '.config', 'harmony')}\nafter\n`);
    expect(source(shell, { env: { ...env, XDG_CONFIG_HOME: undefined } }).stdout).toBe(`found ${join(base, 'home', '.config', 'harmony')}\nafter\n`);
  });

  it('prints every line of the day in order, and nothing on a day with nothing to say', () => {
    const dir = join(tempHome('harmony-snip-two-'), 'data');
    mkdirSync(dir);
    writeFileSync(join(dir, 'remind-cache.txt'), cacheFor(1, 0, 'auto', [[-1], [0, '1;33', 'first  line, with  spaces', '2', 'second\\line %s']]));
    const env = { HARMONY_HOME: dir, TZ: 'UTC' };
    expect(source(shell, { env }).stdout).toBe('first  line, with  spaces\nsecond\\line %s\nafter\n');
    expect(source(shell, { env: { ...env, FORCE_COLOR: '1' } }).stdout).toBe('\u001b[1;33mfirst  line, with  spaces\u001b[0m\n\u001b[2msecond\\line %s\u001b[0m\nafter\n');
    writeFileSync(join(dir, 'remind-cache.txt'), cacheFor(1, 0, 'auto', [[-1, '2', 'yesterday'], [0], [1, '2', 'tomorrow']]));
    expect(source(shell, { env })).toEqual({ status: 0, stdout: 'after\n', stderr: '' });
  });

  it('colours exactly when harmony remind does (NO_COLOR, TERM=dumb, the color setting, FORCE_COLOR)', () => {
    for (const c of colourCases) {
      expect(source(shell, { env: { ...c.env, HARMONY_HOME: c.dir } }).stdout, `${c.color} ${JSON.stringify(c.env)}`).toBe(c.want + 'after\n');
    }
    expect(colourCases.filter((c) => c.want.includes('\u001b[')).length).toBeGreaterThan(5);
  });

  it.skipIf(!hasStrace || shell === 'fish')('starts no process', () => {
    const snippet = join(tools, `snippet.${shell}`);
    const args = shell === 'bash' ? ['--norc', '--noprofile', '-c', `source '${snippet}'`] : ['-f', '-c', `source '${snippet}'`];
    const r = spawnSync('strace', ['-f', '-qq', '-e', 'trace=execve,fork,vfork,clone,clone3', shell, ...args], { env: cliEnv(home, { PATH: `${join(tools, 'fake')}:/usr/bin:/bin` }), encoding: 'utf8' });
    expect(r.stdout).toBe(`${TODAY_LINE}\n`);
    const calls = r.stderr.split('\n').filter((l) => /^(\[pid +\d+\] )?(execve|fork|vfork|clone3?)\(/.test(l));
    expect(calls).toHaveLength(1); // the shell's own execve
  });
});

/** A cache file of `version` with one line per day (offset from today, UTC), as harmony writes it. */
function cacheFor(version: number, dayStartHour: number, color: string, days: (number | string)[][]): string {
  const today = new Date().toISOString().slice(0, 10);
  const rows = days.map(([offset, ...rest]) => [addDays(today, offset as number), ...rest].join('\t'));
  return [['harmony-remind', version, dayStartHour, color].join('\t'), ...rows].join('\n') + '\n';
}
