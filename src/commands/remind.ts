// harmony remind [--install bash|zsh|fish]. Plain `harmony remind` normally never gets here
// (main.ts answers it on a fast path); this handles --install and any other spelling.
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

export async function run(ctx: Context, opts: { install?: string }): Promise<void> {
  if (opts.install === undefined) {
    await remind({ stdout: ctx.io.stdout, stderr: ctx.io.stderr, stdoutTTY: ctx.io.stdoutTTY, env: ctx.env }, ctx.debug, !ctx.io.color);
    return;
  }
  const shell = opts.install as SnippetShell;
  if (!SNIPPET_SHELLS.includes(shell)) throw new UsageError(`Unknown shell "${opts.install}". Valid: ${SNIPPET_SHELLS.join(', ')}.`);
  const file = startupFile(shell, ctx.env);
  const s = styleFor(ctx.io);
  // The snippet alone goes to stdout, so `harmony remind --install bash >> ~/.bashrc` works.
  ctx.io.stdout.write(remindSnippet(shell));
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
