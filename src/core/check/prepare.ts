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
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const MENTION = /(^|[^\w@])@[A-Za-z0-9_][\w.-]{0,38}/g;
// Controls (not tab or line breaks), the byte-order mark, and the replacement character
// U+FFFD (invalid UTF-8 decoded): never words.
// eslint-disable-next-line no-control-regex
const JUNK = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufeff\ufffd]/g;

const blank = (s: string) => s.replace(/[^\n]/g, ' ');

export function maskDraft(text: string): string {
  let out = text.replace(JUNK, ' ');
  out = out.replace(FENCE, blank).replace(ATTRIBUTION, blank).replace(QUOTED, blank);
  out = out.replace(INLINE_CODE, blank).replace(URL, blank).replace(EMAIL, blank);
  out = out.replace(MENTION, (m, lead: string) => lead + blank(m.slice(lead.length)));
  // One apostrophe for every rule: ’ and ʼ become ' (same length).
  return out.replace(/[\u2019\u02bc\u2018]/g, "'");
}

// Short words that make up much of any English message. A draft of several words with few
// of these is probably in another language (checked per word, not per letter).
const ENGLISH = new Set(
  ('the a an and or but to of in on at for with from is are was were be been am i you he she it we they me my your ' +
    'oh wow great good bad another again now then still ever never always every some any other new old last next ' +
    'time day night week today tomorrow tonight plan plans sorry love see say said tell told make made take come ' +
    'back home work after before because than more most much many well sure fine thing things way people everyone ' +
    'whatever nothing something anything nobody everything why which who whom whose yours mine ours theirs ' +
    "our their this that these those not no do does did don't dont have has had will would can could should just so if " +
    "what how why when where who ok okay yes yeah hi hey thanks thank please i'm im it's its you're there here " +
    'about all up out get got go going know like really too very one want need let me us him her them as by').split(' '),
);

/** Whether the draft reads as English (short drafts are given the benefit of the doubt). */
export function looksEnglish(masked: string): boolean {
  const words = masked.toLowerCase().match(/[\p{L}']+/gu) ?? [];
  if (words.length < 4) return !/[^\p{Script=Latin}\P{L}]/u.test(masked);
  // A short draft in plain ASCII letters with at least one common English word is English.
  if (words.length < 10 && words.some((w) => ENGLISH.has(w)) && !/[^\x00-\x7f\u2019]/.test(masked.replace(/[^\p{L}]/gu, ''))) return true;
  let latin = 0;
  let known = 0;
  for (const w of words) {
    if (/^[a-z']+$/.test(w)) latin++;
    if (ENGLISH.has(w)) known++;
  }
  return latin / words.length >= 0.5 && known / words.length >= 0.12;
}
