// The journal on a real terminal: long lists go through the pager, delete asks first.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/index.js';
import { cleanupHomes, tempHome } from '../helpers/cli.js';
import { KEYS, spawnPty } from '../helpers/pty.js';
import { addEntries, daily, entry } from '../helpers/journal-fixtures.js';

afterAll(cleanupHomes);
const NOW = { HARMONY_NOW: '2026-05-10T12:00:00Z' };

/** A "pager" that reports how many lines it was given. */
function countingPager(home: string): string {
  const script = join(home, 'pager.mjs');
  writeFileSync(script, "let n = 0; process.stdin.on('data', (d) => (n += String(d).split('\\n').length - 1)); process.stdin.on('end', () => console.log(`PAGER GOT ${n} LINES`));");
  return `"${process.execPath}" "${script}"`;
}

describe('harmony journal on a terminal', () => {
  it('pages a long list, and not a short one or with --no-pager', async () => {
    const home = tempHome();
    await addEntries(home, daily('2026-03-01', 60));
    const env = { ...NOW, PAGER: countingPager(home) };
    const long = spawnPty(['journal'], home, env);
    try {
      await long.waitFor(/PAGER GOT \d+ LINES/);
      expect(await long.exit()).toBe(0);
      const lines = Number(/PAGER GOT (\d+) LINES/.exec(long.screen())![1]);
      expect(lines).toBeGreaterThan(120);
    } finally {
      long.kill();
    }
    for (const args of [['journal', '--limit', '3'], ['journal', '--no-pager']]) {
      const t = spawnPty(args, home, env);
      try {
        await t.waitFor('newest first');
        expect(await t.exit()).toBe(0);
        expect(t.screen()).not.toContain('PAGER GOT');
      } finally {
        t.kill();
      }
    }
  });

  it('delete shows the entry and asks; y deletes', async () => {
    const home = tempHome();
    await addEntries(home, [entry('2026-05-09', { id: '20260509-ptyd', answers: [{ prompt: 'What?', answer: 'Delete me please' }] })]);
    const t = spawnPty(['journal', 'delete', '20260509-ptyd'], home, NOW);
    try {
      await t.waitFor('Delete me please');
      await t.waitFor('This cannot be undone');
      t.type('y');
      t.type(KEYS.enter);
      await t.waitFor('Deleted the check-in of 2026-05-09');
      expect(await t.exit()).toBe(0);
    } finally {
      t.kill();
    }
    expect((await new Store(home).journal.all())).toEqual([]);
  });
});
