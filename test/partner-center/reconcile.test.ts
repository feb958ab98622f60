/**
 * reconcile: our snapshot against Partner Center's resource — tolerance, nulls, policy, and the
 * batch matching of Q4. Every expected difference is worked out by hand: nce-license windows are
 * 7 × 24 h (T3) from each addition.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromPartnerCenter } from '../../src/partner-center/fromPartnerCenter.js';
import { CspRulesError } from '../../src/core/errors.js';
import { reconcile } from '../../src/partner-center/reconcile.js';
import { definePolicy } from '../../src/policy/policy.js';
import type { SubscriptionInput } from '../../src/snapshot/subscription.js';
import { ours } from '../support/subscriptions.js';
import { caught } from '../support/caught.js';
import { at } from '../support/time.js';

/** The partner-center.md resource with the fields fromPartnerCenter needs. */
function pc(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: '4c0b3f6e-8d55-4c1e-9a57-2d2f5c0f9a11',
    quantity: 15,
    creationDate: '2024-01-15T09:30:12Z',
    effectiveStartDate: '2024-01-15T09:30:11Z',
    commitmentEndDate: '2025-01-14T00:00:00Z',
    status: 'active',
    billingCycle: 'monthly',
    termDuration: 'P1Y',
    productType: { id: 'OnlineServicesNCE' },
    cancellationAllowedUntilDate: '2024-01-22T09:30:12Z',
    refundableQuantity: { totalQuantity: 5, details: [{ quantity: 5, allowedUntilDateTime: '2024-03-17T14:02:45Z' }] },
    ...overrides,
  };
}

/** The same plus 3 seats on 2024-03-11T00:00Z (open until 2024-03-18T00:00Z). */
const three: SubscriptionInput = {
  ...ours,
  quantity: 18,
  seatBatches: [...(ours.seatBatches ?? []), { quantity: 3, addedAt: '2024-03-11T00:00:00Z' }],
};
const NOW = '2024-03-12T12:00:00Z';

/** Partner Center's resource with only the fields reconcile reads; the cancellation deadline past at NOW. */
function pcFields(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { cancellationAllowedUntilDate: '2024-01-22T09:30:12Z', refundableQuantity: null, ...overrides };
}
const detail = (quantity: number, iso: string) => ({ quantity, allowedUntilDateTime: iso });

describe('Q4 C12 reconcile: agreement', () => {
  it('no difference when both sides agree (the partner-center.md example at 2024-03-12)', () => {
    expect(reconcile(ours, pc(), { now: '2024-03-12T12:00:00Z' })).toEqual([]);
  });
  it('C1: a past cancellationAllowedUntilDate and our closed window agree (both: not now)', () => {
    expect(
      reconcile(ours, pc(), { now: '2024-01-22T09:30:12Z' }).filter((d) => d.field === 'cancellationAllowedUntilDate'),
    ).toEqual([]);
  });
  it('property: a subscription read from Partner Center JSON agrees with that JSON at any instant it describes', () => {
    const { subscription } = fromPartnerCenter(pc());
    fc.assert(
      fc.property(
        fc.integer({ min: at('2024-03-10T14:02:45Z'), max: at('2024-03-17T14:02:44.999Z') }),
        (now) => reconcile(subscription, pc({ cancellationAllowedUntilDate: null }), { now }).length === 0,
      ),
    );
  });
});

