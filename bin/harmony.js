#!/usr/bin/env node
// The launcher (CommonJS, see bin/package.json: it skips Node's ESM loader, ~4 ms). The app is
// dist/app.cjs, one function expression made by scripts/build.mjs; compiling it here with the
// V8 code cache made at build time (dist/app.cjs.cache) skips most parsing and compiling on
// every start. A cache from another Node or V8 version is rejected by V8, and the script then
// compiles from source as usual.
// Node 22+ has module.enableCompileCache() (Node's own on-disk cache for require()d files):
// measured on Node 22 and 24, loading app.cjs through it started slower than this cache (made
// after running a few commands), and turning it on for dist/vendor/ alone made no difference
// beyond the noise, so the launcher is the same on every Node (README, Performance).
'use strict';
const { readFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { join } = require('node:path');
const { Script } = require('node:vm');

const dist = join(__dirname, '..', 'dist');
const file = join(dist, 'app.cjs');
let source;
try {
  source = readFileSync(file, 'utf8');
} catch (error) {
  process.stderr.write(`harmony: could not start (${error.message}). Was it built? Run: npm run build\n`);
  process.exitCode = 1;
}
if (source !== undefined) {
  let cachedData;
  try {
    cachedData = readFileSync(`${file}.cache`);
  } catch {
    // no cache: compile from source
  }
  const app = new Script(source, { filename: file, cachedData }).runInThisContext();
  const mod = { exports: {} };
  app(mod.exports, createRequire(file), mod, file, dist);
}
