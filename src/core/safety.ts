// The one place for harmony's words when someone may be having a hard time, for every part of
// harmony that needs them (the check-in's rough-days line, lessons, anything later). Kind and
// plain: no diagnosis, no pressure; the lesson, someone trusted, a helpline directory, and
// emergency services when there is danger now.
import { addDays, type LocalDate } from './dates.js';

export const HELPLINE_DIRECTORY = 'findahelpline.com';
export const WELLBEING_LESSON = 'harmony learn wellbeing';

/** Where to turn, in one sentence: reusable wherever harmony points to help. */
export const SUPPORT_TEXT =
  `If it would help, talk to someone you trust, or reach a helpline: ${HELPLINE_DIRECTORY} lists free, confidential ones by country. ` +
  'If you are in danger right now, call your local emergency number.';

export const SAFETY_COMMAND = 'harmony help safety';

/** The check-in's line after three rough days in a row (also the last part of content/safety.md; a test keeps them the same). */
export const ROUGH_DAYS_TEXT =
  `You've had a few rough days in a row, and you don't have to carry them alone. The well-being lesson has ideas for hard stretches (${WELLBEING_LESSON}). ` +
  `${SUPPORT_TEXT} More on where to find support: ${SAFETY_COMMAND}`;

/** How often at most the rough-days line is shown. */
export const ROUGH_DAYS_EVERY = 7;

/**
 * Whether `day` ends three days in a row with a mood of 1 or 2 (each day's last mood), and
 * the line was not shown in the last week. `moodOf` gives a day's last mood, if any.
 */
export function roughDays(day: LocalDate, moodOf: (d: LocalDate) => number | undefined, lastShown: LocalDate | undefined): boolean {
  for (let i = 0; i < 3; i++) {
    const mood = moodOf(addDays(day, -i));
    if (mood === undefined || mood > 2) return false;
  }
  return !(lastShown && lastShown > addDays(day, -ROUGH_DAYS_EVERY));
}
