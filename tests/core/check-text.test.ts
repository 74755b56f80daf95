// The pieces under harmony check's rules: masking, offsets, parsing in pieces, language.
import { describe, expect, it } from 'vitest';
import { readTree } from '../../src/core/check/draft.js';
import { retextEnglish, unified } from '../../src/core/check/libs.js';
import { positions } from '../../src/core/check/offsets.js';
import { parseDraft } from '../../src/core/check/parse.js';
import { looksEnglish, maskDraft } from '../../src/core/check/prepare.js';

describe('maskDraft', () => {
  it('blanks what is not the writer\'s own words and keeps every offset', () => {
    const text = 'On Tue, Sam wrote:\n> you always do this\nSee `rm -rf x` at https://x.org/a?b=1, cc @sam_k or me@x.org.\n```\nYOU NEVER\n```\nI’m fine 🙂';
    const masked = maskDraft(text);
    expect(masked.length).toBe(text.length);
    expect(masked).not.toMatch(/always|rm -rf|https|sam_k|me@x|NEVER|Sam wrote/);
    expect(masked).toContain("I'm fine");
    expect(masked.split('\n').length).toBe(text.split('\n').length);
  });

  it('turns control characters, the BOM and U+FFFD into spaces', () => {
    expect(maskDraft('\ufeffa\u001b[31mb\ufffd')).toBe(' a [31mb ');
  });
});

describe('positions', () => {
  it('counts code points, so an emoji is one character', () => {
    const text = 'a😀b\nc😀d';
    const at = positions(text);
    expect(at.codePoint(text.indexOf('b'))).toBe(2);
    expect(at.codePoint(text.length)).toBe(Array.from(text).length);
    expect(at.lineCol(text.indexOf('d'))).toEqual({ line: 2, col: 3 });
  });

  it('is the identity without surrogate pairs', () => {
    const at = positions('héllo\nwörld');
    expect(at.codePoint(7)).toBe(7);
    expect(at.lineCol(7)).toEqual({ line: 2, col: 2 });
  });
});

describe('parseDraft', () => {
  it('finds the same sentences in pieces as in one parse', () => {
    const parts = ['You always say that.', 'Fine, whatever!', 'Can we talk tonight?', 'I felt left out 😕 when plans changed.'];
    let text = '';
    for (let i = 0; text.length < 30_000; i++) text += parts[i % parts.length] + (i % 7 === 6 ? '\n\n' : i % 5 === 4 ? '\n' : ' ');
    const masked = maskDraft(text);
    const pieces = readTree(parseDraft(unified().use(retextEnglish), masked), masked).sentences;
    const whole = readTree(unified().use(retextEnglish).parse(masked), masked).sentences;
    expect(pieces.map((s) => [s.start, s.end])).toEqual(whole.map((s) => [s.start, s.end]));
    expect(pieces.length).toBeGreaterThan(1000);
  });
});

describe('looksEnglish', () => {
  it('tells English from other languages, giving short drafts the benefit of the doubt', () => {
    expect(looksEnglish('Oh great, another cancelled plan. Whatever.')).toBe(true);
    expect(looksEnglish('k')).toBe(true);
    expect(looksEnglish('Hola, ¿cómo estás? Espero que todo vaya bien con tu familia y el trabajo nuevo.')).toBe(false);
    expect(looksEnglish('Ich habe heute leider keine Zeit, wir sehen uns morgen beim Training.')).toBe(false);
    expect(looksEnglish('今日は忙しいので、また明日連絡します。')).toBe(false);
  });
});
