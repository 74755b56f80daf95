// Parses and validates content/ (lessons with YAML front matter, quiz banks in YAML).
// Runs at build time (scripts/build.mjs compiles content to dist/content.json) and in the
// content tests, so a broken edit fails the build and the tests rather than a user's session.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { PRINCIPLE_IDS, isPrincipleId } from '../core/principles.js';
import type { Content, Lesson, Question } from './types.js';

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
    prompts: strings('prompts'),
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
    return {
      id: q.id,
      principle,
      kind: q.kind,
      section: (q.section as string).trim(),
      prompt: (q.prompt as string).trim(),
      choices,
      explanation: (q.explanation as string).trim(),
    } satisfies Question;
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
  return { lessons, questions };
}
