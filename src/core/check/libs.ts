// Every library harmony check uses, in one place (they go into check's own vendor bundle with
// the engine, see src/commands/check-engine.ts and scripts/build.mjs).
export { cuss } from 'cuss';
export { search } from 'nlcst-search';
export { default as retextEnglish } from 'retext-english';
export { default as retextEquality } from 'retext-equality';
export { default as retextProfanities } from 'retext-profanities';
export { default as Sentiment } from 'sentiment';
export { unified } from 'unified';
export { VFile } from 'vfile';
