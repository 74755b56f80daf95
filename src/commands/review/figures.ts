// Reading what a week's review shows: the entries from the week's first day to today (later
// ones hold the follow-ups of the week's intentions) and the quiz answers of the week.
import { addDays, type LocalDate } from '../../core/dates.js';
import type { QuizReview } from '../../core/quiz-doc.js';
import { weekFigures, type WeekFigures } from '../../core/review.js';
import { weekOf, type Week, type WeekStart } from '../../core/weeks.js';
import type { Store } from '../../store/index.js';
import { nameOf, peopleById } from '../../core/people.js';
import { quizLogMonths, readQuizMonth } from '../../store/quiz-log.js';
import { entriesBetween, monthsBetween } from '../common/entries.js';

/** The week's quiz answers; null when a month of the log cannot be read (the review goes on without it). */
async function weekQuiz(store: Store, week: Week): Promise<QuizReview[] | null> {
  try {
    const have = new Set(quizLogMonths(store));
    const out: QuizReview[] = [];
    for (const m of monthsBetween(week.start, week.end)) if (have.has(m)) out.push(...(await readQuizMonth(store, m)));
    return out;
  } catch {
    return null;
  }
}

export async function readWeek(store: Store, week: Week, today: LocalDate): Promise<WeekFigures> {
  const last = today > week.end ? today : week.end;
  const figures = weekFigures(await entriesBetween(store, week.start, last), week, today, await weekQuiz(store, week));
  if (figures.people.length > 0) {
    const byId = peopleById(await store.people()); // a corrupt people.json stops the review (exit 3), naming the file
    for (const p of figures.people) p.name = nameOf(byId, p.id);
  }
  return figures;
}

/** The week after `week`. */
export const weekAfter = (week: Week, start: WeekStart): Week => weekOf(addDays(week.end, 1), start);
