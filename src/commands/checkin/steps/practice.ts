// Today's practice, after the prompts: one small action for the day's principle, the one
// offered longest ago first (core/practice-pick.ts). Take it, ask for another, or skip.
// --practice ID|skip. Without a terminal and without the flag, no practice is taken.
import { loadContent } from '../../../content/load.js';
import type { Practice } from '../../../content/types.js';
import { nextPractice, practicesOf } from '../../../core/practice-pick.js';
import { UsageError } from '../../../errors.js';
import { print, styleFor } from '../../../ui/style.js';
import { principleArg } from '../../common/today.js';
import { principleOf, type Session, type Step } from '../session.js';

export const practice: Step = async (s) => {
  if (s.existing?.practice) return; // a day has one practice
  const flag = s.opts.practice?.trim();
  if (flag !== undefined) {
    if (flag.toLowerCase() === 'skip') return;
    const chosen = findPractice(flag, s.draft.principle)!;
    take(s, chosen);
    return;
  }
  if (!s.ask) return;
  const pool = practicesOf(loadContent().practices, principleOf(s));
  const offered = s.today.store.state().practicesOffered ?? {};
  for (;;) {
    const next = nextPractice(pool, offered, s.draft.offered);
    if (!next) return; // no practices for this principle in this installation
    s.draft.offered.push(next.id);
    showPractice(s, next);
    const choice = await s.ctx.prompter.select<'take' | 'another' | 'skip'>({
      message: "Today's practice",
      choices: [
        { name: "I'll do it today", value: 'take' },
        ...(pool.length > 1 ? [{ name: 'Show me another', value: 'another' as const }] : []),
        { name: 'Skip today', value: 'skip' },
      ],
      default: 'take',
    });
    if (choice === 'take') return take(s, next);
    if (choice === 'skip') return;
  }
};

practice.check = (s) => {
  const flag = s.opts.practice?.trim();
  if (flag !== undefined && flag.toLowerCase() !== 'skip') findPractice(flag, s.existing?.principle ?? principleArg(s.opts.principle));
  if (flag !== undefined && s.existing?.practice) throw new UsageError("Today's check-in already has a practice; leave out --practice (harmony practice done marks it done).");
};

function take(s: Session, p: Practice): void {
  s.draft.practice = { id: p.id, text: p.text };
  if (!s.draft.offered.includes(p.id)) s.draft.offered.push(p.id);
}

export function showPractice(s: Session, p: Practice): void {
  const st = styleFor(s.ctx.io);
  print(s.ctx.io, '', `${st.accent('Practice')} ${st.muted(`· about ${p.minutes} min`)}`, `  ${p.text}`, st.muted(`  Why: ${p.why}`));
}

/** A practice by id (a unique prefix works too); a UsageError naming some valid ids otherwise. */
export function findPractice(text: string, principle: string | undefined): Practice {
  const all = loadContent().practices;
  const key = text.trim().toLowerCase();
  const exact = all.find((p) => p.id === key);
  if (exact) return exact;
  const prefixed = all.filter((p) => p.id.startsWith(key));
  if (prefixed.length === 1 && key !== '') return prefixed[0]!;
  const some = (principle ? all.filter((p) => p.principle === principle) : all).slice(0, 4).map((p) => p.id);
  const list = some.length > 0 ? `${some.join(', ')}${all.length > some.length ? ', …' : ''}` : 'none installed';
  throw new UsageError(`Unknown practice "${text}". Valid: skip, or an id such as ${list} (all of them: harmony practice list).`);
}
