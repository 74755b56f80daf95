import { describe, expect, it } from 'vitest';
import { wantsColor } from '../../src/ui/io.js';
import { excerpt, safeText } from '../../src/ui/safe.js';
import { makeStyle } from '../../src/ui/style.js';

describe('colour rules', () => {
  it('colours a terminal and nothing else by default', () => {
    expect(wantsColor({}, true)).toBe(true);
    expect(wantsColor({}, false)).toBe(false);
  });
  it('never colours with NO_COLOR, TERM=dumb or --no-color, even when forced', () => {
    expect(wantsColor({ NO_COLOR: '1' }, true)).toBe(false);
    expect(wantsColor({ NO_COLOR: '1', FORCE_COLOR: '1' }, true)).toBe(false);
    expect(wantsColor({ TERM: 'dumb' }, true)).toBe(false);
    expect(wantsColor({ FORCE_COLOR: '1' }, true, false)).toBe(false);
  });
  it('colours a pipe when FORCE_COLOR asks, and FORCE_COLOR=0 turns it off', () => {
    expect(wantsColor({ FORCE_COLOR: '1' }, false)).toBe(true);
    expect(wantsColor({ FORCE_COLOR: '0' }, true)).toBe(false);
  });
  it('an empty NO_COLOR does not count (no-color.org)', () => {
    expect(wantsColor({ NO_COLOR: '' }, true)).toBe(true);
  });
  it('styles emit escapes only when colour is on', () => {
    expect(makeStyle(false).error('x')).toBe('x');
    expect(makeStyle(true).error('x')).toContain('\u001b[');
  });
});

describe('safe display of user text', () => {
  it('neutralises escape sequences and control characters but keeps newlines, tabs, RTL and emoji', () => {
    const hostile = 'a\u001b]0;pwned\u0007b\u001b[2Jc\u0000d\te\nשלום 🙂';
    const shown = safeText(hostile);
    expect(shown).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
    expect(shown).toContain('␛]0;pwned');
    expect(shown).toContain('\te\nשלום 🙂');
  });
  it('makes one-line excerpts of a fixed width', () => {
    expect(excerpt('one\ntwo   three', 20)).toBe('one two three');
    expect(Array.from(excerpt('😀'.repeat(30), 10))).toHaveLength(10);
  });
});
