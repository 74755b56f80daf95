// harmony import --from jrnl|daylio|dayone through the built binary: round trip through
// journal --json, nothing twice, nothing written on any error, --dry-run writes nothing.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupHomes, run, tempHome } from '../helpers/cli.js';

const NOW = { HARMONY_NOW: '2026-05-10T12:00:00Z', TZ: 'Europe/London' };
afterAll(cleanupHomes);

function files(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).filter((n) => statSync(join(dir, n)).isFile() && !n.startsWith('in.')).sort();
}

const jrnl = {
  tags: { '@ana': 1 },
  entries: [
    { title: 'Called Ana.', body: 'An hour, about her move.\n\nIt helped. @ana', date: '2025-12-31', time: '23:59', tags: ['@ana'], starred: true },
    { title: '', body: 'New year, ünïcödé.', date: '2026-01-01', time: '00:00', tags: [], starred: false },
  ],
};

describe('import --from jrnl', () => {
  it('round-trips every body and date through journal --json; a second import adds nothing', () => {
    const home = tempHome();
    writeFileSync(join(home, 'in.json'), '\ufeff' + JSON.stringify(jrnl, null, 2));
    const dry = run(['import', '--from', 'jrnl', 'in.json', '--dry-run'], { home, env: NOW });
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/2 notes would be added, from 2025-12-31 to 2026-01-01/);
    expect(files(home)).toEqual([]);
    expect(run(['import', '--from', 'jrnl', 'in.json'], { home, env: NOW }).code).toBe(0);
    const notes = JSON.parse(run(['journal', '--json'], { home, env: NOW }).stdout).reverse();
    expect(notes.map((n: Record<string, unknown>) => [n.date, n.createdAt, n.title, n.text, n.starred, n.tags])).toEqual([
      ['2025-12-31', '2025-12-31T23:59:00+00:00', 'Called Ana.', 'Called Ana.\n\nAn hour, about her move.\n\nIt helped. @ana', true, ['@ana']],
      ['2026-01-01', '2026-01-01T00:00:00+00:00', undefined, 'New year, ünïcödé.', undefined, undefined],
    ]);
    const again = run(['import', '--from', 'jrnl', 'in.json', '--json'], { home, env: NOW });
    expect(JSON.parse(again.stdout)).toMatchObject({ added: 0, skipped: { importedBefore: 2 } });
  });

  it('refuses a wrong or broken file with one line naming what is wrong; nothing written', () => {
    const home = tempHome();
    writeFileSync(join(home, 'in.csv'), 'full_date,date,weekday,time,mood,activities,note_title,note\n2026-01-01,Jan 1,Thu,10:00,rad,,,x\n');
    writeFileSync(join(home, 'in.cut.json'), JSON.stringify(jrnl).slice(0, 120));
    writeFileSync(join(home, 'in.bad.json'), JSON.stringify({ entries: [jrnl.entries[0], { ...jrnl.entries[1], date: '01/01/2026' }] }));
    const cases: [string[], RegExp][] = [
      [['--from', 'jrnl', 'in.csv'], /^harmony: in\.csv: this looks like a Daylio CSV export, not jrnl JSON or a jrnl journal file\. Nothing was imported\.\n$/],
      [['--from', 'jrnl', 'in.cut.json'], /in\.cut\.json: this is not valid JSON \(is the file cut short\?\)\. Nothing was imported\./],
      [['--from', 'jrnl', 'in.bad.json'], /entry 2: date "01\/01\/2026" is not YYYY-MM-DD\. Nothing was imported\./],
      [['--from', 'evernote', 'in.csv'], /Allowed choices are harmony, jrnl, daylio, dayone/],
      [['--from', 'daylio', 'missing.csv'], /Cannot read missing\.csv/],
    ];
    for (const [args, message] of cases) {
      const r = run(['import', ...args], { home, env: NOW });
      expect([r.code, r.stderr]).toEqual([2, expect.stringMatching(message)]);
    }
    expect(files(home)).toEqual([]);
  });
});

describe('import --from daylio', () => {
  const csv = [
    'full_date,date,weekday,time,mood,activities,note_title,note',
    '2026-03-01,March 1,Sunday,9:15 PM,rad,"friends | gaming","Game night","Won twice.<br>Laughed, ""a lot""."',
    '2026-03-02,March 2,Monday,12:00 am,sleepy,,,"Line one',
    'line two"',
  ].join('\r\n');

  it('needs --mood-map for a custom mood without a terminal, then keeps moods and activities', () => {
    const home = tempHome();
    writeFileSync(join(home, 'in.csv'), '\ufeff' + csv);
    const r = run(['import', '--from', 'daylio', 'in.csv'], { home, env: NOW });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/pass --mood-map "sleepy=N"/);
    expect(files(home)).toEqual([]);
    expect(run(['import', '--from', 'daylio', 'in.csv', '--mood-map', 'sleepy=2'], { home, env: NOW }).code).toBe(0);
    const notes = JSON.parse(run(['journal', '--json'], { home, env: NOW }).stdout).reverse();
    expect(notes.map((n: Record<string, unknown>) => [n.date, n.mood, n.tags, n.text])).toEqual([
      ['2026-03-01', 5, ['friends', 'gaming'], 'Game night\n\nWon twice.\nLaughed, "a lot".'],
      ['2026-03-02', 2, undefined, 'Line one\nline two'],
    ]);
    // Notes do not make practice days: the streak is untouched.
    expect(JSON.parse(run(['stats', '--json'], { home, env: NOW }).stdout).totals.days).toBe(0);
    expect(readFileSync(join(home, 'in.csv'), 'utf8').startsWith('\ufeff')).toBe(true);
  });
});
