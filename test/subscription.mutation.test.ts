/**
 * The snapshot's validation and its inverse, asserted whole: every error's code, field and
 * message, the term-end anchor (T6) and the exact keys `toInput` writes. Expected values are
 * worked out by hand in the comments.
 */
import { describe, expect, it } from 'vitest';
import { describe as describeValue } from '../src/core/errors.js';
import { deriveSnapshot, toInput, withChanges } from '../src/snapshot/changes.js';
import { toSubscription, type SubscriptionInput } from '../src/snapshot/subscription.js';
import { formatDay } from '../src/time/day.js';
import { toBoolean, toCount, toEnum, toOptionalString, toRecord } from '../src/core/validate.js';
import { caught } from './support/caught.js';

const BASE = {
  program: 'nce-license',
  term: 'P1Y',
  billing: 'monthly',
  quantity: 15,
  purchasedAt: '2024-01-15T09:30:12Z',
} as const satisfies SubscriptionInput;

/** The whole error of a call: code, field and message. */
function error(fn: () => unknown): { code: string; field: string; message: string } {
  const e = caught(fn);
  return { code: e.code, field: e.field, message: e.message };
}

const sub = (input: Record<string, unknown>): ReturnType<typeof toSubscription> =>
  toSubscription(input as unknown as SubscriptionInput);

describe('toSubscription errors, whole', () => {
  it('B1 a billing longer than the term names billing and both values', () => {
    expect(error(() => sub({ ...BASE, term: 'P1M', billing: 'annual' }))).toEqual({
      code: 'INCONSISTENT',
      field: 'billing',
      message: 'billing: annual billing is longer than the P1M term (B1)',
    });
  });

  it('R3 termStartedAt before the purchase, termStartDate not its UTC day, a start before the purchase day', () => {
    expect(error(() => sub({ ...BASE, termStartedAt: '2024-01-15T09:30:11.999Z' }))).toEqual({
      code: 'INCONSISTENT',
      field: 'termStartedAt',
      message: 'termStartedAt: is before purchasedAt',
    });
    // 2024-02-14T23:30Z is on 2024-02-14 in UTC, not on the 15th.
    expect(error(() => sub({ ...BASE, termStartedAt: '2024-02-14T23:30:00Z', termStartDate: '2024-02-15' }))).toEqual({
      code: 'INCONSISTENT',
      field: 'termStartDate',
      message: 'termStartDate: is not the UTC day of termStartedAt',
    });
    // The same day, given both ways, is accepted.
    expect(
      formatDay(sub({ ...BASE, termStartedAt: '2024-02-14T23:30:00Z', termStartDate: '2024-02-14' }).termStartDay),
    ).toBe('2024-02-14');
    expect(error(() => sub({ ...BASE, termStartedAt: null, termStartDate: '2024-01-14' }))).toEqual({
      code: 'INCONSISTENT',
      field: 'termStartDate',
      message: 'termStartDate: is before the purchase day',
    });
  });

  it('T2 a term end before the term start', () => {
    expect(error(() => sub({ ...BASE, termEndDate: '2024-01-14' }))).toEqual({
      code: 'INCONSISTENT',
      field: 'termEndDate',
      message: 'termEndDate: is before the term start',
    });
    // The start day itself is a valid (one-day) term.
    expect(formatDay(sub({ ...BASE, termEndDate: '2024-01-15' }).termEndDay)).toBe('2024-01-15');
  });

  it('Q2 seat batches: not an array, a batch before the purchase', () => {
    expect(error(() => sub({ ...BASE, seatBatches: {} }))).toEqual({
      code: 'INVALID_TYPE',
      field: 'seatBatches',
      message: 'seatBatches: expected an array of { quantity, addedAt }',
    });
    expect(error(() => sub({ ...BASE, seatBatches: [{ quantity: 1, addedAt: '2024-01-15T09:30:11Z' }] }))).toEqual({
      code: 'INCONSISTENT',
      field: 'seatBatches[0].addedAt',
      message: 'seatBatches[0].addedAt: is before purchasedAt',
    });
  });

  it('T1 a required field given as null is missing, not an invalid instant', () => {
    expect(error(() => sub({ ...BASE, purchasedAt: null }))).toEqual({
      code: 'MISSING_FIELD',
      field: 'purchasedAt',
      message: 'purchasedAt: is required',
    });
    expect(error(() => sub({ ...BASE, quantity: null }))).toEqual({
      code: 'MISSING_FIELD',
      field: 'quantity',
      message: 'quantity: is required',
    });
  });

  it('unknown fields: the hint at the top level, none inside; odd keys quoted; undefined values ignored', () => {
    expect(error(() => sub({ ...BASE, autorenew: false }))).toEqual({
      code: 'UNKNOWN_FIELD',
      field: 'autorenew',
      message: 'autorenew: is not a field of this input (a copied snapshot? pass toInput(snapshot) instead)',
    });
    expect(error(() => sub({ ...BASE, seatBatches: [{ quantity: 1, addedAt: BASE.purchasedAt, note: 'x' }] }))).toEqual(
      {
        code: 'UNKNOWN_FIELD',
        field: 'seatBatches[0].note',
        message: 'seatBatches[0].note: is not a field of this input',
      },
    );
    expect(error(() => sub({ ...BASE, scheduledChange: { seats: 3 } }))).toEqual({
      code: 'UNKNOWN_FIELD',
      field: 'scheduledChange.seats',
      message: 'scheduledChange.seats: is not a field of this input',
    });
    // Keys that are not plain identifiers are quoted, so the path still names them.
    expect(caught(() => sub({ ...BASE, 'a b': 1 })).field).toBe('"a b"');
    expect(caught(() => sub({ ...BASE, '1st': 1 })).field).toBe('"1st"');
    expect(caught(() => sub({ ...BASE, 'term-': 1 })).field).toBe('"term-"');
    expect(caught(() => sub({ ...BASE, $x_1: 1 })).field).toBe('$x_1');
    // A key present with the value undefined is as good as absent.
    expect(sub({ ...BASE, autorenew: undefined }).autoRenew).toBe(true);
  });
});

