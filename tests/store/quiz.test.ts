// quiz.json and quiz-log/ through the store: empty when missing, validated, updated under the
// lock, the log filed by month, a version-1 quiz.json migrated without losing a review, merged.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Question } from '../../src/content/types.js';
import { emptyQuiz, emptyQuizBackup, mergeQuiz, type QuizBackup, type QuizReview } from '../../src/core/quiz-doc.js';
import { recordAnswer, type DayRule } from '../../src/core/quiz-schedule.js';
import { DataError } from '../../src/errors.js';
import { Store } from '../../src/store/index.js';
import { quizFile, quizSpec, readQuiz, readQuizBackup, saveAnswer, updateQuiz, writeQuizBackup } from '../../src/store/quiz.js';
import { addToQuizLog, quizLogPath, readQuizLog, readQuizMonth } from '../../src/store/quiz-log.js';
import { cleanupHomes, tempHome } from '../helpers/cli.js';

afterAll(cleanupHomes);

const q = (id: string): Question => ({
  id,
  principle: 'attention',
  kind: 'single',
  section: 'S',
  prompt: 'P',
  choices: [{ text: 'a', correct: true, why: 'w' }, { text: 'b', correct: false, why: 'w' }, { text: 'c', correct: false, why: 'w' }],
  explanation: 'E',
});
const UTC: DayRule = { dayStartHour: 0, timeZone: 'UTC' };

/** Cards and log as a backup (or a version-1 quiz.json) holds them. */
const answered = (ids: string[], when: string, correct = true, into: QuizBackup = emptyQuizBackup()): QuizBackup => {
  for (const id of ids) into.log.push(recordAnswer(into, q(id), [0], correct, new Date(when), UTC));
  return into;
};
const answer = (store: Store, id: string, when: string, correct = true) =>
  saveAnswer(store, (doc) => recordAnswer(doc, q(id), [correct ? 0 : 1], correct, new Date(when), UTC));

