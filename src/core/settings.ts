// The user's settings as a type (config.json): shared by core (config parsing, backups) and
// the store (reading and writing them), so it lives here, below both.
export const SETTINGS_VERSION = 1;

export interface Settings {
  schemaVersion: number;
  name?: string;
  /** Hour (0-6) at which a new practice day begins; 4 suits night owls. */
  dayStartHour: number;
  editor?: string;
  color: 'auto' | 'always' | 'never';
  reminder: boolean;
  /** Whether a day with only a free note counts for the streak (off: the streak is for the practice). */
  notesCountForStreak: boolean;
  /** The day a week starts, for the weekly review; unset means Monday. */
  weekStart?: 'mon' | 'sun';
}

export const DEFAULT_SETTINGS: Settings = { schemaVersion: SETTINGS_VERSION, dayStartHour: 0, color: 'auto', reminder: true, notesCountForStreak: false };
