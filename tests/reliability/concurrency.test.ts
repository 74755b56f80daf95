// Concurrency: four processes saving at once into one journal lose nothing and duplicate
// nothing; a lock left behind by a killed process is taken over instead of blocking for ever.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/index.js';
import { cleanupHomes, tempHome } from '../helpers/cli.js';
import { answerFor, entryId } from './fixtures/entries.js';
import { bundleFixture, listCommands, messageProblem, spawnBin } from './support.js';
import { FILES } from '../../src/store/paths.js';

const WRITERS = 4;
const EACH = 50;
const NOW = { HARMONY_NOW: '2025-03-10T12:00:00Z' };

let writer: string;
let hasReflect = false;
beforeAll(async () => {
  writer = await bundleFixture('writer');
  hasReflect = (await listCommands(tempHome())).some((c) => c[0] === 'reflect');
  if (!hasReflect) console.log('concurrency: harmony reflect missing, binary cases not yet covered');
});
afterAll(cleanupHomes);

function runWriter(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [writer, ...args]);
    let out = '';
    let err = '';
    const guard = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.on('close', (code) => {
      clearTimeout(guard);
      done({ code, out, err });
    });
  });
}

/** Starts a process that takes the store lock, then SIGKILLs it: its lock stays behind. */
function leaveDeadLock(home: string): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [writer, 'hold', home]);
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => d.includes('locked') && child.kill('SIGKILL'));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.on('close', (code, signal) => {
      if (signal === 'SIGKILL' && existsSync(join(home, FILES.lock))) done();
      else fail(new Error(`no dead lock: exit ${code} ${signal} ${err}`));
    });
  });
}

async function checkJournal(home: string, expected: string[]): Promise<void> {
  const entries = (await new Store(home).journal.all());
  const ids = entries.map((e) => e.id);
  expect(new Set(ids).size, 'duplicated entries').toBe(ids.length);
  expect([...ids].sort()).toEqual([...expected].sort());
}

describe('writers at once, through the real store', () => {
  it(`${WRITERS} processes x ${EACH} saves: all ${WRITERS * EACH} there, none duplicated`, async () => {
    const home = tempHome('harmony-conc-');
    const tags = Array.from({ length: WRITERS }, (_, i) => `w${i}`);
    const results = await Promise.all(tags.map((tag) => runWriter(['save', home, tag, String(EACH)])));
    for (const r of results) expect(r.code, r.err).toBe(0);
    const expected = tags.flatMap((tag) => Array.from({ length: EACH }, (_, n) => entryId(tag, n)));
    await checkJournal(home, expected);
    for (const e of (await new Store(home).journal.all())) expect(e.answers[0]?.answer).toBe(answerFor(e.id));
    expect(existsSync(join(home, FILES.lock)), 'lock released').toBe(false);
  }, 120_000);

  it('a lock left by a killed process is recovered (stale after 4 s), and the saves land', async () => {
    const home = tempHome('harmony-conc-');
    await leaveDeadLock(home);
    const results = await Promise.all(['k0', 'k1'].map((tag) => runWriter(['save', home, tag, '5'])));
    for (const r of results) expect(r.code, r.err).toBe(0);
    await checkJournal(home, ['k0', 'k1'].flatMap((tag) => Array.from({ length: 5 }, (_, n) => entryId(tag, n))));
    expect(existsSync(join(home, FILES.lock))).toBe(false);
  }, 60_000);
});

describe('harmony reflect from several terminals at once', () => {
  it(`${WRITERS} lanes x ${EACH} reflections via flags: all ${WRITERS * EACH} saved once, word for word`, async () => {
    if (!hasReflect) return;
    const home = tempHome('harmony-conc-');
    const lane = async (w: number) => {
      const saved: string[] = [];
      for (let i = 0; i < EACH; i++) {
        const text = `lane ${w} reflection ${i} — kept word for word ✓`;
        const r = await spawnBin(['reflect', 'trust', '--answer', text, '--commitment', `commit ${w}/${i}`, '--json'], { home, env: NOW, timeout: 60_000 });
        expect(r.code, r.stderr).toBe(0);
        const entry = JSON.parse(r.stdout) as { id: string; answers: { answer: string }[] };
        expect(entry.answers[0]?.answer).toBe(text);
        saved.push(entry.id);
      }
      return saved;
    };
    const ids = (await Promise.all(Array.from({ length: WRITERS }, (_, w) => lane(w)))).flat();
    await checkJournal(home, ids);
    const texts = (await new Store(home).journal.all()).map((e) => e.answers[0]?.answer);
    expect(new Set(texts).size).toBe(WRITERS * EACH);
    console.log(`concurrency: ${WRITERS} harmony reflect lanes saved ${ids.length} entries, ${new Set(ids).size} distinct, all present`);
  }, 240_000);

  it('harmony reflect gets past a lock left by a killed process', async () => {
    if (!hasReflect) return;
    const home = tempHome('harmony-conc-');
    await leaveDeadLock(home);
    const r = await spawnBin(['reflect', 'trust', '--answer', 'after the crash', '--commitment', 'c', '--json'], { home, env: NOW, timeout: 30_000 });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr === '' || messageProblem(r.stderr) === null).toBe(true);
    await checkJournal(home, [JSON.parse(r.stdout).id]);
  }, 60_000);
});
