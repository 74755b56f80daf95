// state.json in an encrypted journal (issue 18): split in two. What may stay plaintext (the
// lessons read, the week whose review was offered) stays in state.json; everything else (own
// prompts, prompts and practices used, the weekly focus, when the rough-days line was shown,
// and any field added later) is secret. A change made while locked cannot read the secret part,
// so it is saved as a delta and folded in on read (foldSecret). Pure.
import type { State } from './state.js';

/** The fields that stay plaintext; every other field is secret. */
export const PLAIN_STATE_KEYS = ['schemaVersion', 'lessonsRead', 'reviewOffered'] as const;

export type StatePart = Record<string, unknown>;

export function splitState(state: State): { plain: StatePart; secret: StatePart } {
  const plain: StatePart = {};
  const secret: StatePart = { schemaVersion: state.schemaVersion };
  for (const [key, value] of Object.entries(state)) {
    if ((PLAIN_STATE_KEYS as readonly string[]).includes(key)) plain[key] = value;
    else secret[key] = value;
  }
  return { plain, secret };
}

const maxDates = (a: unknown, b: unknown): Record<string, string> => {
  const out: Record<string, string> = { ...((a as Record<string, string>) ?? {}) };
  for (const [k, v] of Object.entries((b as Record<string, string>) ?? {})) if (!(k in out) || v > out[k]!) out[k] = v;
  return out;
};

/**
 * A delta saved while locked, folded into the secret part: dates keep the later one, own prompts
 * are added (by id), anything else the delta set wins (deltas are folded oldest first).
 */
export function foldSecret(base: StatePart, delta: StatePart): StatePart {
  const out: StatePart = { ...base };
  for (const [key, value] of Object.entries(delta)) {
    if (key === 'schemaVersion') continue;
    if (key === 'promptsUsed' || key === 'practicesOffered') out[key] = maxDates(out[key], value);
    else if (key === 'roughDaysShown') out[key] = typeof out[key] === 'string' && (out[key] as string) > (value as string) ? out[key] : value;
    else if (key === 'ownPrompts') {
      const have = [...((out[key] as { id: string }[]) ?? [])];
      for (const p of (value as { id: string }[]) ?? []) if (!have.some((h) => h.id === p.id)) have.push(p);
      out[key] = have;
    } else out[key] = value;
  }
  return out;
}

/** The whole state again: the plain part, then the secret one over it. */
export const joinState = (plain: StatePart, secret: StatePart): State => ({ ...plain, ...secret, schemaVersion: (plain.schemaVersion as number) ?? (secret.schemaVersion as number) }) as State;
