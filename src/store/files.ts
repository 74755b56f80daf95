// Reading and writing our versioned JSON documents.
// Reads never modify a file: anything we cannot trust becomes a DataError naming the file.
// Writes are atomic (temp file in the same folder, fsync, rename), mode 0600.
import { accessSync, closeSync, constants, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, unlinkSync, writeFileSync, type Dirent } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import type { DocSpec } from '../core/doc.js';
import { DataError } from '../errors.js';

export type { DocSpec } from '../core/doc.js';

/** Reads a document; a missing file gives the empty document. */
export function readDoc<T>(file: string, spec: DocSpec<T>): T {
  const text = readData(file, 'utf8');
  return text === undefined ? spec.empty() : parseDoc(file, text, spec);
}

/** A data file's contents, or undefined when it does not exist; any other problem is a DataError naming it. */
export function readData(file: string): Buffer | undefined;
export function readData(file: string, encoding: 'utf8'): string | undefined;
export function readData(file: string, encoding?: 'utf8'): Buffer | string | undefined {
  try {
    return encoding ? readFileSync(file, encoding) : readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    if (code === 'EACCES' || code === 'EPERM') {
      throw new DataError(`Cannot read ${file}: permission denied. Check its owner and mode (it should be yours, 0600).`);
    }
    if (code === 'EISDIR') throw new DataError(`${file} is a folder, not a harmony data file. Move it aside.`);
    throw new DataError(`Cannot read ${file}: ${(error as Error).message}.`);
  }
}

/**
 * A data file's bytes as its document: the seam sync's merge driver and conflict copies read
 * through (issue 17), so a store that encrypts its files (issue 18) decrypts here, in one place.
 */
export function decodeDoc<T>(file: string, bytes: Buffer, spec: DocSpec<T>): T {
  return parseDoc(file, bytes.toString('utf8'), spec);
}

/** A document as the bytes writeDoc stores (and encrypts, when the store is encrypted). */
export function encodeDoc(doc: unknown, options: WriteOptions = {}): string {
  return (options.cache ? JSON.stringify(doc) : JSON.stringify(doc, null, 1)) + '\n';
}

// Git's conflict markers at the start of a line: the file was merged as text, not by harmony.
const CONFLICT_MARKERS = /^(<{7}|={7}|>{7})( |$)/m;

export function parseDoc<T>(file: string, text: string, spec: DocSpec<T>): T {
  const fix = 'It was left untouched; restore it from a backup or move it aside to start fresh.';
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    if (CONFLICT_MARKERS.test(text)) {
      throw new DataError(`${file} has git conflict markers: it was merged as text, without harmony's merge driver. It was left untouched; run harmony sync to merge it (see harmony sync --help).`);
    }
    const what = text.trim() === '' ? 'is empty' : 'is not valid JSON (corrupt or truncated)';
    throw new DataError(`${file} ${what}. ${fix}`);
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    throw new DataError(`${file} does not hold a harmony document. ${fix}`);
  }
  let record = doc as Record<string, unknown>;
  const version = record.schemaVersion;
  if (!Number.isInteger(version) || (version as number) < 1) {
    throw new DataError(`${file} has no valid schemaVersion. ${fix}`);
  }
  if ((version as number) > spec.version) {
    throw new DataError(
      `${file} was written by a newer harmony (data version ${String(version)}, this one reads up to ${spec.version}). Upgrade harmony; the file was left untouched.`,
    );
  }
  for (let v = (version as number) + 1; v <= spec.version; v++) {
    const migrate = spec.migrations?.[v];
    if (!migrate) throw new DataError(`${file}: no migration from data version ${v - 1} to ${v}. ${fix}`);
    record = { ...migrate(record), schemaVersion: v };
  }
  const problem = spec.validate(record);
  if (problem) throw new DataError(`${file} has unexpected content (${problem}). ${fix}`);
  return record as T;
}

/**
 * Every file writeDoc has replaced in this process, in order: Store.write looks at what one
 * save changed to decide whether the shell reminder's cache needs rebuilding
 * (store/remind-cache.ts).
 */
export const written: string[] = [];

