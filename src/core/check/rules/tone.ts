// How the draft sounds before any word is read: curt replies, capitals, stacked marks,
// sarcasm and tone tags.
import { isNegative, isPositive } from '../sentiment.js';
import { matches } from '../draft.js';
import { harmonyRule } from './plugin.js';

const CURT = /^\s*(?:k+\.?|kk\.?|ok\.|okay\.|fine\.?|sure\.|noted\.?|cool\.|great\.|right\.|whatever\.?|yep\.|np\.|ok fine\.?|fine then\.?)\s*$/i;
const SHORT_OK = /^\s*(?:ok|okay|sure|yes|no|fine|k|cool|noted|yep|nope)[.!]?\s*$/i;

export const curtReply = harmonyRule((draft, emit) => {
  const text = draft.masked;
  const long = (draft.replyTo ?? '').split(/\s+/).filter(Boolean).length >= 40;
  if (CURT.test(text) || (long && SHORT_OK.test(text))) {
    const start = text.search(/\S/);
    emit({ rule: 'curt-reply', severity: 'hint', start, end: text.trimEnd().length });
  }
});

// Known all-capital words that are not shouting.
const ACRONYMS = new Set(
  ('ASAP FYI FWIW IMO IMHO TBH LOL LMAO OMG BRB BTW IDK ETA EOD EOW ETA OOO PTO WFH USA UK EU UN NASA NHS HR IT PR QA CEO CFO CTO ' +
    'PDF PNG JPG GIF URL HTML CSS API SQL JSON XML USB HDMI TV DVD CD PC ATM ID PIN SIM SMS DM DMS PM AM GPS DIY FAQ RSVP ' +
    'TLDR TL DR NYC LA SF DC NFL NBA FIFA BBC CNN MRI ER ICU GP DJ MC PS PPS OK OKAY TIA NB AKA RIP ADHD AI VR PhD MBA BA ' +
    'MSC BSC GCSE SAT ACT GPA UCLA MIT NYU IKEA LEGO KFC BMW VW UPS DHL FEDEX IRS VAT GDPR CV').split(' '),
);
const CAPS_RUN = /\b[A-Z][A-Z']*[A-Z](?:[\s,.!?&-]+(?:I|A|[A-Z][A-Z']*[A-Z]))*\b/g;

export const shouting = harmonyRule((draft, emit) => {
  if (!/[A-Z][A-Z]/.test(draft.masked)) return; // no capitals in a row: skip the big pattern
  for (const { m, span, start, end } of matches(draft.paragraphs, CAPS_RUN)) {
    const all = m[0].split(/[^A-Za-z']+/).filter((w) => w.length >= 2 && !ACRONYMS.has(w.replace(/'S$/, '')));
    const words = all.filter((w) => w.length >= 3);
    const letters = words.join('').length;
    if (words.length < 2 || letters < 8) continue;
    // Celebration in capitals ("HAPPY BIRTHDAY") is not shouting at anyone.
    const sentenceEnd = span.text.slice(m.index).search(/[.!?\n]|$/);
    const around = span.text.slice(m.index, m.index + sentenceEnd + m[0].length);
    if ((isPositive(m[0].toLowerCase()) || draft.warm) && !isNegative(around.toLowerCase())) continue;
    const severity = all.length >= 3 || isNegative(around.toLowerCase()) ? 'warn' : 'hint';
    emit({ rule: 'shouting', severity, start, end, suggestion: `Write "${m[0].toLowerCase()}" in normal case, and name the feeling if it matters: "I am really frustrated about this."` });
  }
});

const MARKS = /(?:\?{2,}|!{3,}|\?!|!\?)[!?]*/g;

export const punctuation = harmonyRule((draft, emit) => {
  for (const { m, span, start, end } of matches(draft.sentences, MARKS, ['??', '!!!', '?!', '!?'])) {
    // "Congratulations!!!" is excitement, not pressure.
    const before = span.text.slice(0, m.index);
    if (!m[0].includes('?') && (isPositive(before) || draft.warm) && ![...matches([span], SARCASM, SARCASM_GATE)].length) continue;
    emit({ rule: 'punctuation', severity: 'hint', start, end });
  }
});

const SARCASM = new RegExp(
  String.raw`\b(?:oh,? (?:great|wonderful|perfect|fantastic|joy|lovely|brilliant|sure)\b(?! news| to hear| idea[!.]| job| work| pic| photo)|just what i (?:needed|wanted)(?! to hear)|yeah,? right\b|thanks for nothing|thanks a lot\b(?= *[.!]* *$| for nothing| for ruining| for wasting)|must be nice\b|big surprise|what a surprise|color me surprised|colour me surprised|(?:real|very|so) mature\b|nice going\b|slow clap|wow,? thanks\b(?= *[.!]* *$| for nothing| a lot)|love that for me|clearly you know best|sure you did\b|sure,? jan\b|because that worked so well|that went well,? didn't it|nice of you to (?:finally|show up|join us|remember)|thanks for finally|glad you could finally|how (?:nice|kind|thoughtful) of you to (?:finally|remember|show up)|as if i(?:'d| would) believe|(?:great|nice|good) (?:job|one|work),? (?:genius|einstein|sherlock)\b)`,
  'gi',
);
const SARCASM_GATE = ['oh', 'just what', 'yeah', 'thanks', 'must be nice', 'surprise', 'mature', 'nice going', 'slow clap', 'wow', 'love that', 'know best', 'sure', 'because that', 'went well', 'nice of you', 'glad you', 'how nice', 'how kind', 'how thoughtful', 'as if', 'genius', 'einstein', 'sherlock'];
const TONE_TAG = /(?:^|\s)\/(?:s|j|srs|hj|lh|gen|nm|pos|neg|sarc|nsrs|rh)\b/gi;
const EMAIL_OPEN = /^\s*(?:hi|hello|dear|good (?:morning|afternoon|evening))\b[^\n]{0,40},?\s*\n/i;
const EMAIL_CLOSE = /\n\s*(?:best|best wishes|kind regards|regards|warm regards|many thanks|thanks|cheers|sincerely|all the best|warmly|yours)[,.!]?\s*\n+\s*[^\n]{1,40}\s*$/i;

export const sarcasm = harmonyRule((draft, emit) => {
  const tagged = TONE_TAG.test(draft.masked);
  TONE_TAG.lastIndex = 0;
  if (!tagged) {
    for (const { start, end } of matches(draft.sentences, SARCASM, SARCASM_GATE)) emit({ rule: 'sarcasm', severity: 'warn', start, end });
    return;
  }
  // The writer said it is a joke or sarcasm, so no sarcasm note; but in an e-mail the tag
  // itself may not be understood.
  if (!EMAIL_OPEN.test(draft.masked) && !EMAIL_CLOSE.test(draft.masked)) return;
  for (const m of draft.masked.matchAll(TONE_TAG)) {
    const start = m.index + m[0].indexOf('/');
    emit({ rule: 'tone-tag', severity: 'hint', start, end: m.index + m[0].length });
  }
});
