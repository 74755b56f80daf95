// Build: src/ becomes dist/app.cjs, one script that bin/harmony.js compiles with V8's code
// cache (dist/app.cjs.cache, made here by scripts/code-cache.cjs), and content/ becomes
// dist/content.json (validated on the way).
//
// Why this shape (issue 7, measured with bench/ and wait4 CPU time):
// - One CommonJS script instead of ~50 ESM chunks: Node 20's ESM loader costs ~0.3 ms per
//   module, and a command loaded 15-25 of them; a CommonJS launcher also skips the ESM loader.
// - V8's code cache needs a classic script (vm.Script cachedData: Node 20 has no compile cache
//   for ES modules; module.enableCompileCache is Node 22). It skips most parsing and compiling.
//   Together: --help 1.41x -> ~1.2x node -e 0, lessons 1.49x -> ~1.25x.
// - Commands still load lazily: esbuild wraps each `import('./commands/x.js')` target and runs
//   it on first use. Libraries only some commands need (marked, inquirer, conf, ts-fsrs, yaml,
//   proper-lockfile...) are separate files in dist/vendor/, required on first use.
import { build } from 'esbuild';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { dirname, join, relative, resolve, sep } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// Build beside dist/ and swap it in at the end, so a test running the binary while another
// build runs never sees a half-written dist/.
// (The folder is named dist inside the temporary one: content/load.ts finds content.json that
// way, and scripts/code-cache.cjs runs the new build before the swap.)
const final = join(root, 'dist');
const temp = join(root, `.dist-build-${process.pid}`);
const dist = join(temp, 'dist');
rmSync(temp, { recursive: true, force: true });
mkdirSync(join(dist, 'vendor'), { recursive: true });

// Libraries bundled into app.cjs: the command line itself needs them on every run.
const INLINE = new Set(['commander', 'chalk']);
const vendored = new Set();
const vendorFile = (pkg) => `${pkg.replace(/^@/, '').replace(/\//g, '-')}.cjs`;

// Small stand-ins (scripts/stubs/) for what harmony never uses but would pay to load:
// marked-terminal imports cli-highlight (all of highlight.js and parse5, ~1.3 MB) for code
// blocks and node-emoji (~200 KB) for :emoji: codes; lessons have no code blocks and emoji
// are off. (Tried: a stand-in for commander's node:child_process: no measurable gain.)
const stubs = {
  name: 'stubs',
  setup(b) {
    b.onResolve({ filter: /^(cli-highlight|node-emoji)$/ }, (a) => ({ path: join(root, 'scripts', 'stubs', `${a.path}.mjs`) }));
  },
};

// harmony check's engine (our rules and output, with unified, retext, cuss and AFINN) is one
// vendor file made from src/commands/check-engine.ts below, loaded through a small loader that
// compiles it with a V8 code cache, as bin/harmony.js does for app.cjs (Node 20 caches nothing
// for require()). None of it is in app.cjs, which every command loads.
const CHECK = 'check.cjs';
const CHECK_LOADER = 'check-load.cjs';

const app = {
  name: 'app',
  setup(b) {
    b.onResolve({ filter: /^\.\/check-engine\.js$/ }, () => ({ path: `./vendor/${CHECK_LOADER}`, external: true }));
    // A library imported by our code (not by another library) goes to dist/vendor/.
    b.onResolve({ filter: /^[^./]/ }, (a) => {
      const pkg = /^(@[^/]+\/[^/]+|[^/]+)/.exec(a.path)[1];
      if (pkg.startsWith('node:') || builtinModules.includes(pkg) || INLINE.has(pkg) || a.importer.includes('node_modules') || a.path !== pkg) return undefined;
      vendored.add(pkg);
      return { path: `./vendor/${vendorFile(pkg)}`, external: true };
    });
  },
};

const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
const cjs = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  logLevel: 'warning',
  absWorkingDir: root, // metafile paths are relative to this
  minifyWhitespace: true,
  minifySyntax: true,
  // import.meta.url, for code that finds files beside itself (content/load.ts).
  define: { 'import.meta.url': '__harmony_url' },
  banner: { js: "const __harmony_url = require('node:url').pathToFileURL(__filename).href;" },
};

const { metafile } = await build({
  ...cjs,
  entryPoints: [join(root, 'src/main.ts')],
  outfile: join(dist, 'app.cjs'),
  plugins: [stubs, app],
  metafile: true,
  // import() becomes require(): a vm.Script has no module loader to resolve import().
  supported: { 'dynamic-import': false },
  define: { ...cjs.define, __HARMONY_VERSION__: JSON.stringify(version) },
  // The file is one function expression, compiled by bin/harmony.js (see there).
  banner: { js: `(function (exports, require, module, __filename, __dirname) {'use strict';${cjs.banner.js}` },
  footer: { js: '\n})' },
});
// What each command loads, for `node bench/chunks.mjs` (start-up work, issue 7). Outputs are
// named by their place in dist/, not in the temporary build folder. A development file: the
// package leaves it out (package.json "files").
metafile.outputs = Object.fromEntries(Object.entries(metafile.outputs).map(([file, out]) => [`dist/${relative(dist, resolve(root, file)).split(sep).join('/')}`, out]));
writeFileSync(join(dist, 'meta.json'), JSON.stringify(metafile));

