// Reflection prompts the user writes (harmony prompts add): checked and named here, pure.
import { UsageError } from '../errors.js';
import type { LocalDate } from './dates.js';
import type { PrincipleId } from './principles.js';
import type { OwnPrompt } from './state.js';

export const OWN_PROMPT_MAX = 300;

/** The prompt text as stored: one line, spaces folded; a usage error when empty or too long. */
export function cleanPromptText(text: string): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean === '') throw new UsageError('Write the prompt as text, e.g. harmony prompts add trust "Whom did I keep my word to today?"');
  if (Array.from(clean).length > OWN_PROMPT_MAX) throw new UsageError(`A prompt can be at most ${OWN_PROMPT_MAX} characters; this one is ${Array.from(clean).length}.`);
  return clean;
}

export function newOwnPrompt(own: readonly OwnPrompt[], principle: PrincipleId, text: string, day: LocalDate, random = Math.random): OwnPrompt {
  const same = own.find((p) => p.principle === principle && p.text.toLowerCase() === text.toLowerCase());
  if (same) throw new UsageError(`You already have that prompt (${same.id}).`);
  for (;;) {
    const id = `own-${Math.floor(random() * 36 ** 4).toString(36).padStart(4, '0')}`;
    if (!own.some((p) => p.id === id)) return { id, principle, text, added: day };
  }
}

/** A principle's prompts for the rotation: the user's own first (a new one is asked soon), then the lesson's. */
export function promptsWithOwn(lesson: readonly string[], own: readonly OwnPrompt[] | undefined, principle: PrincipleId): string[] {
  const mine = (own ?? []).filter((p) => p.principle === principle).map((p) => p.text);
  return [...mine, ...lesson.filter((p) => !mine.includes(p))];
}
