// What an interrupted encrypt/decrypt leaves before its staging folder is named .switch/.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { recoverSwitch } from '../../src/store/switch-recover.js';

const home = mkdtempSync(join(tmpdir(), 'harmony-switch-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

function temp(pid: number): string {
  const dir = join(home, `.switch.${pid}.tmp`);
  mkdirSync(join(dir, 'files', 'journal'), { recursive: true });
  writeFileSync(join(dir, 'owner'), String(pid));
  writeFileSync(join(dir, 'files', 'journal', '2026-05.json.age'), 'staged');
  return dir;
}

describe('recoverSwitch', () => {
  it('removes a staging folder a killed switch left under its temporary name, and keeps a live one', () => {
    // A process that has ended: its pid is free (the kernel does not reuse it at once).
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const deadPid = Number(gone.stdout);
    expect(deadPid).toBeGreaterThan(0);
    const dead = temp(deadPid);
    const live = temp(process.pid); // this process: still running its switch
    writeFileSync(join(home, 'config.json'), '{}');
    recoverSwitch(home);
    expect(existsSync(dead)).toBe(false);
    expect(existsSync(live)).toBe(true);
    expect(existsSync(join(home, 'config.json'))).toBe(true);
  });

  it('is a no-op for a data folder that does not exist yet', () => {
    expect(() => recoverSwitch(join(home, 'not-there'))).not.toThrow();
  });
});