describe('C1 R3 reconcile: cancellationAllowedUntilDate', () => {
  it('the last allowed instant and the first refused one, to the millisecond', () => {
    const now = '2024-01-22T09:30:11.999Z';
    expect(reconcile(ours, pc({ refundableQuantity: null }), { now })).toEqual([]);
    // Partner Center says one second more.
    expect(
      reconcile(ours, pc({ refundableQuantity: null, cancellationAllowedUntilDate: '2024-01-22T09:30:13Z' }), { now }),
    ).toEqual([
      {
        kind: 'instant',
        field: 'cancellationAllowedUntilDate',
        ours: at('2024-01-22T09:30:12Z'),
        theirs: at('2024-01-22T09:30:13Z'),
      },
    ]);
    // … which a tolerance of 1 s accepts.
    expect(
      reconcile(ours, pc({ refundableQuantity: null, cancellationAllowedUntilDate: '2024-01-22T09:30:13Z' }), {
        now,
        toleranceMs: 1000,
      }),
    ).toEqual([]);
  });
  it('R3: an unknown renewal completion (earliest bound) against the reported deadline', () => {
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
    const json = pc({ cancellationAllowedUntilDate: '2024-03-15T03:12:44Z', refundableQuantity: null });
    expect(reconcile(renewed, json, { now: '2024-03-12T12:00:00Z' })).toEqual([
      {
        kind: 'instant',
        field: 'cancellationAllowedUntilDate',
        ours: at('2024-03-15T00:00:00Z'),
        theirs: at('2024-03-15T03:12:44Z'),
      },
    ]);
    // Between the two deadlines: ours has closed, theirs is still open.
    expect(reconcile(renewed, json, { now: '2024-03-15T00:00:00Z' })).toEqual([
      { kind: 'instant', field: 'cancellationAllowedUntilDate', ours: null, theirs: at('2024-03-15T03:12:44Z') },
    ]);
    expect(reconcile(renewed, json, { now: '2024-03-15T03:12:44Z' })).toEqual([]);
  });

  const huge = Number.MAX_SAFE_INTEGER;

  it('C1: cancellationAllowedUntilDate absent or a placeholder is not reported: nothing compared', () => {
    for (const cancellationAllowedUntilDate of [undefined, '0001-01-01T00:00:00Z']) {
      const json = pcFields({ cancellationAllowedUntilDate });
      expect(reconcile(ours, json, { now: '2024-01-16T00:00:00Z' })).toEqual([]);
    }
  });
  it('C1: ours open (until 2024-01-22T09:30:12Z), Partner Center reports null ("not allowed to be cancelled"): a difference even with the largest tolerance', () => {
    const json = pcFields({ cancellationAllowedUntilDate: null });
    const expected = [
      { kind: 'instant', field: 'cancellationAllowedUntilDate', ours: at('2024-01-22T09:30:12Z'), theirs: null },
    ];
    expect(reconcile(ours, json, { now: '2024-01-16T00:00:00Z' })).toEqual(expected);
    expect(reconcile(ours, json, { now: '2024-01-16T00:00:00Z', toleranceMs: huge })).toEqual(expected);
  });
  it('C1 T2: a day-granular value (…T23:59:00Z) agrees with ours on the same UTC day, differs on another', () => {
    // Ours until 2024-01-22T09:30:12Z (exclusive): its last millisecond is on 2024-01-22.
    expect(
      reconcile(ours, pcFields({ cancellationAllowedUntilDate: '2024-01-22T23:59:00Z' }), {
        now: '2024-01-16T00:00:00Z',
      }),
    ).toEqual([]);
    expect(
      reconcile(ours, pcFields({ cancellationAllowedUntilDate: '2024-01-23T23:59:00Z' }), {
        now: '2024-01-16T00:00:00Z',
      }),
    ).toEqual([
      {
        kind: 'instant',
        field: 'cancellationAllowedUntilDate',
        ours: at('2024-01-22T09:30:12Z'),
        theirs: at('2024-01-23T23:59:00Z'),
      },
    ]);
  });

  it('C1: ours closed, Partner Center still open (2024-01-22T09:30:13Z): a difference even with the largest tolerance', () => {
    // Our window closed at 2024-01-22T09:30:12Z; at that instant theirs (one second later) is still ahead.
    const json = pcFields({ cancellationAllowedUntilDate: '2024-01-22T09:30:13Z' });
    const expected = [
      { kind: 'instant', field: 'cancellationAllowedUntilDate', ours: null, theirs: at('2024-01-22T09:30:13Z') },
    ];
    expect(reconcile(ours, json, { now: '2024-01-22T09:30:12Z', toleranceMs: huge })).toEqual(expected);
  });

  it('C1: the tolerance is inclusive — a gap of exactly toleranceMs agrees, one ms more differs', () => {
    // Ours until 2024-01-22T09:30:12.000Z, theirs 2024-01-22T09:30:13.000Z: a gap of 1000 ms.
    const json = pcFields({ cancellationAllowedUntilDate: '2024-01-22T09:30:13Z' });
    expect(reconcile(ours, json, { now: '2024-01-16T00:00:00Z', toleranceMs: 1000 })).toEqual([]);
    expect(reconcile(ours, json, { now: '2024-01-16T00:00:00Z', toleranceMs: 999 })).toEqual([
      {
        kind: 'instant',
        field: 'cancellationAllowedUntilDate',
        ours: at('2024-01-22T09:30:12Z'),
        theirs: at('2024-01-22T09:30:13Z'),
      },
    ]);
  });

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

  const json = pcFields({ cancellationAllowedUntilDate: '2024-03-15T03:12:44Z' });

  it('R3 unknownRenewalCompletion "latest": window from 2024-03-09T00:00Z (+24 h), so ours is 2024-03-16T00:00Z', () => {
    expect(
      reconcile(renewed, json, { now: NOW, policy: definePolicy({ unknownRenewalCompletion: 'latest' }) }),
    ).toEqual([
      {
        kind: 'instant',
        field: 'cancellationAllowedUntilDate',
        ours: at('2024-03-16T00:00:00Z'),
        theirs: at('2024-03-15T03:12:44Z'),
      },
    ]);
  });

  it('R3 Q4 the policy also reaches the seats: with the latest bound the renewal batch is open until 2024-03-16T00:00Z', () => {
    // No seat batches given: the 20 seats are taken as added at the window start (2024-03-09T00:00Z).
    const seats = pcFields({
      cancellationAllowedUntilDate: null,
      refundableQuantity: { totalQuantity: 20, details: [detail(20, '2024-03-16T00:00:00Z')] },
    });
    // cancellationAllowedUntilDate null ("not allowed to be cancelled") against ours open; the batch agrees.
    expect(
      reconcile(renewed, seats, { now: NOW, policy: definePolicy({ unknownRenewalCompletion: 'latest' }) }),
    ).toEqual([
      { kind: 'instant', field: 'cancellationAllowedUntilDate', ours: at('2024-03-16T00:00:00Z'), theirs: null },
    ]);
  });
});

