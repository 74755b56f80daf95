// What this machine remembers about syncing, kept in the repository's own .git/harmony/ (never
// committed, never seen by a file-sync tool that skips .git): the last sync, a background
// failure not yet reported, and a pid file that makes one sync at a time and lets the next
// sync recover from one that was killed (kill -9, power loss) half-way.
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { SyncError } from '../../errors.js';
import { processAlive, removeQuietly, writeTemp } from '../files.js';

export interface SyncRecord {
  /** When the last sync finished well (ISO). */
  lastSync?: string;
  /** The last sync that failed, and whether the user has been told. */
  failure?: { at: string; message: string; reported: boolean };
  /** The merge driver line last written to .git/config (rewritten when harmony moves). */
  driver?: string;
}

const dirOf = (gitDir: string) => join(gitDir, 'harmony');
const recordFile = (gitDir: string) => join(dirOf(gitDir), 'state.json');
const pidFile = (gitDir: string) => join(dirOf(gitDir), 'sync.pid');
const againFile = (gitDir: string) => join(dirOf(gitDir), 'sync.again');

/** The busy error, so a background sync can tell "another is running" from a real failure. */
export class SyncBusy extends SyncError {}

/** Asks the sync that is running to go round once more when it is done (it may have missed a save). */
export function askAgain(gitDir: string): void {
  try {
    closeSync(openSync(againFile(gitDir), 'w', 0o600));
  } catch {
    // the next save asks again
  }
}

/** Whether a sync was asked to go round again; the request is taken (removed). */
export function takeAgain(gitDir: string): boolean {
  try {
    unlinkSync(againFile(gitDir));
    return true;
  } catch {
    return false;
  }
}

export function readRecord(gitDir: string): SyncRecord {
  try {
    const doc = JSON.parse(readFileSync(recordFile(gitDir), 'utf8')) as unknown;
    return typeof doc === 'object' && doc !== null ? (doc as SyncRecord) : {};
  } catch {
    return {}; // none yet, or torn: it only says when we last synced
  }
}

export function writeRecord(gitDir: string, change: (r: SyncRecord) => void): void {
  const record = readRecord(gitDir);
  change(record);
  try {
    mkdirSync(dirOf(gitDir), { recursive: true, mode: 0o700 });
    const file = recordFile(gitDir);
    renameSync(writeTemp(file, JSON.stringify(record, null, 1) + '\n', false), file); // no fsync: only bookkeeping
  } catch {
    // Losing "last synced at" is harmless; never fail a sync over it.
  }
}

export interface SyncLock {
  /** A sync before this one was killed part-way (its pid file was left behind). */
  interrupted: boolean;
  /** What it was doing then ('commit', 'merge', 'push'...). */
  phase?: string;
  setPhase: (phase: string) => void;
  release: () => void;
}

function tryCreate(file: string, text: string): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  writeSync(fd, text);
  closeSync(fd);
  return true;
}

/** One sync at a time: waits up to `waitMs` for another to finish, then says it is busy. */
export async function acquireSyncLock(gitDir: string, waitMs: number): Promise<SyncLock> {
  mkdirSync(dirOf(gitDir), { recursive: true, mode: 0o700 });
  const file = pidFile(gitDir);
  const deadline = Date.now() + waitMs;
  let interrupted = false;
  let phase: string | undefined;
  for (;;) {
    if (tryCreate(file, `${process.pid} start\n`)) break;
    let text = '';
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue; // released meanwhile: try again
    }
    const [pidText, was] = text.trim().split(' ');
    const pid = Number(pidText);
    if (!pid || !processAlive(pid)) {
      // Its holder is gone: take over (a rename, so two takers cannot both win).
      const mine = `${file}.${process.pid}`;
      removeQuietly(mine);
      if (!tryCreate(mine, `${process.pid} start\n`)) continue;
      try {
        if (readFileSync(file, 'utf8') !== text) {
          removeQuietly(mine);
          continue;
        }
        renameSync(mine, file);
      } catch {
        removeQuietly(mine);
        continue;
      }
      interrupted = true;
      phase = was;
      break;
    }
    if (Date.now() > deadline) throw new SyncBusy(`Another harmony sync is running (process ${pid}); try again when it has finished.`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    interrupted,
    phase,
    setPhase: (p) => {
      try {
        renameSync(writeTemp(file, `${process.pid} ${p}\n`, false), file);
      } catch {
        // the phase only helps recovery after a kill
      }
    },
    release: () => {
      try {
        if (readFileSync(file, 'utf8').startsWith(`${process.pid} `)) unlinkSync(file);
      } catch {
        // already gone
      }
    },
  };
}

/**
 * Lock files git leaves when it is killed (index.lock, refs/…/x.lock): after a killed sync,
 * once they are older than a moment (an orphaned git child may still be finishing), they are
 * stale and removed, so the next git call does not fail with "File exists".
 */
export async function removeStaleGitLocks(gitDir: string, settleMs = 3000): Promise<string[]> {
  const found: string[] = [];
  const walk = (dir: string, depth: number) => {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of names) {
      const path = join(dir, name);
      if (name.endsWith('.lock')) found.push(path);
      else if (depth > 0 && (dir !== gitDir || name === 'refs')) {
        try {
          if (statSync(path).isDirectory()) walk(path, depth - 1);
        } catch {
          // gone
        }
      }
    }
  };
  walk(gitDir, 8);
  const removed: string[] = [];
  for (const lock of found) {
    for (let i = 0; ; i++) {
      let age: number;
      try {
        age = Date.now() - statSync(lock).mtimeMs;
      } catch {
        break; // its git finished and removed it
      }
      if (age >= settleMs || i >= 100) {
        removeQuietly(lock);
        removed.push(lock);
        break;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return removed;
}
