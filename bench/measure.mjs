// Timing whole processes against `node -e 0` in the same loop, plus peak memory.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const NODE = process.execPath;
const BASELINE = { args: ['-e', '0'], env: process.env };

export const median = (xs) => {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

/** Runs node with `args` once; stdout goes to /dev/null (as when piped away), stderr is kept. */
export function timeOnce({ args, env }) {
  const started = process.hrtime.bigint();
  const r = spawnSync(NODE, args, { env, stdio: ['ignore', 'ignore', 'pipe'], timeout: 120_000 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const stderr = r.stderr ? r.stderr.toString() : '';
  const failed = r.status !== 0 ? `exit ${r.status ?? r.signal}: ${stderr.trim().split('\n')[0] || '(no message)'}` : null;
  return { ms, failed };
}

// Peak resident memory through GNU time (%M, in KiB), when it is installed.
const scratch = mkdtempSync(join(tmpdir(), 'harmony-bench-mem-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));

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
    if (!first) base.push(timeOnce(BASELINE).ms);
    const r = timeOnce(make(n++));
    if (r.failed) return { error: r.failed };
    cmd.push(r.ms);
    if (first) base.push(timeOnce(BASELINE).ms);
  }
  const ratios = cmd.map((ms, i) => ms / base[i]);
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
    ms: { median: median(cmd), min: Math.min(...cmd), max: Math.max(...cmd) },
    nodeMs: median(base),
    peakKiB: kib,
    nodePeakKiB: baseKib,
    memRatio: kib && baseKib ? kib / baseKib : null,
    raw: { cmd: cmd.map((x) => +x.toFixed(2)), node: base.map((x) => +x.toFixed(2)) },
  };
}
