// The random run the simulation tests make (tests/sync/simulation-*.test.ts): three machines
// and a bare remote, STEPS random interleaved steps, then a last sync everywhere.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seededRng } from '../../src/core/quiz-select.js';
import { Sim } from './sync-sim.js';

export const STEPS = 100;

export async function simulate(seed: number, dirs: string[]): Promise<{ problems: string[]; syncs: number; conflicts: number }> {
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
  const problems = await sim.check();
  if (problems.length > 0 && process.env.SIM_TRACE) console.log(sim.trace.join('\n'));
  return { problems, syncs, conflicts: (await sim.clones[0]!.store.journal.withConflicts()).length };
}

