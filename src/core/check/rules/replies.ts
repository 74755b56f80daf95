// How the draft answers a complaint: defensiveness, non-apologies, stonewalling, minimising.
import { matches } from '../draft.js';
import { search } from '../libs.js';
import { phraseIndex, sentencesWith } from '../select.js';
import { isPositive } from '../sentiment.js';
import { clauseAfter, harmonyRule, negatedBefore, YOU_ARE } from './plugin.js';

const DEFENSIVE = new RegExp(
  String.raw`\b(?:(?:it's|it is|its|that's|that is|it was|it wasn't|it isn't|this is|this isn't) not my fault|it (?:isn't|wasn't) my fault|not my fault (?:you|that you|if you)|don't (?:you )?(?:dare )?(?:blame|put this on|put that on) me|i (?:didn't|did not) do anything wrong|i did nothing wrong|(?:well,? )?excuse me for (?:trying|caring|breathing|existing|having|asking|being|wanting|living)|sorry for (?:existing|breathing|caring|trying|being alive)|so (?:now )?it's my fault(?: now)?|so it's all my fault|how (?:was|am) i supposed to know|${YOU_ARE} the one who|i'm not the one who|i am not the one who|at least i (?:don't|didn't|never|actually|bother|try|show up)|what about (?:you|when you|the time you|all the times you)\b|i was (?:only|just) trying to help|(?:that's|that is) not what i said|i never said that|i can't do anything right|nothing i do is (?:ever )?good enough)`,
  'gi',
);

export const defensiveness = harmonyRule((draft, emit) => {
  for (const { m, span, start, end } of matches(draft.sentences, DEFENSIVE, ['fault', 'blame', 'put this', 'put that', 'wrong', 'excuse me', 'sorry for', 'supposed to know', 'the one who', 'at least i', 'what about', 'trying to help', 'what i said', 'never said', 'anything right', 'good enough'])) {
    const mild = /trying to help|not what i said|never said that|supposed to know|anything right|good enough/i.test(m[0]);
    // "You're the one who taught me to cook": credit, not a counter-charge.
    if (/the one who/i.test(m[0]) && (isPositive(span.text) || /the one who (?:taught|helped|showed|introduced|inspired|recommended|got me)/i.test(span.text))) continue;
    // "It's not my fault the train was late, but I'm sorry": an explanation with ownership.
    if (/not my fault/i.test(m[0]) && !/you/i.test(clauseAfter(span.text, m.index)) && /\bsorry\b|\bmy bad\b|\bi should have\b/i.test(draft.masked)) continue;
    emit({ rule: 'defensiveness', severity: mild ? 'hint' : 'warn', start, end: Math.max(end, start + clauseAfter(span.text, m.index).trimEnd().length) });
  }
});

// Stock non-apologies, found with nlcst-search (it matches regardless of case, apostrophe
// style and hyphens).
const NON_APOLOGY = [
  "sorry you feel that way", "sorry you feel like that", "sorry that you feel that way", "sorry you feel this way",
  "sorry you took it that way", "sorry you took it like that", "sorry that you took it", "sorry you took it",
  "sorry if you were offended", "sorry if you feel offended", "sorry if you got offended", "sorry if you were hurt",
  "sorry if you were upset", "sorry if you got upset", "sorry if that offended you", "sorry if it offended you",
  "sorry if that upset you", "sorry if anyone was offended", "sorry you were offended", "sorry youre upset",
  "sorry you got upset", "sorry you see it that way", "sorry you think that", "sorry you think so",
  "apologize if you", "apologise if you", "apologize if anyone", "apologise if anyone", "apologies if you",
  "apologies if anyone", "mistakes were made", "sorry for whatever i did", "sorry not sorry",
  "sorry that you were offended", "sorry that youre upset", "sorry youre so upset", "sorry you are upset",
];

const NON_APOLOGY_WORDS = phraseIndex(NON_APOLOGY);

