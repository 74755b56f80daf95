// The coaching behind each rule: what a reader may hear, why, where the lesson covers it, and a
// rewrite to start from (a rule may offer a closer one for the passage it found). Written in
// our own words; each `section` is a heading of that principle's lesson (a test checks).
import type { PrincipleId } from '../principles.js';
import type { RuleId } from './types.js';

export interface Note {
  hear: string;
  why: string;
  principle: PrincipleId;
  section: string;
  fix: string;
}

const TEXT = 'Why text needs extra care';
const SAFE = 'Making the conversation emotionally safe';
const SPEAK = 'A space where both people can speak';
const LISTEN = 'Listening when you cannot hear';
const REPLY = 'Reply thoughtfully, not just quickly';

export const NOTES: Record<RuleId, Note> = {
  'curt-reply': {
    hear: 'A one-word reply can land as "I am annoyed" or "I am not interested", even when you meant "all good".',
    why: 'Text carries no voice or face, so a very short answer is read in whatever mood the reader is in.',
    principle: 'communication', section: TEXT,
    fix: 'Okay, that works for me. Thanks for sorting it out!',
  },
  shouting: {
    hear: 'Whole words in capitals read as raised voice, so the reader may hear anger before the point.',
    why: 'Online, capitals are the usual way to show shouting; the words behind them get lost.',
    principle: 'communication', section: TEXT,
    fix: 'Write it in normal case and name the feeling instead: "I am really frustrated about this."',
  },
  punctuation: {
    hear: 'Stacked "???" or "!!!" can sound impatient or alarmed, like a raised eyebrow or a raised voice.',
    why: 'Marks pile up when we are keyed up, and the reader feels that pressure without knowing why.',
    principle: 'communication', section: TEXT,
    fix: 'One question mark is enough. If it is urgent, say so plainly: "Could you let me know by six?"',
  },
  sarcasm: {
    hear: 'Sarcasm needs a tone of voice; in writing it often reads as a sincere jab or as contempt.',
    why: 'The reader cannot hear the wink, and people tend to assume the harsher meaning of a written line.',
    principle: 'communication', section: REPLY,
    fix: 'Say the real thing: "Honestly, this is frustrating. I was counting on it going differently."',
  },
  'tone-tag': {
    hear: 'Tone tags like /s or /j are clear in chat and fandom spaces, but in an e-mail many readers will not know them.',
    why: 'A tag only works when both people share the convention.',
    principle: 'communication', section: TEXT,
    fix: 'Spell the tone out: "(I am joking, of course.)"',
  },
  absolutes: {
    hear: '"You always" and "you never" turn one moment into a verdict on the whole person, and invite a counter-list.',
    why: 'Absolutes are rarely literally true, so the reader argues with the word instead of hearing the hurt.',
    principle: 'wellbeing', section: SAFE,
    fix: 'Name the one time and how it felt: "Last night you were on your phone while I talked, and I felt ignored."',
  },
  'character-attack': {
    hear: 'Labelling who someone is ("selfish", "lazy") feels like an attack on them, not a complaint about an action.',
    why: 'A person can change what they did; they cannot easily change what they are told they are, so they defend instead.',
    principle: 'wellbeing', section: SAFE,
    fix: 'Describe the action and its effect: "When the plan changed without a message, I was left waiting."',
  },
  contempt: {
    hear: 'Insults and mockery tell the reader you look down on them. Of all the signals in a conflict, this one wounds most.',
    why: 'Contempt makes it unsafe to keep talking; it is the hardest message to take back once sent.',
    principle: 'wellbeing', section: SAFE,
    fix: 'Wait ten minutes, then say what you need: "I am angry about this and I want us to sort it out."',
  },
  defensiveness: {
    hear: 'Answering a complaint by pushing it back can sound like "your feelings are your problem".',
    why: 'When both people defend, nobody is listening; a small share of ownership lowers the heat.',
    principle: 'intimacy', section: SPEAK,
    fix: 'Own your part first: "You are right that I forgot to text. I can see why that was upsetting."',
  },
  'non-apology': {
    hear: '"Sorry you feel that way" apologises for the other person\'s reaction, not for anything you did.',
    why: 'People can tell a real apology from a polite exit, and a hollow one costs more trust than none.',
    principle: 'trust', section: 'Reliability, transparency and keeping your word',
    fix: 'Name what you did and what you will do: "I am sorry I cancelled so late. Next time I will tell you as soon as I know."',
  },
  stonewalling: {
    hear: 'Shutting the conversation down ("whatever", "I\'m done") can feel like being left alone mid-sentence.',
    why: 'Needing a break is fine; disappearing without saying so reads as not caring. (If you are setting a boundary with someone who will not respect it, being firm is right.)',
    principle: 'communication', section: REPLY,
    fix: 'Ask for time instead: "I am too upset to talk well right now. Can we pick this up tonight?"',
  },
  minimising: {
    hear: '"Calm down" or "you\'re overreacting" tells the reader their feelings are the problem, which usually makes them stronger.',
    why: 'People settle when they feel understood, not when they are told how much to feel.',
    principle: 'intimacy', section: 'Validating before solving',
    fix: 'Reflect the feeling first: "That sounds really stressful. What would help right now?"',
  },
  'passive-aggressive': {
    hear: 'Stock phrases like "per my last message" or "no offense, but" are widely read as polite-sounding irritation.',
    why: 'The reader hears the edge under the politeness and answers that instead of your point.',
    principle: 'communication', section: REPLY,
    fix: 'Say it plainly and kindly: "Just to make sure we are on the same page: the deadline is Friday."',
  },
  blame: {
    hear: 'Putting the cause of your feelings on the reader ("you made me") makes them defend instead of listen.',
    why: 'An I-statement ("I felt...") shares the same hurt without a charge to answer.',
    principle: 'intimacy', section: SPEAK,
    fix: 'Start from yourself: "I felt embarrassed when that came up in front of everyone."',
  },
  'why-accusation': {
    hear: '"Why didn\'t you...?" often reads as a charge, not a question, so the answer you get is an excuse.',
    why: 'A why-question about a lapse asks the reader to justify themselves.',
    principle: 'communication', section: LISTEN,
    fix: 'Say what you noticed and ask openly: "I did not hear back about Friday. What happened?"',
  },
  ultimatum: {
    hear: 'An ultimatum turns a request into a threat, and the reader may hear the relationship itself is on the line.',
    why: 'Threats get compliance or a fight, rarely understanding. (A clear boundary with someone unsafe is different: keep it.)',
    principle: 'wellbeing', section: SAFE,
    fix: 'Say what you need and why it matters: "I need us to agree on the rent by Sunday; it is keeping me up at night."',
  },
  'mind-reading': {
    hear: 'Telling someone what they think or feel ("you obviously don\'t care") leaves them nothing to say but "that\'s not true".',
    why: 'You can know how something looked to you, not what was in the other person\'s head.',
    principle: 'communication', section: 'Empathy and real interest',
    fix: 'Say how it looked and ask: "When you did not reply, it felt like you did not care. Is something going on?"',
  },
  profanity: {
    hear: 'Swearing at someone reads as an attack; even swearing near them can raise the temperature of a message.',
    why: 'Among friends it may be normal; in a tense moment or with someone you know less well it lands harder in writing.',
    principle: 'communication', section: TEXT,
    fix: 'Say how strongly you feel without the swear word: "I am really angry about this."',
  },
  insensitive: {
    hear: 'This word can hurt people it describes, even when you meant it casually.',
    why: 'Words about illness, disability, gender or origin carry history the reader may feel personally.',
    principle: 'wellbeing', section: 'Sharing with care',
    fix: 'Use a plainer word for what you mean (for example "wild" or "unfair" instead of "crazy").',
  },
  hedging: {
    hear: 'So many softeners ("just", "maybe", "sorry") can bury what you actually want, or sound unsure of your right to ask.',
    why: 'A little softening is kind; a lot makes the reader work to find the point.',
    principle: 'communication', section: REPLY,
    fix: 'Keep one softener and say the ask directly: "Could you send the photos by Sunday? Thanks!"',
  },
  'buried-request': {
    hear: 'In a long block of text, the one thing you need sits near the end, where a busy reader may never reach it.',
    why: 'People skim long messages on a phone; the first lines decide what they answer.',
    principle: 'communication', section: 'Common pitfalls',
    fix: 'Put the ask in the first line, then the background, with a blank line between parts.',
  },
  unanswered: {
    hear: 'The message you are answering asked something your draft does not seem to answer; the asker may feel unheard.',
    why: 'Answering every question is the simplest proof that you read the whole message.',
    principle: 'communication', section: LISTEN,
    fix: 'Add a line answering it, even if the answer is "not sure yet, I will tell you by Friday".',
  },
};
