import type { Context } from '../context.js';
import { loadContent } from '../content/load.js';
import { lessonRows } from '../core/lessons.js';
import { print, printJson, styleFor } from '../ui/style.js';

export async function run(ctx: Context, opts: { json?: boolean }): Promise<void> {
  const rows = lessonRows(loadContent().lessons, ctx.store().state().lessonsRead);
  if (opts.json) return printJson(ctx.io, rows);
  const s = styleFor(ctx.io);
  const lines = rows.map((r) => {
    const mark = r.read ? s.success('✓ read  ') : s.accent('• unread');
    return `${mark} ${s.bold(`${r.number}. ${r.title}`)} ${s.muted(`(${r.id}, ${r.readingMinutes} min)`)}\n           ${r.summary}`;
  });
  const unread = rows.filter((r) => !r.read).length;
  const next = unread > 0 ? `Read the next one: ${s.accent('harmony learn')}` : 'All five read. Revisit any: harmony learn <id>';
  print(ctx.io, s.heading('The five principles'), '', ...lines, '', s.muted(next));
}
