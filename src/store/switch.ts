// `harmony encrypt` and `harmony decrypt`: the whole store changes form, and a crash at any
// moment must leave either the old store or the new one whole. So every new file is made in
// .switch/files/ first, each sealed file is decrypted again and compared with what it came
// from, and only then does .switch/commit.json (written atomically) list the moves and
// removals that switch-recover.ts carries out; a crash after it is finished by the next
// harmony. Run inside store.write().
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Entry } from '../core/entry.js';
import { CancelledError, DataError, UsageError } from '../errors.js';
import { bytesOpener, newIdentity, opener, openWithPassphrase, sealTo, sealWithPassphrase } from './age.js';
import { indexDocs, indexFileName, type Stamp } from './day-index.js';
import { parseDoc, readData, readDoc, serializeDoc, syncFolder, writeBytes, writeDoc, type DocSpec } from './files.js';
import type { Store } from './index.js';
import { JOURNAL_VERSION, monthSpec, type MonthDoc } from './journal.js';
import { sortEntries } from '../core/month-doc.js';
import { FILES } from './paths.js';
import { quizLogSpec } from './quiz-log.js';
import { quizSpec } from './quiz.js';
import { settingsSpec } from './settings.js';
import { stateSpec } from './state.js';
import { readSecretState } from './state-file.js';
import { peopleDeltas, peopleSpec, readAllPeople } from './people.js';
import { splitPeople } from '../core/people-parts.js';
import { joinState, splitState, type StatePart } from '../core/state-parts.js';
import { COMMIT_FILE, OWNER_FILE, recoverSwitch, rollForward, SWITCH_DIR, type SwitchPlan } from './switch-recover.js';
import { asideFiles } from './set-aside.js';
import { ENCRYPTION_FILE, IDENTITY_FILE, openProblem, SEALED } from './vault.js';

/**
 * The documents that hold what the user wrote, beside the journal months (which are special:
 * entries added while locked live in files of their own). A later such document (the people
 * file, issue 14) is added here and read and written through store/sealed.ts.
 */
export const SEALED_DOCS: { path: string; spec: DocSpec<unknown> }[] = [{ path: FILES.quiz, spec: quizSpec as DocSpec<unknown> }];
/** Folders of month files (YYYY-MM.json) that hold what the user wrote, beside journal/. */
export const SEALED_DIRS: { dir: string; spec: DocSpec<unknown> }[] = [{ dir: FILES.quizLogDir, spec: quizLogSpec as DocSpec<unknown> }];

const MONTH_FILE = /^\d{4}-\d{2}\.json$/;
const SEALED_MONTH_FILE = /^\d{4}-\d{2}(\+\d{8}-[0-9a-z]{4,8})?\.json\.age$/;
const INDEX_FILE = /^index(-\d{4})?\.json(\.age)?$/;


const list = (dir: string, re: RegExp) => {
  try {
    return readdirSync(dir).filter((n) => re.test(n)).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new DataError(`Cannot read ${dir}: ${(error as Error).message}.`);
  }
};

/** The staging folder: made whole under a temporary name, so a reader never finds it half made. */
class Staging {
  readonly root: string;
  readonly files: string;
  readonly staged: string[] = [];
  constructor(readonly home: string) {
    recoverSwitch(home); // an earlier, interrupted switch: finished or dropped first
    this.root = join(home, SWITCH_DIR);
    this.files = join(this.root, 'files');
    try {
      statSync(this.root);
      throw new DataError(`Another harmony is encrypting or decrypting ${home} (${SWITCH_DIR} is in use). Try again when it is done.`);
    } catch (error) {
      if (error instanceof DataError) throw error;
    }
    const temp = join(home, `${SWITCH_DIR}.${process.pid}.tmp`);
    rmSync(temp, { recursive: true, force: true });
    mkdirSync(join(temp, 'files'), { recursive: true, mode: 0o700 });
    writeFileSync(join(temp, OWNER_FILE), String(process.pid), { mode: 0o600 });
    renameSync(temp, this.root);
  }