describe('T6 the default term end: anchored on the purchase day only from a clamped month end', () => {
  it('T6 a renewed monthly term from Feb 29 after a Jan 31 purchase ends Mar 30 (aims at the 31st)', () => {
    const s = sub({ ...BASE, purchasedAt: '2024-01-31T10:00:00Z', term: 'P1M', termStartedAt: '2024-02-29T00:05:00Z' });
    expect(formatDay(s.termEndDay)).toBe('2024-03-30');
  });
  it('T6 a term from Feb 29 (a month end) after a Jan 15 purchase aims at the 29th: ends Mar 28', () => {
    const s = sub({ ...BASE, purchasedAt: '2024-01-15T10:00:00Z', term: 'P1M', termStartedAt: '2024-02-29T00:05:00Z' });
    expect(formatDay(s.termEndDay)).toBe('2024-03-28');
  });
  it('T6 a term from Mar 15 (not a month end) after a Jan 31 purchase aims at the 15th: ends Apr 14', () => {
    const s = sub({ ...BASE, purchasedAt: '2024-01-31T10:00:00Z', term: 'P1M', termStartedAt: '2024-03-15T00:05:00Z' });
    expect(formatDay(s.termEndDay)).toBe('2024-04-14');
  });
});

describe('toInput writes exactly the keys that describe the snapshot', () => {
  it('no id key without an id; termStartDate only for an unknown completion (R3)', () => {
    const input = toInput(sub({ ...BASE }));
    expect(Object.keys(input)).toEqual([
      'offerName',
      'program',
      'status',
      'term',
      'billing',
      'quantity',
      'purchasedAt',
      'termStartedAt',
      'termEndDate',
      'autoRenew',
      'trial',
      'promotionId',
      'isReturnable',
      'parentSubscriptionId',
      'cancellationWindowFrom',
      'scheduledChange',
      'nextChargeBilling',
      'updateCount',
    ]);
    expect(input.scheduledChange).toBeNull();
    const renewed = toInput(
      sub({ ...BASE, id: 'S1', termStartedAt: null, termStartDate: '2025-01-15', termEndDate: '2026-01-14' }),
    );
    expect(renewed.id).toBe('S1');
    expect(renewed.termStartDate).toBe('2025-01-15');
    expect(renewed.termStartedAt).toBeNull();
  });

  it('S1 a scheduled change keeps only the fields it has', () => {
    const only = (change: Record<string, unknown>): unknown =>
      toInput(sub({ ...BASE, scheduledChange: change })).scheduledChange;
    expect(only({ quantity: 3 })).toStrictEqual({ quantity: 3 });
    expect(only({ term: 'P1M' })).toStrictEqual({ term: 'P1M' });
    expect(only({ billing: 'annual' })).toStrictEqual({ billing: 'annual' });
    expect(only({ offerName: 'Microsoft 365 E5' })).toStrictEqual({ offerName: 'Microsoft 365 E5' });
    expect(only({ customTermEndDate: '2025-06-30' })).toStrictEqual({ customTermEndDate: '2025-06-30' });
  });
});

