// After a sync was killed part-way (kill -9, a crash, the laptop lid): what it left is put
// right before this sync goes on, so the next sync always converges (issue 17).
// - git's lock files (index.lock, a ref's .lock) left by a killed git: removed once stale;
// - a merge it had started (MERGE_HEAD): undone, and done again below;
// - a data file git was writing when it died (git writes the working tree in place): moved
//   aside into conflict-copies/ and restored from the last commit. It held only merge output:
//   harmony never writes over a file it cannot read, so nothing the user wrote was in it.
import { mkdirSync, readFileSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { dataFileOf, decodeSide } from '../data-files.js';
import { FILES } from '../paths.js';
import { changes } from './commit.js';
import type { Git } from './git.js';
import { removeStaleGitLocks } from './record.js';
import { inProgress, type Repo } from './repo.js';

/** Where files harmony moved aside are kept for the user to look at (never synced). */
export const ASIDE_DIR = FILES.asideDir;

export const asideStamp = (now: Date) => now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z').replace('T', '-');

/** Runs under the data lock. Returns what was repaired, for the report. */
export async function recover(git: Git, repo: Repo, phase: string | undefined): Promise<string[]> {
  const done: string[] = [];
  const locks = await removeStaleGitLocks(repo.gitDir);
  if (locks.length > 0) done.push(`removed ${locks.length} stale git lock file${locks.length === 1 ? '' : 's'}`);
  if (inProgress(repo.gitDir) === 'merge' && phase === 'merge') {
    const r = await git.run(['merge', '--abort']);
    if (r.code === 0) done.push('undid the interrupted merge');
  }
  if (phase !== 'merge') return done;
  for (const c of await changes(git)) {
    const file = dataFileOf(c.path);
    if (!file || c.xy.includes('D')) continue;
    const full = join(repo.home, c.path);
    try {
      decodeSide(full, readFileSync(full), file.spec);
      continue; // whole: merged content, or the user's own new work; committed next
    } catch {
      // torn by the killed merge
    }
    const aside = join(repo.home, ASIDE_DIR, asideStamp(new Date()), c.path);
    mkdirSync(dirname(aside), { recursive: true, mode: 0o700 });
    renameSync(full, aside);
    // A file new with the merge is simply gone until the merge is done again.
    if ((await git.show(`HEAD:${c.path}`)) !== null) await git.ok(['checkout', 'HEAD', '--', c.path], 'restoring a file an interrupted sync left half-written');
    done.push(`restored ${c.path}, half-written by the interrupted sync (the broken copy is in ${ASIDE_DIR}/)`);
  }
  return done;
}