  /** Writes a new file of the store-to-be (durably: fsync), returning its stamp. */
  put(rel: string, data: string | Uint8Array): Stamp {
    const file = join(this.files, rel);
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    const fd = openSync(file, 'w', 0o600);
    try {
      writeFileSync(fd, data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    this.staged.push(rel);
    const st = statSync(file);
    return { size: st.size, mtimeMs: st.mtimeMs };
  }

  read(rel: string): Buffer {
    return readFileSync(join(this.files, rel));
  }

  /** The point of no return: from here the new store is the store. */
  commit(plan: SwitchPlan): void {
    for (const dir of new Set(this.staged.map((rel) => dirname(join(this.files, rel))))) syncFolder(dir);
    writeBytes(join(this.root, COMMIT_FILE), JSON.stringify(plan));
    rollForward(this.home, plan);
  }

  drop(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}


export interface SwitchResult {
  files: number;
  entries: number;
}

/** Plaintext -> encrypted. `passphrase` protects the new identity (identity.age). */
export async function encryptStore(store: Store, passphrase: string, now: string): Promise<SwitchResult & { recipient: string; nameRemoved: boolean }> {
  const home = store.home;
  if (store.vault.encrypted) throw new UsageError(`The journal in ${home} is already encrypted.`);
  // Every plaintext document is read and checked before anything is made: a damaged one stops here (exit 3).
  const docs: { rel: string; text: string }[] = [];
  const months = new Map<string, Entry[]>();
  const journalDir = join(home, FILES.journalDir);
  for (const name of list(journalDir, MONTH_FILE)) {
    const rel = join(FILES.journalDir, name);
    const text = readFileSync(join(home, rel), 'utf8');
    months.set(name.slice(0, 7), parseDoc(join(home, rel), text, monthSpec).entries);
    docs.push({ rel, text });
  }
  for (const { path, spec } of SEALED_DOCS) {
    let text: string;
    try {
      text = readFileSync(join(home, path), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw new DataError(`Cannot read ${join(home, path)}: ${(error as Error).message}.`);
    }
    parseDoc(join(home, path), text, spec);
    docs.push({ rel: path, text });
  }
  for (const { dir, spec } of SEALED_DIRS) {
    for (const name of list(join(home, dir), MONTH_FILE)) {
      const rel = join(dir, name);
      const text = readFileSync(join(home, rel), 'utf8');
      parseDoc(join(home, rel), text, spec);
      docs.push({ rel, text });
    }
  }

  // state.json splits: what may stay plaintext stays; the rest is sealed (core/state-parts.ts).
  const stateText = readData(join(home, FILES.state), 'utf8');
  const state = stateText === undefined ? undefined : splitState(parseDoc(join(home, FILES.state), stateText, stateSpec));

  // people.json splits the same way: ids, rhythms and days stay; who they are is sealed (core/people-parts.ts).
  const peopleText = readData(join(home, FILES.people), 'utf8');
  const people = peopleText === undefined ? undefined : splitPeople(parseDoc(join(home, FILES.people), peopleText, peopleSpec));

  const staging = new Staging(home);
  let sealedCount = 0;
  try {
    const { identity, recipient } = await newIdentity();
    const stateSecret = state ? serializeDoc(state.secret) : undefined;
    if (state) {
      staging.put(FILES.state, serializeDoc({ ...state.plain, promptsUsed: {} }));
      staging.put(FILES.state + SEALED, await sealTo(recipient, stateSecret!));
    }
    const peopleSecret = people ? serializeDoc(people.secret) : undefined;
    if (people) {
      staging.put(FILES.people, serializeDoc(people.plain));
      staging.put(FILES.people + SEALED, await sealTo(recipient, peopleSecret!));
    }
    const stamps = new Map<string, { entries: Entry[]; stamp: Stamp }>();
    for (const doc of docs) {
      const stamp = staging.put(doc.rel + SEALED, await sealTo(recipient, doc.text));
      const month = /^journal[/\\](\d{4}-\d{2})\.json$/.exec(doc.rel)?.[1];
      if (month) stamps.set(month, { entries: months.get(month)!, stamp: { ...stamp, n: 1 } });
    }
    const index = indexDocs(stamps, true);
    const indexTexts = new Map<string, string>();
    for (const [year, doc] of index.plain) staging.put(join(FILES.journalDir, indexFileName(year)), serializeDoc(doc, { cache: true }));
    for (const [year, doc] of index.secret) {
      const rel = join(FILES.journalDir, indexFileName(year)) + SEALED;
      const text = serializeDoc(doc, { cache: true });
      indexTexts.set(rel, text);
      staging.put(rel, await sealTo(recipient, text));
    }
    // Copies sync set aside: sealed byte for byte (one may be a broken file, not text).
    const asides = asideFiles(home).filter((rel) => !rel.endsWith(SEALED));
    for (const rel of asides) staging.put(rel + SEALED, await sealTo(recipient, readFileSync(join(home, rel))));
    const keyText = `# harmony journal key, created ${now}\n# public key: ${recipient}\n${identity}\n`;
    staging.put(IDENTITY_FILE, await sealWithPassphrase(passphrase, keyText));
    staging.put(ENCRYPTION_FILE, serializeDoc({ schemaVersion: 1, recipient, since: now }));

    // Everything decrypts, to exactly what it came from, before any plaintext goes.
    const open = await opener(identity);
    for (const doc of docs) {
      if ((await open(staging.read(doc.rel + SEALED))) !== doc.text) throw new DataError(`Checking ${doc.rel}${SEALED} after encrypting it failed; nothing was changed.`);
    }
    for (const [rel, text] of indexTexts) if ((await open(staging.read(rel))) !== text) throw new DataError(`Checking ${rel} failed; nothing was changed.`);
    const openBytes = await bytesOpener(identity);
    for (const rel of asides) {
      if (!Buffer.from(await openBytes(staging.read(rel + SEALED))).equals(readFileSync(join(home, rel)))) throw new DataError(`Checking ${rel}${SEALED} failed; nothing was changed.`);
    }
    if (stateSecret !== undefined && (await open(staging.read(FILES.state + SEALED))) !== stateSecret) throw new DataError(`Checking ${FILES.state}${SEALED} failed; nothing was changed.`);
    if (peopleSecret !== undefined && (await open(staging.read(FILES.people + SEALED))) !== peopleSecret) throw new DataError(`Checking ${FILES.people}${SEALED} failed; nothing was changed.`);
    if (!(await openWithPassphrase(passphrase, staging.read(IDENTITY_FILE))).includes(identity)) {
      throw new DataError(`Checking ${IDENTITY_FILE} failed; nothing was changed.`);
    }

    if (store.interruptedBy) throw new CancelledError('Cancelled: nothing was encrypted; your journal is as it was.');
    // What the user sees counted: every file that holds their words (not the key or the indexes).
    sealedCount = docs.length + asides.length + (stateSecret === undefined ? 0 : 1) + (peopleSecret === undefined ? 0 : 1);
    const moves = [...staging.staged];
    const removes = [...docs.map((d) => d.rel), ...asides, ...list(journalDir, INDEX_FILE).map((n) => join(FILES.journalDir, n)).filter((rel) => !moves.includes(rel))];
    staging.commit({ direction: 'encrypt', moves, removes });
  } catch (error) {
    dropUnlessCommitted(staging);
    throw error;
  }
  store.refreshVault();
  const nameRemoved = removeName(store);
  return { files: sealedCount, entries: [...months.values()].reduce((n, e) => n + e.length, 0), recipient: store.vault.recipient, nameRemoved };
}

/** Encrypted -> plaintext, with the identity (asked for by the caller). */
export async function decryptStore(store: Store): Promise<SwitchResult> {
  const home = store.home;
  const vault = store.vault;
  if (!vault.encrypted) throw new UsageError(`The journal in ${home} is not encrypted.`);
  await vault.identity('decrypt your journal');
  // Everything is decrypted and checked in memory first: a damaged file stops here (exit 3).
  const docs: { rel: string; text: string }[] = [];
  const months = new Map<string, Entry[]>();
  const journal = store.journal;
  for (const month of journal.months()) {
    const entries = sortEntries(await journal.readMonth(month));
    months.set(month, entries);
    docs.push({ rel: join(FILES.journalDir, `${month}.json`), text: serializeDoc({ schemaVersion: JOURNAL_VERSION, entries } satisfies MonthDoc) });
  }
  const openDoc = async (rel: string, spec: DocSpec<unknown>) => {
    const file = join(home, rel + SEALED);
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw new DataError(`Cannot read ${file}: ${(error as Error).message}.`);
    }
    const text = await vault.open(file, bytes);
    parseDoc(file, text, spec);
    docs.push({ rel, text });
  };
  for (const { path, spec } of SEALED_DOCS) await openDoc(path, spec);
  // state.json whole again: its plain part, the secret part and what was saved while locked.
  const plainState = readData(join(home, FILES.state), 'utf8');
  const { secret, deltas } = await readSecretState(home, vault);
  if (plainState !== undefined || Object.keys(secret).length > 1) {
    const plain = plainState === undefined ? stateSpec.empty() : parseDoc(join(home, FILES.state), plainState, stateSpec);
    const whole = joinState(plain as unknown as StatePart, secret);
    const problem = stateSpec.validate(whole as unknown as Record<string, unknown>);
    if (problem) throw new DataError(`${join(home, FILES.state)} and ${FILES.state}${SEALED} together have unexpected content (${problem}). They were left untouched.`);
    docs.push({ rel: FILES.state, text: serializeDoc(whole) });
  }
  for (const { dir, spec } of SEALED_DIRS) for (const name of list(join(home, dir), /^\d{4}-\d{2}\.json\.age$/)) await openDoc(join(dir, name.slice(0, -SEALED.length)), spec);
  // people.json whole again: the plaintext layer with the names (and the people added while locked).
  const peopleDeltaNames = peopleDeltas(home);
  if (readData(join(home, FILES.people), 'utf8') !== undefined) {
    const whole = await readAllPeople(home, vault);
    const problem = peopleSpec.validate(whole as unknown as Record<string, unknown>);
    if (problem) throw new DataError(`${join(home, FILES.people)} and ${FILES.people}${SEALED} together have unexpected content (${problem}). They were left untouched.`);
    docs.push({ rel: FILES.people, text: serializeDoc({ schemaVersion: whole.schemaVersion, people: whole.people }) });
  }

  const asides: { rel: string; bytes: Buffer }[] = [];
  const openBytes = await bytesOpener(await vault.identity());
  for (const rel of asideFiles(home).filter((r) => r.endsWith(SEALED))) {
    const file = join(home, rel);
    try {
      asides.push({ rel: rel.slice(0, -SEALED.length), bytes: Buffer.from(await openBytes(readFileSync(file))) });
    } catch (error) {
      throw openProblem(file, error);
    }
  }

  const staging = new Staging(home);
  try {
    for (const a of asides) staging.put(a.rel, a.bytes);
    const stamps = new Map<string, { entries: Entry[]; stamp: Stamp }>();
    for (const doc of docs) {
      const stamp = staging.put(doc.rel, doc.text);
      const month = /^journal[/\\](\d{4}-\d{2})\.json$/.exec(doc.rel)?.[1];
      if (month) stamps.set(month, { entries: months.get(month)!, stamp });
    }
    for (const [year, doc] of indexDocs(stamps, false).plain) staging.put(join(FILES.journalDir, indexFileName(year)), serializeDoc(doc, { cache: true }));
    for (const doc of docs) if (staging.read(doc.rel).toString('utf8') !== doc.text) throw new DataError(`Checking ${doc.rel} failed; nothing was changed.`);
    if (store.interruptedBy) throw new CancelledError('Cancelled: nothing was decrypted; your journal is still encrypted.');
    const moves = [...staging.staged];
    const sealedFiles = [
      ...list(join(home, FILES.journalDir), SEALED_MONTH_FILE).map((n) => join(FILES.journalDir, n)),
      ...list(join(home, FILES.journalDir), INDEX_FILE).map((n) => join(FILES.journalDir, n)).filter((rel) => !moves.includes(rel)),
      ...SEALED_DOCS.map((d) => d.path + SEALED),
      FILES.state + SEALED,
      ...deltas,
      FILES.people + SEALED,
      ...peopleDeltaNames,
      ...asides.map((a) => a.rel + SEALED),
      ...SEALED_DIRS.flatMap(({ dir }) => list(join(home, dir), /\.json\.age$/).map((n) => join(dir, n))),
      IDENTITY_FILE,
      ENCRYPTION_FILE, // last: until it goes, a reader that finds the commit record finishes the job first
    ];
    staging.commit({ direction: 'decrypt', moves, removes: sealedFiles });
  } catch (error) {
    dropUnlessCommitted(staging);
    throw error;
  }
  vault.lock();
  store.refreshVault();
  return { files: docs.length, entries: [...months.values()].reduce((n, e) => n + e.length, 0) };
}

function dropUnlessCommitted(staging: Staging): void {
  try {
    statSync(join(staging.root, COMMIT_FILE));
  } catch {
    staging.drop();
  }
}

/** With encryption on, config.json (plaintext) keeps no name. True when one was removed. */
function removeName(store: Store): boolean {
  const file = store.path(FILES.settings);
  const settings = readDoc(file, settingsSpec) as unknown as Record<string, unknown>;
  if (settings.name === undefined) return false;
  const raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  delete raw.name;
  writeDoc(file, raw);
  return true;
}
