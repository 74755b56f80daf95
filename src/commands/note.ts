// harmony note "TEXT": a free note for today, saved at once (like `jrnl Called mum.`). With no
// text it reads a pipe, or opens the editor on a terminal. Kind `note`; by default it does not
// count for the streak (setting notesCountForStreak).
import type { Context } from '../context.js';
import { buildNote, noteDate } from '../core/note.js';
import { DataError, UsageError } from '../errors.js';
import { activePeople, matchPerson, peopleById, PERSON_ID_RE } from '../core/people.js';
import { withNames } from '../core/people-text.js';
import { findPerson } from './people/find.js';
import { howArg } from './people/log.js';
import { editText } from '../ui/editor.js';
import { editFolder } from './common/edit-folder.js';
import { print, printJson, styleFor } from '../ui/style.js';
import { dayLabel, principleArg } from './common/today.js';

export interface NoteOptions {
  date?: string;
  principle?: string;
  mood?: number;
  tag?: string[];
  with?: string[];
  how?: string;
  editor?: boolean;
  json?: boolean;
}

/** @name words in the text: those that are one of your people link them (like --with). */
async function mentionsIn(ctx: Context, text: string): Promise<{ ids: string[]; unknown: number }> {
  const words = [...text.matchAll(/(?:^|[\s(])@([\p{L}\p{N}][\p{L}\p{N}_.'-]*)/gu)].map((m) => m[1]!.replace(/[.'-]+$/, ''));
  if (words.length === 0) return { ids: [], unknown: 0 };
  if (!ctx.store().peopleReadable) {
    ctx.io.stderr.write('Your journal is locked, so @names in the note were not linked to your people (harmony unlock first to link them).\n');
    return { ids: [], unknown: 0 };
  }
  let people;
  try {
    people = activePeople(await ctx.store().people());
  } catch (error) {
    if (!(error instanceof DataError)) throw error;
    ctx.io.stderr.write(`The note is saved without linking its @names: ${error.message}\n`);
    return { ids: [], unknown: 0 };
  }
  if (people.length === 0) return { ids: [], unknown: 0 }; // @ is also for handles and channels
  const ids: string[] = [];
  let unknown = 0;
  for (const w of words) {
    const m = matchPerson(people, w);
    if ('person' in m) ids.push(m.person.id);
    else unknown++;
  }
  return { ids, unknown };
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
  const session = editText(ctx.io, words.join(' '), ctx.store().settings().editor, 'note.md', editFolder(ctx.store()));
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
  // --with is checked before the text is read or typed (a corrupt people.json stops here too).
  const how = howArg(opts.how);
  // Names are matched against names: locked (an encrypted journal) that needs the key; ids do not.
  const byIdOnly = (opts.with ?? []).every((n) => PERSON_ID_RE.test(n.trim()));
  const doc = opts.with ? (byIdOnly ? store.peoplePlain() : await store.people()) : undefined;
  const flagged = opts.with ? opts.with.map((n) => findPerson(ctx, doc!, n, '--with').id) : [];
  const text = await noteText(ctx, words, opts);
  if (text.trim() === '') throw new UsageError('Nothing to save: the note is empty.');
  const mentioned = await mentionsIn(ctx, text);
  const people = [...new Set([...flagged, ...mentioned.ids])];
  const entry = await store.write(async () => {
    const ids = await store.journal.usedIds(date.slice(0, 7));
    const note = buildNote({ date, text, principle, mood: opts.mood, tags: opts.tag ?? [] }, ctx.now(), (id) => ids.has(id));
    if (people.length > 0) note.with = people;
    if (people.length > 0 && how) note.how = how;
    await store.journal.add([note]);
    return note;
  });
  if (how && people.length === 0) ctx.io.stderr.write('--how was left out: the note names none of your people (--with NAME or @name).\n');
  if (mentioned.unknown > 0) {
    const n = mentioned.unknown;
    ctx.io.stderr.write(`${n === 1 ? 'One @name is' : `${n} @names are`} not (or not clearly) one of your people, so ${n === 1 ? 'it stays' : 'they stay'} plain text (harmony people add NAME, then mention them).\n`);
  }
  if (opts.json) return printJson(ctx.io, entry);
  const s = styleFor(ctx.io);
  // Locked, the names are secret: how many people, not who.
  const who = people.length === 0 ? '' : store.peopleReadable ? ` · with ${withNames(people, peopleById(await store.people()))}` : ` · with ${people.length === 1 ? '1 person' : `${people.length} people`}`;
  print(ctx.io, `${s.success('✓')} Note saved for ${dayLabel(date, today)}${who} · ${s.muted(entry.id)}`);
}
