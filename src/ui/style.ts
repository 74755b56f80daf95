// Colour by role. chalk ignores NO_COLOR, so the level comes from our own rules in io.ts.
import { Chalk, type ChalkInstance } from 'chalk';
import type { IO } from './io.js';

export interface Style {
  heading: (s: string) => string;
  accent: (s: string) => string;
  muted: (s: string) => string;
  success: (s: string) => string;
  warning: (s: string) => string;
  error: (s: string) => string;
  bold: (s: string) => string;
  chalk: ChalkInstance;
}

export function makeStyle(color: boolean): Style {
  const chalk = new Chalk({ level: color ? 2 : 0 });
  return {
    heading: (s) => chalk.bold.cyan(s),
    accent: (s) => chalk.magenta(s),
    muted: (s) => chalk.dim(s),
    success: (s) => chalk.green(s),
    warning: (s) => chalk.yellow(s),
    error: (s) => chalk.red(s),
    bold: (s) => chalk.bold(s),
    chalk,
  };
}

export function styleFor(io: IO): Style {
  return makeStyle(io.color);
}

/** Writes lines to stdout. */
export function print(io: IO, ...lines: string[]): void {
  io.stdout.write(lines.join('\n') + '\n');
}

export function printJson(io: IO, data: unknown): void {
  io.stdout.write(JSON.stringify(data, null, 2) + '\n');
}
