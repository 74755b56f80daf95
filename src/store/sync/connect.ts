// harmony sync init and harmony sync clone (issue 17): making the data folder a harmony
// repository, joining one another machine started, or both at once (clone --merge).
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { SyncError, UsageError } from '../../errors.js';
import type { Store } from '../index.js';
import { dataFileOf } from '../data-files.js';
import { FILES } from '../paths.js';
import { moveDeviceSettings } from './device.js';
import { Git } from './git.js';
import { commitChanges } from './commit.js';
import { writeRecord } from './record.js';
import { gitDirOf } from './repo.js';
import { ensureRepoFiles, isHarmonyAttributes } from './repo-files.js';
import { shownUrl, syncNow, type SyncReport, type SyncSetup } from './run.js';

export interface ConnectReport {
  /** A new repository was made (false: the folder already was one). */
  created: boolean;
  committed: number;
  sync?: SyncReport;
}

const gitOf = (setup: SyncSetup) => new Git(setup.home, { driver: setup.driver, env: setup.env, batch: setup.batch });

/** Whether the folder holds any journal data sync would carry. */
export function hasData(home: string): boolean {
  const names = (dir: string) => {
    try {
      return readdirSync(join(home, dir));
    } catch {
      return [];
    }
  };
  return (
    names('').some((n) => dataFileOf(n)) ||
    names(FILES.journalDir).some((n) => dataFileOf(`${FILES.journalDir}/${n}`)) ||
    names(FILES.quizLogDir).some((n) => dataFileOf(`${FILES.quizLogDir}/${n}`))
  );
}

async function checkGit(git: Git): Promise<void> {
  await git.run(['--version']); // throws the "no git" SyncError when git is missing
}

/** git init on branch main (older git without -b: the same by hand), a committer, the driver in .git/config. */
async function makeRepo(git: Git, setup: SyncSetup): Promise<void> {
  const r = await git.run(['init', '-q', '-b', 'main']);
  if (r.code !== 0) {
    await git.ok(['init', '-q'], 'making the repository');
    await git.ok(['symbolic-ref', 'HEAD', 'refs/heads/main'], 'naming the branch');
  }
  await configure(git, setup);
}

async function configure(git: Git, setup: SyncSetup): Promise<void> {
  // A committer for harmony's commits when this machine's git has none (a fresh account).
  if ((await git.run(['var', 'GIT_AUTHOR_IDENT'])).code !== 0) {
    await git.ok(['config', 'user.name', `harmony on ${setup.host}`], 'naming the committer');
    await git.ok(['config', 'user.email', `harmony@${setup.host.replace(/[^A-Za-z0-9.-]/g, '-') || 'localhost'}.invalid`], 'naming the committer');
  }
  await git.ok(['config', 'merge.harmony.name', 'harmony journal merge'], 'setting up the merge driver');
  await git.ok(['config', 'merge.harmony.driver', setup.driver], 'setting up the merge driver');
}

async function addRemote(git: Git, url: string, branch: string): Promise<void> {
  const current = await git.run(['remote', 'get-url', 'origin']);
  if (current.code === 0 && current.stdout.trim() !== url) {
    throw new SyncError(`This journal already syncs with ${shownUrl(current.stdout.trim())}; to use another, change it with git (git remote set-url origin URL). Nothing was changed.`);
  }
  if (current.code !== 0) await git.ok(['remote', 'add', 'origin', url], 'adding the remote');
  await git.ok(['config', `branch.${branch}.remote`, 'origin'], 'tracking the remote');
  await git.ok(['config', `branch.${branch}.merge`, `refs/heads/${branch}`], 'tracking the remote');
}

/** harmony sync init [--remote URL]: this machine's journal becomes a repository (or is used as one). */
export async function initSync(store: Store, setup: SyncSetup, remote?: string): Promise<ConnectReport> {
  const git = gitOf(setup);
  await store.write(() => undefined); // the folder exists and is writable
  await checkGit(git);
  const created = !gitDirOf(setup.home);
  if (created) await makeRepo(git, setup);
  else await configure(git, setup);
  const gitDir = gitDirOf(setup.home)!;
  writeRecord(gitDir, (r) => (r.driver = setup.driver));
  const committed = await store.write(async () => {
    moveDeviceSettings(store);
    ensureRepoFiles(setup.home, gitDir);
    return commitChanges(git, setup.home, setup.host, setup.now());
  });
  if (!remote) return { created, committed };
  const branch = (await git.ok(['symbolic-ref', '--short', 'HEAD'], 'reading the branch')).trim();
  await addRemote(git, remote, branch);
  return { created, committed, sync: await syncNow(store, setup) };
}

/** harmony sync clone URL [--merge]: a journal another machine syncs, here. */
export async function cloneSync(store: Store, setup: SyncSetup, url: string, merge: boolean): Promise<ConnectReport> {
  const git = gitOf(setup);
  const existing = gitDirOf(setup.home);
  if (existing) throw new UsageError(`${setup.home} already syncs (see harmony sync status); run harmony sync.`);
  if (hasData(setup.home)) {
    if (!merge) {
      throw new UsageError(`${setup.home} already holds a journal. To join it with the one at ${shownUrl(url)}, run harmony sync clone --merge ${shownUrl(url)}; nothing was changed.`);
    }
    return initSync(store, setup, url);
  }
  await store.write(() => undefined);
  await checkGit(git);
  try {
    await makeRepo(git, setup);
    await addRemote(git, url, 'main');
    const fetched = await git.run(['fetch', '--no-tags', '--quiet', 'origin']);
    if (fetched.code !== 0) {
      const { remoteError } = await import('./git.js');
      throw remoteError('fetch from', shownUrl(url), fetched.stderr, false);
    }
    const branches = (await git.ok(['for-each-ref', '--format=%(refname:strip=3)', 'refs/remotes/origin'], 'listing branches')).split('\n').filter((b) => b && b !== 'HEAD');
    const branch = branches.includes('main') ? 'main' : branches.length === 1 ? branches[0]! : branches.includes('master') ? 'master' : undefined;
    if (branch) {
      const attrs = await git.show(`refs/remotes/origin/${branch}:.gitattributes`);
      if (!attrs || !isHarmonyAttributes(attrs.toString('utf8'))) {
        throw new SyncError(`${shownUrl(url)} holds a git repository that is not a harmony journal; use an empty repository, or one another machine set up with harmony sync init. Nothing was changed.`);
      }
      await git.ok(['checkout', '-q', '-B', branch, `refs/remotes/origin/${branch}`], 'checking out the journal');
      await addRemote(git, url, branch);
    }
  } catch (error) {
    rmSync(join(setup.home, '.git'), { recursive: true, force: true }); // back as it was
    throw error;
  }
  writeRecord(gitDirOf(setup.home)!, (r) => (r.driver = setup.driver));
  // Then as any sync: the repository files (if this harmony writes them differently), pushed.
  return { created: true, committed: 0, sync: await syncNow(store, setup) };
}

export const isRepo = (home: string) => existsSync(join(home, '.git'));
