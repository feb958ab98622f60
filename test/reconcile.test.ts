import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromPartnerCenter } from '../src/partner-center/fromPartnerCenter.js';
import { CspRulesError } from '../src/core/errors.js';
import { reconcile } from '../src/partner-center/reconcile.js';
import type { SubscriptionInput } from '../src/snapshot/subscription.js';
import { ours } from './support/subscriptions.js';

const ms = (iso: string): number => Date.parse(iso);

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
        fc.integer({ min: ms('2024-03-10T14:02:45Z'), max: ms('2024-03-17T14:02:44.999Z') }),
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
        ours: ms('2024-01-22T09:30:12Z'),
        theirs: ms('2024-01-22T09:30:13Z'),
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
        ours: ms('2024-03-15T00:00:00Z'),
        theirs: ms('2024-03-15T03:12:44Z'),
      },
    ]);
    // Between the two deadlines: ours has closed, theirs is still open.
    expect(reconcile(renewed, json, { now: '2024-03-15T00:00:00Z' })).toEqual([
      { kind: 'instant', field: 'cancellationAllowedUntilDate', ours: null, theirs: ms('2024-03-15T03:12:44Z') },
    ]);
    expect(reconcile(renewed, json, { now: '2024-03-15T03:12:44Z' })).toEqual([]);
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
        ours: ms('2024-03-17T14:02:45Z'),
        theirs: ms('2024-03-17T14:02:46Z'),
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
        theirs: { quantity: 3, allowedUntil: ms('2024-03-18T00:00:00Z') },
      },
    ]);
    expect(
      reconcile(ours, pc({ refundableQuantity: { totalQuantity: 0, details: [] } }), { now: '2024-03-12T12:00:00Z' }),
    ).toEqual([
      { kind: 'quantity', field: 'refundableQuantity.totalQuantity', ours: 5, theirs: 0 },
      {
        kind: 'batch',
        field: 'refundableQuantity.details',
        ours: { quantity: 5, allowedUntil: ms('2024-03-17T14:02:45Z') },
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
});

describe('T1 reconcile: bad input names the field', () => {
  it.each([
    [pc({ cancellationAllowedUntilDate: '2024-01-22T09:30:12' }), 'cancellationAllowedUntilDate', 'AMBIGUOUS_INSTANT'],
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
    expect(() => reconcile(ours, pc(), { now: 0, toleranceMs: -1 })).toThrow(CspRulesError);
  });
});
