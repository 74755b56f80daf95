// Parses and validates content/ (lessons with YAML front matter; quiz banks, prompts,
// practices and review prompts in YAML).
// Runs at build time (scripts/build.mjs compiles content to dist/content.json) and in the
// content tests, so a broken edit fails the build and the tests rather than a user's session.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { PRINCIPLE_IDS, isPrincipleId } from '../core/principles.js';
import { REVIEW_SLOTS, type Content, type Lesson, type Practice, type Question, type ReviewPrompt, type ReviewSlot } from './types.js';

export class ContentError extends Error {}

const FRONT = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;

export function wordCount(markdown: string): number {
  return markdown.split(/\s+/).filter((w) => /[A-Za-z0-9]/.test(w)).length;
}

export function parseLesson(file: string, text: string): Lesson {
  const m = FRONT.exec(text);
  if (!m) throw new ContentError(`${file}: missing front matter`);
  const meta = parseYaml(m[1]!) as Record<string, unknown>;
  const body = m[2]!.trim() + '\n';
  const fail = (what: string) => new ContentError(`${file}: ${what}`);
  if (!isPrincipleId(meta.id)) throw fail(`id must be one of ${PRINCIPLE_IDS.join(', ')}`);
  if (!Number.isInteger(meta.number)) throw fail('number must be a whole number');
  for (const key of ['title', 'summary'] as const) {
    if (typeof meta[key] !== 'string' || meta[key] === '') throw fail(`${key} is missing`);
  }
  const strings = (key: string) => {
    const v = meta[key];
    if (!Array.isArray(v) || !v.every((x) => typeof x === 'string' && x.trim() !== '')) throw fail(`${key} must be a list of text`);
    return v as string[];
  };
  if (!Number.isInteger(meta.readingMinutes)) throw fail('readingMinutes must be a whole number');
  const sections = [...body.matchAll(/^## (.+)$/gm)].map((s) => s[1]!.trim());
  return {
    id: meta.id,
    number: meta.number as number,
    title: meta.title as string,
    summary: meta.summary as string,
    keyIdeas: strings('keyIdeas'),
    readingMinutes: meta.readingMinutes as number,
    prompts: meta.prompts === undefined ? [] : strings('prompts'),
    body,
    sections,
  };
}

export function parseQuiz(file: string, text: string): Question[] {
  const doc = parseYaml(text) as { principle?: unknown; questions?: unknown };
  if (!isPrincipleId(doc?.principle)) throw new ContentError(`${file}: principle must be a principle id`);
  if (!Array.isArray(doc.questions)) throw new ContentError(`${file}: questions must be a list`);
  const principle = doc.principle;
  return doc.questions.map((q: Record<string, unknown>, i: number) => {
    const fail = (what: string) => new ContentError(`${file}: question ${i + 1} (${String(q?.id)}): ${what}`);
    if (typeof q?.id !== 'string' || !/^[a-z0-9-]+$/.test(q.id)) throw fail('id must be lowercase-kebab');
    if (q.kind !== 'single' && q.kind !== 'truefalse' && q.kind !== 'multi') throw fail('kind must be single, truefalse or multi');
    for (const key of ['section', 'prompt', 'explanation']) {
      if (typeof q[key] !== 'string' || (q[key] as string).trim() === '') throw fail(`${key} is missing`);
    }
    if (!Array.isArray(q.choices)) throw fail('choices must be a list');
    const choices = (q.choices as Record<string, unknown>[]).map((c, j) => {
      if (typeof c?.text !== 'string' || typeof c.why !== 'string' || c.why.trim() === '') {
        throw fail(`choice ${j + 1} needs text and why`);
      }
      return { text: c.text.trim(), correct: c.correct === true, why: c.why.trim() };
    });
    if (q.idea !== undefined && (typeof q.idea !== 'string' || !/^[a-z0-9-]+$/.test(q.idea))) throw fail('idea must be a lowercase-kebab tag');
    return {
      id: q.id,
      principle,
      kind: q.kind,
      section: (q.section as string).trim(),
      ...(typeof q.idea === 'string' ? { idea: q.idea } : {}),
      prompt: (q.prompt as string).trim(),
      choices,
      explanation: (q.explanation as string).trim(),
    } satisfies Question;
  });
}

const isText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

/** content/prompts/<id>.yaml: `principle` and `prompts`, a list of text. */
export function parsePrompts(file: string, text: string): { principle: Lesson['id']; prompts: string[] } {
  const doc = parseYaml(text) as { principle?: unknown; prompts?: unknown };
  if (!isPrincipleId(doc?.principle)) throw new ContentError(`${file}: principle must be a principle id`);
  if (!Array.isArray(doc.prompts) || !doc.prompts.every(isText)) throw new ContentError(`${file}: prompts must be a list of text`);
  return { principle: doc.principle, prompts: doc.prompts.map((p: string) => p.trim()) };
}

/** content/practices/<id>.yaml: `principle` and `practices`, each with id, text, why, minutes. */
export function parsePractices(file: string, text: string): Practice[] {
  const doc = parseYaml(text) as { principle?: unknown; practices?: unknown };
  if (!isPrincipleId(doc?.principle)) throw new ContentError(`${file}: principle must be a principle id`);
  if (!Array.isArray(doc.practices)) throw new ContentError(`${file}: practices must be a list`);
  const principle = doc.principle;
  return doc.practices.map((x: Record<string, unknown>, i: number) => {
    const fail = (what: string) => new ContentError(`${file}: practice ${i + 1} (${String(x?.id)}): ${what}`);
    if (typeof x?.id !== 'string' || !/^[a-z0-9-]+$/.test(x.id)) throw fail('id must be lowercase-kebab');
    if (!isText(x.text)) throw fail('text is missing');
    if (!isText(x.why)) throw fail('why is missing');
    if (!Number.isInteger(x.minutes)) throw fail('minutes must be a whole number');
    return { id: x.id, principle, text: x.text.trim(), why: x.why.trim(), minutes: x.minutes as number };
  });
}

/** content/review.yaml: `prompts`, each with id, slot (well | obstacle | focus) and text. */
export function parseReview(file: string, text: string): ReviewPrompt[] {
  const doc = parseYaml(text) as { prompts?: unknown };
  if (!Array.isArray(doc?.prompts)) throw new ContentError(`${file}: prompts must be a list`);
  return doc.prompts.map((x: Record<string, unknown>, i: number) => {
    const fail = (what: string) => new ContentError(`${file}: prompt ${i + 1} (${String(x?.id)}): ${what}`);
    if (typeof x?.id !== 'string' || !/^[a-z0-9-]+$/.test(x.id)) throw fail('id must be lowercase-kebab');
    if (!REVIEW_SLOTS.includes(x.slot as ReviewSlot)) throw fail(`slot must be one of ${REVIEW_SLOTS.join(', ')}`);
    if (!isText(x.text)) throw fail('text is missing');
    return { id: x.id, slot: x.slot as ReviewSlot, text: x.text.trim() };
  });
}

/** Reads every lesson and quiz bank under `root` (the content/ folder). */
export function loadContentFrom(root: string): Content {
  const lessonDir = join(root, 'lessons');
  const quizDir = join(root, 'quiz');
  const list = (dir: string, ext: string) => readdirSync(dir).filter((n) => n.endsWith(ext)).sort();
  const lessons = list(lessonDir, '.md').map((n) => parseLesson(join(lessonDir, n), readFileSync(join(lessonDir, n), 'utf8')));
  lessons.sort((a, b) => a.number - b.number);
  const questions = list(quizDir, '.yaml').flatMap((n) => parseQuiz(join(quizDir, n), readFileSync(join(quizDir, n), 'utf8')));
  const read = (dir: string, n: string) => readFileSync(join(root, dir, n), 'utf8');
  const optionalList = (dir: string) => (existsSync(join(root, dir)) ? list(join(root, dir), '.yaml') : []);
  for (const n of optionalList('prompts')) {
    const { principle, prompts } = parsePrompts(join(root, 'prompts', n), read('prompts', n));
    const lesson = lessons.find((l) => l.id === principle);
    if (!lesson) throw new ContentError(`prompts/${n}: no lesson for ${principle}`);
    lesson.prompts.push(...prompts);
  }
  const practices = optionalList('practices').flatMap((n) => parsePractices(join(root, 'practices', n), read('practices', n)));
  const reviewFile = join(root, 'review.yaml');
  const reviewPrompts = existsSync(reviewFile) ? parseReview(reviewFile, readFileSync(reviewFile, 'utf8')) : [];
  const safetyFile = join(root, 'safety.md');
  const safety = existsSync(safetyFile) ? readFileSync(safetyFile, 'utf8') : '';
  return { lessons, questions, practices, reviewPrompts, safety };
}
