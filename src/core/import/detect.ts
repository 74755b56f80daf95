// Reads a file as the format asked for, after a look at what it really is, so a wrong --from
// gets "this looks like a Daylio CSV, not jrnl JSON" rather than a confusing parse error.
import { parseDayOne } from './dayone.js';
import { parseDaylio, readDaylio, unknownMoods } from './daylio.js';
import { parseJrnlJson, parseJrnlText } from './jrnl.js';
import { ImportFormatError, cleanText, type ImportedNote, type ParseOptions, type Source } from './types.js';

export type Shape = 'jrnl-json' | 'jrnl-text' | 'daylio-csv' | 'dayone-json' | 'harmony-backup' | 'json' | 'unknown';

const NAMES: Record<Shape, string> = {
  'jrnl-json': 'a jrnl JSON export',
  'jrnl-text': 'a jrnl journal file',
  'daylio-csv': 'a Daylio CSV export',
  'dayone-json': 'a Day One JSON export',
  'harmony-backup': 'a harmony backup (import it with: harmony import FILE)',
  json: 'JSON of another kind',
  unknown: 'text harmony does not recognise',
};

export function shapeOf(text: string): { shape: Shape; json?: unknown } {
  const t = cleanText(text).trimStart();
  if (/^\[\d{4}-\d{2}-\d{2}[ T]\d{1,2}:\d{2}/.test(t)) return { shape: 'jrnl-text' };
  if (t.startsWith('{') || t.startsWith('[')) {
    let json: unknown;
    try {
      json = JSON.parse(t);
    } catch {
      return { shape: 'unknown' };
    }
    const doc = json as Record<string, unknown>;
    if (doc?.format === 'harmony-backup') return { shape: 'harmony-backup', json };
    const first = Array.isArray(doc?.entries) ? (doc.entries[0] as Record<string, unknown> | undefined) : undefined;
    if (first && 'creationDate' in first) return { shape: 'dayone-json', json };
    if (Array.isArray(doc?.entries) && (!first || 'title' in first || 'body' in first)) return { shape: 'jrnl-json', json };
    if (doc?.metadata && Array.isArray(doc?.entries)) return { shape: 'dayone-json', json };
    return { shape: 'json', json };
  }
  if (/^"?full_date"?,/i.test(t) || /^[^\n]*\bfull_date\b[^\n]*\bmood\b/i.test(t)) return { shape: 'daylio-csv' };
  return { shape: 'unknown' };
}

const WANTS: Record<Source, Shape[]> = { jrnl: ['jrnl-json', 'jrnl-text'], daylio: ['daylio-csv'], dayone: ['dayone-json'] };
const ASKED: Record<Source, string> = { jrnl: 'jrnl JSON or a jrnl journal file', daylio: 'a Daylio CSV export', dayone: 'Day One JSON' };

/** Daylio mood names that still need a number (before parsing: asked once on a terminal). */
export function moodsToMap(source: Source, text: string, opts: ParseOptions): string[] {
  return source === 'daylio' && shapeOf(text).shape === 'daylio-csv' ? unknownMoods(readDaylio(text), opts.moodMap) : [];
}

export function parseSource(source: Source, text: string, opts: ParseOptions): ImportedNote[] {
  if (text.trim() === '') throw new ImportFormatError('the file is empty.');
  const { shape, json } = shapeOf(text);
  if (!WANTS[source].includes(shape)) {
    if (shape === 'unknown' && source !== 'daylio' && /^\s*[{[]/.test(cleanText(text))) throw new ImportFormatError('this is not valid JSON (is the file cut short?).');
    throw new ImportFormatError(`this looks like ${NAMES[shape]}, not ${ASKED[source]}.`);
  }
  if (shape === 'jrnl-json') return parseJrnlJson(json, opts);
  if (shape === 'jrnl-text') return parseJrnlText(text, opts);
  if (shape === 'dayone-json') return parseDayOne(json, opts);
  return parseDaylio(readDaylio(text), opts);
}
