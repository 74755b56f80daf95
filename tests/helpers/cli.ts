// Spawns the built binary (bin/harmony.js) with a temp HARMONY_HOME and returns what a user
// would see: stdout, stderr and the exit code.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const BIN = join(ROOT, 'bin', 'harmony.js');

export interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  home: string;
  env?: Record<string, string | undefined>;
  input?: string;
  timeout?: number;
  cwd?: string;
}

const created: string[] = [];

export function tempHome(prefix = 'harmony-test-', base = tmpdir()): string {
  const dir = mkdtempSync(join(base, prefix));
  created.push(dir);
  return dir;
}

export function cleanupHomes(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export function cliEnv(home: string, extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  // The caller's colour settings never leak in; a test sets them explicitly.
  const base: NodeJS.ProcessEnv = { ...process.env };
  delete base.FORCE_COLOR;
  delete base.NO_COLOR;
  const env: NodeJS.ProcessEnv = { ...base, HARMONY_HOME: home, TZ: 'UTC', ...extra };
  for (const [k, v] of Object.entries(extra)) if (v === undefined) delete env[k];
  return env;
}

/** Runs harmony synchronously; stdin is a pipe (never a TTY), closed after `input`. */
export function run(args: string[], options: RunOptions): Result {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? options.home,
    env: cliEnv(options.home, options.env),
    input: options.input ?? '',
    encoding: 'utf8',
    timeout: options.timeout ?? 20_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The same, asynchronously, for running several processes at once. */
export function runAsync(args: string[], options: RunOptions): Promise<Result> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd ?? options.home, env: cliEnv(options.home, options.env) });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.stdin.end(options.input ?? '');
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

// eslint-disable-next-line no-control-regex
export const ESCAPE = /\u001b/;
