// harmony journal list / show / delete through the built binary.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/index.js';
import { cleanupHomes, ESCAPE, run, tempHome } from '../helpers/cli.js';
import { addEntries, entry } from '../helpers/journal-fixtures.js';

const NOW = { HARMONY_NOW: '2026-05-10T12:00:00Z' };
let home: string;

const HOSTILE = 'Pasted \u001b]0;pwned\u0007 title and \u001b[2J clear and \u009b2J C1';

beforeAll(async () => {
  home = tempHome();
  await addEntries(home, [
    entry('2026-03-30', { id: '20260330-aaaa', principle: 'attention', answers: [{ prompt: 'Where was your attention?', answer: 'On my PHONE, mostly.' }] }),
    entry('2026-05-03', { id: '20260503-bbbb', kind: 'reflection', mood: undefined, principle: 'communication', answers: [{ prompt: 'What did you say?', answer: 'We talked it through.' }], intention: 'Ask Maria first' }),
    entry('2026-05-09', { id: '20260509-cccc', createdAt: '2026-05-09T08:00:00+00:00', answers: [{ prompt: 'Morning?', answer: HOSTILE }] }),
    entry('2026-05-09', { id: '20260509-dddd', createdAt: '2026-05-09T21:00:00+00:00', mood: 5, answers: [{ prompt: 'Evening?', answer: 'Great call with Sam.' }] }),
    entry('2026-05-10', { id: '20260510-eeee', mood: 2, answers: [] , intention: 'Rest' }),
  ]);
});
afterAll(cleanupHomes);

const journal = (...args: string[]) => run(['journal', ...args], { home, env: NOW });
const ids = (stdout: string) => [...stdout.matchAll(/\b(2026\d{4}-[a-z0-9]{4})\b/g)].map((m) => m[1]);

