// Pure lesson logic: which lesson a user means, which is next, what the list shows.
import type { Lesson } from '../content/types.js';
import { PRINCIPLES, resolvePrincipleId } from './principles.js';
import { UsageError } from '../errors.js';

export interface LessonRow {
  id: string;
  number: number;
  title: string;
  summary: string;
  readingMinutes: number;
  read: boolean;
  readOn: string | null;
}

export function lessonRows(lessons: Lesson[], lessonsRead: Record<string, string>): LessonRow[] {
  return lessons.map((l) => ({
    id: l.id,
    number: l.number,
    title: l.title,
    summary: l.summary,
    readingMinutes: l.readingMinutes,
    read: l.id in lessonsRead,
    readOn: lessonsRead[l.id] ?? null,
  }));
}

export function validPrinciplesHint(): string {
  return PRINCIPLES.map((p) => `${p.number} ${p.id}`).join(', ');
}

/** The lesson a user named, or the first unread one (the first lesson when all are read). */
export function pickLesson(lessons: Lesson[], lessonsRead: Record<string, string>, wanted?: string): Lesson {
  if (wanted !== undefined) {
    const id = resolvePrincipleId(wanted);
    const lesson = id && lessons.find((l) => l.id === id);
    if (!lesson) throw new UsageError(`Unknown principle "${wanted}". Valid: ${validPrinciplesHint()}.`);
    return lesson;
  }
  return lessons.find((l) => !(l.id in lessonsRead)) ?? lessons[0]!;
}
