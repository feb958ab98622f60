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
        purchasedAt: '2024-01-15T09:30:00Z',
        seatBatches: [
          { quantity: 1, addedAt: '2024-01-15T09:30:00Z' },
          { quantity: 0.5, addedAt: '2024-01-15T09:30:00Z' },
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

describe('CspRulesError structure: path, detail, and a message built from them', () => {
  it('keeps the path as keys and indices, the bare detail and the value received', () => {
    const e = new CspRulesError('INVALID_QUANTITY', 'seatBatches[1].quantity', 'expected a whole number ≥ 1', -2);
    expect(e.path).toEqual(['seatBatches', 1, 'quantity']);
    expect(e.detail).toBe('expected a whole number ≥ 1');
    expect(e.message).toBe('seatBatches[1].quantity: expected a whole number ≥ 1');
    expect(Object.isFrozen(e.path)).toBe(true);
  });

  it('takes the path as keys too; keys that are not names are quoted in the text', () => {
    expect(new CspRulesError('UNKNOWN_FIELD', ['a b'], 'x').field).toBe('"a b"');
    expect(new CspRulesError('UNKNOWN_FIELD', ['seatBatches', 0, ''], 'x').field).toBe('seatBatches[0].""');
    expect(new CspRulesError('INVALID_ENUM', ['policy', 'programs', 'nce-license'], 'x').field).toBe(
      'policy.programs.nce-license',
    );
    expect(new CspRulesError('UNKNOWN_FIELD', ['term-'], 'x').field).toBe('"term-"');
    expect(new CspRulesError('INVALID_TYPE', [], 'x').message).toBe('$: x');
  });

  it('reads a quoted key back from the text form', () => {
    expect(new CspRulesError('UNKNOWN_FIELD', 'seatBatches[0]."a.b"', 'x').path).toEqual(['seatBatches', 0, 'a.b']);
    expect(new CspRulesError('UNKNOWN_FIELD', '$', 'x').path).toEqual([]);
    expect(new CspRulesError('UNKNOWN_FIELD', '$[2].status', 'x').path).toEqual([2, 'status']);
  });

  it('under() puts the error under a parent path, keeping code, detail and received', () => {
    const inner = new CspRulesError('MISSING_FIELD', 'status', 'is required', undefined);
    const e = inner.under(['items', 2]);
    expect([e.code, e.field, e.path, e.detail, e.message, e.received]).toEqual([
      'MISSING_FIELD',
      'items[2].status',
      ['items', 2, 'status'],
      'is required',
      'items[2].status: is required',
      undefined,
    ]);
    expect(new CspRulesError('INVALID_TYPE', [], 'expected an object').under('[3]').field).toBe('[3]');
    expect(inner.field).toBe('status'); // unchanged
  });
});
