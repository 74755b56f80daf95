// The age format (age-encryption.org/v1) through the `age-encryption` package, by the format's
// author: files written here decrypt with the `age` command-line tool and back. Loaded only by
// code that seals or opens a file (never by --help or the shell reminder).
// Binary (not armored) files: smaller, and `age -d` reads both.

import { isAgeFile, OpenError } from './age-file.js';
import { bech32Key, openScrypt, sealX25519, x25519Opener, X25519OpenError } from './age-x25519.js';

export { isAgeFile, OpenError };

type Age = typeof import('age-encryption');
let loaded: Promise<Age> | undefined;
const load = () => (loaded ??= import('age-encryption'));

/**
 * The age work factor for the passphrase (scrypt N = 2^18, age's own default: ~1 s on purpose).
 * HARMONY_SCRYPT_LOG_N may lower it (10-17) for the test suite only, where hundreds of
 * encryptions would otherwise take minutes; the factor is stored in each file's header.
 */
const lowered = Number(process.env.HARMONY_SCRYPT_LOG_N);
export const SCRYPT_LOG_N = Number.isInteger(lowered) && lowered >= 10 && lowered < 18 ? lowered : 18;

export async function newIdentity(): Promise<{ identity: string; recipient: string }> {
  const age = await load();
  const identity = await age.generateX25519Identity();
  return { identity, recipient: await age.identityToRecipient(identity) };
}

export async function recipientOf(identity: string): Promise<string> {
  return (await load()).identityToRecipient(identity);
}

/** Encrypts to a public key (age1...): needs no secret. */
export async function sealTo(recipient: string, data: string | Uint8Array): Promise<Uint8Array> {
  // An X25519 key (every journal's): on node:crypto, without loading the package (age-x25519.ts).
  if (bech32Key(recipient, 'age')) return sealX25519(recipient, data);
  const age = await load();
  const e = new age.Encrypter();
  e.addRecipient(recipient);
  return e.encrypt(data);
}

export async function sealWithPassphrase(passphrase: string, data: string | Uint8Array, logN = SCRYPT_LOG_N): Promise<Uint8Array> {
  const age = await load();
  const e = new age.Encrypter();
  e.setPassphrase(passphrase);
  e.setScryptWorkFactor(logN);
  return e.encrypt(data);
}

/** A reusable decrypter for one identity (AGE-SECRET-KEY-1...). */
export async function opener(identity: string): Promise<(bytes: Uint8Array) => Promise<string>> {
  const open = await bytesOpener(identity);
  return async (bytes) => Buffer.from(await open(bytes)).toString('utf8');
}

/**
 * The same, for files that may not be text (copies sync set aside). Binary files with X25519
 * stanzas open on node:crypto (age-x25519.ts); anything else (an armored file, another kind of
 * recipient) through the package.
 */
export async function bytesOpener(identity: string): Promise<(bytes: Uint8Array) => Promise<Uint8Array>> {
  const native = x25519Opener(identity);
  let fallback: InstanceType<Age['Decrypter']> | undefined;
  return async (bytes) => {
    if (!isAgeFile(bytes)) throw new OpenError('corrupt', 'is not an age-encrypted file');
    try {
      return native(bytes);
    } catch (error) {
      if (!(error instanceof X25519OpenError)) throw error;
      if (error.reason === 'wrong-key') throw new OpenError('wrong-key', 'was not encrypted for this key (or the passphrase is wrong)');
      if (error.reason === 'corrupt') throw new OpenError('corrupt', `cannot be decrypted (${error.message}): it is damaged or truncated`);
    }
    if (!fallback) {
      fallback = new (await load()).Decrypter();
      fallback.addIdentity(identity);
    }
    try {
      return await fallback.decrypt(bytes);
    } catch (error) {
      throw libraryError(error);
    }
  };
}

function libraryError(error: unknown): OpenError {
  const message = (error as Error).message ?? String(error);
  if (/no identity matched/.test(message)) return new OpenError('wrong-key', 'was not encrypted for this key (or the passphrase is wrong)');
  return new OpenError('corrupt', `cannot be decrypted (${message}): it is damaged or truncated`);
}

export async function openWithPassphrase(passphrase: string, bytes: Uint8Array): Promise<string> {
  if (!isAgeFile(bytes)) throw new OpenError('corrupt', 'is not an age-encrypted file');
  try {
    return (await openScrypt(passphrase, bytes)).toString('utf8');
  } catch (error) {
    if (!(error instanceof X25519OpenError)) throw error;
    if (error.reason === 'wrong-key') throw new OpenError('wrong-key', 'was not encrypted for this key (or the passphrase is wrong)');
    if (error.reason === 'corrupt') throw new OpenError('corrupt', `cannot be decrypted (${error.message}): it is damaged or truncated`);
  }
  const age = await load();
  const d = new age.Decrypter();
  d.addPassphrase(passphrase);
  return openWith(d, bytes);
}

async function openWith(d: InstanceType<Age['Decrypter']>, bytes: Uint8Array): Promise<string> {
  if (!isAgeFile(bytes)) throw new OpenError('corrupt', 'is not an age-encrypted file');
  try {
    return await d.decrypt(bytes, 'text');
  } catch (error) {
    throw libraryError(error);
  }
}
