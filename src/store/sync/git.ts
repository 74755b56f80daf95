// Running the user's own git for sync (issue 17): execFile with an argument list, never a
// shell, in the data folder, with the user's ssh and credential helpers. Every call names
// harmony's merge driver (-c merge.harmony.*), so a merge never falls back to a text merge
// even when .git/config was edited or the repository was cloned by hand.
import { execFile, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { SyncError } from '../../errors.js';

export interface GitResult {
  code: number;
  stdout: string;
  stderr: string;
  /** The signal that ended git part-way (killed, out of memory), when one did. */
  signal?: NodeJS.Signals;
}

export interface GitOptions {
  /** The command git runs to merge a data file (see driverCommand). */
  driver: string;
  env: NodeJS.ProcessEnv;
  /** No terminal to ask on (a background sync): git and ssh must not wait for a password. */
  batch?: boolean;
  /** Told of each git process started (the kill-safety record keeps their pids). */
  onSpawn?: (child: ChildProcess) => void;
}

/** Quotes for the POSIX shell git runs the driver through (git's own choice, not ours). */
const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** The merge driver line: this node running this harmony, so an upgrade or a move is picked up at the next sync. */
export function driverCommand(node: string, bin: string): string {
  return `${shellQuote(node)} ${shellQuote(bin)} merge-driver %O %A %B %P`;
}

export const NO_GIT = 'harmony sync needs git, and git was not found on your PATH. Install it (https://git-scm.com/downloads, or your package manager) and run the command again; nothing was changed.';

export class Git {
  constructor(
    readonly cwd: string,
    private readonly options: GitOptions,
  ) {}

  /** The settings every call carries, ahead of the command. */
  private prefix(): string[] {
    return [
      '-c', 'merge.harmony.name=harmony journal merge',
      '-c', `merge.harmony.driver=${this.options.driver}`,
      '-c', 'color.ui=false',
      '-c', 'core.quotePath=false',
      // harmony's commits are made for the user, often in the background: never wait on a pinentry.
      '-c', 'commit.gpgSign=false',
    ];
  }

  private env(): NodeJS.ProcessEnv {
    // Messages in English, so the failure classes below can be recognised.
    const env: NodeJS.ProcessEnv = { ...this.options.env, LC_ALL: 'C', LANGUAGE: 'C', GIT_MERGE_AUTOEDIT: 'no' };
    if (this.options.batch) Object.assign(env, { GIT_TERMINAL_PROMPT: '0', GIT_ASKPASS: 'true', SSH_ASKPASS: 'true', GCM_INTERACTIVE: 'never' });
    return env;
  }

  /** Runs git; resolves with its exit code and output (a non-zero exit is not an error here). */
  run(args: string[], timeoutMs = 0): Promise<GitResult> {
    return new Promise((resolve, reject) => {
      const child = execFile(
        'git',
        [...this.prefix(), ...args],
        { cwd: this.cwd, env: this.env(), maxBuffer: 64 * 1024 * 1024, timeout: timeoutMs, encoding: 'utf8' },
        (error, stdout, stderr) => {
          const code = (error as NodeJS.ErrnoException | null)?.code;
          if (code === 'ENOENT' && !stderr) return reject(new SyncError(existsSync(this.cwd) ? NO_GIT : `${this.cwd} does not exist; nothing was changed.`));
          if (error && typeof (error as { code?: unknown }).code !== 'number') {
            const { killed, signal } = error as { killed?: boolean; signal?: NodeJS.Signals | null };
            return resolve({ code: 128, stdout, stderr: stderr || (killed ? 'fatal: git took too long and was stopped' : signal ? `fatal: git was stopped (${signal})` : error.message), signal: signal ?? undefined });
          }
          resolve({ code: error ? Number((error as { code?: number }).code) : 0, stdout, stderr });
        },
      );
      this.options.onSpawn?.(child);
    });
  }

  /** A file as stored in git (`REV:path`, `:2:path`), as bytes; null when that version has no such file. */
  show(spec: string): Promise<Buffer | null> {
    return new Promise((resolve, reject) => {
      const child = execFile('git', [...this.prefix(), 'cat-file', 'blob', spec], { cwd: this.cwd, env: this.env(), maxBuffer: 256 * 1024 * 1024, encoding: 'buffer' }, (error, stdout) => {
        if ((error as NodeJS.ErrnoException | null)?.code === 'ENOENT') return reject(new SyncError(NO_GIT));
        resolve(error ? null : stdout);
      });
      this.options.onSpawn?.(child);
    });
  }

  /** Runs git and returns its stdout; a failure becomes a SyncError saying what harmony was doing. */
  async ok(args: string[], doing: string): Promise<string> {
    const r = await this.run(args);
    if (r.code !== 0) throw new SyncError(`git failed while ${doing}: ${gitReason(r.stderr)}`);
    return r.stdout;
  }
}

/** git's own words for what went wrong: its fatal/error line, else its last line. */
export function gitReason(stderr: string): string {
  const lines = stderr.split('\n').map((l) => l.trim()).filter(Boolean);
  const line = lines.find((l) => /^(fatal|error):/.test(l)) ?? lines.at(-1) ?? 'no message';
  return line.replace(/^(fatal|error):\s*/, '');
}

export type RemoteFailure = 'unreachable' | 'refused' | 'missing' | 'rejected' | 'other';

const FAILURES: [Exclude<RemoteFailure, 'other'>, RegExp][] = [
  ['rejected', /\[rejected\]|\(fetch first\)|non-fast-forward|\[remote rejected\].*(lock|stale info)|cannot lock ref/i],
  ['refused', /Authentication failed|Permission denied|could not read (Username|Password)|Invalid username or password|Access denied|HTTP 40[13]|returned error: 40[13]|terminal prompts disabled|Host key verification failed/i],
  ['missing', /Repository not found|does not appear to be a git repository|not found|No such file or directory/i],
  ['unreachable', /Could not resolve|Connection refused|timed out|Network is unreachable|No route to host|unable to access|Could not read from remote|Connection (reset|closed)|took too long/i],
];

/** What kind of failure a fetch or push stderr shows, and the line that shows it. */
export function remoteFailure(stderr: string): RemoteFailure {
  return FAILURES.find(([, re]) => re.test(stderr))?.[0] ?? 'other';
}

function failureLine(stderr: string, kind: RemoteFailure): string {
  const re = FAILURES.find(([k]) => k === kind)?.[1];
  const line = re && stderr.split('\n').find((l) => re.test(l));
  return line ? line.trim().replace(/^(fatal|error):\s*/, '') : gitReason(stderr);
}

const FAILURE_WORDS: Record<RemoteFailure, string> = {
  unreachable: 'it could not be reached',
  refused: 'it refused the login',
  missing: 'there is no repository at that address',
  rejected: 'it kept refusing the push',
  other: 'git reported a problem',
};

/** The one line a user sees when talking to the remote failed; what is saved stays saved. */
export function remoteError(what: 'fetch from' | 'push to', remote: string, stderr: string, committed: boolean): SyncError {
  const kind = remoteFailure(stderr);
  const kept = committed ? 'Your changes are committed here' : 'Your journal here is unchanged';
  return new SyncError(`Could not ${what} ${remote}: ${FAILURE_WORDS[kind]} (git: ${failureLine(stderr, kind)}). ${kept}; run harmony sync again once that is fixed.`);
}
