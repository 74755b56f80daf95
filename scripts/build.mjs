// Build: bundle src/ into dist/ with one chunk per command (so start-up loads only what a
// command needs) and compile content/ into dist/content.json (validated on the way).
import { build } from 'esbuild';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// Build beside dist/ and swap it in at the end, so a test running the binary while another
// build runs never sees a half-written dist/.
const final = join(root, 'dist');
const dist = join(root, `.dist-build-${process.pid}`);
rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });

// Small stand-ins (scripts/stubs/) for what harmony never uses but would pay to load:
// marked-terminal imports cli-highlight (all of highlight.js and parse5, ~1.3 MB) for code
// blocks and node-emoji (~200 KB) for :emoji: codes; lessons have no code blocks and emoji
// are off. The learn chunk drops from 1.7 MB to ~120 KB.
// (Tried: a stand-in for commander's node:child_process. No measurable gain: the streams and
// net modules it needs are loaded for stdout/stdin anyway.)
const stubs = {
  name: 'stubs',
  setup(b) {
    b.onResolve({ filter: /^(cli-highlight|node-emoji)$/ }, (a) => ({ path: join(root, 'scripts', 'stubs', `${a.path}.mjs`) }));
  },
};

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
  // Bundled CommonJS dependencies call require(); give them one.
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
};

const { metafile } = await build({
  ...common,
  entryPoints: { main: join(root, 'src/main.ts') },
  outdir: dist,
  splitting: true,
  chunkNames: '[name]-[hash]',
  minifyWhitespace: true,
  minifySyntax: true,
  external: ['node-pty'],
  plugins: [stubs],
  metafile: true,
  define: { __HARMONY_VERSION__: JSON.stringify(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version) },
});
// What each command loads, for `node bench/chunks.mjs` (start-up work, issue 7).
writeFileSync(join(dist, 'meta.json'), JSON.stringify(metafile));

// `harmony remind` runs in every new shell, so it is one self-contained file (dist/remind.js,
// loaded by main.ts) instead of a dozen shared chunks: each extra module costs start-up time.
await build({
  ...common,
  entryPoints: { remind: join(root, 'src/remind-fast.ts') },
  outdir: dist,
  minifyWhitespace: true,
  minifySyntax: true,
  banner: {},
  metafile: true,
}).then(({ metafile }) => {
  // Keep it tiny: no library may creep into the shell start-up path.
  const libs = Object.keys(metafile.inputs).filter((f) => f.includes('node_modules'));
  if (libs.length) throw new Error(`dist/remind.js must not bundle libraries, found: ${libs.join(', ')}`);
});

// Compile the content with the same parser and rules the tests use.
const tool = join(dist, '.compile-content.mjs');
await build({ ...common, entryPoints: [join(root, 'scripts/compile-content.ts')], outfile: tool });
const json = execFileSync(process.execPath, [tool, join(root, 'content')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
writeFileSync(join(dist, 'content.json'), json);
rmSync(tool);
const old = `${final}-old-${process.pid}`;
try {
  renameSync(final, old);
} catch {
  // no previous build
}
renameSync(dist, final);
rmSync(old, { recursive: true, force: true });
