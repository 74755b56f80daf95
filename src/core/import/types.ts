// What every importer produces: a note in harmony's terms, before it becomes an entry. The
// source key is stable for the same source entry, so a second import of a file adds nothing.
import { UsageError } from '../../errors.js';
import type { LocalDate } from '../dates.js';

export interface ImportedNote {
  /** `jrnl:…`, `daylio:…`, `dayone:…`: the tool, then what identifies the entry there. */
  sourceKey: string;
  date: LocalDate;
  /** ISO 8601 with an offset: the source's zone where it had one, else the local zone. */
  createdAt: string;
  title?: string;
  text: string;
  tags: string[];
  starred: boolean;
  mood?: number;
}

export const SOURCES = ['jrnl', 'daylio', 'dayone'] as const;
export type Source = (typeof SOURCES)[number];

/** A file that cannot be read as the format asked for: exit 2, nothing written. */
export class ImportFormatError extends UsageError {}

export interface ParseOptions {
  /** The zone for times the source gives without one (the user's, TZ). */
  timeZone?: string;
  /** Daylio's custom mood names mapped to 1-5 (`--mood-map` or asked once on a terminal). */
  moodMap?: Record<string, number>;
}

/** Strips a UTF-8 byte-order mark and normalises line ends. */
export function cleanText(text: string): string {
  return (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).replace(/\r\n?/g, '\n');
}

/** A short stable hash (FNV-1a, 32 bits, hex) for source keys of entries that have no id. */
export function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
