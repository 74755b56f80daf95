// The settings a user can change with `harmony config`, and how their text values parse.
// Pure: the store validates again with its JSON schema when it writes.
import { UsageError } from '../errors.js';
import type { Settings } from './settings.js';

export const SETTING_KEYS = ['name', 'dayStartHour', 'editor', 'color', 'reminder', 'notesCountForStreak', 'weekStart', 'autoSync', 'reminderPeople', 'passphraseCommand'] as const;
export type SettingKey = (typeof SETTING_KEYS)[number];

/** What each key accepts, in words (shown in help and errors). */
export const SETTING_HELP: Record<SettingKey, string> = {
  name: 'what harmony calls you (text; "" clears it)',
  dayStartHour: 'hour a new practice day starts, 0-6 (4 suits night owls)',
  editor: 'command for editing entries (text; "" = $VISUAL/$EDITOR)',
  color: 'auto, always or never',
  reminder: 'on or off (harmony remind in your shell)',
  notesCountForStreak: 'on or off: whether a day with only a note counts for the streak (default off)',
  weekStart: 'mon or sun: the day a week starts, for the weekly review',
  autoSync: 'on or off: sync in the background after each save, on this machine (default off; see harmony sync)',
  reminderPeople: 'names, count or off: what harmony remind says about people due (default count: no names)',
  passphraseCommand: 'an encrypted journal: a command printing the passphrase, e.g. "pass show harmony" ("" clears it)',
};

const ON = ['on', 'true', 'yes', '1'];
const OFF = ['off', 'false', 'no', '0'];

export function isSettingKey(key: string): key is SettingKey {
  return (SETTING_KEYS as readonly string[]).includes(key);
}

/** Resolves a key case-insensitively (day-start-hour and daystarthour work too). */
export function resolveSettingKey(input: string): SettingKey {
  const folded = input.replace(/[-_]/g, '').toLowerCase();
  const key = SETTING_KEYS.find((k) => k.toLowerCase() === folded);
  if (!key) {
    const close = SETTING_KEYS.find((k) => editDistance(k.toLowerCase(), folded) <= 2);
    const hint = close ? ` Did you mean ${close}?` : '';
    throw new UsageError(`Unknown setting "${input}".${hint} Valid keys: ${SETTING_KEYS.join(', ')}.`);
  }
  return key;
}

/** Levenshtein distance, for "did you mean" on setting keys (colour -> color). */
function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    row = next;
  }
  return row[b.length]!;
}

/** Parses a value typed on the command line; undefined means "clear it" (name, editor). */
export function parseSettingValue(key: SettingKey, text: string): Settings[SettingKey] | undefined {
  const t = text.trim();
  switch (key) {
    case 'name':
    case 'editor':
    case 'passphraseCommand':
      if (t.length > 200) throw new UsageError(`${key} is too long (at most 200 characters).`);
      return t === '' ? undefined : t;
    case 'dayStartHour': {
      const n = Number(t);
      if (!/^\d+$/.test(t) || n > 6) throw new UsageError(`dayStartHour must be a whole number from 0 to 6, got "${text}".`);
      return n;
    }
    case 'color':
      if (t === 'auto' || t === 'always' || t === 'never') return t;
      throw new UsageError(`color must be auto, always or never, got "${text}".`);
    case 'reminderPeople': {
      const v = t.toLowerCase();
      if (v === 'names' || v === 'count' || v === 'off') return v;
      throw new UsageError(`reminderPeople must be names, count or off, got "${text}".`);
    }
    case 'reminder':
    case 'notesCountForStreak':
    case 'autoSync':
      if (ON.includes(t.toLowerCase())) return true;
      if (OFF.includes(t.toLowerCase())) return false;
      throw new UsageError(`${key} must be on or off (or true/false), got "${text}".`);
    case 'weekStart': {
      const day = t.toLowerCase().slice(0, 3);
      if ((day === 'mon' || day === 'sun') && ['mon', 'monday', 'sun', 'sunday'].includes(t.toLowerCase())) return day;
      throw new UsageError(`weekStart must be mon or sun, got "${text}".`);
    }
  }
}

/** A setting as `config get` and `config list` show it; '' when unset. */
export function showSetting(settings: Settings, key: SettingKey): string {
  const value = key === 'weekStart' ? (settings.weekStart ?? 'mon') : settings[key];
  if (value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'on' : 'off';
  return String(value);
}

/** The settings as data: every key, null when unset. */
export function settingsData(settings: Settings): Record<SettingKey, string | number | boolean | null> {
  return Object.fromEntries(SETTING_KEYS.map((k) => [k, (k === 'weekStart' ? (settings.weekStart ?? 'mon') : settings[k]) ?? null])) as Record<SettingKey, string | number | boolean | null>;
}
