import { mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withLock } from '../../src/store/lock.js';
import { FILES } from '../../src/store/paths.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('withLock', () => {
  it('serialises read-modify-write so no increment is lost', async () => {
    const home = mkdtempSync(join(tmpdir(), 'harmony-lock-'));
    const counter = join(home, 'counter');
    writeFileSync(counter, '0');
    const bump = async () => {
      for (let i = 0; i < 5; i++) {
        await withLock(home, async () => {
          const n = Number(readFileSync(counter, 'utf8'));
          await sleep(15); // without the lock, the other worker would read the same n here
          writeFileSync(counter, String(n + 1));
        });
      }
    };
    await Promise.all([bump(), bump(), bump()]);
    expect(readFileSync(counter, 'utf8')).toBe('15');
  });

  it('takes over a stale lock (its holder died) instead of failing', async () => {
    const home = mkdtempSync(join(tmpdir(), 'harmony-lock-'));
    const lock = join(home, FILES.lock);
    mkdirSync(lock);
    const old = new Date(Date.now() - 30_000);
    utimesSync(lock, old, old);
    await expect(withLock(home, () => 'done')).resolves.toBe('done');
  });

  it('releases the lock when the work throws', async () => {
    const home = mkdtempSync(join(tmpdir(), 'harmony-lock-'));
    await expect(withLock(home, () => { throw new Error('boom'); })).rejects.toThrow('boom');
    await expect(withLock(home, () => 'again')).resolves.toBe('again');
  });
});
