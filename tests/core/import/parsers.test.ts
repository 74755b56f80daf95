import { describe, expect, it } from 'vitest';
import { parseSource, shapeOf } from '../../../src/core/import/detect.js';
import { parseMoodMap, DAYLIO_MOODS } from '../../../src/core/import/daylio.js';
import { zonedIso, parseClock } from '../../../src/core/import/time.js';
import { parseCsv } from '../../../src/core/import/csv.js';

const london = { timeZone: 'Europe/London' };

// As `jrnl --format json` writes it (jrnl's JSON exporter), with a BOM and non-ASCII.
const jrnlJson = '\ufeff' + JSON.stringify({
  tags: { '@ana': 1 },
  entries: [
    { title: 'Called Ana.', body: 'We talked for an hour about her move.\nIt helped. @ana', date: '2024-03-30', time: '23:59', tags: ['@ana'], starred: true },
    { title: '', body: 'Ünïcödé body only, 日本語.', date: '2024-03-31', time: '00:00', tags: [], starred: false },
    { title: 'Spring forward.', body: '', date: '2024-03-31', time: '01:30', tags: [], starred: false },
  ],
}, null, 2);

describe('jrnl JSON', () => {
  it('keeps titles, bodies, tags, stars, and local times with the offset of that day', () => {
    const notes = parseSource('jrnl', jrnlJson, london);
    expect(notes).toHaveLength(3);
    expect(notes[0]).toMatchObject({ date: '2024-03-30', createdAt: '2024-03-30T23:59:00+00:00', title: 'Called Ana.', starred: true, tags: ['@ana'] });
    expect(notes[0]!.text).toBe('Called Ana.\n\nWe talked for an hour about her move.\nIt helped. @ana');
    expect(notes[1]).toMatchObject({ date: '2024-03-31', createdAt: '2024-03-31T00:00:00+00:00', text: 'Ünïcödé body only, 日本語.' });
    expect(notes[1]!.title).toBeUndefined();
    // 01:30 does not exist in London that night (clocks go 01:00 -> 02:00): still a real instant.
    expect(notes[2]!.createdAt).toMatch(/^2024-03-31T0[12]:30:00\+0[01]:00$/);
  });

  it('gives each entry a stable source key, the same on a second read', () => {
    const a = parseSource('jrnl', jrnlJson, london).map((n) => n.sourceKey);
    expect(new Set(a).size).toBe(3);
    expect(parseSource('jrnl', jrnlJson, london).map((n) => n.sourceKey)).toEqual(a);
  });

  it('names the entry and what is wrong with a date it cannot read', () => {
    const bad = JSON.stringify({ entries: [{ title: 'a', body: '', date: '2024-03-30', time: '10:00' }, { title: 'b', body: '', date: '30/03/2024', time: '10:00' }] });
    expect(() => parseSource('jrnl', bad, london)).toThrow(/entry 2: date "30\/03\/2024" is not YYYY-MM-DD/);
    expect(() => parseSource('jrnl', jrnlJson.slice(0, 200), london)).toThrow(/not valid JSON \(is the file cut short\?\)/);
  });
});

// jrnl's own journal file: 2.x default timeformat "%Y-%m-%d %I:%M:%S %p", CRLF line ends.
const jrnlText = [
  '[2024-01-05 11:59:00 PM] Late call with Sam. *',
  'We planned the trip.',
  '',
  'Second paragraph, with #family.',
  '',
  '[2024-01-06 12:00:00 AM] Midnight thought? Yes.',
  '[2024-01-06 09:05:00 AM] No sentence end here',
  '',
].join('\r\n');

describe('jrnl text journal', () => {
  it('splits entries at the [timestamp] lines, title at the first sentence end, stars and tags kept', () => {
    const notes = parseSource('jrnl', jrnlText, london);
    expect(notes.map((n) => [n.date, n.createdAt.slice(11, 16), n.title, n.starred])).toEqual([
      ['2024-01-05', '23:59', 'Late call with Sam.', true],
      ['2024-01-06', '00:00', 'Midnight thought?', false],
      ['2024-01-06', '09:05', 'No sentence end here', false],
    ]);
    expect(notes[0]!.text).toBe('Late call with Sam.\n\nWe planned the trip.\n\nSecond paragraph, with #family.');
    expect(notes[0]!.tags).toEqual(['#family']);
    expect(notes[1]!.text).toBe('Midnight thought?\n\nYes.');
  });

  it('reads the older 24-hour format too', () => {
    expect(parseSource('jrnl', '[2012-03-29 17:16] Solved it.\nBody.\n', london)[0]).toMatchObject({ date: '2012-03-29', createdAt: '2012-03-29T17:16:00+01:00' });
  });

  it('refuses text before the first entry and impossible times, naming the line', () => {
    expect(() => parseSource('jrnl', '[2024-01-05 25:61] x', london)).toThrow(/line 1/);
    expect(() => parseSource('jrnl', '[2024-02-30 10:00] Not a day.', london)).toThrow(/line 1: "2024-02-30" is not a date/);
  });
});

