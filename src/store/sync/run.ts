// harmony sync, step by step (issue 17): commit what changed here, fetch, merge with harmony's
// driver, push; when the push is refused because another machine pushed first, fetch and
// merge again. The fetch starts at once and runs while the commit is made. The data lock
// (store.write) is held only while git changes the working tree (commit, merge), never over
// the network, so a check-in never waits for a slow remote.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../../errors.js';
import type { Store } from '../index.js';
import { refreshReminderCache } from '../remind-cache.js';
import { dataFileOf, decodeSide } from '../data-files.js';
import { changes, commitChanges, readStatus } from './commit.js';
import { Git, remoteError, remoteFailure } from './git.js';
import { finishMerge, GitStopped, mergeRemote, type MergeOutcome } from './merge.js';
import { fetchArgs, takeEarlyFetch } from './early-fetch.js';
import { originUrl } from './origin.js';
import { acquireSyncLock, askAgain, readRecord, SyncBusy, takeAgain, writeRecord, type SyncLock } from './record.js';
import { recover } from './recover.js';
import { checkState, inProgress, openRepo, type Repo } from './repo.js';
import { ensureRepoFiles } from './repo-files.js';

export interface SyncSetup {
  home: string;
  env: NodeJS.ProcessEnv;
  /** The merge driver line (git.ts driverCommand). */
  driver: string;
  /** This machine's name, for commit messages. */
  host: string;
  now: () => Date;
  /** A background sync: no prompts, gives up rather than waiting long for another sync. */
  batch?: boolean;
}

export interface SyncReport {
  /** The remote, as shown (no password), or null when none is set. */
  remote: string | null;
  committed: number;
  received: string[];
  pushed: boolean;
  /** Data files of an unfinished merge that were merged here with harmony's rules. */
  finished: string[];
  /** What was repaired after an earlier sync was killed part-way. */
  recovered: string[];
}

const MAX_PUSHES = 5;
/** git's words when another fetch updated the same remote-tracking ref at the same moment. */
const REF_RACE = /cannot lock ref|unable to update local ref/;

/** A remote URL fit to show: a password or token in it is hidden. */
export const shownUrl = (url: string) => url.replace(/(\/\/[^/@:]*):[^/@]*@/, '$1:***@');

function refreshReminder(store: Store, setup: SyncSetup): void {
  refreshReminderCache(store.home, store.journal, setup.now());
}

/** Data files changed in the working tree that no longer read (conflict markers from a text merge). */
function unreadable(repo: Repo, paths: string[]): string[] {
  return paths.filter((p) => {
    const file = dataFileOf(p);
    if (!file) return false;
    try {
      decodeSide(p, readFileSync(join(repo.home, p)), file.spec);
      return false;
    } catch {
      return true;
    }
  });
}

/**
 * An encrypted journal, locked (issue 18): the encrypted files changed on both sides since
 * the two histories parted, which only the unlocked identity can merge. None when the merge
 * is a fast-forward, when there is nothing to merge, or when git can merge without harmony's
 * driver (each file changed on one side only).
 */
const UNRELATED = 'two journals meeting for the first time';

async function lockedMerges(store: Store, git: Git, target: string): Promise<string[]> {
  const vault = store.vault;
  if (!vault.encrypted || vault.readable) return [];
  const [base, head, theirs] = await Promise.all([git.run(['merge-base', 'HEAD', target]), git.run(['rev-parse', 'HEAD']), git.run(['rev-parse', target])]);
  if (theirs.code !== 0 || head.code !== 0) return []; // an empty remote, or no commit here yet: nothing to merge
  const mb = base.stdout.trim();
  if (base.code !== 0 || mb === '') return [UNRELATED];
  if (mb === theirs.stdout.trim() || mb === head.stdout.trim()) return [];
  const changed = async (to: string) => (await git.ok(['diff', '--name-only', '-z', mb, to], 'listing what changed')).split('\0').filter((p) => p.endsWith('.age'));
  const [here, there] = await Promise.all([changed('HEAD'), changed(target)]);
  return here.filter((p) => there.includes(p));
}

