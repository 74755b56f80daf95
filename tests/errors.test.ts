import { describe, expect, it } from 'vitest';
import { CancelledError, DataError, EXIT, report, UsageError } from '../src/errors.js';

describe('report: the one map from errors to exit codes', () => {
  it('maps typed errors to their codes with their message', () => {
    expect(report(new UsageError('bad flag'), false)).toEqual({ code: 2, message: 'bad flag' });
    expect(report(new DataError('corrupt'), false)).toEqual({ code: 3, message: 'corrupt' });
    expect(report(new CancelledError('Check-in cancelled, nothing saved.'), false)).toEqual({ code: 130, message: 'Check-in cancelled, nothing saved.' });
  });

  it("treats inquirer's ExitPromptError (Ctrl+C) as cancelled", () => {
    const err = new Error('User force closed the prompt with SIGINT');
    err.name = 'ExitPromptError';
    expect(report(err, false).code).toBe(EXIT.cancelled);
  });

  it('gives anything else exit 1, one line and a --debug hint; the stack only with --debug', () => {
    const err = new TypeError('x is undefined\nsecond line');
    const plain = report(err, false);
    expect(plain.code).toBe(1);
    expect(plain.message).toBe('Unexpected error: x is undefined (rerun with --debug for details)');
    expect(report(err, true).message).toContain('at ');
  });
});
