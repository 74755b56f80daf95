// harmony export through the built binary: markdown and JSON, stdout and --out.
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { marked, type Tokens } from 'marked';
import { lint } from 'markdownlint/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanupHomes, ESCAPE, run, tempHome } from '../helpers/cli.js';
import { addEntries, entry } from '../helpers/journal-fixtures.js';

const NOW = { HARMONY_NOW: '2026-05-10T12:00:00Z' };
let home: string;

beforeAll(async () => {
  home = tempHome();
  await addEntries(home, [
    entry('2025-12-31', { id: '20251231-aaaa', answers: [{ prompt: 'Year end?', answer: '# I am not a heading\n```\nnor a fence' }] }),
    entry('2026-01-02', { id: '20260102-bbbb', principle: 'intimacy', answers: [{ prompt: 'Close?', answer: '<script>x</script> and \u001b]0;pwned\u0007' }] }),
    entry('2026-05-09', { id: '20260509-cccc', kind: 'reflection', mood: undefined, intention: '- not a list' }),
  ]);
});
afterAll(cleanupHomes);

const exp = (...args: string[]) => run(['export', ...args], { home, env: NOW });

describe('harmony export (markdown)', () => {
  it('prints one document to stdout: every entry heading, grouped by year and month, nothing injected', () => {
    const r = exp();
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const headings = marked.lexer(r.stdout).filter((t): t is Tokens.Heading => t.type === 'heading').map((h) => `${h.depth} ${h.text}`);
    expect(headings).toEqual([
      '1 Harmony journal',
      '2 2025',
      '3 December 2025',
      '4 2025-12-31 · Check-in · Trust',
      '2 2026',
      '3 January 2026',
      '4 2026-01-02 · Check-in · Intimacy',
      '3 May 2026',
      '4 2026-05-09 · Reflection · Trust',
    ]);
    const types = new Set(marked.lexer(r.stdout).map((t) => t.type));
    expect([...types].sort()).toEqual(['blockquote', 'heading', 'paragraph', 'space']);
    expect(r.stdout).not.toMatch(ESCAPE);
    expect(lint({ strings: { out: r.stdout } }).out).toEqual([]);
  });

  it('applies the list filters and says so in the document', () => {
    const r = exp('--from', '2026-01-01', '--principle', 'intimacy');
    expect(r.stdout).toContain('#### 2026-01-02');
    expect(r.stdout).not.toContain('#### 2025-12-31');
    expect(r.stdout).not.toContain('#### 2026-05-09');
    expect(r.stdout).toContain('Filtered: dates 2026-01-01 to today, principle intimacy.');
    expect(exp('--from', 'nonsense').code).toBe(2);
  });

  it('writes --out atomically with mode 0600, and refuses to overwrite without --force', () => {
    const dir = tempHome('harmony-out-');
    const file = join(dir, 'journal.md');
    const first = run(['export', '--out', file], { home, env: NOW, cwd: dir });
    expect(first.code).toBe(0);
    expect(first.stdout).toBe('');
    expect(first.stderr).toContain(`Wrote 3 entries as markdown to ${file}`);
    expect(readFileSync(file, 'utf8')).toBe(exp().stdout);
    expect(statSync(file).mode & 0o777).toBe(0o600);

    writeFileSync(file, 'my notes');
    const again = run(['export', '--out', 'journal.md'], { home, env: NOW, cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('journal.md already exists; add --force');
    expect(readFileSync(file, 'utf8')).toBe('my notes');

    const forced = run(['export', '--out', 'journal.md', '--force', '--kind', 'reflection'], { home, env: NOW, cwd: dir });
    expect(forced.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('#### 2026-05-09 · Reflection');
    expect(readFileSync(file, 'utf8')).not.toContain('#### 2025-12-31');
  });

  it('keeps date order when an entry was moved into another month\'s file by hand', async () => {
    // stdout is built a month file at a time; this is the case where that cannot work.
    const h = tempHome();
    await addEntries(h, ['2026-01-10', '2026-02-05', '2026-02-15', '2026-02-20'].map((d) => entry(d)));
    const file = (m: string) => join(h, 'journal', `${m}.json`);
    const jan = JSON.parse(readFileSync(file('2026-01'), 'utf8'));
    const feb = JSON.parse(readFileSync(file('2026-02'), 'utf8'));
    jan.entries.push(...feb.entries.splice(1, 1)); // 2026-02-15
    writeFileSync(file('2026-01'), JSON.stringify(jan));
    writeFileSync(file('2026-02'), JSON.stringify(feb));
    const r = run(['export'], { home: h, env: NOW });
    expect(r.code).toBe(0);
    expect([...r.stdout.matchAll(/^#### (\S+)/gm)].map((m) => m[1])).toEqual(['2026-01-10', '2026-02-05', '2026-02-15', '2026-02-20']);
    const out = join(tempHome('harmony-out-'), 'journal.md');
    expect(run(['export', '--out', out], { home: h, env: NOW }).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(r.stdout);
  });

  it('exits 2 with a clear message when --out cannot be written', () => {
    const dir = tempHome('harmony-out-');
    mkdirSync(join(dir, 'a-folder'));
    const missing = exp('--out', join(dir, 'no', 'such', 'dir.md'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no such file or folder');
    const folder = exp('--out', join(dir, 'a-folder'), '--force');
    expect(folder.code).toBe(2);
    expect(folder.stderr).toContain('Cannot write');
    expect(exp('--force').code).toBe(2);
    expect(exp('--format', 'pdf').code).toBe(2);
  });
});

describe('harmony export --format json', () => {
  it('is a complete, versioned backup of everything harmony stores', async () => {
    const h = tempHome();
    await addEntries(h, [entry('2026-05-01', { id: '20260501-json', answers: [{ prompt: 'p', answer: 'C1 \u009b and \u001b[2J' }] })]);
    writeFileSync(join(h, 'config.json'), JSON.stringify({ schemaVersion: 1, name: 'Sam', dayStartHour: 4 }));
    writeFileSync(join(h, 'state.json'), JSON.stringify({ schemaVersion: 1, lessonsRead: { trust: '2026-05-01' }, promptsUsed: {} }));
    const r = run(['export', '--format', 'json'], { home: h, env: NOW });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(ESCAPE);
    expect(r.stdout).not.toContain('\u009b');
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc)).toEqual(['format', 'schemaVersion', 'exportedAt', 'settings', 'state', 'quiz', 'people', 'entries']);
    expect(doc).toMatchObject({
      format: 'harmony-backup',
      schemaVersion: 2,
      exportedAt: '2026-05-10T12:00:00+00:00',
      settings: { schemaVersion: 1, name: 'Sam', dayStartHour: 4, color: 'auto', reminder: true },
      state: { lessonsRead: { trust: '2026-05-01' } },
      quiz: { schemaVersion: 1, cards: {}, log: [] },
      people: { schemaVersion: 1, people: [] },
    });
    expect(doc.entries).toEqual([entry('2026-05-01', { id: '20260501-json', answers: [{ prompt: 'p', answer: 'C1 \u009b and \u001b[2J' }] })]);
  });
});
