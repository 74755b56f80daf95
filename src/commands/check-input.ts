// Where harmony check's draft comes from: a FILE, standard input (`-` or a pipe), the editor,
// or a paste on the terminal ended with Ctrl+D. Every source goes through decode(): bounded
// size, no binary, invalid UTF-8 shown as U+FFFD (and said so).
import type { Context } from '../context.js';
import { CancelledError, UsageError } from '../errors.js';
import { readUserBytes } from '../store/user-file.js';
import { editText } from '../ui/editor.js';
import { safeLine } from '../ui/safe.js';

/** 2 MiB: far beyond any message, small enough to check in a few seconds. */
export const MAX_BYTES = 2 * 1024 * 1024;

export interface Draft {
  text: string;
  /** Shown in --format unix lines (a FILE's name), else null. */
  name: string | null;
  /** The input had bytes that are not UTF-8 (now U+FFFD). */
  replaced: boolean;
}

export function decode(bytes: Buffer, what: string): { text: string; replaced: boolean } {
  if (bytes.length > MAX_BYTES) throw new UsageError(`${what} is over 2 MB; harmony check reads messages, not documents. Check a part of it.`);
  if (bytes.includes(0)) throw new UsageError(`${what} looks like binary data (it has NUL bytes), not a message.`);
  let text: string;
  let replaced = false;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('utf-8').decode(bytes);
    replaced = true;
  }
  return { text, replaced };
}

async function readStream(stream: NodeJS.ReadableStream, what: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const b = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    chunks.push(b);
    size += b.length;
    if (size > MAX_BYTES) throw new UsageError(`${what} is over 2 MB; harmony check reads messages, not documents. Check a part of it.`);
  }
  return Buffer.concat(chunks);
}

/** A paste on the terminal: the line discipline ends it at Ctrl+D on an empty line. */
async function readPaste(ctx: Context): Promise<Buffer> {
  ctx.io.stderr.write('Paste or type the message, then press Ctrl+D on an empty line (Ctrl+C to cancel):\n');
  let cancel: (() => void) | undefined;
  const cancelled = new Promise<never>((_, reject) => {
    cancel = () => reject(new CancelledError('Cancelled; nothing was checked or stored.'));
    process.once('SIGINT', cancel);
  });
  try {
    return await Promise.race([readStream(ctx.io.stdin, 'The pasted text'), cancelled]);
  } finally {
    if (cancel) process.off('SIGINT', cancel);
    // Let go of the terminal, so the process can end (a paused TTY stream keeps it alive).
    ctx.io.stdin.destroy();
  }
}

function editorSetting(ctx: Context): string | undefined {
  try {
    return ctx.store().settings().editor;
  } catch {
    return undefined; // a damaged config.json should not stop a check; $VISUAL/$EDITOR still work
  }
}

export async function readDraft(ctx: Context, file: string | undefined, useEditor: boolean): Promise<Draft> {
  if (useEditor) {
    if (file) throw new UsageError('Give either a FILE or --editor, not both.');
    const session = editText(ctx.io, '', editorSetting(ctx), 'draft.txt');
    try {
      return { ...decode(Buffer.from(session.text), 'The draft'), name: null };
    } finally {
      session.dispose(); // nothing about the draft is kept
    }
  }
  if (file && file !== '-') return { ...decode(readUserBytes(file, MAX_BYTES), safeLine(file)), name: file };
  const bytes = ctx.io.stdinTTY && !file ? await readPaste(ctx) : await readStream(ctx.io.stdin, 'Standard input');
  return { ...decode(bytes, 'Standard input'), name: null };
}

export function readReplyTo(file: string): string {
  return decode(readUserBytes(file, MAX_BYTES), safeLine(file)).text;
}
