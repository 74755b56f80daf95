// A new user runs the check-in in a real pseudo-terminal: every prompt answered by typing.
import { chmodSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadContentFrom } from '../../src/content/parse.js';
import { cleanupHomes, ROOT, tempHome } from '../helpers/cli.js';
import { KEYS, spawnPty } from '../helpers/pty.js';

afterAll(cleanupHomes);
const NOW = { HARMONY_NOW: '2025-03-10T18:00:00Z' };
const trust = loadContentFrom(join(ROOT, 'content')).lessons.find((l) => l.id === 'trust')!;

describe('harmony checkin in a terminal', () => {
  it('runs start to finish for a new user and saves what was typed', async () => {
    const home = tempHome();
    const t = spawnPty(['checkin'], home, NOW);
    try {
      await t.waitFor('How are you today?');
      t.type(KEYS.down); // from the default 3 okay to 4 good
      await t.waitFor('4 good');
      t.type(KEYS.enter);
      await t.waitFor('Principle of the day');
      await t.waitFor('(suggested)');
      t.type(KEYS.down + KEYS.down + KEYS.down); // attention -> communication -> wellbeing -> trust
      await t.waitFor('4. Building Trust');
      t.type(KEYS.enter);
      await t.waitFor(trust.prompts[0]!.slice(0, 40));
      await t.answer('I called when I said I would');
      await t.waitFor('(Enter to skip)');
      await t.answer('Nobody, this week');
      await t.waitFor('Who did you really connect with today?');
      await t.answer(''); // Enter skips
      await t.waitFor("Today's practice");
      t.type(KEYS.enter); // "I'll do it today"
      await t.waitFor('An intention for tomorrow?');
      await t.answer('Reply to Sam properly');
      await t.waitFor('Check-in saved for today (2025-03-10)');
      await t.waitFor('Streak: 1 day');
      await t.waitFor('harmony learn trust');
      expect(await t.exit()).toBe(0);
    } finally {
      t.kill();
    }
    const month = JSON.parse(readFileSync(join(home, 'journal', '2025-03.json'), 'utf8'));
    expect(month.entries).toHaveLength(1);
    expect(month.entries[0]).toMatchObject({
      kind: 'checkin',
      date: '2025-03-10',
      principle: 'trust',
      mood: 4,
      intention: 'Reply to Sam properly',
      practice: { id: expect.stringMatching(/^trust-/) },
      answers: [
        { prompt: trust.prompts[0], answer: 'I called when I said I would' },
        { prompt: trust.prompts[1], answer: 'Nobody, this week' },
      ],
    });
  });

  it('Ctrl+C mid-way: "Check-in cancelled, nothing saved.", exit 130, no journal', async () => {
    const home = tempHome();
    const t = spawnPty(['checkin'], home, NOW);
    try {
      await t.waitFor('How are you today?');
      t.type(KEYS.enter);
      await t.waitFor('Principle of the day');
      t.type(KEYS.enter);
      await t.waitFor(/\?/);
      t.type('half an answ');
      await t.waitFor('half an answ');
      t.type(KEYS.ctrlC);
      await t.waitFor('Check-in cancelled, nothing saved.');
      expect(await t.exit()).toBe(130);
    } finally {
      t.kill();
    }
    expect(existsSync(join(home, 'journal')) ? readdirSync(join(home, 'journal')) : []).toEqual([]);
  });

  it('plain harmony on a terminal starts the check-in when today has none', async () => {
    const home = tempHome();
    const t = spawnPty([], home, NOW);
    try {
      await t.waitFor('Welcome to harmony.');
      await t.waitFor('How are you today?');
      t.type(KEYS.ctrlC);
      await t.waitFor('Check-in cancelled, nothing saved.');
      expect(await t.exit()).toBe(130);
    } finally {
      t.kill();
    }
  });

  it('--editor opens $VISUAL for the answers and saves what was written there', async () => {
    const home = tempHome();
    const editor = join(home, 'fake-editor.sh');
    // A stand-in editor: appends a line to the file it is given, like a user typing and saving.
    writeFileSync(editor, '#!/bin/sh\nprintf "written in the editor\\nsecond line" >> "$1"\n');
    chmodSync(editor, 0o755);
    const t = spawnPty(['checkin', '--editor', '--mood', '5', '--principle', 'trust'], home, { ...NOW, VISUAL: editor, EDITOR: undefined });
    try {
      await t.waitFor('(opens your editor)');
      await t.waitFor('(opens your editor)');
      await t.waitFor('Who did you really connect with today?');
      await t.answer(''); // Enter skips
      await t.waitFor("Today's practice");
      t.type(KEYS.down + KEYS.down); // "Skip today"
      await t.waitFor('Skip today');
      t.type(KEYS.enter);
      await t.waitFor('An intention for tomorrow?');
      await t.answer('');
      await t.waitFor('Check-in saved');
      expect(await t.exit()).toBe(0);
    } finally {
      t.kill();
    }
    const [entry] = JSON.parse(readFileSync(join(home, 'journal', '2025-03.json'), 'utf8')).entries;
    expect(entry.answers.map((a: { answer: string }) => a.answer)).toEqual(['written in the editor\nsecond line', 'written in the editor\nsecond line']);
  });
});
