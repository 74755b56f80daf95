// One or two reflection prompts from the principle's lesson, least recently answered first
// (when adding to an entry, not those it already answered): --answer, or asked.
import { pairAnswers } from '../../../core/checkin.js';
import type { Answer } from '../../../core/entry.js';
import { promptsWithOwn } from '../../../core/own-prompts.js';
import { choosePrompts } from '../../../core/suggest.js';
import { askText } from '../../common/ask.js';
import { lessonFor } from '../../common/today.js';
import { CHECKIN_PROMPTS, principleOf, type Session, type Step } from '../session.js';

export const prompts: Step = async (s) => {
  const already = s.existing?.answers.map((a) => a.prompt) ?? [];
  const state = s.today.store.state();
  const principle = principleOf(s);
  const list = choosePrompts(promptsWithOwn(lessonFor(principle).prompts, state.ownPrompts, principle), state.promptsUsed, CHECKIN_PROMPTS, already);
  const given = pairAnswers(list, s.opts.answer ?? []);
  s.draft.answers = given.length > 0 || !s.ask ? given : await ask(s, list);
};

/** The first prompt needs an answer; the second can be skipped with Enter. */
async function ask(s: Session, list: string[]): Promise<Answer[]> {
  const out: Answer[] = [];
  for (const [i, prompt] of list.entries()) {
    const message = i === 0 ? prompt : `${prompt} (Enter to skip)`;
    const answer = await askText(s.ctx, message, { editor: s.opts.editor, required: i === 0 });
    if (answer !== '') out.push({ prompt, answer });
  }
  return out;
}
