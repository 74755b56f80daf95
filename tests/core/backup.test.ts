import { describe, expect, it } from 'vitest';
import { BACKUP_VERSION, buildBackup, checkBackup, mergeState, planImport, type Backup, type Current } from '../../src/core/backup.js';
import { emptyQuizBackup, type QuizBackup, type QuizReview } from '../../src/core/quiz-doc.js';
import { backupSpecs } from '../../src/store/backup.js';
import { DEFAULT_SETTINGS } from '../../src/store/settings.js';
import type { State } from '../../src/store/state.js';
import { entry } from '../helpers/journal-fixtures.js';
import type { Person } from '../../src/core/people.js';

const state = (lessonsRead: Record<string, string> = {}, promptsUsed: Record<string, string> = {}): State => ({ schemaVersion: 1, lessonsRead, promptsUsed });

function review(question: string, at: string): QuizReview {
  return { question, at, day: at.slice(0, 10), correct: true, rating: 3, chosen: [0], dueDay: at.slice(0, 10) };
}

function quizWith(...reviews: QuizReview[]): QuizBackup {
  const quiz = emptyQuizBackup();
  for (const r of reviews) {
    quiz.log.push(r);
    quiz.cards[r.question] = {
      due: `${r.dueDay}T00:00:00.000Z`, dueDay: r.dueDay, lastDay: r.day, lastAt: r.at, lastCorrect: true,
      stability: 1, difficulty: 5, scheduledDays: 1, reps: 1, lapses: 0, state: 'review',
    };
  }
  return quiz;
}

const ana: Person = { id: 'p-ana001', name: 'Ana', aliases: [], every: '2w', addedOn: '2026-04-01', createdAt: '2026-04-01T10:00:00+02:00', updatedAt: '2026-04-01T10:00:00+02:00' };

function sample(): Backup {
  return buildBackup({
    exportedAt: '2026-05-10T09:00:00+02:00',
    settings: { ...DEFAULT_SETTINGS, name: 'Sam' },
    state: state({ attention: '2026-05-01' }, { 'What did you notice?': '2026-05-03' }),
    quiz: quizWith(review('attention-1', '2026-05-02T10:00:00.000Z')),
    people: { schemaVersion: 1, people: [ana] },
    entries: [entry('2026-05-01', { with: [ana.id], how: 'call' }), entry('2026-05-03', { kind: 'reflection', mood: undefined, intention: 'Call.' })],
  });
}

/** The first problem checkBackup reports for `raw` (a JSON round trip, as from a file). */
function problemsOf(change: (raw: any) => void): string[] {
  const raw = JSON.parse(JSON.stringify(sample()));
  change(raw);
  const { backup, problems } = checkBackup(raw, backupSpecs);
  expect(backup).toBeUndefined();
  return problems;
}

