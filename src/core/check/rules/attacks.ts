// Criticism aimed at the person: absolutes, character labels, contempt, mind-reading, blame.
import { matches } from '../draft.js';
import { isNegative, isPositive } from '../sentiment.js';
import { clauseAfter, harmonyRule, negatedBefore, YOU_ARE } from './plugin.js';

const ABSOLUTE = /\b(?:you(?:'re| are)? (?:always|never|constantly|forever|keep)\b|every (?:single )?time you\b|you (?:do|did) this every (?:single )?time)/gi;
// "You never fail to make me smile": the absolute is praise.
const PRAISE_AFTER = /^\w+(?:'re| are)? (?:never|always) (?:fail|cease|disappoint|let (?:me|us) down|have to|need to|stop (?:amazing|surprising|making|being)|(?:make|made|know|knew|find|found|bring|brought) (?:me|us|the|a|how|what|just)|manage to (?:make|cheer)|look (?:good|great|amazing)|get it right|come through|show up for)/i;
const NEUTRAL_NEVER = /^\w+(?:'re| are)? never (?:told|mentioned|said|asked|know|knew)\b/i;

export const absolutes = harmonyRule((draft, emit) => {
  for (const { m, span, start } of matches(draft.sentences, ABSOLUTE, ['always', 'never', 'constantly', 'forever', 'keep', 'every'])) {
    const clause = clauseAfter(span.text, m.index);
    if (PRAISE_AFTER.test(clause) || isPositive(clause)) continue;
    const never = /never/i.test(m[0]);
    // A plain fact ("you never told me you played piano!") needs a negative turn to count.
    if (never && NEUTRAL_NEVER.test(clause) && !isNegative(clause)) continue;
    emit({ rule: 'absolutes', severity: 'warn', start, end: start + clause.trimEnd().length });
  }
});

const TRAITS =
  'selfish|lazy|inconsiderate|immature|childish|useless|irresponsible|unreliable|heartless|manipulative|toxic|narcissistic|a narcissist|a liar|a hypocrite|hypocritical|a failure|petty|self-centred|self-centered|self-absorbed|spoiled|spoilt|arrogant|rude|disrespectful|ungrateful|careless|thoughtless|controlling|needy|clingy|flaky|fake|two-faced|cheap|stingy|greedy|mean|cruel|nasty|cold|uncaring|unbearable|impossible|insufferable|entitled|a slob|a mess|a coward|cowardly|spineless|a terrible \w+|a horrible \w+|an awful \w+|the worst \w+|a bad (?:friend|partner|mother|father|mom|mum|dad|sister|brother|listener|boyfriend|girlfriend|husband|wife|roommate|flatmate)|such a \w+ (?:person|friend|partner)';
const TRAIT_GATE = [...TRAITS.replace(/\\w\+|\(\?:|\)/g, '').split('|').map((t) => t.trim().split(' ').at(-1)!).filter((w) => w.length > 2), 'terrible', 'horrible', 'awful', 'worst', 'bad', 'typical', 'what kind', 'just like your'];
const CHARACTER = new RegExp(
  String.raw`\b${YOU_ARE} (?:so |such |really |just |being |being so |truly |seriously |honestly |literally |actually |a |an |the most |an? (?:complete|total|absolute|real) |always so |always |never not |incredibly |unbelievably |genuinely |very |completely |totally |utterly |absolutely |quite |pretty |kind of |kinda |sometimes |often |such an? )*(?:${TRAITS})\b|\bwhat kind of (?:person|friend|partner|mother|father|parent|human being|boyfriend|girlfriend|husband|wife|son|daughter) (?:are you|does that|would do that|says that|\w+s (?:their|his|her|your|my))|\b(?:that's|thats|that is|how) (?:so )?typical (?:of you|you)|\btypical you\b|\byou're just like your (?:mother|father|mom|mum|dad|ex)`,
  'gi',
);

export const characterAttack = harmonyRule((draft, emit) => {
  for (const { m, span, start, end } of matches(draft.sentences, CHARACTER, TRAIT_GATE)) {
    if (negatedBefore(span.text, m.index)) continue;
    emit({ rule: 'character-attack', severity: 'warn', start, end });
  }
});

const INSULTS = 'idiot|moron|clueless|pathetic|stupid|dumb|a joke|a loser|loser|a clown|an imbecile|brainless|dense|incompetent|worthless|a disgrace|an embarrassment|a dumbass|dumbass|a halfwit|a dimwit|an airhead|ridiculous|delusional|a waste of \w+|beyond help|hopeless';
const CONTEMPT_GATE = [...INSULTS.replace(/\\w\+/g, '').split('|').map((t) => t.trim().split(' ').at(-1)!).filter((w) => w.length > 2), 'wrong with you', 'are you', 'you ', 'grow up', 'get a life', 'get over yourself', 'cry me', 'boo', 'boomer', 'cares', 'who asked', 'cope', 'imagine', 'lol', 'lmao', 'eye', 'roll', 'waste', 'help'];
const CONTEMPT = new RegExp(
  String.raw`\b(?:${YOU_ARE}|you (?:really|truly|honestly|actually|seriously|clearly|obviously) are) (?:so |such |really |just |truly |seriously |literally |actually |a |an |the most |an? (?:complete|total|absolute|real|utter) |being |this |that |incredibly |unbelievably |genuinely |honestly |completely |totally |utterly )*(?:${INSULTS})\b|\byou (?:idiot|moron|clown|loser|imbecile|fool|absolute \w+|dumbass|halfwit)\b|\bwhat(?:'s| is| the (?:hell|heck|fuck) is) wrong with you\b|\bare you (?:stupid|dumb|an idiot|blind|incapable|deaf|illiterate|brain ?dead)\b|\b(?:grow up|get a life|get over yourself|cry me a river|boo[ -]?hoo|ok,? boomer|nobody cares|no one cares|who asked|cope harder|imagine being this)\b|(?:^|\s)(?:lol|lmao),? ok\b|\*(?:eye ?roll|rolls eyes)\*|\beye ?roll\b`,
  'gi',
);
const EYE_ROLL = /\u{1f644}|\u{1f612}|\u{1f921}/gu;

export const contempt = harmonyRule((draft, emit) => {
  for (const { m, span, start, end } of matches(draft.sentences, CONTEMPT, CONTEMPT_GATE)) {
    if (negatedBefore(span.text, m.index)) continue;
    emit({ rule: 'contempt', severity: 'warn', start, end });
  }
  // An eye-roll or clown emoji aimed at the reader (in a sentence that talks to them).
  for (const { span, start, end } of matches(draft.sentences, EYE_ROLL, ['\u{1f644}', '\u{1f612}', '\u{1f921}'])) {
    if (/\b(?:you|your|u|ur)\b/i.test(span.text)) emit({ rule: 'contempt', severity: 'warn', start, end });
  }
});

const MIND = new RegExp(
  String.raw`\b(?:you (?:obviously|clearly|evidently) (?:don't|do not|dont|never|only|just|want|think|care|prefer|hate|couldn't)|obviously you (?:don't|dont|never|only|just)|clearly you (?:don't|dont|never|only|just)|you don't (?:even )?care (?:about|at all)|you don't even care|you (?:only|just) care about|you (?:just|only) want(?:ed)? to|${YOU_ARE} (?:just|only) (?:trying|doing this|saying that|pretending)|you must think (?:i'm|i am)|you think (?:i'm|i am) (?:stupid|an idiot|dumb|blind|a fool)|you think you're (?:better|so)|you (?:couldn't|could not) care less|(?:not that|like|as if) you (?:care|cared)|you (?:did|do|said) (?:it|that|this) on purpose|${YOU_ARE} doing (?:it|this|that) on purpose|you want me to (?:fail|look bad|look like|feel bad|feel guilty|suffer|be the bad)|i know you (?:don't|do not|dont) (?:care|love|respect|want me|give a)|you never (?:wanted|cared|loved)|deep down you)`,
  'gi',
);

export const mindReading = harmonyRule((draft, emit) => {
  for (const { m, span, start, end } of matches(draft.sentences, MIND, ['obviously', 'clearly', 'evidently', 'care', 'only', 'just', 'must think', 'think', 'purpose', 'want me to', 'i know you', 'never wanted', 'never loved', 'deep down'])) {
    if (negatedBefore(span.text, m.index) && !/^(?:not that|like|as if)/i.test(m[0])) continue;
    const rest = clauseAfter(span.text, m.index);
    emit({ rule: 'mind-reading', severity: 'warn', start, end: Math.max(end, start + rest.trimEnd().length) });
  }
});

const BLAME = /\b(?:you made me (?:feel|do|so|really|look|cry|wait|miss|lose|late|angry|mad|upset|sad)|because of you\b|(?:this|it|that|everything)(?:'s| is| was) (?:all |entirely |totally )?your fault|your fault\b|you (?:ruined|wrecked|destroyed|spoiled) |you've (?:ruined|wrecked|destroyed)|you're the reason|you are the reason|look (?:at )?what you(?:'ve| have)? (?:did|done|made)|you did this\b|thanks to you\b(?=[^.!?]*(?:ruin|late|miss|lost|wreck|mess|fail|now|again))|you caused (?:this|all)|you're to blame|you are to blame)/gi;
const I_STATEMENT = /\bi (?:feel|felt|am feeling|was feeling|get (?:anxious|upset|hurt|worried|sad|frustrated|lonely)|need|needed|would like|'d like|would love|'d love|would appreciate|'d appreciate|miss(?:ed)? )|\bi'?m (?:feeling|hurt|upset|worried|sad|frustrated|angry|anxious|scared|disappointed|overwhelmed|struggling|exhausted|confused)\b|\bfor me\b|\bit hurt(?:s)? (?:me|when)\b/i;

export const blame = harmonyRule((draft, emit) => {
  const owned = I_STATEMENT.test(draft.masked);
  for (const { m, span, start, end } of matches(draft.sentences, BLAME, ['made me', 'because of you', 'fault', 'ruin', 'wreck', 'destroy', 'spoil', 'reason', 'look', 'did this', 'thanks to you', 'caused', 'to blame'])) {
    if (negatedBefore(span.text, m.index)) continue;
    // "You made me so happy": credit, not blame.
    if (/^you made me/i.test(m[0]) && isPositive(clauseAfter(span.text, m.index))) continue;
    // "Is it my fault or your fault?" or "not your fault": not a charge.
    if (/^your fault/i.test(m[0]) && /\b(?:not|isn't|wasn't|never|no one's|nobody's|or)\b[^.!?]{0,20}$/i.test(span.text.slice(0, m.index))) continue;
    if (/^your fault/i.test(m[0]) && !/\b(?:is|was|'s|all|totally|entirely|completely|it's|its)\s*$/i.test(span.text.slice(0, m.index))) continue;
    emit({ rule: 'blame', severity: owned ? 'hint' : 'warn', start, end: end + (span.text.slice(m.index + m[0].length).match(/^[\w' ]{0,30}?(?=[,.;!?]|$)/)?.[0].length ?? 0) });
  }
});
