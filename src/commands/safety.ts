// harmony safety (and `harmony help safety`): the carve-out and where to get help, in under a
// minute. Never paged: someone reading it may be in a hurry.
import type { Context } from '../context.js';
import { loadContent } from '../content/load.js';
import { renderMarkdown } from '../ui/markdown.js';

export async function run(ctx: Context, opts: { plain?: boolean }): Promise<void> {
  const text = renderMarkdown(loadContent().safety, { color: ctx.io.color && !opts.plain, width: ctx.io.columns });
  ctx.io.stdout.write(text.trimEnd() + '\n');
}
