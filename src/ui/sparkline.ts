// A sparkline: one character per value (the mood of each of the last 30 days).
const SPARKS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
export const NO_VALUE = '·';

/** One character per value, scaled from min to max; null (no data that day) shows as '·'. */
export function sparkline(values: readonly (number | null)[], min: number, max: number): string {
  return values
    .map((v) => {
      if (v === null || !Number.isFinite(v)) return NO_VALUE;
      const t = max === min ? 1 : (Math.min(max, Math.max(min, v)) - min) / (max - min);
      return SPARKS[Math.round(t * (SPARKS.length - 1))]!;
    })
    .join('');
}
