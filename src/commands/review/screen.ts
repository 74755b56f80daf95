// The review's one screen: the week in figures, every line our own words (no user text but
// the names of the people you connected with, shown safely).
import { REMOVED_LABEL } from '../../core/people.js';
import { shortName } from '../../core/people-text.js';
import { PRINCIPLES } from '../../core/principles.js';
import type { WeekFigures } from '../../core/review.js';
import { sparkline } from '../../ui/sparkline.js';
import type { Style } from '../../ui/style.js';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

const SHOWN = 6;

/** Who the week's entries say you connected with (names shown safely, the most connected first). */
function connectedLine(f: WeekFigures, s: Style): string {
  if (f.people.length === 0) return s.muted('no one logged: harmony people log NAME, or answer it in the check-in');
  const named = f.people.slice(0, SHOWN).map((p) => `${shortName(p.name ?? REMOVED_LABEL, 24)}${p.connections > 1 ? ` ×${p.connections}` : ''}`);
  const rest = f.people.length - SHOWN;
  return named.join(', ') + (rest > 0 ? s.muted(` and ${rest} more`) : '');
}

export function reviewScreen(f: WeekFigures, s: Style): string[] {
  const label = (text: string) => s.bold(text.padEnd(13));
  const { intentions: i, practices: p } = f;
  const followed = i.kept + i.partly + i.missed + i.dropped;
  const intentionLine =
    i.set === 0
      ? 'none set'
      : `${i.kept} of ${i.set} kept${[i.partly ? `${i.partly} partly` : '', i.missed ? `${i.missed} not this time` : '', i.dropped ? `${i.dropped} let go` : '', i.open ? `${i.open} not followed up yet` : ''].filter(Boolean).map((x) => ` · ${x}`).join('')}`;
  const practised = PRINCIPLES.filter((pr) => f.principles[pr.id] > 0).map((pr) => `${pr.id} ${f.principles[pr.id]}`);
  const moods = f.moods.filter((m): m is number => m !== null);
  const average = moods.length ? ` average ${(moods.reduce((a, b) => a + b, 0) / moods.length).toFixed(1)}` : ' no check-ins with a mood';
  const lines = [
    s.heading(`Week ${f.week.id} · ${f.week.start} to ${f.week.end}`),
    '',
    `${label('Practised')}${f.practised} of ${f.days} days`,
    `${label('Mood')}${sparkline(f.moods, 1, 5)}${s.muted(average)}`,
    `${label('Principles')}${practised.length ? practised.join(', ') : 'none'}`,
    `${label('Intentions')}${intentionLine}`,
    `${label('Practices')}${p.taken === 0 ? 'none taken' : `${p.done} of ${p.taken} done`}`,
    `${label('Quiz')}${f.quiz === null ? s.muted('(the quiz log could not be read)') : f.quiz.answered === 0 ? 'no questions answered' : `${plural(f.quiz.answered, 'question')} answered, ${f.quiz.right} right`}`,
  ];
  if (followed === 0 && i.set > 0 && i.open === i.set) lines.push(s.muted('  (intentions are followed up at the next check-in)'));
  lines.push(`${label('Connected')}${connectedLine(f, s)}`);
  return lines;
}
