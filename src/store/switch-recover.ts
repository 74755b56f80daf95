// Finishing (or undoing) an interrupted `harmony encrypt` / `harmony decrypt` (switch.ts).
// Every new file is first made in .switch/files/, checked, and only then is .switch/commit.json
// written (atomically): the moment the store changes. Before it, the old store is whole and
// the staging folder is simply removed; after it, the moves and removals it lists are done
// (each step can be done twice harmlessly), whoever gets there first: the switch itself, or
// the next harmony to open the store after a crash. Plain renames and unlinks: no key needed.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, unlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { processAlive } from './files.js';

export const SWITCH_DIR = '.switch';
export const COMMIT_FILE = 'commit.json';
export const OWNER_FILE = 'owner';

export interface SwitchPlan {
  direction: 'encrypt' | 'decrypt';
  /** Paths (relative to the data folder) staged under .switch/files/, moved into place. */
  moves: string[];
  /** Paths of the old store removed after the moves. */
  removes: string[];
}


const TEMP_NAME = /^\.switch\.(\d+)\.tmp$/;

/**
 * Staging folders a switch was killed in before it renamed them to .switch/ (switch.ts makes
 * each under .switch.PID.tmp first): nothing in them was committed, and only that PID would
 * ever have removed them. One listing of the data folder (about 0.01 ms).
 */
function sweepTemps(home: string): void {
  let names: string[];
  try {
    names = readdirSync(home);
  } catch {
    return; // no data folder yet
  }
  for (const name of names) {
    const pid = TEMP_NAME.exec(name)?.[1];
    if (pid !== undefined && !processAlive(Number(pid))) rmSync(join(home, name), { recursive: true, force: true });
  }
}

/** Completes a committed switch, or drops a staging folder whose owner is gone. Cheap when there is none. */
export function recoverSwitch(home: string): void {
  sweepTemps(home);
  const dir = join(home, SWITCH_DIR);
  const commit = join(dir, COMMIT_FILE);
  if (!existsSync(dir)) return;
  let plan: SwitchPlan | undefined;
  try {
    plan = JSON.parse(readFileSync(commit, 'utf8')) as SwitchPlan;
  } catch {
    plan = undefined;
  }
  if (plan && Array.isArray(plan.moves) && Array.isArray(plan.removes)) {
    rollForward(home, plan);
    return;
  }
  // Not committed: the old store is whole. Leave a switch that is still running alone.
  let owner = 0;
  try {
    owner = Number(readFileSync(join(dir, OWNER_FILE), 'utf8'));
  } catch {
    owner = 0;
  }
  if (owner > 0 && owner !== process.pid && processAlive(owner)) return;
  rmSync(dir, { recursive: true, force: true });
}

export function rollForward(home: string, plan: SwitchPlan): void {
  const staged = join(home, SWITCH_DIR, 'files');
  for (const rel of plan.moves) {
    const from = join(staged, rel);
    if (!existsSync(from)) continue; // moved already
    mkdirSync(dirname(join(home, rel)), { recursive: true, mode: 0o700 });
    try {
      renameSync(from, join(home, rel));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error; // another process moved it
    }
  }
  for (const rel of plan.removes) {
    try {
      unlinkSync(join(home, rel));
    } catch {
      // gone already
    }
  }
  // The commit record goes last: until then a crash here is finished by the next run.
  rmSync(staged, { recursive: true, force: true });
  rmSync(join(home, SWITCH_DIR, OWNER_FILE), { force: true });
  rmSync(join(home, SWITCH_DIR, COMMIT_FILE), { force: true });
  rmSync(join(home, SWITCH_DIR), { recursive: true, force: true });
}
