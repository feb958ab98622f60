/**
 * read.ts: the field readers of the Partner Center adapter. Each reads own properties only and
 * names the JSON path at fault; errors are asserted whole (code, field, message, received).
 */
import { describe, expect, it } from 'vitest';
import type { Note } from '../../src/partner-center/notes.js';
import * as adapter from '../../src/partner-center/fromPartnerCenter.js';
import { notRead, withoutReceived, withoutReported } from '../support/partnerCenter.js';
import {
  optionalInstant,
  pathOf,
  readDateOnly,
  readEnum,
  readRefundable,
  type At,
} from '../../src/partner-center/read.js';
import { at, dayNumber } from '../support/time.js';
import { fault, pc, snapshot } from '../support/partnerCenter.js';

const fromPartnerCenter = (...a: Parameters<typeof adapter.fromPartnerCenter>) =>
  withoutReported(adapter.fromPartnerCenter(...a));

const where = (record: Record<string, unknown>, path = ''): At => ({ record, path });

describe('pathOf: the JSON path of a key', () => {
  it('at the root it is the key; below, parent.key', () => {
    expect(pathOf(where({}), 'status')).toBe('status');
    expect(pathOf(where({}, 'scheduledNextTermInstructions.product'), 'skuId')).toBe(
      'scheduledNextTermInstructions.product.skuId',
    );
  });
});

describe('readEnum: case-insensitive, `_` ignored (partner-center.md "Enum casing")', () => {
  const table = new Map([
    ['onetime', 'one'],
    ['annual', 'year'],
  ]);
  it('every underscore is ignored and any casing reads the same', () => {
    expect(readEnum(where({ c: 'O_N_E_TIME' }), 'c', table)).toBe('one');
    expect(readEnum(where({ c: '_Annual_' }), 'c', table)).toBe('year');
  });
  it('absent or null → undefined', () => {
    expect(readEnum(where({}), 'c', table)).toBeUndefined();
    expect(readEnum(where({ c: null }), 'c', table)).toBeUndefined();
  });
  it('without an expected list, the message lists the table keys; the path is nested', () => {
    expect(fault(() => readEnum(where({ c: 'weekly' }, 'product'), 'c', table))).toEqual({
      code: 'INVALID_ENUM',
      field: 'product.c',
      message: 'product.c: expected one of onetime, annual, got "weekly"',
      received: 'weekly',
    });
  });
  it('a non-string is INVALID_ENUM with the value described', () => {
    expect(fault(() => readEnum(where({ c: 7 }), 'c', table, 'A, B'))).toEqual({
      code: 'INVALID_ENUM',
      field: 'c',
      message: 'c: expected one of A, B, got 7',
      received: 7,
    });
    expect(fault(() => readEnum(where({ c: true }), 'c', table, 'A, B'))).toEqual({
      code: 'INVALID_ENUM',
      field: 'c',
      message: 'c: expected one of A, B, got true',
      received: true,
    });
  });
  it('an inherited key is not read', () => {
    expect(readEnum(where(Object.create({ c: 'annual' }) as Record<string, unknown>), 'c', table)).toBeUndefined();
  });
});

describe('optionalInstant (T1)', () => {
  it('absent or null → null; an ISO instant with Z or an offset → epoch ms', () => {
    expect(optionalInstant(where({}), 'd')).toBeNull();
    expect(optionalInstant(where({ d: null }), 'd')).toBeNull();
    // 2024-01-22T10:30:12+01:00 is 09:30:12Z.
    expect(optionalInstant(where({ d: '2024-01-22T10:30:12+01:00' }), 'd')).toBe(at('2024-01-22T09:30:12Z'));
  });
  it('T1: a date-time without offset is read as UTC, with a note naming the nested path', () => {
    const notes: Note[] = [];
    expect(optionalInstant({ ...where({ d: '2024-01-22T09:30:12' }, 'x'), notes }, 'd')).toBe(
      at('2024-01-22T09:30:12Z'),
    );
    expect(notes.map((n) => [n.code, n.field])).toEqual([['OFFSETLESS_AS_UTC', 'x.d']]);
  });
  it('T1: the placeholder 0001-01-01 is unknown (null), with a note', () => {
    const notes: Note[] = [];
    expect(optionalInstant({ ...where({ d: '0001-01-01T00:00:00Z' }), notes }, 'd')).toBeNull();
    expect(notes.map((n) => [n.code, n.field, n.kind])).toEqual([['PLACEHOLDER_DATE', 'd', 'unknown']]);
  });
});

