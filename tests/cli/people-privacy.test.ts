// People and privacy: names never in errors or --debug output, remove and --forget (after it
// no file under HARMONY_HOME and no new backup holds the name), a corrupt people.json, the
// backup carrying people and connections, and two terminals logging at once.
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupHomes, run, runAsync, tempHome, type Result } from '../helpers/cli.js';

afterAll(cleanupHomes);
const NAME = 'Zuzanna Quill';
const ALIAS = 'Zuzu';
const now = (day: string) => ({ HARMONY_NOW: `${day}T12:00:00Z` });

function user(day = '2026-05-01') {
  const home = tempHome();
  let today = day;
  const h = (...args: string[]): Result => run(args, { home, env: now(today) });
  return { home, h, on: (d: string) => (today = d) };
}

/** Every file under `dir`, recursively. */
function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(join(dir, d.name)) : [join(dir, d.name)]));
}
const holding = (dir: string, word: string) => files(dir).filter((f) => readFileSync(f, 'utf8').includes(word));

function withZuzanna() {
  const u = user();
  u.h('people', 'add', NAME, '--every', '1w', '--alias', ALIAS);
  u.h('people', 'add', 'Ben', '--every', '2w');
  u.h('checkin', '--mood', '4', '--answer', `Called ${NAME}, then texted Ben.`, '--with', 'zuz', '--with', 'Ben', '--how', 'call', '--intention', `Ask ${ALIAS} about the move`);
  u.h('note', `Lunch with @${ALIAS}. The Zuzannas at work are not her.`, '--tag', ALIAS);
  u.h('people', 'log', NAME, '--date', 'yesterday');
  return u;
}

