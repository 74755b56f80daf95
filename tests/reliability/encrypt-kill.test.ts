// SIGKILL during `harmony encrypt` and `harmony decrypt` at random moments (issue 18): after
// every kill the next harmony command must find either the old store or the new one whole,
// never a mix, and every entry, quiz answer and setting exactly as before.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Entry } from '../../src/core/entry.js';
import { Store } from '../../src/store/index.js';
import { BIN, cleanupHomes, cliEnv, run, tempHome } from '../helpers/cli.js';
import { seeded, seedFromEnv } from './support.js';

const KILLS = 50; // each way
const NOW = '2026-05-10T20:00:00Z';
afterAll(cleanupHomes);

let passFile: string;
let env: Record<string, string>;
let plainSource: string;
let sealedSource: string;
let expected: string;

function files(home: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const d of readdirSync(dir, { withFileTypes: true })) {
      if (d.isDirectory()) walk(join(dir, d.name));
      else out.push(relative(home, join(dir, d.name)));
    }
  };
  walk(home);
  return out.sort();
}

/** What the store holds, as harmony reads it: the whole backup (entries, quiz, state, settings). */
function contents(home: string): { code: number | null; text: string; stderr: string } {
  const r = run(['export', '--format', 'json'], { home, env, timeout: 60_000 });
  return { code: r.code, text: r.stdout, stderr: r.stderr };
}

/** Plaintext or encrypted, and nothing of the other form left. */
function form(home: string): 'plain' | 'sealed' | string {
  const all = files(home);
  const sealed = all.filter((f) => f.endsWith('.age') || f === 'encryption.json');
  const plain = all.filter((f) => /^(journal|quiz-log)[/\\]\d{4}-\d{2}\.json$/.test(f) || f === 'quiz.json');
  if (all.some((f) => f.startsWith('.switch'))) return `staging left: ${all.join(' ')}`;
  if (sealed.length === 0 && plain.length > 0) return 'plain';
  if (plain.length === 0 && all.includes('encryption.json') && all.includes('identity.age') && all.includes('people.json.age')) return 'sealed';
  return `mixed: ${all.join(' ')}`;
}

function timed(args: string[], home: string, killAfter?: number): Promise<{ ms: number; killed: boolean; code: number | null; stderr: string }> {
  return new Promise((done, fail) => {
    const started = performance.now();
    const child = spawn(process.execPath, [BIN, ...args], { cwd: home, env: cliEnv(home, env) });
    let stderr = '';
    let killed = false;
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = killAfter === undefined ? undefined : setTimeout(() => ((killed = true), child.kill('SIGKILL')), killAfter);
    const guard = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', fail);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      clearTimeout(guard);
      done({ ms: performance.now() - started, killed: killed && signal === 'SIGKILL', code, stderr });
    });
  });
}

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'harmony-kill-'));
  passFile = join(dir, 'pass');
  writeFileSync(passFile, 'a passphrase for the kill test\n', { mode: 0o600 });
  env = { HARMONY_NOW: NOW, XDG_RUNTIME_DIR: dir, HARMONY_SCRYPT_LOG_N: '10', HARMONY_PASSPHRASE_FILE: passFile };
  // Two years of daily check-ins (24 month files), a quiz log: enough files for a switch to take a while.
  plainSource = tempHome('harmony-kill-src-');
  const store = new Store(plainSource);
  const entries: Entry[] = [];
  for (let i = 0; i < 730; i++) {
    const date = new Date(Date.UTC(2024, 4, 10) + i * 86_400_000).toISOString().slice(0, 10);
    entries.push({ id: `${date.replaceAll('-', '')}-k${i.toString(36).padStart(3, '0')}`, kind: 'checkin', date, createdAt: `${date}T20:00:00+00:00`, principle: 'trust', mood: 1 + (i % 5), answers: [{ prompt: 'p', answer: `day ${i} with Mira` }], intention: `intention ${i}` });
  }
  await store.write(async () => (await store.journal.add(entries)));
  expect(run(['quiz', '--answers', 'a,b,c', '--seed', '3'], { home: plainSource, env }).code).toBe(0);
  // People (issue 14): people.json splits in two (names sealed), so it switches with the rest.
  for (const name of ['Mira Okafor', 'Jonas Weber']) expect(run(['people', 'add', name, '--every', '2w'], { home: plainSource, env }).code).toBe(0);
  expect(run(['people', 'log', 'Mira', '--how', 'call'], { home: plainSource, env }).code).toBe(0);
  expected = contents(plainSource).text;
  expect(expected).toContain('day 729 with Mira');
  expect(expected).toContain('Jonas Weber');
  sealedSource = tempHome('harmony-kill-sealed-');
  cpSync(plainSource, sealedSource, { recursive: true });
  const enc = run(['encrypt'], { home: sealedSource, env, timeout: 60_000 });
  expect(enc.stderr).toBe('');
  expect(form(sealedSource)).toBe('sealed');
}, 180_000);

