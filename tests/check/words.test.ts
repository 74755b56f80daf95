// Data harmony check keeps beside its libraries stays in step with them and with the lessons.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NOTES } from '../../src/core/check/notes.js';
import { EQUALITY_IGNORE, EQUALITY_PHRASES, EQUALITY_RULES } from '../../src/core/check/rules/words.js';
import { ROOT } from '../helpers/cli.js';

describe('check data', () => {
  it('EQUALITY_PHRASES are the phrases of the retext-equality rules we keep', async () => {
    // patterns-en.js is not in the package's exports, so it is read by path.
    const { patterns } = (await import(join(ROOT, 'node_modules', 'retext-equality', 'lib', 'patterns-en.js'))) as { patterns: { id: string; inconsiderate: Record<string, string> }[] };
    const ids = new Set(patterns.map((p) => p.id));
    for (const id of EQUALITY_RULES) expect(ids.has(id), id).toBe(true);
    const want = new Set(
      patterns
        .filter((p) => EQUALITY_RULES.has(p.id))
        .flatMap((p) => Object.keys(p.inconsiderate))
        .map((ph) => ph.toLowerCase().replace(/[^a-z ]/g, ''))
        .filter((ph) => !EQUALITY_IGNORE.includes(ph)),
    );
    expect(new Set(EQUALITY_PHRASES)).toEqual(want);
  });

  it('every note points at a section that exists in its lesson', () => {
    const dir = join(ROOT, 'content', 'lessons');
    for (const [rule, note] of Object.entries(NOTES)) {
      const file = readdirSync(dir).find((f) => f.endsWith(`-${note.principle}.md`))!;
      const headings = readFileSync(join(dir, file), 'utf8').split('\n').filter((l) => l.startsWith('## ')).map((l) => l.slice(3).trim());
      expect(headings, rule).toContain(note.section);
    }
  });
});
