// Committing what changed in the data folder, for sync (issue 17). Only harmony's data files
// are committed, and only when each still reads as a harmony document: a change someone made
// by hand to another tracked file, a data file deleted by hand, or one that no longer parses
// stops the sync with a message and nothing committed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataError, SyncError } from '../../errors.js';
import { dataFileOf, decodeSide, KEY_FILES } from '../data-files.js';
import { existsSync } from 'node:fs';
import type { Git } from './git.js';

export interface Change {
  /** Two status letters (index, working tree), as git status --porcelain prints them. */
  xy: string;
  path: string;
}

export interface Status {
  changes: Change[];
  /** Commits here not yet on the remote (as of the last fetch); null without an upstream. */
  ahead: number | null;
}

/**
 * `git status --porcelain=v2 --branch -z` as changes (a rename gives its new path) and how
 * far ahead of the remote this branch is: one git call for both.
 */
export function parseStatus(out: string): Status {
  const parts = out.split('\0');
  const changes: Change[] = [];
  let ahead: number | null = null;
  const fields = (item: string, n: number) => {
    let at = 0;
    for (let i = 0; i < n; i++) at = item.indexOf(' ', at) + 1;
    return item.slice(at);
  };
  for (let i = 0; i < parts.length; i++) {
    const item = parts[i]!;
    const xy = item.slice(2, 4).replace(/\./g, ' ');
    if (item.startsWith('# branch.ab ')) ahead = Number(/\+(\d+)/.exec(item)?.[1] ?? 0);
    else if (item.startsWith('1 ')) changes.push({ xy, path: fields(item, 8) });
    else if (item.startsWith('2 ')) {
      changes.push({ xy, path: fields(item, 9) });
      i++; // the old path follows
    } else if (item.startsWith('u ')) changes.push({ xy, path: fields(item, 10) });
    else if (item.startsWith('? ')) changes.push({ xy: '??', path: item.slice(2) });
  }
  return { changes, ahead };
}

const REPO_FILES = new Set(['.gitignore', '.gitattributes']);

/**
 * A data file harmony itself removed (issue 18): an entry or change saved while locked, once
 * folded into its file; a plaintext file after harmony encrypt (its .age is there), an
 * encrypted one after harmony decrypt (its plaintext is there, or it was a key file).
 */
function harmonyRemoved(home: string, path: string): boolean {
  if (dataFileOf(path)?.transient) return true;
  const encrypted = existsSync(join(home, 'encryption.json'));
  if (path.endsWith('.age') || KEY_FILES.includes(path)) return !encrypted;
  return encrypted && existsSync(join(home, `${path}.age`));
}
export const isCarried = (path: string) => REPO_FILES.has(path) || KEY_FILES.includes(path) || dataFileOf(path) !== undefined;

export async function readStatus(git: Git): Promise<Status> {
  return parseStatus(await git.ok(['status', '--porcelain=v2', '--branch', '-z', '--untracked-files=all'], 'reading what changed'));
}

export async function changes(git: Git): Promise<Change[]> {
  return (await readStatus(git)).changes;
}

/** Checks the changes can be committed; throws (nothing committed) when one cannot. */
export function checkChanges(home: string, list: Change[]): Change[] {
  const foreign = list.filter((c) => !isCarried(c.path) && c.xy !== '??' && c.xy !== '!!');
  if (foreign.length > 0) {
    const names = foreign.slice(0, 3).map((c) => c.path).join(', ') + (foreign.length > 3 ? ` and ${foreign.length - 3} more` : '');
    throw new SyncError(
      `The data folder has changes harmony did not make (${names}). Commit or undo them with git (git -C ${home} status), then run harmony sync again; nothing was synced.`,
    );
  }
  const mine = list.filter((c) => isCarried(c.path));
  const unmerged = mine.filter((c) => c.xy.includes('U') || c.xy === 'AA' || c.xy === 'DD');
  if (unmerged.length > 0) throw new SyncError(`${unmerged[0]!.path} is still being merged by git; run harmony sync again to finish the merge.`);
  const deleted = mine.filter((c) => c.xy.includes('D') && (KEY_FILES.includes(c.path) || dataFileOf(c.path)) && !harmonyRemoved(home, c.path));
  if (deleted.length > 0) {
    throw new SyncError(
      `${deleted[0]!.path} was deleted by hand; harmony does not sync a missing data file (it would delete it on every machine). Restore it (git -C ${home} checkout -- ${deleted[0]!.path}), or delete entries with harmony journal delete; nothing was synced.`,
    );
  }
  for (const c of mine) {
    const file = dataFileOf(c.path);
    if (!file || c.xy.includes('D')) continue; // (a delete harmony made: checked above)
    const full = join(home, c.path);
    let bytes: Buffer;
    try {
      bytes = readFileSync(full);
    } catch (error) {
      throw new DataError(`Cannot read ${full}: ${(error as Error).message}. Nothing was synced.`);
    }
    if (bytes.length === 0) throw new DataError(`${full} is empty. It was left untouched and nothing was synced; restore it from git (git -C ${home} checkout -- ${c.path}).`);
    decodeSide(full, bytes, file.spec); // throws a DataError naming the file
  }
  return mine;
}

/** Commits the data files that changed; returns how many. */
export async function commitChanges(git: Git, home: string, host: string, when: Date, status?: Status): Promise<number> {
  const mine = checkChanges(home, (status ?? (await readStatus(git))).changes);
  if (mine.length === 0) return 0;
  await git.ok(['add', '-A', '--', '.'], 'adding your changes');
  // --no-verify: hooks meant for the user's code (a global core.hooksPath with linters) have no
  // business with a diary, and must not stop or slow a background sync.
  const r = await git.run(['commit', '-q', '--no-verify', '-m', `harmony: ${mine.length} file${mine.length === 1 ? '' : 's'} from ${host}, ${when.toISOString().slice(0, 16)}Z`]);
  if (r.code !== 0) {
    if (/nothing (added )?to commit|no changes added/.test(r.stdout + r.stderr)) return 0;
    if (/Please tell me who you are|user\.email|empty ident/i.test(r.stderr)) {
      throw new SyncError(`git does not know who commits here; set a name and email (git -C ${home} config user.name "Your Name"; git -C ${home} config user.email you@example.com) and run harmony sync again.`);
    }
    throw new SyncError(`git failed while committing your changes: ${r.stderr.trim().split('\n').at(-1) ?? 'no message'}`);
  }
  return mine.length;
}
