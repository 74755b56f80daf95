// The launcher (bin/harmony.js) compiles dist/app.cjs with the V8 code cache made by the build
// (scripts/code-cache.cjs). A cache V8 rejects still works, only slower, so nothing else would
// notice if a build step changed app.cjs after the cache was made: this does.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

describe('the launcher', () => {
  it("finds the build's code cache accepted by this Node", () => {
    const file = join(ROOT, 'dist', 'app.cjs');
    const cachedData = readFileSync(`${file}.cache`);
    expect(cachedData.length).toBeGreaterThan(10_000);
    const script = new Script(readFileSync(file, 'utf8'), { filename: file, cachedData });
    expect(script.cachedDataRejected).toBe(false);
  });
});
