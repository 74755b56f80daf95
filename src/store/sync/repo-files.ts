// The files that make the data folder a harmony repository (issue 17): .gitignore (what git
// carries: only the data files; caches, locks, temp files, device.json, moved-aside conflict
// copies and anything else stay on the machine), .gitattributes (those files merge with
// harmony's driver, never as text), and the same attributes in .git/info/attributes, which
// outrank any in the tree.
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { removeQuietly, writeTemp } from '../files.js';

/** The only paths sync carries. A new data file (a new feature's) must be added here and in store/data-files.ts. */
const CARRIED = [
  '/config.json',
  '/state.json',
  '/quiz.json',
  '/people.json',
  '/journal/[0-9][0-9][0-9][0-9]-[0-9][0-9].json',
  '/quiz-log/[0-9][0-9][0-9][0-9]-[0-9][0-9].json',
  // An encrypted journal (issue 18): the same files ending in .age, the entries and changes
  // saved while locked (each in a file of its own), and the key: identity.age (protected by the
  // passphrase) travels with the data, so another machine needs only the passphrase.
  '/encryption.json',
  '/identity.age',
  '/state.json.age',
  '/state+*.json.age',
  '/quiz.json.age',
  '/people.json.age',
  '/people+*.json.age',
  '/journal/[0-9][0-9][0-9][0-9]-[0-9][0-9].json.age',
  '/journal/[0-9][0-9][0-9][0-9]-[0-9][0-9]+*.json.age',
  '/quiz-log/[0-9][0-9][0-9][0-9]-[0-9][0-9].json.age',
];

export const GITIGNORE = [
  '# Written by harmony sync. git carries only harmony\'s data files (below); everything else in',
  '# this folder stays on this machine: the day index and other caches (rebuilt), the lock and',
  '# temp files, the shell reminder\'s cache, device.json (this machine\'s editor, colours,',
  '# reminder, autoSync) and the conflict-copies folder. harmony rewrites this file when it changes.',
  '/*',
  '!/.gitignore',
  '!/.gitattributes',
  '!/journal/',
  '!/quiz-log/',
  '/journal/*',
  '/quiz-log/*',
  ...CARRIED.map((p) => `!${p}`),
  '',
].join('\n');

export const ATTRIBUTES = [
  '# Written by harmony sync: harmony merges its data files entry by entry (harmony merge-driver),',
  '# never line by line; -text keeps git from changing their bytes.',
  '*.json merge=harmony -text',
  '*.age merge=harmony -text',
  '',
].join('\n');

/** For Syncthing (written when the data folder is a Syncthing folder): what stays on this machine. */
export const STIGNORE = [
  '// Written by harmony: its lock, temp files, caches and this machine\'s settings stay here.',
  '(?d).~*',
  '(?d)*.tmp',
  '(?d).switch', // encrypt/decrypt staging: the files it moves into place travel, not the folder
  '(?d)journal/index-*.json',
  '(?d)journal/index.json',
  '(?d)journal/index-*.json.age',
  'device.json',
  'remind-cache.txt',
  'remind-cache.key',
  'conflict-copies',
  '.git',
  '',
].join('\n');

function readText(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/** Writes `text` to `file` atomically unless it already says exactly that; true when written. */
export function ensureFile(file: string, text: string): boolean {
  if (readText(file) === text) return false;
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const temp = writeTemp(file, text);
  try {
    renameSync(temp, file);
  } catch (error) {
    removeQuietly(temp);
    throw error;
  }
  return true;
}

/** The repository files in the working tree and in .git/info; true when a tracked one changed. */
export function ensureRepoFiles(home: string, gitDir: string): boolean {
  ensureFile(join(gitDir, 'info', 'attributes'), ATTRIBUTES);
  const a = ensureFile(join(home, '.gitignore'), GITIGNORE);
  const b = ensureFile(join(home, '.gitattributes'), ATTRIBUTES);
  return a || b;
}

/** Whether a tree's .gitattributes (as text) is harmony's: a remote that holds a harmony journal. */
export const isHarmonyAttributes = (text: string) => /merge=harmony/.test(text);

export const isSyncthingFolder = (home: string) => existsSync(join(home, '.stfolder'));
