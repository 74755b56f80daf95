// The safe-text helpers are pure and live in core (core/safe.ts); re-exported here so ui
// code and older imports keep one obvious place to look.
export { excerpt, safeLine, safeText } from '../core/safe.js';
