// Every library harmony check uses, in one place. The build bundles this module into one
// vendor file (dist/vendor/check-libs.cjs, see scripts/build.mjs), so the libraries' shared
// parts (unist and nlcst utilities, vfile) are loaded once, and only when check runs.
export { cuss } from 'cuss';
export { search } from 'nlcst-search';
export { default as retextEnglish } from 'retext-english';
export { default as retextEquality } from 'retext-equality';
export { default as retextProfanities } from 'retext-profanities';
export { default as Sentiment } from 'sentiment';
export { unified } from 'unified';
export { VFile } from 'vfile';
