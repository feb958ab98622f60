import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canCancel } from '../../src/decisions/cancel.js';
import type { Status, SubscriptionInput } from '../../src/snapshot/subscription.js';
import { daysInMonth } from '../../src/time/day.js';
import { canUpgrade, type UpgradeOptions } from '../../src/decisions/upgrade.js';
import { definePolicy } from '../../src/policy/policy.js';
import { caught } from '../support/caught.js';
import { at } from '../support/time.js';

const E3 = 'Microsoft 365 E3';
const E5 = 'Microsoft 365 E5';
const catalog = [{ from: E3, to: E5 }];
const source: SubscriptionInput = {
  id: 'src',
  offerName: E3,
  program: 'nce-license',
  term: 'P1Y',
  billing: 'monthly',
  quantity: 10,
  purchasedAt: '2024-01-15T09:30:00Z', // term ends 2025-01-14
};
const sub = (over: Partial<SubscriptionInput> = {}): SubscriptionInput => ({ ...source, ...over });
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
  catalog,
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

describe('U1 only active, paid subscriptions start an upgrade', () => {
  it.each([
    [{ status: 'suspended' }, 'U1', 'NOT_ACTIVE', 'SubscriptionStatusNotActive'],
    [{ status: 'expired' }, 'U1', 'NOT_ACTIVE', 'SubscriptionStatusNotActive'],
    [{ status: 'deleted' }, 'P7', 'TERMINATED', 'SubscriptionStatusNotActive'],
    [{ status: 'cancelled' }, 'C3', 'TERMINATED', 'SubscriptionStatusNotActive'],
    // A trial whose end date is given (2024-03-31): asked inside it.
    [{ trial: true, termEndDate: '2024-03-31' }, 'U1', 'TRIAL_USE_CONVERSION', null],
  ] as const)('%j → %s %s', (over, rule, reason, apiCode) => {
    expect(canUpgrade(sub(over), opts())).toMatchObject({
      allowed: false,
      rule,
      policyVersion: '2023-10-19',
      reason,
      apiCode,
      opensAt: null,
      effectiveAt: null,
    });
  });

  // The source's term ends 2025-01-14: the renewal runs from 2025-01-15T00:00Z, at most 24 h.
  it.each([
    [{}, '2025-01-15T00:00:00.000Z', 'R4', 'RENEWAL_READ_ONLY', null, at('2025-01-16T00:00:00Z')],
    [{}, '2025-01-15T23:59:59.999Z', 'R4', 'RENEWAL_READ_ONLY', null, at('2025-01-16T00:00:00Z')],
    [{}, '2025-01-16T00:00:00.000Z', 'R2', 'TERM_ENDED', 'SubscriptionStatusNotActive', null],
    [{ autoRenew: false }, '2025-01-15T00:00:00.000Z', 'R5', 'TERM_ENDED', 'SubscriptionStatusNotActive', null],
    [{ trial: true }, '2025-01-16T00:00:00.000Z', 'TR2', 'TERM_ENDED', 'SubscriptionStatusNotActive', null],
  ] as const)('R4 R2 R5 TR2: %j at %s → %s %s', (over, instant, rule, reason, apiCode, opensAt) => {
    expect(canUpgrade(sub(over), opts({ now: instant }))).toMatchObject({
      allowed: false,
      rule,
      // 2025-01-15 and 2025-01-16: the rules of 2024-07-01.
      policyVersion: '2024-07-01',
      reason,
      apiCode,
      opensAt,
      effectiveAt: null,
    });
  });

  it('U1 TR1: a trial without an end date is converted, not upgraded, during its 30 days; after them it is over (TR2)', () => {
    // Bought 2024-01-15: day 30 is 2024-02-13.
    expect(canUpgrade(sub({ trial: true }), opts({ now: '2024-02-13T23:59:59.999Z' }))).toMatchObject({
      allowed: false,
      rule: 'U1',
      policyVersion: '2023-10-19',
      reason: 'TRIAL_USE_CONVERSION',
      assumptions: ['TRIAL_END_ASSUMED'],
    });
    expect(canUpgrade(sub({ trial: true, autoRenew: false }), opts({ now: '2024-02-14T00:00:00Z' }))).toMatchObject({
      allowed: false,
      rule: 'TR2',
      policyVersion: '2023-10-19',
      reason: 'TERM_ENDED',
      assumptions: ['TRIAL_END_ASSUMED'],
    });
  });

  it('U1: the last instant of the term can still start an upgrade', () => {
    expect(canUpgrade(sub(), opts({ now: '2025-01-14T23:59:59.999Z' })).allowed).toBe(true);
  });

  it('no upgrade is ever allowed from a subscription that is not active (property)', () => {
    const status = fc.constantFrom<Status>('pending', 'suspended', 'expired', 'disabled', 'deleted', 'cancelled');
    fc.assert(
      fc.property(
        status,
        fc.constantFrom('midterm', 'at-renewal') as fc.Arbitrary<'midterm' | 'at-renewal'>,
        fc.integer({ min: 1, max: 10 }),
        fc.boolean(),
        (s, when, quantity, withCatalog) => {
          const d = canUpgrade(
            sub({ status: s }),
            withCatalog ? opts({ when, quantity }) : { to: E5, when, quantity, now },
          );
          expect(d.allowed).toBe(false);
        },
      ),
    );
  });

  it('U1: the same product is not an upgrade: SAME_PRODUCT, no API code, no U7 note', () => {
    expect(canUpgrade(source, opts({ to: ' microsoft 365  e3 ' }))).toEqual({
      allowed: false,
      rule: 'U1',
      policyVersion: '2023-10-19',
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
});

describe('U2 unsupported paths and the catalog', () => {
  it('a deny-listed path is refused with the API code and the U7 note', () => {
    const d = canUpgrade(
      sub({ offerName: 'Microsoft Defender for Endpoint P1' }),
      opts({ to: 'microsoft defender for endpoint p2' }),
    );
    expect(d).toMatchObject({
      allowed: false,
      rule: 'U2',
      policyVersion: '2023-10-19',
      reason: 'UNSUPPORTED_UPGRADE_PATH',
      apiCode: 'ConversionsNotFound',
      duplicateLicenses: { rule: 'U7', billingCycles: 2 },
    });
  });
  it('a path absent from the catalog is refused; without a catalog it is allowed with CATALOG_NOT_GIVEN', () => {
    expect(canUpgrade(sub(), opts({ to: 'Office 365 E1' })).reason).toBe('UNSUPPORTED_UPGRADE_PATH');
    const { catalog: _omit, ...noCatalog } = opts({ to: 'Office 365 E1' });
    expect(canUpgrade(sub(), noCatalog).warnings).toContain('CATALOG_NOT_GIVEN');
  });
});

describe('U3 full upgrade', () => {
  it('all seats: in place, same subscription, automatic reassignment, not cancellable (C10)', () => {
    expect(canUpgrade(sub(), opts())).toEqual({
      allowed: true,
      rule: 'U3',
      policyVersion: '2023-10-19',
      reason: 'FULL_UPGRADE',
      until: null,
      assumptions: [],
      warnings: ['UPGRADE_NOT_CANCELLABLE'],
      apiCode: null,
      kind: 'full',
      when: 'midterm',
      quantity: 10,
      into: 'same-subscription',
      effectiveAt: at(now),
      newSubscription: null,
      licenseAssignment: 'automatic',
      cancellable: false,
      duplicateLicenses: null,
    });
  });
  it('destination SKU bought from another channel: manual assignment, with a warning', () => {
    expect(canUpgrade(sub(), opts({ destinationFromOtherChannel: true }))).toMatchObject({
      licenseAssignment: 'manual',
      warnings: ['UPGRADE_NOT_CANCELLABLE', 'MANUAL_LICENSE_ASSIGNMENT'],
    });
  });
  it('auto-renew off: allowed until the term ends (2025-01-15T00:00Z)', () => {
    expect(canUpgrade(sub({ autoRenew: false }), opts())).toMatchObject({
      allowed: true,
      until: at('2025-01-15T00:00:00Z'),
    });
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

describe('U4 partial upgrade and U9 inherited cancellation window', () => {
  it('fewer seats: a new coterminous subscription inheriting the source window, manual reassignment', () => {
    const d = canUpgrade(sub(), opts({ quantity: 4, now: '2024-01-20T00:00:00Z' }));
    expect(d).toMatchObject({
      allowed: true,
      rule: 'U4',
      policyVersion: '2023-10-19',
      reason: 'PARTIAL_UPGRADE',
      kind: 'partial',
      into: 'new-subscription',
      licenseAssignment: 'manual',
    });
    expect(d.newSubscription).toMatchObject({
      offerName: E5,
      quantity: 4,
      term: 'P1Y',
      billing: 'monthly',
      termEndDate: '2025-01-14',
      cancellationWindowFrom: at('2024-01-15T09:30:00Z'),
    });
  });

  it('U9: the new subscription can be cancelled only until the source window closes, to the millisecond', () => {
    const created = canUpgrade(sub(), opts({ quantity: 4, now: '2024-01-20T00:00:00Z' })).newSubscription!;
    expect(canCancel(created, { now: '2024-01-22T09:29:59.999Z' })).toMatchObject({
      allowed: true,
      until: at('2024-01-22T09:30:00Z'),
    });
    expect(canCancel(created, { now: '2024-01-22T09:30:00.000Z' })).toMatchObject({
      allowed: false,
      reason: 'WINDOW_CLOSED',
    });
  });

  it('U9: a renewed source passes on its renewal-completion instant', () => {
    const renewed = sub({ termStartedAt: '2025-01-15T03:12:00Z', termEndDate: '2026-01-14' });
    expect(canUpgrade(renewed, opts({ quantity: 1, now: '2025-02-01T00:00:00Z' })).newSubscription).toMatchObject({
      termEndDate: '2026-01-14',
      cancellationWindowFrom: at('2025-01-15T03:12:00Z'),
    });
  });

  it('U4/U9 for any purchase instant: same term end, window from the source purchase (property)', () => {
    fc.assert(
      fc.property(arbInstant, fc.integer({ min: 1, max: 9 }), (purchasedAt, quantity) => {
        const d = canUpgrade(sub({ purchasedAt }), opts({ quantity, now: Date.parse(purchasedAt) + 86_400_000 }));
        const p = new Date(purchasedAt);
        const y = p.getUTCFullYear() + 1;
        const endDay = Math.min(p.getUTCDate(), daysInMonth(y, p.getUTCMonth() + 1));
        const end = new Date(Date.UTC(y, p.getUTCMonth(), endDay) - 86_400_000).toISOString().slice(0, 10);
        expect(d.newSubscription).toMatchObject({
          termEndDate: end,
          cancellationWindowFrom: Date.parse(purchasedAt),
          quantity,
        });
      }),
    );
  });

  it('U4: a midterm quantity above the current seats: INCONSISTENT quantity with the seat count', () => {
    const e = caught(() => canUpgrade(source, opts({ quantity: 11 })));
    expect([e.code, e.field, e.message, e.received]).toEqual([
      'INCONSISTENT',
      'quantity',
      "quantity: is above the subscription's 10 seats",
      11,
    ]);
  });
});

describe('U5 existing destination subscription', () => {
  it('allowed: seats move into the destination (full)', () => {
    expect(canUpgrade(sub(), opts({ destination: dest() }))).toMatchObject({
      allowed: true,
      rule: 'U3',
      into: 'existing-subscription',
      newSubscription: null,
    });
    expect(canUpgrade(sub(), opts({ destination: dest(), quantity: 3 }))).toMatchObject({
      allowed: true,
      rule: 'U4',
      into: 'existing-subscription',
      newSubscription: null,
    });
  });
  it('not active → DESTINATION_NOT_ACTIVE (SubscriptionNotActive)', () => {
    expect(canUpgrade(sub(), opts({ destination: dest({ status: 'suspended' }) }))).toMatchObject({
      allowed: false,
      rule: 'U5',
      policyVersion: '2023-10-19',
      reason: 'DESTINATION_NOT_ACTIVE',
      apiCode: 'SubscriptionNotActive',
    });
  });
  it('inside its cancellation window → refused until the window closes, to the millisecond', () => {
    const d = dest({ purchasedAt: '2024-02-28T12:00:00Z', termEndDate: '2025-02-27' });
    expect(canUpgrade(sub(), opts({ destination: d, now: '2024-03-06T11:59:59.999Z' }))).toMatchObject({
      allowed: false,
      reason: 'DESTINATION_IN_CANCELLATION_WINDOW',
      apiCode: 'SubscriptionInCancellationWindow',
      opensAt: at('2024-03-06T12:00:00Z'),
    });
    expect(canUpgrade(sub(), opts({ destination: d, now: '2024-03-06T12:00:00.000Z' })).allowed).toBe(true);
  });
  it('different term → DESTINATION_TERM_MISMATCH; the API code only when shorter; `not-shorter` accepts a longer one', () => {
    expect(
      canUpgrade(sub(), opts({ destination: dest({ term: 'P1M', billing: 'monthly', termEndDate: '2025-01-31' }) })),
    ).toMatchObject({
      reason: 'DESTINATION_TERM_MISMATCH',
      apiCode: 'SubscriptionTermDurationShorterThanSourceTermDuration',
    });
    const longer = dest({ term: 'P3Y', billing: 'annual', termEndDate: '2026-12-31' });
    expect(canUpgrade(sub(), opts({ destination: longer }))).toMatchObject({
      allowed: false,
      reason: 'DESTINATION_TERM_MISMATCH',
      apiCode: null,
    });
    const notShorter = definePolicy({ destinationTerm: 'not-shorter' });
    expect(canUpgrade(sub(), opts({ destination: longer, policy: notShorter })).allowed).toBe(true);
    expect(
      canUpgrade(sub(), opts({ destination: dest({ term: 'P1M', billing: 'monthly' }), policy: notShorter })).reason,
    ).toBe('DESTINATION_TERM_MISMATCH');
  });
  it('the U5 term rule is the policy’s destinationTerm (default equal); a plain override object is no policy', () => {
    const longer = dest({ term: 'P3Y', billing: 'annual', termEndDate: '2026-12-31' });
    expect(
      canUpgrade(sub(), opts({ destination: longer, policy: definePolicy({ destinationTerm: 'not-shorter' }) }))
        .allowed,
    ).toBe(true);
    expect(
      canUpgrade(sub(), opts({ destination: longer, policy: definePolicy({ destinationTerm: 'equal' }) })).reason,
    ).toBe('DESTINATION_TERM_MISMATCH');
    expect(canUpgrade(sub(), opts({ destination: longer })).reason).toBe('DESTINATION_TERM_MISMATCH');
    expect(() => definePolicy({ destinationTerm: 'longer' as never })).toThrow(
      expect.objectContaining({ code: 'INVALID_ENUM', field: 'policy.destinationTerm' }),
    );
    expect(() =>
      canUpgrade(sub(), opts({ destination: longer, policy: { destinationTerm: 'not-shorter' } as never })),
    ).toThrow(expect.objectContaining({ code: 'INVALID_TYPE', field: 'policy' }));
  });
  it('ends before the source → DESTINATION_ENDS_EARLIER; the same end day is fine', () => {
    expect(canUpgrade(sub(), opts({ destination: dest({ termEndDate: '2025-01-13' }) }))).toMatchObject({
      allowed: false,
      reason: 'DESTINATION_ENDS_EARLIER',
      apiCode: null,
    });
    expect(canUpgrade(sub(), opts({ destination: dest({ termEndDate: '2025-01-14' }) })).allowed).toBe(true);
  });
  it('no scheduled upgrade into an existing subscription', () => {
    expect(canUpgrade(sub(), opts({ destination: dest(), when: 'at-renewal' }))).toMatchObject({
      allowed: false,
      rule: 'U5',
      policyVersion: '2023-10-19',
      reason: 'SCHEDULED_INTO_EXISTING',
    });
  });
  it('a destination of another SKU, or the source itself, is bad input', () => {
    expect(() => canUpgrade(sub(), opts({ destination: dest({ offerName: 'Office 365 E1' }) }))).toThrow(
      expect.objectContaining({ code: 'INCONSISTENT', field: 'destination.offerName' }),
    );
    expect(() => canUpgrade(sub(), opts({ destination: dest({ id: 'src' }) }))).toThrow(
      expect.objectContaining({ field: 'destination.id' }),
    );
  });

  it('U5: a destination inside its cancellation window: refused until it closes (purchase 2024-02-28T12:00Z + 7 d)', () => {
    const d = dest({ purchasedAt: '2024-02-28T12:00:00Z', termEndDate: '2025-02-27' });
    expect(canUpgrade(source, opts({ destination: d }))).toEqual({
      allowed: false,
      rule: 'U5',
      policyVersion: '2023-10-19',
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
      policyVersion: '2023-10-19',
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
      policyVersion: '2023-10-19',
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
      policyVersion: '2023-10-19',
      reason: 'PARTIAL_UPGRADE',
      into: 'existing-subscription',
      newSubscription: null,
    });
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
});

describe('U8/S2 scheduled upgrades; S5 midterm removes a scheduled upgrade; C10 not cancellable', () => {
  it('at renewal: needs auto-renew (S2); effective at 00:00Z after the term end', () => {
    expect(canUpgrade(sub({ autoRenew: false }), opts({ when: 'at-renewal' }))).toMatchObject({
      allowed: false,
      rule: 'S2',
      policyVersion: '2023-10-19',
      reason: 'SCHEDULE_REQUIRES_AUTO_RENEW',
    });
    expect(canUpgrade(sub(), opts({ when: 'at-renewal' }))).toMatchObject({
      allowed: true,
      rule: 'U8',
      policyVersion: '2023-10-19',
      reason: 'SCHEDULED_UPGRADE',
      kind: 'scheduled',
      into: 'same-subscription',
      until: at('2025-01-15T00:00:00Z'),
      effectiveAt: at('2025-01-15T00:00:00Z'),
      licenseAssignment: 'automatic',
      cancellable: false,
    });
    expect(canUpgrade(sub(), opts({ when: 'at-renewal', quantity: 12 })).licenseAssignment).toBe('manual');
  });
  it('S5: a midterm upgrade removes a scheduled upgrade (S3: other scheduled changes too)', () => {
    expect(canUpgrade(sub({ scheduledChange: { offerName: E5, quantity: 10 } }), opts()).warnings).toEqual([
      'UPGRADE_NOT_CANCELLABLE',
      'SCHEDULED_UPGRADE_REMOVED',
    ]);
    expect(canUpgrade(sub({ scheduledChange: { quantity: 8 } }), opts()).warnings).toEqual([
      'UPGRADE_NOT_CANCELLABLE',
      'SCHEDULED_CHANGES_REMOVED',
    ]);
  });
  it('C10: every allowed upgrade is flagged not cancellable (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10 }),
        fc.constantFrom('midterm', 'at-renewal') as fc.Arbitrary<'midterm' | 'at-renewal'>,
        (quantity, when) => {
          const d = canUpgrade(sub(), opts({ quantity, when }));
          expect(d.cancellable).toBe(false);
          if (d.allowed) expect(d.warnings).toContain('UPGRADE_NOT_CANCELLABLE');
        },
      ),
    );
  });
});

describe('U1–U8 option validation', () => {
  it('names the option at fault', () => {
    expect(() => canUpgrade(sub(), opts({ when: 'later' as never }))).toThrow(
      expect.objectContaining({ code: 'INVALID_ENUM', field: 'when' }),
    );
    expect(() => canUpgrade(sub(), opts({ policy: { destinationTerm: 'longer' } as never }))).toThrow(
      expect.objectContaining({ code: 'INVALID_TYPE', field: 'policy' }),
    );
    expect(() => canUpgrade(sub(), opts({ quantity: 0 }))).toThrow(
      expect.objectContaining({ code: 'INVALID_QUANTITY', field: 'quantity' }),
    );
    expect(() => canUpgrade(sub(), opts({ quantity: 11 }))).toThrow(
      expect.objectContaining({ code: 'INCONSISTENT', field: 'quantity' }),
    );
    expect(() => canUpgrade(sub(), opts({ to: undefined as never }))).toThrow(
      expect.objectContaining({ code: 'MISSING_FIELD', field: 'to' }),
    );
    expect(() => canUpgrade(sub({ offerName: null }), opts())).toThrow(
      expect.objectContaining({ code: 'MISSING_FIELD', field: 'offerName' }),
    );
  });
});

/** Purchase instants with month ends, Feb 29, year ends, UTC midnight and offsets +14:00 / -12:00. */
const arbInstant = fc
  .record({
    year: fc.integer({ min: 2019, max: 2030 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.oneof(fc.constantFrom(1, 28, 29, 30, 31), fc.integer({ min: 1, max: 31 })),
    hour: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 23 })),
    zone: fc.constantFrom('Z', '+14:00', '-12:00'),
  })
  .map(({ year, month, day, hour, zone }) => {
    const p = (n: number) => String(n).padStart(2, '0');
    return new Date(
      `${year}-${p(month)}-${p(Math.min(day, daysInMonth(year, month)))}T${p(hour)}:00:00${zone}`,
    ).toISOString();
  });
