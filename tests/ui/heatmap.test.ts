import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { bar } from '../../src/ui/bars.js';
import { HEAT_CHARS, heatmapLines, levelOf, type HeatmapInput } from '../../src/ui/heatmap.js';
import { sparkline } from '../../src/ui/sparkline.js';
import { makeStyle } from '../../src/ui/style.js';

// 2026-03-11 is a Wednesday; a year of weeks back starts on Monday 2025-03-10.
const base: HeatmapInput = {
  from: '2025-03-10',
  to: '2026-03-11',
  entries: { '2025-03-10': 1, '2025-03-16': 2, '2025-12-31': 1, '2026-03-11': 3 },
  frozen: ['2025-03-12'],
};
const GUTTER = 4;
const cell = (lines: string[], row: number, col: number) => lines[1 + row]![GUTTER + col];

describe('heatmapLines', () => {
  const lines = heatmapLines(base);

  it('has a month line, seven weekday rows and a legend, all within 80 columns', () => {
    expect(lines).toHaveLength(9);
    expect(lines.slice(1, 8).map((l) => l.slice(0, GUTTER).trim())).toEqual(['Mon', '', 'Wed', '', 'Fri', '', 'Sun']);
    for (const l of lines) expect([...l].length).toBeLessThanOrEqual(80);
    expect(Math.max(...lines.slice(1, 8).map((l) => l.length))).toBe(GUTTER + 53);
  });

  it('puts each day in its week column and weekday row, shaded by entries', () => {
    expect(cell(lines, 0, 0)).toBe(HEAT_CHARS.one); // Mon 2025-03-10
    expect(cell(lines, 6, 0)).toBe(HEAT_CHARS.two); // Sun 2025-03-16
    expect(cell(lines, 2, 0)).toBe(HEAT_CHARS.frozen); // Wed 2025-03-12, freeze
    expect(cell(lines, 1, 0)).toBe(HEAT_CHARS.none);
    expect(cell(lines, 2, 42)).toBe(HEAT_CHARS.one); // Wed 2025-12-31, week of Mon 2025-12-29
    expect(cell(lines, 2, 52)).toBe(HEAT_CHARS.more); // today, 3 entries
    expect(cell(lines, 1, 52)).toBe(HEAT_CHARS.none);
    // Thursday to Sunday of this week have not happened yet.
    for (const row of [3, 4, 5, 6]) expect(lines[1 + row]!.length).toBe(GUTTER + 52);
  });

  it('labels months over the week their first day falls in, without collisions', () => {
    const months = lines[0]!;
    expect(months.indexOf('Apr')).toBe(GUTTER + 3); // 2025-04-01 is in the week of 2025-03-31
    expect(months.indexOf('Jan')).toBe(GUTTER + 42);
    expect(months).not.toContain('Mar Apr'); // March (first column) has no room before April
    const starts = [...months.matchAll(/[A-Z][a-z]{2}/g)].map((m) => m.index);
    expect(starts.length).toBeGreaterThanOrEqual(11);
    starts.slice(1).forEach((s, i) => expect(s - starts[i]!).toBeGreaterThanOrEqual(4));
  });

  it('reads without colour: a legend of five distinct characters', () => {
    const chars = Object.values(HEAT_CHARS);
    expect(new Set(chars).size).toBe(5);
    for (const ch of chars) expect(lines[8]).toContain(ch);
    expect(lines.join('')).not.toMatch(/\u001b/);
  });

  it('with colour adds only colour: the text is the same', () => {
    const coloured = heatmapLines(base, makeStyle(true));
    expect(coloured.join('\n')).toMatch(/\u001b\[/);
    expect(coloured.map((l) => stripVTControlCharacters(l))).toEqual(lines);
  });

  it('levelOf maps counts and freezes to levels', () => {
    expect([undefined, 0, 1, 2, 3, 9].map((n) => levelOf(n, false))).toEqual(['none', 'none', 'one', 'two', 'more', 'more']);
    expect(levelOf(undefined, true)).toBe('frozen');
    expect(levelOf(1, true)).toBe('one');
  });
});

describe('sparkline and bar', () => {
  it('sparkline scales values from min to max and marks missing days', () => {
    expect(sparkline([1, 2, 3, 4, 5, null], 1, 5)).toBe('▁▃▅▆█·');
    expect(sparkline([0, 9], 1, 5)).toBe('▁█'); // clamped
    expect(sparkline([3.5], 1, 5)).toBe('▅');
    expect(sparkline([], 1, 5)).toBe('');
  });

  it('bar fills whole and eighth characters and keeps its width', () => {
    expect(bar(0, 10)).toBe('··········');
    expect(bar(1, 10)).toBe('██████████');
    expect(bar(0.5, 10)).toBe('█████·····');
    expect(bar(0.55, 10)).toBe('█████▌····');
    for (const f of [0, 0.01, 0.33, 0.5, 0.99, 1, 2, -1, NaN]) expect([...bar(f, 16)].length).toBe(16);
  });
});
