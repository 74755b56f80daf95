// harmony completion bash|zsh|fish: prints a completion script built from the program itself.
import type { Context } from '../context.js';
import { completionTree } from '../core/completion.js';
import { SHELLS, completionScript, type Shell } from '../core/completion-scripts.js';
import { UsageError } from '../errors.js';

export async function run(ctx: Context, shell: string): Promise<void> {
  if (!(SHELLS as readonly string[]).includes(shell)) {
    throw new UsageError(`Unknown shell "${shell}". Valid: ${SHELLS.join(', ')}.`);
  }
  // cli.js is already loaded (it is running this command); the import just names it.
  const { buildProgram } = await import('../cli.js');
  const program = buildProgram(() => ctx, ctx.io);
  ctx.io.stdout.write(completionScript(shell as Shell, completionTree(program)));
}
