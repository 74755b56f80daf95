// People on two machines (issues 14 and 17), through the built binary and a bare remote: people
// added on each, connections logged on each, a rename on one and a snooze of the same person on
// the other, all
// meet after a sync; a forget on one machine takes the name off the other once it syncs.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupHomes, run } from '../helpers/cli.js';
import { gitEnv, HAS_GIT, NO_GIT_REASON } from '../helpers/sync-sim.js';

afterAll(cleanupHomes);
if (!HAS_GIT) console.log(`sync people tests skipped: ${NO_GIT_REASON}`);
const base = mkdtempSync(join(tmpdir(), 'harmony-sync-people-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));
const env = HAS_GIT ? gitEnv(base) : {};
const h = (home: string, args: string[], now = '2026-05-10T20:00:00Z') => run(args, { home, cwd: base, env: { ...env, HARMONY_NOW: now } as Record<string, string> });
const ok = (r: { code: number | null; stderr: string }) => expect(r.code, r.stderr).toBe(0);
type Row = { name: string; every?: string; snoozedUntil?: string | null; lastConnection: string | null };
const people = (home: string) => (JSON.parse(h(home, ['people', '--json']).stdout) as Row[]).map(({ name, every, snoozedUntil, lastConnection }) => ({ name, every, snoozedUntil, lastConnection })).sort((x, y) => x.name.localeCompare(y.name));

/** Every file under `dir` but git's own folder (its objects are compressed; the README says the history keeps what was committed). */
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === '.git') return [];
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

describe.skipIf(!HAS_GIT)('people on two machines', { timeout: 180_000 }, () => {
  it('meet after a sync: people added on each, connections from each, a rename here and a snooze there', () => {
    const remote = join(base, 'remote.git');
    const [a, b] = [join(base, 'laptop'), join(base, 'desktop')];
    mkdirSync(a);
    spawnSync('git', ['init', '-q', '--bare', remote], { env });
    ok(h(a, ['people', 'add', 'Ana', '--every', '1w'], '2026-05-01T10:00:00Z'));
    ok(h(a, ['people', 'add', 'Ben', '--every', '2w'], '2026-05-01T10:01:00Z'));
    ok(h(a, ['sync', 'init', '--remote', remote]));
    ok(h(b, ['sync', 'clone', remote]));
    // Both machines, the same afternoon, before either syncs again.
    ok(h(a, ['people', 'log', 'ana', '--date', '2026-05-08', '--how', 'call'], '2026-05-10T14:00:00Z'));
    ok(h(a, ['people', 'edit', 'ben', '--name', 'Benjamin'], '2026-05-10T14:01:00Z'));
    ok(h(b, ['people', 'log', 'ben', '--date', '2026-05-09', '--how', 'video'], '2026-05-10T14:02:00Z'));
    ok(h(b, ['people', 'snooze', 'ben', '--until', '2026-05-20'], '2026-05-10T14:03:00Z')); // the same person as the rename
    ok(h(b, ['people', 'add', 'Cy', '--every', '1m'], '2026-05-10T14:04:00Z'));
    ok(h(a, ['sync']));
    ok(h(b, ['sync']));
    ok(h(a, ['sync']));
    expect(people(a)).toEqual(people(b));
    expect(people(a)).toEqual([
      { name: 'Ana', every: '1w', snoozedUntil: null, lastConnection: '2026-05-08' },
      { name: 'Benjamin', every: '2w', snoozedUntil: '2026-05-20', lastConnection: '2026-05-09' },
      { name: 'Cy', every: '1m', snoozedUntil: null, lastConnection: null },
    ]);

    // A forget on the desktop: after both sync, no file the laptop keeps holds the name.
    ok(h(b, ['people', 'remove', 'benjamin', '--forget', '--yes'], '2026-05-10T15:00:00Z'));
    ok(h(b, ['sync']));
    ok(h(a, ['sync']));
    expect(people(a).map((p) => p.name)).toEqual(['Ana', 'Cy']);
    for (const file of files(a)) expect(readFileSync(file, 'utf8'), file).not.toMatch(/Benjamin|\bBen\b/);
    expect(h(a, ['journal']).stdout).toContain('someone you removed');
  });
});
