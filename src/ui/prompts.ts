// Every question harmony asks goes through a Prompter, so tests can answer them and the
// command code never imports inquirer directly.
import { CancelledError, UsageError } from '../errors.js';
import type { IO } from './io.js';

export interface ChoiceOption<T> {
  name: string;
  value: T;
  description?: string;
}

export interface Prompter {
  select<T>(o: { message: string; choices: ChoiceOption<T>[]; default?: T }): Promise<T>;
  checkbox<T>(o: { message: string; choices: ChoiceOption<T>[]; required?: boolean }): Promise<T[]>;
  input(o: { message: string; default?: string; required?: boolean; validate?: (v: string) => true | string }): Promise<string>;
  confirm(o: { message: string; default?: boolean }): Promise<boolean>;
  /** A secret typed without echo (the passphrase of an encrypted journal). */
  password(o: { message: string }): Promise<string>;
  /** `dir`: where the editor's temporary copy goes (the private runtime folder when the journal is encrypted). */
  editor(o: { message: string; default?: string; dir?: string }): Promise<string>;
}

/** Fails fast when no one can answer: names the flags that make the command work without a TTY. */
export function requireInteractive(io: IO, command: string, flags: string[]): void {
  if (!io.interactive) {
    throw new UsageError(
      `${command} needs answers but this is not an interactive terminal; pass ${flags.join(' ')} (see harmony ${command.split(' ')[0]} --help).`,
    );
  }
}

/** The real prompts (@inquirer/prompts), loaded on first use. */
export function inquirerPrompter(cancelMessage = 'Cancelled.'): Prompter {
  const load = () => import('@inquirer/prompts');
  const guard = async <T>(ask: () => Promise<T>): Promise<T> => {
    try {
      return await ask();
    } catch (error) {
      const name = (error as Error).name;
      if (name === 'ExitPromptError' || name === 'AbortPromptError') throw new CancelledError(cancelMessage);
      throw error;
    }
  };
  return {
    select: async (o) => guard(async () => (await load()).select({ ...o, pageSize: 10 })),
    checkbox: async (o) => guard(async () => (await load()).checkbox(o)),
    input: async (o) => guard(async () => (await load()).input(o)),
    confirm: async (o) => guard(async () => (await load()).confirm(o)),
    password: async (o) => guard(async () => (await load()).password({ ...o, mask: '*' })),
    editor: async ({ dir, ...o }) => guard(async () => (await load()).editor({ ...o, ...(dir ? { file: { dir } } : {}), waitForUserInput: false })),
  };
}

/** Answers prompts from a list, in order, for tests. Running out = the user pressed Ctrl+C. */
export function scriptedPrompter(answers: unknown[], cancelMessage = 'Cancelled.'): Prompter & { asked: string[] } {
  const queue = [...answers];
  const asked: string[] = [];
  const next = async <T>(message: string): Promise<T> => {
    asked.push(message);
    if (queue.length === 0) throw new CancelledError(cancelMessage);
    return queue.shift() as T;
  };
  return {
    asked,
    select: (o) => next(o.message),
    checkbox: (o) => next(o.message),
    input: (o) => next(o.message),
    confirm: (o) => next(o.message),
    password: (o) => next(o.message),
    editor: (o) => next(o.message),
  };
}
