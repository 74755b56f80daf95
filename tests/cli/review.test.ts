// The weekly review, own prompts, the rough-days line, "on this day" and the 12-week stats,
// through the built binary without a terminal.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadContentFrom } from '../../src/content/parse.js';
import { ROUGH_DAYS_TEXT } from '../../src/core/safety.js';
import { cleanupHomes, ROOT, run, tempHome } from '../helpers/cli.js';

afterAll(cleanupHomes);
const content = loadContentFrom(join(ROOT, 'content'));
const h = (home: string, args: string[], day: string, time = '18:00:00') => run(args, { home, env: { HARMONY_NOW: `${day}T${time}Z` } });
const checkin = (home: string, day: string, more: string[] = []) => h(home, ['checkin', '--mood', '4', '--answer', `on ${day}`, ...more], day);
const state = (home: string) => JSON.parse(readFileSync(join(home, 'state.json'), 'utf8'));

/** Week 2025-W10 is Monday 3 to Sunday 9 March 2025. */
function week10(home: string) {
  const trust = content.practices.find((p) => p.principle === 'trust')!;
  checkin(home, '2025-03-03', ['--principle', 'trust', '--intention', 'When Sam writes, I will reply', '--practice', trust.id]);
  h(home, ['practice', 'done'], '2025-03-03', '21:00:00');
  checkin(home, '2025-03-04', ['--principle', 'attention', '--followup', 'kept', '--intention', 'When I eat, I will leave the phone']);
  checkin(home, '2025-03-06', ['--principle', 'attention', '--followup', 'missed', '--mood', '2']);
  h(home, ['reflect', 'intimacy', '--answer', 'a', '--commitment', 'Say how I feel'], '2025-03-08');
}

describe('harmony review', () => {
  it('--json gives the week in figures without saving anything', () => {
    const home = tempHome();
    week10(home);
    const r = h(home, ['review', '--json'], '2025-03-10');
    expect(r.code, r.stderr).toBe(0);
    const f = JSON.parse(r.stdout);
    expect(f).toMatchObject({
      week: { id: '2025-W10', start: '2025-03-03', end: '2025-03-09' },
      practised: 4,
      days: 7,
      moods: [4, 4, null, 2, null, null, null],
      principles: { trust: 1, attention: 2, intimacy: 1, communication: 0, wellbeing: 0 },
      intentions: { set: 3, kept: 1, missed: 1, open: 1 },
      practices: { taken: 1, done: 1 },
      quiz: { answered: 0, right: 0 },
      reviewId: null,
    });
    expect(h(home, ['review', '--week', '2025-W10', '--json'], '2025-03-10').stdout).toBe(r.stdout);
  });

  it('saves a review from flags: kind review, the week, the focus as its principle; once a week; next week leans to the focus', () => {
    const home = tempHome();
    week10(home);
    const r = h(home, ['review', '--answer', 'Two long calls', '--answer', 'Late nights', '--answer', 'Dinner without phones', '--focus', 'comm'], '2025-03-10');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Practised    4 of 7 days');
    expect(r.stdout).toContain('Intentions   1 of 3 kept');
    expect(r.stdout).toContain('✓ Weekly review saved · focus for 2025-W11: Quality Communication');
    const review = JSON.parse(h(home, ['journal', '--kind', 'review', '--json'], '2025-03-10').stdout)[0];
    expect(review).toMatchObject({ kind: 'review', date: '2025-03-10', week: '2025-W10', principle: 'communication' });
    expect(review.answers.map((a: { answer: string }) => a.answer)).toEqual(['Two long calls', 'Late nights', 'Dinner without phones']);
    const slots = ['well', 'obstacle', 'focus'];
    review.answers.forEach((a: { prompt: string }, i: number) => expect(content.reviewPrompts.find((p) => p.text === a.prompt)?.slot).toBe(slots[i]));
    expect(state(home).focus).toEqual({ principle: 'communication', week: '2025-W11' });
    // Counted as practice for the day, like a reflection.
    expect(JSON.parse(h(home, ['stats', '--json'], '2025-03-10').stdout).streak.practicedToday).toBe(true);
    // Once: a second one for the same week is refused, naming the entry.
    const again = h(home, ['review', '--focus', 'trust'], '2025-03-11');
    expect([again.code, again.stderr]).toEqual([2, expect.stringContaining(`Week 2025-W10 already has a review (${review.id})`)]);
    // The focus: communication (practised as often as trust and wellbeing: 0) is suggested.
    const next = JSON.parse(checkin(home, '2025-03-11', ['--json']).stdout);
    expect(next.principle).toBe('communication');
  });

  it('bad input: a bad week, a week not begun, a scripted review without --focus, more than 3 answers, no flags without a terminal', () => {
    const home = tempHome();
    week10(home);
    const cases: [string[], RegExp][] = [
      [['review', '--week', 'soon'], /--week must be last, this or a week like 2025-W11/],
      [['review', '--week', '2025-W40'], /has not begun/],
      [['review', '--answer', 'x'], /needs --focus ID/],
      [['review', '--focus', 'love'], /Unknown principle "love"/],
      [['review', '--answer', 'a', '--answer', 'b', '--answer', 'c', '--answer', 'd', '--focus', 'trust'], /at most 3 --answer/],
      [['review'], /not an interactive terminal; pass --focus ID/],
    ];
    for (const [args, message] of cases) {
      const r = h(home, args, '2025-03-10');
      expect([r.code, r.stderr], args.join(' ')).toEqual([2, expect.stringMatching(message)]);
    }
    expect(JSON.parse(h(home, ['journal', '--json'], '2025-03-10').stdout).some((e: { kind: string }) => e.kind === 'review')).toBe(false);
  });

  it('weekStart sun: the week runs Sunday to Saturday', () => {
    const home = tempHome();
    h(home, ['config', 'set', 'weekStart', 'sun'], '2025-03-10');
    checkin(home, '2025-03-09'); // a Sunday: the first day of week 2025-W11 when weeks start on Sunday
    const f = JSON.parse(h(home, ['review', '--week', 'this', '--json'], '2025-03-10').stdout);
    expect(f.week).toEqual({ id: '2025-W11', start: '2025-03-09', end: '2025-03-15' });
    expect([f.practised, f.days]).toEqual([1, 2]);
  });
});

