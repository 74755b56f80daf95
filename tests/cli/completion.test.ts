// The generated scripts are run in a real bash: source, `complete -p`, then the completion
// function with COMP_WORDS/COMP_CWORD set as bash would, reading COMPREPLY back.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli.js';
import { SETTING_KEYS } from '../../src/core/config.js';
import { completionTree } from '../../src/core/completion.js';
import { bashScript } from '../../src/core/completion-scripts.js';
import { PRINCIPLE_IDS } from '../../src/core/principles.js';
import { createTestIO } from '../../src/ui/io.js';
import { cleanupHomes, run, tempHome } from '../helpers/cli.js';

afterAll(cleanupHomes);

let dir: string;
let bashFile: string;

beforeAll(() => {
  dir = tempHome('harmony-completion-');
  const r = run(['completion', 'bash'], { home: dir });
  expect(r.code, r.stderr).toBe(0);
  bashFile = join(dir, 'harmony.bash');
  writeFileSync(bashFile, r.stdout);
});

/** Completes the last word of `line` (a trailing space means an empty last word). */
function complete(script: string, line: string, cwd = dir): string[] {
  const words = line.split(' ');
  const program = `source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 )); _harmony; printf '%s\\n' "\${COMPREPLY[@]}"`;
  const r = spawnSync('bash', ['--norc', '-c', program, 'bash', script, ...words], { encoding: 'utf8', cwd });
  expect(r.stderr).toBe('');
  return r.stdout.split('\n').filter(Boolean);
}

const inProcess = () => buildProgram(() => {
  throw new Error('not used');
}, createTestIO());
/** The commands a user sees (git runs the hidden merge-driver; completion leaves it out). */
const visible = () => inProcess().commands.filter((c) => !(c as unknown as { _hidden?: boolean })._hidden);

