// A cross-process lock around every write, so two terminals never lose each other's work.
// proper-lockfile uses an atomic mkdir and refreshes the lock's mtime while held; a lock
// whose holder was killed goes stale after STALE_MS and is taken over.
import { accessSync, constants, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DataError } from '../errors.js';
import { removeOrphanTemps } from './files.js';
import { FILES } from './paths.js';

const STALE_MS = 4000;

/**
 * Creates the data folder and checks we may write in it, as a DataError. Without this check
 * a read-only folder was retried like a busy lock for ~14 s before the error, and a parent
 * that is a file (ENOTDIR) surfaced as an unexpected error (reliability suite, issue 8).
 */
export function prepareHome(home: string): void {
  try {
    mkdirSync(home, { recursive: true, mode: 0o700 });
    accessSync(home, constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'EROFS' ? 'read-only file system'
      : code === 'EACCES' || code === 'EPERM' ? 'permission denied'
      : code === 'ENOTDIR' || code === 'EEXIST' ? 'a part of that path is a file, not a folder'
      : code === 'ENOSPC' ? 'the disk is full'
      : (error as Error).message;
    throw new DataError(`Cannot write in ${home}: ${reason}. Your data is unchanged.`);
  }
}

export async function withLock<T>(home: string, work: () => T | Promise<T>): Promise<T> {
  prepareHome(home);
  const lockPath = join(home, FILES.lock);
  let release: () => Promise<void>;
  // Loaded on the first write only (bench/, issue 7): proper-lockfile brings graceful-fs,
  // which patches fs as it loads, and --help, remind and read-only commands need neither.
  const { default: lockfile } = await import('proper-lockfile');
  try {
    release = await lockfile.lock(home, {
      lockfilePath: lockPath,
      realpath: false,
      stale: STALE_MS,
      update: 1000,
      retries: { retries: 60, minTimeout: 15, maxTimeout: 250, factor: 1.3, randomize: true },
      onCompromised: () => {
        // Another process took over a lock it believed stale. Our write is atomic either way.
      },
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOCKED') {
      throw new DataError(`Another harmony is busy with ${home} (lock ${lockPath}). Try again in a moment.`);
    }
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
      throw new DataError(`Cannot write in ${home}: ${code === 'EROFS' ? 'read-only file system' : 'permission denied'}. Your data is unchanged.`);
    }
    throw error;
  }
  try {
    removeOrphanTemps(home); // what a killed writer left; safe now that we hold the lock
    return await work();
  } finally {
    await release().catch(() => undefined);
  }
}

/**
 * Runs `work` under the lock if the data folder exists and the lock is free right now, else
 * not at all; returns whether it ran. For `harmony remind` healing the reminder cache: it
 * runs in every new shell, so it never waits for another harmony and never makes the folder.
 */
export async function ifLockFree(home: string, work: () => void): Promise<boolean> {
  try {
    accessSync(home, constants.W_OK);
  } catch {
    return false;
  }
  const { default: lockfile } = await import('proper-lockfile');
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(home, { lockfilePath: join(home, FILES.lock), realpath: false, stale: STALE_MS, retries: 0, onCompromised: () => undefined });
  } catch {
    return false;
  }
  try {
    work();
    return true;
  } finally {
    await release().catch(() => undefined);
  }
}
