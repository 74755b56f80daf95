// Horizontal bars for amounts (practice counts, quiz mastery).
const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/**
 * A bar `width` characters wide for a fraction 0..1, in eighths of a character; the rest is
 * a dotted track so the scale reads without colour.
 */
export function bar(fraction: number, width: number, track = '·'): string {
  const f = Number.isFinite(fraction) ? Math.min(1, Math.max(0, fraction)) : 0;
  const eighths = Math.round(f * width * 8);
  const full = Math.floor(eighths / 8);
  const part = EIGHTHS[eighths % 8]!;
  const filled = '█'.repeat(full) + part;
  return filled + track.repeat(width - full - (part ? 1 : 0));
}
