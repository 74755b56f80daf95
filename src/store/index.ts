// The store: the only code that touches harmony's data on disk.
// Reads are lock-free (every file is replaced atomically, so a reader sees old or new);
// every write runs inside write(), under the cross-process lock.
import { join, sep } from 'node:path';
import { CancelledError } from '../errors.js';
import { readDoc, writeDoc, written } from './files.js';
import { Journal } from './journal.js';
import { prepareHome, withLock } from './lock.js';
import { FILES, harmonyHome } from './paths.js';
import { refreshReminderCache } from './remind-cache.js';
import { readSettings, type Settings } from './settings.js';
import { readAllPeople, readPeople, writePeople } from './people.js';
import type { PeopleDoc } from '../core/people.js';
import { stateSpec, type State } from './state.js';
import { loadVault, type PassphraseSource, type Vault } from './vault.js';
import { joinState, splitState, type StatePart } from '../core/state-parts.js';
import { readSecretState, saveStateFile } from './state-file.js';

export class Store {
  readonly journal: Journal;
  /** Whether a write finished in this process (autoSync then syncs after the command). */
  wrote = false;
  private vaultNow: Vault | undefined;
  /** Where a read of a locked encrypted store gets the passphrase (set by the command layer: it may prompt). */
  private passphraseSource: PassphraseSource | undefined;
  /** `now`: the clock (HARMONY_NOW in tests), for the practice day the reminder cache starts from. */
  constructor(
    readonly home: string,
    readonly now: () => Date = () => new Date(),
  ) {
    this.journal = new Journal(home, () => this.vault);
  }

  /** Whether the store is encrypted, and its keys (issue 18). Looked at again by every write, under the lock. */
  get vault(): Vault {
    if (!this.vaultNow) {
      this.vaultNow = loadVault(this.home);
      this.vaultNow.passphrase = this.passphraseSource;
    }
    return this.vaultNow;
  }

  set passphrase(source: PassphraseSource | undefined) {
    this.passphraseSource = source;
    if (this.vaultNow) this.vaultNow.passphrase = source;
  }

  /** Forgets the vault (after harmony encrypt/decrypt changed it), keeping an identity already had. */
  refreshVault(): Vault {
    const before = this.vaultNow;
    this.vaultNow = undefined;
    this.secretState = undefined;
    const now = this.vault;
    const had = before?.encrypted && now.encrypted && before.recipient === now.recipient ? before.unlockedIdentity() : undefined;
    if (had) now.useIdentity(had);
    return now;
  }

  path(name: string): string {
    return join(this.home, name);
  }

  settings(): Settings {
    return readSettings(this.home);
  }

  /**
   * state.json. In an encrypted journal its secret part (own prompts, prompts and practices
   * used, the focus...) is there only once loadState() read it, which needs the key: locked,
   * those fields are empty (see core/state-parts.ts).
   */
  state(): State {
    const plain = readDoc(this.path(FILES.state), stateSpec);
    if (!this.vault.encrypted) return plain;
    return joinState(plain as unknown as StatePart, this.secretState?.secret ?? {});
  }

  private secretState: { secret: StatePart; deltas: string[] } | undefined;

  /** Reads the secret part of state.json (encrypted journal): when unlocked, or asking for the passphrase with `ask`. */
  async loadState(ask = false): Promise<void> {
    const vault = this.vault;
    if (!vault.encrypted || (!ask && !vault.readable)) return;
    if (ask) await vault.identity();
    this.secretState = await readSecretState(this.home, vault);
  }

  /** Saves a state read by state() (call inside write()). */
  async saveState(state: State): Promise<void> {
    await saveStateFile(this.home, this.vault, state, this.secretState !== undefined);
    if (this.vault.encrypted && this.secretState) this.secretState = { secret: splitState(state).secret, deltas: [] };
  }

  /** people.json whole: in an encrypted journal this needs the key (it may ask for the passphrase). */
  people(): Promise<PeopleDoc> {
    return readAllPeople(this.home, this.vault);
  }

  /** What needs no key: people.json whole in a plaintext journal, without names, aliases or circles in an encrypted one. */
  peoplePlain(): PeopleDoc {
    return readPeople(this.home, this.vault.encrypted);
  }

  /** Whether people() can be read without asking for a passphrase. */
  get peopleReadable(): boolean {
    return this.vault.readable;
  }

  /** Call under the lock (inside write()), with a document read there by people() (`whole`), or by peoplePlain(). */
  async writePeople(doc: PeopleDoc, whole = true): Promise<void> {
    await writePeople(this.home, doc, this.vault, whole);
  }

  /**
   * Read-modify-write of people.json, under the lock. In an encrypted journal while locked,
   * `change` sees the people without their names (so adding someone cannot check for a
   * duplicate name) and what it sets goes in a delta: no passphrase needed.
   */
  async updatePeople<T>(change: (doc: PeopleDoc) => T): Promise<T> {
    return this.write(async () => {
      const whole = this.vault.readable;
      const doc = whole ? await this.people() : this.peoplePlain();
      const result = change(doc);
      await writePeople(this.home, doc, this.vault, whole);
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
    const hold = (s: NodeJS.Signals) => {
      signal ??= s;
      this.interruptedBy = signal;
    };
    process.on('SIGINT', hold).on('SIGTERM', hold);
    let stopped: string | undefined;
    try {
      prepareHome(this.home); // a DataError, not a crash, when the folder cannot be made
      return await withLock(this.home, async () => {
        // Plaintext or encrypted is decided under the lock: `harmony encrypt` may have run meanwhile.
        this.refreshVault();
        await this.loadState();
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
          if (!options.reminderKept && this.reminderMayHaveChanged(written.slice(from), failed)) await refreshReminderCache(this.home, this.journal, this.now());
        }
      });
    } catch (error) {
      // A long write that stops itself on the signal (harmony encrypt before its commit) says so.
      if (signal && error instanceof CancelledError) stopped = error.message;
      throw error;
    } finally {
      process.off('SIGINT', hold).off('SIGTERM', hold);
      this.interruptedBy = undefined;
      if (signal) {
        process.stderr.write(`harmony: ${stopped ?? 'interrupted; what was being saved is saved.'}\n`);
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
    // In an encrypted store the same files end in .age, and state changes made while locked are state+....json.age.
    const f = file.endsWith('.age') ? file.slice(0, -4) : file;
    if (f.startsWith(this.path('state+'))) return true;
    return f === this.path(FILES.state) || f === this.path(FILES.quiz) || f.startsWith(this.path(FILES.quizLogDir) + sep);
  }

  /** Set while write() holds a Ctrl+C: work that can stop cleanly (before its commit) may look. */
  interruptedBy: NodeJS.Signals | undefined;

  /** Read-modify-write of state.json, under the lock. */
  async updateState(change: (state: State) => void): Promise<State> {
    return this.write(async () => {
      const state = this.state();
      change(state);
      await this.saveState(state);
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
export { readSealed, writeSealed, decodeDoc, encodeDoc, sealedName } from './sealed.js';
export type { DocSpec } from './files.js';
