import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/ui/markdown.js';

const ESC = '\u001b';
const md = [
  '# Title',
  '',
  '## A section',
  '',
  '- **Bold lead:** then plain text',
  '- a `code span` inside an item',
  '',
  '> A quoted line',
  '',
].join('\n');

describe('renderMarkdown', () => {
  it('keeps bold and code inside list items (marked 13+ with marked-terminal dropped them)', () => {
    const out = renderMarkdown(md, { color: true, width: 80 });
    expect(out).toContain(`${ESC}[1mBold lead:${ESC}[22m`);
    expect(out).toMatch(new RegExp(`${ESC}\\[33mcode span${ESC}\\[39m`));
    expect(out).not.toContain('**Bold lead:**');
    expect(out).not.toContain('`code span`');
  });

  it('renders clean text without colour: no escape codes, no markdown markers in items', () => {
    const out = renderMarkdown(md, { color: false, width: 80 });
    expect(out).not.toContain(ESC);
    expect(out).toContain('Bold lead: then plain text');
    expect(out).toContain('code span');
    expect(out).toContain('A quoted line');
    expect(out).toContain('## A section');
  });

  it('wraps to the width it is given', () => {
    const long = 'word '.repeat(60);
    const lines = renderMarkdown(long, { color: false, width: 50 }).split('\n');
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(50);
  });
});
