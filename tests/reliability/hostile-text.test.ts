// Hostile text: answers holding terminal escape sequences, NUL and other control characters,
// 1 MB of text, right-to-left scripts, bidi overrides, emoji and combining marks. Each must be
// stored exactly (the stored JSON value equals the input), shown safely (nothing raw that a
// terminal would act on) and exported intact (JSON exact; markdown still a valid document).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { marked } from 'marked';
import { lint } from 'markdownlint/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanupHomes, tempHome } from '../helpers/cli.js';
import { listCommands, spawnBin } from './support.js';

const NOW = { HARMONY_NOW: '2025-03-10T12:00:00Z', PAGER: 'cat' };
const C0 = Array.from({ length: 31 }, (_, i) => String.fromCharCode(i + 1)).join(''); // not NUL: argv cannot hold it
const C1 = Array.from({ length: 32 }, (_, i) => String.fromCharCode(0x80 + i)).join('');

/** Texts that go through command-line flags (at most ~128 kB each, no NUL: execve limits). */
const VIA_FLAGS: Record<string, string> = {
  escapes: 'before \u001b[2J\u001b[H\u001b]0;pwned\u0007\u001b[31mred\u001b[0m \u001bP+q\u001b\\ \u001b[6n after',
  controls: `c0 ${C0} del \u007f c1 ${C1} end`,
  rtl: 'שלום עולם — مرحبا بالعالم \u202eevil override\u202c \u2066isolate\u2069 \u200fRLM',
  emoji: '👩‍👩‍👧‍👦 🏳️‍🌈 🇳🇱 e\u0301 Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇ 𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
  markdown: '# not a heading\n```\n<script>alert(1)</script>\n---\n> quote\n1. list\n[link](http://x.example) *x* _y_ |a|b|',
  breaks: 'one\rtwo\r\nthree\u2028four\u2029five\n\n\nsix\t\ttabs   ',
  long: 'a long answer with ünïcödé and 🌿 '.repeat(2_800), // ~100 kB
};

/** Texts only an import can carry: NUL, 1 MB in one answer, a lone surrogate. */
const MEGABYTE = 'One megabyte of words, ünïcödé, 🙂, \u001b[2J and a tab\there.\n'.repeat(16_500);
const VIA_IMPORT: Record<string, string> = {
  nul: 'nul \u0000 inside \u0000\u0000 twice',
  megabyte: MEGABYTE,
  loneSurrogate: 'lone \ud800 high and \udc00 low',
};

// Nothing a terminal would act on: C0 other than newline and tab, DEL, C1, bidi controls.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const firstUnsafe = (text: string) => {
  const at = text.search(UNSAFE);
  return at < 0 ? null : `U+${text.codePointAt(at)!.toString(16).padStart(4, '0')} at ${at}: ${JSON.stringify(text.slice(Math.max(0, at - 30), at + 10))}`;
};

afterAll(cleanupHomes);
const available = new Set((await listCommands(tempHome())).map((c) => c.join(' ')));
const ready = ['checkin', 'reflect', 'journal', 'journal show', 'export', 'import'].filter((c) => !available.has(c));
if (ready.length) console.log(`hostile text: not yet covered, commands missing: ${ready.join(', ')}`);

