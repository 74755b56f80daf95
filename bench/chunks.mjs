// What each command loads at start-up, from the build's metafile (dist/meta.json):
// files and bytes in the static import closure of main + cli + the command's module, and
// the libraries inside. Modules a command imports later (await import) are listed apart.
//   node bench/chunks.mjs [dist-folder]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const dist = process.argv[2] ?? join(import.meta.dirname, "..", "dist");
const { outputs } = JSON.parse(readFileSync(join(dist, 'meta.json'), 'utf8'));
const name = (out) => out.split('/').at(-1);
const byName = new Map(Object.entries(outputs).map(([k, v]) => [name(k), v]));

function closure(files, seen = new Set()) {
  for (const f of files) {
    if (seen.has(f) || !byName.has(f)) continue;
    seen.add(f);
    closure(byName.get(f).imports.filter((i) => i.kind === 'import-statement').map((i) => name(i.path)), seen);
  }
  return seen;
}

const entryFile = (src) => [...byName].find(([, o]) => o.entryPoint === src)?.[0];
const main = entryFile('src/main.ts');
const cli = entryFile('src/cli.ts');
const base = closure([main, cli]);
const rows = [['--version', closure([main])], ['--help', base]];
for (const [file, o] of byName) {
  const m = /^src\/commands\/(.+)\.ts$/.exec(o.entryPoint ?? '');
  if (m) rows.push([m[1], closure([main, cli, file])]);
}
const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
console.log(`${'command'.padEnd(14)}${'files'.padStart(6)}${'bytes'.padStart(9)}  libraries loaded (KB) | loaded later on demand`);
for (const [label, files] of rows) {
  const libs = {};
  let bytes = 0;
  const later = new Set();
  for (const f of files) {
    const o = byName.get(f);
    bytes += o.bytes;
    for (const [input, { bytesInOutput }] of Object.entries(o.inputs)) {
      const lib = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1];
      if (lib) libs[lib] = (libs[lib] ?? 0) + bytesInOutput;
    }
    if (base.has(f) && label !== '--help') continue; // main's and cli's own lazy imports are not the command's
    for (const i of o.imports) {
      const target = byName.get(name(i.path));
      if (i.kind !== 'dynamic-import' || !target || /^src\/(commands\/|cli\.ts)/.test(target.entryPoint ?? '')) continue;
      later.add(target.entryPoint?.replace(/^(src|node_modules)\//, '').replace(/\/dist\/index\.js$|\.ts$/, '') ?? name(i.path));
    }
  }
  const top = Object.entries(libs).sort((a, b) => b[1] - a[1]).map(([l, n]) => `${l} ${Math.round(n / 1024)}`).join(', ');
  const lazy = [...later].join(', ');
  console.log(`${label.padEnd(14)}${String(files.size).padStart(6)}${kb(bytes).padStart(9)}  ${top || '-'}${lazy ? ` | ${lazy}` : ''}`);
}
