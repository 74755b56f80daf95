// The coaching parts of an entry (today's practice, what was followed up) as labelled text,
// one source for the terminal views and the markdown export. Text and notes come from the
// stored entry (an imported file can hold anything), so each caller makes both safe for where
// they go (safeText, or markdown escaping); labels are ours.
import { FOLLOW_UP_LABELS, type Entry } from './entry.js';

export interface EntryPart {
  label: string;
  text: string;
  /** What the user wrote, if anything. */
  note?: string;
}

/** The date an entry id starts with (ids are YYYYMMDD-xxxx). */
export const dateOfId = (id: string) => `${id.slice(0, 4)}-${id.slice(4, 6)}-${id.slice(6, 8)}`;

export function entryParts(e: Entry): EntryPart[] {
  const parts: EntryPart[] = [];
  if (e.followUp) {
    const f = e.followUp;
    const how = [f.intention ? `intention ${FOLLOW_UP_LABELS[f.intention]}` : '', f.practice ? `practice ${FOLLOW_UP_LABELS[f.practice]}` : ''].filter(Boolean);
    parts.push({ label: `Followed up ${dateOfId(f.entryId)}`, text: how.join(' · ') || 'answered', note: f.note });
  }
  if (e.practice) {
    const done = e.practice.done ? ` (done ${e.practice.done.slice(11, 16)})` : '';
    parts.push({ label: 'Practice', text: `${e.practice.text}${done}`, note: e.practice.note });
  }
  return parts;
}
