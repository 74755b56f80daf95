// Three machines and a bare remote, over many random interleaved steps (issue 17): check-ins,
// reflections, notes, edits, deletes, quiz answers, lessons read, conflicts resolved, and
// syncs on a random machine, one machine's clock 7 minutes off. After a last sync everywhere:
// every machine holds the same journal, no entry id and no text is lost unless it was
// deleted or replaced on purpose, and the streak is the same everywhere. In-process (the
// store calls the commands make) with git running the built binary's merge driver.
// Ten seeds in two files (simulation-a, simulation-b), so two cores share them.
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { simulate, STEPS } from '../helpers/sync-run.js';
import { HAS_GIT, NO_GIT_REASON } from '../helpers/sync-sim.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
if (!HAS_GIT) console.log(`sync simulation skipped: ${NO_GIT_REASON}`);

const SEEDS = (process.env.SYNC_SEEDS ?? '11,23,37,41,53').split(',').map(Number);

describe.skipIf(!HAS_GIT)('three machines syncing through one remote', () => {
  it.each(SEEDS)(`${STEPS} random steps converge with nothing lost (seed %i)`, async (seed) => {
    const { problems, syncs, conflicts } = await simulate(seed, dirs);
    console.log(`seed ${seed}: ${syncs} syncs during the run, ${conflicts} entries left with conflicts`);
    expect(problems).toEqual([]);
  }, 600_000);
});
