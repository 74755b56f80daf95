// harmony encrypt / unlock / lock / decrypt as a user runs them (issue 18), through the built binary.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanupHomes, run, tempHome, type Result } from '../helpers/cli.js';

afterAll(cleanupHomes);

const NOW = '2026-05-10T20:00:00Z';
const PASS = 'correct horse battery staple';
/** Every string a user wrote below, and how moods and quiz answers look as JSON fields. */
const SECRETS = ['What did I hide from Ilse', 'Mira', 'the lighthouse trip', 'grandma on Sunday', 'Jonas kept his promise', 'Petra', 'a long walk by the canal', 'Ilse', '"mood"', '"chosen"', '"correct"', '"intention"', 'quiet breakfast'];

let runtime: string;
beforeAll(() => {
  runtime = mkdtempSync(join(tmpdir(), 'harmony-runtime-'));
});

function passFile(text = PASS): string {
  const file = join(mkdtempSync(join(tmpdir(), 'harmony-pass-')), 'pass');
  writeFileSync(file, `${text}\n`, { mode: 0o600 });
  return file;
}

/** Runs harmony with a fixed clock, a private runtime folder and a fast scrypt (the factor is in each file's header). */
function h(home: string, args: string[], env: Record<string, string | undefined> = {}, input?: string): Result {
  return run(args, { home, input, timeout: 60_000, env: { HARMONY_NOW: NOW, XDG_RUNTIME_DIR: runtime, HARMONY_SCRYPT_LOG_N: '12', ...env } });
}

function files(home: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const d of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, d.name);
      if (d.isDirectory()) walk(p);
      else out.push(p);
    }
  };
  walk(home);
  return out.sort();
}

const snapshot = (home: string) => Object.fromEntries(files(home).map((f) => [relative(home, f), createHash('sha256').update(readFileSync(f)).digest('hex')]));

/** A journal with check-ins, a reflection, notes, quiz answers and a name set. */
function writtenHome(): string {
  const home = tempHome();
  const ok = (r: Result) => expect(r.stderr).toBe('');
  ok(h(home, ['config', 'set', 'name', 'Ilse']));
  ok(h(home, ['checkin', '--mood', '4', '--principle', 'trust', '--answer', 'I told Mira about the lighthouse trip', '--intention', 'call grandma on Sunday', '--date', '2026-05-08']));
  ok(h(home, ['checkin', '--mood', '2', '--principle', 'communication', '--answer', 'Jonas kept his promise', '--date', '2026-04-30']));
  ok(h(home, ['reflect', 'intimacy', '--answer', 'a long walk by the canal', '--commitment', 'quiet breakfast', '--date', '2026-05-09']));
  ok(h(home, ['note', 'Petra called', '--date', '2026-05-10']));
  ok(h(home, ['prompts', 'add', 'trust', 'What did I hide from Ilse this week?']));
  const quiz = h(home, ['quiz', '--answers', 'a,b', '--seed', '7']);
  expect(quiz.code).toBe(0);
  return home;
}

