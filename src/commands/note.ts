// harmony note "TEXT": a free note for today, saved at once (like `jrnl Called mum.`). With no
// text it reads a pipe, or opens the editor on a terminal. Kind `note`; by default it does not
// count for the streak (setting notesCountForStreak).
import type { Context } from '../context.js';
import { buildNote, noteDate } from '../core/note.js';
import { UsageError } from '../errors.js';
import { editText } from '../ui/editor.js';
import { print, printJson, styleFor } from '../ui/style.js';
import { dayLabel, principleArg } from './common/today.js';

export interface NoteOptions {
  date?: string;
  principle?: string;
  mood?: number;
  tag?: string[];
  editor?: boolean;
  json?: boolean;
}

async function readPipe(ctx: Context): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of ctx.io.stdin) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

async function noteText(ctx: Context, words: string[], opts: NoteOptions): Promise<string> {
  if (words.length > 0 && !opts.editor) return words.join(' ');
  if (!ctx.io.stdinTTY && !opts.editor) return readPipe(ctx);
  if (!ctx.io.interactive && !opts.editor) throw new UsageError('harmony note needs the text: harmony note "TEXT", or pipe it in: echo TEXT | harmony note');
  const session = editText(ctx.io, words.join(' '), ctx.store().settings().editor, 'note.md');
  try {
    return session.text;
  } finally {
    session.dispose();
  }
}

export async function run(ctx: Context, words: string[], opts: NoteOptions): Promise<void> {
  const store = ctx.store();
  const today = ctx.today();
  const date = noteDate(opts.date, today);
  const principle = principleArg(opts.principle);
  const text = await noteText(ctx, words, opts);
  if (text.trim() === '') throw new UsageError('Nothing to save: the note is empty.');
  const entry = await store.write(() => {
    const ids = new Set(store.journal.readMonth(date.slice(0, 7)).map((e) => e.id));
    const note = buildNote({ date, text, principle, mood: opts.mood, tags: opts.tag ?? [] }, ctx.now(), (id) => ids.has(id));
    store.journal.add([note]);
    return note;
  });
  if (opts.json) return printJson(ctx.io, entry);
  const s = styleFor(ctx.io);
  print(ctx.io, `${s.success('✓')} Note saved for ${dayLabel(date, today)} · ${s.muted(entry.id)}`);
}
