// Small pieces of progress: lessons read, reflection prompts recently used.
import { STATE_VERSION, type State } from '../core/state.js';
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
    return null;
  },
};
