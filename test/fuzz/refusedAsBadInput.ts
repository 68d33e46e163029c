import { expect } from 'vitest';
import { formatIssue, InputError, LeadsimError } from '../../src/core/errors.ts';

/**
 * Runs `load` (a loader or checker of a user's file) and returns what it returns, or undefined when it refused the
 * file as bad input: a {@link LeadsimError} (the CLI prints its message and exits 2), naming `file`, with at least
 * one issue at a JSON path when it is an {@link InputError}. Anything else thrown is a crash (a stack trace, exit 1)
 * and fails the fuzzer.
 */
export function loadsOrRefuses<T>(load: () => T, file: string): T | undefined {
  try {
    return load();
  } catch (error) {
    if (!(error instanceof LeadsimError)) throw error;
    expect(error.message).toContain(file);
    expect(error.message).not.toMatch(/\n\s+at /);
    if (error instanceof InputError) {
      expect(error.issues.length).toBeGreaterThan(0);
      for (const issue of error.issues) expect(formatIssue(issue)).toMatch(/^\$/);
    }
    return undefined;
  }
}
