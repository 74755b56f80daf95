// `harmony … | head -1`: the reader closes the pipe early; harmony must stop quietly.
import { spawn } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, cleanupHomes, cliEnv, run, tempHome } from '../helpers/cli.js';

afterAll(cleanupHomes);

function withClosedStdout(args: string[], home: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: cliEnv(home), stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy(); // closed before harmony writes a byte
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => done({ code, stderr }));
  });
}

describe('a closed output pipe', () => {
  it('help, lessons and a long journal stop with exit 0 and no stack trace', async () => {
    const home = tempHome();
    for (let day = 1; day <= 20; day++) {
      const date = `2026-10-${String(day).padStart(2, '0')}`;
      expect(run(['checkin', '--date', date, '--mood', '3', '--principle', 'trust', '--answer', 'x'.repeat(2000)], { home, env: { HARMONY_NOW: '2026-10-25T12:00:00Z' } }).code).toBe(0);
    }
    for (const args of [['--help'], ['lessons'], ['journal'], ['export']]) {
      const r = await withClosedStdout(args, home);
      expect(r.stderr, args.join(' ')).not.toMatch(/EPIPE|^\s+at /m);
      expect(r.code, args.join(' ')).toBe(0);
    }
  });
});
