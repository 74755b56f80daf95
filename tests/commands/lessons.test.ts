// Commands run in-process against the fake I/O object and a temp store.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { makeContext } from '../../src/context.js';
import { createTestIO } from '../../src/ui/io.js';
import { scriptedPrompter } from '../../src/ui/prompts.js';
import { loadContentFrom } from '../../src/content/parse.js';
import { ROOT } from '../helpers/cli.js';

vi.mock('../../src/content/load.js', () => ({ loadContent: () => loadContentFrom(join(ROOT, 'content')) }));

const context = (color = false) => {
  const home = mkdtempSync(join(tmpdir(), 'harmony-cmd-'));
  const io = createTestIO({ env: { HARMONY_HOME: home }, color });
  return { io, ctx: makeContext(io, false, scriptedPrompter([])) };
};

describe('lessons command', () => {
  it('prints the five with unread marks, and JSON with --json', async () => {
    const { run } = await import('../../src/commands/lessons.js');
    const { io, ctx } = context();
    await run(ctx, {});
    expect(io.out()).toContain('unread 1. Time and Attention Allocation');
    expect(io.out()).not.toContain('\u001b');
    const json = context();
    await run(json.ctx, { json: true });
    expect(JSON.parse(json.io.out())).toHaveLength(5);
  });

  it('learn marks a lesson read and lessons shows it', async () => {
    const { run: learn } = await import('../../src/commands/learn.js');
    const { run: lessons } = await import('../../src/commands/lessons.js');
    const { io, ctx } = context();
    await learn(ctx, 'wellbeing', { plain: true });
    expect(io.out()).toContain('Caring for Psychological Well-being');
    await lessons(ctx, {});
    expect(io.out()).toContain('read   3. Caring for Psychological Well-being');
  });
});
