// Sixty days of use with a fake clock, in-process: check-ins typed (a scripted terminal that
// answers whatever is asked) and from flags, gaps, filled-in days, a late-night owl with
// dayStartHour 4, and the change to summer time (Europe/Berlin, 30 March 2025). Checks the
// coaching loop's promises over the whole run:
// - every intention and practice is followed up exactly once (only the last stays open), each
//   by the first check-in that answered after it, and always the newest plan before that day;
// - plain harmony offers last week's review once a week, exactly when it should;
// - within a principle, no practice is offered again before all of that principle's were.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadContentFrom } from '../../src/content/parse.js';
import { makeContext } from '../../src/context.js';
import { addDays, daysBetween, weekday } from '../../src/core/dates.js';
import type { Entry } from '../../src/core/entry.js';
import { findOpen } from '../../src/core/followup.js';
import { weekOf } from '../../src/core/weeks.js';
import { openStore } from '../../src/store/index.js';
import { createTestIO } from '../../src/ui/io.js';
import type { ChoiceOption, Prompter } from '../../src/ui/prompts.js';
import { ROOT } from '../helpers/cli.js';

vi.mock('../../src/content/load.js', () => {
  let parsed: ReturnType<typeof loadContentFrom> | undefined; // parsed once: the YAML takes ~100 ms
  return { loadContent: () => (parsed ??= loadContentFrom(join(ROOT, 'content'))) };
});
const { run: checkin } = await import('../../src/commands/checkin.js');
const { run: home } = await import('../../src/commands/home.js');
const { run: review } = await import('../../src/commands/review.js');
const { done: practiceDone } = await import('../../src/commands/practice.js');
const content = loadContentFrom(join(ROOT, 'content'));

const FIRST = '2025-03-03'; // a Monday; summer time starts on Sunday 30 March
const DAYS = 60;
const zone = process.env.TZ;
let dir = '';
beforeAll(() => {
  process.env.TZ = 'Europe/Berlin';
  dir = mkdtempSync(join(tmpdir(), 'harmony-60-'));
  writeFileSync(join(dir, 'config.json'), JSON.stringify({ schemaVersion: 1, dayStartHour: 4 }));
});
afterAll(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
  rmSync(dir, { recursive: true, force: true });
});

function seeded(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = seeded(60);

/** An instant at a Berlin wall-clock time (the offset worked out, so DST is honoured). */
function berlin(day: string, time: string): string {
  for (const offset of ['+01:00', '+02:00']) {
    const iso = `${day}T${time}${offset}`;
    const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).formatToParts(new Date(iso));
    const get = (t: string) => parts.find((p) => p.type === t)!.value;
    if (`${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}` === `${day}T${time.slice(0, 5)}`) return iso;
  }
  throw new Error(`no such Berlin time ${day} ${time}`);
}

/** A terminal that answers whatever it is asked, and notes what it was asked. */
function typist(o: { anothers: number; take: boolean }) {
  const asked: string[] = [];
  let anothers = o.anothers;
  const statuses = ['kept', 'partly', 'missed', 'dropped'] as const;
  const select = async <T,>(q: { message: string; choices: ChoiceOption<T>[]; default?: T }): Promise<T> => {
    asked.push(q.message);
    const values = q.choices.map((c) => c.value as unknown);
    if (q.message === 'How did it go?' || q.message === 'Did you do it?') return statuses[Math.floor(random() * 4)] as T;
    if (q.message === 'How are you today?') return (1 + Math.floor(random() * 5)) as T;
    if (q.message === "Today's practice") {
      if (anothers > 0 && values.includes('another')) {
        anothers--;
        return 'another' as T;
      }
      return (o.take ? 'take' : 'skip') as T;
    }
    return (q.default ?? values[0]) as T;
  };
  const prompter: Prompter = {
    select,
    checkbox: async () => [],
    input: async (q) => {
      asked.push(q.message);
      if (q.message.startsWith('An intention')) return 'When I open my messages, I will answer one properly first';
      if (q.message.startsWith('What helped')) return random() < 0.5 ? 'A quiet evening' : '';
      return `an answer to: ${q.message.slice(0, 20)}`;
    },
    confirm: async (q) => (asked.push(q.message), false),
    editor: async () => '',
    password: async () => '',
  };
  return { prompter, asked };
}

function context(now: string, o: { tty?: boolean; prompter?: Prompter } = {}) {
  const tty = o.tty ?? false;
  const io = createTestIO({ stdinTTY: tty, stdoutTTY: tty, env: { HARMONY_HOME: dir, HARMONY_NOW: now } });
  return { io, ctx: makeContext(io, false, o.prompter ?? typist({ anothers: 0, take: false }).prompter) };
}

