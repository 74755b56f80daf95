// harmony check [FILE|-]: a second look at a message before it is sent. The engine (retext,
// cuss, AFINN, our rules, the output) is imported here, on use (check-engine.ts), so no other
// command pays for it at start-up.
import type { Context } from '../context.js';
import { UsageError, WarnFound } from '../errors.js';
import { printJson } from '../ui/style.js';
import { readDraft, readReplyTo } from './check-input.js';

interface Options {
  replyTo?: string;
  editor?: boolean;
  json?: boolean;
  format?: 'text' | 'unix';
}

export async function run(ctx: Context, file: string | undefined, opts: Options): Promise<void> {
  const draft = await readDraft(ctx, file, Boolean(opts.editor));
  const replyTo = opts.replyTo ? readReplyTo(opts.replyTo) : undefined;
  if (draft.text.trim() === '') throw new UsageError('Nothing to check: the draft is empty.');
  const engine = await import('./check-engine.js');
  const { checkDraft, positions } = engine;
  const view = engine;
  const result = checkDraft({ text: draft.text, replyTo });
  const notes = view.notices(result, draft.replaced);
  if (opts.json) {
    const at = positions(draft.text);
    printJson(ctx.io, { findings: result.findings.map((f) => ({ ...f, start: at.codePoint(f.start), end: at.codePoint(f.end) })) });
    for (const n of notes) ctx.io.stderr.write(`harmony: ${n}\n`);
  } else if (opts.format === 'unix') {
    ctx.io.stdout.write(view.unixLines(result, draft.text, draft.name));
    for (const n of notes) ctx.io.stderr.write(`harmony: ${n}\n`);
  } else {
    ctx.io.stdout.write(view.renderText(result, draft.text, { color: ctx.io.color, columns: ctx.io.columns, notes }));
  }
  if (result.findings.some((f) => f.severity === 'warn')) throw new WarnFound();
}
