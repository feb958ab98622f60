/**
 * reconcile: tolerance, nulls, policy, and the batch matching of Q4 (issue 7.5). Every expected
 * difference is worked out by hand: nce-license windows are 7 × 24 h (T3) from each addition.
 */
import { describe, expect, it } from 'vitest';
import { reconcile } from '../src/partner-center/reconcile.js';
import type { SubscriptionInput } from '../src/snapshot/subscription.js';
import { caught } from './support/caught.js';
import { ours } from './support/subscriptions.js';

const ms = (iso: string): number => Date.parse(iso);

/** The same plus 3 seats on 2024-03-11T00:00Z (open until 2024-03-18T00:00Z). */
const three: SubscriptionInput = {
  ...ours,
  quantity: 18,
  seatBatches: [...(ours.seatBatches ?? []), { quantity: 3, addedAt: '2024-03-11T00:00:00Z' }],
};
const NOW = '2024-03-12T12:00:00Z';

/** Partner Center's resource with only the fields reconcile reads; the cancellation deadline past at NOW. */
function pc(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { cancellationAllowedUntilDate: '2024-01-22T09:30:12Z', refundableQuantity: null, ...overrides };
}
const detail = (quantity: number, iso: string) => ({ quantity, allowedUntilDateTime: iso });

describe('C1 C12 reconcile: a deadline against none, whatever the tolerance', () => {
  const huge = Number.MAX_SAFE_INTEGER;
  it('C1: ours open (until 2024-01-22T09:30:12Z), Partner Center reports none: a difference even with the largest tolerance', () => {
    const json = pc({ cancellationAllowedUntilDate: null });
    const expected = [
      { kind: 'instant', field: 'cancellationAllowedUntilDate', ours: ms('2024-01-22T09:30:12Z'), theirs: null },
    ];
    expect(reconcile(ours, json, { now: '2024-01-16T00:00:00Z' })).toEqual(expected);
    expect(reconcile(ours, json, { now: '2024-01-16T00:00:00Z', toleranceMs: huge })).toEqual(expected);
  });
  it('C1: ours closed, Partner Center still open (2024-01-22T09:30:13Z): a difference even with the largest tolerance', () => {
    // Our window closed at 2024-01-22T09:30:12Z; at that instant theirs (one second later) is still ahead.
    const json = pc({ cancellationAllowedUntilDate: '2024-01-22T09:30:13Z' });
    const expected = [
      { kind: 'instant', field: 'cancellationAllowedUntilDate', ours: null, theirs: ms('2024-01-22T09:30:13Z') },
    ];
    expect(reconcile(ours, json, { now: '2024-01-22T09:30:12Z', toleranceMs: huge })).toEqual(expected);
  });
  it('C1: the tolerance is inclusive — a gap of exactly toleranceMs agrees, one ms more differs', () => {
    // Ours until 2024-01-22T09:30:12.000Z, theirs 2024-01-22T09:30:13.000Z: a gap of 1000 ms.
    const json = pc({ cancellationAllowedUntilDate: '2024-01-22T09:30:13Z' });
    expect(reconcile(ours, json, { now: '2024-01-16T00:00:00Z', toleranceMs: 1000 })).toEqual([]);
    expect(reconcile(ours, json, { now: '2024-01-16T00:00:00Z', toleranceMs: 999 })).toEqual([
      {
        kind: 'instant',
        field: 'cancellationAllowedUntilDate',
        ours: ms('2024-01-22T09:30:12Z'),
        theirs: ms('2024-01-22T09:30:13Z'),
      },
    ]);
  });
});

