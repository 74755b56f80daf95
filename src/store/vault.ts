// Encryption at rest (issue 18). A store is encrypted when encryption.json names its public
// key (an age X25519 recipient). Writing needs only that key; reading needs the identity,
// kept in identity.age encrypted with the user's passphrase (age's scrypt), or unlocked for a
// while in the user's runtime folder (runtime-key.ts), never in the data folder.
// The Vault is what the rest of the store asks: is this store encrypted, seal this, open that.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataError, UsageError } from '../errors.js';
import { OpenError } from './age-file.js';
import { parseDoc, type DocSpec } from './files.js';
import { forgetKey, readKey } from './runtime-key.js';
import { recoverSwitch } from './switch-recover.js';

export const ENCRYPTION_FILE = 'encryption.json';
export const IDENTITY_FILE = 'identity.age';
/** The suffix of every encrypted file: journal/2026-05.json.age reads with `age -d`. */
export const SEALED = '.age';
const ENCRYPTION_VERSION = 1;

export interface EncryptionDoc {
  schemaVersion: number;
  /** The public key everything is encrypted to (age1...). */
  recipient: string;
  /** When `harmony encrypt` ran. */
  since: string;
}

export const encryptionSpec: DocSpec<EncryptionDoc> = {
  version: ENCRYPTION_VERSION,
  empty: () => ({ schemaVersion: ENCRYPTION_VERSION, recipient: '', since: '' }),
  validate: (doc) => (typeof doc.recipient === 'string' && doc.recipient.startsWith('age1') ? null : 'recipient is not an age public key'),
};

/** Asks for the passphrase (a terminal prompt, passphraseCommand, an env var); set by the command layer. */
export type PassphraseSource = (why: string) => Promise<string>;

export const lockedMessage = (home: string) =>
  `The journal in ${home} is encrypted and locked. Run \`harmony unlock\` (it asks for your passphrase), set passphraseCommand (harmony config set passphraseCommand "pass show harmony"), or set HARMONY_PASSPHRASE_FILE.`;

export class Vault {
  private identityText: string | undefined;
  private openFn: ((bytes: Uint8Array) => Promise<string>) | undefined;
  /** Where a read while locked gets the passphrase; without one, it fails (exit 2) saying how to unlock. */
  passphrase: PassphraseSource | undefined;

  constructor(
    readonly home: string,
    /** Null: a plaintext store. */
    readonly doc: EncryptionDoc | null,
  ) {}

  get encrypted(): boolean {
    return this.doc !== null;
  }

  get recipient(): string {
    if (!this.doc) throw new Error('not an encrypted store');
    return this.doc.recipient;
  }

  async seal(text: string): Promise<Uint8Array> {
    return (await import('./age.js')).sealTo(this.recipient, text);
  }

  /** The identity if it can be had without asking anyone: this process has it, or the store is unlocked. */
  unlockedIdentity(): string | undefined {
    if (this.identityText) return this.identityText;
    const key = readKey(this.home, this.recipient);
    if (key) this.identityText = key;
    return this.identityText;
  }

  /** Whether reading can go ahead without asking for the passphrase. */
  get readable(): boolean {
    return !this.encrypted || this.unlockedIdentity() !== undefined;
  }

  /** The identity, asking for the passphrase when locked (or failing, exit 2, with how to unlock). */
  async identity(why = 'read your journal'): Promise<string> {
    const have = this.unlockedIdentity();
    if (have) return have;
    if (!this.passphrase) throw new UsageError(lockedMessage(this.home));
    const passphrase = await this.passphrase(why);
    return this.useIdentity(await identityFromPassphrase(this.home, passphrase, this.recipient));
  }

  /** Takes an identity already checked against this store's key (unlock, encrypt). */
  useIdentity(identity: string): string {
    this.identityText = identity;
    this.openFn = undefined;
    return identity;
  }

  /** Decrypts one file's bytes; `file` names it in errors. */
  async open(file: string, bytes: Uint8Array, why?: string): Promise<string> {
    if (!this.openFn) {
      const identity = await this.identity(why);
      this.openFn = await (await import('./age.js')).opener(identity);
    }
    try {
      return await this.openFn(bytes);
    } catch (error) {
      throw openProblem(file, error);
    }
  }

  /** Forgets the unlocked identity in the runtime folder (harmony lock). */
  lock(): boolean {
    this.identityText = undefined;
    this.openFn = undefined;
    return forgetKey(this.home);
  }
}

export function openProblem(file: string, error: unknown): DataError {
  const fix = 'It was left untouched; restore it from a backup or move it aside.';
  if (error instanceof OpenError) {
    if (error.reason === 'wrong-key') return new DataError(`${file} was encrypted for another key than this journal's. ${fix}`);
    return new DataError(`${file} ${error.message}. ${fix}`);
  }
  return new DataError(`${file} cannot be decrypted (${(error as Error).message}). ${fix}`);
}

/** Decrypts identity.age with a passphrase and checks it is this store's key. Wrong passphrase: exit 2. */
export async function identityFromPassphrase(home: string, passphrase: string, recipient: string): Promise<string> {
  const file = join(home, IDENTITY_FILE);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new DataError(`${file} is missing, so this encrypted journal cannot be read here. Copy identity.age from where you ran harmony encrypt (or your synced data).`);
    }
    throw new DataError(`Cannot read ${file}: ${(error as Error).message}.`);
  }
  const age = await import('./age.js');
  let identity: string;
  try {
    identity = (await age.openWithPassphrase(passphrase, bytes)).trim();
  } catch (error) {
    if (error instanceof OpenError && error.reason === 'wrong-key') throw new UsageError('Wrong passphrase; nothing was changed.');
    throw openProblem(file, error);
  }
  const line = identity.split('\n').find((l) => l.startsWith('AGE-SECRET-KEY-1'));
  if (!line || (await age.recipientOf(line)) !== recipient) {
    throw new DataError(`${file} does not hold the key this journal is encrypted to (${ENCRYPTION_FILE}). It was left untouched.`);
  }
  return line;
}

/** The store's vault, from encryption.json (after finishing an interrupted encrypt/decrypt). */
export function loadVault(home: string): Vault {
  recoverSwitch(home);
  const file = join(home, ENCRYPTION_FILE);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Vault(home, null);
    throw new DataError(`Cannot read ${file}: ${(error as Error).message}.`);
  }
  return new Vault(home, parseDoc(file, text, encryptionSpec));
}

/** Just whether the store is encrypted (the shell reminder: no recovery, no parse). */
export const isEncrypted = (home: string): boolean => {
  try {
    readFileSync(join(home, ENCRYPTION_FILE));
    return true;
  } catch {
    return false;
  }
};
