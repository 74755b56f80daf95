// harmony sync [now], sync init, sync clone, sync status (issue 17). The work is in
// store/sync/; here: the setup from the context, and what the user is told.
import { hostname } from 'node:os';
import { resolve } from 'node:path';
import type { Context } from '../context.js';
import { safeLine } from '../core/safe.js';
import type { Store } from '../store/index.js';
import { changes, isCarried } from '../store/sync/commit.js';
import { cloneSync, initSync, type ConnectReport } from '../store/sync/connect.js';
import { driverCommand, Git } from '../store/sync/git.js';
import { readRecord } from '../store/sync/record.js';
import { gitDirOf, inProgress, NOT_SET_UP, openRepo } from '../store/sync/repo.js';
import { originUrl } from '../store/sync/origin.js';
import { shownUrl, syncNow, type SyncReport, type SyncSetup } from '../store/sync/run.js';
import { print, printJson, styleFor } from '../ui/style.js';

/** The merge driver is this harmony, run by this node: found again after an upgrade or a move. */
export function setupFor(ctx: Context, store: Store, batch = false): SyncSetup {
  return { home: store.home, env: ctx.env, driver: driverCommand(process.execPath, resolve(process.argv[1] ?? 'harmony')), host: hostname(), now: ctx.now, batch };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const fileList = (files: string[]) => (files.length <= 3 ? files.join(', ') : `${files.slice(0, 3).join(', ')} and ${files.length - 3} more`);

/** Entries with conflicts in the journal months a sync brought in. */
async function conflictsIn(store: Store, files: string[]): Promise<number> {
  // Locked (an encrypted journal): the months cannot be read; harmony conflicts says once unlocked.
  if (!store.journal.readable) return 0;
  const months = [...new Set(files.flatMap((f) => /^journal\/(\d{4}-\d{2})(?:\+[^/]*)?\.json(?:\.age)?$/.exec(f)?.[1] ?? []))];
  let n = 0;
  for (const m of months) n += (await store.journal.readMonth(m)).filter((e) => e.conflicts?.length).length;
  return n;
}

async function reportLines(ctx: Context, store: Store, r: SyncReport): Promise<string[]> {
  const s = styleFor(ctx.io);
  const lines = r.recovered.map((what) => s.muted(`After an interrupted sync: ${what}.`));
  if (r.finished.length > 0) lines.push(`Finished the merge that was in progress, with harmony's merge: ${fileList(r.finished)}.`);
  if (!r.remote) {
    lines.push(r.committed > 0 ? `Committed ${plural(r.committed, 'changed file')} here.` : 'Nothing new to commit here.');
    lines.push(s.muted('No remote is set, so nothing was sent: harmony sync init --remote URL.'));
    return lines;
  }
  const sent = r.pushed ? `sent ${r.committed > 0 ? plural(r.committed, 'changed file') : 'your commits'}` : 'nothing to send';
  const received = r.received.length > 0 ? `received ${plural(r.received.length, 'changed file')} (${fileList(r.received)})` : 'nothing new to receive';
  lines.push(`${s.success('✓')} Synced with ${safeLine(r.remote)}: ${sent}, ${received}.`);
  const conflicts = await conflictsIn(store, r.received);
  if (conflicts > 0) lines.push(s.warning(`${plural(conflicts, 'entry')} changed on two machines at once: both versions are kept; see harmony conflicts.`));
  return lines;
}

export async function now(ctx: Context, opts: { json?: boolean; background?: boolean }): Promise<void> {
  const store = ctx.store();
  const report = await syncNow(store, setupFor(ctx, store, opts.background));
  if (opts.background) return;
  if (opts.json) return printJson(ctx.io, report);
  print(ctx.io, ...(await reportLines(ctx, store, report)));
}

async function connectLines(ctx: Context, store: Store, r: ConnectReport, what: string): Promise<string[]> {
  const lines = [`${what} ${store.home}${r.created ? '' : ' (it already was a git repository)'}; ${r.committed > 0 ? `committed ${plural(r.committed, 'file')}` : 'nothing to commit yet'}.`];
  if (r.sync) lines.push(...(await reportLines(ctx, store, r.sync)));
  else lines.push(styleFor(ctx.io).muted('Next: harmony sync init --remote URL (an empty git repository), or git remote add origin URL; then harmony sync.'));
  return lines;
}

export async function init(ctx: Context, opts: { remote?: string; json?: boolean }): Promise<void> {
  const store = ctx.store();
  const report = await initSync(store, setupFor(ctx, store), opts.remote);
  if (opts.json) return printJson(ctx.io, report);
  print(ctx.io, ...await connectLines(ctx, store, report, 'Your journal syncs with git now:'));
}

export async function clone(ctx: Context, url: string, opts: { merge?: boolean; json?: boolean }): Promise<void> {
  const store = ctx.store();
  const report = await cloneSync(store, setupFor(ctx, store), url, Boolean(opts.merge));
  if (opts.json) return printJson(ctx.io, report);
  print(ctx.io, ...await connectLines(ctx, store, report, `The journal from ${safeLine(shownUrl(url))} is in`));
}

export async function status(ctx: Context, opts: { json?: boolean }): Promise<void> {
  const store = ctx.store();
  const s = styleFor(ctx.io);
  if (!gitDirOf(store.home)) {
    if (opts.json) return printJson(ctx.io, { syncing: false, folder: store.home });
    return print(ctx.io, NOT_SET_UP(store.home));
  }
  const repo = openRepo(store.home);
  const git = new Git(store.home, setupFor(ctx, store));
  const config = { url: originUrl(repo.gitDir) };
  const pending = (await changes(git)).filter((c) => isCarried(c.path)).length;
  let ahead: number | null = null;
  let behind: number | null = null;
  if (repo.branch && config.url) {
    const r = await git.run(['rev-list', '--left-right', '--count', `HEAD...refs/remotes/origin/${repo.branch}`]);
    if (r.code === 0) [ahead, behind] = r.stdout.trim().split(/\s+/).map(Number) as [number, number];
  }
  const record = readRecord(repo.gitDir);
  const conflicts = store.journal.readable ? (await store.journal.withConflicts()).length : null; // locked: not known
  const data = {
    syncing: true,
    folder: store.home,
    branch: repo.branch ?? null,
    remote: config.url ? shownUrl(config.url) : null,
    uncommitted: pending,
    ahead,
    behind,
    inProgress: inProgress(repo.gitDir),
    lastSync: record.lastSync ?? null,
    lastFailure: record.failure ? { at: record.failure.at, message: record.failure.message } : null,
    conflicts,
    autoSync: store.settings().autoSync,
  };
  if (opts.json) return printJson(ctx.io, data);
  const row = (label: string, value: string) => `${s.bold(label.padEnd(10))} ${value}`;
  const counts = ahead === null ? 'not fetched yet' : `${plural(ahead, 'commit')} to send, ${plural(behind ?? 0, 'commit')} to receive (as of the last fetch)`;
  print(
    ctx.io,
    row('Folder', `${store.home} (git, ${repo.branch ? `branch ${repo.branch}` : 'detached HEAD'}${data.inProgress ? `, a ${data.inProgress} in progress` : ''})`),
    row('Remote', data.remote ? safeLine(data.remote) : s.muted('none: harmony sync init --remote URL')),
    row('Waiting', `${plural(pending, 'changed file')} not committed yet · ${data.remote ? counts : 'no remote'}`),
    row('Last sync', data.lastSync ? data.lastSync.replace('T', ' ').slice(0, 16) + ' UTC' : s.muted('never')),
    ...(record.failure ? [row('Failed', s.warning(`${record.failure.at.replace('T', ' ').slice(0, 16)} UTC: ${record.failure.message}`))] : []),
    row('Conflicts', conflicts === null ? s.muted('not known while the journal is locked (harmony unlock)') : conflicts === 0 ? 'none' : s.warning(`${plural(conflicts, 'entry')} changed on two machines at once: harmony conflicts`)),
    row('autoSync', data.autoSync ? 'on (a sync runs in the background after each save)' : s.muted('off (harmony config set autoSync on)')),
  );
}

export const run = now;
