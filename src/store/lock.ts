// A cross-process lock around every write, so two terminals never lose each other's work.
// proper-lockfile uses an atomic mkdir and refreshes the lock's mtime while held; a lock
// whose holder was killed goes stale after STALE_MS and is taken over.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DataError } from '../errors.js';
import { FILES } from './paths.js';

const STALE_MS = 4000;

export async function withLock<T>(home: string, work: () => T | Promise<T>): Promise<T> {
  mkdirSync(home, { recursive: true, mode: 0o700 });
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
    return await work();
  } finally {
    await release().catch(() => undefined);
  }
}
