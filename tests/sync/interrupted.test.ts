// A sync killed while git writes the working tree (issue 17), made to happen at the same point
// every time: a smudge filter (set up for this test only) holds git just after it has removed
// a month file to write it anew, and the test kills harmony with its git there. The next sync
// must put the month back and finish, with nothing lost; the kill test finds this window only
// now and then, at random.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { seededRng } from '../../src/core/quiz-select.js';
import { BIN } from '../helpers/cli.js';
import { HAS_GIT, NO_GIT_REASON, Sim, type Clone } from '../helpers/sync-sim.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
if (!HAS_GIT) console.log(`sync interrupted-merge test skipped: ${NO_GIT_REASON}`);

const MONTH = join('journal', '2026-05.json');

async function twoMachines(seed: number) {
  const dir = mkdtempSync(join(tmpdir(), 'harmony-interrupted-'));
  dirs.push(dir);
  const sim = new Sim(dir, seededRng(seed));
  await sim.start(2, 0);
  const [a, b] = sim.clones as [Clone, Clone];
  // Both have the month; then the remote has news for it, so a's next sync merges and git rewrites it.
  await sim.add(a, 'note');
  await sim.sync(a);
  await sim.sync(b);
  await sim.add(b, 'checkin');
  await sim.sync(b);
  return { dir, sim, a, b };
}

// Once: the filter's git, found through /proc (Linux), is killed; after that the filter passes the month through.
const killGitOnce = (dir: string) =>
  `[ -e '${dir}/killed-once' ] && exec cat\ntouch '${dir}/killed-once'\np=$PPID; while [ "$(cat /proc/$p/comm)" != git ]; do p=$(cut -d" " -f4 /proc/$p/stat); done; kill -9 $p\n`;

/**
 * From now on git stops in a's repository whenever it writes a month (the file already
 * removed), until `release`: it waits there, or with `killGit` is killed there (harmony goes on).
 */
function holdGitOnMonths(dir: string, a: Clone, killGit = false) {
  const marker = join(dir, 'git-is-holding');
  const script = join(dir, 'hold.sh');
  writeFileSync(script, killGit ? `touch '${marker}'\n${killGitOnce(dir)}` : `touch '${marker}'\nexec sleep 120\n`);
  const git = (args: string[]) => spawnSync('git', ['-C', a.home, ...args], { encoding: 'utf8' });
  // (core.attributesFile: harmony writes .git/info/attributes itself at each sync.)
  const attributes = join(dir, 'hold-attributes');
  writeFileSync(attributes, 'journal/*.json filter=hold\n');
  git(['config', 'filter.hold.smudge', `sh '${script}'`]);
  git(['config', 'core.attributesFile', attributes]);
  return {
    marker,
    release: () => {
      git(['config', '--unset', 'filter.hold.smudge']);
      git(['config', '--unset', 'core.attributesFile']);
    },
  };
}

