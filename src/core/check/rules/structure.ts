// The shape of the draft: too many softeners, the request buried in a wall of text, and
// (with --reply-to) questions from the other message left unanswered.
import type { Span } from '../draft.js';
import { matches } from '../draft.js';
import { harmonyRule } from './plugin.js';

const HEDGES = /\b(?:just|maybe|perhaps|possibly|sort of|kind of|kinda|sorta|i think|i guess|i suppose|i feel like|a bit|a little|probably|might|i'm not sure|not sure if|if that's ok|if that's okay|if that makes sense|if it's not too much|sorry|no pressure|if you don't mind|i was wondering|wondering if|somewhat|hopefully|only if)\b/gi;

export const hedging = harmonyRule((draft, emit) => {
  for (const p of draft.paragraphs) {
    const found = [...matches([p], HEDGES)];
    const words = p.text.split(/\s+/).filter(Boolean).length;
    const sorry = found.filter((f) => /sorry/i.test(f.m[0])).length;
    if ((found.length >= 5 && found.length * 12 >= words) || sorry >= 3) {
      emit({ rule: 'hedging', severity: 'hint', start: found[0]!.start, end: found.at(-1)!.end });
    }
  }
});

const REQUEST = /\?|\b(?:can|could|would|will) you\b|\bplease\b|\blet me know\b|\bi need you to\b|\bdo you mind\b|\bwould it be possible\b|\b(?:can|could) we\b|\bwould you mind\b|\bi'd like you to\b|\bare you (?:able|free|around)\b/i;
const words = (s: string) => s.split(/\s+/).filter(Boolean).length;

export const buriedRequest = harmonyRule((draft, emit) => {
  const total = words(draft.masked);
  if (total < 120) return;
  // Outside English only a question mark can be read as a request.
  const isRequest = (s: Span) => (draft.english ? REQUEST.test(s.text) : /[?\uff1f]/.test(s.text));
  const first = draft.sentences.findIndex(isRequest);
  if (first < 2) return;
  const before = words(draft.masked.slice(0, draft.sentences[first]!.start));
  // Buried: behind at least 100 words and over half of the message, in a long paragraph.
  const longest = Math.max(...draft.paragraphs.map((p) => words(p.text)));
  if (before < 100 || before < total * 0.5 || longest < 80) return;
  const s = draft.sentences[first]!;
  const lead = s.text.search(/\S/);
  emit({ rule: 'buried-request', severity: 'hint', start: s.start + lead, end: s.start + s.text.trimEnd().length });
});

const STOP = new Set(
  ('the a an and or but to of in on at for with from is are was were be been am i you he she it we they me my your our ' +
    'this that these those not no do does did have has had will would can could should just so if what how why when where ' +
    'who which there here about all up out get got go going know like really too very one want need let us him her them ' +
    'as by any some anything something still also ever yet then than thing things think okay ok yeah hey hi please thanks ' +
    'again back more much many well good right sure time').split(' '),
);
const stem = (w: string) => w.toLowerCase().replace(/'s$/, '').replace(/(?:ing|ed|es|s)$/, '');
const keywords = (s: string) => (s.toLowerCase().match(/[a-z][a-z']{2,}/g) ?? []).filter((w) => !STOP.has(w)).map(stem);
const YES_NO = /^\s*(?:are|is|do|does|did|can|could|will|would|have|has|should|shall|was|were|am|any|want)\b/i;
const YES_NO_ANSWER = /\b(?:ok|okay|alright|fine|yes|yeah|yep|yup|no|nope|nah|sure|definitely|absolutely|of course|sadly|unfortunately|can't|cannot|won't|not this time|count me in|i'm in|i'll be there|sounds good)\b/i;

export const unanswered = harmonyRule((draft, emit) => {
  if (!draft.replyTo) return;
  const theirs = draft.replyTo.replace(/^[ \t]*>.*$/gm, '');
  const questions = (theirs.match(/[^.!?\n]*\?+/g) ?? []).map((q) => q.trim()).filter((q) => words(q) >= 3);
  const mine = new Set(keywords(draft.masked));
  const said = draft.masked.toLowerCase();
  let yesNoUsed = !YES_NO_ANSWER.test(draft.masked);
  for (const q of questions.slice(0, 20)) {
    const keys = keywords(q);
    if (keys.some((k) => mine.has(k) || (k.length >= 5 && said.includes(k)))) continue;
    if (YES_NO.test(q) && !yesNoUsed) {
      yesNoUsed = true; // one "yes" answers one yes/no question
      continue;
    }
    const end = draft.masked.trimEnd().length;
    emit({ rule: 'unanswered', severity: 'hint', start: end, end, quote: q, message: `They asked "${q.slice(0, 160)}" and your draft does not seem to answer it; the asker may feel unheard.` });
  }
});
