// A year of daily check-ins with the default choices (the suggested principle, the offered
// prompts, the offered practice) and a five-question quiz a day, through the same core
// functions the commands use, over the real content (issue 13): no prompt is offered twice
// within 80 days, no practice within 120, and new quiz questions keep coming for 30 days.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContentFrom } from '../../src/content/parse.js';
import { markPromptsUsed } from '../../src/core/checkin.js';
import { addDays, daysBetween, type LocalDate } from '../../src/core/dates.js';
import { mastery } from '../../src/core/mastery.js';
import { markOffered, nextPractice, practicesOf } from '../../src/core/practice-pick.js';
import { emptyQuiz } from '../../src/core/quiz-doc.js';
import { recordAnswer, dayStartInstant } from '../../src/core/quiz-schedule.js';
import { planQuiz, seededRng } from '../../src/core/quiz-select.js';
import { choosePrompts, suggestPrinciple, type DayPrinciples } from '../../src/core/suggest.js';
import { CHECKIN_PROMPTS } from '../../src/commands/checkin/session.js';
import { ROOT } from '../helpers/cli.js';

const content = loadContentFrom(join(ROOT, 'content'));

function minGap(offers: Map<string, LocalDate[]>): { gap: number; item: string } {
  let worst = { gap: Infinity, item: '' };
  for (const [item, days] of offers) {
    for (let i = 1; i < days.length; i++) {
      const gap = daysBetween(days[i - 1]!, days[i]!);
      if (gap < worst.gap) worst = { gap, item };
    }
  }
  return worst;
}

const note = (map: Map<string, LocalDate[]>, key: string, day: LocalDate) => map.set(key, [...(map.get(key) ?? []), day]);

describe('a year of daily use with the default choices', () => {
  const days: Record<LocalDate, DayPrinciples> = {};
  const promptsUsed: Record<string, LocalDate> = {};
  const offered: Record<string, LocalDate> = {};
  const promptOffers = new Map<string, LocalDate[]>();
  const practiceOffers = new Map<string, LocalDate[]>();
  const newPerDay: number[] = [];
  const quiz = emptyQuiz();
  const rng = seededRng(2026);
  const start = '2026-01-05';
  for (let i = 0; i < 365; i++) {
    const today = addDays(start, i);
    const now = new Date(dayStartInstant(today, 0, 'UTC').getTime() + 20 * 3_600_000); // 20:00
    // Today's quiz first: its mastery feeds tomorrow's suggestion, as in real use.
    const plan = planQuiz(content.questions, quiz, { now, count: 5 }, i + 1);
    newPerDay.push(plan.filter((a) => a.reason === 'new').length);
    for (const asked of plan) {
      const correct = rng() < 0.8;
      const chosen = asked.question.choices.flatMap((c, k) => (c.correct === correct ? [k] : [])).slice(0, asked.question.kind === 'multi' ? undefined : 1);
      recordAnswer(quiz, asked.question, chosen, correct, now, { dayStartHour: 0, timeZone: 'UTC' });
    }
    const principle = suggestPrinciple(days, today, mastery(quiz, content.questions, now)).principle;
    const lesson = content.lessons.find((l) => l.id === principle)!;
    const prompts = choosePrompts(lesson.prompts, promptsUsed, CHECKIN_PROMPTS);
    for (const p of prompts) note(promptOffers, p, today);
    markPromptsUsed(promptsUsed, prompts.map((prompt) => ({ prompt, answer: 'an answer' })), today);
    const practice = nextPractice(practicesOf(content.practices, principle), offered)!;
    note(practiceOffers, practice.id, today);
    markOffered(offered, [practice.id], today);
    days[today] = { principles: [principle] };
  }

  it('rotates the principles (each practised 60-90 days of the 365)', () => {
    const counts: Record<string, number> = {};
    for (const d of Object.values(days)) counts[d.principles[0]!] = (counts[d.principles[0]!] ?? 0) + 1;
    expect(Object.keys(counts)).toHaveLength(5);
    for (const n of Object.values(counts)) expect(n).toBeGreaterThanOrEqual(60);
  });

  it('offers no prompt twice within 80 days', () => {
    const worst = minGap(promptOffers);
    expect(worst.gap, worst.item).toBeGreaterThanOrEqual(80);
    expect(promptOffers.size).toBeGreaterThan(150);
  });

  it('offers no practice twice within 120 days', () => {
    const worst = minGap(practiceOffers);
    expect(worst.gap, worst.item).toBeGreaterThanOrEqual(120);
  });

  it('keeps bringing new quiz questions for at least 30 days of a five-question quiz', () => {
    const firstDayWithoutNew = newPerDay.findIndex((n) => n === 0);
    expect(firstDayWithoutNew === -1 || firstDayWithoutNew >= 30, `day ${firstDayWithoutNew + 1} had no new question`).toBe(true);
  });

  it('would fail with November 2026 amounts (12 prompts a principle): the check bites', () => {
    const used: Record<string, LocalDate> = {};
    const offers = new Map<string, LocalDate[]>();
    const twelve = content.lessons[0]!.prompts.slice(0, 12);
    for (let i = 0; i < 365; i += 5) {
      const today = addDays(start, i);
      const prompts = choosePrompts(twelve, used, CHECKIN_PROMPTS);
      for (const p of prompts) note(offers, p, today);
      markPromptsUsed(used, prompts.map((prompt) => ({ prompt, answer: 'x' })), today);
    }
    expect(minGap(offers).gap).toBeLessThan(80);
  });
});