export const nonApology = harmonyRule((draft, emit) => {
  search(sentencesWith(draft.sentences, NON_APOLOGY_WORDS), NON_APOLOGY, (nodes) => {
    const start = nodes[0]?.position?.start.offset;
    const end = nodes.at(-1)?.position?.end.offset;
    if (start !== undefined && end !== undefined) emit({ rule: 'non-apology', severity: 'warn', start, end });
  });
  // "I'm sorry, but you..." takes the apology back in the same breath.
  for (const { start, end } of matches(draft.sentences, /\b(?:i'm|i am) sorry,? but you\b[^.!?]*/gi, ['sorry'])) emit({ rule: 'non-apology', severity: 'warn', start, end });
});

const STONEWALL = new RegExp(
  String.raw`(?:(?<=(?:^|[.!?])[^A-Za-z]*)|\b(?:fine|ok|okay|yeah|sure|k),?\s+)whatever\b(?=\s*(?:[.!,]|$|man|dude|i don't care|do what))|\bdo (?:what|whatever) you (?:want|like|wanna)\b(?=\s*(?:[.!]|,? i don't care|,? i'm done|$))|\bi (?:don't|do not|dont) care(?: anymore| any more)?\b(?=\s*(?:[.!]|anymore|$|what you|,? do what))|\bi'?m (?:done|so done)(?: (?:talking|with this|with you|discussing|arguing)(?: (?:about )?(?:this|it|that))?)?\b(?=\s*[.!]|\s*$)|(?<=(?:^|[.!?,])[^A-Za-z]*)forget it\b|\bend of (?:discussion|story|conversation)\b|\btalk to the hand\b|\bi have nothing (?:more |else )?to say\b|\bi'?m not (?:discussing|talking about|doing) this\b|\bnot doing this (?:again|with you|right now|now)\b|\bwe're done here\b|\bconversation over\b|\bi don't want to talk about it\b|\bleave me alone\b`,
  'gi',
);

export const stonewalling = harmonyRule((draft, emit) => {
  for (const { m, span, start, end } of matches(draft.sentences, STONEWALL, ['whatever', 'what you', 'care', 'done', 'forget it', 'end of', 'the hand', 'nothing', 'discussing', 'talking about', 'doing this', 'conversation over', 'talk about it', 'alone'])) {
    const lead = m[0].match(/^\s*/)?.[0].length ?? 0;
    if (/forget it/i.test(m[0]) && /\b(?:don't|never|won't|not|didn't)\s*$/i.test(span.text.slice(0, m.index))) continue;
    if (/don't care/i.test(m[0]) && (negatedBefore(span.text, m.index) || isPositive(span.text))) continue;
    // "...or I'm done" and "if you..., I'm done" are ultimatums (pressure.ts), not a shutdown.
    if (/done/i.test(m[0]) && /\b(?:or|if)\b[^.!?]*$/i.test(span.text.slice(0, m.index))) continue;
    const mild = /talk about it|leave me alone/i.test(m[0]);
    emit({ rule: 'stonewalling', severity: mild ? 'hint' : 'warn', start: start + lead, end });
  }
});

const MINIMISE = new RegExp(
  String.raw`\b${YOU_ARE} (?:so |way |totally |completely |just |really |being )*(?:overreacting|over-reacting|being (?:dramatic|hysterical|paranoid|ridiculous|silly|irrational|emotional|oversensitive|so sensitive|too sensitive|a baby|crazy)|(?:too|so|way too|overly|super) (?:sensitive|emotional|dramatic|touchy)|oversensitive|hysterical|making a (?:big )?(?:deal|fuss|scene)|blowing (?:this|it|things) (?:way )?out of proportion)|\bstop (?:being so (?:sensitive|emotional|dramatic|touchy)|overreacting|making (?:a big deal|this about you)|crying)\b|\b(?:it's|it is|its) not that deep\b|\bmaking a mountain out of a molehill\b|\bget over it\b|\b(?:it was|it's|its|it is) (?:just|only) a joke\b|\bcan't you take a joke\b|\blighten up\b|\bchill out\b|\bjust chill\b|\bdon't be so (?:sensitive|dramatic|emotional)\b|\bno need to (?:be so|get so) (?:upset|worked up|emotional|dramatic|angry)\b`,
  'gi',
);
// "Calm down" / "relax" said to the reader: at the start of a sentence or after "just",
// "you need to"...; not "calm down the sauce" or "things will calm down".
const CALM = /(?:^|(?<=\b(?:just|please|you need to|you have to|you should|you must|ok|okay|jeez|geez|god|omg|dude|wow|seriously|can you|could you|try to),?\s+))(?:calm down|relax|chill)\b(?!\s+(?:the|a|your|my|his|her|our|their|it|this|that|them|him|and|with|tonight|today|this|for|at|on|in|over))/gi;

export const minimising = harmonyRule((draft, emit) => {
  for (const { m, span, start, end } of matches(draft.sentences, MINIMISE, ['overreact', 'over-react', 'dramatic', 'hysterical', 'paranoid', 'ridiculous', 'silly', 'irrational', 'emotional', 'sensitive', 'baby', 'crazy', 'touchy', 'making a', 'blowing', 'stop', 'deep', 'molehill', 'get over', 'joke', 'lighten', 'chill', 'no need to'])) {
    // "I don't think you're overreacting" denies it; "it's not that deep" needs no such check.
    if (/^you|^ur\b|^u r\b/i.test(m[0]) && negatedBefore(span.text, m.index)) continue;
    emit({ rule: 'minimising', severity: 'warn', start, end });
  }
  for (const { m, span, start, end } of matches(draft.sentences, CALM, ['calm down', 'relax', 'chill'])) {
    const before = span.text.slice(0, m.index);
    // "I need to relax", "it helps me calm down": about the writer.
    if (/\b(?:i|me|i'll|i'm|we|help|helps|let|can't|to)\s+$/i.test(before) && !/you (?:need|have|should|must) to\s+$/i.test(before)) continue;
    emit({ rule: 'minimising', severity: 'warn', start, end });
  }
  // "It's not a big deal" is reassurance when it is about your own plans ("if you can't make it").
  for (const { m, span, start, end } of matches(draft.sentences, /\b(?:it's|it is|its|this is|that's) (?:not (?:a|that|such a) big (?:of a )?deal|no big deal)\b/gi, ['big'])) {
    if (/^\s*,?\s*(?:if|at all|honestly|don't worry|no worries|really|though|we can|i can|you can)/i.test(span.text.slice(m.index + m[0].length))) continue;
    if (/\b(?:don't worry|no worries|honestly|totally fine)\b/i.test(span.text)) continue;
    emit({ rule: 'minimising', severity: 'hint', start, end });
  }
});
