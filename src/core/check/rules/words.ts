// Profanity (retext-profanities, on cuss) and insensitive terms (retext-equality), turned into
// our findings. Both libraries flag generously for documentation; a message to a person
// needs fewer false alarms, so only the terms listed here count, and profanity is a warn only
// when it is aimed at the reader.
import type { VFile } from 'vfile';
import type { Draft } from '../draft.js';
import type { Flag } from '../draft.js';

/** Words cuss rates as possibly profane that are ordinary in messages, or that another rule
 * judges better (insults are contempt, slurs are insensitive terms). */
export const PROFANITY_IGNORE = [
  'sex', 'god', 'jesus', 'drunk', 'balls', 'babe', 'rape', 'horny', 'cock', 'cocks', 'shag', 'hooker', 'hookers', 'idiot', 'idiots',
  'stupid', 'dumb', 'moron', 'morons', 'loser', 'losers', 'retard', 'retards', 'suck', 'sucks', 'screw', 'screws', 'homo', 'fag',
  'cum', 'virgin', 'dope', 'chug', 'bong', 'barf', 'booty', 'chunky', 'beanbag', 'cocky', 'commie', 'chav', 'crack', 'pawn', 'dink',
  'pot', 'weed', 'gypped', 'gyp', 'nip', 'fat', 'butt', 'blow', 'kill', 'execute', 'escort', 'gay', 'lesbian', 'queer', 'pussy', 'beaver', 'dick',
];
/** The phrases behind EQUALITY_RULES, less EQUALITY_IGNORE (tests/check/words.test.ts keeps
 * them in step with retext-equality): only sentences holding one are handed to the plugin. */
export const EQUALITY_PHRASES = (
  'afflicted with psychosis|batshit|bedlam|bound to a wheelchair|commit suicide|committed suicide|complete suicide|completed suicide|confined to a wheelchair|contard|cretin|cripple|crippled|deaf and dumb|deafmute|demented|dyke|eskimo|eskimos|fag|faggot|fucktard|gimp|gipsy|goy|goyim|goyum|gyp|gyppo|gypsy|hare lip|harelip|heshe|homo|hymie|indian give|indian giver|japs|libtard|loony|loony bin|lunatic|madhouse|maniac|mental case|mental defective|midget|mongoloid|moron|moronic|neurotic|ocd|oriental|orientals|pocahontas|psycho|psychotic|red indian|red indians|redskin|redskins|restricted to a wheelchair|retard|retarded|retards|schizo|schizophrenic|senile|she male|shehe|shemale|shlomo|short bus|shyster|sociopath|sodomite|spastic|spaz|successful suicide|suffering from psychosis|suffers from psychosis|towel heads|tranny|transgendered|transgenders|vertically challenged|victim of psychosis|wacko|whacko|wheelchair bound'
).split('|');

/** Insensitive terms (retext-equality rule ids) worth a hint in a personal message. */
export const EQUALITY_RULES = new Set([
  'fag', 'gyp', 'hymie', 'japs', 'libtard', 'retard', 'retards', 'spaz', 'spastic', 'tranny', 'heshe', 'mongoloid', 'redskin',
  'redskins', 'towel-heads', 'schizo', 'psychotic', 'ocd', 'cretin', 'gimp', 'sociopath', 'indian-give', 'eskimo', 'eskimos',
  'oriental', 'orientals', 'dwarf', 'deafmute', 'goy', 'transgendered', 'transgenders', 'wheelchair-bound', 'nuts', 'maniac',
  'senile', 'wacko', 'commit-suicide', 'committed-suicide', 'harelip', 'bedlam', 'savage',
]);
// Casual intensifiers the equality "nuts" and "wacko" patterns include; kept out (a hint on
// "crazy good pizza" would teach the user to ignore the tool).
export const EQUALITY_IGNORE = ['crazy', 'insane', 'insanely', 'insanity', 'delirious', 'mental', 'mentally ill', 'psychopathology', 'lunacy', 'nuts', 'stupid', 'savage', 'primitive', 'stone age', 'simpleton', 'low iq', 'dwarf', 'small person'];

const AIMED = /\b(?:(?:fuck|damn|bugger|sod|piss on) (?:you|u|ya|yourself|off)|go fuck|(?:piss|fuck|bugger|sod) off|you(?:'re| are)?(?: a| an| such a| such an| so| the| fucking| freaking| stupid| little| absolute| complete| total| lazy| useless| piece of)* \*?WORD|your (?:\w+ )?WORD|WORD you\b|shut (?:the fuck|the hell|your \w+) up|kiss my)/i;
// Said to the reader, though cuss rates the words as mild or innocent (screw a shelf, hell yes).
export const AIMED_EXTRA = /\b(?:screw (?:you|u|off|yourself)|go to hell|to hell with you|damn you)\b/gi;

// Compounds and spellings cuss does not list ("shitshow", "fuckwit").
export const PROFANE_STEMS = /\b[a-z]*(?:fuck|shit|cunt|bitch|asshole|dickhead|bastard|wanker|bollocks)[a-z]*\b/gi;
// Terms retext-equality misses in these forms.
export const INSENSITIVE_EXTRA = /\b(?:gypped|gyped|jewed|wheelchair[- ]bound|confined to a wheelchair|spazzing|spazzed|retarded)\b/gi;

export function aimedAt(sentence: string, word: string): boolean {
  return new RegExp(AIMED.source.replace(/WORD/g, word.replace(/[^\w]/g, '\\$&')), 'i').test(sentence);
}

export function profanityFlag(message: VFile['messages'][number], draft: Draft, sentenceAt: (offset: number) => { text: string; start: number } | undefined): Flag | null {
  const start = message.place && 'start' in message.place ? message.place.start.offset : undefined;
  const end = message.place && 'end' in message.place ? message.place.end.offset : undefined;
  if (start === undefined || end === undefined) return null;
  const word = draft.masked.slice(start, end);
  const sentence = sentenceAt(start);
  const aimed = sentence ? aimedAt(sentence.text, word) : false;
  return { rule: 'profanity', severity: aimed ? 'warn' : 'hint', start, end };
}
