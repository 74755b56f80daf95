// The coaching loop from flags (no terminal): practices, the follow-up, and how entries carry
// them into journal show, the markdown export and the JSON backup.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadContentFrom } from '../../src/content/parse.js';
import { cleanupHomes, ROOT, run, tempHome } from '../helpers/cli.js';

afterAll(cleanupHomes);
/** A trust practice from the installed content (its ids and wording may change). */
const P = loadContentFrom(join(ROOT, 'content')).practices.find((p) => p.principle === 'trust')!;
const at = (day: string, time = '18:00:00') => `${day}T${time}Z`;
const journal = (home: string) =>
  existsSync(join(home, 'journal'))
    ? readdirSync(join(home, 'journal')).filter((n) => /^\d{4}-\d{2}\.json$/.test(n)).sort().flatMap((n) => JSON.parse(readFileSync(join(home, 'journal', n), 'utf8')).entries)
    : [];
const h = (home: string, args: string[], day = '2025-03-10', time?: string) => run(args, { home, env: { HARMONY_NOW: at(day, time) } });
const checkin = (home: string, day: string, more: string[] = []) => h(home, ['checkin', '--mood', '3', '--answer', `answer on ${day}`, ...more], day);

describe('practices from flags', () => {
  it('--practice ID takes it; harmony practice shows it; practice done marks it, with a note', () => {
    const home = tempHome();
    expect(checkin(home, '2025-03-10', ['--principle', 'trust', '--practice', P.id]).code).toBe(0);
    const [entry] = journal(home);
    expect(entry.practice).toEqual({ id: P.id, text: P.text });
    const shown = JSON.parse(h(home, ['practice', '--json']).stdout);
    expect(shown).toMatchObject({ taken: true, done: false, principle: 'trust', practice: { id: P.id, minutes: P.minutes } });
    const done = h(home, ['practice', 'done', '--note', 'Sent it at last'], '2025-03-10', '21:00:00');
    expect([done.code, done.stdout]).toEqual([0, expect.stringContaining('✓ Practice done')]);
    expect(journal(home)[0].practice).toMatchObject({ done: '2025-03-10T21:00:00+00:00', note: 'Sent it at last' });
    expect(h(home, ['practice', 'done'], '2025-03-10', '22:00:00').stdout).toContain('Already done at 21:00');
    const state = JSON.parse(readFileSync(join(home, 'state.json'), 'utf8'));
    expect(state.practicesOffered).toEqual({ [P.id]: '2025-03-10' });
  });

  it('--practice skip takes none; without the flag and a terminal none is taken either', () => {
    const home = tempHome();
    expect(checkin(home, '2025-03-10', ['--practice', 'skip']).code).toBe(0);
    expect(checkin(home, '2025-03-11').code).toBe(0);
    expect(journal(home).map((e) => e.practice)).toEqual([undefined, undefined]);
  });

  it('practice done without a check-in today is exit 2 saying what to do; after a check-in without one it records the practice shown', () => {
    const home = tempHome();
    const early = h(home, ['practice', 'done']);
    expect([early.code, early.stderr]).toEqual([2, expect.stringContaining('Check in first')]);
    expect(readdirSync(home)).toEqual([]);
    checkin(home, '2025-03-10', ['--principle', 'intimacy']);
    const shown = JSON.parse(h(home, ['practice', '--json']).stdout);
    expect(shown).toMatchObject({ taken: false, principle: 'intimacy' });
    expect(h(home, ['practice', 'done']).code).toBe(0);
    expect(journal(home)[0].practice).toMatchObject({ id: shown.practice.id, done: expect.any(String) });
  });

  it('an unknown practice id is exit 2 naming valid ids, before anything is saved', () => {
    const home = tempHome();
    const r = checkin(home, '2025-03-10', ['--principle', 'trust', '--practice', 'trust-nope']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Unknown practice "trust-nope". Valid: skip, or an id such as trust-/);
    expect(r.stderr).toContain('harmony practice list');
    expect(journal(home)).toEqual([]);
  });

  it('practice list names every practice with its id; --json has when each was last offered', () => {
    const home = tempHome();
    checkin(home, '2025-03-10', ['--practice', P.id]);
    const out = h(home, ['practice', 'list', '--principle', 'trust']).stdout;
    expect(out).toContain(P.id);
    expect(out).not.toContain('attention-');
    const rows = JSON.parse(h(home, ['practice', 'list', '--json']).stdout);
    expect(rows.find((r: { id: string }) => r.id === P.id).lastOffered).toBe('2025-03-10');
    expect(new Set(rows.map((r: { principle: string }) => r.principle)).size).toBe(5);
  });
});

