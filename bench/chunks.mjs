// What each command evaluates at start-up, from the build's metafile (dist/meta.json).
// dist/app.cjs holds all of our code plus commander and chalk, and runs each module on first
// use; libraries only some commands need are dist/vendor/*.cjs. A command pays for the static
// import closure of main.ts, cli.ts and its own module: our code, bundled libraries, vendor
// files. Modules it imports later (await import) are listed apart.
//   node bench/chunks.mjs [dist-folder]
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const dist = process.argv[2] ?? join(import.meta.dirname, '..', 'dist');
const { inputs, outputs } = JSON.parse(readFileSync(join(dist, 'meta.json'), 'utf8'));
const inApp = Object.values(outputs)[0].inputs;
const isLib = (path) => path.includes('node_modules/') || path.startsWith('./vendor/');
const lib = (path) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1] ?? /\.\/vendor\/(.+)\.cjs$/.exec(path)?.[1] ?? path;

function closure(starts) {
  const seen = new Set();
  const later = new Set();
  const walk = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const i of inputs[file]?.imports ?? []) {
      if (i.kind === 'dynamic-import') later.add(i.path);
      else if ((i.kind === 'import-statement' || i.kind === 'require-call') && (!i.external || i.path.startsWith('./vendor/'))) walk(i.path);
    }
  };
  starts.forEach(walk);
  return { seen, later: [...later].filter((f) => !seen.has(f) && !f.startsWith('src/commands/') && f !== 'src/cli.ts') };
}

const kb = (n) => `${Math.round(n / 1024)} KB`;
const base = ['src/main.ts', 'src/cli.ts'];
const rows = [['--version', ['src/main.ts', 'src/version.ts']], ['remind (shell)', ['src/main.ts', 'src/remind-fast.ts']], ['--help', base]];
const commands = inputs['src/cli.ts'].imports.filter((i) => i.kind === 'dynamic-import' && i.path.startsWith('src/commands/'));
for (const file of [...new Set(commands.map((i) => i.path))].sort()) rows.push([file.slice(13, -3), [...base, file]]);
const baseLater = new Set(closure(base).later);
console.log(`app.cjs ${kb(statSync(join(dist, 'app.cjs')).size)}; per command, what it evaluates (KB of app.cjs, then vendor files):`);
console.log(`${'command'.padEnd(14)}${'ours'.padStart(7)}${'libs'.padStart(7)}  libraries (KB) | imported later`);
for (const [label, starts] of rows) {
  const { seen, later } = closure(starts);
  let ours = 0;
  const libs = {};
  for (const f of seen) {
    const bytes = f.startsWith('./vendor/') ? statSync(join(dist, f)).size : (inApp[f]?.bytesInOutput ?? 0);
    if (isLib(f)) libs[lib(f)] = (libs[lib(f)] ?? 0) + bytes;
    else ours += bytes;
  }
  const total = Object.values(libs).reduce((a, b) => a + b, 0);
  const names = Object.entries(libs).sort((a, b) => b[1] - a[1]).map(([l, n]) => `${l} ${Math.round(n / 1024)}`).join(', ');
  const lazy = later.filter((f) => label === '--help' || !baseLater.has(f)).map((f) => (isLib(f) ? lib(f) : f.replace(/^src\/|\.ts$/g, ''))).join(', ');
  console.log(`${label.padEnd(14)}${kb(ours).padStart(7)}${kb(total).padStart(7)}  ${names || '-'}${lazy ? ` | ${lazy}` : ''}`);
}
