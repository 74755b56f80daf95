// The package as a user gets it: `npm pack` (of the build the suite runs), installed from the
// tarball into a fresh prefix with production dependencies only, then run from / with a temp
// HARMONY_HOME. And what the tarball holds: no tests, no bench stores, no development files or
// source maps that point into the build folder or this checkout.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

const work = mkdtempSync(join(tmpdir(), 'harmony-pack-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version as string;

interface Packed {
  filename: string;
  files: { path: string }[];
}
let packed: Packed;
let harmony: string;

const npm = (args: string[], cwd: string) =>
  execFileSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], { cwd, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' }, stdio: ['ignore', 'pipe', 'pipe'] });

beforeAll(() => {
  // --ignore-scripts: pack the build this suite tests (prepare would rebuild dist/ under the
  // other test files' feet).
  packed = (JSON.parse(npm(['pack', '--json', '--ignore-scripts', '--pack-destination', work], ROOT)) as Packed[])[0]!;
  const prefix = join(work, 'prefix');
  // A global install into its own prefix: production dependencies only, as `npm install -g`.
  // --prefer-offline: the packages usually sit in npm's cache already (npm ci put them there).
  npm(['install', '--global', '--prefix', prefix, '--omit=dev', '--prefer-offline', join(work, packed.filename)], work);
  harmony = join(prefix, 'bin', 'harmony');
}, 180_000);

const home = () => mkdtempSync(join(work, 'home-'));
const runInstalled = (args: string[], dataHome: string) => {
  const env: NodeJS.ProcessEnv = { ...process.env, HARMONY_HOME: dataHome, NO_COLOR: '1', TZ: 'UTC' };
  delete env.FORCE_COLOR;
  const r = spawnSync(harmony, args, { cwd: '/', env, encoding: 'utf8', input: '', timeout: 30_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

// The suite runs on every Node version it is meant for (npm run test:matrix), so this checks
// each: engines.node, a list of `^X.Y[.Z]` joined by `||`, states what is tested.
it('engines.node includes the Node running the suite', () => {
  const range = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } }).engines.node;
  const parts = range.split('||').map((p) => /^\s*\^(\d+)\.(\d+)(?:\.(\d+))?\s*$/.exec(p));
  expect(parts.every(Boolean), `engines.node "${range}" is not a list of ^X.Y ranges`).toBe(true);
  const [major, minor, patch] = process.versions.node.split('.').map(Number) as [number, number, number];
  const ok = parts.some((m) => major === Number(m![1]) && (minor > Number(m![2]) || (minor === Number(m![2]) && patch >= Number(m![3] ?? 0))));
  expect(ok, `engines.node "${range}" does not include ${process.version}, which the suite runs on`).toBe(true);
});

describe('the packed package', () => {
  it('holds the app and its content, and nothing from development', () => {
    const paths = packed.files.map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['package.json', 'README.md', 'bin/harmony.js', 'dist/app.cjs', 'dist/app.cjs.cache', 'dist/content.json']));
    expect(paths.filter((p) => /^(tests|bench|src|scripts|\.ci)\//.test(p) || /\.test\.|\.map$|^dist\/meta\.json$|\.tgz$/.test(p))).toEqual([]);
  });

  it('points nowhere into the build folder or this checkout', () => {
    const installed = join(work, 'prefix', 'lib', 'node_modules', 'harmony-coach');
    const leaks: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir, { withFileTypes: true })) {
        const file = join(dir, name.name);
        if (name.isDirectory()) {
          if (name.name !== 'node_modules') walk(file);
          continue;
        }
        const text = readFileSync(file, 'latin1');
        if (/sourceMappingURL/.test(text)) leaks.push(`${file}: sourceMappingURL`);
        if (text.includes('.dist-build-')) leaks.push(`${file}: names the temporary build folder`);
        if (text.includes(ROOT)) leaks.push(`${file}: names this checkout (${ROOT})`);
      }
    };
    walk(installed);
    expect(existsSync(join(installed, 'dist', 'app.cjs'))).toBe(true);
    expect(leaks).toEqual([]);
  });

  it('runs from / once installed: --version, lessons, learn, a check-in from flags', () => {
    const data = home();
    expect(runInstalled(['--version'], data)).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });

    const lessons = runInstalled(['lessons'], data);
    expect(lessons.stderr).toBe('');
    expect(lessons.code).toBe(0);
    expect(lessons.stdout).toMatch(/trust/i);

    const learn = runInstalled(['learn', 'trust', '--plain'], data);
    expect(learn.stderr).toBe('');
    expect(learn.code).toBe(0);
    expect(learn.stdout.length).toBeGreaterThan(1500);

    const checkin = runInstalled(['checkin', '--mood', '4', '--principle', 'trust', '--answer', 'I kept my word on the call.', '--intention', 'Reply to one message properly.', '--json'], data);
    expect(checkin.stderr).toBe('');
    expect(checkin.code).toBe(0);
    expect(JSON.parse(checkin.stdout)).toMatchObject({ kind: 'checkin', principle: 'trust', mood: 4 });
    const journal = readdirSync(join(data, 'journal')).filter((f) => /^\d{4}-\d{2}\.json$/.test(f));
    expect(journal).toHaveLength(1);
    expect(readFileSync(join(data, 'journal', journal[0]!), 'utf8')).toContain('I kept my word on the call.');

    // check loads its own vendor bundle (retext, cuss, AFINN) through the code-cache loader.
    const draft = join(data, 'draft.txt');
    writeFileSync(draft, 'Whatever. You never listen.');
    const check = runInstalled(['check', '--json', draft], data);
    expect(check.stderr).toBe('');
    expect(check.code).toBe(4);
    expect(JSON.parse(check.stdout).findings.map((f: { rule: string }) => f.rule)).toEqual(['stonewalling', 'absolutes']);
  });
});
