// Merging the other machines' commits into this one (issue 17). git runs harmony's merge
// driver for every data file changed on both sides; if the driver cannot merge one (a file
// that does not read, written by a newer harmony), the merge is undone and nothing changes.
// A merge someone started by hand (git pull without the driver) is finished here with it.
import { renameSync } from 'node:fs';
import { join } from 'node:path';
import { DataError, SyncError } from '../../errors.js';
import { mergeCarried } from '../data-files.js';
import { loadVault } from '../vault.js';
import { removeQuietly, writeTemp } from '../files.js';
import { isCarried } from './commit.js';
import { gitReason, type Git } from './git.js';
import { isHarmonyAttributes } from './repo-files.js';

export interface MergeOutcome {
  /** Files the merge changed here. */
  received: string[];
  /** The remote has no such branch yet (an empty repository). */
  remoteEmpty: boolean;
  /** A merge commit was made here (so there is something to push). */
  committed: boolean;
  /** git would not start: a save made since this sync's commit changed a file the merge needs. */
  unsaved?: boolean;
}

const MESSAGE = 'harmony: merge the journal from other machines';

/**
 * git itself was stopped part-way through the merge (killed, out of memory) while harmony
 * went on: it may have left the working tree half-written, a month removed to be written
 * anew, its index.lock. The caller puts that right at once (recover.ts), as after a kill.
 */
export class GitStopped extends SyncError {}

/** The driver's own lines in git's output: what could not be merged, and why. */
function driverLines(out: string): string[] {
  return out.split('\n').filter((l) => l.startsWith('harmony merge-driver: ')).map((l) => l.slice('harmony merge-driver: '.length));
}

/** Whether `target` holds a harmony journal (its .gitattributes names the driver), before joining two histories. */
async function isHarmonyTree(git: Git, target: string): Promise<boolean> {
  const attrs = await git.show(`${target}:.gitattributes`);
  return attrs !== null && isHarmonyAttributes(attrs.toString('utf8'));
}

export async function mergeRemote(git: Git, home: string, target: string, remoteName: string): Promise<MergeOutcome> {
  const base = ['merge', '--no-edit', '--stat', '-m', MESSAGE];
  let r = await git.run([...base, target]);
  if (r.code !== 0 && /not something we can merge|unknown revision|bad revision/.test(r.stderr)) return { received: [], remoteEmpty: true, committed: false };
  if (r.code !== 0 && /unrelated histories/.test(r.stderr)) {
    // Two journals meeting for the first time (sync clone --merge, or init --remote on a used
    // repository): only when the other side really is a harmony journal.
    if (!(await isHarmonyTree(git, target))) {
      throw new SyncError(`${remoteName} holds a git repository that is not a harmony journal; harmony will not mix it with yours. Use an empty repository, or one another machine set up with harmony sync init. Nothing was changed.`);
    }
    r = await git.run([base[0]!, '--allow-unrelated-histories', ...base.slice(1), target]);
  }
  if (r.code !== 0 && /would be overwritten by merge/.test(r.stderr)) return { received: [], remoteEmpty: false, committed: false, unsaved: true };
  if (r.signal) throw new GitStopped(`git was stopped (${r.signal}) while it merged the journal from ${remoteName}`);
  if (r.code === 0) {
    const received = r.stdout.split('\n').flatMap((l) => /^ (\S.*?)\s+\|\s/.exec(l)?.[1] ?? []);
    return { received, remoteEmpty: false, committed: /^Merge made by/m.test(r.stdout) };
  }
  const why = driverLines(r.stdout + r.stderr);
  const conflicted = (r.stdout + r.stderr).split('\n').flatMap((l) => /^CONFLICT \([^)]*\): .*? in (.+)$/.exec(l)?.[1] ?? []);
  await git.run(['merge', '--abort']);
  if (why.length > 0) {
    throw new DataError(`Could not merge the journal from ${remoteName}: ${why[0]}. Nothing was changed here; your own changes are committed.`);
  }
  if (conflicted.length > 0) {
    const foreign = conflicted.filter((p) => !isCarried(p));
    throw new SyncError(`Could not merge ${foreign[0] ?? conflicted[0]} from ${remoteName}: it is not a harmony data file, so harmony cannot merge it. Merge it with git in ${home}; nothing was changed here.`);
  }
  throw new SyncError(`git could not merge the journal from ${remoteName}: ${gitReason(r.stderr || r.stdout)}. Nothing was changed here.`);
}

/** Writes merged bytes over a working-tree file atomically (git writes in place; a crash must not leave half a month). */
export function writeResult(home: string, path: string, data: Buffer | string): void {
  const file = join(home, path);
  const temp = writeTemp(file, data);
  try {
    renameSync(temp, file);
  } catch (error) {
    removeQuietly(temp);
    throw error;
  }
}

/**
 * Finishes a merge in progress (MERGE_HEAD), started by hand or left by a killed sync: each
 * data file git could not merge, or merged as text (conflict markers), is merged again with
 * harmony's rules from the versions git keeps, then the merge is committed.
 */
export async function finishMerge(git: Git, home: string, broken: string[]): Promise<string[]> {
  const listed = await git.ok(['ls-files', '-u', '-z'], 'listing the files being merged');
  const unmerged = [...new Set(listed.split('\0').flatMap((l) => /^\d+ [0-9a-f]+ \d\t(.+)$/.exec(l)?.[1] ?? []))];
  const paths = [...new Set([...unmerged, ...broken])];
  const foreign = paths.filter((p) => !isCarried(p));
  if (foreign.length > 0) {
    throw new SyncError(`A git merge is in progress in ${home} with conflicts in ${foreign[0]}, which is not a harmony data file. Finish it with git (git merge --continue, or git merge --abort), then run harmony sync again.`);
  }
  const mergeBase = (await git.run(['merge-base', 'HEAD', 'MERGE_HEAD'])).stdout.trim();
  for (const path of paths) {
    const staged = unmerged.includes(path);
    const [b, a, c] = staged
      ? await Promise.all([git.show(`:1:${path}`), git.show(`:2:${path}`), git.show(`:3:${path}`)])
      : await Promise.all([mergeBase ? git.show(`${mergeBase}:${path}`) : null, git.show(`HEAD:${path}`), git.show(`MERGE_HEAD:${path}`)]);
    writeResult(home, path, await mergeCarried(path, b, a, c, path.endsWith('.age') ? loadVault(home) : undefined));
    await git.ok(['add', '--', path], 'adding a merged file');
  }
  await git.ok(['commit', '-q', '--no-verify', '--no-edit'], 'committing the merge');
  return paths;
}
