// Conflict copies from Syncthing, Dropbox and Nextcloud (issue 17), named as those tools name
// them, with the content such a copy really has: the other machine's version of the file
// (its own new entries, its own edit of an entry both had). The next command merges each
// into the real file, moves it into conflict-copies/, and says so in one line.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Entry } from '../../src/core/entry.js';
import { supersede, tombstoneFor } from '../../src/core/versions.js';
import { findConflictCopies, matchCopy } from '../../src/store/conflict-copies.js';
import { cleanupHomes, run, tempHome } from '../helpers/cli.js';

afterAll(cleanupHomes);

const entry = (id: string, date: string, answer: string): Entry => ({
  id, kind: 'checkin', date, createdAt: `${date}T20:00:00+02:00`, principle: 'trust', mood: 4, answers: [{ prompt: 'What did you notice?', answer }],
});
const month = (entries: Entry[], deleted?: unknown[]) => JSON.stringify({ schemaVersion: 1, entries, ...(deleted ? { deleted } : {}) }, null, 1) + '\n';

describe('conflict copy names', () => {
  it('knows each tool\'s pattern, and the file it is a copy of', () => {
    expect(matchCopy('2026-05.sync-conflict-20260510-211502-MFZWI3D.json')).toEqual({ tool: 'Syncthing', original: '2026-05.json' });
    expect(matchCopy("2026-05 (Ana's MacBook Pro's conflicted copy 2026-05-10).json")).toEqual({ tool: 'Dropbox', original: '2026-05.json' });
    expect(matchCopy("quiz (desktop’s conflicted copy 2026-05-10 (1)).json")).toEqual({ tool: 'Dropbox', original: 'quiz.json' });
    expect(matchCopy('state (conflicted copy 2026-05-10 211502).json')).toEqual({ tool: 'Nextcloud', original: 'state.json' });
    expect(matchCopy('state (conflicted copy ana 2026-05-10 211502).json')).toEqual({ tool: 'Nextcloud', original: 'state.json' });
    // A copy of a copy is a copy of the first file.
    expect(matchCopy('2026-05.sync-conflict-20260510-211502-MFZWI3D.sync-conflict-20260511-080000-ABCDEF2.json')?.original).toBe('2026-05.json');
    for (const name of ['2026-05.json', 'notes (conflicted copy).txt', 'index-2026.json', 'config.json.sync-conflict', "my conflicted copy.json"]) expect(matchCopy(name), name).toBeNull();
  });
});

