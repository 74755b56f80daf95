// JavaScript strings count UTF-16 code units; the JSON output and --format unix count code
// points (one per character, an emoji too), so a script in any language can slice the draft.
export interface Positions {
  /** Code point offset of a UTF-16 offset. */
  codePoint(utf16: number): number;
  /** 1-based line and code point column of a UTF-16 offset. */
  lineCol(utf16: number): { line: number; col: number };
}

export function positions(text: string): Positions {
  const surrogates = /[\ud800-\udfff]/.test(text);
  let prefix: Int32Array | undefined;
  if (surrogates) {
    prefix = new Int32Array(text.length + 1);
    let cp = 0;
    for (let i = 0; i < text.length; i++, cp++) {
      prefix[i] = cp;
      const c = text.charCodeAt(i);
      const next = text.charCodeAt(i + 1);
      // A surrogate pair is one code point: an offset inside it maps to its start.
      if (c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) prefix[++i] = cp;
    }
    prefix[text.length] = cp;
  }
  const codePoint = (u: number) => (prefix ? prefix[Math.max(0, Math.min(u, text.length))]! : u);
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  return {
    codePoint,
    lineCol(u) {
      let lo = 0;
      let hi = lineStarts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (lineStarts[mid]! <= u) lo = mid;
        else hi = mid - 1;
      }
      return { line: lo + 1, col: codePoint(u) - codePoint(lineStarts[lo]!) + 1 };
    },
  };
}
