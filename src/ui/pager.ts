// Long output goes through $PAGER (default `less -R`), only when stdout is a terminal.
import { spawnSync } from 'node:child_process';
import type { IO } from './io.js';

export function page(io: IO, text: string, usePager: boolean): void {
  const rows = process.stdout.rows || 24;
  const long = text.split('\n').length > rows - 1;
  if (usePager && io.stdoutTTY && long) {
    const pager = io.env.PAGER?.trim() || 'less -R';
    const result = spawnSync(pager, {
      input: text,
      stdio: ['pipe', 'inherit', 'inherit'],
      shell: true,
      env: { LESS: 'FRX', ...io.env },
    });
    if (!result.error && result.status === 0) return;
    // No usable pager: print it instead.
  }
  io.stdout.write(text.endsWith('\n') ? text : text + '\n');
}
