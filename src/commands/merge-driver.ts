// harmony merge-driver %O %A %B %P: the merge driver git runs for harmony's data files
// (configured by harmony sync; hidden from help). %O is the common version (empty when
// there is none), %A this side's (the result is written over it), %B the other side's, %P
// the file's path in the repository. Exit 0: merged; 1: not merged (git then stops the merge
// and harmony sync says why, from the line printed here).
import { readFileSync, writeFileSync } from 'node:fs';
import type { Writable } from 'node:stream';
import { oneLine } from '../errors.js';
import { mergeCarried } from '../store/data-files.js';
import { loadVault } from '../store/vault.js';

export async function mergeDriver(args: string[], stderr: Writable, home = process.cwd()): Promise<number> {
  const [base, ours, theirs, path] = args;
  if (args.length !== 4 || !base || !ours || !theirs || !path) {
    stderr.write('harmony merge-driver: git runs this with %O %A %B %P (see harmony sync --help); it is not meant to be run by hand.\n');
    return 2;
  }
  try {
    const read = (file: string) => readFileSync(file);
    // git runs the driver at the top of the data folder. An encrypted file needs the unlocked
    // identity (harmony sync checks that before it merges; here it only fails, never asks).
    const vault = path.endsWith('.age') ? loadVault(home) : undefined;
    writeFileSync(ours, await mergeCarried(path, read(base), read(ours), read(theirs), vault));
    return 0;
  } catch (error) {
    stderr.write(`harmony merge-driver: ${oneLine((error as Error).message)}\n`);
    return 1;
  }
}
