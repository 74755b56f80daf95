// The zsh and fish scripts in their own shells, where installed (apt-get install zsh fish).
// fish: `complete -C` prints what fish would offer. zsh: the script must at least parse.
import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PRINCIPLE_IDS } from '../../src/core/principles.js';
import { BIN, cleanupHomes, run, tempHome } from '../helpers/cli.js';

afterAll(cleanupHomes);
const has = (shell: string) => spawnSync('sh', ['-c', `command -v ${shell}`]).status === 0;
for (const shell of ['fish', 'zsh']) if (!has(shell)) console.log(`completion-shells: ${shell} case skipped: ${shell} is not installed (apt-get install ${shell})`);

describe.skipIf(!has('fish'))('harmony completion fish (in fish)', () => {
  it('offers commands, principle ids and options', () => {
    const home = tempHome('harmony-fish-');
    const script = join(home, 'harmony.fish');
    writeFileSync(script, run(['completion', 'fish'], { home }).stdout);
    mkdirSync(join(home, 'bin'));
    symlinkSync(BIN, join(home, 'bin', 'harmony'));
    const ask = (line: string) => {
      const r = spawnSync('fish', ['--no-config', '-c', `source '${script}'; complete -C '${line}'`], {
        encoding: 'utf8',
        env: { ...process.env, HARMONY_HOME: home, PATH: `${join(home, 'bin')}:${process.env.PATH}` },
      });
      expect(r.status, r.stderr).toBe(0);
      return r.stdout.split('\n').filter(Boolean).map((l) => l.split('\t')[0]);
    };
    expect(ask('harmony le').sort()).toEqual(['learn', 'lessons']);
    expect(ask('harmony learn ').sort()).toEqual([...PRINCIPLE_IDS].sort());
    expect(ask('harmony journal --se')).toEqual(['--search']);
  });
});

describe.skipIf(!has('zsh'))('harmony completion zsh (in zsh)', () => {
  it('parses (zsh -n)', () => {
    const home = tempHome('harmony-zsh-');
    const script = join(home, '_harmony');
    writeFileSync(script, run(['completion', 'zsh'], { home }).stdout);
    const r = spawnSync('zsh', ['-n', script], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
  });
});
