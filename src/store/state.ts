// Small pieces of progress: lessons read, reflection prompts recently used.
import type { LocalDate } from '../core/dates.js';
import type { DocSpec } from './files.js';

export const STATE_VERSION = 1;

export interface State {
  schemaVersion: number;
  /** Lesson id -> the day it was first read. */
  lessonsRead: Record<string, LocalDate>;
  /** Prompt text -> the last day it was answered, so check-ins rotate through them. */
  promptsUsed: Record<string, LocalDate>;
}

const isStringMap = (v: unknown) =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every((x) => typeof x === 'string');

export const stateSpec: DocSpec<State> = {
  version: STATE_VERSION,
  empty: () => ({ schemaVersion: STATE_VERSION, lessonsRead: {}, promptsUsed: {} }),
  validate(doc) {
    if (!isStringMap(doc.lessonsRead)) return 'lessonsRead is not a map of dates';
    if (!isStringMap(doc.promptsUsed)) return 'promptsUsed is not a map of dates';
    return null;
  },
};
