// The follow-up, first in the check-in: the last open intention and practice (see
// core/followup.ts), asked about once: kept, partly, not this time, or let it go, then an
// optional line on what helped or got in the way. Flags: --followup, --followup-note.
// Without a terminal and without the flag it stays open for the next check-in (never an
// error: scripted check-ins keep working). Only today's first check-in follows up.
import { FOLLOW_UP_DAYS, findOpen, followUpOf, parseFollowUpFlag, type Open } from '../../../core/followup.js';
import { addDays, daysBetween, weekday, type LocalDate } from '../../../core/dates.js';
import type { Entry, FollowUpStatus } from '../../../core/entry.js';
import { safeText } from '../../../core/safe.js';
import { UsageError } from '../../../errors.js';
import { print, styleFor } from '../../../ui/style.js';
import { askText } from '../../common/ask.js';
import type { Store } from '../../../store/index.js';
import type { Session, Step } from '../session.js';

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export const followup: Step = async (s) => {
  const flag = s.opts.followup;
  if (s.draft.date !== s.today.today || s.existing?.followUp) {
    if (flag !== undefined) throw new UsageError(s.existing?.followUp ? "Today's check-in already has its follow-up; leave out --followup." : '--followup goes with the check-in for today, not a filled-in day; leave it out.');
    return;
  }
  if (!s.ask && flag === undefined) return; // stays open (and no month is read for nothing)
  // An encrypted journal while locked: yesterday's intention is secret, so it is not asked
  // about (a --followup flag still reads it, asking for the passphrase).
  const open = flag === undefined && !s.today.store.journal.readable ? null : await openBefore(s.today.store, s.today.today);
  if (!open) {
    if (flag !== undefined) throw new UsageError('There is nothing to follow up: no open intention or practice before today. Leave out --followup.');
    return;
  }
  if (flag !== undefined) {
    s.draft.followUp = followUpOf(open, parseFollowUpFlag(flag), s.opts.followupNote);
    return;
  }
  // A practice already marked done and no intention: nothing to ask, it is kept.
  if (open.intention === undefined && open.practice?.done) {
    s.draft.followUp = followUpOf(open, []);
    return;
  }
  s.draft.followUp = await ask(s, open);
};

followup.check = (s) => {
  if (s.opts.followup !== undefined) parseFollowUpFlag(s.opts.followup);
  if (s.opts.followupNote !== undefined && s.opts.followup === undefined && !s.ask) {
    throw new UsageError('--followup-note goes with --followup kept|partly|missed|dropped.');
  }
};

/** The open item before `day`, reading months newest first only until it is found. */
export async function openBefore(store: Store, day: LocalDate): Promise<Open | null> {
  const oldest = addDays(day, -FOLLOW_UP_DAYS).slice(0, 7);
  const entries: Entry[] = [];
  const months = store.journal.months().filter((m) => m <= day.slice(0, 7) && m >= oldest).reverse();
  for (const month of months) {
    entries.push(...(await store.journal.readMonth(month)));
    const { open, found } = findOpen(entries, day);
    if (found) return open && daysBetween(open.entry.date, day) <= FOLLOW_UP_DAYS ? open : null;
  }
  return null;
}

export function lastTime(date: LocalDate, today: LocalDate): string {
  const gap = daysBetween(date, today);
  if (gap === 1) return 'yesterday';
  if (gap < 7) return DAYS[weekday(date)]!;
  return `${DAYS[weekday(date)]} ${date}`;
}

const CHOICES: { value: FollowUpStatus; name: string; practice: string }[] = [
  { value: 'kept', name: 'Kept it', practice: 'Did it' },
  { value: 'partly', name: 'Partly', practice: 'Partly' },
  { value: 'missed', name: 'Not this time', practice: 'Not this time' },
  { value: 'dropped', name: 'Let it go', practice: 'Let it go' },
];

const REPLY: Record<FollowUpStatus, string> = {
  kept: 'Well done: a plan kept is how trust in yourself grows.',
  partly: 'Partly still counts: some of it happened.',
  missed: 'That happens. Today is a fresh start.',
  dropped: 'Let go. Plans are allowed to change.',
};

async function ask(s: Session, open: Open) {
  const { ctx } = s;
  const st = styleFor(ctx.io);
  const when = lastTime(open.entry.date, s.today.today);
  const statuses: FollowUpStatus[] = [];
  if (open.intention !== undefined) {
    print(ctx.io, `${st.accent(`Last time (${when})`)} you planned: “${safeText(open.intention).replace(/\s+/g, ' ')}”`);
    statuses.push(await ctx.prompter.select<FollowUpStatus>({ message: 'How did it go?', choices: CHOICES.map(({ value, name }) => ({ value, name })) }));
  }
  if (open.practice && !open.practice.done) {
    const lead = open.intention === undefined ? `${st.accent(`Last time (${when})`)} your practice was` : 'And the practice';
    print(ctx.io, `${lead}: “${safeText(open.practice.text).replace(/\s+/g, ' ')}”`);
    statuses.push(await ctx.prompter.select<FollowUpStatus>({ message: 'Did you do it?', choices: CHOICES.map(({ value, practice }) => ({ value, name: practice })) }));
  }
  print(ctx.io, st.muted(REPLY[statuses[0]!]));
  const note = s.opts.followupNote ?? (await askText(ctx, 'What helped, or got in the way? (Enter to skip)', { required: false }));
  return followUpOf(open, statuses, note);
}