describe('conflict copies on the next command', { timeout: 120_000 }, () => {
  it('merges a copy from each tool into the real file, keeps both versions of an entry both changed, and moves the copies aside', () => {
    const home = tempHome();
    mkdirSync(join(home, 'journal'));
    const shared = entry('20260503-aaaa', '2026-05-03', 'We talked for an hour.');
    const mine = supersede(shared, { ...shared, answers: [{ prompt: 'What did you notice?', answer: 'We talked for an hour, phones away.' }], updatedAt: '2026-05-04T08:00:00+02:00' });
    const theirs = supersede(shared, { ...shared, answers: [{ prompt: 'What did you notice?', answer: 'We talked for an hour; I listened more.' }], updatedAt: '2026-05-04T09:00:00+02:00' });
    const gone = entry('20260505-dddd', '2026-05-05', 'A test entry I deleted.');
    writeFileSync(join(home, 'journal', '2026-05.json'), month([mine, entry('20260506-bbbb', '2026-05-06', 'Only on this laptop.')], [tombstoneFor(gone, '2026-05-06T10:00:00+02:00')]));
    // Syncthing: the desktop's version of the month, with its own new entry and its own edit, still holding the deleted one.
    writeFileSync(join(home, 'journal', '2026-05.sync-conflict-20260507-211502-MFZWI3D.json'), month([theirs, gone, entry('20260507-cccc', '2026-05-07', 'Only on the desktop.')]));
    // Nextcloud: the other machine's progress, with a lesson this one has not read.
    writeFileSync(join(home, 'state.json'), JSON.stringify({ schemaVersion: 1, lessonsRead: { trust: '2026-05-02' }, promptsUsed: { 'What did you notice?': '2026-05-06' } }));
    writeFileSync(join(home, 'state (conflicted copy 2026-05-07 211502).json'), JSON.stringify({ schemaVersion: 1, lessonsRead: { intimacy: '2026-05-07' }, promptsUsed: { 'What did you notice?': '2026-05-07' } }));
    // Dropbox: a quiz.json from the other machine, with a card answered there.
    const card = { due: '2026-05-09T00:00:00.000Z', dueDay: '2026-05-09', lastDay: '2026-05-07', lastAt: '2026-05-07T19:00:00.000Z', lastCorrect: true, stability: 2.3, difficulty: 5.1, scheduledDays: 2, reps: 1, lapses: 0, state: 'review' };
    writeFileSync(join(home, 'quiz.json'), JSON.stringify({ schemaVersion: 2, cards: {} }));
    writeFileSync(join(home, "quiz (Ana's desktop's conflicted copy 2026-05-07).json"), JSON.stringify({ schemaVersion: 2, cards: { 'trust-1': card } }));
    expect(findConflictCopies(home).map((c) => c.tool)).toEqual(['Syncthing', 'Dropbox', 'Nextcloud']);

    const r = run(['journal', '--json'], { home });
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^harmony: merged 3 conflict copies from Syncthing, Dropbox and Nextcloud into journal\/2026-05\.json, quiz\.json and state\.json \(nothing lost\); see .*conflict-copies\/\d{8}-\d{6}Z\.$/);
    const entries = JSON.parse(r.stdout) as Entry[];
    expect(entries.map((e) => e.id).sort()).toEqual(['20260503-aaaa', '20260506-bbbb', '20260507-cccc']); // the delete holds
    const both = entries.find((e) => e.id === '20260503-aaaa')!;
    expect([both.answers[0]!.answer, both.conflicts?.[0]?.answers[0]!.answer]).toEqual(['We talked for an hour; I listened more.', 'We talked for an hour, phones away.']);
    expect(JSON.parse(readFileSync(join(home, 'state.json'), 'utf8')).lessonsRead).toEqual({ intimacy: '2026-05-07', trust: '2026-05-02' });
    expect(Object.keys(JSON.parse(readFileSync(join(home, 'quiz.json'), 'utf8')).cards)).toEqual(['trust-1']);
    // The copies are out of the way, where the user can look at them, and not found again.
    expect(findConflictCopies(home)).toEqual([]);
    const [stamp] = readdirSync(join(home, 'conflict-copies'));
    expect(readdirSync(join(home, 'conflict-copies', stamp!, 'journal'))).toEqual(['2026-05.sync-conflict-20260507-211502-MFZWI3D.json']);
    expect(run(['journal', '--json'], { home }).stderr).toBe('');
    // journal show tells of the conflict, and harmony conflicts resolves it.
    const shown = run(['journal', 'show', '20260503-aaaa', '--no-pager'], { home });
    expect(shown.stdout).toContain('Changed on two machines at once; the other version:');
    expect(shown.stdout).toContain('phones away');
    // Its other version is found by search and exported too: the user's words, until resolved.
    expect(JSON.parse(run(['journal', '--search', 'phones away', '--json'], { home }).stdout).map((e: Entry) => e.id)).toEqual(['20260503-aaaa']);
    const md = run(['export'], { home }).stdout;
    expect(md).toContain('phones away');
    expect(md).toContain('I listened more');
    expect(md).toContain('(the version from another machine, not yet resolved)');
    const kept = run(['conflicts', '20260503-aaaa', '--keep', 'both'], { home });
    expect(kept.code, kept.stderr).toBe(0);
    const after = JSON.parse(run(['journal', '--json'], { home }).stdout) as Entry[];
    expect(after.filter((e) => e.conflicts)).toEqual([]);
    expect(after.map((e) => e.answers[0]!.answer)).toEqual(expect.arrayContaining(['We talked for an hour; I listened more.', 'We talked for an hour, phones away.']));
  });

  it('moves an unreadable copy aside unmerged, drops a copy of the day index, leaves a newer harmony\'s copy', () => {
    const home = tempHome();
    mkdirSync(join(home, 'journal'));
    writeFileSync(join(home, 'journal', '2026-05.json'), month([entry('20260503-aaaa', '2026-05-03', 'Kept.')]));
    writeFileSync(join(home, 'journal', '2026-05 (laptop\'s conflicted copy 2026-05-07).json'), '{"schemaVersion": 1, "entries": [{"id": "2026'); // cut off
    writeFileSync(join(home, 'journal', 'index-2026 (conflicted copy 2026-05-07 101010).json'), '{}');
    writeFileSync(join(home, 'state.sync-conflict-20260507-211502-MFZWI3D.json'), JSON.stringify({ schemaVersion: 99, lessonsRead: {}, promptsUsed: {} }));
    const r = run(['journal', '--json'], { home });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('moved a conflict copy aside unmerged (it could not be read)');
    expect(r.stderr).toContain('left a conflict copy in place (written by a newer harmony: upgrade harmony here)');
    const [stamp] = readdirSync(join(home, 'conflict-copies'));
    expect(readdirSync(join(home, 'conflict-copies', stamp!, 'journal'))).toEqual(["2026-05 (laptop's conflicted copy 2026-05-07).json"]);
    expect(existsSync(join(home, 'journal', 'index-2026 (conflicted copy 2026-05-07 101010).json'))).toBe(false);
    expect(existsSync(join(home, 'state.sync-conflict-20260507-211502-MFZWI3D.json'))).toBe(true);
    expect(JSON.parse(r.stdout).map((e: Entry) => e.id)).toEqual(['20260503-aaaa']);
  });

  it('gives a Syncthing folder a .stignore for the lock, temp files and caches (never replacing one)', () => {
    const home = tempHome();
    mkdirSync(join(home, '.stfolder'));
    expect(run(['journal'], { home }).code).toBe(0);
    const ignore = readFileSync(join(home, '.stignore'), 'utf8');
    for (const line of ['(?d).~*', '(?d)*.tmp', '(?d).switch', '(?d)journal/index-*.json', 'device.json']) expect(ignore).toContain(line);
    writeFileSync(join(home, '.stignore'), 'mine\n');
    run(['journal'], { home });
    expect(readFileSync(join(home, '.stignore'), 'utf8')).toBe('mine\n');
  });
});
