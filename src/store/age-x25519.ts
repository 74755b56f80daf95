// The age v1 format (age-encryption.org/v1) for X25519 keys, on node:crypto's native X25519,
// HKDF, HMAC and ChaCha20-Poly1305. The `age-encryption` package (by the format's author) stays
// the reference and does everything else (passphrases, new keys, other kinds of file); this
// covers the daily work, sealing a save and opening the months a read needs, because loading
// that package and running its pure-JavaScript ciphers cost more than the budgets of issue 18
// allow (a locked check-in sealed ~30 ms slower; 120 months opened ~2 ms each; here ~0.1 ms).
// Files made here open with `age -d` and the package, and theirs open here (tests/store/age-x25519).
import { createCipheriv, createDecipheriv, createHmac, createPrivateKey, createPublicKey, diffieHellman, generateKeyPairSync, randomBytes, scrypt, timingSafeEqual, type KeyObject } from 'node:crypto';

const MAGIC = 'age-encryption.org/v1';
const CHUNK = 64 * 1024;
const TAG = 16;
const X25519_LABEL = 'age-encryption.org/v1/X25519';
// DER wrappings of raw X25519 keys (RFC 8410), which is how node:crypto takes them.
const PKCS8_PREFIX = Buffer.from('302e020100300506032b656e04220420', 'hex');

// ---- bech32 (BIP 173), the encoding of age1... and AGE-SECRET-KEY-1... ----
const CHARSET = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
function polymod(values: number[]): number {
  const GEN = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
  let chk = 1;
  for (const v of values) {
    const top = chk >>> 25;
    chk = ((chk & 0x1ffffff) << 5) ^ v;
    for (let i = 0; i < 5; i++) if ((top >>> i) & 1) chk ^= GEN[i]!;
  }
  return chk >>> 0;
}
const hrpExpand = (hrp: string) => [...[...hrp].map((c) => c.charCodeAt(0) >> 5), 0, ...[...hrp].map((c) => c.charCodeAt(0) & 31)];

/** The 32 key bytes of an age key; null when it is not a well-formed one with that prefix. */
export function bech32Key(text: string, hrp: string): Buffer | null {
  const s = text.trim().toLowerCase();
  const at = s.lastIndexOf('1');
  if (at < 1 || s.slice(0, at) !== hrp) return null;
  const data: number[] = [];
  for (const c of s.slice(at + 1)) {
    const v = CHARSET.indexOf(c);
    if (v < 0) return null;
    data.push(v);
  }
  if (data.length < 7 || polymod([...hrpExpand(hrp), ...data]) !== 1) return null;
  let acc = 0;
  let bits = 0;
  const out: number[] = [];
  for (const v of data.slice(0, -6)) {
    acc = (acc << 5) | v;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out.push((acc >> bits) & 0xff);
    }
  }
  return out.length === 32 ? Buffer.from(out) : null;
}

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64').replace(/=+$/, '');
/**
 * HKDF-SHA-256 (RFC 5869) for one 32-byte block: extract, then the first block of expand. Two
 * HMACs by hand cost half of hkdfSync, and a read of every month does three per file. (An empty
 * salt is the same HMAC key as HashLen zero bytes, as the RFC asks.)
 */
const hkdf = (ikm: Uint8Array, salt: Uint8Array, info: string) => {
  const prk = createHmac('sha256', salt).update(ikm).digest();
  return createHmac('sha256', prk).update(info).update(ONE).digest();
};
const ONE = Buffer.from([1]);
const rawPublic = (key: KeyObject) => (key.export({ format: 'der', type: 'spki' }) as Buffer).subarray(-32);
// As a JWK: node:crypto takes it about eight times faster than the same key as DER.
const publicKey = (raw: Uint8Array) => createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: Buffer.from(raw).toString('base64url') }, format: 'jwk' });

function aead(encrypt: boolean, key: Buffer, nonce: Buffer, data: Buffer): Buffer {
  if (encrypt) {
    const c = createCipheriv('chacha20-poly1305', key, nonce, { authTagLength: TAG });
    return Buffer.concat([c.update(data), c.final(), c.getAuthTag()]);
  }
  const d = createDecipheriv('chacha20-poly1305', key, nonce, { authTagLength: TAG });
  d.setAuthTag(data.subarray(data.length - TAG));
  return Buffer.concat([d.update(data.subarray(0, data.length - TAG)), d.final()]); // throws when tampered with
}