describe('the follow-up from flags', () => {
  it('without a terminal and without --followup it stays open (never an error), then --followup answers it once', () => {
    const home = tempHome();
    checkin(home, '2025-03-10', ['--intention', 'When I wake up, I will text Ana', '--practice', P.id]);
    expect(checkin(home, '2025-03-11').code).toBe(0); // still open
    expect(journal(home)[1].followUp).toBeUndefined();
    const r = checkin(home, '2025-03-13', ['--followup', 'kept,missed', '--followup-note', 'Ana called first', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const first = journal(home)[0];
    expect(JSON.parse(r.stdout).followUp).toEqual({ entryId: first.id, intention: 'kept', practice: 'missed', note: 'Ana called first' });
    // Answered once: nothing is open now.
    const again = checkin(home, '2025-03-14', ['--followup', 'kept']);
    expect([again.code, again.stderr]).toEqual([2, expect.stringContaining('nothing to follow up')]);
  });

  it('bad --followup values, a follow-up for nothing open, or for a filled-in day: exit 2, nothing saved', () => {
    const home = tempHome();
    const nothing = checkin(home, '2025-03-10', ['--followup', 'kept']);
    expect([nothing.code, nothing.stderr]).toEqual([2, expect.stringContaining('nothing to follow up')]);
    checkin(home, '2025-03-10', ['--intention', 'plan']);
    const before = journal(home);
    const bad = checkin(home, '2025-03-11', ['--followup', 'done']);
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringContaining('--followup must be kept, partly, missed, dropped')]);
    const past = h(home, ['checkin', '--date', 'yesterday', '--mood', '3', '--answer', 'x', '--followup', 'kept'], '2025-03-12');
    expect([past.code, past.stderr]).toEqual([2, expect.stringContaining('not a filled-in day')]);
    const note = checkin(home, '2025-03-11', ['--followup-note', 'alone']);
    expect([note.code, note.stderr]).toEqual([2, expect.stringContaining('--followup-note goes with --followup')]);
    expect(journal(home)).toEqual(before);
  });

  it('a practice marked done counts as kept, whatever --followup says for the practice', () => {
    const home = tempHome();
    checkin(home, '2025-03-10', ['--practice', P.id]);
    h(home, ['practice', 'done']);
    checkin(home, '2025-03-11', ['--followup', 'missed']);
    expect(journal(home)[1].followUp).toEqual({ entryId: journal(home)[0].id, practice: 'kept' });
  });
});

describe('where the new fields go', () => {
  function sample() {
    const home = tempHome();
    checkin(home, '2025-03-10', ['--principle', 'trust', '--intention', 'When Sam writes, I will answer the same day', '--practice', P.id]);
    checkin(home, '2025-03-11', ['--followup', 'partly', '--followup-note', 'Half of it *really*']);
    return home;
  }

  it('journal show and the markdown export show the practice and the follow-up', () => {
    const home = sample();
    const show = h(home, ['journal', 'show', '2025-03-11', '--no-pager'], '2025-03-11').stdout;
    expect(show).toContain('Followed up 2025-03-10');
    expect(show).toContain('intention partly · practice partly');
    expect(show).toContain('Half of it *really*');
    const first = h(home, ['journal', 'show', '2025-03-10', '--no-pager'], '2025-03-11').stdout;
    expect(first).toMatch(new RegExp(`Practice\\n\\s+${P.text.split(' ').slice(0, 3).join(' ')}`));
    const md = h(home, ['export'], '2025-03-11').stdout;
    expect(md).toContain('Followed up 2025-03-10:');
    expect(md).toContain('> Half of it \\*really\\*');
    expect(md).toContain('Practice:');
  });

  it('the JSON backup carries them and imports into a fresh home; an older backup without them still imports', () => {
    const home = sample();
    const backup = h(home, ['export', '--format', 'json'], '2025-03-11').stdout;
    const file = join(home, 'backup.json');
    writeFileSync(file, backup);
    const fresh = tempHome();
    const r = h(fresh, ['import', file], '2025-03-11');
    expect(r.code, r.stderr).toBe(0);
    expect(journal(fresh)).toEqual(journal(home));
    expect(JSON.parse(readFileSync(join(fresh, 'state.json'), 'utf8')).practicesOffered).toEqual({ [P.id]: '2025-03-10' });
    // Before issue 12: no practice, no followUp, a state without the new fields.
    const old = JSON.parse(backup);
    for (const e of old.entries) delete e.practice, delete e.followUp;
    old.state = { schemaVersion: 1, lessonsRead: {}, promptsUsed: {} };
    writeFileSync(file, JSON.stringify(old));
    const third = tempHome();
    expect(h(third, ['import', file], '2025-03-11').code).toBe(0);
    expect(journal(third)).toHaveLength(2);
  });
});
