// Machines that sync through a bare git remote, for the sync tests (issue 17). Each clone is
// a data folder with its own Store and clock; actions go through the same store calls the
// commands make, and sync through store/sync (in-process), with git running the built
// binary's merge driver. Everything written is recorded, so the end state can be checked:
// the same journal everywhere, no id or text lost unless deleted or replaced on purpose.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalJson } from '../../src/core/canonical.js';
import { resolveConflict } from '../../src/core/conflicts.js';
import { isoWithOffset, practiceDay } from '../../src/core/dates.js';
import type { Entry } from '../../src/core/entry.js';
import type { Question } from '../../src/content/types.js';
import { recordAnswer } from '../../src/core/quiz-schedule.js';
import { streakInfo } from '../../src/core/streaks.js';
import { Store } from '../../src/store/index.js';
import { readQuiz, writeQuiz } from '../../src/store/quiz.js';
import { cloneSync, initSync } from '../../src/store/sync/connect.js';
import { driverCommand } from '../../src/store/sync/git.js';
import { syncNow, type SyncSetup } from '../../src/store/sync/run.js';
import { BIN } from './cli.js';

export const HAS_GIT = spawnSync('git', ['--version']).status === 0;
export const NO_GIT_REASON = 'git is not installed here, so the sync tests cannot run (install git to run them)';

/** git for tests: a throwaway global config (never the real ~/.gitconfig), a fixed identity. */
export function gitEnv(dir: string): NodeJS.ProcessEnv {
  const config = join(dir, 'gitconfig');
  writeFileSync(config, '');
  const { HARMONY_HOME: _home, ...rest } = process.env; // each caller names its own data folder
  return {
    ...rest,
    GIT_CONFIG_GLOBAL: config,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'harmony test',
    GIT_AUTHOR_EMAIL: 'test@example.invalid',
    GIT_COMMITTER_NAME: 'harmony test',
    GIT_COMMITTER_EMAIL: 'test@example.invalid',
    TZ: 'UTC',
  };
}

export interface Clone {
  name: string;
  home: string;
  store: Store;
  /** How far this machine's clock is off. */
  offsetMs: number;
}

const PROMPT = 'What did you notice today?';
const QUESTIONS = ['attention-1', 'trust-2', 'intimacy-3', 'wellbeing-4'];

export class Sim {
  time: number;
  readonly remote: string;
  readonly env: NodeJS.ProcessEnv;
  readonly clones: Clone[] = [];
  /** Every id made; ids deleted on purpose; texts written; texts replaced or deleted on purpose. */
  readonly made = new Set<string>();
  readonly deleted = new Set<string>();
  readonly written = new Set<string>();
  readonly gone = new Set<string>();
  private token = 0;
  /** SIM_TRACE=1: what each step did, for finding how a text went missing. */
  readonly trace: string[] = [];
  log(line: string): void {
    if (process.env.SIM_TRACE) this.trace.push(line);
  }

  constructor(
    readonly dir: string,
    readonly rng: () => number,
    start = '2026-05-27T07:00:00Z',
  ) {
    this.time = Date.parse(start);
    this.env = gitEnv(dir);
    this.remote = join(dir, 'remote.git');
    spawnSync('git', ['init', '-q', '--bare', this.remote], { env: this.env });
  }

  now(c: Clone): Date {
    return new Date(this.time + c.offsetMs);
  }

  setupFor(c: Clone): SyncSetup {
    return { home: c.home, env: this.env, driver: driverCommand(process.execPath, BIN), host: c.name, now: () => this.now(c) };
  }

