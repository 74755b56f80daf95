// Opens text in the user's editor: harmony's `editor` setting, then $VISUAL, then $EDITOR,
// then vi. The text goes in a private temp folder (0700, file 0600): it is diary text.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CancelledError, UsageError } from '../errors.js';
import type { IO } from './io.js';

/** The configured editor command, or null when none is set anywhere. */
export function configuredEditor(setting: string | undefined, env: NodeJS.ProcessEnv): string | null {
  for (const candidate of [setting, env.VISUAL, env.EDITOR]) {
    if (candidate && candidate.trim() !== '') return candidate.trim();
  }
  return null;
}

export interface EditSession {
  /** The edited text. */
  text: string;
  /** Where the text is; kept until dispose() so a refused edit can point the user to it. */
  file: string;
  dispose: () => void;
}

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/**
 * Runs `editor file` through the shell (so "code --wait" works) and returns what was saved.
 * Without a terminal an editor must have been configured explicitly (a GUI editor, or a script).
 */
export function editText(io: IO, text: string, editorSetting: string | undefined, name = 'entry.yaml', folder = tmpdir()): EditSession {
  const configured = configuredEditor(editorSetting, io.env);
  if (!configured && !io.interactive) {
    throw new UsageError('journal edit needs an editor: run it in a terminal, or set VISUAL or EDITOR (or harmony config set editor CMD).');
  }
  const editor = configured ?? 'vi';
  const dir = mkdtempSync(join(folder, 'harmony-edit-'));
  const file = join(dir, name);
  const dispose = () => rmSync(dir, { recursive: true, force: true });
  try {
    writeFileSync(file, text, { mode: 0o600, flag: 'wx' });
    const result = spawnSync(`${editor} ${quote(file)}`, { shell: true, stdio: 'inherit', env: io.env });
    if (result.error) throw new UsageError(`Could not start the editor "${editor}": ${result.error.message}.`);
    if (result.status !== 0) {
      throw new CancelledError(`The editor "${editor}" exited with status ${result.status ?? result.signal}; nothing changed.`);
    }
    return { text: readFileSync(file, 'utf8'), file, dispose };
  } catch (error) {
    dispose();
    throw error;
  }
}