export async function syncNow(store: Store, setup: SyncSetup): Promise<SyncReport> {
  const repo = openRepo(setup.home);
  let lock: SyncLock;
  try {
    lock = await acquireSyncLock(repo.gitDir, setup.batch ? 2_000 : 30_000);
  } catch (error) {
    // A background sync finding one running: that one goes round again when done, and this
    // is no failure to tell the user about.
    if (error instanceof SyncBusy && setup.batch) {
      askAgain(repo.gitDir);
      return { remote: null, committed: 0, received: [], pushed: false, finished: [], recovered: [] };
    }
    throw error;
  }
  // Taken over from a killed sync: until what it left is put right (recover), its phase stays
  // in the pid file, so a kill during the repair is repaired the same way by the next sync.
  if (lock.interrupted && lock.phase) lock.setPhase(lock.phase);
  const git = new Git(setup.home, { driver: setup.driver, env: setup.env, batch: setup.batch });
  try {
    takeAgain(repo.gitDir);
    let report = await steps(store, setup, repo, git, lock);
    // Saves made while this ran, whose own background syncs found this one busy.
    for (let round = 0; round < 3 && takeAgain(repo.gitDir); round++) report = merge(report, await steps(store, setup, repo, git, lock));
    writeRecord(repo.gitDir, (r) => {
      r.lastSync = setup.now().toISOString();
      delete r.failure;
    });
    return report;
  } catch (error) {
    writeRecord(repo.gitDir, (r) => {
      r.failure = { at: setup.now().toISOString(), message: (error as Error).message, reported: !setup.batch };
    });
    throw error;
  } finally {
    lock.release();
  }
}

function merge(a: SyncReport, b: SyncReport): SyncReport {
  return {
    remote: b.remote ?? a.remote,
    committed: a.committed + b.committed,
    received: [...new Set([...a.received, ...b.received])],
    pushed: a.pushed || b.pushed,
    finished: [...a.finished, ...b.finished],
    recovered: [...a.recovered, ...b.recovered],
  };
}

