// What the reminder snippet (harmony remind --install) adds to a new shell: `bash --norc -c`
// sourcing the snippet (its "is this shell interactive?" test replaced by true, so it does
// what it does in a terminal) against `bash --norc -c :` doing nothing, run side by side,
// alternating. Also the cost inside one bash (sourcing it 200 times, timed with
// EPOCHREALTIME), which process start-up noise does not blur; and zsh and fish where installed.
// Goal (issue 19): <= 2 ms added at 10 years of history.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { median } from './measure.mjs';

const GOAL_MS = 2;
const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;

const SHELLS = {
  bash: { args: (script) => ['--norc', '--noprofile', '-c', script] },
  zsh: { args: (script) => ['-f', '-c', script] },
  fish: { args: (script) => ['--no-config', '-c', script] },
};

function wallMs(cmd, args, env) {
  const started = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, out: r.stdout, err: r.stderr, status: r.status };
}

const BATCH = 20;
/**
 * One sample: BATCH shells started one after another by a bash timing them all (wall, user
 * and system time), per shell in ms. A batch keeps the spawn cost of this process, and the
 * timer's 1 ms resolution, out of a figure of a few milliseconds.
 */
function batchMs(cmd, args, env) {
  const script = `TIMEFORMAT='%3R %3U %3S'; time { for ((i = 0; i < ${BATCH}; i++)); do "$@" >/dev/null; done; }`;
  const r = spawnSync('bash', ['--norc', '--noprofile', '-c', script, 'bash', cmd, ...args], { env, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const [real, user, sys] = r.stderr.trim().split('\n').at(-1).split(' ').map(Number);
  return { ms: (real * 1000) / BATCH, cpuMs: ((user + sys) * 1000) / BATCH };
}

/** Writes the snippets (made to run as in an interactive shell) into `dir`, via the built binary. */
function snippets(bin, dir) {
  const files = {};
  for (const shell of Object.keys(SHELLS)) {
    const r = spawnSync(process.execPath, [bin, 'remind', '--install', shell], { encoding: 'utf8', env: { ...process.env, HARMONY_HOME: dir, HOME: dir, ZDOTDIR: dir, XDG_CONFIG_HOME: dir } });
    if (r.status !== 0) throw new Error(`harmony remind --install ${shell}: ${r.stderr}`);
    files[shell] = join(dir, `snippet.${shell}`);
    writeFileSync(files[shell], r.stdout.replace('if [[ $- == *i* ]]; then', 'if true; then').replace('if status is-interactive;', 'if true;'));
  }
  return files;
}

/**
 * For each store: the cache is made for the real clock first (`harmony remind` rebuilds it
 * when it does not cover today), and the snippet must print what harmony remind prints (no
 * harmony on PATH: a snippet that fell back would print nothing, and the row says so).
 */
export function measureShells(bin, work, manifest, storeNames, { runs = 10 } = {}) {
  const files = snippets(bin, work);
  const rows = [];
  for (const store of storeNames) {
    const home = manifest.stores[store].home;
    const env = { PATH: '/usr/local/bin:/usr/bin:/bin', HOME: home, HARMONY_HOME: home, TERM: 'dumb', TZ: process.env.TZ ?? 'UTC' };
    const want = spawnSync(process.execPath, [bin, 'remind'], { env: { ...process.env, ...env, NO_COLOR: '1' }, encoding: 'utf8' }).stdout;
    for (const [shell, { args }] of Object.entries(SHELLS)) {
      if (!has(shell)) {
        rows.push({ shell, store, reason: `${shell} is not installed` });
        continue;
      }
      const source = args(`source '${files[shell]}'`);
      const nothing = args(':');
      const check = wallMs(shell, source, env);
      if (check.out !== want || check.err !== '') {
        rows.push({ shell, store, reason: `the snippet did not answer from the cache (printed ${JSON.stringify(check.out.slice(0, 60))}, harmony remind ${JSON.stringify(want.slice(0, 60))})` });
        continue;
      }
      const alone = [];
      const withSnippet = [];
      batchMs(shell, nothing, env), batchMs(shell, source, env);
      for (let i = 0; i < runs; i++) {
        if (i % 2) alone.push(batchMs(shell, nothing, env));
        withSnippet.push(batchMs(shell, source, env));
        if (!(i % 2)) alone.push(batchMs(shell, nothing, env));
      }
      const row = { shell, store, runs: runs * BATCH, aloneMs: median(alone.map((r) => r.ms)), snippetMs: median(withSnippet.map((r) => r.ms)) };
      row.addedMs = row.snippetMs - row.aloneMs;
      row.ratio = row.snippetMs / row.aloneMs;
      row.addedCpuMs = median(withSnippet.map((r) => r.cpuMs)) - median(alone.map((r) => r.cpuMs));
      // Inside one shell: 200 sources against 200 no-ops, microseconds per start.
      if (shell === 'bash') {
        const loop = (body) => `s=$EPOCHREALTIME; for ((i = 0; i < 200; i++)); do ${body}; done >/dev/null; e=$EPOCHREALTIME; echo $(( (\${e/./} - \${s/./}) / 200 ))`;
        const inner = Number(wallMs('bash', ['--norc', '--noprofile', '-c', loop(`source '${files.bash}'`)], env).out.trim());
        const empty = Number(wallMs('bash', ['--norc', '--noprofile', '-c', loop(':')], env).out.trim());
        row.inShellUs = inner - empty;
      }
      rows.push(row);
    }
  }
  return rows;
}

export function printShells(rows, log = console.log) {
  log('\nShell start-up with the reminder snippet (harmony remind --install), against the same shell doing nothing, side by side:');
  log(`${'shell'.padEnd(7)}${'store'.padEnd(7)}${'alone'.padStart(9)}${'snippet'.padStart(10)}${'added'.padStart(9)}${'ratio'.padStart(8)}${'cpu+'.padStart(9)}${'in-shell'.padStart(10)}  goal`);
  const verdicts = [];
  for (const r of rows) {
    if (r.reason) {
      log(`${r.shell.padEnd(7)}${r.store.padEnd(7)}  n/a: ${r.reason}`);
      continue;
    }
    const goal = r.shell === 'bash' ? `<= ${GOAL_MS} ms added ${r.addedMs <= GOAL_MS ? 'PASS' : 'FAIL'}` : r.shell === 'fish' ? '(one `date` process)' : '';
    if (r.shell === 'bash' && r.store === '10y') verdicts.push({ label: `bash snippet @10y <= ${GOAL_MS} ms added`, value: r.addedMs, display: `${r.addedMs.toFixed(2)} ms (${r.ratio.toFixed(2)}x)`, verdict: r.addedMs <= GOAL_MS ? 'PASS' : 'FAIL' });
    log(
      `${r.shell.padEnd(7)}${r.store.padEnd(7)}${`${r.aloneMs.toFixed(2)} ms`.padStart(9)}${`${r.snippetMs.toFixed(2)} ms`.padStart(10)}${`${r.addedMs.toFixed(2)} ms`.padStart(9)}` +
        `${`${r.ratio.toFixed(2)}x`.padStart(8)}${`${r.addedCpuMs.toFixed(2)} ms`.padStart(9)}${(r.inShellUs === undefined ? '-' : `${r.inShellUs} µs`).padStart(10)}  ${goal}`,
    );
  }
  log(`Per shell start, medians of ${rows.find((r) => r.runs)?.runs ?? '?'} starts each (batches of ${BATCH}, alternating); cpu+: user+system time added; in-shell: the snippet's own cost inside one bash (200 sources), without process start-up.`);
  return verdicts;
}
