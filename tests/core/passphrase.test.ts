import { describe, expect, it } from 'vitest';
import { passphraseStrength } from '../../src/core/passphrase.js';

describe('passphraseStrength', () => {
  it.each([
    ['short', 'too short'],
    ['password1', 'weak'],
    ['Summer2024!', 'weak'],
    ['aaaaaaaaaaaaaaaa', 'weak'],
    ['abcdefgh12345678', 'weak'],
    ['lantern orbit velvet harbor', 'fair'],
    ['lantern orbit velvet harbor quietly', 'strong'],
    ['q7#Lm9!vR2@xT4', 'strong'],
  ])('%s: %s', (text, label) => {
    expect(passphraseStrength(text).label).toBe(label);
  });
});
