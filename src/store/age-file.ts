// What every command may need to know about an age file without loading any crypto: whether
// bytes are one, and the error a failed open gives. Kept apart from age.ts, whose code (and
// node:crypto under it) loads only when a file is sealed or opened, so a plaintext store's
// commands, the shell reminder first of all, start without it.

/** An age file starts with this line; a JSON file never does. */
const MAGIC = 'age-encryption.org/v1\n';
const MAGIC_BYTES = Buffer.from(MAGIC, 'latin1');
export const isAgeFile = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, MAGIC.length)).equals(MAGIC_BYTES);

/** Why a file could not be opened: not ours to read (wrong key) or damaged. */
export class OpenError extends Error {
  constructor(
    readonly reason: 'wrong-key' | 'corrupt',
    message: string,
  ) {
    super(message);
  }
}
