// Merging conflict copies from file-sync tools into the real files (issue 17), with the same
// rules as a git sync (no common version here: both sides are kept entry by entry). Each copy
// is then moved into conflict-copies/<time>/, where the user can look at it; a copy that
// cannot be read is moved there unmerged, and one written by a newer harmony is left alone.
import { mkdirSync, readFileSync, renameSync, unlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ConflictCopy } from './conflict-copies.js';
import { dataFileOf, decodeSide, mergeFile } from './data-files.js';
import { removeQuietly, writeTemp } from './files.js';
import type { Store } from './index.js';
import { ASIDE_DIR, asideStamp } from './sync/recover.js';

export interface CopiesOutcome {
  merged: ConflictCopy[];
  /** Moved aside without merging, and why. */
  aside: { copy: ConflictCopy; why: string }[];
  /** Left where they are, and why. */
  left: { copy: ConflictCopy; why: string }[];
  /** Where the copies went (relative to the data folder). */
  folder: string;
}

const isCache = (path: string) => /^journal\/index(-\d{4})?\.json$/.test(path);

function readOrNull(file: string): Buffer | null {
  try {
    return readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Call under the store lock. */
export async function mergeConflictCopies(store: Store, copies: ConflictCopy[], now: Date): Promise<CopiesOutcome> {
  const folder = `${ASIDE_DIR}/${asideStamp(now)}`;
  const out: CopiesOutcome = { merged: [], aside: [], left: [], folder };
  const moveAside = (c: ConflictCopy) => {
    const target = join(store.home, folder, c.copy);
    mkdirSync(dirname(target), { recursive: true, mode: 0o700 });
    renameSync(join(store.home, c.copy), target);
  };
  for (const c of copies) {
    const copyFile = join(store.home, c.copy);
    const realFile = join(store.home, c.original);
    const spec = dataFileOf(c.original)?.spec;
    // An encrypted copy merges only with the key: locked, it waits where it is (never a prompt before a command).
    if (spec && c.original.endsWith('.age') && !store.vault.readable) {
      out.left.push({ copy: c, why: 'encrypted, and the journal is locked: harmony unlock, and the next command merges it' });
      continue;
    }
    if (!spec) {
      if (isCache(c.original)) unlinkSync(copyFile); // a cache: rebuilt anyway
      else {
        moveAside(c);
        out.aside.push({ copy: c, why: c.original === 'device.json' ? "this machine's own settings were kept" : 'not a harmony data file' });
      }
      continue;
    }
    const copy = readFileSync(copyFile);
    try {
      decodeSide(c.copy, copy, spec);
    } catch (error) {
      const newer = /newer harmony/.test((error as Error).message);
      if (newer) out.left.push({ copy: c, why: 'written by a newer harmony: upgrade harmony here' });
      else {
        moveAside(c);
        out.aside.push({ copy: c, why: 'it could not be read' });
      }
      continue;
    }
    let merged: Buffer | string;
    try {
      merged = await mergeFile(c.original, c.original, null, readOrNull(realFile), copy, store.vault);
    } catch {
      out.left.push({ copy: c, why: `${c.original} itself could not be read` });
      continue;
    }
    const temp = writeTemp(realFile, merged);
    try {
      renameSync(temp, realFile);
    } catch (error) {
      removeQuietly(temp);
      throw error;
    }
    moveAside(c);
    out.merged.push(c);
  }
  return out;
}

const words = (list: string[]) => (list.length <= 1 ? list.join('') : `${list.slice(0, -1).join(', ')} and ${list.at(-1)}`);
const copies = (n: number) => (n === 1 ? 'a conflict copy' : `${n} conflict copies`);

/** The one line that says what happened (short: it is printed before the command's own output). */
export function copiesLine(home: string, o: CopiesOutcome): string {
  const parts: string[] = [];
  if (o.merged.length > 0) {
    const tools = words([...new Set(o.merged.map((c) => c.tool))]);
    parts.push(`merged ${copies(o.merged.length)} from ${tools} into ${words([...new Set(o.merged.map((c) => c.original))])} (nothing lost)`);
  }
  const whys = [...new Set(o.aside.map((a) => a.why))];
  if (o.aside.length > 0) parts.push(`moved ${copies(o.aside.length)} aside unmerged (${whys.join('; ')})`);
  if (o.left.length > 0) parts.push(`left ${copies(o.left.length)} in place (${[...new Set(o.left.map((l) => l.why))].join('; ')})`);
  const where = o.merged.length + o.aside.length > 0 ? `; see ${join(home, o.folder)}` : '';
  return `harmony: ${parts.join('; ')}${where}.`;
}
