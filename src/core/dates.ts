// Local calendar days as YYYY-MM-DD strings. Arithmetic is done on the calendar (UTC date
// math on the day number), never by adding 24 hours to an instant, so 23- and 25-hour days
// around clock changes cannot skip or repeat a day.
export type LocalDate = string;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * A real calendar day as YYYY-MM-DD (years 0100-9999, as Date.UTC reads them), checked by
 * hand: every stored entry and person is validated this way when read, and a regex and a
 * Date each were most of what reading 200 people cost the shell reminder (issue 14).
 */
export function isValidDate(text: string): boolean {
  if (typeof text !== 'string' || text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return false;
  let y = 0;
  let mo = 0;
  let d = 0;
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return false;
    if (i < 4) y = y * 10 + c;
    else if (i < 7) mo = mo * 10 + c;
    else d = d * 10 + c;
  }
  if (y < 100 || mo < 1 || mo > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= (mo === 2 && leap ? 29 : MONTH_DAYS[mo - 1]!);
}

function dayNumber(date: LocalDate): number {
  const m = DATE_RE.exec(date);
  if (!m) throw new Error(`not a date: ${date}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000;
}

function fromDayNumber(n: number): LocalDate {
  return new Date(n * 86_400_000).toISOString().slice(0, 10);
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** Whole days from a to b (b - a). */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return dayNumber(b) - dayNumber(a);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: LocalDate): number {
  return new Date(dayNumber(date) * 86_400_000).getUTCDay();
}

interface WallClock {
  date: LocalDate;
  hour: number;
  minute: number;
  second: number;
  offsetMinutes: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock reading of an instant in a time zone (default: the system's). */
export function wallClock(now: Date, timeZone?: string): WallClock {
  if (!timeZone) {
    const pad = (n: number) => String(n).padStart(2, '0');
    return {
      date: `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`,
      hour: now.getHours(),
      minute: now.getMinutes(),
      second: now.getSeconds(),
      offsetMinutes: -now.getTimezoneOffset(),
    };
  }
  let fmt = formatters.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    formatters.set(timeZone, fmt);
  }
  const parts: Record<string, string> = {};
  for (const p of fmt.formatToParts(now)) parts[p.type] = p.value;
  const date = `${parts.year}-${parts.month}-${parts.day}`;
  const [hour, minute, second] = [Number(parts.hour), Number(parts.minute), Number(parts.second)];
  const asUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), hour, minute, second);
  const offsetMinutes = Math.round((asUtc - Math.floor(now.getTime() / 1000) * 1000) / 60_000);
  return { date, hour, minute, second, offsetMinutes };
}

/**
 * The practice day an instant belongs to. With dayStartHour 4, 03:59 still counts as the
 * previous day: the boundary is a wall-clock hour, so it holds across clock changes.
 */
export function practiceDay(now: Date, dayStartHour = 0, timeZone?: string): LocalDate {
  const clock = wallClock(now, timeZone);
  return clock.hour < dayStartHour ? addDays(clock.date, -1) : clock.date;
}

/** An ISO timestamp with the local offset, e.g. 2026-11-21T23:15:02+01:00. */
export function isoWithOffset(now: Date, timeZone?: string): string {
  const c = wallClock(now, timeZone);
  const pad = (n: number) => String(Math.abs(n)).padStart(2, '0');
  const sign = c.offsetMinutes >= 0 ? '+' : '-';
  const off = Math.abs(c.offsetMinutes);
  return `${c.date}T${pad(c.hour)}:${pad(c.minute)}:${pad(c.second)}${sign}${pad(Math.floor(off / 60))}:${pad(off % 60)}`;
}

/**
 * Parses a date argument: today, yesterday, Nd (N days ago), or YYYY-MM-DD.
 * Returns null when the text is none of those or names a date that does not exist.
 */
export function parseDateArg(text: string, today: LocalDate): LocalDate | null {
  const t = text.trim().toLowerCase();
  if (t === 'today') return today;
  if (t === 'yesterday') return addDays(today, -1);
  const rel = /^(\d{1,5})d$/.exec(t);
  if (rel) return addDays(today, -Number(rel[1]));
  return isValidDate(t) ? t : null;
}
