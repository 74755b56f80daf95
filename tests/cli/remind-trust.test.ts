// `harmony remind` answers from the reminder cache while no file it was worked out from has
// changed (remind-cache.key holds their sizes and times), as the shell snippet does; a change
// made outside harmony (a file-sync tool, an edit by hand) makes it work the line out again
// and rewrite both. (Issues 14 and 19: remind at 10 years with 200 people within 1.3x.)
import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupHomes, run, tempHome } from '../helpers/cli.js';

afterAll(cleanupHomes);
const AT = (t: string) => ({ HARMONY_NOW: t });
const remind = (home: string) => run(['remind'], { home, env: AT('2026-03-11T09:00:00Z') });
const stamp = (home: string) => statSync(cacheFile(home)).mtimeMs;
const cacheFile = (home: string) => join(home, 'remind-cache.txt');

function homeWithYesterday(): string {
  const home = tempHome();
  expect(run(['checkin', '--mood', '4', '--principle', 'trust', '--answer', 'x'], { home, env: AT('2026-03-10T19:00:00Z') }).code).toBe(0);
  expect(readFileSync(join(home, 'remind-cache.key'), 'utf8')).toMatch(/^journal \d+ /m);
  return home;
}

describe('harmony remind and the reminder cache', () => {
  it('prints the cache\'s line while nothing it came from changed (the cache is what it reads)', () => {
    const home = homeWithYesterday();
    expect(remind(home).stdout).toContain('1-day streak');
    // Only the cache says this: remind read it, and did not rebuild it.
    writeFileSync(cacheFile(home), readFileSync(cacheFile(home), 'utf8').replace('1-day streak', 'one-day run'));
    const before = stamp(home);
    expect(remind(home).stdout).toContain('one-day run');
    expect(stamp(home)).toBe(before); // not rebuilt
    // --debug works the line out (to say why), and finds the cache saying something else.
    expect(run(['remind', '--debug'], { home, env: AT('2026-03-11T09:00:00Z') }).stdout).toContain('1-day streak');
  });

  it('works the line out again when a month changed outside harmony, and rewrites the cache', () => {
    const home = homeWithYesterday();
    writeFileSync(cacheFile(home), readFileSync(cacheFile(home), 'utf8').replace('1-day streak', 'one-day run'));
    // Today's check-in arrives from another machine through a file-sync tool.
    const month = join(home, 'journal', '2026-03.json');
    const doc = JSON.parse(readFileSync(month, 'utf8'));
    doc.entries.push({ ...doc.entries[0], id: '20260311-zz99', date: '2026-03-11', createdAt: '2026-03-11T08:00:00+00:00' });
    writeFileSync(`${month}.sync-tmp`, JSON.stringify(doc, null, 1) + '\n'); // as Syncthing does: a temp file, then a rename
    renameSync(`${month}.sync-tmp`, month);
    expect(remind(home).stdout).toBe(''); // today is done
    expect(readFileSync(cacheFile(home), 'utf8')).not.toContain('one-day run'); // rebuilt
    const before = stamp(home);
    expect(remind(home).stdout).toBe('');
    expect(stamp(home)).toBe(before); // and trusted again
  });

  it('a setting edited by hand, a missing or garbled key: worked out again', () => {
    const home = homeWithYesterday();
    writeFileSync(join(home, 'config.json'), JSON.stringify({ schemaVersion: 1, reminder: false }) + '\n');
    expect(remind(home).stdout).toBe('');
    const other = homeWithYesterday();
    writeFileSync(cacheFile(other), readFileSync(cacheFile(other), 'utf8').replace('1-day streak', 'one-day run'));
    writeFileSync(join(other, 'remind-cache.key'), 'not the key');
    expect(remind(other).stdout).toContain('1-day streak');
    expect(readFileSync(cacheFile(other), 'utf8')).not.toContain('one-day run'); // rebuilt
  });
});