describe('readQuiz / saveAnswer', () => {
  it('reads an empty document when nothing was answered, and writes nothing', async () => {
    const store = new Store(tempHome());
    expect((await readQuiz(store))).toEqual({ schemaVersion: 2, cards: {} });
    expect((await readQuizBackup(store))).toEqual(emptyQuizBackup());
    expect(() => statSync(quizFile(store))).toThrow();
  });

  it('saves cards in quiz.json and each review in its month (mode 0600), re-reading inside the lock', async () => {
    const home = tempHome();
    const first = new Store(home);
    const second = new Store(home); // another terminal
    await answer(first, 'one', '2026-01-31T10:00:00Z');
    await answer(second, 'two', '2026-02-01T10:01:00Z', false);
    await answer(first, 'one', '2026-02-03T10:00:00Z');
    const doc = (await readQuiz(first));
    expect(Object.keys(doc.cards).sort()).toEqual(['one', 'two']);
    expect(doc.cards.one!.reps).toBe(2);
    expect(JSON.parse(readFileSync(quizFile(first), 'utf8'))).toEqual({ schemaVersion: 2, cards: doc.cards });
    expect((await readQuizMonth(first, '2026-01')).map((r) => r.question)).toEqual(['one']);
    expect((await readQuizMonth(first, '2026-02')).map((r) => [r.question, r.correct])).toEqual([['two', false], ['one', true]]);
    for (const file of [quizFile(first), quizLogPath(first, '2026-01'), quizLogPath(first, '2026-02')]) expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(quizSpec.validate(JSON.parse(readFileSync(quizFile(first), 'utf8')))).toBeNull();
  });

  it('an answer rewrites only its own month of the log', async () => {
    const store = new Store(tempHome());
    await answer(store, 'a', '2026-01-10T10:00:00Z');
    const january = readFileSync(quizLogPath(store, '2026-01'));
    const before = statSync(quizLogPath(store, '2026-01')).mtimeMs;
    await answer(store, 'b', '2026-03-10T10:00:00Z');
    expect(readFileSync(quizLogPath(store, '2026-01'))).toEqual(january);
    expect(statSync(quizLogPath(store, '2026-01')).mtimeMs).toBe(before);
    expect(readdirSync(join(store.home, 'quiz-log')).sort()).toEqual(['2026-01.json', '2026-03.json']);
  });

  it('keeps two answers to the same question at the same instant (a pinned clock)', async () => {
    const store = new Store(tempHome());
    await answer(store, 'a', '2026-01-10T10:00:00Z');
    await answer(store, 'a', '2026-01-10T10:00:00Z', false);
    expect((await readQuizLog(store)).map((r) => r.correct)).toEqual([true, false]);
  });

  it('accepts a document with no cards yet', async () => {
    const store = new Store(tempHome());
    writeFileSync(quizFile(store), '{"schemaVersion": 2}');
    expect((await readQuiz(store))).toEqual(emptyQuiz());
  });

  const card = answered(['x'], '2026-01-01T00:00:00Z').cards.x;
  const spoiled: Record<string, object> = {
    'cards as a list': { schemaVersion: 2, cards: [] },
    'a card without due': { schemaVersion: 2, cards: { x: { ...card, due: 'soon' } } },
    'a card with an unknown state': { schemaVersion: 1, cards: { x: { ...card, state: 'done' } }, log: [] },
    'a version-1 log that is not a list': { schemaVersion: 1, cards: {}, log: 'none' },
    'a version-1 review with a rating of 2': { schemaVersion: 1, cards: {}, log: [{ ...answered(['x'], '2026-01-01T00:00:00Z').log[0], rating: 2 }] },
    'a newer version': { schemaVersion: 3, cards: {} },
  };
  for (const [name, doc] of Object.entries(spoiled)) {
    it(`refuses ${name} with a DataError naming the file, and changes nothing`, async () => {
      const store = new Store(tempHome());
      const text = JSON.stringify(doc);
      writeFileSync(quizFile(store), text);
      await expect(readQuiz(store)).rejects.toThrow(DataError);
      await expect(readQuiz(store)).rejects.toThrow('quiz.json');
      await expect(updateQuiz(store, () => undefined)).rejects.toBeInstanceOf(DataError);
      await expect(answer(store, 'y', '2026-01-02T00:00:00Z')).rejects.toBeInstanceOf(DataError);
      expect(readFileSync(quizFile(store), 'utf8')).toBe(text);
      expect(existsSync(join(store.home, 'quiz-log'))).toBe(false);
    });
  }

  it('names the bad field (a version-1 review as log[i], as in the file)', async () => {
    const store = new Store(tempHome());
    writeFileSync(quizFile(store), JSON.stringify(spoiled['a card without due']));
    await expect(readQuiz(store)).rejects.toThrow(/cards\.x: due is not a date-time/);
    writeFileSync(quizFile(store), JSON.stringify(spoiled['a version-1 review with a rating of 2']));
    await expect(readQuiz(store)).rejects.toThrow(/log\[0\]: rating must be 1 or 3/);
  });

  it('a damaged month of the log: the cards still read; an answer in that month is refused with both files untouched', async () => {
    const store = new Store(tempHome());
    await answer(store, 'a', '2026-01-10T10:00:00Z');
    const cards = readFileSync(quizFile(store), 'utf8');
    const bad = JSON.stringify({ schemaVersion: 1, reviews: [{ question: 'a', at: 'later' }] });
    writeFileSync(quizLogPath(store, '2026-01'), bad);
    expect(Object.keys((await readQuiz(store)).cards)).toEqual(['a']);
    await expect(readQuizLog(store)).rejects.toThrow(/2026-01\.json has unexpected content \(reviews\[0\]: at is not a date-time\)/);
    await expect(readQuizBackup(store)).rejects.toThrow(DataError);
    await expect(answer(store, 'b', '2026-01-11T10:00:00Z')).rejects.toBeInstanceOf(DataError);
    expect(readFileSync(quizLogPath(store, '2026-01'), 'utf8')).toBe(bad);
    expect(readFileSync(quizFile(store), 'utf8')).toBe(cards);
    // Other files in the folder (an editor's backup, a temp file) are not months.
    writeFileSync(quizLogPath(store, '2026-01'), JSON.stringify({ schemaVersion: 1, reviews: [] }));
    writeFileSync(join(store.home, 'quiz-log', 'notes.txt'), 'hi');
    writeFileSync(join(store.home, 'quiz-log', '.2026-01.json.1.tmp'), '{');
    expect((await readQuizLog(store))).toEqual([]);
  });
});

