// journal delete's confirmation, in-process with scripted answers on a fake terminal.
import { afterAll, describe, expect, it } from 'vitest';
import { makeContext } from '../../src/context.js';
import { CancelledError } from '../../src/errors.js';
import { Store } from '../../src/store/index.js';
import { createTestIO } from '../../src/ui/io.js';
import { scriptedPrompter } from '../../src/ui/prompts.js';
import { cleanupHomes, tempHome } from '../helpers/cli.js';
import { addEntries, entry } from '../helpers/journal-fixtures.js';

afterAll(cleanupHomes);

async function setup(answers: unknown[]) {
  const home = tempHome();
  await addEntries(home, [entry('2026-05-01', { id: '20260501-del1', answers: [{ prompt: 'What?', answer: 'Secret \u001b[2J text' }] })]);
  const io = createTestIO({ env: { HARMONY_HOME: home, HARMONY_NOW: '2026-05-10T12:00:00Z' }, stdinTTY: true, stdoutTTY: true });
  const prompter = scriptedPrompter(answers);
  const ctx = makeContext(io, false, prompter);
  const { remove } = await import('../../src/commands/journal-edit.js');
  return { home, io, prompter, del: () => remove(ctx, '20260501-del1', {}) };
}

const ids = async (home: string) => (await new Store(home).journal.all()).map((e) => e.id);

describe('journal delete asks first', () => {
  it('shows the entry safely, and deletes on yes', async () => {
    const { home, io, prompter, del } = await setup([true]);
    await del();
    expect(prompter.asked[0]).toContain('Delete this check-in of 2026-05-01');
    expect(io.out()).toContain('Secret ␛[2J text');
    expect(io.out()).not.toContain('\u001b');
    expect(io.out()).toContain('Deleted the check-in of 2026-05-01');
    expect(await ids(home)).toEqual([]);
  });

  it('keeps the entry on no', async () => {
    const { home, io, del } = await setup([false]);
    await del();
    expect(io.out()).toContain('Nothing deleted.');
    expect(await ids(home)).toEqual(['20260501-del1']);
  });

  it('keeps the entry on Ctrl+C, with the command\'s own message (exit 130)', async () => {
    const { home, del } = await setup([]);
    const error = await del().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CancelledError);
    expect((error as CancelledError).message).toBe('Delete cancelled, nothing deleted.');
    expect(await ids(home)).toEqual(['20260501-del1']);
  });
});
