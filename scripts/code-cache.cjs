// Makes dist/app.cjs.cache, V8's compiled code for dist/app.cjs, so that each start skips most
// of the parsing and compiling (see bin/harmony.js). The cache holds what was compiled by the
// time it is made, so this first runs a few everyday commands in this process, on an empty
// temporary home, output discarded. Each must exit 0 and print something: a build whose
// start-up path is broken fails here instead of in a user's shell.
//   usage: node scripts/code-cache.cjs <dist-folder>
'use strict';
const { mkdtempSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { tmpdir } = require('node:os');
const { join, resolve } = require('node:path');
const { Script } = require('node:vm');

const dist = resolve(process.argv[2]);
const file = join(dist, 'app.cjs');
// V8 keeps the script name it compiled with inside the cache, and --debug stack traces show
// it; the build folder is temporary and an installed copy lives elsewhere, so name it by its
// place in the package.
const script = new Script(readFileSync(file, 'utf8'), { filename: 'harmony-coach/dist/app.cjs' });
const app = script.runInThisContext();
const home = mkdtempSync(join(tmpdir(), 'harmony-code-cache-'));
Object.assign(process.env, { HARMONY_HOME: home, HARMONY_NOW: '2025-06-11T09:00:00Z', NO_COLOR: '1' });
// check's own code (rules, notes, output) is cached too: a draft in the temporary folder,
// clean, so the run exits 0 (the libraries it loads are vendor files, not in this cache).
const draft = join(home, 'draft.txt');
writeFileSync(draft, 'Thanks for the lovely dinner! Could we do it again next week? You always make me laugh.\n');
// A check-in saved from flags is the daily command: its save path (the lock, the atomic
// writes, the day index, the shell reminder's cache written after it) is cached too, with
// someone in people.json, so the cache's "who is due" code is compiled here and not at every
// save of a journal with people in it (V8 caches only the functions that ran).
const runs = [
  ['--version'],
  ['--help'],
  ['lessons'],
  ['remind'],
  ['people', 'add', 'Sam', '--every', '1w'],
  ['checkin', '--mood', '4', '--principle', 'trust', '--answer', 'A short answer.', '--intention', 'Reply to one message.', '--with', 'Sam'],
  ['check', draft],
];
const write = process.stdout.write;

function run(args) {
  let output = '';
  process.stdout.write = (chunk) => ((output += String(chunk)), true);
  process.argv = [process.argv[0], join(dist, '..', 'bin', 'harmony.js'), ...args];
  process.exitCode = undefined;
  const mod = { exports: {} };
  app(mod.exports, createRequire(file), mod, file, dist);
  // main() sets process.exitCode when the command is done.
  const done = () => {
    if (process.exitCode === undefined) return setImmediate(done);
    process.stdout.write = write;
    if (process.exitCode !== 0 || output.trim() === '') {
      rmSync(home, { recursive: true, force: true });
      throw new Error(`harmony ${args.join(' ')} failed in the new build (exit ${process.exitCode}, output ${JSON.stringify(output.slice(0, 200))})`);
    }
    const next = runs.shift();
    if (next) return run(next);
    writeFileSync(`${file}.cache`, script.createCachedData());
    // The check run loaded check's engine through its loader: cache it too.
    const engine = createRequire(file)('./vendor/check-load.cjs');
    writeFileSync(join(dist, 'vendor', 'check.cjs.cache'), engine[Symbol.for('harmony.script')].createCachedData());
    rmSync(home, { recursive: true, force: true });
  };
  setImmediate(done);
}

run(runs.shift());
