// A wall-clock time in a zone, as an ISO timestamp with that zone's offset at that moment.
import { isValidDate, isoWithOffset, wallClock, type LocalDate } from '../dates.js';

export function zonedIso(date: LocalDate, hour: number, minute: number, second: number, timeZone?: string): string | null {
  if (!isValidDate(date) || hour > 23 || minute > 59 || second > 59) return null;
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const asUtc = Date.UTC(y, m - 1, d, hour, minute, second);
  // Two rounds find the offset in force at that wall time (one more settles a DST edge).
  let instant = asUtc;
  for (let i = 0; i < 2; i++) instant = asUtc - wallClock(new Date(instant), timeZone).offsetMinutes * 60_000;
  return isoWithOffset(new Date(instant), timeZone);
}

/** "21:07", "9:07", "9:07 pm", "09:07:30 AM" -> [h, m, s], or null. */
export function parseClock(text: string): [number, number, number] | null {
  const m = /^\s*(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]\.?m\.?)?\s*$/i.exec(text);
  if (!m) return null;
  let hour = Number(m[1]);
  const ampm = m[4]?.toLowerCase().replaceAll('.', '');
  if (ampm) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (ampm === 'pm' ? 12 : 0);
  }
  return [hour, Number(m[2]), Number(m[3] ?? 0)];
}
