// What harmony encrypts, the `age` command-line tool decrypts, and back (issue 18): a user who
// loses harmony still reads the journal. The test set-up installs age (Debian package `age`)
// where it is missing and it runs as root; otherwise it says why it skipped.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as pty from '@lydell/node-pty';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupHomes, run, tempHome } from '../helpers/cli.js';

afterAll(cleanupHomes);

const PASS = 'an age interop passphrase';

function findAge(): string | undefined {
  const have = () => spawnSync('age', ['--version'], { encoding: 'utf8' }).status === 0;
  if (have()) return 'age';
  if (process.getuid?.() !== 0) {
    console.log('age-interop: skipped: the age command is missing, and installing it (apt-get install age) needs root');
    return undefined;
  }
  const install = () => spawnSync('apt-get', ['install', '-y', '-q', 'age'], { encoding: 'utf8', timeout: 300_000, env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (install().status !== 0) {
    spawnSync('apt-get', ['update', '-q'], { timeout: 300_000 });
    const again = install();
    if (again.status !== 0) {
      console.log(`age-interop: skipped: apt-get install age failed (${(again.stderr || again.stdout).trim().split('\n').at(-1)})`);
      return undefined;
    }
  }
  return have() ? 'age' : undefined;
}

const age = findAge();
const runtime = mkdtempSync(join(tmpdir(), 'harmony-runtime-'));
const env = { HARMONY_NOW: '2026-05-10T20:00:00Z', XDG_RUNTIME_DIR: runtime, HARMONY_SCRYPT_LOG_N: '12' };

function encryptedHome(): { home: string; pass: string } {
  const home = tempHome();
  const pass = join(mkdtempSync(join(tmpdir(), 'harmony-pass-')), 'pass');
  writeFileSync(pass, `${PASS}\n`, { mode: 0o600 });
  expect(run(['checkin', '--mood', '4', '--principle', 'trust', '--answer', 'Told Mira the truth', '--date', '2026-05-09'], { home, env }).code).toBe(0);
  expect(run(['encrypt', '--passphrase-file', pass], { home, env, timeout: 60_000 }).stderr).toBe('');
  expect(run(['note', 'Saved while locked'], { home, env }).code).toBe(0);
  return { home, pass };
}

/** The bare identity, as `harmony unlock` keeps it in the runtime folder. */
function unlockedKey(home: string, pass: string): string {
  expect(run(['unlock', '--passphrase-file', pass], { home, env, timeout: 60_000 }).stderr).toBe('');
  const dir = join(runtime, 'harmony');
  const keys = readdirSync(dir).filter((n) => n.startsWith('key-')).map((n) => JSON.parse(readFileSync(join(dir, n), 'utf8')) as { home: string; identity: string });
  const key = keys.find((k) => k.home === home)!.identity;
  const file = join(mkdtempSync(join(tmpdir(), 'harmony-key-')), 'key.txt');
  writeFileSync(file, `${key}\n`, { mode: 0o600 });
  return file;
}

describe.skipIf(!age)('interop with the age command-line tool', () => {
  it('age -d reads a month file and an entry saved while locked', () => {
    const { home, pass } = encryptedHome();
    // The entry saved while locked, as it is then (harmony unlock folds it into its month).
    const added = readdirSync(join(home, 'journal')).find((n) => n.includes('+'))!;
    const copy = join(mkdtempSync(join(tmpdir(), 'harmony-entry-')), added);
    copyFileSync(join(home, 'journal', added), copy);
    const key = unlockedKey(home, pass);
    const month = spawnSync(age!, ['-d', '-i', key, join(home, 'journal', '2026-05.json.age')], { encoding: 'utf8' });
    expect(month.stderr).toBe('');
    const doc = JSON.parse(month.stdout) as { schemaVersion: number; entries: { answers: { answer: string }[] }[] };
    expect(doc.schemaVersion).toBe(1);
    expect(doc.entries[0]!.answers[0]!.answer).toBe('Told Mira the truth');
    const note = spawnSync(age!, ['-d', '-i', key, copy], { encoding: 'utf8' });
    expect(JSON.parse(note.stdout).entries[0].text).toBe('Saved while locked');
  });

  it('age -d -i identity.age asks for the passphrase itself (the README recipe)', async () => {
    const { home } = encryptedHome();
    const term = pty.spawn(age!, ['-d', '-i', join(home, 'identity.age'), join(home, 'journal', '2026-05.json.age')], { cols: 200, rows: 40, cwd: home, env: process.env as Record<string, string> });
    let raw = '';
    term.onData((d) => (raw += d));
    const exited = new Promise<number>((done) => term.onExit(({ exitCode }) => done(exitCode)));
    const deadline = Date.now() + 30_000;
    while (!/passphrase/i.test(raw) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    term.write(`${PASS}\r`);
    expect(await exited).toBe(0);
    expect(stripVTControlCharacters(raw)).toContain('Told Mira the truth');
  });

  it('harmony reads a month file encrypted by age -r to the journal key', () => {
    const { home, pass } = encryptedHome();
    const recipient = (JSON.parse(readFileSync(join(home, 'encryption.json'), 'utf8')) as { recipient: string }).recipient;
    const month = { schemaVersion: 1, entries: [{ id: '20260402-agea', kind: 'note', date: '2026-04-02', createdAt: '2026-04-02T10:00:00+00:00', answers: [], text: 'written by age itself' }] };
    const made = spawnSync(age!, ['-r', recipient, '-o', join(home, 'journal', '2026-04.json.age')], { input: JSON.stringify(month), encoding: 'utf8' });
    expect(made.status).toBe(0);
    const r = run(['journal', 'show', '2026-04-02'], { home, env: { ...env, HARMONY_PASSPHRASE_FILE: pass } });
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('written by age itself');
  });
});
