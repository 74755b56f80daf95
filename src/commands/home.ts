// Plain `harmony`. On a terminal with no check-in today it starts the check-in; once today is
// done it shows today's summary and streak. Without a terminal it only prints (never prompts).
import type { Context } from '../context.js';
import { loadContent } from '../content/load.js';
import { isPrincipleId } from '../core/principles.js';
import { dayLine, freezeLine, nextSteps, pendingLine, streakLine } from '../core/summary.js';
import { safeText } from '../core/safe.js';
import { print, styleFor } from '../ui/style.js';
import { loadToday } from './common/today.js';

export async function run(ctx: Context): Promise<void> {
  const p = await loadToday(ctx);
  const s = styleFor(ctx.io);
  const today = p.day(p.today);
  if (!today?.checkins && ctx.io.interactive) {
    if (p.before.totalDays === 0) {
      print(ctx.io, s.heading('Welcome to harmony.'), s.muted('Your first daily check-in: a mood, a principle, a question or two.'), '');
    }
    return (await import('./checkin.js')).run(ctx, {});
  }
  const lines = [s.heading(`harmony · ${p.today}`)];
  if (today) {
    const entries = p.store.journal.readMonth(p.today.slice(0, 7)).filter((e) => e.date === p.today);
    lines.push(`Today: ${dayLine(entries)}`);
    const intention = entries.find((e) => e.kind === 'checkin' && e.intention)?.intention;
    if (intention) lines.push(`${s.accent('Intention:')} ${safeText(intention)}`);
  }
  if (!today?.checkins) {
    lines.push(pendingLine(p.before));
    lines.push(s.muted('Check in: harmony checkin (without a terminal: harmony checkin --mood N --answer TEXT)'));
  }
  const state = p.store.state();
  const principle = today?.principles.find(isPrincipleId);
  const steps = nextSteps(loadContent().lessons, state.lessonsRead, principle, p.quiz.due(), 'Go deeper: harmony reflect · Your journal: harmony journal');
  if (p.before.totalDays > 0) lines.push(streakLine(p.before, p.before), s.muted(freezeLine(p.before)));
  lines.push('Next:', ...steps.map((step) => `  • ${step}`));
  print(ctx.io, ...lines);
}
