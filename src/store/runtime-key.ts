// `harmony unlock` keeps the decrypted identity for a while in the user's runtime folder:
// $XDG_RUNTIME_DIR/harmony (a per-user tmpfs on most Linux systems, emptied at logout), else a
// 0700 folder under the OS temp folder named by uid. Never in the data folder, so never synced
// or backed up with it. One file per data folder (named by a hash of its path), mode 0600,
// holding the identity and until when it may be used; an expired file is removed on sight.
import { chmodSync, lstatSync, mkdirSync, openSync, readFileSync, renameSync, writeFileSync, closeSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { DataError } from '../errors.js';

const uid = () => (typeof process.getuid === 'function' ? process.getuid() : undefined);

/** The folder (not created here). */
export function runtimeDir(env: NodeJS.ProcessEnv = process.env): string {
  const xdg = env.XDG_RUNTIME_DIR;
  if (xdg && isAbsolute(xdg)) {
    try {
      if (lstatSync(xdg).isDirectory()) return join(xdg, 'harmony');
    } catch {
      // not there: fall back to the temp folder
    }
  }
  return join(tmpdir(), `harmony-${uid() ?? 'user'}`);
}

/** Creates the folder 0700 and checks it is ours and private (a shared /tmp could hold someone else's). */
export function privateRuntimeDir(env: NodeJS.ProcessEnv = process.env): string {
  const dir = runtimeDir(env);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch (error) {
    throw new DataError(`Cannot make ${dir}: ${(error as Error).message}.`);
  }
  const st = lstatSync(dir);
  const me = uid();
  if (!st.isDirectory() || (me !== undefined && st.uid !== me)) {
    throw new DataError(`${dir} is not a folder of yours; harmony will not keep a key there. Remove it or set XDG_RUNTIME_DIR.`);
  }
  if ((st.mode & 0o077) !== 0) chmodSync(dir, 0o700);
  return dir;
}

/** FNV-1a, 64 bits, as hex: names the file of a data folder (the file says which folder it is for; this only spreads them). node:crypto would cost every start-up ~1 ms. */
function folderHash(text: string): string {
  let h = 0xcbf29ce484222325n;
  for (const byte of Buffer.from(text, 'utf8')) h = BigInt.asUintN(64, (h ^ BigInt(byte)) * 0x100000001b3n);
  return h.toString(16).padStart(16, '0');
}

const keyFile = (home: string, env?: NodeJS.ProcessEnv) => join(runtimeDir(env), `key-${folderHash(home)}.json`);

interface KeyDoc {
  home: string;
  recipient: string;
  identity: string;
  /** Epoch ms after which the key is forgotten. */
  until: number;
}

/** The unlocked identity for this data folder and key, or undefined (locked, expired, another key). */
export function readKey(home: string, recipient: string, now = Date.now()): string | undefined {
  const file = keyFile(home);
  let doc: KeyDoc;
  try {
    const st = lstatSync(file);
    const me = uid();
    if (!st.isFile() || (me !== undefined && st.uid !== me) || (st.mode & 0o077) !== 0) return undefined;
    doc = JSON.parse(readFileSync(file, 'utf8')) as KeyDoc;
  } catch {
    return undefined;
  }
  if (doc.home !== home || doc.recipient !== recipient || typeof doc.identity !== 'string') return undefined;
  if (!(doc.until > now)) {
    forgetKey(home);
    return undefined;
  }
  return doc.identity;
}

/** Keeps the identity until `until` (epoch ms). Written 0600 to a temp name, then renamed. */
export function keepKey(home: string, recipient: string, identity: string, until: number): string {
  const dir = privateRuntimeDir();
  const file = keyFile(home);
  const temp = join(dir, `.key-${process.pid}-${Date.now()}.tmp`);
  const fd = openSync(temp, 'wx', 0o600);
  try {
    writeFileSync(fd, JSON.stringify({ home, recipient, identity, until } satisfies KeyDoc));
  } finally {
    closeSync(fd);
  }
  renameSync(temp, file);
  return file;
}

/** Removes the kept identity; true when there was one. */
export function forgetKey(home: string): boolean {
  const file = keyFile(home);
  try {
    // Overwrite first: on a disk-backed temp folder the old blocks would keep the key.
    writeFileSync(file, '0'.repeat(200), { flag: 'r+' });
  } catch {
    // not there, or not writable: unlink tells
  }
  try {
    unlinkSync(file);
    return true;
  } catch {
    return false;
  }
}

/** Until when the store is unlocked (epoch ms), for `harmony unlock --status`-like messages. */
export function keyUntil(home: string): number | undefined {
  try {
    const doc = JSON.parse(readFileSync(keyFile(home), 'utf8')) as KeyDoc;
    return doc.until > Date.now() ? doc.until : undefined;
  } catch {
    return undefined;
  }
}
