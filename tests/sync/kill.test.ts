// kill -9 at random moments of `harmony sync` (issue 17), 50 times: the built binary syncs a
// machine whose remote has news from another machine (so the kill lands in commits, fetches,
// merges with the driver, pushes), and is killed part-way; sometimes its git processes are
// killed with it. After each kill the next sync must finish, and at the end both machines
// hold the same journal with every entry and every text.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { seededRng } from '../../src/core/quiz-select.js';
import { FILES } from '../../src/store/paths.js';
import { BIN } from '../helpers/cli.js';
import { HAS_GIT, NO_GIT_REASON, Sim } from '../helpers/sync-sim.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
if (!HAS_GIT) console.log(`sync kill test skipped: ${NO_GIT_REASON}`);

const KILLS = 50;
// Where the kills land depends on the machine's timing as well as on the seed, so a run is not
// replayed exactly; another seed (HARMONY_KILL_SEED=n) tries other moments. The window that
// failed once (a month git had removed, tests/sync/interrupted.test.ts) is made on purpose there.
const SEED = Number(process.env.HARMONY_KILL_SEED ?? 4242);

/** The processes whose parent is `pid` (Linux /proc; elsewhere none are found and only harmony is killed). */
function children(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

function kill(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

/** Runs harmony sync on `home` and kills it after `delayMs` (and its git children too, when `group`). */
function syncAndKill(sim: Sim, home: string, delayMs: number, group: boolean): Promise<{ killed: boolean; code: number | null; stderr: string; ms: number }> {
  return new Promise((done) => {
    const started = Date.now();
    const child = spawn(process.execPath, [BIN, 'sync'], { env: { ...sim.env, HARMONY_HOME: home } });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    let killed = false;
    const timer = setTimeout(() => {
      const kids = group ? children(child.pid!) : [];
      kill(child.pid!);
      for (const k of kids) kill(k);
      killed = true;
    }, delayMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ killed: killed && code === null, code, stderr, ms: Date.now() - started });
    });
  });
}

/** What a killed writer left behind goes stale with time; here the time is skipped (as the crash test does). */
function ageLocks(home: string): void {
  const old = new Date(Date.now() - 60_000);
  const lock = join(home, FILES.lock);
  if (existsSync(lock)) utimesSync(lock, old, old);
}

describe.skipIf(!HAS_GIT)('harmony sync killed at random moments', () => {
  it(`recovers and converges after ${KILLS} kill -9s, with nothing lost`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'harmony-kill-'));
    dirs.push(dir);
    const sim = new Sim(dir, seededRng(SEED));
    await sim.start(2, 0);
    const [a, b] = sim.clones as [(typeof sim.clones)[0], (typeof sim.clones)[0]];
    // How long an undisturbed sync takes here, so the kills spread over all of it.
    await sim.add(b, 'checkin');
    await sim.sync(b);
    await sim.add(a, 'note');
    const started = Date.now();
    const first = spawnSync(process.execPath, [BIN, 'sync'], { env: { ...sim.env, HARMONY_HOME: a.home }, encoding: 'utf8' });
    expect(first.status, first.stderr).toBe(0);
    // The kills spread over the middle of the last five whole syncs (this first one to start
    // with): the machine's speed changes during a run of the suite.
    const recent = [Date.now() - started];
    const span = () => [...recent.slice(-5)].sort((x, y) => x - y)[Math.floor(Math.min(recent.length, 5) / 2)]!;
    let kills = 0;
    const phases: Record<string, number> = {};
    const failures: string[] = [];
    // Until KILLS syncs were killed part-way (at most 3 x KILLS rounds): a kill timed after the
    // sync ended makes a whole round all the same, and the next round draws another moment.
    let round = 0;
    for (; kills < KILLS && round < KILLS * 3; round++) {
      sim.time += 3600_000;
      // News on both machines: the other one's reaches the remote first, so A's sync must merge.
      await sim.add(b, sim.pick(['checkin', 'note', 'reflection'] as const));
      if (sim.rng() < 0.5) await sim.edit(b);
      await sim.sync(b);
      await sim.add(a, sim.pick(['checkin', 'note'] as const));
      if (sim.rng() < 0.5) await sim.edit(a);
      const r = await syncAndKill(sim, a.home, Math.floor(sim.rng() * span() * 1.1), sim.rng() < 0.4);
      if (!r.killed) recent.push(r.ms);
      if (r.killed) {
        kills++;
        const left = join(a.home, '.git', 'harmony', 'sync.pid');
        const phase = existsSync(left) ? readFileSync(left, 'utf8').trim().split(' ')[1] ?? '?' : 'before the lock';
        phases[phase] = (phases[phase] ?? 0) + 1;
      }
      ageLocks(a.home);
      // The next sync (the command, as a user would run it) finishes.
      const next = spawnSync(process.execPath, [BIN, 'sync'], { env: { ...sim.env, HARMONY_HOME: a.home }, encoding: 'utf8', timeout: 120_000 });
      if (next.status !== 0) failures.push(`seed ${SEED}, round ${round}: the sync after the kill failed (${next.status}): ${next.stderr.trim()}`);
    }
    for (const c of [a, b, a]) await sim.sync(c);
    console.log(`seed ${SEED}: ${kills} of ${round} syncs were killed part-way (where: ${JSON.stringify(phases)}); a whole sync took ${span()} ms (the middle of the last five); half-written files moved aside: ${readdirSync(a.home).includes('conflict-copies')}`);
    expect(failures).toEqual([]);
    expect(kills).toBeGreaterThanOrEqual(KILLS);
    expect(await sim.check()).toEqual([]);
  }, 900_000);
});
