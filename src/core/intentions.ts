// The intention prompt suggests a plan with a cue, "When …, I will …": plans tied to a
// situation are carried out about twice as often as plain goals (implementation intentions;
// Gollwitzer & Sheeran 2006, a meta-analysis of 94 tests, d = .65). The user may write
// anything; the example, from the day's principle, only shows the shape.
import { daysBetween, type LocalDate } from './dates.js';
import type { PrincipleId } from './principles.js';

export const INTENTION_EXAMPLES: Record<PrincipleId, readonly string[]> = {
  attention: [
    'When I sit down for a call, I will put my phone face down out of reach.',
    'When a group chat buzzes during dinner, I will leave it until after we eat.',
  ],
  communication: [
    'When I feel like firing back a quick reply, I will wait a minute and reread their message first.',
    'When someone shares news, I will ask one question about it before I talk about mine.',
  ],
  wellbeing: [
    'When I notice I have been scrolling for twenty minutes, I will close the app and message a friend instead.',
    'When I want to share a photo with someone else in it, I will ask them first.',
  ],
  trust: [
    'When I say "I\'ll send it later", I will set a reminder right then.',
    'When my plans change, I will tell the people affected in the same hour.',
  ],
  intimacy: [
    'When someone tells me something personal, I will answer how it sounds they feel before giving advice.',
    'When I send my goodnight message, I will add one thing I felt today.',
  ],
};

/** One example for the day, changing from day to day. */
export function intentionExample(principle: PrincipleId, day: LocalDate): string {
  const list = INTENTION_EXAMPLES[principle];
  return list[Math.abs(daysBetween('2000-01-01', day)) % list.length]!;
}
