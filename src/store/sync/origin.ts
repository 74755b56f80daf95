// The URL of the data folder's remote "origin", from .git/config (no git process).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The URL of remote "origin", read from .git/config (no git process: sync starts its fetch
 * the moment it knows there is somewhere to fetch from). Only for deciding and for messages.
 */
export function originUrl(gitDir: string): string | undefined {
  let text: string;
  try {
    text = readFileSync(join(gitDir, 'config'), 'utf8');
  } catch {
    return undefined;
  }
  let inOrigin = false;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line.startsWith('[')) inOrigin = /^\[remote\s+"origin"\]$/.test(line);
    else if (inOrigin) {
      const m = /^url\s*=\s*(.*)$/.exec(line);
      if (m) return m[1]!.replace(/^"(.*)"$/, '$1');
    }
  }
  return undefined;
}

