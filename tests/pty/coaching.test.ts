// The coaching loop typed in a real terminal: a check-in that opens with the follow-up and
// takes a practice (asking for another first), then last week's review offered by plain
// harmony and answered.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadContentFrom } from '../../src/content/parse.js';
import { cleanupHomes, ROOT, run, tempHome } from '../helpers/cli.js';
import { KEYS, spawnPty } from '../helpers/pty.js';

afterAll(cleanupHomes);
const content = loadContentFrom(join(ROOT, 'content'));
const trust = content.practices.filter((p) => p.principle === 'trust');
const entries = (home: string) =>
  readdirSync(join(home, 'journal')).filter((n) => /^\d{4}-\d{2}\.json$/.test(n)).sort().flatMap((n) => JSON.parse(readFileSync(join(home, 'journal', n), 'utf8')).entries);
/** Whitespace in expected text matches any whitespace (the terminal wraps long lines). */
const loose = (text: string) => new RegExp(text.split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+'));

describe('the coaching loop in a terminal', () => {
  it('follow-up, mood, principle, prompts, another practice then take it, intention; then the weekly review', async () => {
    const home = tempHome();
    // Monday and Tuesday from flags: a plan with a practice, then the quiet day before.
    expect(run(['checkin', '--mood', '3', '--principle', 'trust', '--answer', 'first', '--intention', 'When Sam texts, I will reply by noon', '--practice', trust[0]!.id], { home, env: { HARMONY_NOW: '2025-03-03T19:00:00Z' } }).code).toBe(0);
    const t = spawnPty(['checkin'], home, { HARMONY_NOW: '2025-03-04T19:00:00Z' });
    try {
      await t.waitFor('Last time (yesterday) you planned: “When Sam texts, I will reply by noon”');
      await t.waitFor('How did it go?');
      t.type(KEYS.enter); // Kept it
      await t.waitFor(loose(`And the practice: “${trust[0]!.text.slice(0, 30)}`));
      await t.waitFor('Did you do it?');
      t.type(KEYS.down + KEYS.enter); // Partly
      await t.waitFor('What helped, or got in the way?');
      await t.answer('Sam called first');
      await t.waitFor('How are you today?');
      t.type(KEYS.enter);
      await t.waitFor('Principle of the day');
      t.type(KEYS.down.repeat(3)); // attention -> ... -> trust
      await t.waitFor('4. Building Trust');
      t.type(KEYS.enter);
      await t.waitFor(/\?/);
      await t.answer('I did what I said');
      await t.waitFor('(Enter to skip)');
      await t.answer('');
      await t.waitFor('Who did you really connect with today?');
      await t.answer(''); // no one named yet: Enter skips
      await t.waitFor(loose(trust[1]!.text.slice(0, 40)));
      await t.waitFor("Today's practice");
      t.type(KEYS.down + KEYS.enter); // Show me another
      await t.waitFor(loose(trust[2]!.text.slice(0, 40)));
      await t.waitFor("Today's practice");
      t.type(KEYS.enter); // I'll do it today
      await t.waitFor('"When …, I will …"');
      await t.waitFor('An intention for tomorrow?');
      await t.answer('When I open the laptop, I will answer Ana first');
      await t.waitFor('Check-in saved for today (2025-03-04)');
      await t.waitFor('Done it? harmony practice done');
      expect(await t.exit()).toBe(0);
    } finally {
      t.kill();
    }
    const [first, second] = entries(home);
    expect(second).toMatchObject({
      date: '2025-03-04',
      principle: 'trust',
      intention: 'When I open the laptop, I will answer Ana first',
      practice: { id: trust[2]!.id, text: trust[2]!.text },
      followUp: { entryId: first.id, intention: 'kept', practice: 'partly', note: 'Sam called first' },
    });

    // The next Monday, plain harmony offers last week's review; answered by typing.
    const r = spawnPty([], home, { HARMONY_NOW: '2025-03-10T19:00:00Z' });
    try {
      await r.waitFor('A new week. Last week (2025-W10) you practised 2 of 7 days.');
      await r.waitFor('Look back on it now?');
      r.type(KEYS.enter);
      await r.waitFor('Practised    2 of 7 days');
      await r.waitFor('Intentions   1 of 2 kept');
      // Never answered before: each slot's first prompt (least recently answered first).
      const [well, obstacle, focus] = (['well', 'obstacle', 'focus'] as const).map((slot) => content.reviewPrompts.find((q) => q.slot === slot)!.text);
      await r.waitFor(loose(well!.slice(0, 30)));
      await r.answer('Two promises kept');
      await r.waitFor(loose(obstacle!.slice(0, 30)));
      await r.answer('');
      await r.waitFor(loose(focus!.slice(0, 30)));
      await r.answer('Reply the same day');
      await r.waitFor('Which principle to lean towards next week?');
      await r.waitFor('(least practised this week)');
      r.type(KEYS.down + KEYS.enter); // communication
      await r.waitFor('✓ Weekly review saved · focus for 2025-W11: Quality Communication');
      expect(await r.exit()).toBe(0);
    } finally {
      r.kill();
    }
    const review = entries(home).find((e) => e.kind === 'review');
    expect(review).toMatchObject({ date: '2025-03-10', week: '2025-W10', principle: 'communication' });
    expect(review.answers.map((a: { answer: string }) => a.answer)).toEqual(['Two promises kept', 'Reply the same day']);
  });

  it('Ctrl+C in the review saves nothing (exit 130) and the offer comes again', async () => {
    const home = tempHome();
    for (const day of ['2025-03-03', '2025-03-05']) run(['checkin', '--mood', '3', '--answer', 'x'], { home, env: { HARMONY_NOW: `${day}T19:00:00Z` } });
    const before = readFileSync(join(home, 'journal', '2025-03.json'), 'utf8');
    const r = spawnPty([], home, { HARMONY_NOW: '2025-03-10T19:00:00Z' });
    try {
      await r.waitFor('Look back on it now?');
      r.type(KEYS.enter);
      await r.waitFor('(Enter to skip)');
      r.type('half');
      await r.waitFor('half');
      r.type(KEYS.ctrlC);
      await r.waitFor('Review cancelled, nothing saved.');
      expect(await r.exit()).toBe(130);
    } finally {
      r.kill();
    }
    expect(readFileSync(join(home, 'journal', '2025-03.json'), 'utf8')).toBe(before);
    expect(run([], { home, env: { HARMONY_NOW: '2025-03-10T20:00:00Z' } }).stdout).toContain('A new week.');
  });
});
