// harmony sync through the built binary (issue 17): two machines (two data folders) and a bare
// remote on this machine, as a user would set them up; then the faults: no git, a remote
// that cannot be reached or refuses the login, a detached HEAD, a rebase in progress, changes
// made by hand, a file merged as text. Git runs with a throwaway global config and a fixed
// identity, never the real ~/.gitconfig.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseReminderCache } from '../../src/core/remind-cache.js';
import { cleanupHomes, run, tempHome } from '../helpers/cli.js';
import { gitEnv, HAS_GIT, NO_GIT_REASON } from '../helpers/sync-sim.js';

afterAll(cleanupHomes);
if (!HAS_GIT) console.log(`sync CLI tests skipped: ${NO_GIT_REASON}`);

const base = mkdtempSync(join(tmpdir(), 'harmony-sync-cli-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));
const env = HAS_GIT ? gitEnv(base) : {};
let n = 0;

/** A bare remote and a fresh data folder for the first machine. */
function setup() {
  const dir = join(base, `case${n++}`);
  mkdirSync(dir);
  const remote = join(dir, 'remote.git');
  spawnSync('git', ['init', '-q', '--bare', remote], { env });
  return { dir, remote, a: join(dir, 'laptop'), b: join(dir, 'desktop') };
}
const h = (home: string, args: string[], extra: Record<string, string | undefined> = {}) => run(args, { home, cwd: base, env: { ...env, ...extra } as Record<string, string> });
const git = (cwd: string, args: string[]) => spawnSync('git', args, { cwd, env, encoding: 'utf8' });
const checkin = (home: string, day: string, answer: string) => h(home, ['checkin', '--mood', '4', '--principle', 'trust', '--answer', answer, '--date', day], { HARMONY_NOW: '2026-05-10T20:00:00Z' });
const streak = (home: string, now = '2026-05-10T21:00:00Z') => JSON.parse(h(home, ['stats', '--json'], { HARMONY_NOW: now }).stdout).streak.current as number;

describe.skipIf(!HAS_GIT)('harmony sync with two machines and a bare remote', { timeout: 180_000 }, () => {
  it('init, clone, check in on both, sync both: one journal and the same streak everywhere', () => {
    const { remote, a, b } = setup();
    for (const day of ['2026-05-06', '2026-05-07', '2026-05-08']) expect(checkin(a, day, `Laptop on ${day}`).code).toBe(0);
    const init = h(a, ['sync', 'init', '--remote', remote]);
    expect(init.code, init.stderr).toBe(0);
    expect(init.stdout).toContain('Your journal syncs with git now');
    const clone = h(b, ['sync', 'clone', remote]);
    expect(clone.code, clone.stderr).toBe(0);
    expect(streak(b, '2026-05-09T08:00:00Z')).toBe(3);
    expect(checkin(b, '2026-05-09', 'Desktop, the day after').code).toBe(0);
    expect(checkin(a, '2026-05-10', 'Laptop, today').code).toBe(0);
    expect(h(b, ['sync']).code).toBe(0);
    const s = h(a, ['sync']);
    expect(s.code, s.stderr).toBe(0);
    expect(s.stdout).toMatch(/Synced with .*remote\.git: sent 2 changed files, received 1 changed file \(journal\/2026-05\.json\)/);
    // The desktop's shell reminder still asks for today's check-in, until the sync brings the laptop's in.
    const cached = () => parseReminderCache(readFileSync(join(b, 'remind-cache.txt'), 'utf8'))!.days.get('2026-05-10');
    expect(cached()?.length).toBeGreaterThan(0);
    expect(h(b, ['sync'], { HARMONY_NOW: '2026-05-10T21:00:00Z' }).code).toBe(0);
    expect(cached()).toEqual([]);
    expect([streak(a), streak(b)]).toEqual([5, 5]);
    const ids = (home: string) => JSON.parse(h(home, ['journal', '--json']).stdout).map((e: { id: string }) => e.id).sort();
    expect(ids(a)).toEqual(ids(b));
    expect(ids(a)).toHaveLength(5);
    // What stays local: the day index, device.json, the lock: never committed.
    h(a, ['config', 'set', 'color', 'never']);
    h(a, ['sync']);
    const tracked = git(a, ['ls-files']).stdout.trim().split('\n');
    expect(tracked.sort()).toEqual(['.gitattributes', '.gitignore', 'journal/2026-05.json', 'state.json']);
    expect(h(b, ['config', 'get', 'color']).stdout).toBe('auto\n');
    const status = JSON.parse(h(a, ['sync', 'status', '--json']).stdout);
    expect(status).toMatchObject({ syncing: true, branch: 'main', uncommitted: 0, ahead: 0, behind: 0, conflicts: 0, autoSync: false });
  });

  it('keeps both versions when both machines edit the same entry, and harmony conflicts resolves it', () => {
    const { remote, a, b } = setup();
    checkin(a, '2026-05-08', 'First words');
    h(a, ['sync', 'init', '--remote', remote]);
    h(b, ['sync', 'clone', remote]);
    const id = JSON.parse(h(a, ['journal', '--json']).stdout)[0].id as string;
    h(a, ['checkin', '--append', '--date', '2026-05-08', '--answer', 'added on the laptop'], { HARMONY_NOW: '2026-05-10T20:00:00Z' });
    h(b, ['checkin', '--append', '--date', '2026-05-08', '--answer', 'added on the desktop'], { HARMONY_NOW: '2026-05-10T20:05:00Z' });
    h(a, ['sync']);
    const s = h(b, ['sync']);
    expect(s.stdout).toContain('1 entry changed on two machines at once');
    const shown = h(b, ['journal', 'show', id, '--no-pager']).stdout;
    expect(shown).toContain('added on the desktop');
    expect(shown).toContain('added on the laptop');
    expect(h(b, ['conflicts']).stdout).toContain('--keep mine|theirs|both');
    expect(h(b, ['conflicts', id, '--keep', 'theirs']).code).toBe(0);
    h(b, ['sync']);
    h(a, ['sync']);
    for (const home of [a, b]) {
      const [e] = JSON.parse(h(home, ['journal', '--json']).stdout);
      expect(e.answers.map((x: { answer: string }) => x.answer)).toEqual(['First words', 'added on the laptop']);
      expect(e.conflicts).toBeUndefined();
    }
  });

  it('clone refuses to overwrite a journal already there; --merge joins the two', () => {
    const { remote, a, b } = setup();
    checkin(a, '2026-05-07', 'On the laptop');
    h(a, ['sync', 'init', '--remote', remote]);
    checkin(b, '2026-05-08', 'On the desktop, before it synced');
    const refused = h(b, ['sync', 'clone', remote]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--merge');
    const merged = h(b, ['sync', 'clone', '--merge', remote]);
    expect(merged.code, merged.stderr).toBe(0);
    h(a, ['sync']);
    expect([streak(a), streak(b)]).toEqual([0, 0]); // the 7th and 8th: today (the 10th) is not done, and the 9th was missed
    expect(JSON.parse(h(a, ['journal', '--json']).stdout)).toHaveLength(2);
  });
});

describe.skipIf(!HAS_GIT)('harmony sync when something is wrong', { timeout: 180_000 }, () => {
  it('without git: a clear message, exit 5, nothing changed', () => {
    const home = tempHome();
    const empty = join(base, `nogit${n++}`);
    mkdirSync(empty);
    const r = h(home, ['sync', 'init'], { PATH: empty });
    expect(r.code).toBe(5);
    expect(r.stderr).toMatch(/^harmony: harmony sync needs git, and git was not found on your PATH/);
  });

  it('a remote that cannot be reached, or refuses the login: the commit stays here, the message says what failed (exit 5)', () => {
    const { remote, a, dir } = setup();
    checkin(a, '2026-05-08', 'Saved before the trip');
    h(a, ['sync', 'init', '--remote', remote]);
    renameSync(remote, join(dir, 'unplugged.git'));
    checkin(a, '2026-05-09', 'Written offline');
    const r = h(a, ['sync']);
    expect(r.code).toBe(5);
    expect(r.stderr).toMatch(/Could not fetch from origin \(.*remote\.git\): there is no repository at that address .*Your changes are committed here/);
    expect(git(a, ['status', '--porcelain']).stdout).toBe('');
    expect(git(a, ['log', '--oneline']).stdout.trim().split('\n')).toHaveLength(2);
    // An ssh remote whose server says no.
    const ssh = join(dir, 'ssh');
    writeFileSync(ssh, '#!/bin/sh\necho "git@example.invalid: Permission denied (publickey)." >&2\nexit 255\n');
    chmodSync(ssh, 0o755);
    git(a, ['remote', 'set-url', 'origin', 'git@example.invalid:me/journal.git']);
    const refused = h(a, ['sync'], { GIT_SSH_COMMAND: ssh });
    expect(refused.code).toBe(5);
    expect(refused.stderr).toContain('it refused the login');
    expect(refused.stderr).toContain('Permission denied (publickey)');
    // The failure is remembered for sync status.
    expect(JSON.parse(h(a, ['sync', 'status', '--json']).stdout).lastFailure.message).toContain('refused the login');
  });

  it('a detached HEAD, a rebase in progress, changes made by hand: a clear message and no damage', () => {
    const { remote, a } = setup();
    checkin(a, '2026-05-08', 'Fine');
    h(a, ['sync', 'init', '--remote', remote]);
    const head = git(a, ['rev-parse', 'HEAD']).stdout.trim();
    git(a, ['checkout', '-q', '--detach']);
    let r = h(a, ['sync']);
    expect([r.code, r.stderr]).toEqual([5, expect.stringContaining('detached HEAD')]);
    git(a, ['checkout', '-q', 'main']);
    mkdirSync(join(a, '.git', 'rebase-merge'));
    r = h(a, ['sync']);
    expect([r.code, r.stderr]).toEqual([5, expect.stringContaining('A git rebase is in progress')]);
    rmSync(join(a, '.git', 'rebase-merge'), { recursive: true });
    // A file of the user's own, committed by hand, then changed.
    writeFileSync(join(a, 'README.md'), 'mine\n');
    git(a, ['add', '-f', 'README.md']);
    git(a, ['commit', '-qm', 'my notes']);
    writeFileSync(join(a, 'README.md'), 'mine, changed\n');
    r = h(a, ['sync']);
    expect([r.code, r.stderr]).toEqual([5, expect.stringContaining('changes harmony did not make (README.md)')]);
    git(a, ['checkout', '--', 'README.md']);
    // A month deleted by hand, then one edited by hand into something harmony cannot read.
    const file = join(a, 'journal', '2026-05.json');
    const text = readFileSync(file, 'utf8');
    unlinkSync(file);
    r = h(a, ['sync']);
    expect([r.code, r.stderr]).toEqual([5, expect.stringContaining('journal/2026-05.json was deleted by hand')]);
    writeFileSync(file, text.replace('"entries"', '"entrees"'));
    r = h(a, ['sync']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('2026-05.json has unexpected content');
    writeFileSync(file, text);
    expect(h(a, ['sync']).code).toBe(0);
    expect(git(a, ['log', '--format=%H']).stdout).toContain(head);
  });

  it('a merge done as text (git by hand, without the driver): the journal stops with exit 3, harmony sync finishes the merge properly', () => {
    const { remote, a, b } = setup();
    checkin(a, '2026-05-08', 'Common');
    h(a, ['sync', 'init', '--remote', remote]);
    h(b, ['sync', 'clone', remote]);
    checkin(a, '2026-05-09', 'Laptop');
    checkin(b, '2026-05-09', 'Desktop');
    h(b, ['sync']);
    h(a, ['sync', 'status']);
    git(a, ['commit', '-qam', 'by hand']);
    git(a, ['fetch', '-q', 'origin']);
    // As a user's own git would merge without harmony's driver: line by line.
    writeFileSync(join(a, '.git', 'info', 'attributes'), '*.json merge=text\n');
    const merged = git(a, ['merge', 'origin/main']);
    expect(merged.status).not.toBe(0);
    const journal = h(a, ['journal']);
    expect(journal.code).toBe(3);
    expect(journal.stderr).toContain('has git conflict markers');
    const r = h(a, ['sync']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Finished the merge that was in progress');
    const answers = JSON.parse(h(a, ['journal', '--json']).stdout).map((e: { answers: { answer: string }[] }) => e.answers[0]!.answer);
    expect(answers.sort()).toEqual(['Common', 'Desktop', 'Laptop']);
  });
});

describe.skipIf(!HAS_GIT)('autoSync', { timeout: 180_000 }, () => {
  /** A `git` on PATH that notes each call and then runs the real one. */
  function recordingGit(dir: string): { path: string; calls: () => string[] } {
    const bin = join(dir, 'bin');
    mkdirSync(bin);
    const log = join(dir, 'git-calls');
    writeFileSync(log, '');
    const real = spawnSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).stdout.trim();
    writeFileSync(join(bin, 'git'), `#!/bin/sh\necho "$*" >> '${log}'\nexec '${real}' "$@"\n`);
    chmodSync(join(bin, 'git'), 0o755);
    symlinkSync(process.execPath, join(bin, 'node'));
    return { path: `${bin}:/usr/bin:/bin`, calls: () => readFileSync(log, 'utf8').split('\n').filter(Boolean) };
  }
  const waitFor = (check: () => boolean) => {
    for (let i = 0; i < 900 && !check(); i++) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
    return check();
  };

  it('off by default: no command runs git, even in a folder that syncs', () => {
    const { remote, a, dir } = setup();
    checkin(a, '2026-05-08', 'Before');
    h(a, ['sync', 'init', '--remote', remote]);
    const fake = recordingGit(dir);
    const cmds = [
      ['checkin', '--mood', '3', '--principle', 'trust', '--answer', 'x', '--date', '2026-05-09'],
      ['note', 'A note'], ['journal'], ['journal', 'show', 'today'], ['stats'], ['lessons'], ['learn', 'trust', '--plain'],
      ['quiz', '--dry-run', '--seed', '1'], ['export'], ['config', 'list'], ['remind'], ['conflicts'],
    ];
    for (const args of cmds) expect(h(a, args, { PATH: fake.path, HARMONY_NOW: '2026-05-10T20:00:00Z' }).code, args.join(' ')).toBe(0);
    expect(fake.calls()).toEqual([]);
  });

  it('on: a save syncs in the background; a failure is told once, at the end of the next command', () => {
    const { remote, a, dir } = setup();
    checkin(a, '2026-05-08', 'Before');
    h(a, ['sync', 'init', '--remote', remote]);
    const fake = recordingGit(dir);
    expect(h(a, ['config', 'set', 'autoSync', 'on'], { PATH: fake.path }).code).toBe(0);
    const heads = () => git(remote, ['log', '--oneline', 'main']).stdout.trim().split('\n').length;
    const before = heads();
    const started = Date.now();
    const r = h(a, ['note', 'Synced without asking'], { PATH: fake.path });
    expect(r.code).toBe(0);
    expect(Date.now() - started).toBeLessThan(15_000);
    const state = () => (existsSyncSafe(join(a, '.git', 'harmony', 'state.json')) ? readFileSync(join(a, '.git', 'harmony', 'state.json'), 'utf8') : 'no record');
    expect(waitFor(() => heads() > before), `the background sync pushed (${state()})`).toBe(true);
    expect(fake.calls().some((c) => c.includes('push'))).toBe(true);
    // The remote goes away (once that sync is over): the next save's background sync fails, and the command after says so, once.
    const pid = join(a, '.git', 'harmony', 'sync.pid');
    expect(waitFor(() => !existsSyncSafe(pid)), 'the background sync ended').toBe(true);
    renameSync(remote, `${remote}.away`);
    h(a, ['note', 'Offline now'], { PATH: fake.path });
    const record = join(a, '.git', 'harmony', 'state.json');
    const failed = waitFor(() => readFileSync(record, 'utf8').includes('"failure"') && !existsSyncSafe(join(a, '.git', 'harmony', 'sync.pid')));
    expect(failed, readFileSync(record, 'utf8')).toBe(true);
    const told = h(a, ['journal']);
    expect(told.stderr, readFileSync(record, 'utf8')).toMatch(/^harmony: the background sync at .* UTC failed: Could not fetch from origin/);
    expect(h(a, ['journal']).stderr).toBe('');
  });
});

function existsSyncSafe(path: string): boolean {
  try {
    readFileSync(path);
    return true;
  } catch {
    return false;
  }
}

describe('harmony merge-driver (what git runs for each data file)', () => {
  const month = (ids: string[]) => JSON.stringify({ schemaVersion: 1, entries: ids.map((id) => ({ id, kind: 'note', date: `2026-05-${id.slice(6, 8)}`, createdAt: `2026-05-${id.slice(6, 8)}T20:00:00Z`, answers: [], text: `note ${id}` })) }, null, 1) + '\n';
  it('merges a month entry by entry into %A, the same whichever side is ours; a side it cannot read: exit 1, %A untouched', () => {
    const home = tempHome();
    const f = (name: string, text: string) => {
      writeFileSync(join(home, name), text);
      return join(home, name);
    };
    const base = f('base', month(['20260501-aaaa']));
    const ours = f('ours', month(['20260501-aaaa', '20260502-bbbb']));
    const theirs = f('theirs', month(['20260501-aaaa', '20260503-cccc']));
    const r = run(['merge-driver', base, ours, theirs, 'journal/2026-05.json'], { home });
    expect([r.code, r.stderr]).toEqual([0, '']);
    const merged = readFileSync(ours, 'utf8');
    expect(JSON.parse(merged).entries.map((e: { id: string }) => e.id)).toEqual(['20260501-aaaa', '20260502-bbbb', '20260503-cccc']);
    const ours2 = f('ours2', month(['20260501-aaaa', '20260503-cccc']));
    const theirs2 = f('theirs2', month(['20260501-aaaa', '20260502-bbbb']));
    run(['merge-driver', base, ours2, theirs2, 'journal/2026-05.json'], { home });
    expect(readFileSync(ours2, 'utf8')).toBe(merged);
    const broken = f('broken', '{"schemaVersion": 1, "entries": [');
    const kept = readFileSync(ours2, 'utf8');
    const bad = run(['merge-driver', base, ours2, broken, 'journal/2026-05.json'], { home });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^harmony merge-driver: journal\/2026-05\.json \(the other version\) is not valid JSON/);
    expect(readFileSync(ours2, 'utf8')).toBe(kept);
    expect(run(['merge-driver', base], { home }).code).toBe(2);
    expect(run(['--help'], { home }).stdout).not.toContain('merge-driver');
  });
});