describe('Q2 Q4 reconcile: refundableQuantity', () => {
  it('the total compares every seat of the open batches (before the keep-one-seat cap)', () => {
    const now = '2024-01-15T10:00:00Z';
    const json = pc({
      refundableQuantity: {
        totalQuantity: 10,
        details: [{ quantity: 10, allowedUntilDateTime: '2024-01-22T09:30:12Z' }],
      },
    });
    expect(
      reconcile({ ...ours, quantity: 10, seatBatches: [{ quantity: 10, addedAt: '2024-01-15T09:30:12Z' }] }, json, {
        now,
      }),
    ).toEqual([]);
  });
  it('a batch with another quantity', () => {
    const json = pc({
      refundableQuantity: {
        totalQuantity: 4,
        details: [{ quantity: 4, allowedUntilDateTime: '2024-03-17T14:02:45Z' }],
      },
    });
    expect(reconcile(ours, json, { now: '2024-03-12T12:00:00Z' })).toEqual([
      { kind: 'quantity', field: 'refundableQuantity.totalQuantity', ours: 5, theirs: 4 },
      { kind: 'quantity', field: 'refundableQuantity.details[0].quantity', ours: 5, theirs: 4 },
    ]);
  });
  it('a batch with another window end is paired in order and both instants listed', () => {
    const json = pc({
      refundableQuantity: {
        totalQuantity: 5,
        details: [{ quantity: 5, allowedUntilDateTime: '2024-03-17T14:02:46Z' }],
      },
    });
    expect(reconcile(ours, json, { now: '2024-03-12T12:00:00Z' })).toEqual([
      {
        kind: 'instant',
        field: 'refundableQuantity.details[0].allowedUntilDateTime',
        ours: at('2024-03-17T14:02:45Z'),
        theirs: at('2024-03-17T14:02:46Z'),
      },
    ]);
  });
  it('batches only one side has', () => {
    const json = pc({
      refundableQuantity: {
        totalQuantity: 8,
        details: [
          { quantity: 5, allowedUntilDateTime: '2024-03-17T14:02:45Z' },
          { quantity: 3, allowedUntilDateTime: '2024-03-18T00:00:00Z' },
        ],
      },
    });
    expect(reconcile(ours, json, { now: '2024-03-12T12:00:00Z' })).toEqual([
      { kind: 'quantity', field: 'refundableQuantity.totalQuantity', ours: 5, theirs: 8 },
      {
        kind: 'batch',
        field: 'refundableQuantity.details[1]',
        ours: null,
        theirs: { quantity: 3, allowedUntil: at('2024-03-18T00:00:00Z') },
      },
    ]);
    expect(
      reconcile(ours, pc({ refundableQuantity: { totalQuantity: 0, details: [] } }), { now: '2024-03-12T12:00:00Z' }),
    ).toEqual([
      { kind: 'quantity', field: 'refundableQuantity.totalQuantity', ours: 5, theirs: 0 },
      {
        kind: 'batch',
        field: 'refundableQuantity.details',
        ours: { quantity: 5, allowedUntil: at('2024-03-17T14:02:45Z') },
        theirs: null,
      },
    ]);
  });
  it('reported batches that ended by now are left out of the detail comparison', () => {
    const json = pc({
      refundableQuantity: {
        totalQuantity: 5,
        details: [{ quantity: 5, allowedUntilDateTime: '2024-03-17T14:02:45Z' }],
      },
    });
    expect(reconcile(ours, json, { now: '2024-03-17T14:02:45Z' })).toEqual([
      { kind: 'quantity', field: 'refundableQuantity.totalQuantity', ours: 0, theirs: 5 },
    ]);
  });
  it('absent refundableQuantity is not reported: nothing compared', () => {
    expect(reconcile(ours, pc({ refundableQuantity: undefined }), { now: '2024-03-12T12:00:00Z' })).toEqual([]);
  });

  it('Q4: details without totalQuantity: their total is the sum of the details (3 + 4 = 7)', () => {
    const json = pcFields({
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
        theirs: { quantity: 4, allowedUntil: at('2024-03-20T00:00:00Z') },
      },
    ]);
  });

  it('Q4: neither totalQuantity nor details: their total is 0, no batch compared', () => {
    expect(reconcile(ours, pcFields({ refundableQuantity: {} }), { now: NOW })).toEqual([
      { kind: 'quantity', field: 'refundableQuantity.totalQuantity', ours: 5, theirs: 0 },
    ]);
  });

  it('Q4: totalQuantity without details: only the total is compared', () => {
    expect(reconcile(ours, pcFields({ refundableQuantity: { totalQuantity: 5 } }), { now: NOW })).toEqual([]);
    expect(reconcile(ours, pcFields({ refundableQuantity: { totalQuantity: 6 } }), { now: NOW })).toEqual([
      { kind: 'quantity', field: 'refundableQuantity.totalQuantity', ours: 5, theirs: 6 },
    ]);
  });

  it('Q4: a reported totalQuantity is taken as is, not replaced by the sum of the details', () => {
    const json = pcFields({
      refundableQuantity: {
        totalQuantity: 5,
        details: [detail(5, '2024-03-17T14:02:45Z'), detail(2, '2024-01-01T00:00:00Z')],
      },
    });
    expect(reconcile(ours, json, { now: NOW })).toEqual([]);
  });

  it('Q4: a reported batch of 0 seats is no batch (left out of the detail comparison)', () => {
    const json = pcFields({
      refundableQuantity: {
        totalQuantity: 5,
        details: [detail(5, '2024-03-17T14:02:45Z'), detail(0, '2024-03-20T00:00:00Z')],
      },
    });
    expect(reconcile(ours, json, { now: NOW })).toEqual([]);
  });

  it('Q4: a reported batch is compared until the ms before its window end (2024-03-17T14:02:44.999Z)', () => {
    const json = pcFields({ refundableQuantity: { totalQuantity: 4, details: [detail(4, '2024-03-17T14:02:45Z')] } });
    expect(reconcile(ours, json, { now: '2024-03-17T14:02:44.999Z' })).toEqual([
      { kind: 'quantity', field: 'refundableQuantity.totalQuantity', ours: 5, theirs: 4 },
      { kind: 'quantity', field: 'refundableQuantity.details[0].quantity', ours: 5, theirs: 4 },
    ]);
  });

  // Ours at NOW: 5 seats until 2024-03-17T14:02:45Z, 3 seats until 2024-03-18T00:00:00Z (total 8).
  it('Q4: Partner Center lists them latest first, each one second off: paired by window end, not by position', () => {
    const json = pcFields({
      refundableQuantity: {
        totalQuantity: 8,
        details: [detail(3, '2024-03-18T00:00:01Z'), detail(5, '2024-03-17T14:02:46Z')],
      },
    });
    expect(reconcile(three, json, { now: NOW })).toEqual([
      {
        kind: 'instant',
        field: 'refundableQuantity.details[1].allowedUntilDateTime',
        ours: at('2024-03-17T14:02:45Z'),
        theirs: at('2024-03-17T14:02:46Z'),
      },
      {
        kind: 'instant',
        field: 'refundableQuantity.details[0].allowedUntilDateTime',
        ours: at('2024-03-18T00:00:00Z'),
        theirs: at('2024-03-18T00:00:01Z'),
      },
    ]);
  });

  it('Q4: the tolerance applies to batch window ends: one second off agrees with toleranceMs 1000', () => {
    const json = pcFields({
      refundableQuantity: {
        totalQuantity: 8,
        details: [detail(3, '2024-03-18T00:00:01Z'), detail(5, '2024-03-17T14:02:46Z')],
      },
    });
    expect(reconcile(three, json, { now: NOW, toleranceMs: 1000 })).toEqual([]);
  });

  it('Q4: two reported batches with the same window end are paired in the order Partner Center lists them', () => {
    const json = pcFields({
      refundableQuantity: {
        totalQuantity: 8,
        details: [detail(5, '2024-03-17T20:00:00Z'), detail(3, '2024-03-17T20:00:00Z')],
      },
    });
    expect(reconcile(three, json, { now: NOW })).toEqual([
      {
        kind: 'instant',
        field: 'refundableQuantity.details[0].allowedUntilDateTime',
        ours: at('2024-03-17T14:02:45Z'),
        theirs: at('2024-03-17T20:00:00Z'),
      },
      {
        kind: 'instant',
        field: 'refundableQuantity.details[1].allowedUntilDateTime',
        ours: at('2024-03-18T00:00:00Z'),
        theirs: at('2024-03-17T20:00:00Z'),
      },
    ]);
  });

  it('Q4: an exact match is taken first; the rest pair up (and a paired batch of another quantity lists both differences)', () => {
    // details[1] matches our 3-seat batch exactly (other quantity); details[0] pairs with our remaining 5-seat batch.
    const json = pcFields({
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
        ours: at('2024-03-17T14:02:45Z'),
        theirs: at('2024-03-17T14:00:00Z'),
      },
      { kind: 'quantity', field: 'refundableQuantity.details[0].quantity', ours: 5, theirs: 4 },
    ]);
  });

  it('Q4: more of ours than reported: the paired one is listed, the rest as batches only we see', () => {
    const json = pcFields({ refundableQuantity: { totalQuantity: 5, details: [detail(5, '2024-03-17T14:02:50Z')] } });
    expect(reconcile(three, json, { now: NOW })).toEqual([
      { kind: 'quantity', field: 'refundableQuantity.totalQuantity', ours: 8, theirs: 5 },
      {
        kind: 'instant',
        field: 'refundableQuantity.details[0].allowedUntilDateTime',
        ours: at('2024-03-17T14:02:45Z'),
        theirs: at('2024-03-17T14:02:50Z'),
      },
      {
        kind: 'batch',
        field: 'refundableQuantity.details',
        ours: { quantity: 3, allowedUntil: at('2024-03-18T00:00:00Z') },
        theirs: null,
      },
    ]);
  });

  it('Q4: two open batches bought at the first instant T1 accepts, each reported one second late: each paired with its own', () => {
    // Bought 2000-01-01T00:00Z: 10 seats until 2000-01-08T00:00Z (also the C1 deadline), 5 seats added
    // 2000-01-03T00:00Z until 2000-01-10T00:00Z. (Was 1969, negative epoch ms: no instant since T1.)
    const old: SubscriptionInput = {
      program: 'nce-license',
      term: 'P1Y',
      billing: 'monthly',
      quantity: 15,
      purchasedAt: '2000-01-01T00:00:00Z',
      seatBatches: [
        { quantity: 10, addedAt: '2000-01-01T00:00:00Z' },
        { quantity: 5, addedAt: '2000-01-03T00:00:00Z' },
      ],
    };
    const json = pcFields({
      cancellationAllowedUntilDate: '2000-01-08T00:00:00Z',
      refundableQuantity: {
        totalQuantity: 15,
        details: [detail(10, '2000-01-08T00:00:01Z'), detail(5, '2000-01-10T00:00:01Z')],
      },
    });
    expect(reconcile(old, json, { now: '2000-01-04T00:00:00Z' })).toEqual([
      {
        kind: 'instant',
        field: 'refundableQuantity.details[0].allowedUntilDateTime',
        ours: at('2000-01-08T00:00:00Z'),
        theirs: at('2000-01-08T00:00:01Z'),
      },
      {
        kind: 'instant',
        field: 'refundableQuantity.details[1].allowedUntilDateTime',
        ours: at('2000-01-10T00:00:00Z'),
        theirs: at('2000-01-10T00:00:01Z'),
      },
    ]);
  });
});

