// Conflict copies left by file-sync tools (issue 17), for users who sync the data folder with
// Syncthing, Dropbox or Nextcloud instead of git. When two machines changed a file before the
// tool could carry it across, the tool keeps one and renames the other:
//   Syncthing  2026-05.sync-conflict-20260510-211502-ABCD123.json
//   Dropbox    2026-05 (laptop's conflicted copy 2026-05-10).json
//   Nextcloud  2026-05 (conflicted copy 2026-05-10 211502).json
// Every command looks for them (three small folder listings); finding one loads the merge
// (conflict-merge.ts). Cheap on purpose: this runs before every command.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export interface ConflictCopy {
  tool: 'Syncthing' | 'Dropbox' | 'Nextcloud';
  /** The copy's path, relative to the data folder (with /). */
  copy: string;
  /** The file it is a copy of, relative to the data folder. */
  original: string;
}

const PATTERNS: { tool: ConflictCopy['tool']; re: RegExp }[] = [
  // The tools put their mark before the last extension: 2026-05.json.age gives 2026-05.json.sync-conflict-...-ABCD123.age.
  { tool: 'Syncthing', re: /^(.+)\.sync-conflict-\d{8}-\d{6}-[A-Z0-9]{7}(\.json|\.age)$/ },
  { tool: 'Dropbox', re: /^(.+) \(.+?['’]s conflicted copy(?: \d{4}-\d{2}-\d{2})?(?: \(\d+\))?\)(\.json|\.age)$/ },
  { tool: 'Nextcloud', re: /^(.+) \(conflicted copy (?:.+ )?\d{4}-\d{2}-\d{2} \d{6}\)(\.json|\.age)$/ },
];

/** Folders that hold data files: the data folder itself, journal/, quiz-log/. */
const FOLDERS = ['', 'journal', 'quiz-log'];

/** The tool and the original name, for a conflict copy's name (a copy of a copy: the first original). */
export function matchCopy(name: string): { tool: ConflictCopy['tool']; original: string } | null {
  let tool: ConflictCopy['tool'] | undefined;
  let current = name;
  for (let again = true; again; ) {
    again = false;
    for (const p of PATTERNS) {
      const m = p.re.exec(current);
      if (!m) continue;
      current = `${m[1]}${m[2]}`;
      tool ??= p.tool;
      again = true;
      break;
    }
  }
  return tool ? { tool, original: current } : null;
}

/** The conflict copies in the data folder, in a stable order; [] when there is no folder yet. */
export function findConflictCopies(home: string): ConflictCopy[] {
  const found: ConflictCopy[] = [];
  for (const folder of FOLDERS) {
    let names: string[];
    try {
      names = readdirSync(folder ? join(home, folder) : home);
    } catch {
      if (folder === '') return [];
      continue;
    }
    for (const name of names) {
      if (!name.includes('conflict')) continue;
      const m = matchCopy(name);
      const prefix = folder ? `${folder}/` : '';
      if (m) found.push({ tool: m.tool, copy: prefix + name, original: prefix + m.original });
    }
  }
  return found.sort((a, b) => (a.copy < b.copy ? -1 : 1));
}