describe('plain harmony offers last week\'s review once', () => {
  it('on the first run of a new week with 2+ days practised and no review; never again that week', () => {
    const home = tempHome();
    week10(home);
    const first = h(home, [], '2025-03-10');
    expect(first.stdout).toContain('A new week. Last week (2025-W10) you practised 4 of 7 days. Review it: harmony review');
    expect(state(home).reviewOffered).toBe('2025-W10');
    expect(h(home, [], '2025-03-11').stdout).not.toContain('A new week');
  });

  it('not with fewer than two days practised, nor once the week is reviewed', () => {
    const one = tempHome();
    checkin(one, '2025-03-05');
    expect(h(one, [], '2025-03-10').stdout).not.toContain('A new week');
    const done = tempHome();
    week10(done);
    h(done, ['review', '--week', 'last', '--focus', 'trust'], '2025-03-09'); // reviewed on Sunday, as "this" week
    expect(h(done, [], '2025-03-10').stdout).toContain('A new week');
  });
});

describe('own prompts', () => {
  it('add, list, remove; they come first in the rotation; bad input is exit 2', () => {
    const home = tempHome();
    const add = h(home, ['prompts', 'add', 'trust', '  Whom did I keep my word to  today? ', '--json'], '2025-03-10');
    expect(add.code, add.stderr).toBe(0);
    const mine = JSON.parse(add.stdout);
    expect(mine).toMatchObject({ id: expect.stringMatching(/^own-[0-9a-z]{4}$/), principle: 'trust', text: 'Whom did I keep my word to today?', added: '2025-03-10' });
    expect(h(home, ['prompts', 'list'], '2025-03-10').stdout).toContain(`${mine.id}  Whom did I keep my word to today?`);
    const entry = JSON.parse(checkin(home, '2025-03-10', ['--principle', 'trust', '--json']).stdout);
    expect(entry.answers[0].prompt).toBe('Whom did I keep my word to today?');
    expect(h(home, ['prompts', 'add', 'trust', 'whom did I keep my word to today?'], '2025-03-10').stderr).toContain(`already have that prompt (${mine.id})`);
    expect(h(home, ['prompts', 'add', 'love', 'x'], '2025-03-10').stderr).toContain('Unknown principle "love"');
    expect(h(home, ['prompts', 'add', 'trust', '   '], '2025-03-10').code).toBe(2);
    const gone = h(home, ['prompts', 'remove', 'own-zzzz'], '2025-03-10');
    expect([gone.code, gone.stderr]).toEqual([2, expect.stringContaining(`Yours: ${mine.id}`)]);
    expect(h(home, ['prompts', 'remove', mine.id], '2025-03-10').code).toBe(0);
    expect(JSON.parse(h(home, ['prompts', 'list', '--json'], '2025-03-10').stdout)).toEqual([]);
  });
});

