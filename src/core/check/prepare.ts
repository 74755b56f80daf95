// Before any rule runs, the parts of a draft that are not the writer's own words are blanked
// out: quoted lines (`> ...`), code (fenced blocks and `inline`), URLs, e-mail addresses and
// @mentions. Each blanked character becomes a space (line breaks stay), so the copy has the
// same length and every offset found in it is an offset in the draft.

// Fenced code blocks first (they may contain anything), then quoted lines, then inline pieces.
const FENCE = /^[ \t]*(```|~~~)[^\n]*\n[\s\S]*?(?:^[ \t]*\1[^\n]*$|(?![\s\S]))/gm;
const QUOTED = /^[ \t]*>[^\n]*$/gm;
// "On Tue, Sam wrote:" above a quote is not the writer's wording either.
const ATTRIBUTION = /^[^\n]{0,120}\bwrote:[ \t]*$(?=\n[ \t]*>)/gm;
const INLINE_CODE = /`[^`\n]{1,200}`/g;
const URL = /\b(?:https?:\/\/|www\.)[^\s<>"')\]]+/gi;
// Anchored at the @ (a lookbehind-free scan from every letter was slow on 1 MB of text).
const EMAIL = /(?<![\w.+-])[\w.+-]{1,64}@[\w-]+(?:\.[\w-]+)+/g;
const MENTION = /(^|[^\w@])@[A-Za-z0-9_][\w.-]{0,38}/g;
// Controls (not tab or line breaks), the byte-order mark, and the replacement character
// U+FFFD (invalid UTF-8 decoded): never words.
// eslint-disable-next-line no-control-regex
const JUNK = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufeff\ufffd]/g;

const blank = (s: string) => s.replace(/[^\n]/g, ' ');

export function maskDraft(text: string): string {
  let out = text.replace(JUNK, ' ');
  out = out.replace(FENCE, blank).replace(ATTRIBUTION, blank).replace(QUOTED, blank);
  out = out.replace(INLINE_CODE, blank).replace(URL, blank);
  if (out.includes('@')) out = out.replace(EMAIL, blank);
  out = out.replace(MENTION, (m, lead: string) => lead + blank(m.slice(lead.length)));
  // One apostrophe for every rule: ’ and ʼ become ' (same length).
  return out.replace(/[\u2019\u02bc\u2018]/g, "'");
}

// Short words that make up much of any English message and are rare in other languages
// written in Latin letters ("no", "me", "in", "was" are left out: Spanish and German use them).
const ENGLISH = new Set(
  ('the and or but to of for with from is are were be been i you he she it we they my your our their this that these ' +
    "those not do does did don't dont have has had would can could should just if what how why when where who ok okay " +
    "yes yeah hi hey thanks thank please i'm im it's you're there here about all up out get got going know like really " +
    'too very one want need let him her them by oh wow great good bad another again now then still ever never always every ' +
    'some any other new old last next time day night week today tomorrow tonight plan plans sorry love see say said tell ' +
    'told make made take back home work after before because than more most much many well sure fine thing things way ' +
    'people everyone whatever nothing something anything nobody everything which whom whose yours mine ours theirs').split(' '),
);
// The same for the languages most often mistaken for English here.
const OTHER = new Set(
  ('que de el la los las y es por con para una muy pero como del al lo su sus está estás esto eso ' +
    'le les des et est je tu pas vous une pour avec mais dans sur qui ce cette sont ' +
    'der die das und ist nicht ich du mit sie ein eine auf aber auch wir ihr sich dem den zu ' +
    'che di il non sono per ma anche questo della uma não você é com mas muito isso ele ela').split(' '),
);

/** Whether the draft reads as English (short drafts are given the benefit of the doubt). */
export function looksEnglish(masked: string): boolean {
  const words = masked.toLowerCase().match(/[\p{L}']+/gu) ?? [];
  if (words.length < 4) return !/[^\p{Script=Latin}\P{L}]/u.test(masked) && !words.some((w) => OTHER.has(w) && !ENGLISH.has(w));
  let latin = 0;
  let english = 0;
  let other = 0;
  for (const w of words) {
    if (/^[a-z']+$/.test(w)) latin++;
    if (ENGLISH.has(w)) english++;
    else if (OTHER.has(w)) other++;
  }
  if (latin / words.length < 0.5 || english < other) return false;
  // A short draft needs one English word; a longer one a fair share of them.
  return words.length < 10 ? english >= 1 : english / words.length >= 0.12;
}