// Each vendor file takes the shape Node gives a CommonJS module imported from ESM, which is
// how esbuild reads it from app.cjs: module.exports is the default export (when there is one)
// carrying the named exports; otherwise the named exports.
const nodeShape = `;(() => {
  const all = module.exports;
  const main = all.default;
  if (main === null || (typeof main !== 'object' && typeof main !== 'function')) return;
  for (const key of Object.keys(all)) if (key !== 'default' && !(key in main)) main[key] = all[key];
  module.exports = main;
})();`;
for (const pkg of vendored) {
  const name = JSON.stringify(pkg);
  await build({
    ...cjs,
    stdin: { contents: `export * from ${name}; import * as all from ${name}; export default all.default;`, resolveDir: root, loader: 'js' },
    outfile: join(dist, 'vendor', vendorFile(pkg)),
    plugins: [stubs],
    footer: { js: nodeShape },
    logLevel: 'error', // "default" is missing in packages without one: that is fine
  });
}

// retext-profanities runs pluralize over each of cuss's ~1,800 words when it loads (~15 ms
// each time check starts). The answers never change, so the build asks pluralize once and
// the check bundle gets a stand-in that looks them up (same results for those words, and
// pluralize itself for any other).
const { cuss } = await import('cuss');
const { default: pluralize } = await import('pluralize');
const forms = {};
for (const word of Object.keys(cuss)) forms[word] = [pluralize.singular(word), pluralize.plural(word)];
const pluralStub = {
  name: 'plural-table',
  setup(b) {
    b.onResolve({ filter: /^pluralize$/ }, (a) => (a.importer.includes('retext-profanities') ? { path: 'plural-table', namespace: 'plural-table' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'plural-table' }, () => ({
      contents: `const forms = ${JSON.stringify(forms)};
import real from ${JSON.stringify(join(root, 'node_modules', 'pluralize', 'pluralize.js'))};
export default { singular: (w) => (Object.hasOwn(forms, w) ? forms[w][0] : real.singular(w)), plural: (w) => (Object.hasOwn(forms, w) ? forms[w][1] : real.plural(w)) };`,
      resolveDir: root,
      loader: 'js',
    }));
  },
};
await build({
  ...cjs,
  entryPoints: [join(root, 'src', 'commands', 'check-engine.ts')],
  outfile: join(dist, 'vendor', CHECK),
  define: { ...cjs.define },
  plugins: [pluralStub],
  logLevel: 'error', // sentiment's require() of other languages is never reached (English only)
});
writeFileSync(
  join(dist, 'vendor', CHECK_LOADER),
  `'use strict';
// Runs ${CHECK} compiled with its V8 code cache (${CHECK}.cache, made by scripts/code-cache.cjs
// after a check run). A cache from another Node or V8 is rejected by V8 and the file compiles as usual.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { Script } = require('node:vm');
const file = join(__dirname, ${JSON.stringify(CHECK)});
let cachedData;
try {
  cachedData = readFileSync(file + '.cache');
} catch {
  // no cache: compile from source
}
// Compiled under its place in the package (V8 keeps the name in the cache; see code-cache.cjs).
const script = new Script('(function (exports, require, module, __filename, __dirname) {' + readFileSync(file, 'utf8') + '\\n})', { filename: 'harmony-coach/dist/vendor/${CHECK}', cachedData });
script.runInThisContext()(module.exports, require, module, file, __dirname);
Object.defineProperty(module.exports, Symbol.for('harmony.script'), { value: script });
`,
);

// Compile the content with the same parser and rules the tests use.
const tool = join(dist, '.compile-content.mjs');
await build({
  ...cjs,
  format: 'esm',
  define: {},
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  entryPoints: [join(root, 'scripts/compile-content.ts')],
  outfile: tool,
});
const json = execFileSync(process.execPath, [tool, join(root, 'content')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
writeFileSync(join(dist, 'content.json'), json);
rmSync(tool);

// Run a few commands once to fill V8's code cache, and check that they work.
execFileSync(process.execPath, [join(root, 'scripts', 'code-cache.cjs'), dist], { stdio: 'inherit' });

const old = `${final}-old-${process.pid}`;
try {
  renameSync(final, old);
} catch {
  // no previous build
}
renameSync(dist, final);
rmSync(old, { recursive: true, force: true });
rmSync(temp, { recursive: true, force: true });
