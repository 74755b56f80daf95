import type { PrincipleId } from '../core/principles.js';

export interface Lesson {
  id: PrincipleId;
  number: number;
  title: string;
  summary: string;
  keyIdeas: string[];
  readingMinutes: number;
  prompts: string[];
  /** The markdown body, without front matter. */
  body: string;
  /** The `##` headings, in order. */
  sections: string[];
}

export interface Choice {
  text: string;
  correct: boolean;
  why: string;
}

export interface Question {
  id: string;
  principle: PrincipleId;
  kind: 'single' | 'truefalse' | 'multi';
  section: string;
  prompt: string;
  choices: Choice[];
  explanation: string;
}

export interface Content {
  lessons: Lesson[];
  questions: Question[];
}
