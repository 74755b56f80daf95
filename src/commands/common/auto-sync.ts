// What runs after a command when autoSync is on (issue 17): a sync in the background if the
// command saved something (a detached process, so the command returns at once), and the
// failure of an earlier background sync, told once. With autoSync off nothing here runs git,
// reads .git or starts anything.
import { resolve } from 'node:path';
import type { Context } from '../../context.js';
import { oneLine } from '../../errors.js';
import { readRecord, writeRecord } from '../../store/sync/record.js';
import { gitDirOf } from '../../store/sync/repo.js';

/** Commands that are part of syncing themselves. */
const SYNCING = new Set(['sync', 'merge-driver']);

export function afterCommand(ctx: Context, command: string | undefined): void {
  const store = ctx.openedStore();
  if (!store || SYNCING.has(command ?? '')) return;
  let autoSync: boolean;
  try {
    autoSync = store.settings().autoSync;
  } catch {
    return; // a broken config.json was reported by the command itself
  }
  if (!autoSync) return;
  const gitDir = gitDirOf(store.home);
  if (!gitDir) return; // `config set autoSync on` says how to start syncing
  const failure = readRecord(gitDir).failure;
  if (failure && !failure.reported) {
    const at = failure.at.replace('T', ' ').slice(0, 16);
    ctx.io.stderr.write(`harmony: the background sync at ${at} UTC failed: ${oneLine(failure.message)} (run harmony sync to try again)\n`);
    writeRecord(gitDir, (r) => {
      if (r.failure) r.failure.reported = true;
    });
  }
  if (store.wrote) startBackgroundSync(ctx.env);
}

/** `harmony sync --background`, detached from this process and its terminal. */
export function startBackgroundSync(env: NodeJS.ProcessEnv): void {
  const bin = resolve(process.argv[1] ?? 'harmony');
  try {
    // Loaded here, not at the top: every command runs this file's afterCommand, few start a sync.
    const { spawn } = process.getBuiltinModule('node:child_process');
    const child = spawn(process.execPath, [bin, 'sync', '--background'], { detached: true, stdio: 'ignore', env });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // could not start: the next save (or harmony sync) tries again
  }
}
