// The labelled corpus, scored on its frozen third (issue 15). The thresholds are the issue's:
// a false alarm is itself an unfair criticism, so precision and clean-message rates are
// enforced as well as recall. The per-rule figures are printed for the report.
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/core/check/types.js';
import { evaluate, loadCorpus, table } from './corpus.js';

const { all, frozen } = loadCorpus();

describe('the check corpus', () => {
  it('is big enough, labelled, and has a frozen third', () => {
    const clean = all.filter((m) => !m.rules?.length);
    const problems = all.filter((m) => m.rules?.length);
    expect(all.length).toBeGreaterThanOrEqual(400);
    expect(clean.length).toBeGreaterThanOrEqual(200);
    expect(clean.filter((m) => m.trigger).length).toBeGreaterThanOrEqual(80);
    expect(problems.length).toBeGreaterThanOrEqual(200);
    expect(new Set(all.map((m) => m.id)).size).toBe(all.length);
    for (const m of problems) for (const r of m.rules!) expect(RULES).toContain(r);
    // Every rule is labelled in both parts, so the frozen figures cover each one.
    for (const rule of RULES) {
      expect(problems.filter((m) => m.rules!.includes(rule) && frozen.has(m.id)).length, rule).toBeGreaterThanOrEqual(2);
      expect(problems.filter((m) => m.rules!.includes(rule) && !frozen.has(m.id)).length, rule).toBeGreaterThanOrEqual(3);
    }
    for (const id of frozen) expect(all.some((m) => m.id === id), id).toBe(true);
    expect(frozen.size / all.length).toBeGreaterThan(0.3);
    expect(frozen.size / all.length).toBeLessThan(0.37);
    expect(new Set(all.map((m) => m.ch)).size).toBeGreaterThanOrEqual(12);
  });

  it('meets the thresholds on the frozen split', () => {
    const figures = evaluate(all.filter((m) => frozen.has(m.id)));
    console.log(`harmony check, frozen split:\n${table(figures)}`);
    expect(figures.warnPrecision).toBeGreaterThanOrEqual(0.9);
    expect(figures.hintPrecision).toBeGreaterThanOrEqual(0.75);
    expect(figures.cleanWithWarn).toBeLessThanOrEqual(0.03);
    expect(figures.cleanWithHint).toBeLessThanOrEqual(0.1);
    expect(figures.recall).toBeGreaterThanOrEqual(0.75);
  });
});