function streamNonce(counter: number, last: boolean): Buffer {
  const n = Buffer.alloc(12);
  n.writeUIntBE(counter, 5, 6); // an 11-byte big-endian counter (files here are far below 2^48 chunks)
  n[11] = last ? 1 : 0;
  return n;
}

/** Why a file could not be opened here; `unsupported`: not for this code (the package tries it). */
export class X25519OpenError extends Error {
  constructor(
    readonly reason: 'unsupported' | 'wrong-key' | 'corrupt',
    message: string,
  ) {
    super(message);
  }
}

/** Seals `data` to an age1... recipient. */
export function sealX25519(recipient: string, data: string | Uint8Array): Uint8Array {
  const pk = bech32Key(recipient, 'age');
  if (!pk) throw new Error('not an age X25519 recipient');
  const fileKey = randomBytes(16);
  const eph = generateKeyPairSync('x25519');
  const share = rawPublic(eph.publicKey);
  const shared = diffieHellman({ privateKey: eph.privateKey, publicKey: publicKey(pk) });
  const wrapKey = hkdf(shared, Buffer.concat([share, pk]), X25519_LABEL);
  const body = aead(true, wrapKey, Buffer.alloc(12), fileKey);
  const head = `${MAGIC}\n-> X25519 ${b64(share)}\n${b64(body)}\n---`;
  const mac = createHmac('sha256', hkdf(fileKey, Buffer.alloc(0), 'header')).update(head).digest();
  const nonce = randomBytes(16);
  const payloadKey = hkdf(fileKey, nonce, 'payload');
  const plain = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data);
  const parts: Buffer[] = [Buffer.from(`${head} ${b64(mac)}\n`, 'latin1'), nonce];
  const count = Math.max(1, Math.ceil(plain.length / CHUNK));
  for (let i = 0; i < count; i++) parts.push(aead(true, payloadKey, streamNonce(i, i === count - 1), plain.subarray(i * CHUNK, (i + 1) * CHUNK)));
  return new Uint8Array(Buffer.concat(parts));
}

interface Stanza {
  args: string[];
  body: Buffer;
}

interface Parsed {
  buf: Buffer;
  stanzas: Stanza[];
  /** Where the "\n---" of the MAC line starts, and the MAC line's end. */
  end: number;
  macEnd: number;
}

/** A binary age v1 file's header; X25519OpenError 'unsupported' for anything else. */
function parse(bytes: Uint8Array): Parsed {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  const end = buf.indexOf('\n---', 0, 'latin1');
  if (end < 0) throw new X25519OpenError('unsupported', 'no age header');
  const macEnd = buf.indexOf(0x0a, end + 4);
  if (macEnd < 0) throw new X25519OpenError('corrupt', 'the header is truncated');
  const lines = buf.subarray(0, end).toString('latin1').split('\n');
  if (lines[0] !== MAGIC) throw new X25519OpenError('unsupported', 'not a binary age v1 file');
  const stanzas: Stanza[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.startsWith('-> ')) throw new X25519OpenError('corrupt', 'the header is malformed');
    let body = '';
    while (i + 1 < lines.length && !lines[i + 1]!.startsWith('-> ')) {
      body += lines[++i]!;
      if (lines[i]!.length < 64) break;
    }
    stanzas.push({ args: line.slice(3).split(' '), body: Buffer.from(body, 'base64') });
  }
  return { buf, stanzas, end, macEnd };
}