// Daylio's CSV export, as the app writes it: quoted multi-line notes, " | " activities, <br>.
const daylio = [
  'full_date,date,weekday,time,mood,activities,note_title,note',
  '2024-06-01,June 1,Saturday,23:59,rad,"friends | gaming","Game night","Won twice.<br>Laughed a lot, ""really""."',
  '2024-06-02,June 2,Sunday,12:00 am,awful,,,"Line one',
  'line two"',
  '2024-06-02,June 2,Sunday,9:15 PM,meh,reading,,',
].join('\n');

describe('Daylio CSV', () => {
  it('maps the five default moods, activities to tags, HTML breaks and quoted lines to text', () => {
    const notes = parseSource('daylio', daylio, london);
    expect(notes.map((n) => [n.date, n.createdAt.slice(11, 16), n.mood, n.tags])).toEqual([
      ['2024-06-01', '23:59', 5, ['friends', 'gaming']],
      ['2024-06-02', '00:00', 1, []],
      ['2024-06-02', '21:15', 3, ['reading']],
    ]);
    expect(notes[0]!.text).toBe('Game night\n\nWon twice.\nLaughed a lot, "really".');
    expect(notes[1]!.text).toBe('Line one\nline two');
    expect(Object.keys(DAYLIO_MOODS)).toEqual(['rad', 'good', 'meh', 'bad', 'awful']);
  });

  it('needs a number for a custom mood, from --mood-map', () => {
    const custom = daylio.replace(',meh,', ',sleepy,');
    expect(() => parseSource('daylio', custom, london)).toThrow(/line 5: mood "sleepy" has no number; give one with --mood-map "sleepy=N"/);
    expect(parseSource('daylio', custom, { ...london, moodMap: parseMoodMap('Sleepy=2') })[2]!.mood).toBe(2);
    expect(() => parseMoodMap('sleepy=9')).toThrow(/name=N with N from 1 to 5/);
  });

  it('says when a file is cut short inside a quote', () => {
    expect(() => parseSource('daylio', daylio.slice(0, 140), london)).toThrow(/quoted field never ends/);
  });
});

describe('Day One JSON', () => {
  it('shows each entry in its own zone', () => {
    const doc = JSON.stringify({ metadata: { version: '1.0' }, entries: [{ uuid: 'A1B2', creationDate: '2021-03-04T23:30:00Z', timeZone: 'Asia/Tokyo', text: 'Tokyo morning.', tags: ['travel'], starred: true }] });
    expect(parseSource('dayone', doc, london)[0]).toMatchObject({ sourceKey: 'dayone:A1B2', date: '2021-03-05', createdAt: '2021-03-05T08:30:00+09:00', tags: ['travel'], starred: true });
  });
});

describe('the wrong file for --from', () => {
  it('says what the file looks like', () => {
    expect(() => parseSource('jrnl', daylio, london)).toThrow('this looks like a Daylio CSV export, not jrnl JSON or a jrnl journal file.');
    expect(() => parseSource('daylio', jrnlJson, london)).toThrow(/looks like a jrnl JSON export, not a Daylio CSV export/);
    expect(() => parseSource('jrnl', JSON.stringify({ format: 'harmony-backup' }), london)).toThrow(/harmony backup \(import it with: harmony import FILE\)/);
    expect(() => parseSource('daylio', '', london)).toThrow(/empty/);
    expect(shapeOf('hello').shape).toBe('unknown');
  });
});

describe('helpers', () => {
  it('reads clocks and CSV edge cases', () => {
    expect(parseClock('12:00 AM')).toEqual([0, 0, 0]);
    expect(parseClock('12:30 pm')).toEqual([12, 30, 0]);
    expect(parseClock('13:00 pm')).toBeNull();
    expect(zonedIso('2024-10-27', 1, 30, 0, 'Europe/London')).toMatch(/^2024-10-27T01:30:00\+0[01]:00$/);
    expect(parseCsv('a,"b\n""c"""\n').map((r) => r.cells)).toEqual([['a', 'b\n"c"']]);
  });
});
