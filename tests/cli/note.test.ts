// harmony note through the built binary: saved at once, from words, a pipe or flags; never
// counted for the streak unless the setting says so; shown, searched, edited and exported.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupHomes, ESCAPE, run, tempHome } from '../helpers/cli.js';

const NOW = { HARMONY_NOW: '2026-05-10T12:00:00Z' };
afterAll(cleanupHomes);

const json = (home: string, args: string[]) => JSON.parse(run(args, { home, env: NOW }).stdout);

describe('harmony note', () => {
  it('saves the words as typed, with #tags, principle, mood and date', () => {
    const home = tempHome();
    const r = run(['note', 'Talked', 'to', 'Ana', 'for', 'an', 'hour,', 'it', 'helped.', '#family', '--tag', 'calls'], { home, env: NOW });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/✓ Note saved for today \(2026-05-10\) · 20260510-/);
    const back = run(['note', '--date', 'yesterday', '--principle', 'trust', '--mood', '4', 'Kept my word to Sam.'], { home, env: NOW });
    expect(back.code).toBe(0);
    const notes = json(home, ['journal', '--kind', 'note', '--json']);
    expect(notes.map((n: { date: string; text: string; tags?: string[]; principle?: string; mood?: number }) => [n.date, n.text, n.tags, n.principle, n.mood])).toEqual([
      ['2026-05-10', 'Talked to Ana for an hour, it helped. #family', ['calls', 'family'], undefined, undefined],
      ['2026-05-09', 'Kept my word to Sam.', undefined, 'trust', 4],
    ]);
  });

  it('reads a pipe exactly (lines, emoji), and refuses an empty note or a future day (exit 2, nothing written)', () => {
    const home = tempHome();
    expect(run(['note'], { home, env: NOW, input: 'First line\nsecond 🙂\n' }).code).toBe(0);
    expect(json(home, ['journal', '--json'])[0].text).toBe('First line\nsecond 🙂');
    const empty = run(['note'], { home, env: NOW, input: '  \n' });
    expect([empty.code, empty.stderr]).toEqual([2, 'harmony: Nothing to save: the note is empty.\n']);
    const future = run(['note', '--date', '2026-05-11', 'x'], { home, env: NOW });
    expect(future.code).toBe(2);
    expect(future.stderr).toMatch(/in the future/);
    expect(run(['note', '--mood', '9', 'x'], { home, env: NOW }).code).toBe(2);
    expect(json(home, ['journal', '--json'])).toHaveLength(1);
  });

  it('does not count for the streak by default; notesCountForStreak on makes it count', () => {
    const home = tempHome();
    run(['note', 'A thought.'], { home, env: NOW });
    expect(json(home, ['stats', '--json']).streak.current).toBe(0);
    expect(run(['remind'], { home, env: NOW }).stdout).not.toBe('');
    expect(run(['config', 'set', 'notesCountForStreak', 'on'], { home, env: NOW }).code).toBe(0);
    expect(json(home, ['stats', '--json']).streak.current).toBe(1);
    expect(run(['remind'], { home, env: NOW }).stdout).toBe('');
  });

  it('is found by search, shown safely, edited in the editor without losing its tags, exported', () => {
    const home = tempHome();
    run(['note', 'Escapes \u001b[2J stay shown #tagged'], { home, env: NOW });
    const list = run(['journal', '--search', 'tagged', '--no-pager'], { home, env: NOW });
    expect(list.stdout).toMatch(/note/);
    expect(list.stdout).not.toMatch(ESCAPE);
    const id = json(home, ['journal', '--json'])[0].id as string;
    // An "editor" that rewrites the text line (a script, as a GUI editor would be configured).
    const editor = join(home, 'ed.sh');
    writeFileSync(editor, `#!/bin/sh\nsed -i 's/^text: .*/text: Rewritten by hand/' "$1"\n`, { mode: 0o755 });
    const edit = run(['journal', 'edit', id], { home, env: { ...NOW, VISUAL: editor } });
    expect(edit.code).toBe(0);
    const after = json(home, ['journal', 'show', id, '--json']);
    expect([after.text, after.tags, after.kind]).toEqual(['Rewritten by hand', ['tagged'], 'note']);
    const md = run(['export'], { home, env: NOW }).stdout;
    expect(md).toMatch(/#### 2026-05-10 · Note/);
    expect(md).toMatch(/> Rewritten by hand/);
    const backup = JSON.parse(run(['export', '--format', 'json'], { home, env: NOW }).stdout);
    expect(backup.entries[0]).toMatchObject({ kind: 'note', text: 'Rewritten by hand', tags: ['tagged'] });
    const other = tempHome();
    writeFileSync(join(other, 'b.json'), JSON.stringify(backup));
    expect(run(['import', join(other, 'b.json')], { home: other, env: NOW }).code).toBe(0);
    expect(json(other, ['journal', '--json'])[0]).toEqual(after);
    expect(readFileSync(join(home, 'ed.sh'), 'utf8')).toMatch(/sed/);
  });
});
