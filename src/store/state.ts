// Small pieces of progress: lessons read, reflection prompts recently used.
import { STATE_VERSION, type State } from '../core/state.js';
import { isPrincipleId } from '../core/principles.js';
import type { DocSpec } from './files.js';

export { STATE_VERSION, type State } from '../core/state.js';

const isStringMap = (v: unknown) =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every((x) => typeof x === 'string');

export const stateSpec: DocSpec<State> = {
  version: STATE_VERSION,
  empty: () => ({ schemaVersion: STATE_VERSION, lessonsRead: {}, promptsUsed: {} }),
  validate(doc) {
    if (!isStringMap(doc.lessonsRead)) return 'lessonsRead is not a map of dates';
    if (!isStringMap(doc.promptsUsed)) return 'promptsUsed is not a map of dates';
    if (doc.practicesOffered !== undefined && !isStringMap(doc.practicesOffered)) return 'practicesOffered is not a map of dates';
    if (doc.ownPrompts !== undefined) {
      if (!Array.isArray(doc.ownPrompts)) return 'ownPrompts is not a list';
      for (const [i, p] of doc.ownPrompts.entries()) {
        const ok = typeof p === 'object' && p !== null && typeof p.id === 'string' && isPrincipleId(p.principle) && typeof p.text === 'string' && typeof p.added === 'string';
        if (!ok) return `ownPrompts[${i}] needs an id, a principle id, a text and the day added`;
      }
    }
    if (doc.focus !== undefined) {
      const f = doc.focus as Record<string, unknown> | null;
      if (typeof f !== 'object' || f === null || !isPrincipleId(f.principle) || typeof f.week !== 'string') return 'focus needs a principle id and a week';
    }
    for (const key of ['reviewOffered', 'roughDaysShown'] as const) {
      if (doc[key] !== undefined && typeof doc[key] !== 'string') return `${key} is not text`;
    }
    return null;
  },
};
