import { describe, expect, it } from 'vitest';
import { loadContentFrom } from '../../src/content/parse.js';
import { choosePrompts, suggestPrinciple, SUGGEST_WINDOW_DAYS } from '../../src/core/suggest.js';
import { PRINCIPLE_IDS } from '../../src/core/principles.js';

const TODAY = '2025-03-20';
const day = (...principles: string[]) => ({ principles });

describe('suggestPrinciple', () => {
  it('picks the principle practised least in the last two weeks', () => {
    const days = {
      '2025-03-19': day('attention', 'communication'),
      '2025-03-18': day('wellbeing', 'trust'),
      '2025-03-17': day('attention', 'communication', 'wellbeing', 'trust'),
    };
    const s = suggestPrinciple(days, TODAY);
    expect(s.principle).toBe('intimacy');
    expect(s.counts).toEqual({ attention: 2, communication: 2, wellbeing: 2, trust: 2, intimacy: 0 });
    expect(s.reason).toBe('not practised yet');
  });

  it(`only counts the last ${SUGGEST_WINDOW_DAYS} days (today included)`, () => {
    const days = {
      '2025-03-07': day('trust', 'trust', 'trust'), // 13 days back: inside
      '2025-03-06': day('intimacy', 'intimacy'), // 14 days back: outside
      '2025-03-19': day('attention', 'communication', 'wellbeing'),
    };
    const s = suggestPrinciple(days, TODAY);
    expect(s.counts.trust).toBe(3);
    expect(s.counts.intimacy).toBe(0);
    expect(s.principle).toBe('intimacy');
    expect(s.reason).toBe(`not practised in the last ${SUGGEST_WINDOW_DAYS} days`);
  });

  it('breaks ties by the weakest quiz mastery when it is known', () => {
    const mastery = { attention: 0.9, communication: 0.8, wellbeing: 0.2, trust: 0.5, intimacy: 0.6 };
    const s = suggestPrinciple({}, TODAY, mastery);
    expect(s.principle).toBe('wellbeing');
    expect(s.reason).toContain('weakest in your quiz');
  });

  it('lets practice count beat mastery: the quiz only breaks ties', () => {
    const mastery = { attention: 0.9, communication: 0.1, wellbeing: 0.9, trust: 0.9, intimacy: 0.9 };
    const s = suggestPrinciple({ '2025-03-19': day('communication') }, TODAY, mastery);
    expect(s.principle).toBe('attention');
  });

  it('without mastery, breaks ties by the one practised longest ago, then lesson order', () => {
    const days = {
      '2025-01-02': day('attention'),
      '2025-01-01': day('communication'),
      '2025-01-03': day('wellbeing', 'trust', 'intimacy'),
    };
    expect(suggestPrinciple(days, TODAY).principle).toBe('communication');
    expect(suggestPrinciple({}, TODAY).principle).toBe(PRINCIPLE_IDS[0]);
  });

  it('says "practised least" when every principle was practised lately', () => {
    const days = { '2025-03-19': day(...PRINCIPLE_IDS, 'attention', 'communication', 'wellbeing', 'trust') };
    const s = suggestPrinciple(days, TODAY);
    expect(s.principle).toBe('intimacy');
    expect(s.reason).toBe(`practised least in the last ${SUGGEST_WINDOW_DAYS} days`);
  });
});

describe('choosePrompts', () => {
  const prompts = ['P1', 'P2', 'P3', 'P4'];

  it('asks never-answered prompts first, in lesson order', () => {
    expect(choosePrompts(prompts, {}, 2)).toEqual(['P1', 'P2']);
    expect(choosePrompts(prompts, { P1: '2025-03-19', P2: '2025-03-19' }, 2)).toEqual(['P3', 'P4']);
  });

  it('once all were answered, asks those answered longest ago', () => {
    const used = { P1: '2025-03-19', P2: '2025-03-01', P3: '2025-03-10', P4: '2025-03-19' };
    expect(choosePrompts(prompts, used, 2)).toEqual(['P2', 'P3']);
  });

  it('skips excluded prompts and returns fewer when the pool is small', () => {
    expect(choosePrompts(prompts, {}, 3, ['P1', 'P3'])).toEqual(['P2', 'P4']);
  });

  it('rotates through a real lesson: two check-ins a day for a week never repeat a prompt until all were asked', () => {
    const lesson = loadContentFrom('content').lessons.find((l) => l.id === 'trust')!;
    const used: Record<string, string> = {};
    const seen: string[] = [];
    for (let i = 0; i < Math.floor(lesson.prompts.length / 2); i++) {
      const picked = choosePrompts(lesson.prompts, used, 2);
      for (const p of picked) used[p] = `2025-03-${String(10 + i).padStart(2, '0')}`;
      seen.push(...picked);
    }
    expect(new Set(seen).size).toBe(seen.length);
  });
});
