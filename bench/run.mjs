// npm run bench: builds realistic stores, times each command as a whole process against
// `node -e 0` run beside it, prints a table with the budgets of issue 7, writes JSON to
// bench/results/<timestamp>.json (and bench/latest.json with --latest).
//   node bench/run.mjs [--runs N] [--quick] [--only cmd,cmd] [--stores empty,10y] [--latest] [--keep]
// (--only shell: only the shell snippet's cost, bench/shell.mjs)
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { COMMANDS } from './commands.mjs';
import { compare, median, memoryAvailable } from './measure.mjs';
import { printGrowth, printTable, printVerdicts } from './report.mjs';
import { measureShells, printShells } from './shell.mjs';
import { buildStores } from './stores.mjs';
import { benchSync, hasGit } from './sync.mjs';
import { writeDrafts } from './drafts.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin', 'harmony.js');
const { values: opt } = parseArgs({
  options: {
    runs: { type: 'string', default: '10' },
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    stores: { type: 'string', default: 'empty,1y,10y,100k,10y-locked,10y-open' },
    latest: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});
const runs = opt.quick ? 5 : Math.max(3, Number(opt.runs) || 10);
const memRuns = opt.quick ? 1 : 3;
if (!existsSync(join(ROOT, 'dist', 'content.json'))) throw new Error('No build found: run npm run build (npm run bench does).');

const started = Date.now();
const load = [loadavg()[0]];
const work = mkdtempSync(join(tmpdir(), 'harmony-bench-'));
process.on('exit', () => opt.keep || rmSync(work, { recursive: true, force: true }));
process.on('SIGINT', () => process.exit(130));
console.log(`harmony bench: node ${process.version}, ${cpus().length} CPUs, load ${load[0].toFixed(2)}; building stores in ${work}`);
const manifest = await buildStores(ROOT, work);
manifest.drafts = writeDrafts(ROOT, work);
if (opt.stores.split(',').some((s) => s.startsWith('10y-'))) encryptedCopies(manifest, work);
const storeNames = opt.stores.split(',').filter((s) => manifest.stores[s]);
for (const s of storeNames) {
  const st = manifest.stores[s];
  const people = st.people ? `, ${st.people} people (${st.connections} entries naming them)` : '';
  console.log(`  ${s.padEnd(6)} ${String(st.entries).padStart(6)} entries, ${st.months} month files, ${st.quizReviews ?? 0} quiz reviews${people} (${st.ms} ms)`);
}
if (manifest.quizWarning) console.log(`  warning: ${manifest.quizWarning}`);
const withMemory = memoryAvailable();
if (!withMemory) console.log('  /usr/bin/time (GNU time) not found: peak memory not measured');

// The bench's "today" is the day after the stores' history; saves move one day per run, so
// the same-day rule never bites and each save lands in the same month as the last entries.
const today = (n) => new Date(Date.parse(`${manifest.lastDay}T20:00:00Z`) + (n + 1) * 86_400_000).toISOString();
const runtimeOf = (home) => Object.values(manifest.stores).find((s) => s.home === home)?.runtime ?? join(work, 'runtime');
const envFor = (home, now) => ({ ...process.env, HARMONY_HOME: home, HARMONY_NOW: now, TZ: 'UTC', NO_COLOR: '1', FORCE_COLOR: undefined, XDG_RUNTIME_DIR: runtimeOf(home) });

/**
 * Two encrypted copies of the 10-year store (issue 18), made by the real `harmony encrypt`
 * (scrypt at its full 2^18): 10y-locked, whose runtime folder holds no key, and 10y-open,
 * unlocked for the run.
 */
function encryptedCopies(manifest, work) {
  const base = manifest.stores['10y'];
  if (!base) return;
  manifest.passFile = join(work, 'passphrase');
  writeFileSync(manifest.passFile, 'a bench passphrase of some length\n', { mode: 0o600 });
  for (const name of ['10y-locked', '10y-open']) {
    const started = Date.now();
    const home = join(work, 'stores', name);
    const runtime = join(work, `runtime-${name}`);
    mkdirSync(runtime, { recursive: true, mode: 0o700 });
    cpSync(base.home, home, { recursive: true });
    const env = { ...process.env, HARMONY_HOME: home, HARMONY_NOW: `${manifest.lastDay}T20:00:00Z`, TZ: 'UTC', NO_COLOR: '1', XDG_RUNTIME_DIR: runtime };
    execFileSync(process.execPath, [BIN, 'encrypt', '--passphrase-file', manifest.passFile], { env, stdio: 'ignore' });
    if (name === '10y-open') execFileSync(process.execPath, [BIN, 'unlock', '--for', '30d', '--passphrase-file', manifest.passFile], { env, stdio: 'ignore' });
    manifest.stores[name] = { ...base, home, runtime, ms: Date.now() - started };
  }
}

/** null when the command exists with the flags we use, else why not. */
function missing(cmd, env) {
  if (!cmd.probe) return null;
  const [sub, ...flags] = cmd.probe;
  const r = spawnSync(process.execPath, [BIN, ...sub.split(' '), '--help'], { env, encoding: 'utf8', timeout: 30_000 });
  // An unknown command's --help shows the top-level help instead, so look for its own usage line.
  if (r.status !== 0 || !r.stdout.includes(`Usage: harmony ${sub}`)) return `no "${sub}" command yet`;
  const absent = flags.filter((f) => !r.stdout.includes(f));
  return absent.length ? `"${sub}" has no ${absent.join(' ')} option` : null;
}

const wanted = opt.only ? COMMANDS.filter((c) => opt.only.split(',').includes(c.name)) : COMMANDS;
const rows = [];
// Read-only commands first, saves last: saves add a few entries to each store.
for (const cmd of [...wanted.filter((c) => !c.save), ...wanted.filter((c) => c.save)]) {
  // An encrypted copy only for the commands that name it (the others would just be asked to unlock).
  const stores = cmd.anyStore ? ['any'] : storeNames.filter((s) => (cmd.only ? cmd.only.includes(s) : !s.startsWith('10y-') || cmd.enc?.includes(s)));
  const why = missing(cmd, envFor(manifest.stores.empty.home, today(0)));
  for (const store of stores) {
    const home = manifest.stores[store === 'any' ? '10y' : store].home;
    const args = [BIN, ...(typeof cmd.args === 'function' ? cmd.args(manifest) : cmd.args)];
    const make = (n) => ({ args, env: envFor(home, today(cmd.save ? n : 0)), okExit: cmd.okExit });
    const result = why ? { reason: why } : compare(make, { runs: cmd.save ? Math.min(runs, 14) : runs, memRuns: withMemory ? memRuns : 0 });
    rows.push({ command: cmd.name, store, result });
    if (process.stdout.isTTY) process.stdout.write(`\r  measured ${rows.length} (${cmd.name} @${store})`.padEnd(60));
  }
}
if (process.stdout.isTTY) process.stdout.write('\r'.padEnd(61) + '\r');
// The reminder snippet in the shells (issue 19), after the saves: each store's cache is made for today.
const shellRows = !opt.only || opt.only.split(',').includes('shell') ? measureShells(BIN, work, manifest, storeNames, { runs: opt.quick ? 4 : 10 }) : [];
// harmony sync of one new entry against the git commands it runs (issue 17), from a copy of
// the 1-year store; its `node` column is the time of those git commands, run one after another.
if (!opt.only || opt.only.split(',').includes('sync')) {
  let result;
  try {
    result = hasGit() ? benchSync({ runs, history: manifest.stores['1y']?.home }) : { reason: 'git is not installed' };
  } catch (error) {
    result = { error: error.message.split('\n')[0] };
  }
  if (result.gitMs) result.nodeMs = result.gitMs;
  rows.push({ command: 'sync', store: 'any', result });
}
load.push(loadavg()[0]);

console.log('');
const verdicts = printTable(rows);
printGrowth(rows, storeNames);
const shellVerdicts = shellRows.length ? printShells(shellRows) : [];
verdicts.push(...shellVerdicts);
printVerdicts(verdicts);
const seconds = (Date.now() - started) / 1000;
const nodeMs = median(rows.filter((r) => r.result.nodeMs).map((r) => r.result.nodeMs));
console.log(`\nRatios are to \`node -e 0\` (median ${nodeMs?.toFixed(0) ?? '?'} ms here) measured in the same loop; median/min/max over ${runs} runs (fewer above 600 ms) after 2 warm-ups.`);
console.log(`Load average ${load[0].toFixed(2)} -> ${load[1].toFixed(2)} on ${cpus().length} CPUs: other work on the machine makes these numbers noisy. Took ${seconds.toFixed(0)} s.`);

let commit = 'unknown';
try {
  commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  if (execFileSync('git', ['status', '--porcelain', '--', 'src', 'scripts', 'bin'], { cwd: ROOT, encoding: 'utf8' }).trim()) commit += '+dirty';
} catch {
  // not a git checkout
}
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const report = {
  date: new Date().toISOString(), commit, node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model,
  loadavg: load, seconds, runs, stores: manifest.stores, quizWarning: manifest.quizWarning, rows, shellRows, budgets: verdicts,
};
const dir = join(ROOT, 'bench', 'results');
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, `${stamp}.json`), JSON.stringify(report, null, 1) + '\n');
if (opt.latest) writeFileSync(join(ROOT, 'bench', 'latest.json'), JSON.stringify(report, null, 1) + '\n');
console.log(`Wrote bench/results/${stamp}.json${opt.latest ? ' and bench/latest.json' : ''}`);
