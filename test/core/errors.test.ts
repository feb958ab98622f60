import { describe, expect, it } from 'vitest';
import { CspRulesError, describe as describeValue } from '../../src/core/errors.js';
import { toSubscription } from '../../src/snapshot/subscription.js';
import { toInstant } from '../../src/time/instant.js';

describe('CspRulesError shape', () => {
  it('is an Error with name, code, field, received, and a message that starts with the field', () => {
    const e = new CspRulesError(
      'INVALID_QUANTITY',
      'seatBatches[1].quantity',
      'expected a whole number ≥ 1, got -2',
      -2,
    );
    expect(e).toBeInstanceOf(Error);
    expect(e).toBeInstanceOf(CspRulesError);
    expect(e.name).toBe('CspRulesError');
    expect(e.code).toBe('INVALID_QUANTITY');
    expect(e.field).toBe('seatBatches[1].quantity');
    expect(e.received).toBe(-2);
    expect(e.message).toBe('seatBatches[1].quantity: expected a whole number ≥ 1, got -2');
    expect(typeof e.stack).toBe('string');
    expect(String(e)).toBe('CspRulesError: seatBatches[1].quantity: expected a whole number ≥ 1, got -2');
  });

  it('received is optional', () => {
    expect(new CspRulesError('MISSING_FIELD', 'program', 'is required').received).toBeUndefined();
  });

  it('T1 errors thrown by the library have the same shape (AMBIGUOUS_INSTANT on now)', () => {
    let error: unknown;
    try {
      toInstant('2024-01-15T09:30:00', 'now');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CspRulesError);
    const e = error as CspRulesError;
    expect([e.name, e.code, e.field]).toEqual(['CspRulesError', 'AMBIGUOUS_INSTANT', 'now']);
    expect(e.message.startsWith('now: ')).toBe(true);
  });

  it('a nested field path leads the message', () => {
    let error: unknown;
    try {
      toSubscription({
        program: 'nce-license',
        term: 'P1Y',
        billing: 'monthly',
        quantity: 3,
        purchasedAt: 0,
        seatBatches: [
          { quantity: 1, addedAt: 0 },
          { quantity: 0.5, addedAt: 0 },
        ],
      });
    } catch (e) {
      error = e;
    }
    expect((error as CspRulesError).message.startsWith('seatBatches[1].quantity: ')).toBe(true);
  });
});

describe('describe(): short, safe descriptions of received values', () => {
  it.each<[string, unknown]>([
    ['null', null],
    ['undefined', undefined],
    ['"abc"', 'abc'],
    ['1.5', 1.5],
    ['NaN', Number.NaN],
    ['true', true],
    ['5', 5n],
    ['a symbol', Symbol('x')],
    ['a function', () => 1],
    ['an array', [1]],
    ['a Date', new Date(0)],
    [
      'an object',
      {
        toString: () => {
          throw new Error('never called');
        },
      },
    ],
    ['an object', Object.create(null)],
  ])('describes as %s', (text, value) => {
    expect(describeValue(value)).toBe(text);
  });

  it('long strings are cut to 64 characters and quoted', () => {
    const text = describeValue('x'.repeat(100_000));
    expect(text).toBe(JSON.stringify(`${'x'.repeat(61)}...`));
  });

  it('describe() keeps strings up to 64 characters whole and cuts longer ones to 61 + "..."', () => {
    const s64 = 'x'.repeat(64);
    expect(describeValue(s64)).toBe(JSON.stringify(s64));
    expect(describeValue('x'.repeat(65))).toBe(JSON.stringify(`${'x'.repeat(61)}...`));
  });
});
