// Typed errors and the one place that maps them to exit codes.
export const EXIT = { ok: 0, unexpected: 1, usage: 2, data: 3, cancelled: 130 } as const;

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
  if (error instanceof HarmonyError) return { code: error.exitCode, message: error.message };
  const err = error instanceof Error ? error : new Error(String(error));
  if (err.name === 'ExitPromptError' || err.name === 'AbortPromptError') {
    return { code: EXIT.cancelled, message: 'Cancelled.' };
  }
  const firstLine = (err.message || err.name).split('\n')[0];
  const hint = debug ? `\n${err.stack ?? ''}` : ' (rerun with --debug for details)';
  return { code: EXIT.unexpected, message: `Unexpected error: ${firstLine}${hint}` };
}