/** Atomic write: a crash leaves either the old file or the new one, never half of either. */
/**
 * Writes `data` to a new 0600 temp file beside `file` and returns its path; the caller renames
 * it into place. writeFileSync on an fd loops until every byte is written; writeSync does not:
 * on a nearly full disk it returned a short count, and the truncated temp file was renamed
 * over the good one (found by the reliability suite, issue 8).
 */
export function writeTemp(file: string, data: string | Uint8Array, durable = true): string {
  // `.~` first: Dropbox and Nextcloud never sync such names, so a half-written copy of a
  // month file never travels to another machine (issue 17).
  const temp = join(dirname(file), `.~${basename(file)}.${process.pid}.${Date.now()}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx', 0o600);
    writeFileSync(fd, data);
    if (durable) fsyncSync(fd);
    closeSync(fd);
    return temp;
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    removeQuietly(temp);
    throw error;
  }
}

export function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}

export interface WriteOptions {
  /** A rebuildable cache: compact JSON and no fsync (a torn cache is rebuilt on read). */
  cache?: boolean;
}

export function writeDoc(file: string, doc: unknown, options: WriteOptions = {}): void {
  writeBytes(file, serializeDoc(doc, options), options);
}

export const serializeDoc = (doc: unknown, options: WriteOptions = {}) =>
  (options.cache ? JSON.stringify(doc) : JSON.stringify(doc, null, 1)) + '\n';

/** writeDoc's atomic write, for bytes already made (an encrypted document). */
export function writeBytes(file: string, data: string | Uint8Array, options: WriteOptions = {}): void {
  assertWritable(file);
  const dir = dirname(file);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch (error) {
    throw writeError(file, error);
  }
  let temp: string | undefined;
  try {
    temp = writeTemp(file, data, !options.cache);
    renameSync(temp, file);
  } catch (error) {
    if (temp) removeQuietly(temp);
    throw writeError(file, error);
  }
  written.push(file);
  if (!options.cache) syncFolder(dir);
}

/**
 * Refuses to replace a file the user cannot write (e.g. made read-only with chmod 400): the
 * atomic rename needs only a writable folder, so without this check it would silently swap
 * a protected file for a new 0600 one. (Added by the reliability suite, issue 8.)
 */
export function assertWritable(file: string): void {
  try {
    accessSync(file, constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') throw writeError(file, error);
    // ENOENT (a new file) and anything else: the write itself will tell.
  }
}

const TEMP_RE = /^\..+\.(\d+)\.\d+\.tmp$/; // writeDoc's temp files: .~<name>.<pid>.<ms>.tmp (before issue 17 without the ~)

/**
 * Removes temp files left by writers that died mid-write (SIGKILL, power loss): the atomic
 * rename keeps the data safe, but each such crash left a copy of a month file behind for
 * ever (the reliability suite counted ~60 per 200 kills, issue 8). Only files whose process
 * is gone are touched; call it under the store lock. Looks in the data folder and one level
 * of subfolders (journal/ and the like).
 */
export function removeOrphanTemps(home: string): void {
  const sweep = (dir: string, depth: number) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const d of entries) {
      if (d.isDirectory() && depth === 0) sweep(join(dir, d.name), 1);
      const pid = Number(TEMP_RE.exec(d.name)?.[1]);
      if (!d.isFile() || !pid || processAlive(pid)) continue;
      try {
        unlinkSync(join(dir, d.name));
      } catch {
        // already gone, or not ours to remove: leave it
      }
    }
  };
  sweep(home, 0);
}

/** Whether a process with this id is running (EPERM: alive, someone else's). */
export function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // alive, someone else's
  }
}

export function syncFolder(dir: string): void {
  // Makes the rename itself durable; not supported everywhere, so best effort.
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // ignore
  }
}

export function writeError(file: string, error: unknown): DataError {
  const code = (error as NodeJS.ErrnoException).code;
  const reason =
    code === 'ENOSPC' || code === 'EDQUOT' ? 'the disk is full (or your disk quota is used up)'
    : code === 'EACCES' || code === 'EPERM' ? 'permission denied'
    : code === 'EROFS' ? 'the file system is read-only'
    : code === 'ENOTDIR' || code === 'EEXIST' ? 'a file stands where a folder should be'
    : (error as Error).message;
  return new DataError(`Could not save ${file}: ${reason}. Your previous data is unchanged.`);
}