describe('harmony completion bash (run in bash)', () => {
  it('registers a completion function for harmony', () => {
    const r = spawnSync('bash', ['--norc', '-c', 'source "$1"; complete -p harmony', 'bash', bashFile], { encoding: 'utf8' });
    expect(r.stdout.trim()).toBe('complete -F _harmony harmony');
  });

  it('completes every command of the program, and prefixes', () => {
    const expected = visible().map((c) => c.name());
    expect(expected.length).toBeGreaterThanOrEqual(5);
    expect(complete(bashFile, 'harmony ').sort()).toEqual([...expected, 'help'].sort());
    expect(complete(bashFile, 'harmony le')).toEqual(expected.filter((n) => n.startsWith('le')));
    expect(complete(bashFile, 'harmony le').sort()).toEqual(['learn', 'lessons']);
  });

  it('completes subcommands and their argument choices', () => {
    expect(complete(bashFile, 'harmony config ').sort()).toEqual(['get', 'help', 'list', 'path', 'set']);
    expect(complete(bashFile, 'harmony --debug config s')).toEqual(['set']);
    expect(complete(bashFile, 'harmony config get ')).toEqual([...SETTING_KEYS]);
    expect(complete(bashFile, 'harmony config set d')).toEqual(['dayStartHour']);
    expect(complete(bashFile, 'harmony completion ')).toEqual(['bash', 'zsh', 'fish']);
    expect(complete(bashFile, 'harmony remind --install z')).toEqual(['zsh']);
  });

  it('completes principle ids for arguments and --principle', () => {
    expect(complete(bashFile, 'harmony learn ')).toEqual([...PRINCIPLE_IDS]);
    expect(complete(bashFile, 'harmony learn w')).toEqual(['wellbeing']);
    const withOption = inProcess().commands.filter((c) => c.options.some((o) => o.long === '--principle'));
    expect(withOption.length).toBeGreaterThan(0);
    for (const cmd of withOption) {
      expect(complete(bashFile, `harmony ${cmd.name()} --principle `), cmd.name()).toEqual([...PRINCIPLE_IDS]);
      expect(complete(bashFile, `harmony ${cmd.name()} --principle tr`)).toEqual(['trust']);
    }
  });

  it("completes each command's own options plus the global ones, skipping option values", () => {
    for (const cmd of visible()) {
      const offered = complete(bashFile, `harmony ${cmd.name()} --`);
      for (const o of cmd.options) if (o.long) expect(offered, `${cmd.name()} ${o.long}`).toContain(o.long);
      expect(offered).toEqual(expect.arrayContaining(['--help', '--no-color', '--debug']));
    }
    // The value of --install is not mistaken for a command or an argument.
    expect(complete(bashFile, 'harmony remind --install bash --')).toContain('--install');
    expect(complete(bashFile, 'harmony learn --plain ')).toEqual([...PRINCIPLE_IDS]);
  });

  it("lends a default subcommand's options to its parent", () => {
    const program = new Command('harmony');
    const notes = program.command('notes');
    notes.command('list', { isDefault: true }).option('--search <text>', 'find').option('--kind <kind>', 'which').argument('[principle]');
    notes.command('show').argument('<id>');
    const script = join(dir, 'default.bash');
    writeFileSync(script, bashScript(completionTree(program), 'harmony'));
    expect(complete(script, 'harmony notes --s')).toEqual(['--search']);
    expect(complete(script, 'harmony notes ')).toEqual(['list', 'show', 'help', ...PRINCIPLE_IDS]);
    expect(complete(script, 'harmony notes show --s')).toEqual([]);
    expect(complete(bashFile, 'harmony config ')).not.toContain('--json');
    expect(complete(bashFile, 'harmony config --j')).toEqual(['--json']); // from config list
  });

  it('offers siblings after help', () => {
    expect(complete(bashFile, 'harmony help con')).toEqual(['config', 'conflicts']);
  });

  it('covers a new command automatically, including file arguments', () => {
    const program = new Command('harmony');
    program.option('--debug', 'debug');
    program.command('export').option('--out <file>', 'where').option('--format <fmt>', 'md or json');
    program.command('import').argument('<file>', 'the file');
    program.command('tag').argument('[principle]', 'which').argument('<words...>', 'tags');
    const script = join(dir, 'synthetic.bash');
    writeFileSync(script, bashScript(completionTree(program), 'harmony'));
    const files = join(dir, 'files');
    mkdirSync(files, { recursive: true });
    writeFileSync(join(files, 'notes.json'), '{}');
    writeFileSync(join(files, 'nothing.md'), '');
    expect(complete(script, 'harmony ')).toEqual(['export', 'import', 'tag', 'help']);
    expect(complete(script, 'harmony import no', files).sort()).toEqual(['notes.json', 'nothing.md']);
    expect(complete(script, 'harmony export --out notes', files)).toEqual(['notes.json']);
    expect(complete(script, 'harmony export --format ')).toEqual([]);
    expect(complete(script, 'harmony tag in')).toEqual(['intimacy']);
    expect(complete(script, 'harmony tag --debug x ')).toEqual([]);
  });
});

describe('harmony completion zsh|fish', () => {
  it('prints scripts that name every command path', () => {
    const zsh = run(['completion', 'zsh'], { home: dir });
    const fish = run(['completion', 'fish'], { home: dir });
    expect(zsh.code).toBe(0);
    expect(fish.code).toBe(0);
    expect(zsh.stdout.startsWith('#compdef harmony\n')).toBe(true);
    expect(fish.stdout).toContain("complete -c harmony -f -a '(__harmony_complete)'");
    for (const cmd of visible()) {
      expect(zsh.stdout).toContain(`'${cmd.name()}:`);
      expect(fish.stdout).toMatch(new RegExp(`'harmony_${cmd.name()}'`));
    }
    expect(zsh.stdout).toContain(`reply=(${PRINCIPLE_IDS.map((id) => `'${id}'`).join(' ')})`);
  });

  it('rejects an unknown shell with exit 2', () => {
    const r = run(['completion', 'tcsh'], { home: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('bash, zsh, fish');
  });
});
