import { mkdtempSync, readFileSync, statSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataError } from '../../src/errors.js';
import { readDoc, writeDoc, type DocSpec } from '../../src/store/files.js';

interface Doc {
  schemaVersion: number;
  items: string[];
}
const spec: DocSpec<Doc> = {
  version: 2,
  empty: () => ({ schemaVersion: 2, items: [] }),
  migrations: { 2: (d) => ({ items: d.list ?? [] }) },
  validate: (d) => (Array.isArray(d.items) && d.items.every((x) => typeof x === 'string') ? null : 'items must be a list of text'),
};

const dir = () => mkdtempSync(join(tmpdir(), 'harmony-files-'));

describe('readDoc', () => {
  it('gives the empty document when the file is missing', () => {
    expect(readDoc(join(dir(), 'none.json'), spec)).toEqual({ schemaVersion: 2, items: [] });
  });

  const bad: Record<string, string> = {
    garbage: 'hello, this is not json',
    truncated: '{"schemaVersion": 2, "items": ["a", "b"',
    empty: '',
    'wrong types': '{"schemaVersion": 2, "items": [1, 2]}',
    'no version': '{"items": []}',
    'an array': '[]',
    newer: '{"schemaVersion": 3, "items": []}',
  };
  for (const [name, text] of Object.entries(bad)) {
    it(`refuses a ${name} file with a DataError naming it, and leaves it byte-for-byte`, () => {
      const file = join(dir(), 'doc.json');
      writeFileSync(file, text);
      expect(() => readDoc(file, spec)).toThrow(DataError);
      expect(() => readDoc(file, spec)).toThrow(file);
      expect(readFileSync(file, 'utf8')).toBe(text);
    });
  }

  it('says a newer file needs a newer harmony', () => {
    const file = join(dir(), 'doc.json');
    writeFileSync(file, '{"schemaVersion": 9, "items": []}');
    expect(() => readDoc(file, spec)).toThrow(/newer harmony/);
  });

  it('migrates an older document in memory without rewriting the file', () => {
    const file = join(dir(), 'doc.json');
    const old = '{"schemaVersion": 1, "list": ["kept"]}';
    writeFileSync(file, old);
    expect(readDoc(file, spec)).toEqual({ schemaVersion: 2, items: ['kept'] });
    expect(readFileSync(file, 'utf8')).toBe(old);
  });
});

describe('writeDoc', () => {
  it('writes mode 0600 and leaves no temp files behind', () => {
    const d = dir();
    const file = join(d, 'sub', 'doc.json');
    writeDoc(file, { schemaVersion: 2, items: ['x'] });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readDoc(file, spec).items).toEqual(['x']);
    expect(readdirSync(join(d, 'sub'))).toEqual(['doc.json']);
  });

  it('reports a write it cannot make as a DataError and keeps the old file', () => {
    const d = dir();
    const file = join(d, 'doc.json');
    writeDoc(file, { schemaVersion: 2, items: ['old'] });
    // A path whose parent is a regular file cannot be written (ENOTDIR), even as root.
    expect(() => writeDoc(join(file, 'child.json'), { schemaVersion: 2, items: [] })).toThrow(DataError);
    expect(readDoc(file, spec).items).toEqual(['old']);
  });
});
