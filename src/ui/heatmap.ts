// The practice calendar: weeks as columns (Monday at the top), one character a day. The
// characters differ by level, so it reads the same without colour; colour only adds shade.
import { calendarWeeks } from '../core/stats.js';
import type { LocalDate } from '../core/dates.js';
import type { Style } from './style.js';

export interface HeatmapInput {
  from: LocalDate;
  to: LocalDate;
  /** Entries (check-ins + reflections) per practised day. */
  entries: Record<LocalDate, number>;
  /** Missed days a streak freeze covered. */
  frozen: LocalDate[];
}

export type Level = 'none' | 'one' | 'two' | 'more' | 'frozen';
export const HEAT_CHARS: Record<Level, string> = { none: '·', one: '░', two: '▒', more: '▓', frozen: '*' };
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const ROW_LABELS = ['Mon', '', 'Wed', '', 'Fri', '', 'Sun'];
const GUTTER = 4;

export function levelOf(count: number | undefined, frozen: boolean): Level {
  if (!count) return frozen ? 'frozen' : 'none';
  return count === 1 ? 'one' : count === 2 ? 'two' : 'more';
}

function painter(s: Style | undefined): (level: Level, text: string) => string {
  if (!s) return (_level, text) => text;
  const c = s.chalk;
  const paints: Record<Level, (t: string) => string> = {
    none: (t) => c.ansi256(240)(t),
    one: (t) => c.ansi256(71)(t),
    two: (t) => c.ansi256(35)(t),
    more: (t) => c.ansi256(46)(t),
    frozen: (t) => c.ansi256(81)(t),
  };
  return (level, text) => paints[level](text);
}

/** Month names over the first week of each month, skipped where they would collide. */
function monthLine(weeks: (LocalDate | null)[][]): string {
  const cells = Array<string>(weeks.length + 3).fill(' ');
  let free = 0; // first column a label may start in
  weeks.forEach((week, col) => {
    const first = col === 0 ? week[0] : week.find((d) => d !== null && d.endsWith('-01'));
    if (!first || col < free) return;
    // The first column's month shows only if its own month starts in view or has room.
    const next = weeks.findIndex((w, i) => i > col && w.some((d) => d !== null && d.endsWith('-01')));
    if (col === 0 && !first.endsWith('-01') && next !== -1 && next < 4) return;
    const name = MONTHS[Number(first.slice(5, 7)) - 1]!;
    for (let i = 0; i < 3; i++) cells[col + i] = name[i]!;
    free = col + 4;
  });
  return ' '.repeat(GUTTER) + cells.join('').trimEnd();
}

/** The calendar as lines: month names, seven weekday rows, a legend. */
export function heatmapLines(input: HeatmapInput, style?: Style): string[] {
  const paint = painter(style);
  const frozen = new Set(input.frozen);
  const weeks = calendarWeeks(input.from, input.to);
  const rows = ROW_LABELS.map((label, day) => {
    const levels = weeks.map((week) => {
      const date = week[day];
      return date ? levelOf(input.entries[date], frozen.has(date)) : null;
    });
    // Paint runs of the same level at once: fewer escape codes than one per cell.
    let line = '';
    for (let i = 0; i < levels.length; ) {
      const level = levels[i];
      let j = i;
      while (j < levels.length && levels[j] === level) j++;
      line += level ? paint(level, HEAT_CHARS[level].repeat(j - i)) : ' '.repeat(j - i);
      i = j;
    }
    return `${label.padEnd(GUTTER)}${line}`.trimEnd();
  });
  const key = (level: Level, words: string) => `${paint(level, HEAT_CHARS[level])} ${words}`;
  const legend = [key('none', 'none'), key('one', '1 entry'), key('two', '2'), key('more', '3+'), key('frozen', 'freeze used')].join('   ');
  return [monthLine(weeks), ...rows, ' '.repeat(GUTTER) + legend];
}
