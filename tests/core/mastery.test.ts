// Mastery per principle, due counts, and what comes next.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContentFrom } from '../../src/content/parse.js';
import { dueCount, dueSummary, mastery, weakestPrinciple, whenText } from '../../src/core/mastery.js';
import { PRINCIPLE_IDS } from '../../src/core/principles.js';
import { emptyQuiz } from '../../src/core/quiz-doc.js';
import { recordAnswer, type DayRule } from '../../src/core/quiz-schedule.js';
import { ROOT } from '../helpers/cli.js';

const bank = loadContentFrom(join(ROOT, 'content')).questions;
const UTC: DayRule = { dayStartHour: 0, timeZone: 'UTC' };
const NOW = new Date('2026-04-01T10:00:00Z');
const of = (p: string) => bank.filter((q) => q.principle === p);

describe('mastery', () => {
  it('is 0 for every principle before any answer', () => {
    const m = mastery(emptyQuiz(), bank, NOW);
    expect(Object.keys(m).sort()).toEqual([...PRINCIPLE_IDS].sort());
    expect(Object.values(m).every((v) => v === 0)).toBe(true);
  });

  it('grows with the share of a principle answered right, ignoring other principles', () => {
    const doc = emptyQuiz();
    const trust = of('trust');
    const half = Math.floor(trust.length / 2);
    for (const q of trust.slice(0, half)) recordAnswer(doc, q, [0], true, NOW, UTC);
    const m = mastery(doc, bank, NOW);
    expect(m.trust).toBeCloseTo(half / trust.length, 2);
    expect(m.attention).toBe(0);
    for (const q of trust.slice(half)) recordAnswer(doc, q, [0], true, NOW, UTC);
    expect(mastery(doc, bank, NOW).trust).toBeCloseTo(1, 2);
  });

  it('counts a missed question as not mastered, and fades without review', () => {
    const doc = emptyQuiz();
    for (const q of of('intimacy')) recordAnswer(doc, q, [0], true, NOW, UTC);
    const full = mastery(doc, bank, NOW).intimacy;
    recordAnswer(doc, of('intimacy')[0]!, [1], false, NOW, UTC);
    const afterMiss = mastery(doc, bank, NOW).intimacy;
    expect(afterMiss).toBeLessThan(full);
    expect(afterMiss).toBeCloseTo(full - 1 / of('intimacy').length, 2);
    const inAMonth = mastery(doc, bank, new Date('2026-05-01T10:00:00Z')).intimacy;
    expect(inAMonth).toBeLessThan(afterMiss);
    expect(inAMonth).toBeGreaterThan(0);
    expect(Object.values(mastery(doc, bank, NOW)).every((v) => v >= 0 && v <= 1)).toBe(true);
  });

  it('ignores answers to questions no longer in the bank', () => {
    const doc = emptyQuiz();
    recordAnswer(doc, { ...of('trust')[0]!, id: 'trust-removed' }, [0], true, NOW, UTC);
    expect(mastery(doc, bank, NOW).trust).toBe(0);
  });

  it('names the weakest principle (lesson order on ties)', () => {
    expect(weakestPrinciple({ attention: 0.5, communication: 0.2, wellbeing: 0.9, trust: 0.2, intimacy: 0.3 })).toBe('communication');
    expect(weakestPrinciple({ attention: 0, communication: 0, wellbeing: 0, trust: 0, intimacy: 0 })).toBe('attention');
  });
});

describe('dueCount and dueSummary', () => {
  it('count questions whose due instant has come, and say what comes next', () => {
    const doc = emptyQuiz();
    const [a, b, c] = of('wellbeing');
    recordAnswer(doc, a!, [0], false, NOW, UTC); // due 2026-04-02
    recordAnswer(doc, b!, [0], false, NOW, UTC); // due 2026-04-02
    recordAnswer(doc, c!, [0], true, NOW, UTC); // due a few days later
    expect(dueCount(doc, NOW)).toBe(0);
    expect(dueSummary(doc, bank, NOW)).toEqual({ now: 0, missed: 2, next: { day: '2026-04-02', at: '2026-04-02T00:00:00.000Z', count: 2 } });
    const tomorrow = new Date('2026-04-02T00:00:00Z');
    expect(dueCount(doc, tomorrow)).toBe(2);
    const later = dueSummary(doc, bank, tomorrow);
    expect(later.now).toBe(2);
    expect(later.next!.day).toBe(doc.cards[c!.id]!.dueDay);
    expect(later.next!.count).toBe(1);
    expect(dueCount(doc, new Date('2027-01-01T00:00:00Z'))).toBe(3);
    expect(dueCount(doc, new Date('2027-01-01T00:00:00Z'), [a!])).toBe(1);
  });

  it('has nothing next when nothing was answered', () => {
    expect(dueSummary(emptyQuiz(), bank, NOW)).toEqual({ now: 0, missed: 0, next: null });
  });
});

describe('whenText', () => {
  it('speaks in practice days', () => {
    expect(whenText('2026-04-01', '2026-04-01')).toBe('today');
    expect(whenText('2026-04-02', '2026-04-01')).toBe('tomorrow (2026-04-02)');
    expect(whenText('2026-04-09', '2026-04-01')).toBe('in 8 days (2026-04-09)');
  });
});
