// An entry as editable text (YAML: answers become readable `|` blocks) and back again.
// Parsing uses YAML's failsafe schema, so every value comes back as text exactly as typed
// ("yes", "10", "null" stay words); only mood is read as a number.
import { parse, stringify } from 'yaml';
import { entryProblem, type Answer, type Entry } from './entry.js';
import { resolvePrincipleId } from './principles.js';

const FIXED = ['id', 'kind', 'date', 'createdAt'] as const;
const EDITABLE = ['principle', 'mood', 'title', 'text', 'answers', 'intention'] as const;
const FIELDS = new Set<string>([...FIXED, ...EDITABLE]);

export function entryToText(entry: Entry): string {
  // Only what can be edited is shown; every other field (tags, follow-ups, people, source…)
  // is kept from the stored entry as it is, so an edit never drops what it did not show.
  const fields: Record<string, unknown> = {};
  for (const key of [...FIXED, ...EDITABLE]) if (entry[key] !== undefined) fields[key] = entry[key];
  const head = [
    `# Editing journal entry ${entry.id} (${entry.kind}, ${entry.date}).`,
    entry.kind === 'note'
      ? '# You can change the text, the title, principle and mood (delete a line for none).'
      : '# You can change principle, mood (1-5; delete the line for none), the answers and the',
    '# intention. id, kind, date and createdAt stay as they are. Lines starting with # are',
    '# ignored. Save and close the editor to keep your changes; close without saving to cancel.',
  ];
  return `${head.join('\n')}\n${stringify(fields, { lineWidth: 0, blockQuote: 'literal' })}`;
}

export type EditResult = { problem: string } | { entry: Entry; changed: boolean };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Same fields in the same order, without updatedAt: what "a real change" compares. */
function canonical(e: Entry): string {
  const { updatedAt: _updated, ...rest } = e;
  const fields = rest as Record<string, unknown>;
  return JSON.stringify(Object.keys(fields).sort().map((k) => [k, fields[k]]));
}

function readAnswers(value: unknown): Answer[] | string {
  if (value === undefined || value === '') return [];
  if (!Array.isArray(value)) return 'answers must be a list of "- prompt: … / answer: …" items';
  const answers: Answer[] = [];
  for (const [i, item] of value.entries()) {
    if (!isRecord(item)) return `answers[${i}] needs a prompt and an answer`;
    const extra = Object.keys(item).find((k) => k !== 'prompt' && k !== 'answer');
    if (extra) return `answers[${i}] has an unknown field "${extra}" (only prompt and answer)`;
    if (typeof item.prompt !== 'string' || typeof item.answer !== 'string') return `answers[${i}] needs a prompt and an answer (text)`;
    // An answer emptied in the editor is dropped, as the check-in drops unanswered prompts.
    if (item.answer.trim() !== '') answers.push({ prompt: item.prompt, answer: item.answer });
  }
  return answers;
}

/** Reads edited text back; refuses anything invalid or any change to id, kind, date, createdAt. */
export function entryFromText(original: Entry, text: string, updatedAt: string): EditResult {
  let doc: unknown;
  try {
    doc = parse(text, { schema: 'failsafe', prettyErrors: true });
  } catch (error) {
    const e = error as Error & { linePos?: { line: number; col: number }[] };
    const at = e.linePos?.[0];
    const first = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    return { problem: at ? `line ${at.line}, column ${at.col}: ${first}` : first };
  }
  if (!isRecord(doc)) return { problem: 'the text is no longer a list of "field: value" lines' };
  const unknown = Object.keys(doc).find((k) => !FIELDS.has(k));
  if (unknown) return { problem: `unknown field "${unknown}" (fields: ${[...FIELDS].join(', ')})` };
  for (const key of FIXED) {
    if (doc[key] !== original[key]) return { problem: `${key} cannot change (it is ${original[key]})` };
  }
  const note = original.kind === 'note';
  const principle = typeof doc.principle === 'string' && doc.principle.trim() !== '' ? resolvePrincipleId(doc.principle) : note ? undefined : null;
  if (principle === null) return { problem: 'principle must be attention, communication, wellbeing, trust or intimacy' };
  const entry = { ...original, answers: [] } as Entry;
  for (const key of [...EDITABLE, 'updatedAt'] as const) if (key !== 'answers') delete entry[key];
  if (principle) entry.principle = principle;
  if (doc.mood !== undefined && doc.mood !== '') {
    const mood = typeof doc.mood === 'string' && /^\s*[1-5]\s*$/.test(doc.mood) ? Number(doc.mood) : NaN;
    if (Number.isNaN(mood)) return { problem: 'mood must be a whole number from 1 to 5 (or delete the line)' };
    entry.mood = mood;
  }
  const answers = readAnswers(doc.answers);
  if (typeof answers === 'string') return { problem: answers };
  entry.answers = answers;
  if (doc.intention !== undefined) {
    if (typeof doc.intention !== 'string') return { problem: 'intention must be text' };
    if (doc.intention.trim() !== '') entry.intention = doc.intention;
  }
  for (const key of ['title', 'text'] as const) {
    if (doc[key] === undefined) continue;
    if (typeof doc[key] !== 'string') return { problem: `${key} must be text` };
    if (key === 'text' || doc[key].trim() !== '') entry[key] = doc[key];
  }
  if (note && (entry.text ?? '').trim() === '' && !entry.with?.length) return { problem: 'a note needs some text (delete the note with harmony journal delete)' };
  const problem = entryProblem(entry);
  if (problem) return { problem };
  if (canonical(entry) === canonical(original)) return { entry: original, changed: false };
  return { entry: { ...entry, updatedAt }, changed: true };
}