describe('T1 reconcile: bad input names the field', () => {
  it.each([
    [pc({ cancellationAllowedUntilDate: '22/01/2024 09:30' }), 'cancellationAllowedUntilDate', 'INVALID_INSTANT'],
    [pc({ refundableQuantity: { totalQuantity: -1 } }), 'refundableQuantity.totalQuantity', 'INVALID_QUANTITY'],
    [pc({ refundableQuantity: { details: {} } }), 'refundableQuantity.details', 'INVALID_TYPE'],
    [[], '$', 'INVALID_TYPE'],
  ])('%#: %s', (json, field, code) => {
    try {
      reconcile(ours, json, { now: '2024-03-12T12:00:00Z' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(CspRulesError);
      expect([(e as CspRulesError).field, (e as CspRulesError).code]).toEqual([field, code]);
    }
  });
  it('toleranceMs must be whole ms ≥ 0', () => {
    expect(() => reconcile(ours, pc(), { now: '2024-03-12T12:00:00Z', toleranceMs: -1 })).toThrow(CspRulesError);
  });

  it.each([
    [-1, '-1'],
    [1.5, '1.5'],
    ['5', '"5"'],
    [2 ** 53, '9007199254740992'], // MAX_SAFE_INTEGER + 1
  ])('T1: toleranceMs %s → INVALID_QUANTITY', (toleranceMs, got) => {
    const e = caught(() => reconcile(ours, pcFields(), { now: NOW, toleranceMs: toleranceMs as number }));
    expect([e.code, e.field, e.message, e.received]).toEqual([
      'INVALID_QUANTITY',
      'toleranceMs',
      `toleranceMs: expected whole milliseconds ≥ 0, got ${got}`,
      toleranceMs,
    ]);
  });

  it('T1: toleranceMs 0 is exact (the default)', () => {
    const json = pcFields({ cancellationAllowedUntilDate: '2024-01-22T09:30:12.001Z' });
    const expected = [
      {
        kind: 'instant',
        field: 'cancellationAllowedUntilDate',
        ours: at('2024-01-22T09:30:12Z'),
        theirs: at('2024-01-22T09:30:12.001Z'),
      },
    ];
    expect(reconcile(ours, json, { now: '2024-01-16T00:00:00Z', toleranceMs: 0 })).toEqual(expected);
    expect(reconcile(ours, json, { now: '2024-01-16T00:00:00Z' })).toEqual(expected);
  });
});
