// Reading and writing a document that holds what the user wrote (journal months, quiz cards
// and log, and any later such file): plaintext JSON in a plaintext store, age-encrypted JSON
// (the same name plus ".age") in an encrypted one. The one codec under every such file.
//
// For sync's merge driver (issue 17) and anything else that holds a document's bytes rather
// than its path: decodeDoc(file, bytes, spec, vault) parses bytes, decrypting them when they
// are an age file; encodeDoc(doc, vault) gives the bytes to write (encrypted when the store
// is). sealedName(file, vault) is the name the document has on disk.
import { isAgeFile } from './age-file.js';
import { parseDoc, readData, readDoc, serializeDoc, writeBytes, writeDoc, type DocSpec, type WriteOptions } from './files.js';
import { SEALED, type Vault } from './vault.js';

/** The file a document lives in: `file` itself, or `file.age` when the store is encrypted. */
export const sealedName = (file: string, vault: Vault) => (vault.encrypted ? file + SEALED : file);

export async function readSealed<T>(vault: Vault, file: string, spec: DocSpec<T>, why?: string): Promise<T> {
  if (!vault.encrypted) return readDoc(file, spec);
  const path = file + SEALED;
  const bytes = readData(path);
  if (bytes === undefined) return spec.empty();
  return decodeDoc(path, bytes, spec, vault, why);
}

export async function writeSealed(vault: Vault, file: string, doc: unknown, options: WriteOptions = {}): Promise<void> {
  if (!vault.encrypted) return writeDoc(file, doc, options);
  writeBytes(file + SEALED, await encodeDoc(doc, vault, options), options);
}

/** Parses a document's bytes; an age file is decrypted with the store's identity first. `file` names it in errors. */
export async function decodeDoc<T>(file: string, bytes: Uint8Array, spec: DocSpec<T>, vault: Vault, why?: string): Promise<T> {
  const text = isAgeFile(bytes) ? await vault.open(file, bytes, why) : Buffer.from(bytes).toString('utf8');
  return parseDoc(file, text, spec);
}

/** The bytes to store for a document: JSON, encrypted to the store's key when the store is encrypted. */
export async function encodeDoc(doc: unknown, vault: Vault, options: WriteOptions = {}): Promise<Uint8Array> {
  const text = serializeDoc(doc, options);
  return vault.encrypted ? vault.seal(text) : Buffer.from(text, 'utf8');
}
