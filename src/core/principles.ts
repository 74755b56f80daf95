// The five principles: stable ids used in commands, files and stored data.
export const PRINCIPLES = [
  { id: 'attention', number: 1, title: 'Time and Attention Allocation' },
  { id: 'communication', number: 2, title: 'Quality Communication' },
  { id: 'wellbeing', number: 3, title: 'Caring for Psychological Well-being' },
  { id: 'trust', number: 4, title: 'Building Trust and Confidence' },
  { id: 'intimacy', number: 5, title: 'Nurturing Emotional Intimacy' },
] as const;

export type PrincipleId = (typeof PRINCIPLES)[number]['id'];
export const PRINCIPLE_IDS: readonly PrincipleId[] = PRINCIPLES.map((p) => p.id);

export function isPrincipleId(value: unknown): value is PrincipleId {
  return typeof value === 'string' && (PRINCIPLE_IDS as readonly string[]).includes(value);
}

/** Resolves an id, a number (1-5) or a unique prefix; null when nothing or several match. */
export function resolvePrincipleId(input: string): PrincipleId | null {
  const text = input.trim().toLowerCase();
  if (text === '') return null;
  const byNumber = PRINCIPLES.find((p) => String(p.number) === text);
  if (byNumber) return byNumber.id;
  if (isPrincipleId(text)) return text;
  const matches = PRINCIPLE_IDS.filter((id) => id.startsWith(text));
  return matches.length === 1 ? matches[0]! : null;
}

export function principleTitle(id: PrincipleId): string {
  return PRINCIPLES.find((p) => p.id === id)!.title;
}
