import { describe, expect, it } from 'vitest';
import { resolveSettingKey } from '../../src/core/config.js';
import { UsageError } from '../../src/errors.js';

describe('resolveSettingKey', () => {
  it('suggests the close key for a typo and lists the valid ones', () => {
    expect(() => resolveSettingKey('colour')).toThrow(UsageError);
    expect(() => resolveSettingKey('colour')).toThrow(/Unknown setting "colour". Did you mean color\? Valid keys: name, dayStartHour/);
    expect(() => resolveSettingKey('remnider')).toThrow(/Did you mean reminder\?/);
  });

  it('does not suggest anything for a word that is not close', () => {
    expect(() => resolveSettingKey('volume')).toThrow(/^Unknown setting "volume". Valid keys:/);
  });

  it('still resolves keys in any case or with dashes', () => {
    expect(resolveSettingKey('day-start-hour')).toBe('dayStartHour');
    expect(resolveSettingKey('COLOR')).toBe('color');
  });
});