const entries = (): Promise<Entry[]> => openStore({ HARMONY_HOME: dir }).journal.all();
const offered = (): Record<string, string> => {
  try {
    return JSON.parse(readFileSync(join(dir, 'state.json'), 'utf8')).practicesOffered ?? {};
  } catch {
    return {};
  }
};

type Plan = 'typed' | 'flags' | 'silent' | 'gap' | 'night' | 'backfill-next';

describe('sixty days of the coaching loop (fake clock, Europe/Berlin, dayStartHour 4)', () => {
  const offers: { day: string; week: string }[] = [];
  const homeRuns: string[] = [];
  const offerOrder: string[] = []; // practice ids in the order they were offered
  const answered: { day: string; followedUp: string | null }[] = [];
  const planFor = (i: number): Plan => {
    if ([9, 10, 24, 40, 41, 42].includes(i)) return 'gap';
    if ([16, 33].includes(i)) return 'backfill-next'; // missed, filled in the next day
    if ([5, 27, 28, 50].includes(i)) return 'night';
    if ([12, 36, 53].includes(i)) return 'silent'; // a script without --followup: stays open
    return i % 3 === 0 ? 'flags' : 'typed';
  };

  it('runs day by day', async () => {
    for (let i = 0; i < DAYS; i++) {
      const day = addDays(FIRST, i);
      const plan = planFor(i);
      // Plain harmony, without a terminal, once or twice a day: it may offer last week's review.
      for (const time of ['08:15:00', '12:30:00']) {
        if (plan === 'gap' || (time === '12:30:00' && random() < 0.5)) continue;
        const h = context(berlin(day, time));
        await home(h.ctx);
        homeRuns.push(day);
        const m = /Last week \((\d{4}-W\d{2})\)/.exec(h.io.out());
        if (m) offers.push({ day, week: m[1]! });
      }
      if (plan === 'gap' || plan === 'backfill-next') continue;
      if (i > 0 && planFor(i - 1) === 'backfill-next') {
        const b = context(berlin(day, '07:00:00'));
        await checkin(b.ctx, { date: 'yesterday', mood: 3, answer: ['filled in the next morning'] });
      }
      const before = offered();
      // A night owl: just after midnight still counts as the day before (dayStartHour 4).
      const now = plan === 'night' ? berlin(addDays(day, 1), '01:30:00') : berlin(day, '21:00:00');
      if (plan === 'typed' || plan === 'night') {
        const t = typist({ anothers: random() < 0.3 ? 8 : Math.floor(random() * 2), take: random() < 0.8 });
        await checkin(context(now, { tty: true, prompter: t.prompter }).ctx, {});
        if (random() < 0.4) {
          const marked = context(plan === 'night' ? berlin(addDays(day, 1), '02:00:00') : berlin(day, '22:30:00'));
          await practiceDone(marked.ctx, {}).catch(() => undefined); // no practice taken: nothing to mark
        }
      } else if (plan === 'flags') {
        // A script that knows there is something to follow up passes --followup (else it would be exit 2).
        const open = findOpen(await entries(), day).open !== null;
        await checkin(context(now).ctx, { mood: 4, answer: ['from a script'], intention: 'When the kettle boils, I will text my sister', ...(open ? { followup: 'kept' } : {}) });
      } else {
        await checkin(context(now).ctx, { mood: 3, answer: ['a quiet script'] });
      }
      const after = offered();
      offerOrder.push(...Object.keys(after).filter((id) => after[id] !== before[id]));
      const saved = (await entries()).find((e) => e.kind === 'checkin' && e.date === day)!;
      expect(saved, `no check-in saved for ${day}`).toBeDefined();
      answered.push({ day, followedUp: saved.followUp?.entryId ?? null });
      // On some Sundays the week is reviewed straight away (then Monday offers nothing).
      if (weekday(day) === 0 && (i === 13 || i === 55)) await review(context(berlin(day, '21:30:00')).ctx, { week: 'this', focus: 'trust', answer: ['A good week'] });
    }
  }, 120_000);

  it('saved every check-in on its practice day, through summer time and past midnight', async () => {
    const all = await entries();
    const checkins = all.filter((e) => e.kind === 'checkin');
    const expected = Array.from({ length: DAYS }, (_, i) => addDays(FIRST, i)).filter((_, i) => planFor(i) !== 'gap');
    expect(checkins.map((e) => e.date).sort()).toEqual(expected);
    const night = checkins.find((e) => e.date === addDays(FIRST, 27))!; // 30 March, the night summer time starts
    expect(night.createdAt).toMatch(/^2025-03-31T01:30:00\+02:00$/);
  });

  it('followed up every intention and practice exactly once, the newest plan before each day', async () => {
    const all = (await entries()).sort((a, b) => (a.date === b.date ? (a.createdAt < b.createdAt ? -1 : 1) : a.date < b.date ? -1 : 1));
    const plans = all.filter((e) => e.intention || e.practice);
    const refs = all.filter((e) => e.followUp).map((e) => e.followUp!.entryId);
    expect(new Set(refs).size, 'an entry followed up twice').toBe(refs.length);
    // Every plan but the newest was followed up; the newest is still open.
    expect(plans.slice(0, -1).map((e) => e.id).filter((id) => !refs.includes(id))).toEqual([]);
    expect(refs).not.toContain(plans.at(-1)!.id);
    for (const e of all.filter((x) => x.followUp)) {
      const f = e.followUp!;
      const target = all.find((x) => x.id === f.entryId)!;
      expect(target.date < e.date).toBe(true);
      // The newest plan before that day, and a status for exactly what it held.
      const newest = plans.filter((x) => x.date < e.date).at(-1)!;
      expect(target.id).toBe(newest.id);
      expect(f.intention !== undefined).toBe(Boolean(target.intention));
      expect(f.practice !== undefined).toBe(Boolean(target.practice));
      if (target.practice?.done) expect(f.practice).toBe('kept');
    }
    // The quiet scripts left it open, and the next check-in that answered took it up.
    for (const i of [12, 36, 53]) {
      const day = addDays(FIRST, i);
      expect(answered.find((a) => a.day === day)!.followedUp).toBeNull();
      const next = answered.find((a) => a.day > day)!;
      expect(next.followedUp).not.toBeNull();
    }
    // After a gap of days, the follow-up still comes.
    const afterGap = answered.find((a) => a.day === addDays(FIRST, 43))!;
    expect(afterGap.followedUp?.slice(0, 8)).toBe(addDays(FIRST, 39).replaceAll('-', ''));
  });

  it('offered last week\'s review once a week, exactly when it should', async () => {
    const all = await entries();
    const weeks = new Set(homeRuns.map((d) => weekOf(d).id));
    expect(new Set(offers.map((o) => o.week)).size, 'a week offered twice').toBe(offers.length);
    for (const week of weeks) {
      const first = homeRuns.find((d) => weekOf(d).id === week)!;
      const last = weekOf(addDays(weekOf(first).start, -1));
      const asOf = Date.parse(berlin(first, '08:16:00'));
      const practised = new Set(all.filter((e) => e.date >= last.start && e.date <= last.end && Date.parse(e.createdAt) < asOf).map((e) => e.date)).size;
      const reviewed = all.some((e) => e.kind === 'review' && e.week === last.id);
      const offer = offers.find((o) => o.week === last.id);
      if (practised >= 2 && !reviewed) {
        expect(offer, `week ${last.id} (${practised} days) not offered`).toBeDefined();
        expect(offer!.day, `week ${last.id} offered late`).toBe(first);
      } else {
        expect(offer, `week ${last.id} offered (${practised} days, reviewed ${reviewed})`).toBeUndefined();
      }
    }
    expect(offers.length).toBeGreaterThanOrEqual(5);
  });

  it('never offered a practice again before all of its principle had been offered', () => {
    for (const principle of ['attention', 'communication', 'wellbeing', 'trust', 'intimacy'] as const) {
      const pool = content.practices.filter((p) => p.principle === principle).map((p) => p.id);
      const order = offerOrder.filter((id) => pool.includes(id));
      order.forEach((id, i) => {
        const previous = i === 0 ? -1 : order.lastIndexOf(id, i - 1);
        if (previous >= 0) expect(i - previous, `${id} back after ${i - previous} offers (${pool.length} in ${principle})`).toBeGreaterThanOrEqual(pool.length);
      });
    }
    // The property was put to the test: some principle went through all its practices and began again.
    const cycled = (['attention', 'communication', 'wellbeing', 'trust', 'intimacy'] as const).filter((principle) => {
      const order = offerOrder.filter((id) => content.practices.some((p) => p.id === id && p.principle === principle));
      return new Set(order).size < order.length;
    });
    expect(cycled.length, `offers: ${offerOrder.length}`).toBeGreaterThan(0);
    expect(daysBetween(FIRST, addDays(FIRST, DAYS - 1))).toBe(DAYS - 1);
  });
});
