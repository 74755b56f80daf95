// harmony people [list] [--due] [--json] and people show NAME.
import type { Context } from '../../context.js';
import { addDays, daysBetween } from '../../core/dates.js';
import { queryJournalAsync } from '../../core/journal-query.js';
import { howWords, peopleActivity } from '../../core/people-activity.js';
import { dueNow, nextWords, type DueInfo } from '../../core/people-due.js';
import { cadenceWords } from '../../core/people.js';
import { HOW_LABELS, shortName } from '../../core/people-text.js';
import { safeText } from '../../core/safe.js';
import { print, styleFor, type Style } from '../../ui/style.js';
import { printSafeJson } from '../journal-view.js';
import { findPerson } from './find.js';
import { loadPeople } from './state.js';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const ago = (days: number) => (days === 0 ? 'today' : days === 1 ? 'yesterday' : `${days} days ago`);

function asData(d: DueInfo) {
  const p = d.person;
  return {
    id: p.id, name: p.name, aliases: p.aliases, circle: p.circle ?? null, every: p.every ?? null, paused: Boolean(p.paused),
    snoozedUntil: d.status === 'snoozed' ? p.snooze!.until : null, addedOn: p.addedOn,
    lastConnection: d.last, dueOn: d.dueOn, status: d.status, daysSince: d.days,
  };
}

function row(d: DueInfo, today: string, s: Style): string {
  const name = shortName(d.person.name ?? '', 22).padEnd(22);
  const circle = (d.person.circle ?? '').padEnd(10);
  const rhythm = (d.person.every ?? '-').padEnd(6);
  const last = (d.last ? ago(d.days) : 'not yet').padEnd(12);
  const next = nextWords(d, today);
  const mark = d.status === 'due' ? s.accent('●') : ' ';
  return `${mark} ${d.status === 'due' ? s.bold(name) : name}  ${s.muted(circle)}${rhythm}  ${last}  ${d.status === 'due' ? s.accent(next) : s.muted(next)}`;
}

export async function list(ctx: Context, opts: { due?: boolean; json?: boolean }): Promise<void> {
  const { today, states } = await loadPeople(ctx);
  const shown = opts.due ? dueNow(states) : states;
  if (opts.json) return printSafeJson(ctx.io, shown.map(asData));
  const s = styleFor(ctx.io);
  if (states.length === 0) {
    return print(ctx.io, s.muted('No one here yet. Name the few who matter most: harmony people add NAME --every 2w'));
  }
  if (opts.due) {
    if (shown.length === 0) {
      const next = states.find((d) => d.status === 'soon' || d.status === 'later');
      const hint = next ? ` Next: ${shortName(next.person.name ?? '')}, ${nextWords(next, today)}.` : '';
      return print(ctx.io, `No one is due today.${hint}`);
    }
    const lines = shown.map((d) => `  ${s.bold(shortName(d.person.name ?? ''))} · ${sinceShort(d)} ${s.muted(`(${cadenceWords(d.person.every!)})`)}`);
    return print(ctx.io, s.heading(`Time to reach out · ${today}`), ...lines, '', s.muted('After you connect: harmony people log NAME --how call (or answer it in harmony checkin)'));
  }
  const due = dueNow(states).length;
  const head = `${s.bold('  ' + 'name'.padEnd(22))}  ${s.muted('circle'.padEnd(10))}${'every'.padEnd(6)}  ${'connected'.padEnd(12)}  next`;
  const foot = due > 0 ? `${due === 1 ? 'One person' : `${due} people`} it may be time to reach out to: harmony people --due` : 'No one is due today.';
  print(ctx.io, s.heading(`Your people · ${today}`), head, ...states.map((d) => row(d, today, s)), '', s.muted(foot));
}

function sinceShort(d: DueInfo): string {
  if (d.last === null) return d.days === 0 ? 'added today' : `added ${plural(d.days, 'day')} ago, no connection logged yet`;
  return `${plural(d.days, 'day')} since you connected`;
}

export async function show(ctx: Context, name: string, opts: { json?: boolean }): Promise<void> {
  const { store, doc, today, states } = await loadPeople(ctx);
  const person = findPerson(ctx, doc, name);
  const d = states.find((x) => x.person.id === person.id)!;
  const from = addDays(today, -89);
  const journal = store.journal;
  const entries = await queryJournalAsync(journal.months(), (m) => journal.readMonth(m), { from, to: today });
  const recent = entries.filter((e) => e.with?.includes(person.id));
  const activity = peopleActivity(recent, from, today)[0];
  // The true latest connection, also one logged for a day before they were added.
  const ever = (await journal.latestWith([person.id])).get(person.id) ?? null;
  if (opts.json) {
    return printSafeJson(ctx.io, {
      ...asData(d),
      last90Days: { from, to: today, connections: activity?.connections ?? 0, days: activity?.days ?? 0, how: activity?.how ?? {} },
      recent: recent.slice(0, 10).map((e) => ({ date: e.date, kind: e.kind, how: e.how ?? null, entry: e.id })),
    });
  }
  const s = styleFor(ctx.io);
  const label = (t: string) => s.bold(t.padEnd(13));
  const lines = [s.heading(safeText(person.name ?? '').replace(/\n/g, '␤')) + s.muted(`  ${person.id}`)];
  if (person.aliases.length > 0) lines.push(`${label('Also called')}${person.aliases.map((a) => shortName(a)).join(', ')}`);
  if (person.circle) lines.push(`${label('Circle')}${person.circle}`);
  const rhythm = person.every ? `${cadenceWords(person.every)} · ${nextWords(d, today)}${d.dueOn && d.status !== 'due' ? ` (${d.dueOn})` : ''}` : 'none set (never due): harmony people edit NAME --every 2w';
  lines.push(`${label('Rhythm')}${person.paused ? `paused (${person.every ? cadenceWords(person.every) : 'no rhythm'}): harmony people edit NAME --resume` : rhythm}`);
  lines.push(`${label('Connected')}${ever ? `${ever} (${ago(Math.max(0, daysBetween(ever, today)))})` : 'no connection logged yet'}`);
  lines.push(`${label('Added')}${person.addedOn}`);
  const ways = activity ? howWords(activity.how) : '';
  lines.push(`${label('Last 90 days')}${activity ? `${plural(activity.connections, 'connection')} on ${plural(activity.days, 'day')}${ways ? `: ${ways}` : ''}` : 'no connections'}`);
  if (recent.length > 0) {
    lines.push('', s.bold('Recent'));
    for (const e of recent.slice(0, 5)) lines.push(`  ${e.date}  ${(e.how ? HOW_LABELS[e.how] : '').padEnd(10)}${s.muted(`${e.kind} ${e.id}`)}`);
  }
  print(ctx.io, ...lines);
}
