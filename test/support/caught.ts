import { expect } from 'vitest';
import { CspRulesError } from '../../src/core/errors.js';

/** Runs `fn` and returns the CspRulesError it throws (fails the test on anything else). */
export function caught(fn: () => unknown): CspRulesError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(CspRulesError);
    return error as CspRulesError;
  }
  throw new Error('expected a CspRulesError, nothing was thrown');
}

/** The CspRulesError `fn` throws, as its code, field and whole message. */
export function errorOf(fn: () => unknown): { code: string; field: string; message: string } {
  const e = caught(fn);
  return { code: e.code, field: e.field, message: e.message };
}
