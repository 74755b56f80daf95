// Asking for free text, and turning a prompt's Ctrl+C into the command's own message.
import type { Context } from '../../context.js';
import { editFolder } from './edit-folder.js';
import { CancelledError } from '../../errors.js';

/** Turns any prompt's Ctrl+C into the command's own cancel message. */
export async function cancellable<T>(message: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof CancelledError) throw new CancelledError(message);
    throw error;
  }
}

/** Free text by a one-line prompt or, with --editor, in $VISUAL/$EDITOR. */
export async function askText(ctx: Context, message: string, o: { editor?: boolean; required?: boolean; default?: string }): Promise<string> {
  if (!o.editor) {
    const validate = (v: string) => (!o.required || v.trim() !== '' ? true : 'Write a few words (Ctrl+C cancels).');
    return (await ctx.prompter.input({ message, required: o.required, validate, default: o.default })).trim();
  }
  // The `editor` setting wins over $VISUAL/$EDITOR; inquirer's editor reads the environment
  // (ctx.env is process.env outside tests).
  const configured = ctx.store().settings().editor;
  if (configured) ctx.env.VISUAL = configured;
  for (;;) {
    const dir = editFolder(ctx.store());
    const text = (await ctx.prompter.editor({ message: `${message} (opens your editor)`, ...(dir ? { dir } : {}) })).trim();
    if (text !== '' || !o.required) return text;
    ctx.io.stderr.write('An answer is needed here; the editor opens again (Ctrl+C cancels).\n');
  }
}