describe('checkBackup', () => {
  it('accepts a backup, as written, with its fields in the documented order', () => {
    const raw = JSON.parse(JSON.stringify(sample()));
    const { backup, problems } = checkBackup(raw, backupSpecs);
    expect(problems).toEqual([]);
    expect(backup).toEqual(raw);
    expect(Object.keys(backup!)).toEqual(['format', 'schemaVersion', 'exportedAt', 'settings', 'state', 'quiz', 'people', 'entries']);
    expect(backup!.schemaVersion).toBe(BACKUP_VERSION);
  });

  it('names what is wrong and where', () => {
    expect(problemsOf((r) => (r.entries[1].date = '2026-13-01'))).toEqual(['entries[1].date is not a YYYY-MM-DD date']);
    expect(problemsOf((r) => delete r.entries[0].answers)).toEqual(['entries[0].answers is not a list']);
  });

  it('finds every problem, not just the first', () => {
    const problems = problemsOf((r) => {
      r.settings.dayStartHour = 9;
      r.state.lessonsRead = [];
      r.quiz.log[0].rating = 2;
      r.entries[0].mood = 7;
      r.exportedAt = 'yesterday';
    });
    expect(problems).toEqual([
      'exportedAt is not a date-time',
      'settings: dayStartHour must be a whole number from 0 to 6',
      'state: lessonsRead is not a map of dates',
      'quiz: log[0]: rating must be 1 or 3',
      'entries[0].mood must be a whole number from 1 to 5',
    ]);
  });

  it('refuses duplicate ids and ids that do not start with their date', () => {
    expect(problemsOf((r) => r.entries.push({ ...r.entries[0] }))).toEqual(['entries[2].id is the same as entries[0].id']);
    expect(problemsOf((r) => (r.entries[0].id = '20260502-abcd'))).toEqual(['entries[0].id does not start with its date']);
  });

  it('refuses other files and newer backups', () => {
    expect(problemsOf((r) => (r.format = 'something')).join()).toContain('this is not a harmony backup');
    expect(checkBackup([1, 2], backupSpecs).problems[0]).toContain('not a harmony backup');
    expect(problemsOf((r) => (r.schemaVersion = BACKUP_VERSION + 1))[0]).toContain(`written by a newer harmony (backup version ${BACKUP_VERSION + 1}`);
    expect(problemsOf((r) => (r.schemaVersion = 0))[0]).toBe('schemaVersion is not a whole number from 1');
    expect(problemsOf((r) => (r.quiz.schemaVersion = 99))[0]).toContain('quiz was written by a newer harmony (version 99');
    expect(problemsOf((r) => delete r.settings)[0]).toBe('settings is not an object');
  });

  it('does not change the parsed input while validating (settings get defaults in a copy)', () => {
    const raw = JSON.parse(JSON.stringify(sample()));
    delete raw.settings.color;
    const before = JSON.stringify(raw);
    const { backup } = checkBackup(raw, backupSpecs);
    expect(JSON.stringify(raw)).toBe(before);
    expect(backup!.settings.color).toBe('auto');
  });
});

describe('planImport', () => {
  const empty: Current = { ids: new Set(), settings: null, state: null, quiz: emptyQuizBackup(), people: null };

  it('into an empty store: everything is restored', () => {
    const b = sample();
    const plan = planImport(b, empty);
    expect(plan.add).toEqual(b.entries);
    expect(plan.skipped).toBe(0);
    expect(plan.settings).toEqual(b.settings);
    expect(plan.state).toEqual(b.state);
    expect(plan.quiz).toEqual(b.quiz);
    expect(plan.newLessonsRead).toBe(1);
    expect(plan.newReviews).toBe(1);
  });

  it('skips and counts entries already present, keeps settings that exist', () => {
    const b = sample();
    const mine = { ...DEFAULT_SETTINGS, name: 'Me' };
    const plan = planImport(b, { ...empty, ids: new Set([b.entries[0]!.id, 'other']), settings: mine });
    expect(plan.add.map((e) => e.id)).toEqual([b.entries[1]!.id]);
    expect(plan.skipped).toBe(1);
    expect(plan.settings).toBeNull();
  });

  it('has nothing to write when the backup holds nothing new', () => {
    const b = sample();
    const plan = planImport(b, { ids: new Set(b.entries.map((e) => e.id)), settings: b.settings, state: b.state, quiz: b.quiz, people: b.people });
    expect(plan).toMatchObject({ add: [], skipped: 2, settings: null, state: null, quiz: null, newLessonsRead: 0, newReviews: 0, people: null, newPeople: 0 });
  });

  it('merges progress: earliest read day per lesson, latest use per prompt, quiz answers unioned', () => {
    const merged = mergeState(state({ attention: '2026-05-05', trust: '2026-04-01' }, { p: '2026-05-01', q: '2026-05-09' }), state({ attention: '2026-05-01', intimacy: '2026-05-02' }, { p: '2026-05-04', q: '2026-05-02' }));
    expect(merged.lessonsRead).toEqual({ attention: '2026-05-01', trust: '2026-04-01', intimacy: '2026-05-02' });
    expect(merged.promptsUsed).toEqual({ p: '2026-05-04', q: '2026-05-09' });
    const b = sample();
    const mineQuiz = quizWith(review('trust-2', '2026-05-04T10:00:00.000Z'));
    const plan = planImport(b, { ...empty, quiz: mineQuiz });
    expect(plan.quiz!.log.map((r) => r.question)).toEqual(['attention-1', 'trust-2']);
    expect(plan.newReviews).toBe(1);
  });
});
