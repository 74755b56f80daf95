// Typed errors and the one place that maps them to exit codes.
import { safeLine } from './core/safe.js';
export const EXIT = { ok: 0, unexpected: 1, usage: 2, data: 3, findings: 4, sync: 5, cancelled: 130 } as const;

export class HarmonyError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Bad input from the user: a wrong flag value, an unknown id, a missing flag without a TTY. */
export class UsageError extends HarmonyError {
  constructor(message: string) {
    super(message, EXIT.usage);
  }
}

/** Stored data we cannot safely use: corrupt, newer than us, locked, unreadable. */
export class DataError extends HarmonyError {
  constructor(message: string) {
    super(message, EXIT.data);
  }
}

/** `harmony check` found something at warn level: exit 4 so a hook can stop a send. The
 * findings are the output already, so there is no message. */
export class WarnFound extends HarmonyError {
  constructor() {
    super('', EXIT.findings);
  }
}

/**
 * harmony sync could not finish (issue 17): no git, the remote unreachable or refusing us, or
 * the repository in a state harmony will not change (a rebase in progress, a detached HEAD,
 * changes made by hand). What was saved here stays saved (and committed, when it got that far).
 */
export class SyncError extends HarmonyError {
  constructor(message: string) {
    super(message, EXIT.sync);
  }
}

/** The user pressed Ctrl+C or closed a prompt. */
export class CancelledError extends HarmonyError {
  constructor(message = 'Cancelled.') {
    super(message, EXIT.cancelled);
  }
}

export interface Reported {
  code: number;
  message: string;
}

/** Turns anything thrown into an exit code and a one-line message. */
export function report(error: unknown, debug: boolean): Reported {
  if (error instanceof HarmonyError) return { code: error.exitCode, message: oneLine(error.message) };
  const err = error instanceof Error ? error : new Error(String(error));
  if (err.name === 'ExitPromptError' || err.name === 'AbortPromptError') {
    return { code: EXIT.cancelled, message: 'Cancelled.' };
  }
  const firstLine = oneLine((err.message || err.name).split('\n')[0] ?? '');
  const hint = debug ? `\n${err.stack ?? ''}` : ' (rerun with --debug for details)';
  return { code: EXIT.unexpected, message: `Unexpected error: ${firstLine}${hint}` };
}

// Messages often quote what the user typed (an unknown principle, a bad --date). The
// reliability suite (issue 8) found such quotes reaching stderr raw: an ESC sequence could
// clear or retitle the terminal, a newline split the message, 120 kB of text made it a wall.
// So every message is made one safe line: control characters shown as symbols (safeText),
// line breaks and tabs too, runs of over 100 characters without a space shortened, and the
// whole cut in the middle past 280 characters (the end usually says what to do).
export function oneLine(message: string): string {
  const visible = safeLine(message);
  const words = visible.replace(/\S{101,}/gu, (w) => {
    const chars = Array.from(w);
    return `${chars.slice(0, 70).join('')}…${chars.slice(-20).join('')}`;
  });
  const chars = Array.from(words);
  return chars.length <= 280 ? words : `${chars.slice(0, 150).join('')} … ${chars.slice(-120).join('')}`;
}

/** Commander's parse errors: `error: <message>` plus maybe a `(Did you mean x?)` line. */
export function commanderMessage(text: string): string {
  const match = /^(?:error: )?([\s\S]*?)(\n\(Did you mean [^\n]*\?\))?\n?$/.exec(text);
  return `harmony: ${oneLine(match?.[1] ?? text)}${match?.[2] ?? ''}\n`;
}
