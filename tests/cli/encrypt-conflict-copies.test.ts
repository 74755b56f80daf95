// Conflict copies of an encrypted journal's files (issues 17, 18): Syncthing, Dropbox and
// Nextcloud put their mark before the last extension (2026-05.json.age gives
// 2026-05.json.sync-conflict-...-ABCD123.age). Locked, such a copy waits where it is (merging
// it needs the key, and no command asks for the passphrase just for that); unlocked, the next
// command merges it entry by entry and moves it aside, still encrypted.
import { copyFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { matchCopy } from '../../src/store/conflict-copies.js';
import { cleanupHomes, run, tempHome, type Result } from '../helpers/cli.js';

afterAll(cleanupHomes);
const runtime = mkdtempSync(join(tmpdir(), 'harmony-runtime-cc-'));
afterAll(() => rmSync(runtime, { recursive: true, force: true }));
const pass = join(runtime, 'pass');
writeFileSync(pass, 'correct horse battery staple\n', { mode: 0o600 });

const h = (home: string, args: string[], now = '2026-05-10T20:00:00Z'): Result =>
  run(args, { home, timeout: 60_000, env: { HARMONY_NOW: now, XDG_RUNTIME_DIR: runtime, HARMONY_SCRYPT_LOG_N: '12' } });

describe('conflict copies of encrypted files', () => {
  it('are recognised by each tool\'s name for them', () => {
    expect(matchCopy('2026-05.json.sync-conflict-20260510-211502-MFZWI3D.age')).toEqual({ tool: 'Syncthing', original: '2026-05.json.age' });
    expect(matchCopy("people.json (laptop's conflicted copy 2026-05-10).age")).toEqual({ tool: 'Dropbox', original: 'people.json.age' });
    expect(matchCopy('2026-05.json (conflicted copy 2026-05-10 211502).age')).toEqual({ tool: 'Nextcloud', original: '2026-05.json.age' });
  });

  it('locked: left in place with one line; unlocked: merged into the month and moved aside, still encrypted', () => {
    const home = tempHome();
    expect(h(home, ['checkin', '--mood', '4', '--principle', 'trust', '--answer', 'shared day', '--date', '2026-05-08']).code).toBe(0);
    expect(h(home, ['encrypt', '--passphrase-file', pass]).code).toBe(0);
    // The other machine: the same journal (same key), a note of its own written there.
    const other = mkdtempSync(join(tmpdir(), 'harmony-other-'));
    cpSync(home, other, { recursive: true });
    expect(h(other, ['unlock', '--passphrase-file', pass]).code).toBe(0);
    expect(h(other, ['note', 'written on the desktop', '--date', '2026-05-09']).code).toBe(0);
    expect(h(home, ['unlock', '--passphrase-file', pass]).code).toBe(0);
    expect(h(home, ['note', 'written on the laptop', '--date', '2026-05-09']).code).toBe(0);
    expect(h(home, ['lock']).code).toBe(0);
    // Syncthing could not carry the desktop's month across in time: it left a copy.
    const copyName = '2026-05.json.sync-conflict-20260510-211502-MFZWI3D.age';
    copyFileSync(join(other, 'journal', '2026-05.json.age'), join(home, 'journal', copyName));
    const locked = h(home, ['lessons']);
    expect(locked.code).toBe(0);
    expect(locked.stderr).toMatch(/left a conflict copy in place \(encrypted, and the journal is locked/);
    expect(existsSync(join(home, 'journal', copyName))).toBe(true);
    expect(h(home, ['unlock', '--passphrase-file', pass]).code).toBe(0);
    const list = h(home, ['journal', '--json']);
    expect(list.code).toBe(0);
    expect(list.stderr).toMatch(/merged a conflict copy from Syncthing into journal\/2026-05\.json\.age/);
    const texts = (JSON.parse(list.stdout) as { text?: string; answers: { answer: string }[] }[]).map((e) => e.text ?? e.answers[0]?.answer).sort();
    expect(texts).toEqual(['shared day', 'written on the desktop', 'written on the laptop']);
    expect(existsSync(join(home, 'journal', copyName))).toBe(false);
    const aside = readdirSync(join(home, 'conflict-copies'), { recursive: true }).map(String).filter((n) => n.endsWith(copyName));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(home, 'conflict-copies', aside[0]!), 'latin1').startsWith('age-encryption.org/v1')).toBe(true);
    expect(readFileSync(join(home, 'journal', '2026-05.json.age'), 'latin1')).not.toContain('written on');
    rmSync(other, { recursive: true, force: true });
  });

  it('people remove --forget takes the name out of encrypted copies set aside too, sealed again; one it cannot open is counted', () => {
    const NAME = 'Zuzanna Quill';
    const home = tempHome();
    expect(h(home, ['people', 'add', NAME, '--every', '1w']).code).toBe(0);
    expect(h(home, ['checkin', '--mood', '4', '--principle', 'trust', '--answer', `Called ${NAME}`, '--date', '2026-05-08']).code).toBe(0);
    expect(h(home, ['encrypt', '--passphrase-file', pass]).code).toBe(0);
    const other = mkdtempSync(join(tmpdir(), 'harmony-other-'));
    cpSync(home, other, { recursive: true });
    expect(h(other, ['unlock', '--passphrase-file', pass]).code).toBe(0);
    expect(h(other, ['note', `lunch with ${NAME} on the desktop`, '--date', '2026-05-09']).code).toBe(0);
    expect(h(home, ['unlock', '--passphrase-file', pass]).code).toBe(0);
    const copyName = '2026-05.json.sync-conflict-20260510-211502-MFZWI3D.age';
    copyFileSync(join(other, 'journal', '2026-05.json.age'), join(home, 'journal', copyName));
    expect(h(home, ['journal', '--json']).stderr).toMatch(/merged a conflict copy/);
    const asideCopy = () => {
      const found = readdirSync(join(home, 'conflict-copies'), { recursive: true }).map(String).filter((n) => n.endsWith(copyName));
      expect(found).toHaveLength(1);
      return join(home, 'conflict-copies', found[0]!);
    };
    const sealedBefore = readFileSync(asideCopy());
    // A copy from a journal encrypted with another key: this store cannot open it.
    const stranger = tempHome();
    expect(h(stranger, ['note', `${NAME} again`, '--date', '2026-05-09']).code).toBe(0);
    expect(h(stranger, ['encrypt', '--passphrase-file', pass]).code).toBe(0);
    copyFileSync(join(stranger, 'journal', '2026-05.json.age'), join(home, 'conflict-copies', 'foreign.json.age'));

    const forget = h(home, ['people', 'remove', NAME, '--forget', '--yes']);
    expect(forget.code).toBe(0);
    expect(forget.stdout).toMatch(/also taken out of 1 file in conflict-copies\//);
    expect(forget.stdout + forget.stderr).toMatch(/1 file in conflict-copies\/ could not be opened with this journal's key/);
    const sealedAfter = readFileSync(asideCopy());
    expect(sealedAfter.toString('latin1').startsWith('age-encryption.org/v1')).toBe(true); // still encrypted
    expect(sealedAfter.equals(sealedBefore)).toBe(false);
    expect(sealedAfter.toString('latin1')).not.toContain(NAME);
    // Sealed to this journal's key: put back as a conflict copy, it merges, and holds no name.
    const back = '2026-05.json.sync-conflict-20260511-090000-MFZWI3D.age';
    copyFileSync(asideCopy(), join(home, 'journal', back));
    const list = h(home, ['journal', '--json']);
    expect(list.code).toBe(0);
    expect(list.stderr).toMatch(/merged a conflict copy from Syncthing/);
    expect(list.stdout).toContain('lunch with someone you removed on the desktop');
    expect(list.stdout).not.toContain(NAME);
    rmSync(other, { recursive: true, force: true });
  });
});