describe('readDateOnly (T2): the calendar date as written', () => {
  it.each([
    ['2025-01-14', '2025-01-14'],
    ['2025-01-14T00:30:00+14:00', '2025-01-14'], // 2025-01-13T10:30Z in UTC: the written date wins
    ['2025-01-14T23:30:00-05:00', '2025-01-14'], // 2025-01-15T04:30Z in UTC
  ])('%s → %s', (written, day) => {
    expect(readDateOnly(written, 'd')).toBe(dayNumber(day));
  });
  it('epoch ms and Dates are instants: their UTC day', () => {
    // 2025-01-14T23:59:59.999Z is the last ms of 2025-01-14.
    expect(readDateOnly(at('2025-01-14T23:59:59.999Z'), 'd')).toBe(dayNumber('2025-01-14'));
    expect(readDateOnly(new Date(at('2025-01-15T00:00:00Z')), 'd')).toBe(dayNumber('2025-01-15'));
  });
  it('T2: a date-time without offset is the date as written (read as UTC, noted)', () => {
    const notes: Note[] = [];
    expect(readDateOnly('2025-01-14T00:00:00', 'commitmentEndDate', notes)).toBe(dayNumber('2025-01-14'));
    expect(notes.map((n) => [n.code, n.field])).toEqual([['OFFSETLESS_AS_UTC', 'commitmentEndDate']]);
  });
  it('text that does not start with the date → INVALID_DATE', () => {
    expect(fault(() => readDateOnly('x2025-01-14T00:00:00Z', 'd'))).toEqual({
      code: 'INVALID_DATE',
      field: 'd',
      message: 'd: expected a UTC date YYYY-MM-DD, got "x2025-01-14T00:00:00Z"',
      received: 'x2025-01-14T00:00:00Z',
    });
  });
  it('an array holding a date string is not a date → INVALID_DATE (only strings are sliced)', () => {
    expect(fault(() => readDateOnly(['2025-01-14T00:00:00Z'], 'd'))).toEqual({
      code: 'INVALID_DATE',
      field: 'd',
      message: 'd: expected a UTC date YYYY-MM-DD, got an array',
      received: ['2025-01-14T00:00:00Z'],
    });
  });
  it('a short year or month is not the date form', () => {
    expect(fault(() => readDateOnly('202-01-14', 'd'))).toMatchObject({ code: 'INVALID_DATE', field: 'd' });
    expect(fault(() => readDateOnly('2025-1-14T00:00:00Z', 'd'))).toMatchObject({ code: 'INVALID_DATE', field: 'd' });
    expect(fault(() => readDateOnly('2025-01-1', 'd'))).toMatchObject({ code: 'INVALID_DATE', field: 'd' });
  });
  it('T1: through fromPartnerCenter, commitmentEndDate 42 (epoch ms 42, 1970-01-01) is before 2000: INSTANT_OUT_OF_RANGE', () => {
    expect(fault(() => fromPartnerCenter(pc({ commitmentEndDate: 42 })))).toEqual({
      code: 'INSTANT_OUT_OF_RANGE',
      field: 'commitmentEndDate',
      message: 'commitmentEndDate: 42 is before 2000-01-01 (UTC): no CSP subscription is that old',
      received: 42,
    });
  });
  it('through fromPartnerCenter: commitmentEndDate as epoch ms of 2024-01-14 is before the term start', () => {
    expect(fault(() => fromPartnerCenter(pc({ commitmentEndDate: Date.UTC(2024, 0, 14) })))).toEqual({
      code: 'INCONSISTENT',
      field: 'commitmentEndDate',
      message: 'commitmentEndDate: ends before the current term starts (2024-01-15)',
      received: Date.UTC(2024, 0, 14),
    });
  });
});

describe('optionalString: strings or null', () => {
  it('promotionId that is not a string is not read (an auxiliary field: a note)', () => {
    expect(notRead(() => fromPartnerCenter(pc({ promotionId: 5 })))).toMatchObject({
      code: 'INVALID_TYPE',
      field: 'promotionId',
      message: 'promotionId: expected a string, got 5',
    });
  });
  it.each(['offerName', 'parentSubscriptionId', 'offerId'])('%s that is not a string → INVALID_TYPE', (key) => {
    expect(fault(() => fromPartnerCenter(pc({ [key]: 5 })))).toEqual({
      code: 'INVALID_TYPE',
      field: key,
      message: `${key}: expected a string, got 5`,
      received: 5,
    });
  });
});

