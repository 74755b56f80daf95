// `harmony sync` starts its fetch before anything else loads (issue 17): the fetch waits on
// the network (or the other repository's git) while node loads harmony and commits what
// changed, so the sync takes little more than the git commands it runs. main.ts calls this
// for a plain `harmony sync`; the sync picks the running fetch up (takeEarlyFetch).
import { resolve } from 'node:path';
import { harmonyHome } from '../paths.js';
import { driverCommand, Git, type GitResult } from './git.js';
import { gitDirOf } from './repo.js';
import { originUrl } from './origin.js';

let early: { home: string; fetching: Promise<GitResult> } | undefined;

export function startEarlyFetch(env: NodeJS.ProcessEnv, batch: boolean): void {
  try {
    const home = harmonyHome(env);
    const gitDir = gitDirOf(home);
    if (!gitDir || !originUrl(gitDir)) return;
    const git = new Git(home, { driver: driverCommand(process.execPath, resolve(process.argv[1] ?? 'harmony')), env, batch });
    const fetching = git.run(fetchArgs(), batch ? 120_000 : 0);
    fetching.catch(() => undefined);
    early = { home, fetching };
  } catch {
    // the sync itself says what is wrong
  }
}

/** The fetch every sync runs. */
export const fetchArgs = () => ['fetch', '--no-tags', '--quiet', 'origin'];

/** The fetch started early for this data folder, once. */
export function takeEarlyFetch(home: string): Promise<GitResult> | undefined {
  const found = early?.home === home ? early.fetching : undefined;
  early = undefined;
  return found;
}