describe('R3 reconcile: the policy is used for our side', () => {
  const renewed: SubscriptionInput = {
    program: 'nce-license',
    term: 'P1M',
    billing: 'monthly',
    quantity: 20,
    purchasedAt: '2023-11-08T16:45:03Z',
    termStartedAt: null,
    termStartDate: '2024-03-08',
    termEndDate: '2024-04-07',
  };
  const json = pc({ cancellationAllowedUntilDate: '2024-03-15T03:12:44Z' });
  it('R3 unknownRenewalCompletion "latest": window from 2024-03-09T00:00Z (+24 h), so ours is 2024-03-16T00:00Z', () => {
    expect(reconcile(renewed, json, { now: NOW, policy: { unknownRenewalCompletion: 'latest' } })).toEqual([
      {
        kind: 'instant',
        field: 'cancellationAllowedUntilDate',
        ours: ms('2024-03-16T00:00:00Z'),
        theirs: ms('2024-03-15T03:12:44Z'),
      },
    ]);
  });
  it('R3 Q4 the policy also reaches the seats: with the latest bound the renewal batch is open until 2024-03-16T00:00Z', () => {
    // No seat batches given: the 20 seats are taken as added at the window start (2024-03-09T00:00Z).
    const seats = pc({
      cancellationAllowedUntilDate: null,
      refundableQuantity: { totalQuantity: 20, details: [detail(20, '2024-03-16T00:00:00Z')] },
    });
    expect(reconcile(renewed, seats, { now: NOW, policy: { unknownRenewalCompletion: 'latest' } })).toEqual([
      { kind: 'instant', field: 'cancellationAllowedUntilDate', ours: ms('2024-03-16T00:00:00Z'), theirs: null },
    ]);
  });
});

describe('Q4 reconcile: totalQuantity and details read separately', () => {
  it('Q4: details without totalQuantity: their total is the sum of the details (3 + 4 = 7)', () => {
    const json = pc({
      refundableQuantity: { details: [detail(3, '2024-03-17T14:02:45Z'), detail(4, '2024-03-20T00:00:00Z')] },
    });
    expect(reconcile(ours, json, { now: NOW })).toEqual([
      { kind: 'quantity', field: 'refundableQuantity.totalQuantity', ours: 5, theirs: 7 },
      // details[0] has our window end: same batch, other quantity.
      { kind: 'quantity', field: 'refundableQuantity.details[0].quantity', ours: 5, theirs: 3 },
      // details[1] matches nothing of ours and nothing is left to pair with.
      {
        kind: 'batch',
        field: 'refundableQuantity.details[1]',
        ours: null,
        theirs: { quantity: 4, allowedUntil: ms('2024-03-20T00:00:00Z') },
      },
    ]);
  });
  it('Q4: neither totalQuantity nor details: their total is 0, no batch compared', () => {
    expect(reconcile(ours, pc({ refundableQuantity: {} }), { now: NOW })).toEqual([
      { kind: 'quantity', field: 'refundableQuantity.totalQuantity', ours: 5, theirs: 0 },
    ]);
  });
  it('Q4: totalQuantity without details: only the total is compared', () => {
    expect(reconcile(ours, pc({ refundableQuantity: { totalQuantity: 5 } }), { now: NOW })).toEqual([]);
    expect(reconcile(ours, pc({ refundableQuantity: { totalQuantity: 6 } }), { now: NOW })).toEqual([
      { kind: 'quantity', field: 'refundableQuantity.totalQuantity', ours: 5, theirs: 6 },
    ]);
  });
  it('Q4: a reported totalQuantity is taken as is, not replaced by the sum of the details', () => {
    const json = pc({
      refundableQuantity: {
        totalQuantity: 5,
        details: [detail(5, '2024-03-17T14:02:45Z'), detail(2, '2024-01-01T00:00:00Z')],
      },
    });
    expect(reconcile(ours, json, { now: NOW })).toEqual([]);
  });
  it('Q4: a reported batch of 0 seats is no batch (left out of the detail comparison)', () => {
    const json = pc({
      refundableQuantity: {
        totalQuantity: 5,
        details: [detail(5, '2024-03-17T14:02:45Z'), detail(0, '2024-03-20T00:00:00Z')],
      },
    });
    expect(reconcile(ours, json, { now: NOW })).toEqual([]);
  });
  it('Q4: a reported batch is compared until the ms before its window end (2024-03-17T14:02:44.999Z)', () => {
    const json = pc({ refundableQuantity: { totalQuantity: 4, details: [detail(4, '2024-03-17T14:02:45Z')] } });
    expect(reconcile(ours, json, { now: '2024-03-17T14:02:44.999Z' })).toEqual([
      { kind: 'quantity', field: 'refundableQuantity.totalQuantity', ours: 5, theirs: 4 },
      { kind: 'quantity', field: 'refundableQuantity.details[0].quantity', ours: 5, theirs: 4 },
    ]);
  });
});

