// Drives harmony in a real pseudo-terminal (node-pty): type keys, wait for text on screen.
// @lydell/node-pty is node-pty with its Node-API binary prebuilt in a registry package: nothing
// to compile at install (node-pty builds with node-gyp, which downloads Node's headers), and the
// one binary loads in every Node version.
import * as pty from '@lydell/node-pty';
import { stripVTControlCharacters } from 'node:util';
import { fileURLToPath } from 'node:url';
import { BIN, cliEnv } from './cli.js';

const HOLD = fileURLToPath(new URL('./pty-hold.cjs', import.meta.url));

export const KEYS = { enter: '\r', down: '\u001b[B', up: '\u001b[A', space: ' ', ctrlC: '\u0003', ctrlD: '\u0004' } as const;

export interface Session {
  /** Everything shown so far, escape codes removed. */
  screen(): string;
  /** Everything shown so far, escape codes included. */
  raw(): string;
  /** Waits until `text` has appeared after the last waitFor match (or fails after timeout). */
  waitFor(text: string | RegExp, timeout?: number): Promise<void>;
  type(keys: string): void;
  /** Types text slowly enough for prompts to keep up, then Enter. */
  answer(text: string): Promise<void>;
  exit(timeout?: number): Promise<number>;
  kill(): void;
}

export function spawnPty(args: string[], home: string, env: Record<string, string | undefined> = {}): Session {
  const term = pty.spawn(process.execPath, ['-r', HOLD, BIN, ...args], {
    name: 'xterm-256color',
    cols: 100,
    rows: 40,
    cwd: home,
    env: cliEnv(home, { TERM: 'xterm-256color', PAGER: 'cat', ...env }) as Record<string, string>,
  });
  let raw = '';
  let cursor = 0;
  let exitCode: number | undefined;
  const exited = new Promise<number>((done) => term.onExit(({ exitCode: code }) => done((exitCode = code))));
  term.onData((d) => (raw += d));
  const screen = () => stripVTControlCharacters(raw);
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  return {
    screen,
    raw: () => raw,
    async waitFor(text, timeout = 30_000) { // generous: CI shares 2 cores
      const start = Date.now();
      let drained = false;
      for (;;) {
        const rest = screen().slice(cursor);
        const at = typeof text === 'string' ? rest.indexOf(text) : rest.search(text);
        if (at >= 0) {
          cursor += at + 1;
          return;
        }
        // node-pty can report the exit before its last data event (node-pty#72): look once more.
        if (exitCode !== undefined && !drained) {
          drained = true;
          await sleep(250);
          continue;
        }
        if (exitCode !== undefined || Date.now() - start > timeout) {
          throw new Error(`Timed out waiting for ${String(text)}. Screen:\n${screen().slice(-2000)}`);
        }
        await sleep(25);
      }
    },
    type: (keys) => term.write(keys),
    async answer(text) {
      term.write(text);
      await sleep(50);
      term.write('\r');
    },
    async exit(timeout = 30_000) {
      const timer = new Promise<number>((_, fail) => setTimeout(() => fail(new Error(`no exit; screen:\n${screen().slice(-2000)}`)), timeout));
      return Promise.race([exited, timer]);
    },
    kill: () => term.kill(),
  };
}