describe.skipIf(ready.length > 0)('hostile text', () => {
  const home = tempHome('harmony-hostile-');
  const saved = new Map<string, { id: string; text: string }>(); // case name -> entry

  beforeAll(async () => {
    for (const [name, text] of Object.entries(VIA_FLAGS)) {
      // One check-in a day: the second goes to yesterday.
      const args = name === 'controls' || name === 'breaks'
        ? ['checkin', '--mood', '2', '--principle', 'trust', '--answer', text, '--intention', text, '--json', ...(name === 'breaks' ? ['--date', 'yesterday'] : [])]
        : ['reflect', 'intimacy', '--answer', text, '--commitment', text, '--json'];
      const r = await spawnBin(args, { home, env: NOW });
      expect(r.code, `${name}: ${r.stderr}`).toBe(0);
      // Check-in and reflect trim whitespace around an answer (core/checkin.ts cleanEntry, by
      // design); everything inside must be kept byte for byte.
      saved.set(name, { id: (JSON.parse(r.stdout) as { id: string }).id, text: text.trim() });
    }
    // The import carries what argv cannot: written as a harmony backup file.
    const entries = Object.entries(VIA_IMPORT).map(([name, text], i) => {
      const id = `2025030${i + 1}-imp${i}`;
      saved.set(name, { id, text });
      return {
        id, kind: 'reflection', date: `2025-03-0${i + 1}`, createdAt: `2025-03-0${i + 1}T09:00:00+00:00`, principle: 'wellbeing',
        answers: [{ prompt: 'What happened?', answer: text }], intention: text,
      };
    });
    const backup = join(home, 'backup.json');
    // A real (empty) backup from harmony itself, with our entries put in.
    const empty = await spawnBin(['export', '--format', 'json'], { home: tempHome(), env: NOW });
    writeFileSync(backup, JSON.stringify({ ...JSON.parse(empty.stdout), entries }));
    const r = await spawnBin(['import', backup], { home, env: NOW, timeout: 60_000 });
    expect(r.code, r.stderr).toBe(0);
  }, 120_000);

  const storedEntries = () =>
    readdirSync(join(home, 'journal'))
      .filter((n) => /^\d{4}-\d{2}\.json$/.test(n))
      .flatMap((n) => (JSON.parse(readFileSync(join(home, 'journal', n), 'utf8')) as { entries: any[] }).entries);

  it('stores every text exactly: the stored JSON value equals what was typed', () => {
    const byId = new Map(storedEntries().map((e) => [e.id, e]));
    for (const [name, { id, text }] of saved) {
      const e = byId.get(id);
      expect(e, name).toBeDefined();
      expect(JSON.stringify(e.answers[0].answer), `${name} answer`).toBe(JSON.stringify(text));
      expect(JSON.stringify(e.intention), `${name} intention`).toBe(JSON.stringify(text));
    }
  });

  it('shows every text safely: journal show / list / search print nothing a terminal would act on', async () => {
    const views: string[][] = [['journal', 'list'], ['journal', 'list', '--search', 'pwned'], ['journal', 'show', '2025-03-10'], ['journal', 'list', '--limit', '50']];
    for (const { id } of saved.values()) views.push(['journal', 'show', id]);
    if (available.has('stats')) views.push(['stats']);
    views.push([]); // the home screen
    for (const args of views) {
      const r = await spawnBin(args, { home, env: NOW, timeout: 60_000 });
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
      expect(firstUnsafe(r.stdout), `harmony ${args.join(' ')} stdout`).toBeNull();
      expect(firstUnsafe(r.stderr), `harmony ${args.join(' ')} stderr`).toBeNull();
    }
    // The escape sequence is still visible, as a picture, not lost.
    const show = await spawnBin(['journal', 'show', saved.get('escapes')!.id], { home, env: NOW });
    expect(show.stdout).toContain('␛[2J');
    expect(show.stdout).toContain('pwned');
    const json = await spawnBin(['journal', 'list', '--json'], { home, env: NOW, timeout: 60_000 });
    expect(json.stdout).not.toMatch(/\u001b/); // JSON escapes it: \u001b
  }, 120_000);

  it('exports JSON intact: every text exact, and the backup imports into a new home identically', async () => {
    const out = join(home, 'export.json');
    const r = await spawnBin(['export', '--format', 'json', '--out', out, '--force'], { home, env: NOW, timeout: 60_000 });
    expect(r.code, r.stderr).toBe(0);
    const exported = JSON.parse(readFileSync(out, 'utf8')) as { entries: any[] };
    const byId = new Map(exported.entries.map((e) => [e.id, e]));
    for (const [name, { id, text }] of saved) {
      expect(JSON.stringify(byId.get(id)?.answers[0].answer), name).toBe(JSON.stringify(text));
      expect(JSON.stringify(byId.get(id)?.intention), name).toBe(JSON.stringify(text));
    }
    const fresh = tempHome('harmony-hostile-copy-');
    const back = await spawnBin(['import', out], { home: fresh, env: NOW, timeout: 60_000 });
    expect(back.code, back.stderr).toBe(0);
    const copy = await spawnBin(['export', '--format', 'json'], { home: fresh, env: NOW, timeout: 60_000 });
    expect((JSON.parse(copy.stdout) as { entries: unknown[] }).entries).toEqual(exported.entries);
  }, 120_000);

  it('exports markdown that is still a valid document: structure intact, lint-clean, nothing raw', async () => {
    const out = join(home, 'export.md');
    const r = await spawnBin(['export', '--out', out, '--force'], { home, env: NOW, timeout: 60_000 });
    expect(r.code, r.stderr).toBe(0);
    const md = readFileSync(out, 'utf8');
    expect(firstUnsafe(md.replace(/\t/g, ' '))).toBeNull();
    // Exactly the headings harmony wrote (title, year, months, one per entry): no text of the
    // user's became a heading, an HTML block, a code block or a thematic break.
    const top = marked.lexer(md);
    const headings = top.filter((t) => t.type === 'heading').map((t) => (t as { depth: number }).depth);
    expect(headings.filter((d) => d === 4)).toHaveLength(saved.size);
    expect(headings.filter((d) => d === 1)).toHaveLength(1);
    expect(top.filter((t) => ['html', 'code', 'hr', 'table'].includes(t.type))).toEqual([]);
    for (const word of ['pwned', 'שלום', 'مرحبا', '👩‍👩‍👧‍👦', 'alert(1)', 'One megabyte of words']) expect(md).toContain(word);
    // markdownlint takes ~20 s on the megabyte entry, so it checks every other entry, in two
    // exports either side of that day (2025-03-02).
    for (const range of [['--to', '2025-03-01'], ['--from', '2025-03-03']]) {
      const part = await spawnBin(['export', ...range], { home, env: NOW, timeout: 60_000 });
      expect(part.code, part.stderr).toBe(0);
      expect(lint({ strings: { part: part.stdout } }).part, range.join(' ')).toEqual([]);
    }
  }, 120_000);
});
