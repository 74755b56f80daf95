// Pressure and edge: passive-aggressive stock phrases, why-accusations, ultimatums.
import { matches } from '../draft.js';
import { search } from '../libs.js';
import { phraseIndex, sentencesWith } from '../select.js';
import { isNegative } from '../sentiment.js';
import { harmonyRule } from './plugin.js';

const STOCK_HINT = [
  'per my last email', 'per my last message', 'per my previous email', 'per my previous message', 'as per my last email',
  'as per my last message', 'as per my previous email', 'as previously stated', 'as previously mentioned',
  'as i already said', 'as i already mentioned', 'as i previously said', 'as i previously mentioned', 'as i said before',
  'as ive said', 'as ive already said', 'as i have already said', 'as i stated', 'as i already explained',
  'with all due respect', 'another friendly reminder', 'one more friendly reminder', 'friendly reminder again',
  'if you say so', 'just saying', 'just sayin', 'im just saying', 'dont worry about me', 'ill just do it myself',
  'i guess ill just do it myself', 'ill do it myself then', 'i guess ill just', 'interesting choice', 'thanks for noticing',
  'im sure youre very busy', 'im sure you were very busy', 'must have slipped your mind', 'must have missed it',
  'i assume you missed', 'going forward please', 'kindly refer to', 'did you even read',
];
const STOCK_WARN = ['no offense but', 'no offence but', 'not to be rude but', 'not to be mean but', 'im not mad', 'im not angry', 'im not upset', 'bless your heart', 'i mean no offense but'];

const STOCK_WORDS = phraseIndex([...STOCK_HINT, ...STOCK_WARN]);

export const passiveAggressive = harmonyRule((draft, emit) => {
  const tree = sentencesWith(draft.sentences, STOCK_WORDS);
  const report = (severity: 'warn' | 'hint') => (nodes: { position?: { start: { offset?: number }; end: { offset?: number } } }[]) => {
    const start = nodes[0]?.position?.start.offset;
    const end = nodes.at(-1)?.position?.end.offset;
    if (start === undefined || end === undefined) return;
    // "I'm not mad at all, honestly, take your time": said warmly, not through teeth.
    if (/^(?:i'?m|i am) not (?:mad|angry|upset)/i.test(draft.masked.slice(start, end)) && /^[^.!?]{0,12}\b(?:at all|honestly|promise|just curious|just checking)\b/i.test(draft.masked.slice(end))) return;
    emit({ rule: 'passive-aggressive', severity, start, end });
  };
  search(tree, STOCK_HINT, report('hint'));
  // nlcst-search matches words, so a comma between "no offense" and "but" is found by regex.
  for (const { start, end } of matches(draft.sentences, /\b(?:no offen[cs]e|not to be (?:rude|mean)|i mean no offen[cs]e),? but\b/gi, ['offen', 'rude', 'mean'])) emit({ rule: 'passive-aggressive', severity: 'warn', start, end });
  search(tree, STOCK_WARN.filter((p) => !/but$/.test(p)), report('warn'));
});

// "Why don't you come over?" is an invitation, not a charge.
const INVITE = /^\s*(?:come|join|stay|bring|grab|try|take|pop|swing|drop|sleep|rest|ask|call me|text me when|just come|let me|tell me more|head|go ahead|treat yourself|get some rest|book|pick)\b/i;
const WHY = /\bwhy (?:didn't|did not|don't|do not|can't|cannot|couldn't|won't|wouldn't|haven't|hasn't|aren't|weren't|would|must|on earth|the hell|tf|do|are) (?:you|u)\b(?: (?:always|never|even|ever|just|still|so))?[^.!?]*[.!?]*/gi;

export const whyAccusation = harmonyRule((draft, emit) => {
  // "Why didn't you tell me it was your birthday? Happy birthday!": a warm message.
  const warm = draft.warm;
  for (const { m, start, end } of matches(draft.sentences, WHY, ['why'])) {
    if (warm && !isNegative(m[0])) continue;
    const head = /^why (\S+) (?:you|u)/i.exec(m[0]);
    const verb = (head?.[1] ?? '').toLowerCase();
    const rest = m[0].slice(head?.[0].length ?? 0);
    if ((verb === "don't" || verb === 'do not' || verb === 'not') && INVITE.test(rest)) continue;
    // "Why do you like it?" / "why are you moving?": curiosity unless it turns accusing.
    if ((verb === 'do' || verb === 'are') && !/^\s*(?:always|never|even|so|still|being|acting|ignoring|doing this|like this|keep|insist)/i.test(rest)) continue;
    const hard = /always|never|even|ever|the hell|on earth|tf|\?{2,}|\?!|!\?/i.test(m[0]);
    emit({ rule: 'why-accusation', severity: hard ? 'warn' : 'hint', start, end });
  }
  // "Why is the door unlocked again?"
  for (const { start, end } of matches(draft.sentences, /\bwhy (?:is|are|was|were|isn't|aren't) [^.!?]{0,50}\bagain\b[^.!?]*[.!?]*/gi, ['why'])) emit({ rule: 'why-accusation', severity: 'hint', start, end });
});

const ULTIMATUM = new RegExp(
  String.raw`\bif (?:you|you're|you are) (?:don't|do not|dont|can't|cannot|won't|will not|ever|keep|aren't|are not|refuse|continue|still|late|bring|push|do (?:that|this|it)|say (?:that|this)|pull|go|miss|forget|cancel|lie)\b[^.!?]{0,80}?\b(?:i'm|i am|i'll|i will|we're|we are|it's|we'll|then i'm|then we're|then i'll) (?:done|leaving|over|out|gone|breaking up|finished|moving out|through|ending|walking|calling it|not coming back|never speaking|not coming|going to court|escalating|telling|taking|cutting you off|kicking you out|changing the locks|calling it off)|\b(?:this is|it's|its|that's|consider this) (?:your|the) (?:last|final) (?:chance|warning)\b|\blast chance\b(?=[^.!?]*\b(?:or|before|then)\b)|\b(?:it's|its) (?:either )?(?:me or|them or me|him or me|her or me|that or me)\b|\beither you\b[^.!?]{0,80}\bor (?:i|we|i'm|i'll|we're|it's over|we're done)\b|\bor else\b(?=\s*[.!?]|\s*$|\s*[.…])|\bor (?:i'm|i am|i'll|i will|we're|we are) (?:done|leaving|gone|out|breaking up|moving out|finished|through|ending this)\b|\bdon't (?:bother )?(?:coming|come) (?:home|back)\b|\b(?:i'm|i am) giving you (?:one|until|till|24|48) `,
  'gi',
);
// A boundary with someone unsafe is not an ultimatum: blocking, reporting, the police.
const BOUNDARY = /\b(?:block|report you|police|restraining|harass|contact me|message me|texting me|messaging me|calling me|show up at my)\b/i;

export const ultimatum = harmonyRule((draft, emit) => {
  for (const { span, start, end } of matches(draft.sentences, ULTIMATUM, ['if you', 'last', ' or ', 'or else', 'or i', 'or we', 'either', 'bother', "don't come", 'dont come', 'giving you'])) {
    if (BOUNDARY.test(span.text)) continue;
    emit({ rule: 'ultimatum', severity: 'warn', start, end });
  }
});
