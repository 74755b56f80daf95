// npm run test:matrix: the whole suite (build, then vitest) on the machine's Node and on Node 22
// and 24 (scripts/node-versions.mjs installs them from the npm registry into a cache outside the
// source tree). One version after another, since each builds dist/ with its own V8 code cache;
// at the end dist/ is rebuilt with the machine's Node, as it was. The typecheck (`npm test`
// runs it first) is left out: tsc gives the same answer on every Node.
//   node scripts/test-matrix.mjs [--only current,22,24] [--workers N] [--refresh] [--prepare-only]
// --only: which versions (`current` is the Node running this script); --workers: vitest's
// maxWorkers (default 2: on 2 cores vitest's own default is 1, which leaves a core idle while
// a test file waits on the processes it spawns); --refresh: reinstall them; --prepare-only:
// install them and check node-pty on each, run no tests.
// node-pty (the pseudo-terminal tests; @lydell/node-pty) is a prebuilt Node-API addon: one
// binary for every Node version, nothing to rebuild per ABI. Each version is still checked
// first; one that cannot load it fails, saying why, rather than skipping the PTY tests.
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureNode, MAJORS, ROOT } from './node-versions.mjs';

const { values: opt } = parseArgs({
  options: {
    only: { type: 'string', default: ['current', ...MAJORS].join(',') },
    refresh: { type: 'boolean', default: false },
    workers: { type: 'string', default: '2' },
    'prepare-only': { type: 'boolean', default: false },
  },
});
const wanted = opt.only.split(',').map((s) => s.trim()).filter(Boolean);

const PTY_CHECK = "const t = require('@lydell/node-pty').spawn('/bin/echo', ['pty-ok'], {}); let out = ''; t.onData((d) => (out += d)); t.onExit(() => process.exit(out.includes('pty-ok') ? 0 : 1));";

/** null when this Node loads node-pty and runs a command in a pseudo-terminal, else why not. */
function ptyProblem(node) {
  const r = spawnSync(node, ['-e', PTY_CHECK], { cwd: ROOT, encoding: 'utf8', timeout: 20_000 });
  if (r.status === 0) return null;
  const text = (r.stderr || r.error?.message || '').trim().split('\n');
  return text.find((l) => /Error/.test(l))?.slice(0, 200) ?? `exit ${r.status}`;
}

/** Builds, then runs vitest, with `target`'s node first on PATH; resolves with its counts. */
function runSuite(target) {
  const env = { ...process.env, PATH: `${target.binDir}:${process.env.PATH}` };
  // npm runs the scripts with whichever `node` PATH finds first: make sure it is this one.
  const seen = spawnSync('npm', ['exec', '--offline', '-c', 'node --version'], { cwd: ROOT, env, encoding: 'utf8' }).stdout?.trim();
  if (seen !== target.version) return Promise.resolve({ code: 1, note: `npm scripts would run ${seen || 'no node'}, not ${target.version}` });
  const started = Date.now();
  const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, env, stdio: 'inherit' });
  if (build.status !== 0) return Promise.resolve({ code: 1, note: `the build failed on ${target.version}` });
  return new Promise((done) => {
    const vitest = join(ROOT, 'node_modules', 'vitest', 'vitest.mjs');
    const child = spawn(target.node, [vitest, 'run', `--maxWorkers=${Number(opt.workers) || 1}`], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'inherit'] });
    let tail = '';
    child.stdout.on('data', (d) => {
      process.stdout.write(d);
      tail = (tail + d).slice(-4000);
    });
    child.on('close', (code) => {
      // eslint-disable-next-line no-control-regex
      const plain = tail.replace(/\u001b\[[0-9;]*m/g, '');
      const line = /^\s*Tests\s+(.*)$/m.exec(plain)?.[1] ?? '';
      const count = (word) => Number(new RegExp(`(\\d+) ${word}`).exec(line)?.[1] ?? 0);
      done({ code, seconds: (Date.now() - started) / 1000, passed: count('passed'), failed: count('failed'), skipped: count('skipped') });
    });
  });
}

const results = [];
for (const which of wanted) {
  let target;
  try {
    target = which === 'current' ? { version: process.version, node: process.execPath, binDir: dirname(process.execPath), fromCache: false } : { ...ensureNode(which, { refresh: opt.refresh }), fromCache: true };
  } catch (error) {
    results.push({ version: `${which}?`, code: 1, note: error.message });
    continue;
  }
  const why = ptyProblem(target.node);
  if (why) {
    results.push({ version: target.version, code: 1, note: `node-pty does not load on this Node: ${why}${target.fromCache ? '' : ' (run npm ci)'}` });
    continue;
  }
  if (opt['prepare-only']) {
    console.log(`node ${target.version}: ready, node-pty loads (${target.node})`);
    results.push({ version: target.version, code: 0, current: !target.fromCache });
    continue;
  }
  console.log(`\n=== test:matrix: node ${target.version} (${target.node}) ===\n`);
  results.push({ version: target.version, current: !target.fromCache, ...(await runSuite(target)) });
}

if (!opt['prepare-only'] && !results.at(-1)?.current) {
  // Leave dist/ as the machine's Node builds it (its code cache matches that Node).
  console.log("\ntest:matrix: rebuilding dist/ with the machine's Node");
  spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
}

console.log('\ntest:matrix summary');
for (const r of results) {
  const counts = r.passed === undefined ? '' : ` ${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped, ${r.seconds.toFixed(0)} s`;
  console.log(`  node ${r.version.padEnd(9)} ${r.code === 0 ? 'ok' : 'FAIL'}${counts}${r.note ? ` (${r.note})` : ''}`);
}
const sum = (k) => results.reduce((n, r) => n + (r[k] ?? 0), 0);
// A version that failed without a failing test (no Node, no node-pty, a build error) counts once.
const failed = results.reduce((n, r) => n + (r.code === 0 ? 0 : Math.max(1, r.failed ?? 0)), 0);
if (!opt['prepare-only']) console.log(`matrix: ${sum('passed')} passed, ${failed} failed, ${sum('skipped')} skipped`);
process.exitCode = results.some((r) => r.code !== 0) || results.length === 0 ? 1 : 0;
