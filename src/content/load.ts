// Content at run time: dist/content.json, compiled at build time and found relative to this
// installed package (never the working directory), so no YAML parser loads at start-up.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import type { Content } from './types.js';

let cached: Content | undefined;

/** The package's root folder (holds package.json, content/ and dist/). */
export function packageRoot(): string {
  // In the bundle this file is dist/<chunk>.js; under tests it is src/content/load.ts.
  const here = dirname(fileURLToPath(import.meta.url));
  return here.endsWith('dist') ? dirname(here) : join(here, '..', '..');
}

export function loadContent(): Content {
  cached ??= JSON.parse(readFileSync(join(packageRoot(), 'dist', 'content.json'), 'utf8')) as Content;
  return cached;
}
