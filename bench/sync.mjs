// The sync budget (issue 17): `harmony sync` of one new entry against a local bare remote, at
// most 1.5x the time of the git commands it runs, measured side by side. The commands are
// recorded from a real `harmony sync` (a `git` on PATH that logs its arguments, then runs the
// real one), then replayed with the real git, one after another, as a script doing the same
// job would run them. Each run, timed or replayed, first saves one new note (not timed).
//   node bench/sync.mjs [--runs N] [--store DIR-with-history]
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './measure.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin', 'harmony.js');

export function hasGit() {
  return spawnSync('git', ['--version']).status === 0;
}

const ms = (start) => Number(process.hrtime.bigint() - start) / 1e6;

/** Runs the sync budget; `history` is a data folder to start from (copied), or none. */
export function benchSync({ runs = 10, history } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'harmony-bench-sync-'));
  try {
    writeFileSync(join(dir, 'gitconfig'), '');
    const env = {
      ...process.env, TZ: 'UTC', NO_COLOR: '1', GIT_CONFIG_GLOBAL: join(dir, 'gitconfig'), GIT_CONFIG_NOSYSTEM: '1',
      GIT_AUTHOR_NAME: 'bench', GIT_AUTHOR_EMAIL: 'bench@example.invalid', GIT_COMMITTER_NAME: 'bench', GIT_COMMITTER_EMAIL: 'bench@example.invalid',
    };
    delete env.FORCE_COLOR;
    const home = join(dir, 'home');
    const remote = join(dir, 'remote.git');
    if (history) cpSync(history, home, { recursive: true });
    execFileSync('git', ['init', '-q', '--bare', remote], { env });
    const harmony = (args, extra = {}) => spawnSync(process.execPath, [BIN, ...args], { env: { ...env, HARMONY_HOME: home, ...extra }, encoding: 'utf8' });
    const init = harmony(['sync', 'init', '--remote', remote]);
    if (init.status !== 0) throw new Error(`sync init failed: ${init.stderr}`);
    let n = 0;
    const note = () => {
      const r = harmony(['note', `Bench note ${n++}: a call that went well.`]);
      if (r.status !== 0) throw new Error(`note failed: ${r.stderr}`);
    };

    // Record the git commands one sync runs.
    const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
    const shim = join(dir, 'shim');
    const log = join(dir, 'git-calls.jsonl');
    execFileSync('mkdir', ['-p', shim]);
    writeFileSync(join(shim, 'git'), `#!${process.execPath}\nrequire('fs').appendFileSync(${JSON.stringify(log)}, JSON.stringify({ cwd: process.cwd(), args: process.argv.slice(2) }) + '\\n');\nconst r = require('child_process').spawnSync(${JSON.stringify(realGit)}, process.argv.slice(2), { stdio: 'inherit' });\nprocess.exit(r.status ?? 1);\n`);
    chmodSync(join(shim, 'git'), 0o755);
    note();
    const recorded = harmony(['sync'], { PATH: `${shim}:${env.PATH}` });
    if (recorded.status !== 0) throw new Error(`sync failed: ${recorded.stderr}`);
    const calls = readFileSync(log, 'utf8').trim().split('\n').map((l) => JSON.parse(l));

    const timeHarmony = () => {
      note();
      const start = process.hrtime.bigint();
      const r = harmony(['sync']);
      const t = ms(start);
      if (r.status !== 0) throw new Error(`sync failed: ${r.stderr}`);
      return t;
    };
    const timeGit = () => {
      note();
      const start = process.hrtime.bigint();
      for (const c of calls) spawnSync(realGit, c.args, { cwd: c.cwd, env, encoding: 'utf8' });
      return ms(start);
    };
    // The floor for any sync written in node: starting node, then the same git commands.
    const timeNode = () => {
      const start = process.hrtime.bigint();
      spawnSync(process.execPath, ['-e', '0']);
      return ms(start);
    };
    timeHarmony();
    timeGit(); // warm-up
    const h = [];
    const g = [];
    const nd = [];
    for (let i = 0; i < runs; i++) {
      if (i % 2 === 0) {
        h.push(timeHarmony());
        g.push(timeGit());
        nd.push(timeNode());
      } else {
        nd.push(timeNode());
        g.push(timeGit());
        h.push(timeHarmony());
      }
    }
    const ratios = h.map((t, i) => t / g[i]);
    const floors = h.map((t, i) => t / (g[i] + nd[i]));
    return {
      runs,
      gitCalls: calls.map((c) => c.args.filter((a, i, all) => all[i - 1] !== '-c' && a !== '-c').slice(0, 2).join(' ')),
      ratio: { median: median(ratios), min: Math.min(...ratios), max: Math.max(...ratios) },
      ms: { median: median(h), min: Math.min(...h), max: Math.max(...h) },
      gitMs: median(g),
      nodeStartMs: median(nd),
      /** Against node -e 0 plus the git commands: what is left is harmony's own work. */
      floorRatio: median(floors),
      raw: { harmony: h.map((x) => +x.toFixed(1)), git: g.map((x) => +x.toFixed(1)), node: nd.map((x) => +x.toFixed(1)) },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 10;
  const r = benchSync({ runs });
  console.log(`harmony sync of one new entry: ${r.ms.median.toFixed(0)} ms; its ${r.gitCalls.length} git commands in a row: ${r.gitMs.toFixed(0)} ms; ratio ${r.ratio.median.toFixed(2)}x (min ${r.ratio.min.toFixed(2)}, max ${r.ratio.max.toFixed(2)}), budget 1.5x`);
  console.log(`against node -e 0 (${r.nodeStartMs.toFixed(0)} ms) plus those git commands: ${r.floorRatio.toFixed(2)}x`);
  console.log(`git commands: ${r.gitCalls.join('; ')}`);
}
