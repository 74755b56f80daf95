// jrnl: its JSON export (`jrnl --format json`) and its own plain-text journal file. Formats read
// from jrnl's code: the JSON exporter writes `entries` with title, body, date (%Y-%m-%d), time
// (%H:%M), tags and starred; the text journal starts each entry with `[<timeformat>] ` at the
// start of a line (default "%Y-%m-%d %I:%M:%S %p" since 2.0, "%Y-%m-%d %H:%M" before), the title
// runs to the first sentence end, and a starred entry's first line ends with " *".
import { ImportFormatError, cleanText, shortHash, type ImportedNote, type ParseOptions } from './types.js';
import { parseClock, zonedIso } from './time.js';

const TAG = /(?:^|[\s(])([#@][\p{L}\p{N}_-]+)/gu;

function tagsIn(text: string): string[] {
  return [...new Set([...text.matchAll(TAG)].map((m) => m[1]!))];
}

function note(date: string, clock: [number, number, number], title: string, body: string, tags: string[], starred: boolean, where: string, opts: ParseOptions): ImportedNote {
  const createdAt = zonedIso(date, ...clock, opts.timeZone);
  if (!createdAt) throw new ImportFormatError(`${where}: "${date}" is not a date harmony can read.`);
  const text = [title.trim(), body.trim()].filter(Boolean).join('\n\n');
  // jrnl entries have no id; the time and the words identify one (an edit there makes a new one here).
  const key = `jrnl:${date}T${clock.map((n) => String(n).padStart(2, '0')).join(':')}:${shortHash(text)}`;
  return { sourceKey: key, date, createdAt, ...(title.trim() ? { title: title.trim() } : {}), text, tags, starred };
}

export function parseJrnlJson(raw: unknown, opts: ParseOptions): ImportedNote[] {
  const doc = raw as { entries?: unknown };
  if (typeof doc !== 'object' || doc === null || !Array.isArray(doc.entries)) {
    throw new ImportFormatError('this is JSON but not a jrnl export (no "entries" list); export with: jrnl --format json');
  }
  return doc.entries.map((e: Record<string, unknown>, i: number) => {
    const where = `entry ${i + 1}`;
    if (typeof e !== 'object' || e === null) throw new ImportFormatError(`${where} is not an object.`);
    if (typeof e.date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(e.date)) throw new ImportFormatError(`${where}: date ${JSON.stringify(String(e.date)).slice(0, 40)} is not YYYY-MM-DD.`);
    const clock = typeof e.time === 'string' ? parseClock(e.time) : null;
    if (!clock) throw new ImportFormatError(`${where}: time ${JSON.stringify(String(e.time)).slice(0, 40)} is not HH:MM.`);
    const title = typeof e.title === 'string' ? e.title : '';
    const body = typeof e.body === 'string' ? e.body : '';
    const tags = Array.isArray(e.tags) ? e.tags.filter((t): t is string => typeof t === 'string') : tagsIn(`${title} ${body}`);
    return note(e.date, clock, title, body, tags, e.starred === true, where, opts);
  });
}

// `[2024-03-01 09:14:00 AM] ` or `[2024-03-01 21:14] ` (any order of the usual strftime pieces
// jrnl users set is rarer; those two cover the defaults of every release).
const HEADER = /^\[(\d{4}-\d{2}-\d{2})[ T](\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AaPp]\.?[Mm]\.?)?)\] ?/;

export function parseJrnlText(text: string, opts: ParseOptions): ImportedNote[] {
  const lines = cleanText(text).split('\n');
  const notes: ImportedNote[] = [];
  let current: { date: string; clock: [number, number, number]; first: string; body: string[]; line: number } | null = null;
  const flush = () => {
    if (!current) return;
    let first = current.first.trimEnd();
    const starred = first.endsWith(' *') || first === '*';
    if (starred) first = first.replace(/\s?\*$/, '');
    // The title is the first line up to its first sentence end; the rest joins the body.
    const m = /^(.*?[.?!])(\s+|$)(.*)$/.exec(first);
    const title = m ? m[1]! : first;
    const rest = m ? m[3]! : '';
    const body = [rest, ...current.body].join('\n').replace(/^\n+|\n+$/g, '');
    notes.push(note(current.date, current.clock, title, body, tagsIn(`${title}\n${body}`), starred, `line ${current.line}`, opts));
  };
  for (const [i, line] of lines.entries()) {
    const m = HEADER.exec(line);
    if (m) {
      flush();
      const clock = parseClock(m[2]!);
      if (!clock) throw new ImportFormatError(`line ${i + 1}: "${m[2]}" is not a time harmony can read.`);
      current = { date: m[1]!, clock, first: line.slice(m[0].length), body: [], line: i + 1 };
    } else if (current) {
      current.body.push(line);
    } else if (line.trim() !== '') {
      throw new ImportFormatError(`line ${i + 1}: text before the first entry; a jrnl journal starts with "[YYYY-MM-DD HH:MM] ".`);
    }
  }
  flush();
  if (notes.length === 0) throw new ImportFormatError('no jrnl entries found (each starts with "[YYYY-MM-DD HH:MM] " on its own line).');
  return notes;
}
