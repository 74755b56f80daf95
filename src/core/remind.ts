// What `harmony remind` says in a new shell: one line, or nothing once today is done.
import type { StreakInfo } from './streaks.js';

export interface Reminder {
  text: string;
  /** The streak ends tonight: shown a little louder. */
  urgent: boolean;
}

export function reminderFor(info: StreakInfo): Reminder | null {
  if (info.practicedToday) return null;
  const days = (n: number) => `${n}-day streak`;
  if (info.endsTonight) {
    return { text: `harmony · your ${days(info.current)} ends tonight. Two minutes keep it: harmony checkin`, urgent: true };
  }
  if (info.atRisk) {
    const cover = info.freezesHeld === 1 ? 'a freeze covers' : `${info.freezesHeld} freezes cover`;
    return { text: `harmony · your ${days(info.current)} is waiting for today (${cover} a miss): harmony checkin`, urgent: false };
  }
  if (info.totalDays === 0) return { text: 'harmony · start your practice with a two-minute check-in: harmony checkin', urgent: false };
  return { text: 'harmony · no check-in yet today. Two minutes start a new streak: harmony checkin', urgent: false };
}