describe('Q4 reconcile: unmatched batches are paired in order of window end', () => {
  // Ours at NOW: 5 seats until 2024-03-17T14:02:45Z, 3 seats until 2024-03-18T00:00:00Z (total 8).
  it('Q4: Partner Center lists them latest first, each one second off: paired by window end, not by position', () => {
    const json = pc({
      refundableQuantity: {
        totalQuantity: 8,
        details: [detail(3, '2024-03-18T00:00:01Z'), detail(5, '2024-03-17T14:02:46Z')],
      },
    });
    expect(reconcile(three, json, { now: NOW })).toEqual([
      {
        kind: 'instant',
        field: 'refundableQuantity.details[1].allowedUntilDateTime',
        ours: ms('2024-03-17T14:02:45Z'),
        theirs: ms('2024-03-17T14:02:46Z'),
      },
      {
        kind: 'instant',
        field: 'refundableQuantity.details[0].allowedUntilDateTime',
        ours: ms('2024-03-18T00:00:00Z'),
        theirs: ms('2024-03-18T00:00:01Z'),
      },
    ]);
  });
  it('Q4: the tolerance applies to batch window ends: one second off agrees with toleranceMs 1000', () => {
    const json = pc({
      refundableQuantity: {
        totalQuantity: 8,
        details: [detail(3, '2024-03-18T00:00:01Z'), detail(5, '2024-03-17T14:02:46Z')],
      },
    });
    expect(reconcile(three, json, { now: NOW, toleranceMs: 1000 })).toEqual([]);
  });
  it('Q4: two reported batches with the same window end are paired in the order Partner Center lists them', () => {
    const json = pc({
      refundableQuantity: {
        totalQuantity: 8,
        details: [detail(5, '2024-03-17T20:00:00Z'), detail(3, '2024-03-17T20:00:00Z')],
      },
    });
    expect(reconcile(three, json, { now: NOW })).toEqual([
      {
        kind: 'instant',
        field: 'refundableQuantity.details[0].allowedUntilDateTime',
        ours: ms('2024-03-17T14:02:45Z'),
        theirs: ms('2024-03-17T20:00:00Z'),
      },
      {
        kind: 'instant',
        field: 'refundableQuantity.details[1].allowedUntilDateTime',
        ours: ms('2024-03-18T00:00:00Z'),
        theirs: ms('2024-03-17T20:00:00Z'),
      },
    ]);
  });
  it('Q4: an exact match is taken first; the rest pair up (and a paired batch of another quantity lists both differences)', () => {
    // details[1] matches our 3-seat batch exactly (other quantity); details[0] pairs with our remaining 5-seat batch.
    const json = pc({
      refundableQuantity: {
        totalQuantity: 6,
        details: [detail(4, '2024-03-17T14:00:00Z'), detail(2, '2024-03-18T00:00:00Z')],
      },
    });
    expect(reconcile(three, json, { now: NOW })).toEqual([
      { kind: 'quantity', field: 'refundableQuantity.totalQuantity', ours: 8, theirs: 6 },
      { kind: 'quantity', field: 'refundableQuantity.details[1].quantity', ours: 3, theirs: 2 },
      {
        kind: 'instant',
        field: 'refundableQuantity.details[0].allowedUntilDateTime',
        ours: ms('2024-03-17T14:02:45Z'),
        theirs: ms('2024-03-17T14:00:00Z'),
      },
      { kind: 'quantity', field: 'refundableQuantity.details[0].quantity', ours: 5, theirs: 4 },
    ]);
  });
  it('Q4: more of ours than reported: the paired one is listed, the rest as batches only we see', () => {
    const json = pc({ refundableQuantity: { totalQuantity: 5, details: [detail(5, '2024-03-17T14:02:50Z')] } });
    expect(reconcile(three, json, { now: NOW })).toEqual([
      { kind: 'quantity', field: 'refundableQuantity.totalQuantity', ours: 8, theirs: 5 },
      {
        kind: 'instant',
        field: 'refundableQuantity.details[0].allowedUntilDateTime',
        ours: ms('2024-03-17T14:02:45Z'),
        theirs: ms('2024-03-17T14:02:50Z'),
      },
      {
        kind: 'batch',
        field: 'refundableQuantity.details',
        ours: { quantity: 3, allowedUntil: ms('2024-03-18T00:00:00Z') },
        theirs: null,
      },
    ]);
  });
});