describe('readRefundable (Q4): refundableQuantity as reported', () => {
  const read = (refundableQuantity: unknown): unknown => readRefundable(where({ refundableQuantity }));

  it('absent or null → null', () => {
    expect(read(undefined)).toBeNull();
    expect(read(null)).toBeNull();
  });
  it('totalQuantity absent or null → null; details absent or null → null', () => {
    expect(read({})).toEqual({ totalQuantity: null, details: null });
    expect(read({ totalQuantity: null, details: null })).toEqual({ totalQuantity: null, details: null });
    expect(read({ totalQuantity: 0, details: [] })).toEqual({ totalQuantity: 0, details: [] });
  });
  it('details in order, quantities and window ends read', () => {
    const json = {
      totalQuantity: 8,
      details: [
        { quantity: 5, allowedUntilDateTime: '2024-03-13T08:15:00Z' },
        { quantity: 3, allowedUntilDateTime: '2024-03-17T15:02:45+01:00' },
      ],
    };
    expect(read(json)).toEqual({
      totalQuantity: 8,
      details: [
        { quantity: 5, allowedUntil: at('2024-03-13T08:15:00Z') },
        { quantity: 3, allowedUntil: at('2024-03-17T14:02:45Z') },
      ],
    });
  });
  it.each([
    [
      5,
      {
        code: 'INVALID_TYPE',
        field: 'refundableQuantity',
        message: 'refundableQuantity: expected an object, got 5',
        received: 5,
      },
    ],
    [
      { totalQuantity: -1, details: [] },
      {
        code: 'INVALID_QUANTITY',
        field: 'refundableQuantity.totalQuantity',
        message: 'refundableQuantity.totalQuantity: expected a whole number ≥ 0, got -1',
        received: -1,
      },
    ],
    [
      { totalQuantity: 1, details: { quantity: 1 } },
      {
        code: 'INVALID_TYPE',
        field: 'refundableQuantity.details',
        message: 'refundableQuantity.details: expected an array, got an object',
        received: { quantity: 1 },
      },
    ],
    [
      { totalQuantity: 1, details: [{ quantity: 1, allowedUntilDateTime: '2024-03-17T14:02:45Z' }, 'x'] },
      {
        code: 'INVALID_TYPE',
        field: 'refundableQuantity.details[1]',
        message: 'refundableQuantity.details[1]: expected an object, got "x"',
        received: 'x',
      },
    ],
    [
      { totalQuantity: 1, details: [{ allowedUntilDateTime: '2024-03-17T14:02:45Z' }] },
      {
        code: 'MISSING_FIELD',
        field: 'refundableQuantity.details[0].quantity',
        message: 'refundableQuantity.details[0].quantity: is required',
        received: undefined,
      },
    ],
    [
      { totalQuantity: 1, details: [{ quantity: 1.5, allowedUntilDateTime: '2024-03-17T14:02:45Z' }] },
      {
        code: 'INVALID_QUANTITY',
        field: 'refundableQuantity.details[0].quantity',
        message: 'refundableQuantity.details[0].quantity: expected a whole number ≥ 0, got 1.5',
        received: 1.5,
      },
    ],
    [
      { totalQuantity: 1, details: [{ quantity: 1, allowedUntilDateTime: null }] },
      {
        code: 'MISSING_FIELD',
        field: 'refundableQuantity.details[0].allowedUntilDateTime',
        message: 'refundableQuantity.details[0].allowedUntilDateTime: is required',
        received: undefined,
      },
    ],
  ])('Q4: %j is not read: a note names its path', (refundableQuantity, error) => {
    // The note does not keep the value received.
    expect(notRead(() => fromPartnerCenter(pc({ refundableQuantity })))).toEqual(withoutReceived(error));
  });
  it('Q4: totalQuantity null with details is read (the total is not used)', () => {
    const json = pc({
      refundableQuantity: {
        totalQuantity: null,
        details: [{ quantity: 5, allowedUntilDateTime: '2024-03-17T14:02:45Z' }],
      },
    });
    expect(fromPartnerCenter(json).subscription).toEqual(snapshot());
  });
});