describe('harmony encrypt', () => {
  it('without a terminal and without a passphrase flag: exit 2 naming the flags, nothing written', () => {
    const home = writtenHome();
    const before = snapshot(home);
    const r = h(home, ['encrypt']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--passphrase-file FILE/);
    expect(r.stderr).toMatch(/HARMONY_PASSPHRASE/);
    expect(snapshot(home)).toEqual(before);
  });

  it('leaves no word, mood, name or quiz answer in plaintext in any file', () => {
    const home = writtenHome();
    // Every secret is there before (the test would pass vacuously otherwise).
    const all = files(home).map((f) => readFileSync(f, 'latin1')).join('\n');
    for (const s of SECRETS) expect(all, s).toContain(s);
    const r = h(home, ['encrypt', '--passphrase-file', passFile()]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Your name was removed from config.json');
    for (const f of files(home)) {
      const text = readFileSync(f, 'latin1');
      for (const s of SECRETS) expect(text.includes(s), `${relative(home, f)} holds ${s}`).toBe(false);
    }
    expect(existsSync(join(home, '.switch'))).toBe(false);
    for (const f of files(home)) expect(statSync(f).mode & 0o077, relative(home, f)).toBe(0);
    // The count said is every file holding the user's words: the months, the quiz and its log, state (people too, when any).
    const sealed = files(home).map((f) => relative(home, f)).filter((f) => f.endsWith('.age') && f !== 'identity.age' && !/index-\d{4}/.test(f));
    expect(sealed).toContain('state.json.age');
    expect(r.stdout).toContain(`Encrypted ${sealed.length} files (`);
  });

  it('works locked: check-in, note, remind and the streak; reading says how to unlock (exit 2)', () => {
    const home = writtenHome();
    const plain = tempHome();
    cpSync(home, plain, { recursive: true });
    h(home, ['encrypt', '--passphrase-file', passFile()]);
    const later = { HARMONY_NOW: '2026-05-11T20:00:00Z' };
    // The reminder, the check-in's streak and what comes next read the same as without encryption.
    const remind = h(home, ['remind'], later);
    expect(remind.stdout).toMatch(/check-in|streak/i);
    expect(remind.stdout).toBe(h(plain, ['remind'], later).stdout);
    const args = ['checkin', '--mood', '5', '--principle', 'trust', '--answer', 'the lighthouse trip again'];
    const save = h(home, args, later);
    expect(save.stderr).toBe('');
    expect(save.stdout).toMatch(/Streak: \d+ day/);
    // (Locked, the check-in does not read the quiz: no due-questions hint.)
    const withoutQuiz = (text: string) => text.split('\n').filter((l) => !/quiz/i.test(l)).join('\n');
    expect(withoutQuiz(save.stdout)).toBe(withoutQuiz(h(plain, args, later).stdout));
    expect(h(home, ['remind'], { HARMONY_NOW: '2026-05-11T21:00:00Z' }).stdout).toBe('');
    const read = h(home, ['journal']);
    expect(read.code).toBe(2);
    expect(read.stderr).toMatch(/encrypted and locked.*harmony unlock/);
    expect(read.stdout).toBe('');
    expect(h(home, ['stats']).code).toBe(2);
    for (const f of files(home)) expect(readFileSync(f, 'latin1').includes('lighthouse'), relative(home, f)).toBe(false);
  });

  it('unlock keeps the key in the runtime folder (0600) until lock; reads then need no passphrase', () => {
    const home = writtenHome();
    const pass = passFile();
    h(home, ['encrypt', '--passphrase-file', pass]);
    h(home, ['note', 'written while locked about Petra'], { HARMONY_NOW: '2026-05-10T21:00:00Z' });
    expect(h(home, ['checkin', '--mood', '3', '--principle', 'trust', '--answer', 'answered while locked', '--date', '2026-05-07']).stderr).toBe('');
    expect(readdirSync(home).filter((n) => n.startsWith('state+'))).toHaveLength(1);
    const unlock = h(home, ['unlock', '--for', '30m', '--passphrase-file', pass]);
    expect(unlock.stderr).toBe('');
    expect(unlock.stdout).toMatch(/Unlocked for 30 min/);
    const key = readdirSync(join(runtime, 'harmony')).filter((n) => n.startsWith('key-'));
    expect(key.length).toBeGreaterThan(0);
    for (const k of key) expect(statSync(join(runtime, 'harmony', k)).mode & 0o777).toBe(0o600);
    expect(statSync(join(runtime, 'harmony')).mode & 0o777).toBe(0o700);
    const list = h(home, ['journal', '--json']);
    expect(list.stderr).toBe('');
    const entries = JSON.parse(list.stdout) as { text?: string; answers: { answer: string }[] }[];
    expect(entries.map((e) => e.text ?? e.answers[0]?.answer)).toEqual(expect.arrayContaining(['written while locked about Petra', 'Petra called', 'I told Mira about the lighthouse trip']));
    const stats = h(home, ['stats', '--json']);
    expect(JSON.parse(stats.stdout).mood.daysWithMood).toBe(3); // with the mood of the check-in saved while locked
    // A write while unlocked folds the entries saved while locked into the month file.
    h(home, ['note', 'one more'], { HARMONY_NOW: '2026-05-10T22:00:00Z' });
    expect(readdirSync(join(home, 'journal')).filter((n) => n.includes('+'))).toEqual([]);
    // What a locked check-in records in state.json (prompts used) waited in a delta: unlock folded it in.
    expect(readdirSync(home).filter((n) => n.startsWith('state+'))).toEqual([]);
    const own = JSON.parse(h(home, ['prompts', 'list', '--json']).stdout) as { text: string }[];
    expect(own.map((p) => p.text)).toEqual(['What did I hide from Ilse this week?']);
    expect(h(home, ['lock']).stdout).toContain('Locked');
    expect(h(home, ['journal']).code).toBe(2);
    expect(h(home, ['journal', '--json'], { HARMONY_PASSPHRASE_FILE: pass }).code).toBe(0);
  });

  it('a wrong passphrase: exit 2 and nothing changed, for unlock, a read and decrypt', () => {
    const home = writtenHome();
    h(home, ['encrypt', '--passphrase-file', passFile()]);
    const before = snapshot(home);
    const wrong = passFile('not the passphrase at all');
    for (const args of [['unlock', '--passphrase-file', wrong], ['decrypt', '--yes', '--passphrase-file', wrong]]) {
      const r = h(home, args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/Wrong passphrase/);
    }
    expect(h(home, ['journal'], { HARMONY_PASSPHRASE: 'not it either' }).code).toBe(2);
    expect(snapshot(home)).toEqual(before);
  });

  it('a damaged encrypted file: exit 3 naming it, and it is left untouched', () => {
    const home = writtenHome();
    const pass = passFile();
    h(home, ['encrypt', '--passphrase-file', pass]);
    const month = join(home, 'journal', '2026-05.json.age');
    const bytes = readFileSync(month);
    bytes[bytes.length - 20] = bytes[bytes.length - 20]! ^ 0xff;
    writeFileSync(month, bytes);
    const before = snapshot(home);
    const r = h(home, ['journal'], { HARMONY_PASSPHRASE_FILE: pass });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('2026-05.json.age');
    expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(snapshot(home)).toEqual(before);
  });

  it('decrypt gives back the same journal, settings aside from the name', () => {
    const home = writtenHome();
    const pass = passFile();
    const before = h(home, ['journal', '--json']).stdout;
    const quizBefore = readFileSync(join(home, 'quiz.json'), 'utf8');
    h(home, ['encrypt', '--passphrase-file', pass]);
    const d = h(home, ['decrypt', '--yes', '--passphrase-file', pass]);
    expect(d.stderr).toBe('');
    expect(d.code).toBe(0);
    expect(h(home, ['journal', '--json']).stdout).toBe(before);
    expect(readFileSync(join(home, 'quiz.json'), 'utf8')).toBe(quizBefore);
    expect(JSON.parse(readFileSync(join(home, 'state.json'), 'utf8')).ownPrompts[0].text).toBe('What did I hide from Ilse this week?');
    expect(files(home).filter((f) => f.endsWith('.age'))).toEqual([]);
    expect(existsSync(join(home, 'encryption.json'))).toBe(false);
  });

  it('export: plaintext to a file needs --plaintext or --encrypt; --encrypt backups import back', () => {
    const home = writtenHome();
    const pass = passFile();
    // A plaintext journal: --encrypt uses a passphrase.
    const out1 = join(home, '..', `${relative(tmpdir(), home).replace(/\W/g, '')}-plain.json.age`);
    expect(h(home, ['export', '--format', 'json', '--encrypt', '--passphrase-file', pass, '--out', out1]).code).toBe(0);
    expect(readFileSync(out1, 'latin1')).not.toContain('Mira');
    const fresh = tempHome();
    const imp = h(fresh, ['import', out1, '--passphrase-file', pass]);
    expect(imp.stderr).toBe('');
    expect(h(fresh, ['journal', '--json']).stdout).toBe(h(home, ['journal', '--json']).stdout);

    h(home, ['encrypt', '--passphrase-file', pass]);
    const refused = h(home, ['export', '--format', 'json', '--out', join(home, 'x.json')], { HARMONY_PASSPHRASE_FILE: pass });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/--encrypt.*--plaintext/);
    const out2 = join(home, '..', `${relative(tmpdir(), home).replace(/\W/g, '')}-key.json.age`);
    expect(h(home, ['export', '--format', 'json', '--encrypt', '--out', out2], { HARMONY_PASSPHRASE_FILE: pass }).code).toBe(0);
    expect(readFileSync(out2, 'latin1')).not.toContain('Mira');
    // An export to the journal's key goes back into that journal (a second import adds nothing).
    const again = h(home, ['import', out2, '--json'], { HARMONY_PASSPHRASE_FILE: pass });
    expect(again.stderr).toBe('');
    expect(JSON.parse(again.stdout).entries).toEqual({ added: 0, skipped: 4 });
  });
});
