// Daylio's CSV export: full_date, date, weekday, time, mood, activities, note_title, note (newer
// versions add columns; they are found by name). Its five default moods map to 1-5; custom
// mood names need a map. Activities (" | " between them) become tags.
import { parseCsv } from './csv.js';
import { parseClock, zonedIso } from './time.js';
import { ImportFormatError, cleanText, shortHash, type ImportedNote, type ParseOptions } from './types.js';

export const DAYLIO_MOODS: Record<string, number> = { rad: 5, good: 4, meh: 3, bad: 2, awful: 1 };
const NEEDED = ['full_date', 'time', 'mood'] as const;

export interface DaylioRows {
  header: string[];
  rows: { cells: string[]; line: number }[];
}

export function readDaylio(text: string): DaylioRows {
  const [head, ...rows] = parseCsv(cleanText(text));
  const header = (head?.cells ?? []).map((h) => h.trim().toLowerCase());
  for (const name of NEEDED) {
    if (!header.includes(name)) throw new ImportFormatError(`not a Daylio CSV export: the first line has no "${name}" column.`);
  }
  return { header, rows };
}

/** Mood names the file uses that are neither defaults nor in the map (ask for these once). */
export function unknownMoods(data: DaylioRows, map: Record<string, number> = {}): string[] {
  const at = data.header.indexOf('mood');
  const names = new Set(data.rows.map((r) => (r.cells[at] ?? '').trim().toLowerCase()).filter(Boolean));
  return [...names].filter((n) => !(n in DAYLIO_MOODS) && !(n in map)).sort();
}

const htmlToText = (s: string) => s.replace(/<br\s*\/?>/gi, '\n').replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>');

export function parseDaylio(data: DaylioRows, opts: ParseOptions): ImportedNote[] {
  const col = (name: string) => data.header.indexOf(name);
  const moods = { ...DAYLIO_MOODS, ...Object.fromEntries(Object.entries(opts.moodMap ?? {}).map(([k, v]) => [k.toLowerCase(), v])) };
  return data.rows.map(({ cells, line }) => {
    const get = (name: string) => (col(name) >= 0 ? (cells[col(name)] ?? '') : '');
    const date = get('full_date').trim();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new ImportFormatError(`line ${line}: full_date "${date.slice(0, 30)}" is not YYYY-MM-DD.`);
    const clock = parseClock(get('time'));
    if (!clock) throw new ImportFormatError(`line ${line}: time "${get('time').slice(0, 30)}" is not a time harmony can read.`);
    const moodName = get('mood').trim().toLowerCase();
    const mood = moods[moodName];
    if (mood === undefined) throw new ImportFormatError(`line ${line}: mood "${moodName.slice(0, 30)}" has no number; give one with --mood-map "${moodName.slice(0, 30)}=N".`);
    const createdAt = zonedIso(date, ...clock, opts.timeZone);
    if (!createdAt) throw new ImportFormatError(`line ${line}: ${date} is not a real date.`);
    const title = htmlToText(get('note_title')).trim();
    const body = htmlToText(get('note')).trim();
    const tags = get('activities').split('|').map((a) => a.trim()).filter(Boolean);
    const text = [title, body].filter(Boolean).join('\n\n');
    const key = `daylio:${date}T${get('time').trim()}:${moodName}:${shortHash(text + '|' + tags.join('|'))}`;
    return { sourceKey: key, date, createdAt, ...(title ? { title } : {}), text, tags, starred: false, mood };
  });
}

/** `--mood-map "name=N,other=M"` */
export function parseMoodMap(text: string): Record<string, number> {
  const map: Record<string, number> = {};
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const m = /^(.+?)\s*=\s*([1-5])$/.exec(part);
    if (!m) throw new ImportFormatError(`--mood-map: "${part.slice(0, 40)}" is not name=N with N from 1 to 5.`);
    map[m[1]!.toLowerCase()] = Number(m[2]);
  }
  return map;
}
