// The test side of other-user.ts: running the binary as the user the global setup prepared, so
// that file modes stop it even when the suite runs as root.
import { chownSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { BIN, tempHome } from './cli.js';
import { sharedTmp } from './other-user.js';

export type User = { uid: number; gid: number };

const OTHER = inject('otherUser');

/**
 * Why cases that need file modes to stop the binary cannot run here (root, and no user to run
 * it as), or null when they can. Callers skip those cases; describeUser prints this once.
 */
export const MODES_SKIP: string | null = OTHER.kind === 'none' ? `running as root and ${OTHER.reason}, so file modes cannot stop the binary` : null;

/** One line in the log saying how a file's mode cases run (or why they are skipped). */
export function describeUser(file: string): void {
  if (OTHER.kind === 'user') console.log(`${file}: running as root, where modes do not stop reads: the binary runs as ${OTHER.name} (uid ${OTHER.uid}) from a copy of the build in ${OTHER.dir}`);
  if (MODES_SKIP) console.log(`${file}: cases that need file modes skipped: ${MODES_SKIP}`);
}

/** Node and the launcher to spawn: the copy another user can reach when running as that user. */
export function command(user: User | undefined): [node: string, bin: string] {
  return user && OTHER.kind === 'user' ? [OTHER.node, OTHER.bin] : [process.execPath, BIN];
}

/** A temp home owned by the user the binary will run as (another user when we are root). */
export function userHome(): { home: string; user?: User } {
  if (OTHER.kind !== 'user') return { home: tempHome('harmony-rel-') };
  const home = tempHome('harmony-rel-', sharedTmp() ?? tmpdir());
  chownSync(home, OTHER.uid, OTHER.gid);
  return { home, user: { uid: OTHER.uid, gid: OTHER.gid } };
}

/** chown -R, for files a test created as root inside a home the binary runs in as another user. */
export function chownTree(path: string, user: User | undefined): void {
  if (!user) return;
  chownSync(path, user.uid, user.gid);
  if (statSync(path).isDirectory()) for (const name of readdirSync(path)) chownTree(join(path, name), user);
}
