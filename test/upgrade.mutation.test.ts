import { describe, expect, it } from 'vitest';
import { canCancel } from '../src/decisions/cancel.js';
import type { SubscriptionInput } from '../src/snapshot/subscription.js';
import { canUpgrade, type UpgradeOptions } from '../src/decisions/upgrade.js';
import { caught } from './support/caught.js';

// Mutation tests of upgrade.ts: whole decisions, whole errors.
const E3 = 'Microsoft 365 E3';
const E5 = 'Microsoft 365 E5';
const source: SubscriptionInput = {
  id: 'src',
  offerName: E3,
  program: 'nce-license',
  term: 'P1Y',
  billing: 'monthly',
  quantity: 10,
  purchasedAt: '2024-01-15T09:30:00Z', // term ends 2025-01-14
};
const dest = (over: Partial<SubscriptionInput> = {}): SubscriptionInput => ({
  id: 'dst',
  offerName: E5,
  program: 'nce-license',
  term: 'P1Y',
  billing: 'annual',
  quantity: 5,
  purchasedAt: '2024-01-01T08:00:00Z',
  termEndDate: '2025-01-31',
  ...over,
});
const now = '2024-03-01T00:00:00Z';
const opts = (over: Partial<UpgradeOptions> = {}): UpgradeOptions => ({
  to: E5,
  quantity: 10,
  when: 'midterm',
  now,
  catalog: [{ from: E3, to: E5 }],
  ...over,
});
const refusedFacts = {
  kind: 'full',
  when: 'midterm',
  quantity: 10,
  into: 'existing-subscription',
  cancellable: false,
  effectiveAt: null,
  newSubscription: null,
  licenseAssignment: 'manual',
  duplicateLicenses: null,
};

describe('U1 U2 U5 canUpgrade, whole refusals', () => {
  it('U1: the same product is not an upgrade: SAME_PRODUCT, no API code, no U7 note', () => {
    expect(canUpgrade(source, opts({ to: ' microsoft 365  e3 ' }))).toEqual({
      allowed: false,
      rule: 'U1',
      reason: 'SAME_PRODUCT',
      opensAt: null,
      assumptions: [],
      warnings: [],
      apiCode: null,
      kind: 'full',
      when: 'midterm',
      quantity: 10,
      into: 'same-subscription',
      cancellable: false,
      effectiveAt: null,
      newSubscription: null,
      licenseAssignment: 'manual',
      duplicateLicenses: null,
    });
  });

  it('U5: a destination inside its cancellation window: refused until it closes (purchase 2024-02-28T12:00Z + 7 d)', () => {
    const d = dest({ purchasedAt: '2024-02-28T12:00:00Z', termEndDate: '2025-02-27' });
    expect(canUpgrade(source, opts({ destination: d }))).toEqual({
      allowed: false,
      rule: 'U5',
      reason: 'DESTINATION_IN_CANCELLATION_WINDOW',
      opensAt: Date.parse('2024-03-06T12:00:00Z'),
      assumptions: [],
      warnings: [],
      apiCode: 'SubscriptionInCancellationWindow',
      ...refusedFacts,
    });
  });

  it('U5: a destination ending the day before the source (2025-01-13 < 2025-01-14): DESTINATION_ENDS_EARLIER', () => {
    expect(canUpgrade(source, opts({ destination: dest({ termEndDate: '2025-01-13' }) }))).toEqual({
      allowed: false,
      rule: 'U5',
      reason: 'DESTINATION_ENDS_EARLIER',
      opensAt: null,
      assumptions: [],
      warnings: [],
      apiCode: null,
      ...refusedFacts,
    });
  });

  it('U5: a destination whose cancellation is only accepted for renewal (traditional SaaS after 14 d) is not in its window: allowed', () => {
    // Annual traditional SaaS bought 2024-01-01: its 14-day window closed 2024-01-15; canCancel says SCHEDULED_AT_RENEWAL.
    const d = dest({ program: 'traditional-saas' });
    expect(canCancel(d, { now })).toMatchObject({ allowed: true, reason: 'SCHEDULED_AT_RENEWAL' });
    expect(canUpgrade(source, opts({ destination: d }))).toEqual({
      allowed: true,
      rule: 'U3',
      reason: 'FULL_UPGRADE',
      until: null,
      assumptions: [],
      warnings: ['UPGRADE_NOT_CANCELLABLE'],
      apiCode: null,
      kind: 'full',
      when: 'midterm',
      quantity: 10,
      into: 'existing-subscription',
      cancellable: false,
      effectiveAt: Date.parse(now),
      newSubscription: null,
      licenseAssignment: 'automatic',
      duplicateLicenses: null,
    });
  });

  it('U5: a destination without an offer name is taken as the target SKU', () => {
    const d = dest();
    delete (d as { offerName?: string }).offerName;
    expect(canUpgrade(source, opts({ destination: d, quantity: 4 }))).toMatchObject({
      allowed: true,
      rule: 'U4',
      reason: 'PARTIAL_UPGRADE',
      into: 'existing-subscription',
      newSubscription: null,
    });
  });
});

describe('U2 U4 U5 canUpgrade, whole errors', () => {
  it('U4: a midterm quantity above the current seats: INCONSISTENT quantity with the seat count', () => {
    const e = caught(() => canUpgrade(source, opts({ quantity: 11 })));
    expect([e.code, e.field, e.message, e.received]).toEqual([
      'INCONSISTENT',
      'quantity',
      "quantity: is above the subscription's 10 seats",
      11,
    ]);
  });
  it('U5: a destination of another SKU names the target', () => {
    const e = caught(() => canUpgrade(source, opts({ destination: dest({ offerName: 'Office 365 E1' }) })));
    expect([e.code, e.field, e.message]).toEqual([
      'INCONSISTENT',
      'destination.offerName',
      'destination.offerName: is not the upgrade target "Microsoft 365 E5"',
    ]);
  });
  it('U5: the source as its own destination', () => {
    const e = caught(() => canUpgrade(source, opts({ destination: dest({ id: 'src' }) })));
    expect([e.code, e.field, e.message]).toEqual([
      'INCONSISTENT',
      'destination.id',
      'destination.id: is the source itself',
    ]);
  });
  it('U3: destinationFromOtherChannel must be a boolean', () => {
    const e = caught(() => canUpgrade(source, opts({ destinationFromOtherChannel: 'yes' as never })));
    expect([e.code, e.field, e.message]).toEqual([
      'INVALID_TYPE',
      'destinationFromOtherChannel',
      'destinationFromOtherChannel: expected true or false, got "yes"',
    ]);
  });
});
