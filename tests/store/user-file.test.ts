// Files the user names (export --out): written whole or not at all.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { writeUserFile } from '../../src/store/user-file.js';
import { MOUNT_SKIP, tryMount, unmountAll } from '../helpers/mount.js';

afterAll(unmountAll);
if (MOUNT_SKIP) console.log(`user-file: full-disk case skipped: ${MOUNT_SKIP}`);

describe('writeUserFile', () => {
  it('refuses to replace an existing file without force, and replaces it with force', () => {
    const dir = mkdtempSync(join(tmpdir(), 'harmony-userfile-'));
    const file = join(dir, 'journal.md');
    writeFileSync(file, 'keep me');
    expect(() => writeUserFile(file, 'new', false)).toThrow(/already exists/);
    expect(readFileSync(file, 'utf8')).toBe('keep me');
    writeUserFile(file, 'new', true);
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['journal.md']);
  });

  it.skipIf(MOUNT_SKIP)('on a full disk: a clear error, no partial export, the old file intact, no temp left', () => {
    const dir = tryMount('size=64k,mode=0700');
    if (!dir) throw new Error('could not mount a tmpfs, though a first one could be mounted');
    const file = join(dir, 'journal.md');
    writeFileSync(file, 'previous export');
    // Larger than the whole disk: a short write must never be linked or renamed into place.
    const big = 'an answer\n'.repeat(20_000);
    expect(() => writeUserFile(join(dir, 'new.md'), big, false)).toThrow(UsageError);
    expect(() => writeUserFile(file, big, true)).toThrow(/disk is full|No space|ENOSPC/i);
    expect(readFileSync(file, 'utf8')).toBe('previous export');
    expect(readdirSync(dir)).toEqual(['journal.md']);
  });
});
