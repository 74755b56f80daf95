// The shells the reminder snippet tests run in. bash needs to be 5 or newer (EPOCHSECONDS);
// zsh and fish are installed with apt-get when missing and the suite runs as root on a
// Debian-like system (set HARMONY_TEST_NO_APT=1 to never do that); otherwise their cases are
// skipped, with one printed line saying why.
import { spawnSync } from 'node:child_process';

export type ShellName = 'bash' | 'zsh' | 'fish';

const has = (shell: string) => spawnSync('sh', ['-c', `command -v ${shell}`]).status === 0;
let tried: string | null | undefined;

/** Installs zsh and fish if root and missing; null when done (or not needed), else why not. */
function installMissing(missing: string[]): string | null {
  if (tried !== undefined) return tried;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (process.env.HARMONY_TEST_NO_APT) return (tried = 'HARMONY_TEST_NO_APT is set');
  if (!root) return (tried = 'not root, so not installed with apt-get');
  if (!has('apt-get')) return (tried = 'no apt-get here to install it');
  // Another test file may be installing at the same moment: wait for dpkg's lock.
  const apt = (...args: string[]) =>
    spawnSync('apt-get', ['-y', '-q', '-o', 'DPkg::Lock::Timeout=180', ...args], { encoding: 'utf8', timeout: 300_000, env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  let r = apt('install', '--no-install-recommends', ...missing);
  if (r.status !== 0) {
    apt('update');
    r = apt('install', '--no-install-recommends', ...missing);
  }
  console.log(`${missing.join(' and ')}: ${r.status === 0 ? 'installed with apt-get for the snippet tests' : 'apt-get install failed'}`);
  return (tried = r.status === 0 ? null : `apt-get install failed: ${(r.stderr || r.error?.message || '').trim().split('\n').pop()}`);
}

/** Each shell the tests can use; prints a line for each one they cannot (`label` names the test file). */
export function snippetShells(label: string): ShellName[] {
  const missing = ['zsh', 'fish'].filter((s) => !has(s));
  const why = missing.length > 0 ? installMissing(missing) : null;
  const out: ShellName[] = [];
  const bash = spawnSync('bash', ['--norc', '-c', 'printf %s "${EPOCHSECONDS-}"'], { encoding: 'utf8' });
  if (bash.status === 0 && /^\d+$/.test(bash.stdout)) out.push('bash');
  else console.log(`${label}: bash cases skipped: ${bash.status === 0 ? 'this bash is older than 5.0 (no EPOCHSECONDS); its snippet falls back to harmony remind' : 'bash is not installed'}`);
  for (const shell of ['zsh', 'fish'] as const) {
    if (has(shell)) out.push(shell);
    else console.log(`${label}: ${shell} cases skipped: ${shell} is not installed (${why ?? 'apt-get did not make it available'})`);
  }
  return out;
}
