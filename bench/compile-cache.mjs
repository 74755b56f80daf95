// The launcher's V8 code cache against Node 22+'s module.enableCompileCache(), A/B, on the
// build in dist/ (build it with the same Node first: its code cache must match). Three
// launchers on one copy of the build, each timed against `node -e 0` in the same loop:
//   vm+cache     bin/harmony.js as shipped (vm.Script with dist/app.cjs.cache)
//   compileCache app.cjs loaded with require() under module.enableCompileCache()
//   hybrid       bin/harmony.js plus enableCompileCache() for what it require()s (dist/vendor/)
// Prints the median wall and CPU (user + sys) ratios; the CPU ratio suffers less from other
// work on the machine.
//   PATH="$(node scripts/node-versions.mjs 22):$PATH" npm run build
//   PATH="$(node scripts/node-versions.mjs 22):$PATH" node bench/compile-cache.mjs [runs]
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compare } from './measure.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
if (!(await import('node:module')).enableCompileCache) throw new Error(`Node ${process.version} has no module.enableCompileCache (Node 22+)`);
const runs = Number(process.argv[2]) || 21;
const dir = mkdtempSync(join(tmpdir(), 'harmony-cc-'));
const home = mkdtempSync(join(tmpdir(), 'harmony-cc-home-'));
process.on('exit', () => [dir, home].forEach((d) => rmSync(d, { recursive: true, force: true })));
cpSync(join(ROOT, 'bin'), join(dir, 'bin'), { recursive: true });
cpSync(join(ROOT, 'dist'), join(dir, 'dist'), { recursive: true });
writeFileSync(join(dir, 'dist', 'app-module.cjs'), `module.exports = ${readFileSync(join(dir, 'dist', 'app.cjs'), 'utf8')};`);
const cacheDir = (name) => JSON.stringify(join(dir, `cache-${name}`));
writeFileSync(join(dir, 'bin', 'compile-cache.js'), `'use strict';
const m = require('node:module');
m.enableCompileCache(${cacheDir('cc')});
const dist = require('node:path').join(__dirname, '..', 'dist');
const file = require('node:path').join(dist, 'app-module.cjs');
const mod = { exports: {} };
require(file)(mod.exports, m.createRequire(file), mod, file, dist);
`);
const launcher = readFileSync(join(dir, 'bin', 'harmony.js'), 'utf8');
writeFileSync(join(dir, 'bin', 'hybrid.js'), launcher.replace("'use strict';", `'use strict';\nrequire('node:module').enableCompileCache(${cacheDir('hybrid')});`));

const env = { ...process.env, HARMONY_HOME: home, NO_COLOR: '1', HARMONY_NOW: '2025-06-11T09:00:00Z' };
const variants = [['vm+cache', 'harmony.js'], ['compileCache', 'compile-cache.js'], ['hybrid', 'hybrid.js']];
console.log(`node ${process.version}, load ${loadavg()[0].toFixed(2)}, ${runs} runs each after 2 warm-ups (which fill the compile caches)`);
console.log(`${'command'.padEnd(22)}${variants.map(([n]) => `${n} wall/cpu`.padEnd(24)).join('')}`);
for (const args of [['--version'], ['--help'], ['remind'], ['lessons'], ['config', 'list'], ['learn', 'trust', '--plain']]) {
  const cells = variants.map(([, file]) => {
    const r = compare(() => ({ args: [join(dir, 'bin', file), ...args], env }), { runs, memRuns: 0 });
    return r.error ? `error: ${r.error}` : `${r.ratio.median.toFixed(2)}x / ${r.cpuRatio?.toFixed(2) ?? '?'}x`;
  });
  console.log(`${args.join(' ').padEnd(22)}${cells.map((c) => c.padEnd(24)).join('')}`);
}
