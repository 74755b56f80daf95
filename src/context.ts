// What every command gets: the I/O object, the clock, the environment, the store, prompts.
import type { IO } from './ui/io.js';
import { UsageError } from './errors.js';
import { practiceDay, type LocalDate } from './core/dates.js';
import { openStore, type Store } from './store/index.js';
import { harmonyHome } from './store/paths.js';
import { isEncrypted } from './store/vault.js';
import { inquirerPrompter, type Prompter } from './ui/prompts.js';

export interface Context {
  io: IO;
  env: NodeJS.ProcessEnv;
  debug: boolean;
  /** The clock. HARMONY_NOW (an ISO instant) pins it, for tests and demos. */
  now: () => Date;
  /** Today's practice day, with the user's dayStartHour. */
  today: () => LocalDate;
  store: () => Store;
  /** The store if this command opened it (for what runs after the command: autoSync). */
  openedStore: () => Store | undefined;
  prompter: Prompter;
}

export function makeContext(io: IO, debug: boolean, prompter: Prompter = inquirerPrompter()): Context {
  let store: Store | undefined;
  const ctx: Context = {
    io,
    env: io.env,
    debug,
    now: () => clock(io.env),
    today: () => practiceDay(ctx.now(), ctx.store().settings().dayStartHour),
    store: () => {
      if (!store) {
        store = openStore(io.env);
        // A read of a locked encrypted journal asks here: a flag/env/passphraseCommand, or a prompt (issue 18).
        store.passphrase = async (why) => (await import('./commands/common/passphrase.js')).existingPassphrase(ctx, {}, why);
      }
      return store;
    },
    openedStore: () => store,
    prompter,
  };
  return ctx;
}

function clock(env: NodeJS.ProcessEnv): Date {
  const pinned = env.HARMONY_NOW;
  if (!pinned) return new Date();
  const d = new Date(pinned);
  if (Number.isNaN(d.getTime())) throw new UsageError(`HARMONY_NOW is not a valid date-time: "${pinned}".`);
  return d;
}

/**
 * Before a command runs: an encrypted journal that is unlocked has the secret part of
 * state.json read now (own prompts, prompts used...), so store.state() stays a plain read.
 * Nothing for a plaintext journal but one failed file read.
 */
export async function prepareContext(ctx: Context): Promise<void> {
  let home: string;
  try {
    home = harmonyHome(ctx.env);
  } catch {
    return; // the command reports a bad HARMONY_HOME itself, if it uses the store
  }
  if (isEncrypted(home)) await ctx.store().loadState();
}