describe('T1 Q4 reconcile: before 1970 (negative epoch ms) batches still pair by window end', () => {
  it('Q4: two open batches of 1969, each reported one second late: each paired with its own', () => {
    // Bought 1969-06-01T00:00Z: 10 seats until 1969-06-08T00:00Z (also the C1 deadline), 5 seats added
    // 1969-06-03T00:00Z until 1969-06-10T00:00Z; both instants are negative epoch ms.
    const old: SubscriptionInput = {
      program: 'nce-license',
      term: 'P1Y',
      billing: 'monthly',
      quantity: 15,
      purchasedAt: '1969-06-01T00:00:00Z',
      seatBatches: [
        { quantity: 10, addedAt: '1969-06-01T00:00:00Z' },
        { quantity: 5, addedAt: '1969-06-03T00:00:00Z' },
      ],
    };
    const json = pc({
      cancellationAllowedUntilDate: '1969-06-08T00:00:00Z',
      refundableQuantity: {
        totalQuantity: 15,
        details: [detail(10, '1969-06-08T00:00:01Z'), detail(5, '1969-06-10T00:00:01Z')],
      },
    });
    expect(reconcile(old, json, { now: '1969-06-04T00:00:00Z' })).toEqual([
      {
        kind: 'instant',
        field: 'refundableQuantity.details[0].allowedUntilDateTime',
        ours: ms('1969-06-08T00:00:00Z'),
        theirs: ms('1969-06-08T00:00:01Z'),
      },
      {
        kind: 'instant',
        field: 'refundableQuantity.details[1].allowedUntilDateTime',
        ours: ms('1969-06-10T00:00:00Z'),
        theirs: ms('1969-06-10T00:00:01Z'),
      },
    ]);
  });
});

describe('T1 reconcile: toleranceMs must be whole milliseconds ≥ 0', () => {
  it.each([
    [-1, '-1'],
    [1.5, '1.5'],
    ['5', '"5"'],
    [2 ** 53, '9007199254740992'], // MAX_SAFE_INTEGER + 1
  ])('T1: toleranceMs %s → INVALID_QUANTITY', (toleranceMs, got) => {
    const e = caught(() => reconcile(ours, pc(), { now: NOW, toleranceMs: toleranceMs as number }));
    expect([e.code, e.field, e.message, e.received]).toEqual([
      'INVALID_QUANTITY',
      'toleranceMs',
      `toleranceMs: expected whole milliseconds ≥ 0, got ${got}`,
      toleranceMs,
    ]);
  });
  it('T1: toleranceMs 0 is exact (the default)', () => {
    const json = pc({ cancellationAllowedUntilDate: '2024-01-22T09:30:12.001Z' });
    const expected = [
      {
        kind: 'instant',
        field: 'cancellationAllowedUntilDate',
        ours: ms('2024-01-22T09:30:12Z'),
        theirs: ms('2024-01-22T09:30:12.001Z'),
      },
    ];
    expect(reconcile(ours, json, { now: '2024-01-16T00:00:00Z', toleranceMs: 0 })).toEqual(expected);
    expect(reconcile(ours, json, { now: '2024-01-16T00:00:00Z' })).toEqual(expected);
  });
});