describe('looking back and looking after', () => {
  it('three rough days in a row: the shared safety line, at most once a week, never with --json', () => {
    const home = tempHome();
    const rough = (day: string, mood: string, more: string[] = []) => h(home, ['checkin', '--mood', mood, '--answer', 'hard', ...more], day);
    expect(rough('2025-03-01', '2').stdout.replace(/\s+/g, ' ')).not.toContain('a few rough days in a row');
    expect(rough('2025-03-02', '1').stdout.replace(/\s+/g, ' ')).not.toContain('a few rough days in a row');
    const third = rough('2025-03-03', '2').stdout;
    expect(third.replace(/\s+/g, ' ')).toContain(ROUGH_DAYS_TEXT);
    expect(third).toContain('findahelpline.com');
    expect(third).toContain('harmony learn wellbeing');
    expect(rough('2025-03-04', '1').stdout.replace(/\s+/g, ' ')).not.toContain('a few rough days in a row'); // shown this week already
    expect(rough('2025-03-10', '2', ['--json']).stdout.replace(/\s+/g, ' ')).not.toContain('a few rough days in a row');
    expect(rough('2025-03-11', '2').stdout.replace(/\s+/g, ' ')).not.toContain('a few rough days in a row'); // 9 missing: not in a row
    expect(rough('2025-03-12', '2').stdout.replace(/\s+/g, ' ')).toContain('a few rough days in a row');
    expect(rough('2025-03-13', '4').stdout.replace(/\s+/g, ' ')).not.toContain('a few rough days in a row');
  });

  it('on this day: a month, six months or a year ago, one clean line, in the summary and on the home screen', () => {
    const home = tempHome();
    h(home, ['checkin', '--mood', '3', '--answer', 'Long call with Mia \u001b[2J about   the move'], '2025-03-10');
    expect(checkin(home, '2025-04-09').stdout).not.toContain('ago (');
    const r = checkin(home, '2025-04-10');
    expect(r.stdout).toContain('A month ago (2025-03-10): “Long call with Mia ␛[2J about the move”');
    expect(h(home, [], '2025-04-10').stdout).toContain('A month ago (2025-03-10)');
  });

  it('stats: intentions kept and practices done per principle over 12 weeks, in --json too', () => {
    const home = tempHome();
    week10(home);
    const out = h(home, ['stats'], '2025-03-10').stdout;
    expect(out).toMatch(/Last 12 weeks\s+intentions kept\s+practices done/);
    expect(out).toMatch(/trust\s+1 of 1\s+1 of 1/);
    expect(out).toMatch(/attention\s+0 of 1\s+-\n/);
    const json = JSON.parse(h(home, ['stats', '--json'], '2025-03-10').stdout).coaching;
    expect(json.from).toBe('2024-12-17');
    expect(json.principles.find((p: { id: string }) => p.id === 'intimacy')).toEqual({ id: 'intimacy', intentions: { set: 1, kept: 0 }, practices: { taken: 0, done: 0 } });
  });
});