describe('remove and --forget', () => {
  it('remove takes someone off the list; past entries keep the name', () => {
    const { h } = withZuzanna();
    expect(h('people', 'remove', 'zuz', '--yes').stdout).toMatch(/Removed Zuzanna Quill from your people\. Past entries still show the name/);
    expect(h('people').stdout).not.toContain(NAME);
    expect(h('journal').stdout).toContain(`With ${NAME} and Ben (call)`);
    expect(h('people', 'log', NAME).code).toBe(2); // no longer in the list
    expect(JSON.parse(h('journal', '--person', NAME, '--json').stdout)).toHaveLength(3); // still findable
    expect(h('people', 'add', NAME).code).toBe(0); // the name is free again
  });

  it('--forget: no file under HARMONY_HOME and no new backup holds the name; entries say "someone you removed"', () => {
    const { home, h, on } = withZuzanna();
    // The shell reminder's cache names the one waiting longest in this mode: it must forget too.
    h('config', 'set', 'reminderPeople', 'names');
    on('2026-05-20');
    h('note', 'A quiet day.');
    expect(readFileSync(join(home, 'remind-cache.txt'), 'utf8')).toContain(NAME);
    expect(holding(home, NAME).length).toBeGreaterThan(2);
    const r = h('people', 'remove', ALIAS, '--forget', '--yes');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Forgotten\. .* from 2 entries/);
    expect(r.stdout).toMatch(/Exports and backups you made before .* still hold it/);
    for (const word of [NAME, ALIAS]) expect(holding(home, word), word).toEqual([]);
    const list = h('journal');
    expect(list.stdout).toContain('With someone you removed and Ben (call)');
    expect(list.stdout).toContain('Lunch with someone you removed.');
    expect(list.stdout).toContain('Zuzannas'); // only whole words go
    const backup = h('export', '--format', 'json');
    const md = h('export');
    for (const out of [backup.stdout, md.stdout]) {
      expect(out).not.toContain(NAME);
      expect(out).not.toContain(ALIAS);
    }
    expect(md.stdout).toContain('With someone you removed and Ben (call)');
    const doc = JSON.parse(readFileSync(join(home, 'people.json'), 'utf8'));
    expect(doc.people[0]).toMatchObject({ forgotten: true, aliases: [] });
    expect(doc.people[0]).not.toHaveProperty('name');
    expect(h('journal', '--person', NAME).code).toBe(2);
    expect(statSync(join(home, 'people.json')).mode & 0o777).toBe(0o600);
  });

  it('--forget also cleans what sync set aside, and says the sync history still holds the name', () => {
    const { home, h } = withZuzanna();
    mkdirSync(join(home, 'conflict-copies', 'journal'), { recursive: true });
    writeFileSync(join(home, 'conflict-copies', 'journal', '2026-05 (conflicted copy 2026-05-01 101010).json'), JSON.stringify({ text: `lunch with ${NAME}` }));
    mkdirSync(join(home, '.git'));
    const r = h('people', 'remove', NAME, '--forget', '--yes');
    expect(r.stdout).toMatch(/out of 1 file in conflict-copies\//);
    expect(r.stdout).toMatch(/sync history \(git.*still holds earlier versions/);
    expect(holding(home, NAME)).toEqual([]);
  });

  it('a removed person can still be forgotten, by id', () => {
    const { home, h } = withZuzanna();
    const id = JSON.parse(readFileSync(join(home, 'people.json'), 'utf8')).people[0].id;
    h('people', 'remove', NAME, '--yes');
    expect(h('people', 'remove', id, '--forget', '--yes').code).toBe(0);
    expect(holding(home, NAME)).toEqual([]);
  });

  it('an old backup imported after --forget does not bring the name back into people.json', () => {
    const { home, h } = withZuzanna();
    const old = join(tempHome(), 'old.json');
    h('export', '--format', 'json', '--out', old);
    h('people', 'remove', NAME, '--forget', '--yes');
    expect(h('import', old).code).toBe(0);
    expect(readFileSync(join(home, 'people.json'), 'utf8')).not.toContain(NAME);
  });
});

describe('names never in errors or --debug output', () => {
  it('failing commands quote no name, with or without --debug', () => {
    const { home, h } = withZuzanna();
    const cases = [
      ['people', 'add', NAME],
      ['people', 'log', 'Zuzanna Q', '--date', '2099-01-01'],
      ['people', 'log', 'Quill'],
      ['people', 'show', 'Zuzanna Quil'.toUpperCase() + 'x'],
      ['people', 'edit', NAME, '--name', 'Ben'],
      ['people', 'edit', NAME, '--alias', 'Ben'],
      ['people', 'edit', NAME, '--drop-alias', 'Zed'],
      ['people', 'edit', NAME],
      ['people', 'remove', NAME],
      ['people', 'snooze', NAME, '--until', 'yesterday'],
      ['checkin', '--mood', '3', '--answer', 'x', '--with', 'Zuzanna Quillx'],
      ['note', 'x', '--with', 'Zuzanna Quillx'],
      ['journal', '--person', 'Zuzanna Quillx'],
    ];
    for (const args of cases) {
      for (const debug of [[], ['--debug']]) {
        const r = h(...args, ...debug);
        expect(r.code, args.join(' ')).toBe(2);
        expect(r.stderr, args.join(' ')).not.toMatch(/zuzanna|quill|zuzu/i);
      }
    }
    // A corrupt people.json: the error names the file and the field, never a name.
    const file = join(home, 'people.json');
    const doc = JSON.parse(readFileSync(file, 'utf8'));
    doc.people[0].every = `every ${NAME}`;
    writeFileSync(file, JSON.stringify(doc));
    for (const args of [['people'], ['people', 'show', 'ben'], ['remind', '--debug'], ['journal', '--debug'], ['stats', '--debug']]) {
      const r = h(...args);
      expect(r.stderr + r.stdout, args.join(' ')).not.toMatch(/zuzanna|quill|zuzu/i);
    }
  });
});

describe('a corrupt people.json', () => {
  it('stops the commands that need it with exit 3 naming the file; remind stays quiet; the rest go on', () => {
    const { home, h, on } = withZuzanna();
    const file = join(home, 'people.json');
    writeFileSync(file, '{"schemaVersion": 1, "people": [');
    const before = readFileSync(file, 'utf8');
    for (const args of [['people'], ['people', 'add', 'Kim'], ['people', 'log', 'Ben'], ['journal'], ['journal', '--person', 'Ben'], ['export'], ['export', '--format', 'json'], ['checkin', '--date', 'yesterday', '--mood', '3', '--answer', 'x', '--with', 'Ben'], ['note', 'x', '--with', 'Ben']]) {
      const r = h(...args);
      expect(r.code, args.join(' ')).toBe(3);
      expect(r.stderr, args.join(' ')).toContain(file);
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
    }
    on('2026-05-20');
    const remind = h('remind');
    expect(remind.code).toBe(0);
    expect(remind.stderr).toBe('');
    expect(remind.stdout.trim().split('\n')).toHaveLength(1); // the streak line, no people line
    expect(h('remind', '--debug').stderr).toMatch(/no line about people because: .*people\.json/);
    expect(h('checkin', '--mood', '3', '--answer', 'still works').code).toBe(0);
    const home_ = h();
    expect(home_.code).toBe(0);
    expect(home_.stderr).toContain(file);
    expect(h('stats').code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(before);
    writeFileSync(file, JSON.stringify({ schemaVersion: 9, people: [] }));
    expect(h('people').stderr).toMatch(/newer harmony/);
  });
});

describe('the JSON backup carries people and connections', () => {
  it('restores them into a fresh home, where the due rule picks up; a version 1 backup still imports', () => {
    const { h } = withZuzanna();
    const out = join(tempHome(), 'b.json');
    expect(h('export', '--format', 'json', '--out', out).code).toBe(0);
    const backup = JSON.parse(readFileSync(out, 'utf8'));
    expect(backup.schemaVersion).toBe(2);
    expect(backup.people.people.map((p: { name: string }) => p.name)).toEqual([NAME, 'Ben']);
    expect(backup.entries.filter((e: { with?: string[] }) => e.with).length).toBe(3);
    const fresh = user('2026-05-20');
    const r = fresh.h('import', out);
    expect(r.stdout).toMatch(/People were merged \(2 people added\)/);
    expect(JSON.parse(fresh.h('people', '--due', '--json').stdout).map((p: { name: string; lastConnection: string }) => [p.name, p.lastConnection])).toEqual([
      [NAME, '2026-05-01'], // a week's rhythm: further past it than Ben's two weeks
      ['Ben', '2026-05-01'],
    ]);
    expect(fresh.h('import', out).stdout).toMatch(/People: nothing new/);
    // Version 1 (before people): no people key; imports as a backup with nobody in it.
    const v1 = { ...backup, schemaVersion: 1, entries: backup.entries.filter((e: { with?: string[] }) => !e.with) };
    delete v1.people;
    const v1file = join(tempHome(), 'v1.json');
    writeFileSync(v1file, JSON.stringify(v1));
    const older = user('2026-05-20');
    const imported = older.h('import', v1file);
    expect(imported.code, imported.stderr).toBe(0);
    expect(older.h('people').stdout).toMatch(/No one here yet/);
    // A later backup without people is refused, naming what is missing.
    const broken = join(tempHome(), 'broken.json');
    writeFileSync(broken, JSON.stringify({ ...backup, people: undefined }));
    expect(older.h('import', broken).stderr).toMatch(/people is not an object/);
  });
});

describe('two terminals at once', () => {
  it('logging connections at the same time loses none', async () => {
    const { home, h, on } = user('2026-04-01');
    h('people', 'add', 'Ana', '--every', '1w');
    h('people', 'add', 'Ben', '--every', '1w');
    const runs = await Promise.all(
      Array.from({ length: 8 }, (_, i) => runAsync(['people', 'log', i % 2 ? 'Ana' : 'Ben', '--date', `2026-04-${String(21 + i).padStart(2, '0')}`], { home, env: now('2026-05-01') })),
    );
    for (const r of runs) expect(r.code, r.stderr).toBe(0);
    on('2026-05-01');
    const entries = JSON.parse(h('journal', '--json').stdout) as { date: string }[];
    expect(entries.map((e) => e.date).sort()).toEqual(Array.from({ length: 8 }, (_, i) => `2026-04-${21 + i}`));
    const people = JSON.parse(h('people', '--json').stdout) as { name: string; lastConnection: string }[];
    expect(people.map((p) => [p.name, p.lastConnection]).sort()).toEqual([['Ana', '2026-04-28'], ['Ben', '2026-04-27']]);
    // And adding people from two terminals at once keeps everyone.
    const adds = await Promise.all(['Cy', 'Di', 'Ed', 'Flo'].map((n) => runAsync(['people', 'add', n], { home, env: now('2026-05-01') })));
    for (const r of adds) expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(h('people', '--json').stdout)).toHaveLength(6);
  });
});
