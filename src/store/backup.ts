// Reading everything a backup holds, and applying an import plan (core/backup.ts decides it).
import { existsSync } from 'node:fs';
import type { BackupSpecs, Current, ImportPlan } from '../core/backup.js';
import type { Entry } from '../core/entry.js';
import { writeDoc } from './files.js';
import type { Store } from './index.js';
import { FILES } from './paths.js';
import { quizBackupSpec, readQuizBackup, writeQuizBackup } from './quiz.js';
import { settingsSpec } from './settings.js';
import { stateSpec } from './state.js';
import { peopleSpec } from './people.js';

export const backupSpecs: BackupSpecs = { settings: settingsSpec, state: stateSpec, quiz: quizBackupSpec, people: peopleSpec };

/** The stored documents other than the journal (each as it is read, or its empty form); the quiz with its whole log. */
export async function readDocs(store: Store) {
  await store.loadState(true); // an encrypted journal's own prompts and the like
  return { settings: store.settings(), state: store.state(), quiz: await readQuizBackup(store), people: await store.people() };
}

/** What an import compares against; reads only the months the incoming entries fall in. */
export async function currentFor(store: Store, entries: readonly Entry[]): Promise<Current> {
  await store.loadState(true);
  const months = new Set(entries.map((e) => e.date.slice(0, 7)));
  const have = new Set(store.journal.months());
  const ids = new Set<string>();
  for (const month of months) {
    if (have.has(month)) for (const e of await store.journal.readMonth(month)) ids.add(e.id);
  }
  const exists = (name: string) => existsSync(store.path(name));
  return {
    ids,
    settings: exists(FILES.settings) ? store.settings() : null,
    state: exists(FILES.state) ? store.state() : null,
    quiz: await readQuizBackup(store),
    people: exists(FILES.people) ? await store.people() : null,
  };
}

/** Writes a plan. Call inside store.write(), with a plan made from a `currentFor` read there. */
export async function applyImport(store: Store, plan: ImportPlan): Promise<void> {
  // Entries first: they matter most. Each step is idempotent, so after a crash part-way
  // through, importing the same file again finishes the job.
  if (plan.add.length > 0) await store.journal.add(plan.add);
  if (plan.settings) writeDoc(store.path(FILES.settings), plan.settings);
  if (plan.state) await store.saveState(plan.state);
  if (plan.quiz) await writeQuizBackup(store, plan.quiz);
  if (plan.people) await store.writePeople(plan.people);
}