describe('a version-1 quiz.json (cards and log in one file)', () => {
  function legacy(home: string): { text: string; v1: QuizBackup } {
    const v1 = answered(['a', 'b'], '2026-01-30T10:00:00Z');
    answered(['a'], '2026-01-30T10:00:00Z', false, v1); // same question, same instant: both kept
    answered(['c'], '2026-02-02T10:00:00Z', true, v1);
    const text = JSON.stringify(v1, null, 1);
    mkdirSync(home, { recursive: true });
    writeFileSync(join(home, 'quiz.json'), text);
    return { text, v1 };
  }

  it('is migrated in memory on read and left untouched until a write', async () => {
    const store = new Store(tempHome());
    const { text, v1 } = legacy(store.home);
    const doc = (await readQuiz(store));
    expect(doc).toEqual({ schemaVersion: 2, cards: v1.cards, unfiled: v1.log });
    expect((await readQuizBackup(store))).toEqual(v1);
    expect(readFileSync(quizFile(store), 'utf8')).toBe(text);
    expect(existsSync(join(store.home, 'quiz-log'))).toBe(false);
  });

  it('the next write files every review by month, then rewrites quiz.json as version 2', async () => {
    const store = new Store(tempHome());
    const { v1 } = legacy(store.home);
    const review = await answer(store, 'd', '2026-02-03T10:00:00Z');
    expect(JSON.parse(readFileSync(quizFile(store), 'utf8'))).toEqual({ schemaVersion: 2, cards: (await readQuiz(store)).cards });
    expect((await readQuiz(store)).unfiled).toBeUndefined();
    expect((await readQuizMonth(store, '2026-01'))).toEqual(v1.log.slice(0, 3));
    expect((await readQuizMonth(store, '2026-02'))).toEqual([v1.log[3], review]);
    expect((await readQuizBackup(store)).log).toEqual([...v1.log, review]);
  });

  it('a crash after the log was written but before quiz.json was: nothing lost, nothing doubled', async () => {
    const store = new Store(tempHome());
    const { text, v1 } = legacy(store.home);
    // What writeQuiz does first; the crash comes before quiz.json is replaced.
    await store.write(async () => (await addToQuizLog(store, (await readQuiz(store)).unfiled!)));
    expect(readFileSync(quizFile(store), 'utf8')).toBe(text);
    expect((await readQuizBackup(store)).log).toEqual(v1.log); // read twice (log + unfiled), counted once
    await updateQuiz(store, () => undefined); // the next write finishes the job
    expect((await readQuizLog(store))).toEqual(v1.log);
    expect((await readQuiz(store))).toEqual({ schemaVersion: 2, cards: v1.cards });
  });
});

describe('mergeQuiz and writeQuizBackup (importing a backup)', () => {
  it('unites the logs without duplicates and keeps the latest card per question', async () => {
    const mine = answered(['a', 'b'], '2026-01-05T10:00:00Z');
    const backup = answered(['b', 'c'], '2026-01-02T10:00:00Z', false);
    answered(['b'], '2026-02-09T10:00:00Z', true, backup); // b: the backup is newer
    const merged = mergeQuiz(mine, backup);
    expect(Object.keys(merged.cards).sort()).toEqual(['a', 'b', 'c']);
    expect(merged.cards.a).toEqual(mine.cards.a);
    expect(merged.cards.b).toEqual(backup.cards.b);
    expect(merged.log).toHaveLength(5);
    expect(mergeQuiz(merged, backup).log).toHaveLength(5);
    expect(merged.log.map((r) => r.at)).toEqual([...merged.log.map((r) => r.at)].sort());
    // The merged history round-trips through the store: cards in quiz.json, the log by month.
    const store = new Store(tempHome());
    await store.write(async () => (await writeQuizBackup(store, mine)));
    await store.write(async () => (await writeQuizBackup(store, merged)));
    expect((await readQuizBackup(store))).toEqual(merged);
    expect((await readQuizMonth(store, '2026-02')).map((r: QuizReview) => r.question)).toEqual(['b']);
    const before = readFileSync(quizLogPath(store, '2026-01'), 'utf8');
    await store.write(async () => (await writeQuizBackup(store, merged))); // again: the log does not grow
    expect(readFileSync(quizLogPath(store, '2026-01'), 'utf8')).toBe(before);
  });
});