/** Runs the binary's sync on `home` and, once git holds, kills it and everything it started (kill -9). */
async function syncKilledWhileGitHolds(sim: Sim, home: string, marker: string): Promise<void> {
  rmSync(marker, { force: true });
  const child = spawn(process.execPath, [BIN, 'sync'], { env: { ...sim.env, HARMONY_HOME: home }, detached: true, stdio: 'ignore' });
  let exited = false;
  const ended = new Promise((done) => child.on('exit', done)).then(() => (exited = true));
  const deadline = Date.now() + 60_000;
  while (!existsSync(marker) && !exited && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  expect(existsSync(marker), 'git reached a month file').toBe(true);
  process.kill(-child.pid!, 'SIGKILL');
  await ended;
}

/** What a killed git leaves goes stale with time; here the time is skipped. */
function ageGitLock(home: string): void {
  const lock = join(home, '.git', 'index.lock');
  const old = new Date(Date.now() - 60_000);
  if (existsSync(lock)) utimesSync(lock, old, old);
}

const phaseLeft = (home: string) => readFileSync(join(home, '.git', 'harmony', 'sync.pid'), 'utf8').trim().split(' ')[1];
const syncBin = (sim: Sim, home: string) => spawnSync(process.execPath, [BIN, 'sync'], { env: { ...sim.env, HARMONY_HOME: home }, encoding: 'utf8', timeout: 120_000 });

describe.skipIf(!HAS_GIT)('a sync killed while git rewrites a month file', { timeout: 240_000 }, () => {
  it('a fast-forward: the month git had removed is back and the next sync finishes', async () => {
    const { dir, sim, a, b } = await twoMachines(11);
    const hold = holdGitOnMonths(dir, a);
    await syncKilledWhileGitHolds(sim, a.home, hold.marker);
    // The window itself: the month is gone from the working tree, the killed sync was merging.
    expect(existsSync(join(a.home, MONTH))).toBe(false);
    expect(phaseLeft(a.home)).toBe('merge');
    hold.release();
    ageGitLock(a.home);
    const next = syncBin(sim, a.home);
    expect([next.status, next.stderr]).toEqual([0, '']);
    expect(next.stdout).toContain(`After an interrupted sync: restored ${MONTH}`);
    expect(existsSync(join(a.home, MONTH))).toBe(true);
    await sim.sync(b);
    expect(await sim.check()).toEqual([]);
  });

  it('a merge with news on both sides, killed again while the next sync repairs it: the third sync finishes, nothing lost', async () => {
    const { dir, sim, a, b } = await twoMachines(12);
    await sim.add(a, 'note');
    await sim.edit(a);
    const hold = holdGitOnMonths(dir, a);
    await syncKilledWhileGitHolds(sim, a.home, hold.marker);
    expect(existsSync(join(a.home, MONTH))).toBe(false);
    ageGitLock(a.home);
    // The sync after it takes over and restores the month: git holds there too, and is killed.
    await syncKilledWhileGitHolds(sim, a.home, hold.marker);
    expect(existsSync(join(a.home, MONTH))).toBe(false);
    expect(phaseLeft(a.home)).toBe('merge'); // still known as a merge to repair, not a fresh start
    hold.release();
    ageGitLock(a.home);
    const next = syncBin(sim, a.home);
    expect([next.status, next.stderr]).toEqual([0, '']);
    await sim.sync(b);
    await sim.sync(a);
    expect(await sim.check()).toEqual([]);
  });

  it.skipIf(process.platform !== 'linux')('git killed there while harmony goes on: harmony repairs at once, says so, and the next sync finishes', async () => {
    const { dir, sim, a, b } = await twoMachines(14);
    await sim.add(a, 'note');
    const hold = holdGitOnMonths(dir, a, true);
    const stopped = syncBin(sim, a.home);
    expect(existsSync(hold.marker), 'git reached a month file').toBe(true);
    expect(stopped.status, stopped.stderr).toBe(5);
    expect(stopped.stderr).toMatch(/^harmony: git was stopped \(SIGKILL\) while it merged the journal from origin \(.*\); harmony put right what it left half-done, and your changes are committed here\. Run harmony sync again\.$/m);
    expect(stopped.stderr.trim().split('\n')).toHaveLength(1);
    expect(existsSync(join(a.home, MONTH))).toBe(true);
    expect(existsSync(join(a.home, '.git', 'index.lock'))).toBe(false);
    hold.release();
    const next = syncBin(sim, a.home);
    expect([next.status, next.stderr]).toEqual([0, '']);
    await sim.sync(b);
    await sim.sync(a);
    expect(await sim.check()).toEqual([]);
  });

  it('a month deleted by hand is still refused when the sync before was killed outside a merge', async () => {
    const { sim, a } = await twoMachines(13);
    await sim.sync(a);
    const dead = spawnSync('true').pid; // a pid that has ended
    writeFileSync(join(a.home, '.git', 'harmony', 'sync.pid'), `${dead} commit\n`);
    unlinkSync(join(a.home, MONTH));
    const next = syncBin(sim, a.home);
    expect([next.status, next.stderr]).toEqual([5, expect.stringContaining(`${MONTH} was deleted by hand`)]);
  });
});
