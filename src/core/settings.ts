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
  /** Whether this machine syncs in the background after each save (harmony sync, issue 17). */
  autoSync: boolean;
  /** What the shell reminder may say about people who are due: their names, only how many, or nothing. */
  reminderPeople: 'names' | 'count' | 'off';
  /** An encrypted journal (issue 18): a shell command that prints the passphrase (like restic's password command). */
  passphraseCommand?: string;
}

export const DEFAULT_SETTINGS: Settings = { schemaVersion: SETTINGS_VERSION, dayStartHour: 0, color: 'auto', reminder: true, notesCountForStreak: false, autoSync: false, reminderPeople: 'count' };

/**
 * Settings of this machine, not of the journal: kept in device.json, which sync leaves out
 * (issue 17), so a laptop's editor or colours never travel to the desktop. The rest (name,
 * dayStartHour, notesCountForStreak) is in config.json and synced: the streak depends on it.
 * reminderPeople is this machine's too: the shell reminder of a shared or work computer may
 * name no one while the one at home names the person it may be time to call.
 */
export const DEVICE_KEYS = ['editor', 'color', 'reminder', 'autoSync', 'reminderPeople'] as const;
export type DeviceKey = (typeof DEVICE_KEYS)[number];
export const isDeviceKey = (key: string): key is DeviceKey => (DEVICE_KEYS as readonly string[]).includes(key);
