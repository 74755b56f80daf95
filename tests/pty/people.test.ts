// "Who did you really connect with today?" in a real terminal: pick from your people, add
// someone new, Enter skips, Ctrl+C leaves no trace.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupHomes, run, tempHome } from '../helpers/cli.js';
import { KEYS, spawnPty, type Session } from '../helpers/pty.js';

afterAll(cleanupHomes);
const NOW = { HARMONY_NOW: '2026-05-10T18:00:00Z' };
const FLAGS = ['checkin', '--mood', '4', '--principle', 'attention', '--practice', 'skip'];
const entries = (home: string) => JSON.parse(readFileSync(join(home, 'journal', '2026-05.json'), 'utf8')).entries;

/** The two prompts of the attention lesson, answered, up to the people question. */
async function upToPeople(t: Session): Promise<void> {
  await t.waitFor('Ctrl+C stops without saving');
  await t.waitFor('?');
  await t.answer('first answer');
  await t.waitFor('(Enter to skip)');
  await t.answer('');
  await t.waitFor('Who did you really connect with today?');
}

describe('the people step of the check-in', () => {
  it('picks from your people and asks how', async () => {
    const home = tempHome();
    for (const name of ['Ana', 'Ben']) expect(run(['people', 'add', name, '--every', '1w'], { home, env: NOW }).code).toBe(0);
    const t = spawnPty(['checkin', '--mood', '4', '--principle', 'attention', '--answer', 'one'], home, NOW);
    try {
      // With --answer given nothing is asked: the step is skipped like every other one.
      expect(await t.exit()).toBe(0);
    } finally {
      t.kill();
    }
    expect(entries(home)[0]).not.toHaveProperty('with');
    run(['journal', 'delete', entries(home)[0].id, '--yes'], { home, env: NOW });

    const s = spawnPty(FLAGS, home, NOW);
    try {
      await upToPeople(s);
      await s.waitFor('Someone new');
      s.type(KEYS.down + KEYS.space); // Ben
      await s.waitFor(/◉ Ben|\(x\) Ben|◉\s*Ben/);
      s.type(KEYS.enter);
      await s.waitFor('How did you connect?');
      s.type(KEYS.up + KEYS.up + KEYS.up); // from "skip" to "call"
      await s.waitFor('call');
      s.type(KEYS.enter);
      await s.waitFor('An intention for tomorrow?');
      await s.answer('');
      await s.waitFor('Check-in saved');
      expect(await s.exit()).toBe(0);
    } finally {
      s.kill();
    }
    const ben = JSON.parse(readFileSync(join(home, 'people.json'), 'utf8')).people.find((p: { name: string }) => p.name === 'Ben');
    expect(entries(home)[0]).toMatchObject({ with: [ben.id], how: 'call' });
  });

  it('adds someone new (only when the check-in is saved); Enter skips "how"', async () => {
    const home = tempHome();
    const s = spawnPty(FLAGS, home, NOW);
    try {
      await upToPeople(s);
      await s.waitFor('Enter to skip');
      await s.answer('Mia');
      await s.waitFor('How did you connect?');
      expect(existsSync(join(home, 'people.json'))).toBe(false);
      s.type(KEYS.enter);
      await s.waitFor('An intention for tomorrow?');
      await s.answer('Call Mia back');
      await s.waitFor('Check-in saved');
      await s.waitFor('Added Mia to your people');
      expect(await s.exit()).toBe(0);
    } finally {
      s.kill();
    }
    const people = JSON.parse(readFileSync(join(home, 'people.json'), 'utf8')).people;
    expect(people.map((p: { name: string }) => p.name)).toEqual(['Mia']);
    expect(entries(home)[0].with).toEqual([people[0].id]);
    expect(entries(home)[0]).not.toHaveProperty('how');
  });

  it('Enter with nothing picked skips; Ctrl+C after naming someone new leaves no trace', async () => {
    const home = tempHome();
    run(['people', 'add', 'Ana'], { home, env: NOW });
    const s = spawnPty(FLAGS, home, NOW);
    try {
      await upToPeople(s);
      await s.waitFor('Someone new');
      s.type(KEYS.enter);
      await s.waitFor('An intention for tomorrow?');
      await s.answer('');
      await s.waitFor('Check-in saved');
      expect(await s.exit()).toBe(0);
    } finally {
      s.kill();
    }
    expect(entries(home)[0]).not.toHaveProperty('with');

    const fresh = tempHome();
    const c = spawnPty(FLAGS, fresh, NOW);
    try {
      await upToPeople(c);
      await c.answer('Noor');
      await c.waitFor('How did you connect?');
      c.type(KEYS.ctrlC);
      expect(await c.exit()).toBe(130);
    } finally {
      c.kill();
    }
    expect(c.screen()).toMatch(/Check-in cancelled, nothing saved\./);
    expect(existsSync(join(fresh, 'people.json'))).toBe(false);
    expect(existsSync(join(fresh, 'journal', '2026-05.json'))).toBe(false);
  });
});
