// How strong a new passphrase looks (a hint while typing it in `harmony encrypt`, not a
// guarantee: a line from a song is long and still guessable). Pure.

export const MIN_PASSPHRASE = 8;

export interface Strength {
  /** A rough estimate of the guesses needed, as bits. */
  bits: number;
  label: 'too short' | 'weak' | 'fair' | 'good' | 'strong';
}

/** Bits from the length and the kinds of characters used; runs and repeats count for little. */
export function passphraseStrength(text: string): Strength {
  const chars = Array.from(text);
  if (chars.length < MIN_PASSPHRASE) return { bits: 0, label: 'too short' };
  let pool = 0;
  if (/[a-z]/.test(text)) pool += 26;
  if (/[A-Z]/.test(text)) pool += 26;
  if (/[0-9]/.test(text)) pool += 10;
  if (/[^a-zA-Z0-9]/.test(text)) pool += 33;
  // A character that repeats the previous one, or continues a run (abc, 123), adds ~1 bit.
  let bits = 0;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!.codePointAt(0)!;
    const prev = i > 0 ? chars[i - 1]!.codePointAt(0)! : -10;
    bits += Math.abs(c - prev) <= 1 ? 1 : Math.log2(Math.max(pool, 2));
  }
  // Words are far easier to guess than their letters suggest: a word counts ~11 bits at most.
  const words = text.split(/[\s\-_.,]+/).filter((w) => w.length > 0);
  if (words.length >= 3) bits = Math.min(bits, words.length * 11 + 4);
  // One word with a few digits or a sign around it (password1, Summer2024!) is among the first guesses.
  if (/^[^a-zA-Z]{0,5}[a-zA-Z]+[^a-zA-Z]{0,5}$/.test(text)) bits = Math.min(bits, 30);
  bits = Math.round(bits);
  const label = bits < 40 ? 'weak' : bits < 50 ? 'fair' : bits < 58 ? 'good' : 'strong';
  return { bits, label };
}

export const STRENGTH_TIP = 'Five or more random words, or 12+ mixed characters, make a strong passphrase.';
export const NO_RECOVERY_WARNING =
  'If you lose this passphrase, your journal cannot be recovered: not by harmony, not by anyone. Keep it somewhere safe (a password manager, or on paper).';
