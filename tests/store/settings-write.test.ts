import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { Store } from '../../src/store/index.js';
import { saveSetting } from '../../src/store/settings-write.js';

describe('saveSetting', () => {
  it('is checked by the JSON schema even when the caller skipped parsing', async () => {
    const store = new Store(mkdtempSync(join(tmpdir(), 'harmony-settings-')));
    await saveSetting(store, 'dayStartHour', 5);
    await expect(saveSetting(store, 'dayStartHour', 9)).rejects.toBeInstanceOf(UsageError);
    await expect(saveSetting(store, 'color', 'pink' as never)).rejects.toThrow(/color/);
    expect(JSON.parse(readFileSync(store.path('config.json'), 'utf8'))).toEqual({ schemaVersion: 1, dayStartHour: 5 });
    expect(store.settings().dayStartHour).toBe(5);
  });
});
