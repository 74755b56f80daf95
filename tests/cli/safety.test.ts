import { afterAll, describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { cleanupHomes, ESCAPE, run, tempHome } from '../helpers/cli.js';

afterAll(cleanupHomes);

describe('harmony help safety', () => {
  it('prints the carve-out and where to find help, the same as harmony safety, writing nothing', () => {
    const home = tempHome();
    const viaHelp = run(['help', 'safety'], { home });
    expect(viaHelp.code).toBe(0);
    expect(viaHelp.stdout).toMatch(/owe them no explanation/);
    expect(viaHelp.stdout).toMatch(/emergency services/);
    expect(viaHelp.stdout).toMatch(/findahelpline\.com/);
    expect(viaHelp.stdout).not.toMatch(ESCAPE);
    // Readable in under a minute: at most ~300 words.
    expect(viaHelp.stdout.split(/\s+/).filter(Boolean).length).toBeLessThan(320);
    expect(run(['safety'], { home }).stdout).toBe(viaHelp.stdout);
    expect(readdirSync(home)).toEqual([]);
  });

  it('leaves commander\'s help for other commands alone', () => {
    const r = run(['help', 'stats'], { home: tempHome() });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Usage: harmony stats/);
  });
});

describe('the rough-days line', () => {
  it('is word for word the last part of harmony help safety', async () => {
    const { ROUGH_DAYS_TEXT } = await import('../../src/core/safety.js');
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { ROOT } = await import('../helpers/cli.js');
    const md = readFileSync(join(ROOT, 'content', 'safety.md'), 'utf8');
    const section = md.slice(md.indexOf('## Rough days') + '## Rough days'.length).trim().replace(/\s+/g, ' ');
    expect(section).toBe(ROUGH_DAYS_TEXT);
  });
});
