// What sync set aside (conflict-copies/: other tools' conflict copies, broken files): copies of
// harmony's own files, as text, or age-encrypted when they came from an encrypted store.
// encrypt/decrypt (switch.ts) list them here; `people remove --forget` rewrites them through
// here, so a name leaves them too (issues 14, 18).
import { readdirSync, readFileSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import { isAgeFile } from './age-file.js';
import { writeBytes } from './files.js';
import { FILES } from './paths.js';
import type { Vault } from './vault.js';

export interface AsideRewrite {
  /** Files whose text changed and were written back (encrypted ones sealed again). */
  changed: number;
  /** Encrypted copies this store's key cannot open (another key, or damaged): left as they are. */
  unreadable: number;
}

/** Every file under conflict-copies/ (relative to the data folder): sync's set-aside copies hold what the user wrote too. */
export function asideFiles(home: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(join(home, rel), { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.isDirectory()) walk(join(rel, e.name));
      else if (e.isFile()) out.push(join(rel, e.name));
    }
  };
  walk(FILES.asideDir);
  return out.sort();
}

/** Applies `edit` to the text of every file set aside; the vault must already be open when any is encrypted. */
export async function rewriteSetAside(home: string, vault: Vault, edit: (text: string) => string): Promise<AsideRewrite> {
  const out: AsideRewrite = { changed: 0, unreadable: 0 };
  for (const rel of asideFiles(home)) {
    const path = join(home, rel);
    const bytes = readFileSync(path);
    const sealed = isAgeFile(bytes);
    let text: string;
    if (!sealed) text = bytes.toString('utf8');
    else if (!vault.encrypted || !vault.readable) {
      out.unreadable++;
      continue;
    } else {
      try {
        text = await vault.open(path, bytes);
      } catch {
        out.unreadable++;
        continue;
      }
    }
    const clean = edit(text);
    if (clean === text) continue;
    writeBytes(path, sealed ? await vault.seal(clean) : clean);
    out.changed++;
  }
  return out;
}
