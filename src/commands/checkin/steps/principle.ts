// The principle of the day: --principle, or asked with the suggestion (least practised
// lately, quiz weakness on a tie) as the default, or the suggestion when nothing is asked.
// Adding to an entry keeps that entry's principle.
import type { Entry } from '../../../core/entry.js';
import { PRINCIPLES, type PrincipleId } from '../../../core/principles.js';
import { UsageError } from '../../../errors.js';
import { principleArg } from '../../common/today.js';
import type { Step } from '../session.js';

export const principle: Step = async (s) => {
  if (s.existing) {
    s.draft.principle = appendPrinciple(s.existing, s.opts.principle);
    return;
  }
  const chosen = principleArg(s.opts.principle);
  if (chosen) {
    s.draft.principle = chosen;
    return;
  }
  const { principle: suggested, reason } = await s.today.suggest();
  if (!s.ask) {
    s.draft.principle = suggested;
    return;
  }
  s.draft.principle = await s.ctx.prompter.select<PrincipleId>({
    message: 'Principle of the day',
    choices: PRINCIPLES.map((pr) => ({
      name: `${pr.number}. ${pr.title}${pr.id === suggested ? ' (suggested)' : ''}`,
      value: pr.id,
      description: pr.id === suggested ? `Suggested: ${reason}.` : undefined,
    })),
    default: suggested,
  });
};

/** Adding to an entry keeps its principle: a different --principle is refused before anything is asked. */
export function appendPrinciple(existing: Entry, flag: string | undefined): PrincipleId {
  const chosen = principleArg(flag);
  if (chosen && chosen !== existing.principle) {
    throw new UsageError(`That check-in is about ${existing.principle}; --append adds to it, so leave out --principle (or use: harmony reflect ${chosen}).`);
  }
  return existing.principle!; // a check-in always has one (entryProblem)
}
