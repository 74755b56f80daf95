// Helpers shared by the command declarations in src/cli/.
import { InvalidArgumentError } from 'commander';
import { prepareContext, type Context } from '../context.js';

export type Ctx = () => Context;
type Loader = () => Promise<{ run: (ctx: Context, ...args: any[]) => Promise<void> | void }>;

/** An action that loads its command module on demand and hands it the context. */
export function lazy(ctx: Ctx, load: Loader) {
  return async (...args: unknown[]) => {
    const mod = await load();
    const context = ctx();
    await prepareContext(context);
    // commander passes (...arguments, options, command); we drop the command object.
    await mod.run(context, ...args.slice(0, -1));
  };
}

export function intArg(name: string, min: number, max: number) {
  return (value: string) => {
    const n = Number(value);
    if (!/^-?\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < min || n > max) {
      throw new InvalidArgumentError(`${name} must be a whole number from ${min} to ${max}.`);
    }
    return n;
  };
}

export const collect = (value: string, previous: string[] = []) => [...previous, value];

export function examples(...lines: string[]): string {
  return `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;
}
