// quiz.json through the store: empty when missing, validated, updated under the lock, merged.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Question } from '../../src/content/types.js';
import { emptyQuiz, mergeQuiz, type QuizDoc } from '../../src/core/quiz-doc.js';
import { recordAnswer, type DayRule } from '../../src/core/quiz-schedule.js';
import { DataError } from '../../src/errors.js';
import { Store } from '../../src/store/index.js';
import { quizFile, quizSpec, readQuiz, updateQuiz, writeQuiz } from '../../src/store/quiz.js';
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
const answered = (ids: string[], when: string, correct = true): QuizDoc => {
  const doc = emptyQuiz();
  for (const id of ids) recordAnswer(doc, q(id), [0], correct, new Date(when), UTC);
  return doc;
};

describe('readQuiz / updateQuiz', () => {
  it('reads an empty document when nothing was answered, and writes nothing', () => {
    const store = new Store(tempHome());
    expect(readQuiz(store)).toEqual({ schemaVersion: 1, cards: {}, log: [] });
    expect(() => statSync(quizFile(store))).toThrow();
  });

  it('saves each update (mode 0600) and re-reads the file inside the lock', async () => {
    const home = tempHome();
    const first = new Store(home);
    const second = new Store(home); // another terminal
    await updateQuiz(first, (doc) => recordAnswer(doc, q('one'), [0], true, new Date('2026-01-01T10:00:00Z'), UTC));
    await updateQuiz(second, (doc) => recordAnswer(doc, q('two'), [1], false, new Date('2026-01-01T10:01:00Z'), UTC));
    const doc = readQuiz(first);
    expect(Object.keys(doc.cards).sort()).toEqual(['one', 'two']);
    expect(doc.log.map((r) => r.question)).toEqual(['one', 'two']);
    expect(statSync(quizFile(first)).mode & 0o777).toBe(0o600);
    expect(quizSpec.validate(JSON.parse(readFileSync(quizFile(first), 'utf8')))).toBeNull();
  });

  it('accepts a document with no cards or log yet', () => {
    const store = new Store(tempHome());
    writeFileSync(quizFile(store), '{"schemaVersion": 1}');
    expect(readQuiz(store)).toEqual(emptyQuiz());
  });

  const spoiled: Record<string, object> = {
    'cards as a list': { schemaVersion: 1, cards: [], log: [] },
    'a card without due': { schemaVersion: 1, cards: { x: { ...answered(['x'], '2026-01-01T00:00:00Z').cards.x, due: 'soon' } }, log: [] },
    'a card with an unknown state': { schemaVersion: 1, cards: { x: { ...answered(['x'], '2026-01-01T00:00:00Z').cards.x, state: 'done' } }, log: [] },
    'a review with a rating of 2': { schemaVersion: 1, cards: {}, log: [{ ...answered(['x'], '2026-01-01T00:00:00Z').log[0], rating: 2 }] },
    'a newer version': { schemaVersion: 2, cards: {}, log: [] },
  };
  for (const [name, doc] of Object.entries(spoiled)) {
    it(`refuses ${name} with a DataError naming the file, and changes nothing`, async () => {
      const store = new Store(tempHome());
      const text = JSON.stringify(doc);
      writeFileSync(quizFile(store), text);
      expect(() => readQuiz(store)).toThrow(DataError);
      expect(() => readQuiz(store)).toThrow('quiz.json');
      await expect(updateQuiz(store, () => undefined)).rejects.toBeInstanceOf(DataError);
      expect(readFileSync(quizFile(store), 'utf8')).toBe(text);
    });
  }

  it('names the bad field', () => {
    const store = new Store(tempHome());
    writeFileSync(quizFile(store), JSON.stringify(spoiled['a card without due']));
    expect(() => readQuiz(store)).toThrow(/cards\.x: due is not a date-time/);
  });
});

describe('mergeQuiz (importing a backup)', () => {
  it('unites the logs without duplicates and keeps the latest card per question', async () => {
    const mine = answered(['a', 'b'], '2026-01-05T10:00:00Z');
    const backup = answered(['b', 'c'], '2026-01-02T10:00:00Z', false);
    recordAnswer(backup, q('b'), [0], true, new Date('2026-01-09T10:00:00Z'), UTC); // b: the backup is newer
    const merged = mergeQuiz(mine, backup);
    expect(Object.keys(merged.cards).sort()).toEqual(['a', 'b', 'c']);
    expect(merged.cards.a).toEqual(mine.cards.a);
    expect(merged.cards.b).toEqual(backup.cards.b);
    expect(merged.log).toHaveLength(5);
    expect(mergeQuiz(merged, backup).log).toHaveLength(5);
    expect(merged.log.map((r) => r.at)).toEqual([...merged.log.map((r) => r.at)].sort());
    // The merged document is valid and round-trips through the store.
    const store = new Store(tempHome());
    await store.write(() => writeQuiz(store, merged));
    expect(readQuiz(store)).toEqual(merged);
  });
});
