// Encryption with people and sync (issues 14, 17, 18), through the built binary: no name, note
// or word in plaintext anywhere under HARMONY_HOME after harmony encrypt, with sync set up
// (the git history made before encrypting still holds plaintext, as the README says, and a
// fresh history holds none); people while locked; two machines syncing an encrypted journal
// through a bare remote, and a locked sync that would need a merge.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupHomes, run, tempHome, type Result } from '../helpers/cli.js';
import { gitEnv, HAS_GIT, NO_GIT_REASON } from '../helpers/sync-sim.js';

afterAll(cleanupHomes);
if (!HAS_GIT) console.log(`encrypted sync tests skipped: ${NO_GIT_REASON}`);

const base = mkdtempSync(join(tmpdir(), 'harmony-enc-sync-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));
const env = HAS_GIT ? gitEnv(base) : {};
const runtimeA = mkdtempSync(join(tmpdir(), 'harmony-runtime-a-'));
const runtimeB = mkdtempSync(join(tmpdir(), 'harmony-runtime-b-'));
afterAll(() => [runtimeA, runtimeB].forEach((d) => rmSync(d, { recursive: true, force: true })));

const NOW = '2026-05-10T20:00:00Z';
const pass = join(base, 'pass');
writeFileSync(pass, 'correct horse battery staple\n', { mode: 0o600 });

/** A machine: its data folder and its own runtime folder (the unlocked key is per machine). */
const h = (home: string, args: string[], extra: Record<string, string | undefined> = {}, runtime = runtimeA): Result =>
  run(args, { home, cwd: base, timeout: 60_000, env: { ...env, HARMONY_NOW: NOW, XDG_RUNTIME_DIR: runtime, HARMONY_SCRYPT_LOG_N: '12', ...extra } as Record<string, string> });
const git = (cwd: string, args: string[]) => spawnSync('git', args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
const ok = (r: Result) => {
  expect(r.stderr, r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r;
};

function files(dir: string, skip = new Set<string>()): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) {
        if (!skip.has(p)) walk(p);
      } else out.push(p);
    }
  };
  walk(dir);
  return out;
}

/** Names, aliases, notes, answers: everything written below, and moods as JSON fields. */
const BEFORE = ['Mira Okafor', 'Miri', 'Jonas Weber', 'the lighthouse trip', 'lunch by the river', '"mood"', '"circle"'];
/** With what is written after encrypting. */
const SECRETS = [...BEFORE, 'Petra Lind', 'talked about the move', 'a long call with'];

/** People, check-ins naming them, a note with an @name, a connection logged; a name due in names mode. */
function writtenHome(): string {
  const home = tempHome();
  ok(h(home, ['people', 'add', 'Mira Okafor', '--every', '1w', '--circle', 'friend', '--alias', 'Miri'], { HARMONY_NOW: '2026-04-20T10:00:00Z' }));
  ok(h(home, ['people', 'add', 'Jonas Weber', '--every', '2w'], { HARMONY_NOW: '2026-04-20T10:00:00Z' }));
  ok(h(home, ['checkin', '--mood', '4', '--principle', 'trust', '--answer', 'I told Mira about the lighthouse trip', '--with', 'Mira', '--how', 'call', '--date', '2026-05-08']));
  ok(h(home, ['note', 'lunch by the river with @Jonas', '--date', '2026-05-09']));
  ok(h(home, ['people', 'log', 'Jonas', '--how', 'video', '--date', '2026-04-25']));
  ok(h(home, ['config', 'set', 'reminderPeople', 'names']));
  return home;
}