/** Checks the header's MAC with the file key found, then decrypts the payload. */
function finish({ buf, end, macEnd }: Parsed, fileKey: Buffer): Buffer {
  const mac = Buffer.from(buf.subarray(end + 5, macEnd).toString('latin1'), 'base64');
  const want = createHmac('sha256', hkdf(fileKey, Buffer.alloc(0), 'header')).update(buf.subarray(0, end + 4)).digest();
  if (mac.length !== want.length || !timingSafeEqual(mac, want)) throw new X25519OpenError('corrupt', 'its header was changed (the MAC does not match)');
  const start = macEnd + 1;
  if (buf.length < start + 16 + TAG) throw new X25519OpenError('corrupt', 'it is truncated');
  const payloadKey = hkdf(fileKey, buf.subarray(start, start + 16), 'payload');
  const out: Buffer[] = [];
  const sealed = CHUNK + TAG;
  let at = start + 16;
  for (let i = 0; at < buf.length; i++) {
    const last = buf.length - at <= sealed;
    const chunk = buf.subarray(at, last ? buf.length : at + sealed);
    try {
      out.push(aead(false, payloadKey, streamNonce(i, last), chunk));
    } catch {
      throw new X25519OpenError('corrupt', 'it is damaged or truncated');
    }
    if (last && chunk.length === TAG && i > 0) throw new X25519OpenError('corrupt', 'it ends with an empty chunk');
    at += chunk.length;
  }
  return Buffer.concat(out);
}

/** The file key in a stanza's body, wrapped with `key`; null when `key` is not the one. */
function unwrapBody(key: Buffer, body: Buffer): Buffer | null {
  if (body.length !== 32) throw new X25519OpenError('corrupt', 'the header is malformed');
  try {
    return aead(false, key, Buffer.alloc(12), body);
  } catch {
    return null;
  }
}

/** Opens age files sealed to one AGE-SECRET-KEY-1... identity (binary files with X25519 stanzas). */
export function x25519Opener(identity: string): (bytes: Uint8Array) => Buffer {
  const raw = bech32Key(identity, 'age-secret-key-');
  if (!raw) throw new Error('not an age X25519 identity');
  const priv = createPrivateKey({ key: Buffer.concat([PKCS8_PREFIX, raw]), format: 'der', type: 'pkcs8' });
  const own = rawPublic(createPublicKey(priv));
  return (bytes) => {
    const parsed = parse(bytes);
    const ours = parsed.stanzas.filter((s) => s.args[0] === 'X25519'); // others (or grease) are not ours
    if (ours.length === 0) throw new X25519OpenError('unsupported', 'no X25519 stanza');
    for (const s of ours) {
      const share = s.args.length === 2 ? Buffer.from(s.args[1]!, 'base64') : Buffer.alloc(0);
      if (share.length !== 32) throw new X25519OpenError('corrupt', 'the header is malformed');
      const shared = diffieHellman({ privateKey: priv, publicKey: publicKey(share) });
      const fileKey = unwrapBody(hkdf(shared, Buffer.concat([share, own]), X25519_LABEL), s.body);
      if (fileKey) return finish(parsed, fileKey);
    }
    throw new X25519OpenError('wrong-key', 'was not encrypted for this key');
  };
}

/**
 * Opens a file sealed with a passphrase (identity.age): age's scrypt stanza, on node:crypto's
 * native scrypt, off the main thread. The work factor (2^18 by default) is what makes it slow on
 * purpose; natively it takes about half the time of the JavaScript one, which kept harmony
 * unlock over its 1.5 s budget.
 */
export async function openScrypt(passphrase: string, bytes: Uint8Array): Promise<Buffer> {
  const parsed = parse(bytes);
  const s = parsed.stanzas[0];
  // age: a scrypt stanza is the only one in its file.
  if (!s || parsed.stanzas.length !== 1 || s.args[0] !== 'scrypt' || s.args.length !== 3) throw new X25519OpenError('unsupported', 'not a passphrase file');
  const salt = Buffer.from(s.args[1]!, 'base64');
  const logN = Number(s.args[2]);
  if (salt.length !== 16 || !Number.isInteger(logN) || logN < 1 || logN > 22 || !/^[1-9]\d*$/.test(s.args[2]!)) throw new X25519OpenError('unsupported', 'a scrypt stanza this code does not take');
  const N = 2 ** logN;
  const key = await new Promise<Buffer>((done, fail) =>
    scrypt(passphrase, Buffer.concat([Buffer.from('age-encryption.org/v1/scrypt'), salt]), 32, { N, r: 8, p: 1, maxmem: 256 * N * 8 + 1024 * 1024 }, (error, k) => (error ? fail(error) : done(k))),
  );
  const fileKey = unwrapBody(key, s.body);
  if (!fileKey) throw new X25519OpenError('wrong-key', 'the passphrase is wrong');
  return finish(parsed, fileKey);
}
