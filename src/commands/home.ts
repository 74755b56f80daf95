// Plain `harmony`. On a terminal with no check-in today it starts the check-in; once today is
// done it shows today's summary and streak. Without a terminal it only prints (never prompts).
// On the first run of a new week it offers last week's review once (review/offer.ts).
import type { Context } from '../context.js';
import { loadContent } from '../content/load.js';
import { isPrincipleId } from '../core/principles.js';
import { dayLine, freezeLine, nextSteps, pendingLine, streakLine } from '../core/summary.js';
import { safeText } from '../core/safe.js';
import { SAFETY_COMMAND } from '../core/safety.js';
import { print, styleFor } from '../ui/style.js';
import { cancellable } from './common/ask.js';
import { lookBackLine } from './common/look-back.js';
import { loadToday } from './common/today.js';
import { markReviewOffered, reviewOffer } from './review/offer.js';
import { soonLine } from '../core/people-due.js';
import { shortName } from '../core/people-text.js';
import { DataError } from '../errors.js';
import type { Store } from '../store/index.js';
import { dueFor } from './people/state.js';

/** Who is due or soon due, in a line; a people.json that cannot be read is said on stderr. */
async function peopleLine(ctx: Context, store: Store, today: string): Promise<string | null> {
  try {
    // Locked (an encrypted journal): who is due without their names, which are secret.
    if (!store.peopleReadable) {
      const due = (await dueFor(store, store.peoplePlain(), today)).filter((d) => d.status === 'due').length;
      return due === 0 ? null : `${due === 1 ? 'One person' : `${due} people`} it may be time to reach out to (names once unlocked).`;
    }
    return soonLine(await dueFor(store, await store.people(), today), today, (d) => shortName(d.person.name ?? ''));
  } catch (error) {
    if (!(error instanceof DataError)) throw error;
    ctx.io.stderr.write(`harmony: ${error.message}\n`);
    return null;
  }
}

export async function run(ctx: Context): Promise<void> {
  const p = await loadToday(ctx, { days: true });
  const s = styleFor(ctx.io);
  const offer = await reviewOffer(p);
  if (offer) {
    const line = `A new week. Last week (${offer.week.id}) you practised ${offer.practised} of 7 days.`;
    if (ctx.io.interactive) {
      print(ctx.io, s.heading(line));
      // Recorded once answered (Ctrl+C, here or in the review, saves nothing: it is offered again).
      const yes = await cancellable('Cancelled, nothing saved.', () => ctx.prompter.confirm({ message: 'Look back on it now? It takes two minutes.', default: true }));
      if (yes) {
        await (await import('./review.js')).run(ctx, { week: offer.week.id });
        return markReviewOffered(p, offer.week);
      }
      await markReviewOffered(p, offer.week);
      print(ctx.io, s.muted('Any time this week: harmony review'), '');
    } else {
      await markReviewOffered(p, offer.week);
      print(ctx.io, `${line} Review it: harmony review`);
    }
  }
  const today = await p.day(p.today);
  if (!today?.checkins && ctx.io.interactive) {
    if (p.before.totalDays === 0) {
      print(ctx.io, s.heading('Welcome to harmony.'), s.muted('Your first daily check-in: a mood, a principle, a question or two.'), '');
    }
    return (await import('./checkin.js')).run(ctx, {});
  }
  const lines = [s.heading(`harmony · ${p.today}`)];
  // Encrypted and locked: what today holds is secret; the day index still says it was done.
  if (today && !p.store.journal.readable) lines.push('Today: done (your journal is locked: harmony unlock to read it)');
  else if (today) {
    const entries = (await p.store.journal.readMonth(p.today.slice(0, 7))).filter((e) => e.date === p.today);
    lines.push(`Today: ${dayLine(entries)}`);
    const checkin = entries.find((e) => e.kind === 'checkin');
    const intention = entries.find((e) => e.kind === 'checkin' && e.intention)?.intention;
    if (intention) lines.push(`${s.accent('Intention:')} ${safeText(intention)}`);
    if (checkin?.practice) {
      const done = checkin.practice.done ? s.success(' ✓ done') : s.muted(' (done? harmony practice done)');
      lines.push(`${s.accent('Practice:')} ${safeText(checkin.practice.text)}${done}`);
    }
  }
  if (!today?.checkins) {
    lines.push(pendingLine(p.before));
    lines.push(s.muted('Check in: harmony checkin (without a terminal: harmony checkin --mood N --answer TEXT)'));
  }
  const state = p.store.state();
  const principle = today?.principles.find(isPrincipleId);
  const steps = nextSteps(loadContent().lessons, state.lessonsRead, principle, await p.quiz.due(), 'Go deeper: harmony reflect · Your journal: harmony journal');
  if (p.before.totalDays > 0) lines.push(streakLine(p.before, p.before), s.muted(freezeLine(p.before)));
  const people = await peopleLine(ctx, p.store, p.today);
  if (people) lines.push(`${s.accent('People:')} ${people} ${s.muted('(harmony people)')}`);
  lines.push('Next:', ...steps.map((step) => `  • ${step}`));
  const back = await lookBackLine(p);
  if (back) lines.push(s.muted(back));
  lines.push(s.muted(`Safety and where to find support: ${SAFETY_COMMAND}`));
  print(ctx.io, ...lines);
}