describe('harmony journal (list)', () => {
  it('lists newest first, two lines an entry, with date, kind, principle and mood', () => {
    const r = journal();
    expect(r.code).toBe(0);
    expect(ids(r.stdout)).toEqual(['20260510-eeee', '20260509-dddd', '20260509-cccc', '20260503-bbbb', '20260330-aaaa']);
    expect(r.stdout).toMatch(/^Sat 2026-05-09 +check-in +trust +mood 5 great +20260509-dddd\n {4}Great call with Sam\.$/m);
    expect(r.stdout).toMatch(/mostly\.\n\n5 entries/);
    expect(r.stdout).toContain('reflection  communication');
    expect(r.stdout).toContain('5 entries, newest first');
    expect(run(['journal', 'list'], { home, env: NOW }).stdout).toBe(r.stdout);
  });

  it('filters by relative and absolute dates, principle, kind, search and limit', () => {
    expect(ids(journal('--from', 'yesterday').stdout)).toEqual(['20260510-eeee', '20260509-dddd', '20260509-cccc']);
    expect(ids(journal('--from', '7d', '--to', 'yesterday').stdout)).toEqual(['20260509-dddd', '20260509-cccc', '20260503-bbbb']);
    expect(ids(journal('--to', '2026-04-30').stdout)).toEqual(['20260330-aaaa']);
    expect(ids(journal('--from', 'today', '--to', 'today').stdout)).toEqual(['20260510-eeee']);
    expect(ids(journal('--principle', '2').stdout)).toEqual(['20260503-bbbb']);
    expect(ids(journal('--kind', 'checkin', '--limit', '2').stdout)).toEqual(['20260510-eeee', '20260509-dddd']);
    expect(ids(journal('--search', 'phone').stdout)).toEqual(['20260330-aaaa']);
    expect(ids(journal('--search', 'MARIA').stdout)).toEqual(['20260503-bbbb']); // the intention
    expect(ids(journal('--search', 'what did you say').stdout)).toEqual(['20260503-bbbb']); // a prompt
    const none = journal('--search', 'nothing like this');
    expect(none.code).toBe(0);
    expect(none.stdout).toContain('No entries match');
  });

  it('exits 2 on a filter it cannot read, naming the flag', () => {
    for (const [args, text] of [
      [['--from', 'someday'], '--from must be today, yesterday, Nd'],
      [['--to', '2026-02-30'], '--to must be'],
      [['--principle', 'love'], '--principle "love" is not a principle'],
      [['--kind', 'quiz'], '--kind must be checkin or reflection'],
      [['--limit', '0'], '--limit must be a whole number'],
      [['--from', 'today', '--to', 'yesterday'], 'is after --to'],
    ] as const) {
      const r = journal(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain(text);
      expect(r.stdout).toBe('');
    }
  });

  it('prints full entries as JSON with --json, filters applied', () => {
    const r = journal('--json', '--from', 'yesterday', '--kind', 'checkin');
    const data = JSON.parse(r.stdout);
    expect(data.map((e: { id: string }) => e.id)).toEqual(['20260510-eeee', '20260509-dddd', '20260509-cccc']);
    expect(data[2].answers[0].answer).toBe(HOSTILE); // faithful data: escapes are JSON escapes
    expect(r.stdout).not.toMatch(ESCAPE);
    expect(r.stdout).not.toContain('\u009b');
    expect(JSON.parse(journal('--json', '--search', 'zzz').stdout)).toEqual([]);
  });

  it('says so when the journal is empty', () => {
    const r = run(['journal'], { home: tempHome(), env: NOW });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Your journal is empty');
  });
});

describe('stored escape sequences never reach the terminal raw', () => {
  for (const args of [[], ['show', '20260509-cccc'], ['show', 'yesterday'], ['list', '--search', 'pasted']]) {
    for (const env of [{}, { FORCE_COLOR: '1' }]) {
      it(`journal ${args.join(' ')} ${env.FORCE_COLOR ? '(colour)' : ''}`, () => {
        const r = run(['journal', ...args], { home, env: { ...NOW, ...env } });
        expect(r.code).toBe(0);
        expect(r.stdout).toContain('␛]0;pwned␇');
        expect(r.stdout).toContain('␛[2J');
        expect(r.stdout).not.toContain('\u001b]');
        expect(r.stdout).not.toContain('\u001b[2J');
        expect(r.stdout).not.toContain('\u0007');
        expect(r.stdout).not.toContain('\u009b');
        if (!env.FORCE_COLOR) expect(r.stdout).not.toMatch(ESCAPE);
      });
    }
  }
});

describe('harmony journal show', () => {
  it('shows one entry by id, laid out with prompts and answers', () => {
    const r = journal('show', '20260503-bbbb');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Reflection · Sun 2026-05-03 · Quality Communication');
    expect(r.stdout).toContain('What did you say?\n  We talked it through.');
    expect(r.stdout).toContain('One thing I will do\n  Ask Maria first');
    expect(r.stdout).not.toContain('20260509');
  });

  it('shows every entry of a day, by date or today / yesterday / Nd', () => {
    for (const ref of ['2026-05-09', 'yesterday', '1d']) {
      const r = journal('show', ref);
      expect(r.code).toBe(0);
      expect(ids(r.stdout)).toEqual(['20260509-cccc', '20260509-dddd']);
    }
    expect(journal('show', 'today').stdout).toContain('Intention\n  Rest');
    const empty = journal('show', '2026-01-01');
    expect(empty.code).toBe(0);
    expect(empty.stdout).toContain('No entries on 2026-01-01.');
    expect(JSON.parse(journal('show', 'yesterday', '--json').stdout)).toHaveLength(2);
    expect(JSON.parse(journal('show', '20260510-eeee', '--json').stdout).intention).toBe('Rest');
  });

  it('exits 2 for an unknown id or something that is neither id nor date', () => {
    const missing = journal('show', '20260509-zzzz');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('No journal entry has the id "20260509-zzzz"');
    const nonsense = journal('show', 'last-tuesday');
    expect(nonsense.code).toBe(2);
    expect(nonsense.stderr).toContain('neither an entry id');
  });
});

describe('harmony journal delete', () => {
  it('without a terminal and without --yes: exit 2, nothing deleted', async () => {
    const h = tempHome();
    await addEntries(h, [entry('2026-05-01', { id: '20260501-keep' })]);
    const file = join(h, 'journal', '2026-05.json');
    const before = readFileSync(file, 'utf8');
    const r = run(['journal', 'delete', '20260501-keep'], { home: h, env: NOW });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--yes');
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('deletes with --yes, and then the id is gone (exit 2 on a second try)', async () => {
    const h = tempHome();
    await addEntries(h, [entry('2026-05-01', { id: '20260501-gone' }), entry('2026-05-02', { id: '20260502-stay' })]);
    const r = run(['journal', 'delete', '20260501-gone', '--yes'], { home: h, env: NOW });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Deleted the check-in of 2026-05-01');
    expect((await new Store(h).journal.all()).map((e) => e.id)).toEqual(['20260502-stay']);
    expect(Object.keys((await new Store(h).journal.days()))).toEqual(['2026-05-02']);
    const again = run(['journal', 'rm', '20260501-gone', '-y'], { home: h, env: NOW });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('No journal entry has the id');
  });
});
