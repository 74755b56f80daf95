// After a sync was killed part-way (kill -9, a crash, the laptop lid): what it left is put
// right before this sync goes on, so the next sync always converges (issue 17).
// - git's lock files (index.lock, a ref's .lock) left by a killed git: removed once stale;
// - a merge it had started (MERGE_HEAD): undone, and done again below;
// - a data file git was writing when it died (git writes the working tree in place): moved
//   aside into conflict-copies/ and restored from the last commit. It held only merge output:
//   harmony never writes over a file it cannot read, so nothing the user wrote was in it;
// - a data file git had removed to write it anew (git unlinks, then creates): restored from
//   the last commit, which holds it as it was before the merge (harmony commits first, and git
//   never merges over an uncommitted file); the merge done again below brings the rest. Left
//   missing, the next commit would take it for a file deleted by hand, and refuse for ever.
// Only after a kill in the merge phase (the only step where git writes the working tree): a
// file missing after any other step was deleted by hand and keeps its clear refusal.
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
  // A merge still under way (its abort failed) is finished from its two sides (finishMerge):
  // the last commit's copy would drop the other side's part of it.
  if (phase !== 'merge' || inProgress(repo.gitDir) === 'merge') return done;
  for (const c of await changes(git)) {
    const file = dataFileOf(c.path);
    if (!file) continue;
    const full = join(repo.home, c.path);
    let bytes: Buffer;
    try {
      bytes = readFileSync(full);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || (await git.show(`HEAD:${c.path}`)) === null) continue;
      await git.ok(['checkout', 'HEAD', '--', c.path], 'restoring a file an interrupted sync left missing');
      done.push(`restored ${c.path}, which the interrupted sync had left missing (as last committed here; nothing was lost)`);
      continue;
    }
    try {
      decodeSide(full, bytes, file.spec);
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
