// harmony import through the built binary: validation first, skip known ids, dry run, round trip.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyQuizBackup } from '../../src/core/quiz-doc.js';
import { Store } from '../../src/store/index.js';
import { cleanupHomes, run, tempHome } from '../helpers/cli.js';
import { addEntries, daily, entry } from '../helpers/journal-fixtures.js';

const NOW = { HARMONY_NOW: '2026-05-10T12:00:00Z' };
afterAll(cleanupHomes);

/** Every file under `dir` with its bytes, to prove nothing was written. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const path = join(dir, name);
    // remind-cache.key records the folder's times, which the lock taken for the import changes.
    if (statSync(path).isFile() && name !== 'remind-cache.key') out[name] = readFileSync(path, 'utf8');
  }
  return out;
}

let source: string;
let backupFile: string;
let backupText: string;

beforeAll(async () => {
  source = tempHome();
  // A year and a half of check-ins and weekly reflections, plus settings, progress and quiz.
  await addEntries(source, daily('2024-12-01', 540));
  await addEntries(source, [entry('2025-03-03', { id: '20250303-tie0', createdAt: '2025-03-03T20:00:00+00:00', answers: [{ prompt: 'Tie?', answer: 'same minute \u001b[2J' }] })]);
  writeFileSync(join(source, 'config.json'), JSON.stringify({ schemaVersion: 1, name: 'Sam', dayStartHour: 3, color: 'never', reminder: false }));
  writeFileSync(join(source, 'state.json'), JSON.stringify({ schemaVersion: 1, lessonsRead: { trust: '2025-01-02', attention: '2025-01-01' }, promptsUsed: { 'What did you notice today?': '2026-05-01' } }));
  // A quiz.json as harmony wrote it before the log moved to quiz-log/ (version 1, the shape of a backup's quiz).
  const quiz = emptyQuizBackup();
  quiz.log.push({ question: 'trust-1', at: '2025-02-01T10:00:00.000Z', day: '2025-02-01', correct: false, rating: 1, chosen: [2], dueDay: '2025-02-02' });
  quiz.cards['trust-1'] = { due: '2025-02-02T03:00:00.000Z', dueDay: '2025-02-02', lastDay: '2025-02-01', lastAt: '2025-02-01T10:00:00.000Z', lastCorrect: false, stability: 0.4, difficulty: 7.1, scheduledDays: 1, reps: 1, lapses: 1, state: 'relearning' };
  writeFileSync(join(source, 'quiz.json'), JSON.stringify(quiz));
  const r = run(['export', '--format', 'json'], { home: source, env: NOW });
  expect(r.code).toBe(0);
  backupText = r.stdout;
  backupFile = join(tempHome('harmony-backup-'), 'backup.json');
  writeFileSync(backupFile, backupText);
});

const withoutExportedAt = (text: string) => ({ ...JSON.parse(text), exportedAt: null });

describe('harmony import', () => {
  it('round trip: import into an empty store, then export gives back the same JSON', async () => {
    const home = tempHome();
    const r = run(['import', backupFile], { home, env: NOW });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const count = JSON.parse(backupText).entries.length;
    expect(r.stdout).toContain(`${count} entries were added; 0 entries already here were skipped.`);
    expect(r.stdout).toContain('Settings were restored');
    const again = run(['export', '--format', 'json'], { home, env: { HARMONY_NOW: '2027-01-01T00:00:00Z' } });
    expect(withoutExportedAt(again.stdout)).toEqual(withoutExportedAt(backupText));
    expect(again.stdout.replace(/"exportedAt": ".*"/, '')).toBe(backupText.replace(/"exportedAt": ".*"/, ''));
    // The day index used by streaks and stats agrees with the source.
    expect((await new Store(home).journal.days())).toEqual((await new Store(source).journal.days()));
  });

  it('skips entries already present and counts them; importing twice changes nothing', async () => {
    const home = tempHome();
    const mine = entry('2026-05-09', { id: '20260509-mine' });
    await addEntries(home, [mine, ...JSON.parse(backupText).entries.slice(0, 10)]);
    writeFileSync(join(home, 'config.json'), JSON.stringify({ schemaVersion: 1, name: 'Me' }));
    const first = run(['import', backupFile, '--json'], { home, env: NOW });
    expect(first.code).toBe(0);
    const total = JSON.parse(backupText).entries.length;
    expect(JSON.parse(first.stdout)).toEqual({ dryRun: false, entries: { added: total - 10, skipped: 10 }, settings: 'kept', lessonsNewlyRead: 2, peopleAdded: 0, quizAnswersAdded: 1 });
    expect(new Store(home).settings().name).toBe('Me');
    expect((await new Store(home).journal.get('20260509-mine'))).toEqual(mine);
    const before = snapshot(home);
    const second = run(['import', backupFile], { home, env: NOW });
    expect(second.code).toBe(0);
    expect(second.stdout).toContain(`0 entries were added; ${total} entries already here were skipped.`);
    expect(snapshot(home)).toEqual(before);
  });

  it('--dry-run reports what would change and writes nothing', async () => {
    const home = tempHome();
    await addEntries(home, [JSON.parse(backupText).entries[0]]);
    const before = snapshot(home);
    const r = run(['import', backupFile, '--dry-run'], { home, env: NOW });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Dry run: nothing was written.');
    expect(r.stdout).toContain(`${JSON.parse(backupText).entries.length - 1} entries would be added; 1 entry already here would be skipped.`);
    expect(r.stdout).toContain('Settings would be restored');
    expect(snapshot(home)).toEqual(before);
  });

  it('reads a backup from standard input with -', () => {
    const home = tempHome();
    const r = run(['import', '-', '--json'], { home, env: NOW, input: backupText });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).entries.added).toBe(JSON.parse(backupText).entries.length);
  });
});

describe('harmony import refuses bad files and changes nothing', () => {
  const cases: [string, (doc: any) => unknown, string][] = [
    ['a bad entry date, naming where', (d) => (d.entries[12].date = '2025-02-30'), 'entries[12].date is not a YYYY-MM-DD date'],
    ['several problems, counting the rest', (d) => ((d.entries[3].mood = 0), (d.entries[5].kind = 'quiz')), 'entries[3].mood must be a whole number from 1 to 5 (and 1 more problem)'],
    ['a newer backup', (d) => (d.schemaVersion = 3), 'written by a newer harmony (backup version 3'],
    ['a newer settings document', (d) => (d.settings.schemaVersion = 5), 'settings was written by a newer harmony'],
    ['a broken quiz', (d) => (d.quiz.cards['trust-1'].state = 'lost'), 'quiz: cards.trust-1: state must be one of'],
    ['something else entirely', () => ({ hello: 'world' }), 'not a harmony backup'],
    ['a list instead of an object', () => [1, 2, 3], 'not a harmony backup'],
  ];
  for (const [what, spoil, message] of cases) {
    it(what, async () => {
      const home = tempHome();
      await addEntries(home, [entry('2026-05-09', { id: '20260509-mine' })]);
      const before = snapshot(home);
      const doc = JSON.parse(backupText);
      const replacement = spoil(doc);
      const file = join(tempHome('harmony-bad-'), 'backup.json');
      writeFileSync(file, JSON.stringify(typeof replacement === 'object' ? replacement : doc));
      const r = run(['import', file], { home, env: NOW });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(message);
      expect(r.stderr).toContain('Nothing was imported.');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(snapshot(home)).toEqual(before);
    });
  }

  it('not JSON, or no such file', () => {
    const home = tempHome();
    const file = join(home, 'truncated.json');
    writeFileSync(file, backupText.slice(0, 500));
    const truncated = run(['import', file], { home, env: NOW });
    expect(truncated.code).toBe(2);
    expect(truncated.stderr).toContain('is not valid JSON');
    const missing = run(['import', join(home, 'nope.json')], { home, env: NOW });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no such file');
    expect(readdirSync(home)).toEqual(['truncated.json']);
  });
});
