import { describe, expect, it } from 'vitest';
import { escapeInline, quote, wrap } from '../../src/core/md-escape.js';
import { safeText } from '../../src/ui/safe.js';

describe('escapeInline', () => {
  it('escapes markdown characters, and bare links only where they would link', () => {
    expect(escapeInline('a*b_c `d` [e](f) <g> #h |i| ~j~ &k; \\l')).toBe('a\\*b\\_c \\`d\\` \\[e\\](f) \\<g\\> \\#h \\|i\\| \\~j\\~ \\&k; \\\\l');
    // "www." only at a word start (any case), ":" only before "//", every "@".
    expect(escapeInline('Www.x awww.y _www.z (www.w) a@b http://x a:/b')).toBe('Www\\.x awww.y \\_www.z (www\\.w) a\\@b http\\://x a:/b');
  });

  it('turns leading spaces and tabs into no-break spaces, inner tabs into spaces, and drops trailing space', () => {
    expect(escapeInline('  \tx\ty \u3000 ')).toBe(`${'\u00a0'.repeat(6)}x    y`);
  });
});

describe('quote', () => {
  it('keeps line breaks as hard breaks, folds blank runs, escapes line starts after wrapping', () => {
    expect(quote('one\ntwo\n\n\n- three', 76)).toBe('> one\\\n> two\n>\n> \\- three');
    expect(quote(`${'word '.repeat(15)}1. x`, 76)).toBe(`> ${'word '.repeat(15).trim()}\n> 1\\. x`);
    expect(quote(' \n\t\n', 76)).toBe('> (no answer)');
  });

  it('makes every control character visible, in one-line answers too', () => {
    // One-line answers without markdown take a shortcut: it must not skip safeText.
    for (let code = 0; code <= 0xffff; code++) {
      const ch = String.fromCharCode(code);
      if (safeText(ch) === ch || ch === '\n' || ch === '\r') continue;
      expect(quote(`a${ch}b`, 76), `U+${code.toString(16)}`).not.toContain(ch);
    }
  });
});

describe('wrap', () => {
  it('breaks at the last space that fits and keeps a longer word whole', () => {
    expect(wrap('aaa bbb ccc', 7)).toBe('aaa bbb\nccc');
    expect(wrap('aaaaaaaaaa bb', 7)).toBe('aaaaaaaaaa\nbb');
    expect(wrap('aa   bb', 3, '> ')).toBe('> aa\n> bb');
  });
});
