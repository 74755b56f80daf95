// Plain `harmony`: until the check-in exists, a short orientation.
import type { Context } from '../context.js';
import { print, styleFor } from '../ui/style.js';

export async function run(ctx: Context): Promise<void> {
  const s = styleFor(ctx.io);
  print(ctx.io, s.heading('harmony'), 'Start with the five principles: harmony lessons', 'Read one: harmony learn', 'All commands: harmony --help');
}
