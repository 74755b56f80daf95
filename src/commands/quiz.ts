// harmony quiz: asks questions chosen by the spaced-repetition scheduler, saves each answer
// as a review the moment it is given (so Ctrl+C keeps them), then shows score and mastery.
import { randomInt } from 'node:crypto';
import type { Context } from '../context.js';
import { loadContent } from '../content/load.js';
import { practiceDay } from '../core/dates.js';
import { validPrinciplesHint } from '../core/lessons.js';
import { dueSummary, mastery } from '../core/mastery.js';
import { resolvePrincipleId, type PrincipleId } from '../core/principles.js';
import { grade, letter, parseAnswer, splitAnswers, type Graded } from '../core/quiz-grade.js';
import { recordAnswer, type DayRule } from '../core/quiz-schedule.js';
import { planQuiz, type AskedQuestion } from '../core/quiz-select.js';
import { CancelledError, UsageError } from '../errors.js';
import { readQuiz, saveAnswer, type QuizReview } from '../store/quiz.js';
import { readQuizMonth } from '../store/quiz-log.js';
import { requireInteractive } from '../ui/prompts.js';
import { print, printJson, styleFor } from '../ui/style.js';
import { choiceLabel, choicesText, dueText, feedbackText, masteryText, questionText } from './quiz-view.js';

export interface QuizOptions {
  principle?: string;
  count?: number;
  review?: boolean;
  json?: boolean;
  answers?: string;
  seed?: number;
  dryRun?: boolean;
}

export const DEFAULT_COUNT = 5;
export const MAX_COUNT = 50;

interface Answered {
  asked: AskedQuestion;
  graded: Graded;
  review: QuizReview;
}

export async function run(ctx: Context, opts: QuizOptions): Promise<void> {
  const principle = opts.principle === undefined ? undefined : principleArg(opts.principle);
  const tokens = opts.answers === undefined ? undefined : splitAnswers(opts.answers);
  if (tokens && tokens.length > MAX_COUNT) throw new UsageError(`--answers has ${tokens.length} answers; a quiz asks at most ${MAX_COUNT}.`);
  if (tokens && opts.count !== undefined && opts.count !== tokens.length) {
    throw new UsageError(`--count is ${opts.count} but --answers has ${tokens.length} answers; give one answer per question.`);
  }

  // Data first: a damaged quiz.json, quiz-log month or config.json is reported (exit 3) even without a TTY.
  const store = ctx.store();
  const rule: DayRule = { dayStartHour: store.settings().dayStartHour };
  const doc = await readQuiz(store);
  // Answers are logged in this month's quiz-log file: a damaged one stops us before asking.
  if (!opts.dryRun) await readQuizMonth(store, ctx.today().slice(0, 7));
  if (!tokens && !opts.dryRun) requireInteractive(ctx.io, 'quiz', ['--answers b,a,c', '--seed N']);
  const questions = loadContent().questions;
  const seed = opts.seed ?? randomInt(1, 2 ** 31 - 1);
  const plan = planQuiz(questions, doc, { now: ctx.now(), count: opts.count ?? tokens?.length ?? DEFAULT_COUNT, principle, review: opts.review }, seed);
  if (opts.dryRun) return showPlan(ctx, plan, seed, opts.json);
  if (tokens && tokens.length !== plan.length) {
    const what = opts.review ? 'due or missed' : 'available';
    const only = plan.length === 0 ? 'No questions are' : plan.length === 1 ? 'Only 1 question is' : `Only ${plan.length} questions are`;
    throw new UsageError(`${only} ${what}, but --answers has ${tokens.length}; see them with --dry-run.`);
  }
  // Check every answer before saving any, so a typo in the fifth does not leave four saved.
  const picks = tokens?.map((token, i) => parseAnswer(token, plan[i]!, i + 1));

  const s = styleFor(ctx.io);
  const width = Math.min(ctx.io.columns, 100) - 1;
  const answered: Answered[] = [];
  const stopped = () => new CancelledError(`Quiz stopped: ${answered.length} answer${answered.length === 1 ? '' : 's'} saved.`);
  // Ctrl+C at a prompt reaches the prompt (CancelledError below). One that arrives as a
  // signal between prompts stops here with the same message; during a save the store holds
  // it until the save is complete, then exits with its own message.
  let saving = false;
  const onSignal = () => {
    if (saving) return;
    ctx.io.stderr.write(`harmony: ${stopped().message}\n`);
    process.exit(130);
  };
  process.on('SIGINT', onSignal);
  try {
    if (plan.length === 0 && !opts.json) print(ctx.io, opts.review ? 'Nothing is due or missed right now.' : 'No questions match.');
    for (const [i, asked] of plan.entries()) {
      if (!opts.json) print(ctx.io, questionText(s, asked, i + 1, plan.length, width));
      const positions = picks ? picks[i]! : await ask(ctx, asked);
      if (picks && !opts.json) print(ctx.io, choicesText(asked, width), `Your answer: ${positions.map(letter).join(', ')}`);
      const graded = grade(asked, positions);
      saving = true;
      const review = await saveAnswer(store, (doc) => recordAnswer(doc, asked.question, graded.chosen, graded.correct, ctx.now(), rule));
      saving = false;
      answered.push({ asked, graded, review });
      if (!opts.json) print(ctx.io, feedbackText(s, asked, graded, width));
    }
  } catch (error) {
    if (error instanceof CancelledError) throw stopped();
    throw error;
  } finally {
    process.off('SIGINT', onSignal);
  }
  await summary(ctx, answered, seed, opts.json);
}

