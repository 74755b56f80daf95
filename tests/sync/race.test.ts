// A save made while a sync is between its commit and its merge (autoSync in the background
// while the user checks in again, issue 17): git refuses to merge over the unsaved change,
// so the sync commits it too and merges; nothing is lost and the sync succeeds.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Entry } from '../../src/core/entry.js';
import { seededRng } from '../../src/core/quiz-select.js';
import { Store } from '../../src/store/index.js';
import { syncNow } from '../../src/store/sync/run.js';
import { HAS_GIT, NO_GIT_REASON, Sim } from '../helpers/sync-sim.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
if (!HAS_GIT) console.log(`sync race test skipped: ${NO_GIT_REASON}`);

/** A store where another command saves an entry right after the sync's commit step. */
class SaveMeanwhile extends Store {
  private done = false;
  constructor(home: string, private readonly entry: Entry) {
    super(home);
  }
  override async write<T>(work: () => T | Promise<T>, options: { reminderKept?: boolean } = {}): Promise<T> {
    const result = await super.write(work, options);
    if (options.reminderKept && !this.done) {
      this.done = true;
      await super.write(() => this.journal.add([this.entry]));
    }
    return result;
  }
}

describe.skipIf(!HAS_GIT)('a save between the commit and the merge of a sync', () => {
  it('is committed and merged too', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'harmony-race-'));
    dirs.push(dir);
    const sim = new Sim(dir, seededRng(7));
    await sim.start(2, 0);
    const [a, b] = sim.clones as [(typeof sim.clones)[0], (typeof sim.clones)[0]];
    await sim.add(b, 'checkin');
    await sim.sync(b); // the remote has news for a's month file
    await sim.add(a, 'note');
    const late: Entry = { id: '20260527-late1', kind: 'note', date: '2026-05-27', createdAt: '2026-05-27T07:30:00Z', answers: [], text: 'text-late saved while syncing' };
    const report = await syncNow(new SaveMeanwhile(a.home, late), sim.setupFor(a));
    expect(report.pushed).toBe(true);
    expect(report.committed).toBe(2);
    await sim.sync(b);
    expect((await b.store.journal.get(late.id))?.text).toBe(late.text);
    expect(sim.snapshot(a)).toEqual(sim.snapshot(b));
  }, 120_000);
});
