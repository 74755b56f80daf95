// Everything `harmony check` runs once its input is read: the engine (core/check) with its
// libraries, and the output (ui/check-view). The build makes this one vendor file with its own
// V8 code cache (scripts/build.mjs), so none of it is in dist/app.cjs, which every command loads.
export { checkDraft } from '../core/check/index.js';
export { positions } from '../core/check/offsets.js';
export { notices, renderText, unixLines } from '../ui/check-view.js';
