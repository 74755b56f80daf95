// Three machines and a bare remote, over many random interleaved steps (issue 17): check-ins,
// reflections, notes, edits, deletes, quiz answers, lessons read, conflicts resolved, and
// syncs on a random machine, one machine's clock minutes off. After a last sync everywhere:
// every machine holds the same journal, no entry id and no text is lost unless it was
// deleted or replaced on purpose, and the streak is the same everywhere. In-process (the
// store calls the commands make) with git running the built binary's merge driver.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { seededRng } from '../../src/core/quiz-select.js';
import { HAS_GIT, NO_GIT_REASON, Sim } from '../helpers/sync-sim.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

if (!HAS_GIT) console.log(`sync simulation skipped: ${NO_GIT_REASON}`);

const STEPS = 100;
const SEEDS = (process.env.SYNC_SEEDS ?? '11,23,37,41,53,67,79,83,97,101').split(',').map(Number);

async function simulate(seed: number): Promise<{ problems: string[]; syncs: number; conflicts: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'harmony-sim-'));
  dirs.push(dir);
  const sim = new Sim(dir, seededRng(seed));
  await sim.start(3, 7);
  let syncs = 0;
  for (let step = 0; step < STEPS; step++) {
    sim.time += Math.floor(sim.rng() * 4 * 3600_000); // up to four hours between steps: the days go by
    const c = sim.pick(sim.clones);
    const roll = sim.rng();
    if (roll < 0.16) await sim.add(c, 'checkin');
    else if (roll < 0.24) await sim.add(c, 'reflection');
    else if (roll < 0.34) await sim.add(c, 'note');
    else if (roll < 0.48) await sim.edit(c);
    else if (roll < 0.53) await sim.remove(c);
    else if (roll < 0.6) await sim.quiz(c);
    else if (roll < 0.63) await sim.lesson(c);
    else if (roll < 0.67) await sim.resolve(c);
    else {
      await sim.sync(c);
      syncs++;
    }
  }
  // The last syncs: twice round, so every machine has everything.
  for (let round = 0; round < 2; round++) for (const c of sim.clones) await sim.sync(c);
  const problems = sim.check();
  if (problems.length > 0 && process.env.SIM_TRACE) console.log(sim.trace.join('\n'));
  return { problems, syncs, conflicts: sim.clones[0]!.store.journal.withConflicts().length };
}

describe.skipIf(!HAS_GIT)('three machines syncing through one remote', () => {
  it.each(SEEDS)(`${STEPS} random steps converge with nothing lost (seed %i)`, async (seed) => {
    const { problems, syncs, conflicts } = await simulate(seed);
    console.log(`seed ${seed}: ${syncs} syncs during the run, ${conflicts} entries left with conflicts`);
    expect(problems).toEqual([]);
  }, 600_000);
});
