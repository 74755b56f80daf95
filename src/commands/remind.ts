// harmony remind [--install bash|zsh|fish]. Plain `harmony remind` normally never gets here
// (main.ts answers it on a fast path); this handles --install and any other spelling.
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Context } from '../context.js';
import { remindSnippet, SNIPPET_SHELLS, type SnippetShell } from '../core/remind-snippets.js';
import { UsageError } from '../errors.js';
import { remind } from '../remind-fast.js';
import { styleFor } from '../ui/style.js';

/** The start-up file a shell's snippet belongs in (~ for the home folder). */
export function startupFile(shell: SnippetShell, env: NodeJS.ProcessEnv): string {
  const home = env.HOME || homedir();
  const tilde = (p: string) => (p.startsWith(home + '/') ? `~${p.slice(home.length)}` : p);
  switch (shell) {
    case 'bash':
      return '~/.bashrc';
    case 'zsh':
      return tilde(join(env.ZDOTDIR || home, '.zshrc'));
    case 'fish':
      return tilde(join(env.XDG_CONFIG_HOME || join(home, '.config'), 'fish', 'config.fish'));
  }
}

/** Whether the start-up file already has the snippet, or an older line running harmony remind. */
function installed(file: string, env: NodeJS.ProcessEnv): 'snippet' | 'line' | null {
  let text: string;
  try {
    text = readFileSync(file.startsWith('~/') ? join(env.HOME || homedir(), file.slice(2)) : file, 'utf8');
  } catch {
    return null; // not there yet, or not readable: nothing to say
  }
  if (text.includes('_harmony_remind')) return 'snippet';
  return /^[^#\n]*\bharmony remind\b/m.test(text) ? 'line' : null;
}

export async function run(ctx: Context, opts: { install?: string }): Promise<void> {
  if (opts.install === undefined) {
    await remind({ stdout: ctx.io.stdout, stderr: ctx.io.stderr, stdoutTTY: ctx.io.stdoutTTY, env: ctx.env }, ctx.debug, !ctx.io.color);
    return;
  }
  const shell = opts.install as SnippetShell;
  if (!SNIPPET_SHELLS.includes(shell)) throw new UsageError(`Unknown shell "${opts.install}". Valid: ${SNIPPET_SHELLS.join(', ')}.`);
  const file = startupFile(shell, ctx.env);
  const s = styleFor(ctx.io);
  const present = installed(file, ctx.env);
  if (present === 'snippet') {
    // Printing it again would put a second copy in the file with `>>`: each shell would say it twice.
    ctx.io.stderr.write(
      `${file} already holds the harmony reminder snippet (the lines from "# harmony: a check-in reminder"). To install it again, remove those lines first.\n`,
    );
    return;
  }
  // The snippet alone goes to stdout, so `harmony remind --install bash >> ~/.bashrc` works.
  ctx.io.stdout.write(remindSnippet(shell));
  if (present === 'line') ctx.io.stderr.write(`\n${file} already runs \`harmony remind\` (an older line): remove that line when you add these.\n`);
  ctx.io.stderr.write(
    [
      '',
      `Add the lines above to the end of ${s.bold(file)}, or run:`,
      `  harmony remind --install ${shell} >> ${file}`,
      'Each new shell then prints one line when today has no check-in yet, and nothing otherwise.',
      shell === 'fish'
        ? 'It reads the line from a small file harmony updates at every save (one `date` runs, not harmony).'
        : 'It reads the line from a small file harmony updates at every save: no program starts.',
      `Turn it off any time: ${s.accent('harmony config set reminder off')}`,
      '',
    ].join('\n'),
  );
}
