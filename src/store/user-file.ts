// Files the user names on the command line (export --out, import FILE): not harmony's own
// data, so problems with them are usage errors (exit 2) that name the path.
import { closeSync, existsSync, linkSync, openSync, readFileSync, readSync, renameSync, unlinkSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { removeQuietly, writeTemp } from './files.js';

function why(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder';
  if (code === 'ENOTDIR') return 'a part of the path is not a folder';
  if (code === 'ENOSPC') return 'the disk is full';
  if (code === 'EROFS') return 'the file system is read-only';
  return (error as Error).message;
}

export function readUserFile(file: string): string;
export function readUserFile(file: string, binary: 'bytes'): Buffer;
export function readUserFile(file: string, binary?: 'bytes'): string | Buffer {
  try {
    return binary ? readFileSync(file) : readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`Cannot read ${file}: ${why(error)}.`);
  }
}

/** Up to `limit + 1` bytes of a file (so the caller can tell it is over the limit), read
 * without loading a huge file whole. */
export function readUserBytes(file: string, limit: number): Buffer {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const buffer = Buffer.alloc(limit + 1);
    let size = 0;
    for (let n = 1; n > 0 && size <= limit; size += n) n = readSync(fd, buffer, size, buffer.length - size, null);
    return buffer.subarray(0, size);
  } catch (error) {
    throw new UsageError(`Cannot read ${file}: ${why(error)}.`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Writes `text` to `file` atomically (temp file beside it, then a rename), mode 0600: the
 * journal is private. Without `force` an existing file is never replaced, checked atomically
 * (a hard link fails if the name exists), so a file created meanwhile is not lost either.
 */
export function writeUserFile(file: string, text: string | Uint8Array, force: boolean): void {
  const target = resolve(file);
  let temp: string | undefined;
  try {
    temp = writeTemp(target, text);
    if (force) {
      renameSync(temp, target);
    } else {
      linkNoReplace(temp, target);
    }
  } catch (error) {
    if (temp) removeQuietly(temp);
    if ((error as NodeJS.ErrnoException).code === 'EEXIST' && !force) {
      throw new UsageError(`${file} already exists; add --force to replace it, or choose another --out file.`);
    }
    throw new UsageError(`Cannot write ${file}: ${why(error)}.`);
  }
}

function linkNoReplace(temp: string, target: string): void {
  try {
    linkSync(temp, target);
    unlinkSync(temp);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw error;
    // A file system without hard links: check, then rename (not atomic, but rare).
    if (existsSync(target)) throw Object.assign(new Error('exists'), { code: 'EEXIST' });
    renameSync(temp, target);
  }
}