async function killMany(direction: 'encrypt' | 'decrypt'): Promise<void> {
  const random = seeded(seedFromEnv(`encrypt-kill-${direction}`));
  const source = direction === 'encrypt' ? plainSource : sealedSource;
  const args = direction === 'encrypt' ? ['encrypt'] : ['decrypt', '--yes'];
  // How long a whole run takes here and now (three probes to start with): the kills are spread
  // over it and a little past it, and go on until KILLS of them have landed. A kill timed after
  // a run ended counts as a whole run (its store is checked all the same) and another moment is
  // drawn: a fixed 50 moments once landed only 22 kills, when the machine got busy mid-test.
  const probes: number[] = [];
  for (let n = 0; n < 3; n++) {
    const probe = tempHome();
    cpSync(source, probe, { recursive: true });
    const r = await timed(args, probe);
    expect(r.stderr).toBe('');
    probes.push(r.ms);
  }
  // The span follows the machine: the middle of the last five whole runs (a Node 24 CI run once
  // probed at 317-369 ms while the runs after took less, and only 45 of 200 kills landed).
  const recent = [...probes];
  const span = () => [...recent.slice(-5)].sort((a, b) => a - b)[Math.floor(Math.min(recent.length, 5) / 2)]!;
  const seen = { plain: 0, sealed: 0, killed: 0, runs: 0, killedAfterSwitch: 0 };
  const enough = () => seen.killed >= KILLS && seen.plain > 0 && seen.sealed > 0;
  for (let i = 0; !enough() && i < KILLS * 4; i++) {
    const home = tempHome();
    cpSync(source, home, { recursive: true });
    // Half over the whole run, half over its last part, where the switch commits and rolls forward.
    const full = span();
    const at = Math.floor(full * (i % 2 === 0 ? random() * 1.2 : 0.6 + random() * 0.7));
    const r = await timed(args, home, at);
    if (r.killed) seen.killed++;
    else {
      expect(r.code, r.stderr).toBe(0);
      seen.runs++;
      recent.push(r.ms);
    }
    // The next command finishes or drops what the killed one left, then reads everything.
    const after = contents(home);
    expect(after.stderr, `kill at ${at} ms`).toBe('');
    expect(after.text, `kill at ${at} ms`).toBe(expected);
    const f = form(home);
    expect(['plain', 'sealed'], `kill at ${at} ms: ${f}`).toContain(f);
    seen[f as 'plain' | 'sealed']++;
    if (r.killed && f === (direction === 'encrypt' ? 'sealed' : 'plain')) seen.killedAfterSwitch++;
  }
  console.log(`${direction} kills: ${JSON.stringify(seen)} (probes: ${probes.map(Math.round).join(', ')} ms; the span at the end: ${Math.round(span())} ms)`);
  expect(seen.killed).toBeGreaterThanOrEqual(KILLS);
  // Both stores were seen (whole runs leave the new one; killedAfterSwitch says how many kills
  // fell between the switch and the exit, which is short, so it is reported, not required).
  expect(seen.plain).toBeGreaterThan(0);
  expect(seen.sealed).toBeGreaterThan(0);
}

describe('SIGKILL during encrypt and decrypt', () => {
  it(`encrypt killed at ${KILLS} random moments: old store or new, whole`, () => killMany('encrypt'), 900_000);
  it(`decrypt killed at ${KILLS} random moments: old store or new, whole`, () => killMany('decrypt'), 900_000);
  it('the kill test would see a mixed store', () => {
    // form() is what judges each round: it must call a half-switched folder what it is.
    const home = tempHome();
    cpSync(sealedSource, home, { recursive: true });
    writeFileSync(join(home, 'journal', '2024-06.json'), '{"schemaVersion":1,"entries":[]}');
    expect(form(home)).toMatch(/^mixed/);
    expect(existsSync(join(home, 'identity.age'))).toBe(true);
  });
});
