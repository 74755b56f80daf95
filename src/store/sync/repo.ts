// The data folder as a git repository: where its .git is, which branch, and whether git is in
// the middle of something a person started (a rebase, a cherry-pick) that harmony must not
// touch. Read from .git's files directly: no git process needed to say "not set up".
import { existsSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { SyncError } from '../../errors.js';

export interface Repo {
  home: string;
  gitDir: string;
  /** The branch HEAD is on; undefined when HEAD is detached. */
  branch?: string;
  head: string;
}

/** The repository's .git folder (a .git file points elsewhere for worktrees); null when the folder is not one. */
export function gitDirOf(home: string): string | null {
  const dot = join(home, '.git');
  try {
    const st = statSync(dot);
    if (st.isDirectory()) return dot;
    const m = /^gitdir:\s*(.+)$/m.exec(readFileSync(dot, 'utf8'));
    if (m) return isAbsolute(m[1]!.trim()) ? m[1]!.trim() : resolve(home, m[1]!.trim());
  } catch {
    // not there
  }
  return null;
}

export const NOT_SET_UP = (home: string) =>
  `${home} does not sync yet. Start with harmony sync init (this machine's journal) or harmony sync clone URL (a journal another machine already syncs).`;

export function openRepo(home: string): Repo {
  const gitDir = gitDirOf(home);
  if (!gitDir) throw new SyncError(NOT_SET_UP(home));
  let head = '';
  try {
    head = readFileSync(join(gitDir, 'HEAD'), 'utf8').trim();
  } catch {
    throw new SyncError(`${home}/.git is not a usable git repository (no HEAD). Move it aside and run harmony sync init again.`);
  }
  const ref = /^ref: refs\/heads\/(.+)$/.exec(head);
  return { home, gitDir, branch: ref?.[1], head };
}

/** What git is in the middle of, as the files it keeps for that; null when nothing. */
export function inProgress(gitDir: string): 'rebase' | 'merge' | 'cherry-pick' | 'revert' | 'bisect' | 'am' | null {
  const has = (name: string) => existsSync(join(gitDir, name));
  if (has('rebase-merge') || (has('rebase-apply') && !has('rebase-apply/applying'))) return 'rebase';
  if (has('rebase-apply')) return 'am';
  if (has('MERGE_HEAD')) return 'merge';
  if (has('CHERRY_PICK_HEAD')) return 'cherry-pick';
  if (has('REVERT_HEAD')) return 'revert';
  if (has('BISECT_LOG')) return 'bisect';
  return null;
}

const HOW_TO_END: Record<string, string> = {
  rebase: 'finish it (git rebase --continue) or stop it (git rebase --abort)',
  am: 'finish it (git am --continue) or stop it (git am --abort)',
  'cherry-pick': 'finish it (git cherry-pick --continue) or stop it (git cherry-pick --abort)',
  revert: 'finish it (git revert --continue) or stop it (git revert --abort)',
  bisect: 'end it (git bisect reset)',
};

/** Refuses to sync where a person's git work is under way (a merge harmony can finish is handled by the caller). */
export function checkState(repo: Repo): void {
  const doing = inProgress(repo.gitDir);
  if (doing && doing !== 'merge') {
    throw new SyncError(`A git ${doing} is in progress in ${repo.home}; harmony will not sync in the middle of it. In that folder, ${HOW_TO_END[doing]}, then run harmony sync again. Nothing was changed.`);
  }
  if (!repo.branch) {
    throw new SyncError(
      `The repository in ${repo.home} is on a detached HEAD (${repo.head.slice(0, 12)}), not on a branch; harmony syncs a branch. Go back to yours (git -C ${repo.home} switch main), then run harmony sync again. Nothing was changed.`,
    );
  }
}
