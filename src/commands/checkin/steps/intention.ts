// An intention for tomorrow: --intention, or asked (one line, even with --editor: an
// intention is short, and an editor for an optional line is a chore).
// The prompt suggests a plan with a cue, "When …, I will …", with an example from the day's
// principle (core/intentions.ts says why); anything the user writes is kept as it is.
import { intentionExample } from '../../../core/intentions.js';
import { print, styleFor } from '../../../ui/style.js';
import { askText } from '../../common/ask.js';
import { principleOf, type Step } from '../session.js';

export const intention: Step = async (s) => {
  if (s.opts.intention !== undefined) s.draft.intention = s.opts.intention;
  else if (s.ask) {
    const example = intentionExample(principleOf(s), s.draft.date);
    print(s.ctx.io, styleFor(s.ctx.io).muted(`A plan with a cue works best: "When …, I will …". For example: ${example}`));
    s.draft.intention = await askText(s.ctx, 'An intention for tomorrow? (Enter to skip)', { required: false });
  }
};
