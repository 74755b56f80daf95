// One line on what the draft does well: a coach notices that too.
const GOOD: [RegExp, string][] = [
  [/\bi (?:feel|felt|was feeling|am feeling)\b|\bi'?m (?:feeling|hurt|worried|sad|frustrated|anxious|scared|disappointed|overwhelmed|struggling)\b|\bfor me,|\bit hurt me\b/i, 'you speak from your own side (an I-statement)'],
  [/\bthank(?:s| you)\b|\bi appreciate\b|\bgrateful\b|\bmeans a lot\b|\bso glad\b|\bproud of you\b/i, 'you show appreciation'],
  [/\b(?:i'?m sorry (?:i|that i|for)|my bad|that's on me|i was wrong|i should have|i shouldn't have)\b/i, 'you own your part'],
  [/(?:^|[.!?]\s+)(?:how|what|did|are|is|do|would|have|when|where)\b[^.!?]*\byou(?:r)?\b[^.!?]*\?/i, 'you ask a question that shows interest'],
  [/\b(?:can we|could we|shall we|how about|want to (?:talk|meet|call|grab)|let's (?:talk|call|meet|find))\b/i, 'you suggest a way forward'],
  [/\b(?:i (?:understand|hear you|get it|can see)|that sounds (?:hard|rough|stressful|awful|tough|exciting|great)|makes sense)\b/i, 'you show you understood them'],
];

export function strengths(masked: string, warned: boolean): string {
  const found = GOOD.filter(([re]) => re.test(masked)).map(([, say]) => say);
  if (found.length === 0) {
    return warned ? 'You are taking a second look before sending, which is the best habit of all.' : 'It reads clear and calm.';
  }
  const list = found.slice(0, 2).join(' and ');
  return `${list.charAt(0).toUpperCase()}${list.slice(1)}.`;
}
