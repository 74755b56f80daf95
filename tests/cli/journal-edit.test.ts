// harmony journal edit: driven by a tiny "editor" script set as $VISUAL.
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/index.js';
import { cleanupHomes, run, tempHome } from '../helpers/cli.js';
import { addEntries, entry } from '../helpers/journal-fixtures.js';

const NOW = '2026-05-10T12:00:00Z';
afterAll(cleanupHomes);

// The "editor": applies EDIT_FROM -> EDIT_TO to the file, records the file's mode, exits EDIT_EXIT.
const SCRIPT = `
import { readFileSync, statSync, writeFileSync } from 'node:fs';
const file = process.argv[2];
writeFileSync(process.env.EDIT_LOG, JSON.stringify({ file, mode: statSync(file).mode & 0o777 }));
if (process.env.EDIT_FROM) writeFileSync(file, readFileSync(file, 'utf8').replace(process.env.EDIT_FROM, process.env.EDIT_TO ?? ''));
if (process.env.EDIT_MEANWHILE) {
  // Another window changes the same entry while the editor is open.
  const doc = JSON.parse(readFileSync(process.env.EDIT_MEANWHILE, 'utf8'));
  doc.entries[0].mood = 1;
  writeFileSync(process.env.EDIT_MEANWHILE, JSON.stringify(doc));
}
process.exit(Number(process.env.EDIT_EXIT ?? 0));
`;

async function setup() {
  const home = tempHome();
  const script = join(home, 'fake-editor.mjs');
  writeFileSync(script, SCRIPT);
  await addEntries(home, [
    entry('2026-05-09', { id: '20260509-edit', mood: 3, answers: [{ prompt: 'What happened?', answer: 'First draft\nsecond line' }], intention: 'Be kind' }),
    entry('2026-05-09', { id: '20260509-othr', createdAt: '2026-05-09T22:00:00+00:00' }),
  ]);
  const month = join(home, 'journal', '2026-05.json');
  const log = join(home, 'editor-log.json');
  const edit = (env: Record<string, string | undefined>, id = '20260509-edit') =>
    run(['journal', 'edit', id], { home, env: { HARMONY_NOW: NOW, VISUAL: `"${process.execPath}" "${script}"`, EDITOR: undefined, EDIT_LOG: log, ...env } });
  return { home, month, log, edit, script };
}

describe('harmony journal edit', () => {
  it('saves a real change, stamps updatedAt, and leaves the other entries alone', async () => {
    const { home, edit, log } = await setup();
    const r = edit({ EDIT_FROM: 'second line', EDIT_TO: 'second line, better' });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Saved your changes');
    const [edited, other] = (await new Store(home).journal.all());
    expect(edited!.answers[0]!.answer).toBe('First draft\nsecond line, better');
    expect(edited!.updatedAt).toBe('2026-05-10T12:00:00+00:00');
    expect(other).toEqual(entry('2026-05-09', { id: '20260509-othr', createdAt: '2026-05-09T22:00:00+00:00' }));
    // The text was private and is cleaned up.
    const { file, mode } = JSON.parse(readFileSync(log, 'utf8'));
    expect(mode).toBe(0o600);
    expect(existsSync(file)).toBe(false);
  });

  it('writes nothing when the text comes back unchanged', async () => {
    const { month, edit } = await setup();
    const before = { text: readFileSync(month, 'utf8'), mtime: statSync(month).mtimeMs };
    const r = edit({});
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('No changes');
    expect(readFileSync(month, 'utf8')).toBe(before.text);
    expect(statSync(month).mtimeMs).toBe(before.mtime);
  });

  it('refuses an invalid edit with the reason, changes nothing, and keeps the edited text', async () => {
    const { month, edit } = await setup();
    const before = readFileSync(month, 'utf8');
    for (const [from, to, reason] of [
      ['mood: 3', 'mood: 9', 'mood must be a whole number from 1 to 5'],
      ['id: 20260509-edit', 'id: 20260509-hack', 'id cannot change (it is 20260509-edit)'],
      ['date: 2026-05-09', 'date: 2026-05-01', 'date cannot change'],
      ['kind: checkin', 'kind: reflection', 'kind cannot change'],
      ['principle: trust', 'principle: nonsense', 'principle must be'],
      ['answers:', 'answers: [', 'line '],
    ]) {
      const r = edit({ EDIT_FROM: from, EDIT_TO: to });
      expect(r.code, reason).toBe(2);
      expect(r.stderr).toContain(`Edit refused, nothing changed: ${reason}`);
      const kept = /Your edited text is in (\S+)/.exec(r.stderr)![1]!;
      expect(readFileSync(kept, 'utf8')).toContain(to);
      rmSync(dirname(kept), { recursive: true });
      expect(readFileSync(month, 'utf8')).toBe(before);
    }
  });

  it('does not overwrite a change made in another window meanwhile', async () => {
    const { home, month, edit } = await setup();
    const r = edit({ EDIT_FROM: 'Be kind', EDIT_TO: 'Mine', EDIT_MEANWHILE: month });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('changed in another window');
    const kept = /Your edited text is in (\S+)/.exec(r.stderr)![1]!;
    rmSync(dirname(kept), { recursive: true });
    const now = (await new Store(home).journal.get('20260509-edit'))!;
    expect(now.mood).toBe(1);
    expect(now.intention).toBe('Be kind');
  });

  it('exits 130 and changes nothing when the editor fails', async () => {
    const { month, edit } = await setup();
    const before = readFileSync(month, 'utf8');
    const r = edit({ EDIT_FROM: 'First draft', EDIT_TO: 'Changed', EDIT_EXIT: '1' });
    expect(r.code).toBe(130);
    expect(r.stderr).toContain('exited with status 1; nothing changed');
    expect(readFileSync(month, 'utf8')).toBe(before);
  });

  it('uses the editor setting before $VISUAL', async () => {
    const { home, edit, script } = await setup();
    writeFileSync(join(home, 'config.json'), JSON.stringify({ schemaVersion: 1, editor: `"${process.execPath}" "${script}"` }));
    const r = edit({ VISUAL: 'false', EDIT_FROM: 'Be kind', EDIT_TO: 'Be kinder' });
    expect(r.code).toBe(0);
    expect((await new Store(home).journal.get('20260509-edit'))!.intention).toBe('Be kinder');
  });

  it('without a terminal and with no editor configured: exit 2 naming VISUAL / EDITOR', async () => {
    const { edit } = await setup();
    const r = edit({ VISUAL: undefined, EDITOR: undefined });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('set VISUAL or EDITOR');
  });

  it('exits 2 for an unknown id without opening the editor', async () => {
    const { edit, log } = await setup();
    const r = edit({}, '20260509-none');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('No journal entry has the id');
    expect(existsSync(log)).toBe(false);
  });
});
