/**
 * The field checks every input goes through, asserted whole: code, field and message.
 */
import { describe, expect, it } from 'vitest';
import { toBoolean, toCount, toEnum, toOptionalString, toRecord } from '../../src/core/validate.js';
import { errorOf } from '../support/caught.js';

describe('field checks: whole messages', () => {
  it('toCount, toEnum, toBoolean, toOptionalString, toRecord', () => {
    expect(errorOf(() => toCount('5', 'quantity'))).toEqual({
      code: 'INVALID_QUANTITY',
      field: 'quantity',
      message: 'quantity: expected a whole number ≥ 0, got "5"',
    });
    expect(errorOf(() => toCount(0, 'n', 1))).toEqual({
      code: 'INVALID_QUANTITY',
      field: 'n',
      message: 'n: expected a whole number ≥ 1, got 0',
    });
    expect(errorOf(() => toEnum(undefined, ['P1M', 'P1Y'], 'term'))).toEqual({
      code: 'MISSING_FIELD',
      field: 'term',
      message: 'term: is required (one of P1M, P1Y)',
    });
    expect(errorOf(() => toEnum(1, ['P1M', 'P1Y'], 'term'))).toEqual({
      code: 'INVALID_ENUM',
      field: 'term',
      message: 'term: expected one of P1M, P1Y, got 1',
    });
    expect(errorOf(() => toBoolean(1, 'trial', false))).toEqual({
      code: 'INVALID_TYPE',
      field: 'trial',
      message: 'trial: expected true or false, got 1',
    });
    expect(errorOf(() => toOptionalString(1, 'id'))).toEqual({
      code: 'INVALID_TYPE',
      field: 'id',
      message: 'id: expected a string, got 1',
    });
    expect(errorOf(() => toRecord([], 'options'))).toEqual({
      code: 'INVALID_TYPE',
      field: 'options',
      message: 'options: expected an object, got an array',
    });
  });
});
