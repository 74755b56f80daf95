// harmony check on a real terminal: paste a draft, end it with Ctrl+D, read the marks; and
// Ctrl+C during the paste cancels without output.
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupHomes, tempHome } from '../helpers/cli.js';
import { KEYS, spawnPty } from '../helpers/pty.js';

afterAll(cleanupHomes);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('harmony check on a terminal', () => {
  it('reads a pasted draft up to Ctrl+D and marks the passages', async () => {
    const home = tempHome();
    const t = spawnPty(['check'], home);
    try {
      await t.waitFor('then press Ctrl+D');
      t.type('Fine. You never listen to me.\r');
      await sleep(100);
      t.type('Can we talk tonight?\r');
      await sleep(100);
      t.type(KEYS.ctrlD);
      await t.waitFor('marked:');
      await t.waitFor(/\[You never listen to me\]\(\d\)/);
      await t.waitFor(/warn\s+absolutes/);
      await t.waitFor('What works:');
      expect(await t.exit()).toBe(4);
      // Colour on a terminal: the marked passage is underlined.
      expect(t.raw()).toMatch(/\u001b\[4m/);
    } finally {
      t.kill();
    }
  });

  it('stops at Ctrl+C during the paste with exit 130', async () => {
    const home = tempHome();
    const t = spawnPty(['check'], home);
    try {
      await t.waitFor('then press Ctrl+D');
      t.type('You always');
      await sleep(100);
      t.type(KEYS.ctrlC);
      await t.waitFor('Cancelled');
      expect(await t.exit()).toBe(130);
      expect(t.screen()).not.toContain('marked');
    } finally {
      t.kill();
    }
  });
});