function principleArg(text: string): PrincipleId {
  const id = resolvePrincipleId(text);
  if (!id) throw new UsageError(`Unknown principle "${text}". Valid: ${validPrinciplesHint()}.`);
  return id;
}

/** Asks one question at the terminal; returns the picked display positions. */
async function ask(ctx: Context, asked: AskedQuestion): Promise<number[]> {
  const choices = asked.order.map((_, p) => ({ name: choiceLabel(asked, p), value: p }));
  if (asked.question.kind === 'multi') {
    return ctx.prompter.checkbox({ message: 'Pick all that apply (space to pick, enter to answer):', choices, required: true });
  }
  return [await ctx.prompter.select({ message: 'Your answer:', choices })];
}

function showPlan(ctx: Context, plan: AskedQuestion[], seed: number, json?: boolean): void {
  const questions = plan.map((a, i) => ({
    number: i + 1,
    id: a.question.id,
    principle: a.question.principle,
    kind: a.question.kind,
    reason: a.reason,
    prompt: a.question.prompt,
    choices: a.order.map((index, p) => ({ letter: letter(p), text: a.question.choices[index]!.text })),
  }));
  if (json) return printJson(ctx.io, { seed, questions });
  const s = styleFor(ctx.io);
  const width = Math.min(ctx.io.columns, 100) - 1;
  if (plan.length === 0) return print(ctx.io, 'No questions to ask: nothing is due or missed right now.');
  print(ctx.io, s.muted(`Quiz with --seed ${seed} (nothing saved); answer with --answers in this order:`));
  for (const [i, asked] of plan.entries()) print(ctx.io, questionText(s, asked, i + 1, plan.length, width), choicesText(asked, width));
}

async function summary(ctx: Context, answered: Answered[], seed: number, json?: boolean): Promise<void> {
  const now = ctx.now();
  const { questions } = loadContent();
  const doc = await readQuiz(ctx.store());
  const scores = mastery(doc, questions, now);
  const due = dueSummary(doc, questions, now);
  const right = answered.filter((a) => a.graded.correct).length;
  if (json) {
    return printJson(ctx.io, {
      seed,
      score: { correct: right, total: answered.length },
      answers: answered.map(({ asked, graded, review }) => ({
        question: asked.question.id,
        principle: asked.question.principle,
        kind: asked.question.kind,
        reason: asked.reason,
        given: graded.given,
        answer: graded.answer,
        correct: graded.correct,
        dueDay: review.dueDay,
        lesson: { command: `harmony learn ${asked.question.principle}`, section: asked.question.section },
      })),
      mastery: scores,
      due,
    });
  }
  const s = styleFor(ctx.io);
  const today = practiceDay(now, ctx.store().settings().dayStartHour);
  const lines = answered.length > 0 ? ['', s.heading(`Score: ${right} of ${answered.length} right.`)] : [];
  print(ctx.io, ...lines, '', s.bold('Mastery by principle'), masteryText(s, scores), '', dueText(due, today));
}
