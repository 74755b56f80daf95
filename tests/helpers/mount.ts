// Small real file systems (tmpfs) for full-disk and read-only cases. mount(2) needs root and a
// kernel (or container) that allows it: MOUNT_SKIP says why not, once, and callers skip.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const mounts: string[] = [];

export function tryMount(options: string): string | null {
  if (process.getuid?.() !== 0) return null;
  const dir = mkdtempSync(join(tmpdir(), 'harmony-mnt-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir], { stdio: 'pipe' });
    mounts.push(dir);
    return dir;
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return null;
  }
}

/** Why a tmpfs cannot be mounted here, or null when it can (tried once, then unmounted). */
export const MOUNT_SKIP: string | null = (() => {
  if (process.getuid?.() !== 0) return 'mounting a tmpfs needs root';
  const dir = mkdtempSync(join(tmpdir(), 'harmony-mnt-probe-'));
  try {
    const r = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir], { encoding: 'utf8' });
    if (r.status !== 0) return `mount refused a tmpfs here (${(r.stderr || r.error?.message || 'no reason given').trim().split('\n')[0]})`;
    spawnSync('umount', [dir]);
    return null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
})();

/** Call from afterAll. */
export function unmountAll(): void {
  for (const dir of mounts.splice(0)) {
    execFileSync('umount', ['-l', dir], { stdio: 'pipe' });
    rmSync(dir, { recursive: true, force: true });
  }
}
