// Adds quiz history to a benchmark store: a five-question session every third day, due
// questions first, then new ones, 80% answered right. Written with the quiz's own code
// (recordAnswer, quizSpec, quizLogSpec) and layout (cards in quiz.json, the log in
// quiz-log/YYYY-MM.json), in its own bundle, so a change in the quiz code can only cost
// the bench its quiz history (run.mjs warns), never the whole run.
//   usage: node quiz-history.mjs <home> <first-day> <last-day> <content.json>  -> prints review count
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Question } from '../src/content/types.js';
import { addDays } from '../src/core/dates.js';
import { emptyQuiz, type QuizReview } from '../src/core/quiz-doc.js';
import { byMonth, QUIZ_LOG_VERSION } from '../src/core/quiz-log.js';
import { recordAnswer } from '../src/core/quiz-schedule.js';
import { writeDoc } from '../src/store/files.js';
import { FILES } from '../src/store/paths.js';
import { quizSpec } from '../src/store/quiz.js';
import { quizLogSpec } from '../src/store/quiz-log.js';

const [home, firstDay, lastDay, contentFile] = process.argv.slice(2);
if (!home || !firstDay || !lastDay || !contentFile) throw new Error('usage: quiz-history.mjs <home> <first> <last> <content.json>');
const questions = (JSON.parse(readFileSync(contentFile, 'utf8')) as { questions: Question[] }).questions;

let seed = 7;
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};

const doc = emptyQuiz();
const log: QuizReview[] = [];
const rule = { dayStartHour: 0, timeZone: 'UTC' };
for (let day = firstDay; day <= lastDay; day = addDays(day, 3)) {
  const due = questions.filter((q) => doc.cards[q.id] && doc.cards[q.id]!.dueDay <= day);
  const fresh = questions.filter((q) => !doc.cards[q.id]);
  for (const [i, q] of [...due, ...fresh].slice(0, 5).entries()) {
    const correct = random() < 0.8;
    const right = q.choices.flatMap((c, n) => (c.correct ? [n] : []));
    const wrong = q.choices.findIndex((c) => !c.correct);
    const now = new Date(`${day}T20:${String(10 + i).padStart(2, '0')}:00.000Z`);
    log.push(recordAnswer(doc, q, correct ? right : [wrong], correct, now, rule));
  }
}
const problem = quizSpec.validate(doc as unknown as Record<string, unknown>);
if (problem) throw new Error(`quiz history generator made a bad quiz.json: ${problem}`);
for (const [month, reviews] of byMonth(log)) {
  const monthDoc = { schemaVersion: QUIZ_LOG_VERSION, reviews };
  const bad = quizLogSpec.validate(monthDoc as unknown as Record<string, unknown>);
  if (bad) throw new Error(`quiz history generator made a bad quiz-log/${month}.json: ${bad}`);
  writeDoc(join(home, FILES.quizLogDir, `${month}.json`), monthDoc);
}
writeDoc(join(home, FILES.quiz), doc);
process.stdout.write(`${log.length}\n`);
