#!/usr/bin/env node
// A shim: the real program is the bundled build in dist/.
import('../dist/main.js').catch((error) => {
  process.stderr.write(`harmony: could not start (${error.message}). Was it built? Run: npm run build\n`);
  process.exitCode = 1;
});
