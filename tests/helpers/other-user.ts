// Some cases need file modes to mean something (a file the user cannot read or write). Root
// ignores modes, so under root those cases run the binary as `nobody`. `nobody` often cannot
// reach the checkout (a clone in root's home or in a `mktemp -d` folder is 0700), nor the Node
// binary (the test matrix keeps its Node versions in root's cache folder), so the global setup
// (tests/helpers/global-setup.ts) copies the built package, and Node when it must, once per run
// into a folder everyone can enter, and removes it after. Tests read the result with inject().
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, cpSync, existsSync, linkSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export type OtherUser =
  /** Not root: the current user is already bound by file modes. */
  | { kind: 'self' }
  /** Root: run `node bin` as uid/gid; dir is the copy, removed after the run. */
  | { kind: 'user'; name: string; uid: number; gid: number; node: string; bin: string; dir: string }
  /** Root, and no way to run as another user: mode cases are skipped, saying why. */
  | { kind: 'none'; reason: string };

declare module 'vitest' {
  export interface ProvidedContext {
    otherUser: OtherUser;
  }
}

const ROOT = resolve(import.meta.dirname, '..', '..');
/** HARMONY_TEST_USER names another account (one that does not exist shows the skip path). */
const USER = process.env.HARMONY_TEST_USER || 'nobody';

/** True when every folder from / down to `dir` lets others in (o+x), so another user can reach it. */
function reachable(dir: string): boolean {
  for (let d = resolve(dir); ; d = dirname(d)) {
    try {
      if ((statSync(d).mode & 0o001) === 0) return false;
    } catch {
      return false;
    }
    if (d === dirname(d)) return true;
  }
}

/** A temp folder another user can reach: $TMPDIR when it is open to others, else the usual ones. */
export function sharedTmp(): string | null {
  return [tmpdir(), '/tmp', '/var/tmp', '/dev/shm'].find((d) => existsSync(d) && reachable(d)) ?? null;
}

function lookup(name: string): { uid: number; gid: number } | null {
  const id = (flag: string) => spawnSync('id', [flag, name], { encoding: 'utf8' });
  const u = id('-u');
  const g = id('-g');
  if (u.status !== 0 || g.status !== 0) return null;
  return { uid: Number(u.stdout.trim()), gid: Number(g.stdout.trim()) };
}

/** chmod a+rX, in case the checkout was made under a strict umask (files 0600). */
function openUp(path: string): void {
  const mode = statSync(path).mode;
  const isDir = (mode & 0o040000) !== 0;
  chmodSync(path, mode | 0o444 | (isDir || mode & 0o111 ? 0o111 : 0));
  if (isDir) for (const name of readdirSync(path)) openUp(join(path, name));
}

const firstLine = (text: string | null | undefined) => (text ?? '').trim().split('\n')[0]?.slice(0, 200) || 'no output';

/** Runs in the main process before any test file (global setup). */
export function prepareOtherUser(): OtherUser {
  if (process.getuid?.() !== 0) return { kind: 'self' };
  const ids = lookup(USER);
  if (!ids) return { kind: 'none', reason: `there is no \`${USER}\` account to run the binary as` };
  if (!existsSync(join(ROOT, 'dist', 'app.cjs'))) return { kind: 'none', reason: 'there is no build to copy (run npm run build)' };
  const base = sharedTmp();
  if (!base) return { kind: 'none', reason: `no temp folder that \`${USER}\` can reach` };
  const dir = mkdtempSync(join(base, 'harmony-as-user-'));
  const fail = (reason: string): OtherUser => {
    rmSync(dir, { recursive: true, force: true });
    return { kind: 'none', reason };
  };
  cpSync(join(ROOT, 'bin'), join(dir, 'bin'), { recursive: true });
  cpSync(join(ROOT, 'dist'), join(dir, 'dist'), { recursive: true });
  cpSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
  openUp(dir);
  const as = { uid: ids.uid, gid: ids.gid, cwd: dir, encoding: 'utf8' as const };
  let node = process.execPath;
  if (spawnSync(node, ['-e', '0'], as).status !== 0) {
    // This Node lives where the user cannot reach it: a hard link (or a copy) beside the build.
    node = join(dir, 'node');
    try {
      linkSync(process.execPath, node);
    } catch {
      copyFileSync(process.execPath, node);
    }
    chmodSync(node, 0o755);
    const probe = spawnSync(node, ['-e', '0'], as);
    if (probe.status !== 0) return fail(`\`${USER}\` cannot run Node (${firstLine(probe.stderr) || probe.error?.message})`);
  }
  const bin = join(dir, 'bin', 'harmony.js');
  const check = spawnSync(node, [bin, '--version'], as);
  if (check.status !== 0) return fail(`\`${USER}\` cannot run the copied build (${firstLine(check.stderr) || check.error?.message})`);
  return { kind: 'user', name: USER, uid: ids.uid, gid: ids.gid, node, bin, dir };
}

export function removeOtherUser(prepared: OtherUser): void {
  if (prepared.kind === 'user') rmSync(prepared.dir, { recursive: true, force: true });
}
