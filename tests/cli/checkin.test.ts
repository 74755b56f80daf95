// harmony checkin / reflect / plain harmony through the built binary, without a terminal.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_BACKFILL_DAYS } from '../../src/core/checkin.js';
import { cleanupHomes, run, tempHome } from '../helpers/cli.js';

afterAll(cleanupHomes);
const NOW = '2025-03-10T18:00:00Z';
const at = (day: string) => `${day}T18:00:00Z`;
const journal = (home: string) =>
  existsSync(join(home, 'journal'))
    ? readdirSync(join(home, 'journal')).filter((n) => /^\d{4}-\d{2}\.json$/.test(n)).flatMap((n) => JSON.parse(readFileSync(join(home, 'journal', n), 'utf8')).entries)
    : [];
const checkin = (home: string, args: string[], now = NOW) => run(['checkin', ...args], { home, env: { HARMONY_NOW: now } });

describe('harmony checkin from flags', () => {
  it('without a terminal and without the needed flags, fails fast naming them and writes nothing', () => {
    const home = tempHome();
    const r = checkin(home, []);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--mood N --answer TEXT');
    const partial = checkin(home, ['--mood', '3']);
    expect(partial.code).toBe(2);
    expect(partial.stderr).toContain('pass --answer TEXT');
    expect(partial.stderr).not.toContain('--mood N');
    expect(readdirSync(home)).toEqual([]);
  });

  it('saves the entry and prints it with --json', () => {
    const home = tempHome();
    const r = checkin(home, ['--mood', '4', '--principle', 'tr', '--answer', 'I kept my word', '--answer', 'and listened', '--intention', 'Call Sam', '--json']);
    expect(r.code).toBe(0);
    const printed = JSON.parse(r.stdout);
    expect(printed).toMatchObject({ kind: 'checkin', date: '2025-03-10', principle: 'trust', mood: 4, intention: 'Call Sam', createdAt: '2025-03-10T18:00:00+00:00' });
    expect(printed.answers.map((a: { answer: string }) => a.answer)).toEqual(['I kept my word', 'and listened']);
    expect(journal(home)).toEqual([printed]);
  });

  it('prints a summary with the streak and what to do next', () => {
    const home = tempHome();
    const r = checkin(home, ['--mood', '3', '--answer', 'ok']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('✓ Check-in saved for today (2025-03-10)');
    expect(r.stdout).toContain('Streak: 1 day');
    expect(r.stdout).toMatch(/Next:\n {2}• Read ".+" \(\d+ min\): harmony learn attention/);
  });

  it('rejects bad values with exit 2: mood out of range, unknown principle, too many answers', () => {
    const home = tempHome();
    expect(checkin(home, ['--mood', '6', '--answer', 'x']).stderr).toContain('--mood must be a whole number from 1 to 5');
    const p = checkin(home, ['--mood', '3', '--principle', 'love', '--answer', 'x']);
    expect([p.code, p.stderr]).toEqual([2, expect.stringContaining('Unknown principle "love"')]);
    const many = checkin(home, ['--mood', '3', '--answer', 'a', '--answer', 'b', '--answer', 'c']);
    expect([many.code, many.stderr]).toEqual([2, expect.stringContaining('at most 2 --answer')]);
    expect(journal(home)).toEqual([]);
  });

  it('never duplicates a day: a second check-in needs --append, which adds to the same entry', () => {
    const home = tempHome();
    checkin(home, ['--mood', '2', '--answer', 'first']);
    const again = checkin(home, ['--mood', '4', '--answer', 'second']);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('--append');
    expect(again.stderr).toContain('harmony journal show today');
    expect(journal(home)).toHaveLength(1);
    const add = checkin(home, ['--append', '--answer', 'second', '--json']);
    expect(add.code).toBe(0);
    const entries = journal(home);
    expect(entries).toHaveLength(1);
    expect(entries[0].answers.map((a: { answer: string }) => a.answer)).toEqual(['first', 'second']);
    expect(entries[0].answers[0].prompt).not.toBe(entries[0].answers[1].prompt);
    expect(entries[0].mood).toBe(2);
  });

  it('--append on a day without a check-in saves a new one', () => {
    const home = tempHome();
    expect(checkin(home, ['--append', '--mood', '3', '--answer', 'x']).code).toBe(0);
    expect(journal(home)).toHaveLength(1);
  });

  it('--append without anything to add and without a terminal names the flags', () => {
    const home = tempHome();
    checkin(home, ['--mood', '2', '--answer', 'first']);
    const r = checkin(home, ['--append']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--answer TEXT --mood N or --intention TEXT');
  });
});

describe('--date', () => {
  it('fills in yesterday and repairs the streak', () => {
    const home = tempHome();
    checkin(home, ['--mood', '3', '--answer', 'a'], at('2025-03-07'));
    checkin(home, ['--mood', '3', '--answer', 'b'], at('2025-03-08'));
    const today = checkin(home, ['--mood', '3', '--answer', 'c'], at('2025-03-10'));
    expect(today.stdout).toContain('Streak: 1 day (best 2)');
    const fill = checkin(home, ['--mood', '3', '--answer', 'd', '--date', 'yesterday'], at('2025-03-10'));
    expect(fill.code).toBe(0);
    expect(fill.stdout).toContain('✓ Check-in saved for 2025-03-09');
    expect(fill.stdout).toContain('Streak: 4 days, a new record! · repaired by filling in 2025-03-09');
    expect(journal(home).map((e: { date: string }) => e.date).sort()).toEqual(['2025-03-07', '2025-03-08', '2025-03-09', '2025-03-10']);
  });

  it(`refuses the future, impossible dates and more than ${MAX_BACKFILL_DAYS} days back, with the reason`, () => {
    const home = tempHome();
    const cases: [string, RegExp][] = [
      ['2025-03-11', /in the future/],
      ['2025-02-30', /2025-02-30 is not a real calendar date/],
      ['2025-02-07', /at most 30 days back \(earliest 2025-02-08\)/],
      ['someday', /--date must be yesterday, Nd .*YYYY-MM-DD/],
    ];
    for (const [date, reason] of cases) {
      const r = checkin(home, ['--mood', '3', '--answer', 'x', '--date', date]);
      expect(r.code, date).toBe(2);
      expect(r.stderr, date).toMatch(reason);
    }
    expect(checkin(home, ['--mood', '3', '--answer', 'x', '--date', '2025-02-08']).code).toBe(0);
    expect(journal(home)).toHaveLength(1);
  });

  it('documents the limit in the help text, matching the code', () => {
    const r = run(['checkin', '--help'], { home: tempHome() });
    expect(r.stdout).toContain(`at most ${MAX_BACKFILL_DAYS} days back`);
    expect(r.stdout).toContain('Examples:');
    expect(run(['reflect', '--help'], { home: tempHome() }).stdout).toContain(`at most ${MAX_BACKFILL_DAYS} days back`);
  });
});

describe('streaks over days', () => {
  it('earns a freeze after 7 days, spends it on a missed day and keeps the streak', () => {
    const home = tempHome();
    let last = '';
    for (let d = 1; d <= 7; d++) last = checkin(home, ['--mood', '3', '--answer', `day ${d}`], at(`2025-03-0${d}`)).stdout;
    expect(last).toContain('Streak: 7 days');
    expect(last).toContain('Freezes: 1 held');
    const after = checkin(home, ['--mood', '3', '--answer', 'back'], at('2025-03-09'));
    expect(after.stdout).toContain('Streak: 8 days');
    expect(after.stdout).toContain('Freezes: none held');
  });

  it('respects dayStartHour: 03:30 with a 4 o\'clock start still counts for the day before', () => {
    const home = tempHome();
    writeFileSync(join(home, 'config.json'), JSON.stringify({ schemaVersion: 1, dayStartHour: 4 }));
    const r = checkin(home, ['--mood', '3', '--answer', 'late', '--json'], '2025-03-11T03:30:00Z');
    expect(JSON.parse(r.stdout).date).toBe('2025-03-10');
  });
});

describe('harmony reflect from flags', () => {
  it('without a terminal needs --answer and --commitment', () => {
    const home = tempHome();
    const r = run(['reflect', 'trust'], { home, env: { HARMONY_NOW: NOW } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--answer TEXT --commitment TEXT');
    expect(journal(home)).toEqual([]);
  });

  it('saves a reflection with the commitment as its closing line; it counts as practice', () => {
    const home = tempHome();
    const r = run(['reflect', '4', '--answer', 'a', '--answer', 'b', '--answer', 'c', '--commitment', 'Tell Ana', '--json'], { home, env: { HARMONY_NOW: NOW } });
    expect(r.code).toBe(0);
    const e = JSON.parse(r.stdout);
    expect(e).toMatchObject({ kind: 'reflection', principle: 'trust', intention: 'Tell Ana', date: '2025-03-10' });
    expect(e.answers).toHaveLength(3);
    expect(new Set(e.answers.map((a: { prompt: string }) => a.prompt)).size).toBe(3);
    const h = run([], { home, env: { HARMONY_NOW: NOW } });
    expect(h.stdout).toContain('Today: 1 reflection (trust)');
    expect(h.stdout).toContain('Streak: 1 day');
  });

  it('refuses more than 5 answers and an unknown principle', () => {
    const home = tempHome();
    const six = ['a', 'b', 'c', 'd', 'e', 'f'].flatMap((x) => ['--answer', x]);
    expect(run(['reflect', 'trust', ...six, '--commitment', 'x'], { home }).stderr).toContain('at most 5 --answer');
    expect(run(['reflect', 'nope', '--answer', 'a', '--commitment', 'x'], { home }).code).toBe(2);
  });
});

describe('plain harmony without a terminal', () => {
  it('never prompts: shows what is pending, then today once done', () => {
    const home = tempHome();
    const before = run([], { home, env: { HARMONY_NOW: NOW } });
    expect(before.code).toBe(0);
    expect(before.stdout).toContain('No check-ins yet');
    checkin(home, ['--mood', '5', '--principle', 'intimacy', '--answer', 'x']);
    const after = run([], { home, env: { HARMONY_NOW: NOW } });
    expect(after.stdout).toContain('Today: checked in (mood 5 great, intimacy)');
    expect(after.stdout).not.toContain('No check-in');
  });

  it('warns when the streak ends tonight', () => {
    const home = tempHome();
    checkin(home, ['--mood', '3', '--answer', 'x'], at('2025-03-09'));
    const r = run([], { home, env: { HARMONY_NOW: NOW } });
    expect(r.stdout).toContain('Check in today to keep your 1-day streak: it ends tonight without one.');
  });
});
