import { describe, expect, it } from 'vitest';
import { loadContentFrom } from '../../src/content/parse.js';
import { addDays } from '../../src/core/dates.js';
import { streakInfo } from '../../src/core/streaks.js';
import { dayLine, freezeLine, isNewRecord, nextSteps, pendingLine, streakLine } from '../../src/core/summary.js';

const run = (from: string, n: number) => Array.from({ length: n }, (_, i) => addDays(from, i));
const lessons = loadContentFrom('content').lessons;

describe('streak line', () => {
  it('calls a streak that passes the best so far a new record, but not the very first day', () => {
    const history = [...run('2025-06-01', 3), ...run('2025-06-06', 3)];
    const before = streakInfo(history, '2025-06-09');
    const after = streakInfo([...history, '2025-06-09'], '2025-06-09');
    expect(isNewRecord(before, after)).toBe(true);
    expect(streakLine(before, after)).toBe('Streak: 4 days, a new record!');
    const first = streakInfo(['2025-06-09'], '2025-06-09');
    expect(isNewRecord(streakInfo([], '2025-06-09'), first)).toBe(false);
    expect(streakLine(streakInfo([], '2025-06-09'), first)).toBe('Streak: 1 day');
  });

  it('shows the best when the current streak is shorter, and none when broken', () => {
    const history = [...run('2025-06-01', 5), '2025-06-08'];
    const info = streakInfo(history, '2025-06-08');
    expect(streakLine(info, info)).toBe('Streak: 1 day (best 5)');
    const broken = streakInfo(history, '2025-06-10');
    expect(streakLine(broken, broken)).toBe('Streak: none running · 6 days practised in all');
  });

  it('says when filling in a day repaired the streak, or freed the freeze that covered it', () => {
    const gap = [...run('2025-06-01', 4), ...run('2025-06-06', 2)];
    const before = streakInfo(gap, '2025-06-07');
    const after = streakInfo([...gap, '2025-06-05'], '2025-06-07');
    expect(streakLine(before, after, '2025-06-05')).toBe('Streak: 7 days, a new record! · repaired by filling in 2025-06-05');
    const frozen = [...run('2025-06-01', 7), ...run('2025-06-09', 2)];
    const b2 = streakInfo(frozen, '2025-06-10');
    const a2 = streakInfo([...frozen, '2025-06-08'], '2025-06-10');
    expect(streakLine(b2, a2, '2025-06-08')).toContain('2025-06-08 no longer needs a freeze');
  });
});

describe('freeze line', () => {
  it('counts down to the next freeze, and says when the most are held', () => {
    expect(freezeLine(streakInfo(run('2025-06-01', 5), '2025-06-05'))).toBe('Freezes: none held · 2 more days in a row earns one (it covers a missed day)');
    expect(freezeLine(streakInfo(run('2025-06-01', 8), '2025-06-08'))).toBe('Freezes: 1 held (a missed day uses one automatically) · next in 6 days');
    expect(freezeLine(streakInfo(run('2025-06-01', 14), '2025-06-14'))).toContain('2 held (a missed day uses one automatically) · that is the most you can hold');
  });

  it('names the missed days a freeze covered in the current streak, not in an older one', () => {
    const covered = [...run('2025-06-01', 14), ...run('2025-06-16', 2)];
    expect(freezeLine(streakInfo(covered, '2025-06-17'))).toBe('Freezes: 1 held (a missed day uses one automatically) · covered 2025-06-15 · next in 5 days');
    const older = [...run('2025-06-01', 7), '2025-06-09', ...run('2025-06-20', 2)];
    expect(freezeLine(streakInfo(older, '2025-06-21'))).toBe('Freezes: none held · 5 more days in a row earns one (it covers a missed day)');
  });
});

describe('next steps', () => {
  it("suggests the day's principle lesson when unread, else the next unread, and due quiz questions", () => {
    expect(nextSteps(lessons, {}, 'trust', undefined, 'x')).toEqual([`Read "${lessons[3]!.title}" (${lessons[3]!.readingMinutes} min): harmony learn trust`]);
    const read = { trust: '2025-06-01', attention: '2025-06-01' };
    const steps = nextSteps(lessons, read, 'trust', 3, 'x');
    expect(steps[0]).toContain('harmony learn communication');
    expect(steps[1]).toBe('3 quiz questions due for review: harmony quiz');
  });

  it('falls back when every lesson is read and nothing is due', () => {
    const all = Object.fromEntries(lessons.map((l) => [l.id, '2025-06-01']));
    expect(nextSteps(lessons, all, 'trust', 0, 'Go deeper: harmony reflect trust')).toEqual(['Go deeper: harmony reflect trust']);
  });
});

describe('home lines', () => {
  it("describes a day's check-ins and reflections", () => {
    expect(dayLine([{ kind: 'checkin', principle: 'trust', mood: 4 }, { kind: 'reflection', principle: 'intimacy' }, { kind: 'reflection', principle: 'intimacy' }]))
      .toBe('checked in (mood 4 good, trust) · 2 reflections (intimacy)');
    expect(dayLine([])).toBe('nothing yet');
  });

  it('warns when the streak ends tonight, and not when a freeze would cover today', () => {
    expect(pendingLine(streakInfo(run('2025-06-01', 3), '2025-06-04'))).toBe('Check in today to keep your 3-day streak: it ends tonight without one.');
    expect(pendingLine(streakInfo(run('2025-06-01', 7), '2025-06-08'))).toBe('Check in today to keep your 7-day streak (a freeze covers today if you miss it).');
    expect(pendingLine(streakInfo([], '2025-06-08'))).toContain('No check-ins yet');
  });
});