describe("deriveSnapshot (the lifecycle machine's simple facts)", () => {
  const s = sub({ ...BASE, scheduledChange: { quantity: 3 } });
  it('anything but status, autoRenew, nextChargeBilling and a cleared scheduled change is refused', () => {
    expect(error(() => deriveSnapshot(s, { quantity: 3 } as never))).toEqual({
      code: 'UNKNOWN_FIELD',
      field: 'quantity',
      message: 'quantity: is not a simple fact',
    });
    expect(caught(() => deriveSnapshot(s, { scheduledChange: { quantity: 4 } } as never)).field).toBe(
      'scheduledChange',
    );
    expect(deriveSnapshot(s, { scheduledChange: null }).scheduledChange).toBeNull();
    // Clearing the scheduled change does not let another fact through.
    expect(caught(() => deriveSnapshot(s, { quantity: 3, scheduledChange: null } as never)).field).toBe('quantity');
    expect(deriveSnapshot(s, {}).scheduledChange).toEqual(s.scheduledChange);
  });
  it('each fact is checked under its own name', () => {
    expect(caught(() => deriveSnapshot(s, { autoRenew: 'no' } as never)).field).toBe('autoRenew');
    expect(caught(() => deriveSnapshot(s, { nextChargeBilling: 'weekly' } as never)).field).toBe('nextChargeBilling');
    expect(deriveSnapshot(s, { nextChargeBilling: 'annual' }).nextChargeBilling).toBe('annual');
    expect(deriveSnapshot(s, { nextChargeBilling: null }).nextChargeBilling).toBeNull();
  });
});

describe('withChanges', () => {
  it('a JSON __proto__ key is a field of the changes, so it is refused as unknown', () => {
    expect(caught(() => withChanges(BASE, JSON.parse('{"__proto__": {"quantity": 1}}') as never)).code).toBe(
      'UNKNOWN_FIELD',
    );
    expect(withChanges(BASE, { quantity: 4 }).quantity).toBe(4);
  });
});

describe('field checks: whole messages', () => {
  it('toCount, toEnum, toBoolean, toOptionalString, toRecord', () => {
    expect(error(() => toCount('5', 'quantity'))).toEqual({
      code: 'INVALID_QUANTITY',
      field: 'quantity',
      message: 'quantity: expected a whole number ≥ 0, got "5"',
    });
    expect(error(() => toCount(0, 'n', 1))).toEqual({
      code: 'INVALID_QUANTITY',
      field: 'n',
      message: 'n: expected a whole number ≥ 1, got 0',
    });
    expect(error(() => toEnum(undefined, ['P1M', 'P1Y'], 'term'))).toEqual({
      code: 'MISSING_FIELD',
      field: 'term',
      message: 'term: is required (one of P1M, P1Y)',
    });
    expect(error(() => toEnum(1, ['P1M', 'P1Y'], 'term'))).toEqual({
      code: 'INVALID_ENUM',
      field: 'term',
      message: 'term: expected one of P1M, P1Y, got 1',
    });
    expect(error(() => toBoolean(1, 'trial', false))).toEqual({
      code: 'INVALID_TYPE',
      field: 'trial',
      message: 'trial: expected true or false, got 1',
    });
    expect(error(() => toOptionalString(1, 'id'))).toEqual({
      code: 'INVALID_TYPE',
      field: 'id',
      message: 'id: expected a string, got 1',
    });
    expect(error(() => toRecord([], 'options'))).toEqual({
      code: 'INVALID_TYPE',
      field: 'options',
      message: 'options: expected an object, got an array',
    });
  });

  it('describe() keeps strings up to 64 characters whole and cuts longer ones to 61 + "..."', () => {
    const s64 = 'x'.repeat(64);
    expect(describeValue(s64)).toBe(JSON.stringify(s64));
    expect(describeValue('x'.repeat(65))).toBe(JSON.stringify(`${'x'.repeat(61)}...`));
  });
});
