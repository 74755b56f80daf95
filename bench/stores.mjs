// Builds the benchmark stores in `dir` by bundling bench/generate.ts (and quiz-history.ts)
// with esbuild against the real store code, then running them.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

async function bundle(root, name, dir) {
  const outfile = join(dir, 'tools', `${name}.mjs`);
  await build({
    entryPoints: [join(root, 'bench', `${name}.ts`)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'silent',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  return outfile;
}

const run = (tool, args) => execFileSync(process.execPath, [tool, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, TZ: 'UTC' } });

export async function buildStores(root, dir) {
  mkdirSync(join(dir, 'tools'), { recursive: true });
  const content = join(root, 'dist', 'content.json');
  const manifest = JSON.parse(run(await bundle(root, 'generate', dir), [join(dir, 'stores'), content]));
  // Quiz history is optional: if the quiz code changed shape, say so and go on without it.
  try {
    const tool = await bundle(root, 'quiz-history', dir);
    for (const store of Object.values(manifest.stores)) {
      if (store.entries > 0) store.quizReviews = Number(run(tool, [store.home, store.firstDay, manifest.lastDay, content]));
    }
  } catch (error) {
    const why = (error.errors?.[0]?.text ?? error.stderr ?? error.message).toString().trim().split('\n')[0];
    manifest.quizWarning = `no quiz history in the stores (${why})`;
  }
  return manifest;
}
