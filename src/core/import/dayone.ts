// Day One's JSON export (Journal.json inside its zip): `entries` with uuid, creationDate (UTC,
// "2021-03-04T12:34:56Z"), timeZone (an IANA name), text (markdown), tags, starred. Keys as
// jrnl's Day One 2 importer reads them. The time is shown in the entry's own zone.
import { isoWithOffset, wallClock } from '../dates.js';
import { ImportFormatError, type ImportedNote, type ParseOptions } from './types.js';

const validZone = (tz: unknown): tz is string => {
  if (typeof tz !== 'string' || tz === '') return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

export function parseDayOne(raw: unknown, opts: ParseOptions): ImportedNote[] {
  const doc = raw as { entries?: unknown; metadata?: unknown };
  if (typeof doc !== 'object' || doc === null || !Array.isArray(doc.entries)) {
    throw new ImportFormatError('this is JSON but not a Day One export (no "entries" list); use Journal.json from the export zip.');
  }
  return doc.entries.map((e: Record<string, unknown>, i: number) => {
    const where = `entry ${i + 1}`;
    if (typeof e !== 'object' || e === null) throw new ImportFormatError(`${where} is not an object.`);
    const when = typeof e.creationDate === 'string' ? new Date(e.creationDate) : new Date(NaN);
    if (!/^\d{4}-\d{2}-\d{2}T/.test(String(e.creationDate)) || Number.isNaN(when.getTime())) {
      throw new ImportFormatError(`${where}: creationDate ${JSON.stringify(String(e.creationDate)).slice(0, 40)} is not an ISO time.`);
    }
    const zone = validZone(e.timeZone) ? e.timeZone : opts.timeZone;
    const text = typeof e.text === 'string' ? e.text.replace(/\r\n?/g, '\n').trim() : '';
    const key = typeof e.uuid === 'string' && e.uuid ? `dayone:${e.uuid}` : `dayone:${String(e.creationDate)}`;
    const tags = Array.isArray(e.tags) ? e.tags.filter((t): t is string => typeof t === 'string') : [];
    return { sourceKey: key, date: wallClock(when, zone).date, createdAt: isoWithOffset(when, zone), text, tags, starred: e.starred === true };
  });
}
