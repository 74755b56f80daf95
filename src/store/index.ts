// The store: the only code that touches harmony's data on disk.
// Reads are lock-free (every file is replaced atomically, so a reader sees old or new);
// every write runs inside write(), under the cross-process lock.
import { join, sep } from 'node:path';
import { readDoc, writeDoc, written } from './files.js';
import { Journal } from './journal.js';
import { prepareHome, withLock } from './lock.js';
import { FILES, harmonyHome } from './paths.js';
import { refreshReminderCache } from './remind-cache.js';
import { readSettings, type Settings } from './settings.js';
import { readPeople, writePeople } from './people.js';
import type { PeopleDoc } from '../core/people.js';
import { stateSpec, type State } from './state.js';

export class Store {
  readonly journal: Journal;
  /** Whether a write finished in this process (autoSync then syncs after the command). */
  wrote = false;
  /** `now`: the clock (HARMONY_NOW in tests), for the practice day the reminder cache starts from. */
  constructor(
    readonly home: string,
    readonly now: () => Date = () => new Date(),
  ) {
    this.journal = new Journal(home);
  }

  path(name: string): string {
    return join(this.home, name);
  }

  settings(): Settings {
    return readSettings(this.home);
  }

  state(): State {
    return readDoc(this.path(FILES.state), stateSpec);
  }

  people(): PeopleDoc {
    return readPeople(this.home);
  }

  /** Call under the lock (inside write()), with a document read there. */
  writePeople(doc: PeopleDoc): void {
    writePeople(this.home, doc);
  }

  /** Read-modify-write of people.json, under the lock. */
  async updatePeople<T>(change: (doc: PeopleDoc) => T): Promise<T> {
    return this.write(() => {
      const doc = this.people();
      const result = change(doc);
      writePeople(this.home, doc);
      return result;
    });
  }

  /**
   * Runs `work` under the lock; re-read anything you change inside it. A Ctrl+C (SIGINT or
   * SIGTERM) that arrives meanwhile waits until the save is complete and the lock released.
   * `reminderKept`: the work changed nothing the shell reminder speaks of (sync's commit).
   */
  async write<T>(work: () => T | Promise<T>, options: { reminderKept?: boolean } = {}): Promise<T> {
    let signal: NodeJS.Signals | undefined;
    const hold = (s: NodeJS.Signals) => (signal ??= s);
    process.on('SIGINT', hold).on('SIGTERM', hold);
    try {
      prepareHome(this.home); // a DataError, not a crash, when the folder cannot be made
      return await withLock(this.home, async () => {
        const from = written.length;
        let failed = true;
        try {
          const result = await work();
          failed = false;
          this.wrote = true;
          return result;
        } finally {
          // Every save passes here, so the shell reminder's cache is rebuilt after each one,
          // still under the lock (see reminderMayHaveChanged).
          // (Sync's steps say themselves when git changed nothing the reminder speaks of.)
          if (!options.reminderKept && this.reminderMayHaveChanged(written.slice(from), failed)) refreshReminderCache(this.home, this.journal, this.now());
        }
      });
    } finally {
      process.off('SIGINT', hold).off('SIGTERM', hold);
      if (signal) {
        process.stderr.write('harmony: interrupted; what was being saved is saved.\n');
        process.exit(signal === 'SIGINT' ? 130 : 143);
      }
    }
  }

  /**
   * After a save that went through: unless it only wrote what the reminder never speaks of
   * (quiz answers, lessons read). Nothing recorded counts as a change: conf writes
   * config.json itself. After one that failed: only if it changed a file before failing (a
   * failed save changed nothing else, so the cache still holds, and a full disk keeps it).
   */
  private reminderMayHaveChanged(files: string[], failed: boolean): boolean {
    const relevant = files.filter((f) => !this.outsideReminder(f));
    return failed ? relevant.length > 0 : files.length === 0 || relevant.length > 0;
  }

  /** Whether a file written has no part in what the shell reminder says (see write()). */
  private outsideReminder(file: string): boolean {
    return file === this.path(FILES.state) || file === this.path(FILES.quiz) || file.startsWith(this.path(FILES.quizLogDir) + sep);
  }

  /** Read-modify-write of state.json, under the lock. */
  async updateState(change: (state: State) => void): Promise<State> {
    return this.write(() => {
      const state = this.state();
      change(state);
      writeDoc(this.path(FILES.state), state);
      return state;
    });
  }
}

export function openStore(env: NodeJS.ProcessEnv): Store {
  // HARMONY_NOW pins the clock (context.ts reports one that is not a date; here it is ignored).
  const pinned = env.HARMONY_NOW ? new Date(env.HARMONY_NOW) : undefined;
  return new Store(harmonyHome(env), pinned && !Number.isNaN(pinned.getTime()) ? () => pinned : undefined);
}

export { readDoc, writeDoc } from './files.js';
export type { DocSpec } from './files.js';
