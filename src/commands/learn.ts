import type { Context } from '../context.js';
import { loadContent } from '../content/load.js';
import { pickLesson } from '../core/lessons.js';
import { renderMarkdown } from '../ui/markdown.js';
import { page } from '../ui/pager.js';

export async function run(ctx: Context, principle: string | undefined, opts: { plain?: boolean; pager?: boolean }): Promise<void> {
  const store = ctx.store();
  const lesson = pickLesson(loadContent().lessons, store.state().lessonsRead, principle);
  const color = ctx.io.color && !opts.plain;
  const text = renderMarkdown(lesson.body, { color, width: ctx.io.columns });
  const footer = `\n${lesson.number}/5 · ${lesson.readingMinutes} min · try: harmony reflect ${lesson.id}\n`;
  page(ctx.io, text.trimEnd() + '\n' + footer, !opts.plain && opts.pager !== false);
  const today = ctx.today();
  if (!(lesson.id in store.state().lessonsRead)) {
    await store.updateState((state) => {
      state.lessonsRead[lesson.id] ??= today;
    });
  }
}
