// Text the user wrote is shown through here: control characters and terminal escape
// sequences are made visible instead of being sent raw (a pasted ESC]0; cannot retitle the
// terminal, ESC[2J cannot clear it). Newlines and tabs are kept.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export function safeText(text: string): string {
  return text.replace(CONTROL, (ch) => {
    const code = ch.codePointAt(0) ?? 0;
    if (code === 0x1b) return '␛';
    if (code < 0x20) return String.fromCodePoint(0x2400 + code); // ␀ ␁ … control pictures
    if (code === 0x7f) return '␡';
    return `\\u{${code.toString(16)}}`;
  });
}

/** One line for lists: safe, whitespace folded, cut to `width` characters. */
export function excerpt(text: string, width: number): string {
  const flat = safeText(text).replace(/\s+/g, ' ').trim();
  const chars = Array.from(flat);
  return chars.length <= width ? flat : chars.slice(0, Math.max(0, width - 1)).join('') + '…';
}

/** For a value quoted inside a one-line message (a file name, a bad flag value): line breaks
 * and tabs become visible symbols too, so the message stays one line. */
export function safeLine(text: string): string {
  return safeText(text.replace(/\n/g, '\u2424').replace(/\t/g, '\u2409'));
}
