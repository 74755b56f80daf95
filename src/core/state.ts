// Small pieces of progress (state.json) as a type: shared by core and the store.
import type { LocalDate } from './dates.js';

export const STATE_VERSION = 1;

export interface State {
  schemaVersion: number;
  /** Lesson id -> the day it was first read. */
  lessonsRead: Record<string, LocalDate>;
  /** Prompt text -> the last day it was answered, so check-ins rotate through them. */
  promptsUsed: Record<string, LocalDate>;
}
