// What every command does first (issue 17): conflict copies a file-sync tool left in the data
// folder are merged into the real files (one line on stderr says what), and a Syncthing folder
// gets a .stignore for harmony's lock, temp files and caches. Three folder listings when there
// is nothing to do.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { oneLine } from '../../errors.js';
import { findConflictCopies } from '../../store/conflict-copies.js';
import { harmonyHome } from '../../store/paths.js';
import type { IO } from '../../ui/io.js';

export async function beforeCommand(io: IO, now: () => Date): Promise<void> {
  let home: string;
  try {
    home = harmonyHome(io.env);
  } catch {
    return; // the command reports a bad HARMONY_HOME
  }
  const copies = findConflictCopies(home);
  if (existsSync(join(home, '.stfolder')) && !existsSync(join(home, '.stignore'))) {
    try {
      const { ensureFile, STIGNORE } = await import('../../store/sync/repo-files.js');
      ensureFile(join(home, '.stignore'), STIGNORE);
    } catch {
      // only a nicety
    }
  }
  if (copies.length === 0) return;
  const { Store } = await import('../../store/index.js');
  const { copiesLine, mergeConflictCopies } = await import('../../store/conflict-merge.js');
  const store = new Store(home);
  try {
    const outcome = await store.write(() => mergeConflictCopies(store, copies, now()));
    io.stderr.write(`${oneLine(copiesLine(home, outcome))}\n`);
  } catch (error) {
    io.stderr.write(`harmony: could not merge the conflict copies in ${home} yet: ${oneLine((error as Error).message)}\n`);
  }
}
