// The native X25519 age code (store/age-x25519.ts) against the age-encryption package, the
// format's reference in TypeScript: each opens what the other seals, at every chunk boundary;
// a wrong key, a changed header and a changed or cut payload are refused. (tests/cli/age-interop
// does the same with the age command-line tool.)
import * as age from 'age-encryption';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bech32Key, sealX25519, x25519Opener, X25519OpenError } from '../../src/store/age-x25519.js';

const SIZES = [0, 1, 100, 65535, 65536, 65537, 3 * 65536, 200_000];

describe('age X25519 on node:crypto', () => {
  it('reads the keys the package makes', async () => {
    const identity = await age.generateX25519Identity();
    const recipient = await age.identityToRecipient(identity);
    expect(bech32Key(identity, 'age-secret-key-')).toHaveLength(32);
    expect(bech32Key(recipient, 'age')).toHaveLength(32);
    expect(bech32Key(recipient.slice(0, -1) + (recipient.endsWith('q') ? 'p' : 'q'), 'age')).toBeNull(); // checksum
    expect(bech32Key(identity, 'age')).toBeNull();
  });

  it('opens what the package seals and the package opens what it seals, at every chunk boundary', async () => {
    const identity = await age.generateX25519Identity();
    const recipient = await age.identityToRecipient(identity);
    const open = x25519Opener(identity);
    const d = new age.Decrypter();
    d.addIdentity(identity);
    for (const size of SIZES) {
      const data = randomBytes(size);
      const e = new age.Encrypter();
      e.addRecipient(recipient);
      expect(open(await e.encrypt(data)).equals(data), `package -> native, ${size} bytes`).toBe(true);
      expect(Buffer.from(await d.decrypt(sealX25519(recipient, data))).equals(data), `native -> package, ${size} bytes`).toBe(true);
    }
    expect(open(sealX25519(recipient, 'héllo, journal')).toString('utf8')).toBe('héllo, journal');
  });

  it('refuses a wrong key, a changed header, a changed or cut payload', async () => {
    const identity = await age.generateX25519Identity();
    const other = await age.generateX25519Identity();
    const sealed = sealX25519(await age.identityToRecipient(identity), randomBytes(70_000));
    const reason = (open: (b: Uint8Array) => Buffer, bytes: Uint8Array) => {
      try {
        open(bytes);
        return 'opened';
      } catch (error) {
        return error instanceof X25519OpenError ? error.reason : String(error);
      }
    };
    expect(reason(x25519Opener(other), sealed)).toBe('wrong-key');
    const open = x25519Opener(identity);
    const header = Buffer.from(sealed);
    header[40] = header[40]! === 0x41 ? 0x42 : 0x41; // in the stanza's ephemeral share
    expect(['corrupt', 'wrong-key']).toContain(reason(open, header));
    const mac = Buffer.from(sealed);
    const at = mac.indexOf('\n--- ') + 10;
    mac[at] = mac[at] === 0x41 ? 0x42 : 0x41;
    expect(reason(open, mac)).toBe('corrupt');
    const body = Buffer.from(sealed);
    body[body.length - 100] = body[body.length - 100]! ^ 1;
    expect(reason(open, body)).toBe('corrupt');
    expect(reason(open, sealed.subarray(0, sealed.length - 5000))).toBe('corrupt');
    expect(reason(open, sealed.subarray(0, 65536 + 16 + 200))).toBe('corrupt'); // cut at a chunk end: the last flag is missing
    expect(reason(open, Buffer.from('age-encryption.org/v1\n-> scrypt abc 18\nxyz\n--- abc\n'))).toBe('unsupported');
  });
});

describe('age passphrase files on node:crypto', () => {
  it('opens what the package seals with a passphrase (identity.age), refuses a wrong one', async () => {
    const { openScrypt } = await import('../../src/store/age-x25519.js');
    for (const logN of [10, 12]) {
      const e = new age.Encrypter();
      e.setPassphrase('correct horse battery staple');
      e.setScryptWorkFactor(logN);
      const sealed = await e.encrypt('AGE-SECRET-KEY-1 the key\n');
      expect((await openScrypt('correct horse battery staple', sealed)).toString('utf8')).toBe('AGE-SECRET-KEY-1 the key\n');
      await expect(openScrypt('not it', sealed)).rejects.toMatchObject({ reason: 'wrong-key' });
    }
  });
});
