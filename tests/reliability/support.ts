// Shared pieces of the reliability suite: spawning the binary (optionally as an unprivileged
// user), bundling child-process fixtures, hashing files, a seeded random source, a bounded
// worker pool, and the precise meaning of "stderr is one clear message".
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { command } from '../helpers/as-user.js';
import { cliEnv, ROOT, tempHome } from '../helpers/cli.js';

export interface Outcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

export interface SpawnOptions {
  home: string;
  env?: Record<string, string | undefined>;
  input?: string;
  /** Kill (and report timedOut) after this many ms: nothing may prompt or hang. */
  timeout?: number;
  /** Run as this user (from userHome(), root only): lets permission tests mean something under root. */
  user?: { uid: number; gid: number };
  cwd?: string;
}

/** Spawns the built binary; stdin is a pipe (never a TTY), closed after `input`. */
export function spawnBin(args: string[], options: SpawnOptions): Promise<Outcome> {
  const [node, bin] = command(options.user); // as another user: a copy that user can reach
  return new Promise((done) => {
    const child = spawn(node, [bin, ...args], {
      cwd: options.cwd ?? options.home,
      env: cliEnv(options.home, options.env),
      uid: options.user?.uid,
      gid: options.user?.gid,
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeout ?? 20_000);
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.stdin.on('error', () => undefined); // the child may exit before reading its input
    child.stdin.end(options.input ?? '');
    // A spawn that fails (no Node, a cwd removed under it) is an outcome to report, not an
    // unhandled error that fails the whole run.
    child.on('error', (error) => {
      clearTimeout(timer);
      done({ code: null, signal: null, stdout, stderr: stderr + `spawn failed: ${error.message}\n`, timedOut });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      done({ code, signal, stdout, stderr, timedOut });
    });
  });
}

// Under root, file modes do not stop reads or writes; another user makes them real.
export { chownTree, describeUser, MODES_SKIP, userHome } from '../helpers/as-user.js';

export const sha = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

/**
 * "One clear message", precisely: stderr is one line starting with `harmony: `, ending in a
 * newline, at most 300 characters, holding no control characters (no raw ESC, no NUL) and no
 * stack frame; commander may add `(Did you mean X?)` and then `(run harmony --help for usage)`
 * on their own lines, each at most once, in that order, and nothing else.
 * Returns what is wrong, or null.
 */
export function messageProblem(stderr: string): string | null {
  if (!stderr.endsWith('\n')) return 'stderr does not end with a newline';
  const lines = stderr.slice(0, -1).split('\n');
  const [first, ...rest] = lines;
  if (!first?.startsWith('harmony: ') || first.length < 'harmony: '.length + 8) return `first line is not a harmony message: ${JSON.stringify(first?.slice(0, 200))}`;
  if ([...first].length > 300) return `message longer than 300 characters (${[...first].length})`;
  for (const line of lines) {
    if (/^\s+at /.test(line)) return 'stack frame on stderr';
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f-\u009f]/.test(line)) return `raw control character on stderr: ${JSON.stringify(line.slice(0, 200))}`;
  }
  const allowed = [/^\(Did you mean [^()]{1,80}\?\)$/, /^\(run harmony --help for usage\)$/];
  let next = 0;
  for (const line of rest) {
    const at = allowed.findIndex((re, i) => i >= next && re.test(line));
    if (at < 0) return `unexpected extra line on stderr: ${JSON.stringify(line.slice(0, 200))}`;
    next = at + 1;
  }
  return null;
}

/** A small seeded PRNG (mulberry32), so a failing run can be replayed with its seed. */
export { seededRng as seeded } from '../../src/core/quiz-select.js';

/** RELIABILITY_SEED if set, else `fallback`, else a random seed; printed for replay. */
export function seedFromEnv(name: string, fallback?: number): number {
  const given = Number(process.env.RELIABILITY_SEED);
  const seed = Number.isInteger(given) && given > 0 ? given : (fallback ?? Math.floor(Math.random() * 2 ** 31));
  console.log(`${name}: seed ${seed} (replay with RELIABILITY_SEED=${seed})`);
  return seed;
}

/** Runs `work` over `items` with at most `limit` at a time; results in input order. */
export async function pool<T, R>(items: T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i] as T, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}

/** Bundles tests/reliability/fixtures/<name>.ts (with the real src/ code) into a runnable .mjs. */
export async function bundleFixture(name: string): Promise<string> {
  const outdir = mkdtempSync(join(tmpdir(), 'harmony-fixture-'));
  const outfile = join(outdir, `${name}.mjs`);
  await build({
    entryPoints: [join(ROOT, 'tests', 'reliability', 'fixtures', `${name}.ts`)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    // proper-lockfile and friends are CommonJS and call require().
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  return outfile;
}

/** The commands `harmony --help` lists (and their subcommands), so new commands get covered. */
export async function listCommands(home: string): Promise<string[][]> {
  const commandsIn = (help: string) => {
    const block = help.split(/^Commands:$/m)[1]?.split(/^\S/m)[0] ?? '';
    return [...block.matchAll(/^ {2}([a-z][\w-]*)/gm)].map((m) => m[1] as string).filter((c) => c !== 'help');
  };
  const top = await spawnBin(['--help'], { home });
  const result: string[][] = [];
  for (const name of commandsIn(top.stdout)) {
    result.push([name]);
    const sub = await spawnBin([name, '--help'], { home });
    for (const child of commandsIn(sub.stdout)) result.push([name, child]);
  }
  return result;
}

/** The options and positional arguments a command's --help lists. */
export async function describeCommand(home: string, command: string[]): Promise<{ options: { flag: string; takesValue: boolean }[]; args: number }> {
  const help = (await spawnBin([...command, '--help'], { home })).stdout;
  const section = (title: string) => help.split(new RegExp(`^${title}:$`, 'm'))[1]?.split(/^\S/m)[0] ?? '';
  const options: { flag: string; takesValue: boolean }[] = [];
  for (const m of section('Options').matchAll(/^ {2}(?:-\w, )?(--[\w-]+)( [<[])?/gm)) {
    if (m[1] !== '--help') options.push({ flag: m[1] as string, takesValue: Boolean(m[2]) });
  }
  const args = [...section('Arguments').matchAll(/^ {2}\S/gm)].length;
  return { options, args };
}
