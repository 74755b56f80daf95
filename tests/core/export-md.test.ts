import { marked, type Token, type Tokens } from 'marked';
import { lint } from 'markdownlint/sync';
import { describe, expect, it } from 'vitest';
import type { Entry } from '../../src/core/entry.js';
import { entryHeading, journalMarkdown, MarkdownJournal, quoteLines } from '../../src/core/export-md.js';
import { safeText } from '../../src/ui/safe.js';
import { entry } from '../helpers/journal-fixtures.js';

// Everything a diary might contain that means something in markdown or to a terminal.
const HOSTILE = [
  '# Not a heading\n## Nor this\nSetext?\n===\nAnd this\n---',
  '- a list\n* star\n+ plus\n1. one\n2) two\n10. ten',
  '> quoted\n>> deeper',
  '```js\nalert(1)\n```\n~~~\ntilde fence\n~~~\n````\nlonger',
  '<div>html block</div>\n<script>alert(1)</script>\n<!-- comment -->\ninline <b>bold</b> & &amp; &#35; &copy;',
  '***\n___\n- - -\n* * *',
  '    indented code\n\tTab code\n  two spaces',
  '[ref]: https://example.com\n[link](https://evil.example) ![img](x.png) [ref]',
  '| a | b |\n|---|---|\n| 1 | 2 |',
  '**bold** __bold__ *em* _em_ `code` ``co`de`` ~~del~~ ~sub~',
  'ends with a backslash \\\nand \\\\ two\n\\',
  'trailing spaces   \nnext line\n\n\n\nafter three blank lines',
  'bare www.example.com and https://example.com/x and me@example.com',
  'terminal: \u001b]0;pwned\u0007 and \u001b[2J and \u009b31m and \r carriage',
  'A long line that goes on and on. '.repeat(12) + 'x'.repeat(120) + ' tail',
  '',
  '   \n\t\n',
  '2024. a year\n(1) fine\n#hashtag\n\\# escaped already',
  '[^1] footnote\n\n[^1]: the note',
  '$$ math $$ and $x$',
];

function hostileEntries(): Entry[] {
  return HOSTILE.map((text, i) =>
    entry(`2025-${String((i % 12) + 1).padStart(2, '0')}-0${(i % 3) + 1}`, {
      kind: i % 2 ? 'reflection' : 'checkin',
      mood: i % 2 ? undefined : (i % 5) + 1,
      answers: [
        { prompt: `Prompt ${i} # with <b>html</b> and *stars*?`, answer: text },
        { prompt: 'A plain prompt?', answer: 'A plain answer.' },
      ],
      intention: text === '' ? undefined : text,
    }),
  );
}

/** The plain text of inline tokens: what a renderer would show. */
function inlineText(tokens: Token[] = []): string {
  return tokens
    .map((t) => {
      if (t.type === 'br') return '\n';
      if (t.type === 'text' || t.type === 'escape') return 'tokens' in t && t.tokens ? inlineText(t.tokens) : (t as Tokens.Text).text;
      throw new Error(`unexpected inline token ${t.type}: ${JSON.stringify(t.raw)}`);
    })
    .join('');
}

/** What the user's text should read as: made safe (a lone CR counts as a line break), whitespace folded. */
const folded = (s: string) => s.replace(/[\s\u00a0]+/g, ' ').trim();
const expected = (s: string) => folded(safeText(s.replace(/\r\n?/g, '\n'))) || '(no answer)';

