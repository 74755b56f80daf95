// Timing whole processes against `node -e 0` in the same loop, plus peak memory.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const NODE = process.execPath;
const scratch = mkdtempSync(join(tmpdir(), 'harmony-bench-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));
const BASELINE = { args: ['-e', '0'], env: process.env };

export const median = (xs) => {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

// bash's `time` reports wall and CPU (user + sys) time of the child at 1 ms resolution. CPU
// time is shown beside the wall-clock ratios the budgets use: other processes on a busy
// machine stretch wall time far more than CPU time. Without bash, wall time from here only.
const TIMED = 'TIMEFORMAT="%3R %3U %3S"; { time "$@" >/dev/null 2>"$HB_ERR"; } 2>&1';
const hasBash = spawnSync('bash', ['-c', 'exit 0']).status === 0;

/** Runs node with `args` once; stdout goes to /dev/null (as when piped away), stderr is kept. */
export function timeOnce({ args, env, okExit = [0] }) {
  const errFile = join(scratch, 'stderr');
  const started = process.hrtime.bigint();
  const r = hasBash
    ? spawnSync('bash', ['-c', TIMED, 'bash', NODE, ...args], { env: { ...env, HB_ERR: errFile }, stdio: ['ignore', 'pipe', 'ignore'], encoding: 'utf8', timeout: 120_000 })
    : spawnSync(NODE, args, { env, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', timeout: 120_000 });
  let ms = Number(process.hrtime.bigint() - started) / 1e6;
  let cpuMs = null;
  let stderr = r.stderr ?? '';
  if (hasBash) {
    const [real, user, sys] = (r.stdout ?? '').trim().split('\n').at(-1).split(' ').map(Number);
    if ([real, user, sys].every(Number.isFinite)) [ms, cpuMs] = [real * 1000, (user + sys) * 1000];
    try {
      stderr = readFileSync(errFile, 'utf8');
    } catch {
      stderr = '';
    }
  }
  const failed = !okExit.includes(r.status) ? `exit ${r.status ?? r.signal}: ${stderr.trim().split('\n')[0] || '(no message)'}` : null;
  return { ms, cpuMs, failed };
}

// Peak resident memory through GNU time (%M, in KiB), when it is installed.

export function peakKiB({ args, env }) {
  const out = join(scratch, 'rss');
  const r = spawnSync('/usr/bin/time', ['-f', '%M', '-o', out, NODE, ...args], { env, stdio: 'ignore', timeout: 120_000 });
  if (r.error || r.status !== 0) return null;
  const kib = Number(readFileSync(out, 'utf8').trim().split('\n').at(-1));
  return Number.isFinite(kib) && kib > 0 ? kib : null;
}

export const memoryAvailable = () => peakKiB(BASELINE) !== null;

/**
 * Measures a command against `node -e 0`. `make(n)` returns {args, env} for the n-th
 * invocation (warm-up included), so save commands can use a fresh day each time.
 * Runs alternate which of the pair goes first, and each ratio compares neighbours, so load
 * from other processes hits both sides alike.
 */
export function compare(make, { runs, warmup = 2, memRuns = 3, slowMs = 600 }) {
  let n = 0;
  const warm = [];
  for (let i = 0; i < warmup; i++) {
    const r = timeOnce(make(n++));
    if (r.failed) return { error: r.failed };
    warm.push(r.ms);
    timeOnce(BASELINE);
  }
  // Slow commands (the stress store) get fewer runs, to keep the whole bench short.
  const count = Math.max(3, warm.at(-1) > slowMs ? Math.min(runs, 5) : runs);
  const cmd = [];
  const base = [];
  for (let i = 0; i < count; i++) {
    const first = i % 2 === 0;
    if (!first) base.push(timeOnce(BASELINE));
    const r = timeOnce(make(n++));
    if (r.failed) return { error: r.failed };
    cmd.push(r);
    if (first) base.push(timeOnce(BASELINE));
  }
  const ratios = cmd.map((r, i) => r.ms / base[i].ms);
  const cpu = cmd.every((r) => r.cpuMs !== null) ? median(cmd.map((r) => r.cpuMs)) : null;
  const cpuBase = base.every((r) => r.cpuMs !== null) ? median(base.map((r) => r.cpuMs)) : null;
  const mem = [];
  const memBase = [];
  for (let i = 0; i < memRuns; i++) {
    mem.push(peakKiB(make(n++)));
    memBase.push(peakKiB(BASELINE));
  }
  const kib = mem.every((x) => x !== null) && memRuns > 0 ? median(mem) : null;
  const baseKib = memBase.every((x) => x !== null) && memRuns > 0 ? median(memBase) : null;
  return {
    runs: count,
    ratio: { median: median(ratios), min: Math.min(...ratios), max: Math.max(...ratios) },
    ms: { median: median(cmd.map((r) => r.ms)), min: Math.min(...cmd.map((r) => r.ms)), max: Math.max(...cmd.map((r) => r.ms)) },
    nodeMs: median(base.map((r) => r.ms)),
    cpuRatio: cpu !== null && cpuBase ? cpu / cpuBase : null,
    peakKiB: kib,
    nodePeakKiB: baseKib,
    memRatio: kib && baseKib ? kib / baseKib : null,
    raw: { cmd: cmd.map((r) => +r.ms.toFixed(2)), node: base.map((r) => +r.ms.toFixed(2)), cmdCpu: cmd.map((r) => r.cpuMs), nodeCpu: base.map((r) => r.cpuMs) },
  };
}
