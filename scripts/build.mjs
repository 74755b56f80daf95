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

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
  // Bundled CommonJS dependencies call require(); give them one.
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
};

await build({
  ...common,
  entryPoints: { main: join(root, 'src/main.ts') },
  outdir: dist,
  splitting: true,
  chunkNames: '[name]-[hash]',
  minifyWhitespace: true,
  minifySyntax: true,
  external: ['node-pty'],
  define: { __HARMONY_VERSION__: JSON.stringify(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version) },
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
