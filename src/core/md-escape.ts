// User text made structure-proof for the markdown export (export-md.ts). Nothing in it may
// start a construct:
// - everywhere: \ ` * _ [ ] < > # | ~ & (code, emphasis, links, HTML, entities, tables),
//   and the : of "://", the . of "www." and @ (bare URLs and e-mails would become links);
// - at the start of every output line: - + = and "1." / "1)" (lists, setext underlines);
// - leading spaces become no-break spaces (four spaces would start a code block), tabs
//   become spaces, control characters become visible pictures (safeText);
// - the user's line breaks become hard breaks (a trailing backslash) and long lines are
//   wrapped at spaces (soft breaks, which render as spaces), so the file stays within 80
//   columns for linters and plain-text readers.
// Everything else (. , : ' " ( ) ! etc.) is left alone so the file also reads well as text.
//
// Speed (issue 7: a ten-year export is ~4,000 entries, 2.5 MB): one regex pass escapes a line
// (it was five), an answer with nothing to escape skips even that, and the lines are built
// as one string, with no array per line.
import { safeText } from './safe.js';

const NBSP = '\u00a0';
/** The inline rules above in one pass; "$&" keeps the match, so the backslash goes before it.
 * The last branch matches the empty spot between a word-start "www" and its dot. */
const ESCAPE = /[\\`*_[\]<>#|~&@]|:(?=\/\/)|(?<=\bwww)(?=\.)/gi;
/** Whatever an answer must contain for anything but trimming and wrapping to apply: line
 * breaks and other control characters (all that safeText changes, and more), or something
 * ESCAPE escapes. */
const NOT_PLAIN = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\\`*_[\]<>#|~&@]|:\/\/|www\./i;

/** What JavaScript's \s matches (trailing whitespace is dropped, as /\s+$/ would). */
const isSpace = (c: number) =>
  c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
  c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;

function trimmedEnd(text: string): number {
  let end = text.length;
  while (end > 0 && isSpace(text.charCodeAt(end - 1))) end--;
  return end;
}

/** Escapes one line of text already made safe (no line-start handling). */
function escapeSafe(text: string): string {
  const end = trimmedEnd(text);
  let lead = 0; // in spaces: a tab counts four
  let i = 0;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) lead += 1;
    else if (c === 9) lead += 4;
    else break;
  }
  let body = i === 0 && end === text.length ? text : text.slice(i, end);
  if (body.includes('\t')) body = body.replace(/\t/g, '    ');
  return (lead > 0 ? NBSP.repeat(lead) : '') + body.replace(ESCAPE, '\\$&');
}

/** Escapes one line of user text for use inside a paragraph (no line-start handling). */
export function escapeInline(line: string): string {
  return escapeSafe(safeText(line));
}

/** Escapes what only matters at the start of a line. */
function escapeLineStart(line: string): string {
  let digits = 0;
  while (digits < 10 && line.charCodeAt(digits) >= 48 && line.charCodeAt(digits) <= 57) digits++;
  const after = line.charCodeAt(digits);
  // 1 to 9 digits then . or ) start an ordered list (ten digits do not).
  if (digits > 0 && digits < 10 && (after === 46 || after === 41)) return `${line.slice(0, digits)}\\${line.slice(digits)}`;
  const first = line.charCodeAt(0);
  return first === 45 || first === 43 || first === 61 ? `\\${line}` : line;
}

/**
 * The line split at spaces so each piece fits in `width` (a longer word stays whole), each
 * piece line-start escaped and prefixed, joined by newlines.
 */
export function wrap(line: string, width: number, prefix = ''): string {
  let out = '';
  let start = 0;
  // UTF-16 length >= characters, so a cut at index `width` never exceeds `width` characters.
  while (line.length - start > width) {
    const cut = line.lastIndexOf(' ', start + width);
    const at = cut > start ? cut : line.indexOf(' ', start + width);
    if (at < 0) break;
    let end = at;
    while (end > start && line.charCodeAt(end - 1) === 32) end--;
    out += prefix + escapeLineStart(line.slice(start, end)) + '\n';
    start = at;
    while (start < line.length && line.charCodeAt(start) === 32) start++;
  }
  return out + prefix + escapeLineStart(start === 0 ? line : line.slice(start));
}

/** User text as a blockquote ("> " lines), structure-proof; `width` is without the "> ". */
export function quote(text: string, width: number): string {
  if (!NOT_PLAIN.test(text)) {
    // One line with nothing to escape (most answers): trim, wrap, done.
    const end = trimmedEnd(text);
    if (end > 0 && text.charCodeAt(0) !== 32) return wrap(end === text.length ? text : text.slice(0, end), width, '> ');
  }
  const source = safeText(text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text).split('\n');
  for (let i = 0; i < source.length; i++) source[i] = escapeSafe(source[i]!);
  let first = 0;
  let last = source.length - 1;
  while (first <= last && source[first] === '') first++;
  while (last >= first && source[last] === '') last--;
  if (first > last) return '> (no answer)';
  let out = '';
  for (let i = first; i <= last; i++) {
    if (source[i] === '') {
      if (source[i - 1] !== '') out += '\n>'; // a run of blank lines becomes one
      continue;
    }
    if (i > first) out += '\n';
    out += wrap(source[i]!, width, '> ');
    // A hard break keeps the user's line break, except before a blank line or at the end,
    // where a trailing backslash would show as a literal one.
    if (i < last && source[i + 1] !== '') out += '\\';
  }
  return out;
}
