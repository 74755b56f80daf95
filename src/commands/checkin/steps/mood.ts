// Mood, 1-5: --mood, or asked (when adding to an entry, the earlier mood is the default).
import { MOODS } from '../../../core/entry.js';
import type { Step } from '../session.js';

export const mood: Step = async (s) => {
  if (s.opts.mood !== undefined) s.draft.mood = s.opts.mood;
  else if (s.ask) {
    const current = s.existing?.mood;
    s.draft.mood = await s.ctx.prompter.select<number>({
      message: current === undefined ? 'How are you today?' : 'How are you now?',
      choices: [1, 2, 3, 4, 5].map((n) => ({ name: `${n} ${MOODS[n]}`, value: n })),
      default: current ?? 3,
    });
  }
};