  /** The first machine starts syncing; the others clone. One clock is `skewMinutes` off. */
  async start(count = 3, skewMinutes = 7): Promise<void> {
    for (let i = 0; i < count; i++) {
      const home = join(this.dir, `m${i + 1}`);
      mkdirSync(home);
      const c: Clone = { name: `m${i + 1}`, home, store: new Store(home), offsetMs: i === count - 1 ? skewMinutes * 60_000 : 0 };
      this.clones.push(c);
      if (i === 0) await initSync(c.store, this.setupFor(c), this.remote);
      else await cloneSync(c.store, this.setupFor(c), this.remote, false);
    }
  }

  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.rng() * list.length)]!;
  }

  text(): string {
    const t = `text-${this.token++}-${Math.floor(this.rng() * 1e6).toString(36)}`;
    this.written.add(t);
    return t;
  }

  private async newId(date: string, c: Clone): Promise<string> {
    const taken = new Set(c.store.journal.months().includes(date.slice(0, 7)) ? (await c.store.journal.readMonth(date.slice(0, 7))).map((e) => e.id) : []);
    for (;;) {
      const id = `${date.replaceAll('-', '')}-${Math.floor(this.rng() * 36 ** 5).toString(36).padStart(5, '0')}`;
      if (!taken.has(id)) return id;
    }
  }

  async add(c: Clone, kind: Entry['kind']): Promise<Entry> {
    const now = this.now(c);
    const date = practiceDay(now, 0);
    const id = await this.newId(date, c);
    const e: Entry =
      kind === 'note'
        ? { id, kind, date, createdAt: isoWithOffset(now), answers: [], text: this.text() }
        : { id, kind, date, createdAt: isoWithOffset(now), principle: this.pick(['trust', 'attention', 'intimacy'] as const), mood: 1 + Math.floor(this.rng() * 5), answers: [{ prompt: PROMPT, answer: this.text() }], intention: this.text() };
    await c.store.write(() => c.store.journal.add([e]));
    this.log(`${c.name} add ${e.id} ${textsOf(e).join(',')}`);
    this.made.add(e.id);
    return e;
  }

  /** All entries of a clone (with their conflicting versions), by id. */
  entries(c: Clone): Promise<Entry[]> {
    return c.store.journal.all();
  }

  async edit(c: Clone): Promise<void> {
    const list = await this.entries(c);
    if (list.length === 0) return;
    const e = this.pick(list);
    const now = this.now(c);
    const append = this.rng() < 0.4;
    let next: Entry;
    if (e.kind === 'note') {
      next = { ...e, text: append ? `${e.text} ${this.text()}` : this.text(), updatedAt: isoWithOffset(now) };
      if (!append) for (const t of textsOf(e)) this.gone.add(t);
    } else if (append) {
      next = { ...e, answers: [...e.answers, { prompt: PROMPT, answer: this.text() }], updatedAt: isoWithOffset(now) };
    } else {
      const [first, ...rest] = e.answers;
      if (first) this.gone.add(first.answer);
      next = { ...e, answers: [{ prompt: PROMPT, answer: this.text() }, ...rest], updatedAt: isoWithOffset(now) };
    }
    this.log(`${c.name} edit ${e.id} ${textsOf(e).join(',')} -> ${textsOf(next).join(',')}`);
    await c.store.write(async () => {
      const current = await c.store.journal.get(e.id);
      if (current && canonicalJson(current) === canonicalJson(e)) await c.store.journal.replace(next);
    });
  }

  async remove(c: Clone): Promise<void> {
    const list = await this.entries(c);
    if (list.length === 0) return;
    const e = this.pick(list);
    for (const v of [e, ...(e.conflicts ?? [])]) for (const t of textsOf(v as Entry)) this.gone.add(t);
    this.deleted.add(e.id);
    this.log(`${c.name} delete ${e.id} ${[e, ...(e.conflicts ?? [])].flatMap((v) => textsOf(v as Entry)).join(',')}`);
    await c.store.write(() => c.store.journal.remove(e.id, this.now(c)));
  }

  async resolve(c: Clone): Promise<void> {
    const list = await c.store.journal.withConflicts();
    if (list.length === 0) return this.edit(c);
    const e = this.pick(list);
    const keep = this.pick(['mine', 'theirs', 'both'] as const);
    const { entry, extra } = resolveConflict(e, keep);
    const all = (x: Entry) => [x, ...(x.conflicts ?? [])].flatMap((v) => textsOf(v as Entry));
    if (keep !== 'both') for (const t of all(e)) if (!all(entry).includes(t)) this.gone.add(t);
    if (extra) this.made.add(extra.id);
    this.log(`${c.name} resolve ${e.id} ${keep} ${textsOf(e).join(',')} / ${(e.conflicts ?? []).flatMap((v) => textsOf(v as Entry)).join(',')} -> ${textsOf(entry).join(',')}`);
    await c.store.write(async () => {
      await c.store.journal.put(entry);
      if (extra && !(await c.store.journal.get(extra.id))) await c.store.journal.add([extra]);
    });
  }

  async quiz(c: Clone): Promise<void> {
    const question = { id: this.pick(QUESTIONS) } as Question;
    const correct = this.rng() < 0.6;
    await c.store.write(async () => {
      const doc = await readQuiz(c.store);
      const review = recordAnswer(doc, question, [correct ? 0 : 1], correct, this.now(c), { dayStartHour: 0 });
      await writeQuiz(c.store, doc, [review]);
    });
  }

  async lesson(c: Clone): Promise<void> {
    const day = practiceDay(this.now(c), 0);
    await c.store.updateState((s) => {
      s.lessonsRead[this.pick(['trust', 'attention', 'intimacy', 'wellbeing', 'communication'])] ??= day;
    });
  }

  async sync(c: Clone) {
    const r = await syncNow(c.store, this.setupFor(c));
    this.log(`${c.name} sync received ${r.received.join(',')}`);
    return r;
  }

  /** What must be the same on every machine: each carried file, as parsed. */
  snapshot(c: Clone): Record<string, string> {
    const out: Record<string, string> = {};
    const read = (rel: string) => {
      try {
        out[rel] = canonicalJson(JSON.parse(readFileSync(join(c.home, rel), 'utf8')));
      } catch {
        // absent
      }
    };
    for (const f of ['config.json', 'state.json', 'quiz.json']) read(f);
    for (const dir of ['journal', 'quiz-log']) {
      let names: string[] = [];
      try {
        names = readdirSync(join(c.home, dir));
      } catch {
        // none
      }
      for (const n of names) if (/^\d{4}-\d{2}\.json$/.test(n)) read(`${dir}/${n}`);
    }
    return out;
  }

  async streak(c: Clone, today: string) {
    return streakInfo(await c.store.journal.dayKeys(), today);
  }

  /** Problems with the end state (an empty list when all is well). */
  async check(): Promise<string[]> {
    const problems: string[] = [];
    const [first, ...others] = this.clones;
    const snap = this.snapshot(first!);
    for (const c of others) {
      const other = this.snapshot(c);
      for (const file of new Set([...Object.keys(snap), ...Object.keys(other)])) {
        if (snap[file] !== other[file]) problems.push(`${file} differs between ${first!.name} and ${c.name}`);
      }
    }
    const entries = await this.entries(first!);
    const ids = new Set(entries.map((e) => e.id));
    for (const id of this.made) if (!ids.has(id) && !this.deleted.has(id)) problems.push(`entry ${id} was lost`);
    const texts = new Set(entries.flatMap((e) => [e, ...(e.conflicts ?? [])].flatMap((v) => textsOf(v as Entry))));
    for (const t of this.written) if (!texts.has(t) && !this.gone.has(t)) problems.push(`text ${t} was lost`);
    const today = practiceDay(new Date(this.time), 0);
    const streaks = await Promise.all(this.clones.map(async (c) => JSON.stringify(await this.streak(c, today))));
    if (new Set(streaks).size !== 1) problems.push(`streaks differ: ${streaks.join(' / ')}`);
    return problems;
  }
}

export function textsOf(e: Entry): string[] {
  const words = [...e.answers.map((a) => a.answer), ...(e.intention ? [e.intention] : []), ...(e.text ? e.text.split(' ') : [])];
  return words.flatMap((w) => w.split(' ')).filter((w) => w.startsWith('text-'));
}