describe.skipIf(!HAS_GIT)('an encrypted journal with people and sync', { timeout: 240_000 }, () => {
  it('after encrypt no name, alias, note or word is in plaintext in any file, nor in the git commits made since; the history before holds it until a fresh one', () => {
    const home = writtenHome();
    ok(h(home, ['sync', 'init']));
    // Every secret is there before (the test would pass vacuously otherwise), in the files and in git's history.
    const all = files(home, new Set([join(home, '.git')])).map((f) => readFileSync(f, 'latin1')).join('\n');
    for (const s of BEFORE) expect(all, s).toContain(s);
    ok(h(home, ['encrypt', '--passphrase-file', pass]));
    // A locked check-in with a new person added while locked: their name goes to a delta, encrypted.
    ok(h(home, ['people', 'add', 'Petra Lind', '--every', '1m'], { HARMONY_NOW: '2026-05-20T09:00:00Z' }));
    ok(h(home, ['checkin', '--mood', '2', '--principle', 'trust', '--answer', 'talked about the move'], { HARMONY_NOW: '2026-05-20T20:00:00Z' }));
    ok(h(home, ['note', 'a long call with Petra'], { HARMONY_NOW: '2026-05-20T20:30:00Z' }));
    ok(h(home, ['sync']));
    const leaks = (text: string) => SECRETS.filter((s) => text.includes(s));
    for (const f of files(home, new Set([join(home, '.git')]))) expect(leaks(readFileSync(f, 'latin1')), relative(home, f)).toEqual([]);
    // The shell reminder says how many are due, never who (names mode falls back to count while encrypted).
    const remind = h(home, ['remind'], { HARMONY_NOW: '2026-05-21T09:00:00Z' });
    expect(remind.stdout).toMatch(/people|someone|person/i);
    expect(leaks(remind.stdout)).toEqual([]);
    // The commits made since encrypting hold no plaintext: every blob of HEAD, and the commits' diffs.
    const encryptCommit = git(home, ['log', '--format=%H', '-1', '--', 'encryption.json']).stdout.trim();
    expect(encryptCommit).not.toBe('');
    // (The diffs' removed lines are the old plaintext going away: what they added is what they hold.)
    const added = git(home, ['log', '-p', '--text', `${encryptCommit}^..HEAD`]).stdout.split('\n').filter((l) => l.startsWith('+') && !l.startsWith('+++'));
    expect(added.length).toBeGreaterThan(10);
    expect(leaks(added.join('\n'))).toEqual([]);
    const blobs = git(home, ['ls-tree', '-r', 'HEAD']).stdout.trim().split('\n').map((l) => l.split(/\s+/)[2]!);
    expect(blobs.length).toBeGreaterThan(5);
    for (const b of blobs) expect(leaks(git(home, ['cat-file', '-p', b]).stdout), b).toEqual([]);
    // The history from before still holds the plaintext (README: start a fresh history) ...
    expect(leaks(git(home, ['log', '-p', '--text', '--all']).stdout).length).toBeGreaterThan(0);
    // ... and the fresh history the README describes holds none, in any object.
    rmSync(join(home, '.git'), { recursive: true, force: true });
    ok(h(home, ['sync', 'init']));
    const objects = git(home, ['cat-file', '--batch-all-objects', '--batch']).stdout;
    expect(objects.length).toBeGreaterThan(1000);
    expect(leaks(objects)).toEqual([]);
    // Unlocked, it is all there: the person added while locked too.
    ok(h(home, ['unlock', '--passphrase-file', pass]));
    const people = JSON.parse(ok(h(home, ['people', '--json'])).stdout) as { name: string }[];
    expect(people.map((p) => p.name).sort()).toEqual(['Jonas Weber', 'Mira Okafor', 'Petra Lind']);
    expect(readdirSync(home).filter((n) => n.startsWith('people+'))).toEqual([]); // folded in by unlock
    ok(h(home, ['lock']));
  });

  it('locked: adding someone and logging by id need no passphrase; a name needs the key (exit 2, how to unlock); who is due still shows', () => {
    const home = writtenHome();
    ok(h(home, ['encrypt', '--passphrase-file', pass]));
    const add = ok(h(home, ['people', 'add', 'Petra Lind', '--every', '1m']));
    const id = /\b(p-[0-9a-z]{6})\b/.exec(add.stdout)![1]!;
    const byName = h(home, ['people', 'log', 'Jonas']);
    expect(byName.code).toBe(2);
    expect(byName.stderr).toMatch(/encrypted and locked.*harmony unlock/);
    expect(byName.stderr).not.toContain('Jonas');
    const log = ok(h(home, ['people', 'log', id, '--how', 'call']));
    expect(log.stdout).toContain('with 1 person');
    expect(h(home, ['checkin', '--mood', '3', '--principle', 'trust', '--answer', 'x', '--with', 'Mira']).code).toBe(2);
    ok(h(home, ['checkin', '--mood', '3', '--principle', 'trust', '--answer', 'x', '--with', id]));
    // Who is due: the reminder works locked from ids and days alone; the list with names needs the key.
    const due = ok(h(home, ['people', '--due', '--json'], { HARMONY_PASSPHRASE_FILE: pass, HARMONY_NOW: '2026-06-20T10:00:00Z' }));
    expect((JSON.parse(due.stdout) as { name: string }[]).map((p) => p.name)).toContain('Petra Lind');
    expect(h(home, ['remind'], { HARMONY_NOW: '2026-05-30T10:00:00Z' }).stdout).toMatch(/2 people|people/);
  });

  it('two machines and a bare remote: an encrypted journal syncs; locked, a sync that needs a merge stops (exit 2) and leaves git as it was', () => {
    const dir = join(base, 'two');
    mkdirSync(dir);
    const remote = join(dir, 'remote.git');
    git(dir, ['init', '-q', '--bare', remote]);
    const a = writtenHome();
    const b = join(dir, 'desktop');
    ok(h(a, ['sync', 'init', '--remote', remote]));
    ok(h(a, ['encrypt', '--passphrase-file', pass]));
    ok(h(a, ['sync']));
    ok(h(b, ['sync', 'clone', remote], {}, runtimeB));
    expect(existsSync(join(b, 'identity.age'))).toBe(true); // the key travels: the second machine needs only the passphrase
    expect(h(b, ['journal'], {}, runtimeB).code).toBe(2);
    ok(h(b, ['unlock', '--passphrase-file', pass], {}, runtimeB));
    ok(h(a, ['unlock', '--passphrase-file', pass]));
    // Both machines change the same month, unlocked, then the laptop locks before it syncs.
    ok(h(a, ['note', 'laptop words', '--date', '2026-05-10']));
    ok(h(b, ['note', 'desktop words', '--date', '2026-05-10'], {}, runtimeB));
    ok(h(b, ['sync'], {}, runtimeB));
    ok(h(a, ['lock']));
    const stopped = h(a, ['sync']);
    expect(stopped.code).toBe(2);
    expect(stopped.stderr).toMatch(/journal\/2026-05\.json\.age.*locked.*harmony unlock/);
    expect(stopped.stderr.trim().split('\n')).toHaveLength(1);
    // git's state is as it was: no merge in progress, nothing changed in the tree, the local commit kept.
    expect(existsSync(join(a, '.git', 'MERGE_HEAD'))).toBe(false);
    expect(git(a, ['status', '--porcelain']).stdout).toBe('');
    // The laptop's note is committed here (one parent: no merge was made), the desktop's is not merged in.
    expect(git(a, ['rev-list', '--parents', '-1', 'HEAD']).stdout.trim().split(' ')).toHaveLength(2);
    expect(git(a, ['merge-base', '--is-ancestor', 'origin/main', 'HEAD']).status).toBe(1);
    expect(git(a, ['status', '--porcelain', '--untracked-files=no']).stdout).toBe('');
    // Unlocked, the merge driver decrypts both sides, merges entry by entry and encrypts again.
    ok(h(a, ['unlock', '--passphrase-file', pass]));
    ok(h(a, ['sync']));
    ok(h(b, ['sync'], {}, runtimeB));
    const texts = (home: string, runtime: string) => (JSON.parse(ok(h(home, ['journal', '--json'], {}, runtime)).stdout) as { text?: string }[]).map((e) => e.text).filter(Boolean).sort();
    expect(texts(a, runtimeA)).toEqual(texts(b, runtimeB));
    expect(texts(a, runtimeA)).toEqual(expect.arrayContaining(['laptop words', 'desktop words', 'lunch by the river with @Jonas']));
    expect(git(a, ['show', 'HEAD:journal/2026-05.json.age']).stdout.startsWith('age-encryption.org/v1')).toBe(true);
    expect(JSON.parse(ok(h(b, ['people', '--json'], {}, runtimeB)).stdout).map((p: { name: string }) => p.name).sort()).toEqual(['Jonas Weber', 'Mira Okafor']);
    // Locked, a sync that only fast-forwards goes through.
    ok(h(b, ['note', 'desktop again', '--date', '2026-05-10'], {}, runtimeB));
    ok(h(b, ['sync'], {}, runtimeB));
    ok(h(a, ['lock']));
    ok(h(a, ['sync']));
    ok(h(a, ['unlock', '--passphrase-file', pass]));
    expect(texts(a, runtimeA)).toContain('desktop again');
  });
});
