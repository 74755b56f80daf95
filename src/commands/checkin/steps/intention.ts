// An intention for tomorrow: --intention, or asked (one line, even with --editor: an
// intention is short, and an editor for an optional line is a chore).
import { askText } from '../../common/ask.js';
import type { Step } from '../session.js';

export const intention: Step = async (s) => {
  if (s.opts.intention !== undefined) s.draft.intention = s.opts.intention;
  else if (s.ask) s.draft.intention = await askText(s.ctx, 'An intention for tomorrow? (Enter to skip)', { required: false });
};