describe('journalMarkdown', () => {
  const entries = hostileEntries();
  const md = journalMarkdown(entries, { exportedOn: '2026-05-10' });
  const tokens = marked.lexer(md);

  it('keeps its structure whatever the user wrote: only our headings, paragraphs and quotes', () => {
    const types = new Set(tokens.map((t) => t.type));
    expect([...types].sort()).toEqual(['blockquote', 'heading', 'paragraph', 'space']);
    for (const t of tokens) {
      if (t.type === 'blockquote') {
        for (const inner of (t as Tokens.Blockquote).tokens) expect(['paragraph', 'space']).toContain(inner.type);
      }
      if (t.type === 'paragraph' || t.type === 'heading') inlineText((t as Tokens.Paragraph).tokens); // throws on links, code, html, em…
    }
    expect(md).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });

  it('has the title, one heading per year and month, and every entry heading in date order', () => {
    const headings = tokens.filter((t): t is Tokens.Heading => t.type === 'heading');
    expect(headings.filter((h) => h.depth === 1).map((h) => h.text)).toEqual(['Harmony journal']);
    expect(headings.filter((h) => h.depth === 2).map((h) => h.text)).toEqual(['2025']);
    expect(headings.filter((h) => h.depth === 3).map((h) => h.text)).toEqual(
      ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'].map((m) => `${m} 2025`),
    );
    const sorted = [...entries].sort((a, b) => a.date.localeCompare(b.date));
    expect(headings.filter((h) => h.depth === 4).map((h) => h.text.replace(/ \(\d+\)$/, ''))).toEqual(sorted.map(entryHeading));
    expect(headings.find((h) => h.depth === 4)!.text).toMatch(/^2025-01-01 · Check-in · Trust$/);
  });

  it('shows every answer and intention as a quote with exactly the text the user wrote', () => {
    const quotes = tokens.filter((t): t is Tokens.Blockquote => t.type === 'blockquote');
    const got = quotes.map((q) => folded(q.tokens.map((p) => ('tokens' in p && p.tokens ? inlineText(p.tokens) : '')).join(' ')));
    const sorted = [...entries].sort((a, b) => a.date.localeCompare(b.date));
    const want = sorted.flatMap((e) => [...e.answers.map((a) => expected(a.answer)), ...(e.intention && e.intention.trim() ? [expected(e.intention)] : [])]);
    expect(got).toEqual(want);
  });

  it('keeps the user\'s line breaks as hard breaks', () => {
    const html = marked.parse(journalMarkdown([entry('2026-01-01', { answers: [{ prompt: 'p', answer: 'one\ntwo\n\nthree' }] })], { exportedOn: '2026-01-02' })) as string;
    expect(html).toContain('<blockquote>\n<p>one<br>two</p>\n<p>three</p>\n</blockquote>');
  });

  it('passes markdownlint with its default rules', () => {
    const result = lint({ strings: { export: md } });
    expect(result.export).toEqual([]);
  });

  it('numbers repeated headings so each is unique', () => {
    const same = [entry('2026-01-01'), entry('2026-01-01', { createdAt: '2026-01-01T21:00:00+00:00' })];
    const out = journalMarkdown(same, { exportedOn: '2026-01-02' });
    expect(out).toContain('#### 2026-01-01 · Check-in · Trust\n');
    expect(out).toContain('#### 2026-01-01 · Check-in · Trust (2)\n');
    expect(lint({ strings: { out } }).out).toEqual([]);
  });

  it('is a valid, lint-clean document with no entries too, and escapes the scope note', () => {
    const out = journalMarkdown([], { exportedOn: '2026-01-02', scope: 'Filtered: containing "<b>#x</b>".' });
    expect(out).toContain('0 entries');
    expect(marked.lexer(out).map((t) => t.type)).toEqual(['heading', 'space', 'paragraph']);
    expect(lint({ strings: { out } }).out).toEqual([]);
  });

  it('is the same document when built a month at a time', () => {
    const doc = new MarkdownJournal({ exportedOn: '2026-05-10' });
    const byMonth = new Map<string, Entry[]>();
    for (const e of entries) byMonth.set(e.date.slice(0, 7), [...(byMonth.get(e.date.slice(0, 7)) ?? []), e]);
    const parts = [...byMonth.keys()].sort().map((m) => doc.addMonth(byMonth.get(m)!));
    expect(parts.every((p) => p !== null && p.startsWith('\n\n'))).toBe(true);
    expect(doc.head() + parts.join('') + '\n').toBe(md);
  });

  it('refuses a month whose entries belong before those already added, or whose time cannot be read', () => {
    const doc = new MarkdownJournal({ exportedOn: '2026-05-10' });
    expect(doc.addMonth([entry('2026-02-01')])).not.toBeNull();
    expect(doc.addMonth([entry('2026-03-01'), entry('2026-01-31')])).toBeNull();
    expect(doc.addMonth([entry('2026-03-01', { createdAt: '2026-03-01T25:00:00+00:00' })])).toBeNull();
    expect(doc.addMonth([entry('2026-03-01')])).not.toBeNull();
    expect(doc.head()).toContain('2 entries, from 2026-02-01 to 2026-03-01');
  });

  it('quoteLines keeps lines within 80 columns where there are spaces to wrap at', () => {
    const lines = quoteLines('word '.repeat(100));
    expect(lines.length).toBeGreaterThan(5);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(76);
  });
});
