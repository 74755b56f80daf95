// `harmony unlock --for 8h`: a duration in minutes, hours or days (30m, 8h, 2d, 1h30m). Pure.
import { UsageError } from '../errors.js';

/** The longest unlock: the key is meant to be kept for a working day or a trip, not for ever. */
export const MAX_UNLOCK_MS = 30 * 24 * 3600 * 1000;
const UNIT: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

export function parseDuration(text: string): number {
  const t = text.trim().toLowerCase();
  const parts = [...t.matchAll(/(\d+)\s*([smhd])/g)];
  const whole = parts.map((p) => p[0]).join('').replace(/\s/g, '');
  if (parts.length === 0 || whole !== t.replace(/\s/g, '')) {
    throw new UsageError(`--for takes a duration like 30m, 8h or 2d, got "${text}".`);
  }
  const ms = parts.reduce((sum, p) => sum + Number(p[1]) * UNIT[p[2]!]!, 0);
  if (ms < 60_000) throw new UsageError('--for must be at least 1m.');
  if (ms > MAX_UNLOCK_MS) throw new UsageError('--for can be at most 30d.');
  return ms;
}

export function describeDuration(ms: number): string {
  const d = Math.floor(ms / 86_400_000);
  const h = Math.floor((ms % 86_400_000) / 3_600_000);
  const m = Math.round((ms % 3_600_000) / 60_000);
  return [d ? `${d} d` : '', h ? `${h} h` : '', m ? `${m} min` : ''].filter(Boolean).join(' ') || '1 min';
}
