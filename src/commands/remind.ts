// harmony remind [--install bash|zsh|fish]. Plain `harmony remind` normally never gets here
// (main.ts answers it on a fast path); this handles --install and any other spelling.
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { remind } from '../remind-fast.js';
import { print, styleFor } from '../ui/style.js';

const SHELLS = ['bash', 'zsh', 'fish'] as const;
type Shell = (typeof SHELLS)[number];

/** The line to add and the start-up file it belongs in. */
export function installSnippet(shell: Shell, env: NodeJS.ProcessEnv): { line: string; file: string } {
  const home = env.HOME || homedir();
  const tilde = (p: string) => (p.startsWith(home + '/') ? `~${p.slice(home.length)}` : p);
  switch (shell) {
    case 'bash':
      // .bashrc is also read by some non-interactive shells; stay quiet there.
      return { line: '[[ $- == *i* ]] && command -v harmony >/dev/null && harmony remind', file: '~/.bashrc' };
    case 'zsh':
      return { line: 'command -v harmony >/dev/null && harmony remind', file: tilde(join(env.ZDOTDIR || home, '.zshrc')) };
    case 'fish':
      return {
        line: 'status is-interactive; and type -q harmony; and harmony remind',
        file: tilde(join(env.XDG_CONFIG_HOME || join(home, '.config'), 'fish', 'config.fish')),
      };
  }
}

export async function run(ctx: Context, opts: { install?: string }): Promise<void> {
  if (opts.install === undefined) {
    remind({ stdout: ctx.io.stdout, stderr: ctx.io.stderr, stdoutTTY: ctx.io.stdoutTTY, env: ctx.env }, ctx.debug, !ctx.io.color);
    return;
  }
  const shell = opts.install as Shell;
  if (!SHELLS.includes(shell)) throw new UsageError(`Unknown shell "${opts.install}". Valid: ${SHELLS.join(', ')}.`);
  const { line, file } = installSnippet(shell, ctx.env);
  const s = styleFor(ctx.io);
  // The snippet alone goes to stdout, so `harmony remind --install bash >> ~/.bashrc` works.
  print(ctx.io, '# harmony: a one-line check-in reminder in each new shell', line);
  ctx.io.stderr.write(
    [
      '',
      `Add the two lines above to ${s.bold(file)}, or run:`,
      `  harmony remind --install ${shell} >> ${file}`,
      'It prints one line when today has no check-in yet, and nothing otherwise.',
      `Turn it off any time: ${s.accent('harmony config set reminder off')}`,
      '',
    ].join('\n'),
  );
}
