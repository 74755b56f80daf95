// What every command gets: the I/O object, the clock, the environment, the store, prompts.
import type { IO } from './ui/io.js';
import { UsageError } from './errors.js';
import { practiceDay, type LocalDate } from './core/dates.js';
import { openStore, type Store } from './store/index.js';
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
    store: () => (store ??= openStore(io.env)),
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