async function steps(store: Store, setup: SyncSetup, repo: Repo, git: Git, lock: SyncLock): Promise<SyncReport> {
  const report: SyncReport = { remote: null, committed: 0, received: [], pushed: false, finished: [], recovered: [] };
  if (lock.interrupted) report.recovered = await store.write(() => recover(git, repo, lock.phase));
  checkState(repo);
  const branch = repo.branch!;
  const url = originUrl(repo.gitDir);
  const remoteName = url ? `origin (${shownUrl(url)})` : null;
  report.remote = url ? shownUrl(url) : null;
  const fetch = () => git.run(fetchArgs(), setup.batch ? 120_000 : 0);
  lock.setPhase('commit');
  // Started by main.ts before harmony loaded, when it could be (not after a killed sync: its stale locks may spoil it).
  const early = takeEarlyFetch(setup.home);
  // Unused, it may still be running: two fetches at once trip on each other's ref locks, so this one waits for it.
  const fresh = () => (early ? early.then(fetch, fetch) : fetch());
  let fetching = url ? (!lock.interrupted && early) || fresh() : null;
  let refetched = !early || lock.interrupted;
  fetching?.catch(() => undefined); // awaited below; an early failure must not be "unhandled" meanwhile
  // The driver line in .git/config (for git run by hand) follows harmony when it moves.
  if (readRecord(repo.gitDir).driver !== setup.driver) {
    await git.ok(['config', 'merge.harmony.name', 'harmony journal merge'], 'setting up the merge driver');
    await git.ok(['config', 'merge.harmony.driver', setup.driver], 'setting up the merge driver');
    writeRecord(repo.gitDir, (r) => (r.driver = setup.driver));
  }

  let ahead: number | null = null;
  // What changed, asked while the lock is being taken: a save that lands meanwhile is written
  // whole (an atomic rename) and goes into this commit or the next.
  const merging = inProgress(repo.gitDir) === 'merge';
  if (!merging) ensureRepoFiles(repo.home, repo.gitDir);
  const asked = merging ? null : readStatus(git);
  asked?.catch(() => undefined);
  report.committed = await store.write(async () => {
    // (Committing changes no file; a merge finished here does, and refreshes the reminder below.)
    if (merging) {
      const list = await changes(git);
      report.finished = await finishMerge(git, repo.home, unreadable(repo, list.map((c) => c.path)));
      ensureRepoFiles(repo.home, repo.gitDir);
    }
    const status = (await asked) ?? (await readStatus(git));
    ahead = status.ahead;
    const n = await commitChanges(git, repo.home, setup.host, setup.now(), status);
    if (report.finished.length > 0) refreshReminder(store, setup);
    return n;
  }, { reminderKept: true });
  if (!fetching || !remoteName) return report;

  const target = `refs/remotes/origin/${branch}`;
  // Something to send: new commits here, commits an earlier sync could not push, or a merge.
  let toSend = report.committed > 0 || report.finished.length > 0 || ahead !== 0;
  for (let attempt = 1; ; attempt++) {
    let fetched = await fetching;
    if (fetched.code !== 0 && (!refetched || REF_RACE.test(fetched.stderr))) {
      // The early fetch ran before this sync held its lock (another sync's fetch, a stale ref lock),
      // or a killed sync's fetch, still running, moved the same ref meanwhile: once more.
      refetched = true;
      fetched = await fetch();
    }
    if (fetched.code !== 0) throw remoteError('fetch from', remoteName, fetched.stderr, true);
    lock.setPhase('merge');
    const merged = await store.write(async () => {
      const locked = await lockedMerges(store, git, target);
      if (locked[0] === UNRELATED) throw new UsageError('This sync joins your journal with another one, and yours is encrypted and locked. Run harmony unlock, then harmony sync again; nothing was merged.');
      if (locked.length > 0) {
        throw new UsageError(
          `This sync has to merge encrypted files both machines changed (${locked.slice(0, 2).join(', ')}${locked.length > 2 ? ` and ${locked.length - 2} more` : ''}), and your journal is locked. Run harmony unlock, then harmony sync again; nothing was merged, and what you saved here is committed.`,
        );
      }
      let m: MergeOutcome;
      try {
        m = await mergeRemote(git, repo.home, target, remoteName);
        if (m.unsaved) {
          // Saved meanwhile (another command, while this sync fetched): commit that too, then merge.
          report.committed += await commitChanges(git, repo.home, setup.host, setup.now());
          toSend = true;
          m = await mergeRemote(git, repo.home, target, remoteName);
        }
      } catch (error) {
        if (!(error instanceof GitStopped)) throw error;
        // Put right now what git left, rather than leave the next sync to take it for a file deleted by hand.
        const repaired = await recover(git, repo, 'merge');
        throw new GitStopped(`${error.message}; ${repaired.length > 0 ? 'harmony put right what it left half-done' : 'it left nothing half-done'}, and your changes are committed here. Run harmony sync again.`);
      }
      // The journal or the settings came in from another machine: the shell reminder's cache follows.
      if (m.received.some((p) => p.startsWith('journal/') || p === 'config.json')) refreshReminder(store, setup);
      return m;
    }, { reminderKept: true });
    lock.setPhase('push');
    report.received.push(...merged.received.filter((p) => !report.received.includes(p)));
    toSend ||= merged.committed || merged.remoteEmpty;
    if (!toSend) break;
    const pushed = await git.run(['push', '--porcelain', 'origin', `HEAD:refs/heads/${branch}`], setup.batch ? 120_000 : 0);
    if (pushed.code === 0) {
      report.pushed = !/\[up to date\]/.test(pushed.stdout);
      break;
    }
    if (/does not match any|src refspec/.test(pushed.stderr)) break; // nothing committed here yet
    const failure = remoteFailure(pushed.stderr + pushed.stdout);
    if (failure !== 'rejected' || attempt >= MAX_PUSHES) throw remoteError('push to', remoteName, pushed.stderr || pushed.stdout, true);
    lock.setPhase('commit');
    fetching = fetch(); // another machine pushed first: take its changes, then try again
  }
  return report;
}
