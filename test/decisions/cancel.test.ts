import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canCancel } from '../../src/decisions/cancel.js';
import { CspRulesError } from '../../src/core/errors.js';
import { definePolicy } from '../../src/policy/policy.js';
import type { SubscriptionInput } from '../../src/snapshot/subscription.js';
// Expected instants are written as UTC text and read by the platform, not by the code under test.
import { at } from '../support/time.js';

const H = 3_600_000;

const annual: SubscriptionInput = {
  program: 'nce-license',
  term: 'P1Y',
  billing: 'monthly',
  quantity: 15,
  purchasedAt: '2024-01-15T09:30:12Z',
};
/** One seat, bought 2024-01-15T09:30:00Z; each test names the program. */
const oneSeat = { term: 'P1Y', billing: 'monthly', quantity: 1, purchasedAt: '2024-01-15T09:30:00Z' } as const;

describe('C1 new-commerce license-based: 7 d from the start of any term', () => {
  it('is allowed at the purchase instant, until purchase + 168 h exclusive', () => {
    const d = canCancel(annual, { now: '2024-01-15T09:30:12Z' });
    expect(d).toMatchObject({ allowed: true, rule: 'C1', reason: 'WITHIN_WINDOW', until: at('2024-01-22T09:30:12Z') });
    expect(d.effective).toBe('immediate');
  });

  it('is allowed at the last millisecond and refused at the first instant after', () => {
    expect(canCancel(annual, { now: '2024-01-22T09:30:11.999Z' })).toMatchObject({ allowed: true, refund: 'prorated' });
    const closed = canCancel(annual, { now: '2024-01-22T09:30:12Z' });
    // C12, R3: refused until the next window: it opens at the renewal's completion, unknown before
    // it happens, so the policy's bound (earliest: 00:00Z after the term end date 2025-01-14, R2),
    // with its assumption — never 00:00Z as a fact.
    expect(closed).toEqual({
      allowed: false,
      rule: 'C1',
      policyVersion: '2023-10-19',
      reason: 'WINDOW_CLOSED',
      opensAt: at('2025-01-15T00:00:00Z'),
      assumptions: ['RENEWAL_COMPLETION_ASSUMED_EARLIEST'],
      warnings: [],
      refund: 'none',
      effective: null,
      fullRefundUntil: null,
    });
  });

  it('is refused before the purchase instant (window not open yet)', () => {
    expect(canCancel(annual, { now: '2024-01-15T09:30:11.999Z' })).toMatchObject({
      allowed: false,
      reason: 'WINDOW_NOT_OPEN',
      opensAt: at('2024-01-15T09:30:12Z'),
    });
  });

  it('reads now given with offsets: +14:00 and -12:00 spellings of the same last instant', () => {
    expect(canCancel(annual, { now: '2024-01-22T23:30:11.999+14:00' }).allowed).toBe(true);
    expect(canCancel(annual, { now: '2024-01-21T21:30:12-12:00' }).allowed).toBe(false);
  });

  it('R3: opens again for 7 d from the exact renewal-completion instant', () => {
    const renewed = { ...annual, termStartedAt: '2025-01-15T03:12:45.500Z', termEndDate: '2026-01-14' };
    expect(canCancel(renewed, { now: '2025-01-22T03:12:45.499Z' })).toMatchObject({
      allowed: true,
      rule: 'C1',
      until: at('2025-01-22T03:12:45.500Z'),
    });
    expect(canCancel(renewed, { now: '2025-01-22T03:12:45.500Z' })).toMatchObject({
      allowed: false,
      opensAt: at('2026-01-15T00:00:00Z'),
    });
  });

  it('R3: unknown completion instant — earliest bound by default (00:00 UTC of the renewal day)', () => {
    const unknown = { ...annual, termStartedAt: null, termStartDate: '2025-01-15', termEndDate: '2026-01-14' };
    const d = canCancel(unknown, { now: '2025-01-21T23:59:59.999Z' });
    expect(d).toMatchObject({
      allowed: true,
      until: at('2025-01-22T00:00:00Z'),
      assumptions: ['RENEWAL_COMPLETION_ASSUMED_EARLIEST'],
    });
    expect(canCancel(unknown, { now: '2025-01-22T00:00:00Z' }).allowed).toBe(false);
  });

  it('R3: unknown completion instant — latest bound as a policy option (+24 h)', () => {
    const unknown = { ...annual, termStartedAt: null, termStartDate: '2025-01-15', termEndDate: '2026-01-14' };
    const policy = definePolicy({ unknownRenewalCompletion: 'latest' });
    expect(canCancel(unknown, { now: '2025-01-15T23:59:59.999Z', policy })).toMatchObject({
      allowed: false,
      reason: 'WINDOW_NOT_OPEN',
      opensAt: at('2025-01-16T00:00:00Z'),
      assumptions: ['RENEWAL_COMPLETION_ASSUMED_LATEST'],
    });
    expect(canCancel(unknown, { now: '2025-01-22T23:59:59.999Z', policy })).toMatchObject({
      allowed: true,
      until: at('2025-01-23T00:00:00Z'),
    });
  });

  it('"except where required by law": the window length is a policy option', () => {
    const policy = definePolicy({ programs: { 'nce-license': { cancelWindowHours: { monthly: 14 * 24 } } } });
    expect(canCancel(annual, { now: '2024-01-29T09:30:11.999Z', policy })).toMatchObject({
      allowed: true,
      until: at('2024-01-29T09:30:12Z'),
    });
    expect(canCancel({ ...annual, billing: 'annual' }, { now: '2024-01-29T09:30:11.999Z', policy }).allowed).toBe(
      false,
    );
  });

  it('refuses without opensAt when auto-renew is off (R5: no renewal, no new window)', () => {
    expect(canCancel({ ...annual, autoRenew: false }, { now: '2024-06-01T00:00:00Z' })).toMatchObject({
      allowed: false,
      opensAt: null,
    });
  });

  it('property: allowed ⇔ now ∈ [start, start + 168 h), and until = start + 168 h', () => {
    // From 2000-01-03, so that now (down to 48 h before the purchase) is an instant too (T1).
    const start = fc.integer({ min: Date.UTC(2000, 0, 3), max: Date.UTC(2090, 0, 1) });
    fc.assert(
      fc.property(start, fc.integer({ min: -48 * H, max: 400 * H }), (purchase, delta) => {
        const d = canCancel({ ...annual, purchasedAt: purchase }, { now: purchase + delta });
        const inside = delta >= 0 && delta < 168 * H;
        expect(d.allowed).toBe(inside);
        if (d.allowed) expect(d.until).toBe(purchase + 168 * H);
      }),
    );
  });
});

describe('C15 refund tier: full within 24 h of the term start, prorated to 7 d', () => {
  it('is full until start + 24 h exclusive, prorated from then', () => {
    expect(canCancel(annual, { now: '2024-01-16T09:30:11.999Z' })).toMatchObject({
      refund: 'full',
      fullRefundUntil: at('2024-01-16T09:30:12Z'),
    });
    expect(canCancel(annual, { now: '2024-01-16T09:30:12Z' })).toMatchObject({
      refund: 'prorated',
      fullRefundUntil: null,
    });
  });

  it('applies after a renewal too (from the completion instant)', () => {
    const renewed = { ...annual, termStartedAt: '2025-01-15T03:00:00Z', termEndDate: '2026-01-14' };
    expect(canCancel(renewed, { now: '2025-01-16T02:59:59.999Z' }).refund).toBe('full');
  });

  it('can be switched off by policy', () => {
    const policy = definePolicy({ programs: { 'nce-license': { fullRefundHours: 0 } } });
    expect(canCancel(annual, { now: '2024-01-15T09:30:12Z', policy }).refund).toBe('prorated');
  });

  it('property: refund is full ⇔ now ∈ [start, start + 24 h)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 168 * H - 1 }), (delta) => {
        const d = canCancel(annual, { now: at('2024-01-15T09:30:12Z') + delta });
        expect(d.refund).toBe(delta < 24 * H ? 'full' : 'prorated');
      }),
    );
  });

  // C15: the full-refund tier belongs to prorated windows only. With nce-saas (refund full) and a
  // 24 h tier set by policy, the refund is full and fullRefundUntil stays null.
  it('C15 a full-refund window has no tier even when the policy sets tier hours', () => {
    const policy = definePolicy({ programs: { 'nce-saas': { fullRefundHours: 24 } } });
    expect(canCancel({ ...oneSeat, program: 'nce-saas' }, { now: '2024-01-15T10:00:00Z', policy })).toMatchObject({
      allowed: true,
      refund: 'full',
      fullRefundUntil: null,
    });
  });
});

describe('C2 cancellation is of the whole subscription', () => {
  it('has no partial form: a cancellation decision carries no quantity', () => {
    const d = canCancel(annual, { now: '2024-01-16T00:00:00Z' });
    expect(Object.keys(d)).not.toContain('quantity');
  });
});

describe('C3 a cancelled subscription is terminal', () => {
  it.each([
    ['cancelled', 'C3'],
    ['deleted', 'P7'],
  ] as const)('refuses every cancellation when %s (%s)', (status, rule) => {
    expect(canCancel({ ...annual, status }, { now: '2024-01-15T10:00:00Z' })).toMatchObject({
      allowed: false,
      rule,
      policyVersion: '2023-10-19',
      reason: 'TERMINATED',
      opensAt: null,
    });
  });
});

describe('C4 traditional ISV SaaS billed monthly: < 24 h full credit, later at renewal', () => {
  const saas: SubscriptionInput = {
    program: 'traditional-saas',
    term: 'P1M',
    billing: 'monthly',
    quantity: 3,
    purchasedAt: '2024-02-29T23:00:00Z',
  };
  it('gives a full refund until order + 24 h exclusive', () => {
    expect(canCancel(saas, { now: '2024-03-01T22:59:59.999Z' })).toMatchObject({
      allowed: true,
      rule: 'C4',
      refund: 'full',
      effective: 'immediate',
      until: at('2024-03-01T23:00:00Z'),
    });
  });
  it('schedules the cancellation for renewal, without refund, from order + 24 h', () => {
    // Term from 2024-02-29 (P1M) ends 2024-03-28: the cancellation takes effect at 2024-03-29T00:00Z.
    expect(canCancel(saas, { now: '2024-03-01T23:00:00Z' })).toMatchObject({
      allowed: true,
      rule: 'C4',
      policyVersion: '2023-10-19',
      reason: 'SCHEDULED_AT_RENEWAL',
      refund: 'none',
      effective: 'at-renewal',
      until: at('2024-03-29T00:00:00Z'),
    });
  });
});

describe('C5 traditional ISV SaaS billed annually: < 14 d full credit, later at renewal', () => {
  const saas: SubscriptionInput = {
    program: 'traditional-saas',
    term: 'P1Y',
    billing: 'annual',
    quantity: 3,
    purchasedAt: '2023-12-31T12:00:00Z',
  };
  it('is full until order + 336 h exclusive, then scheduled at renewal', () => {
    expect(canCancel(saas, { now: '2024-01-14T11:59:59.999Z' })).toMatchObject({
      rule: 'C5',
      refund: 'full',
      until: at('2024-01-14T12:00:00Z'),
    });
    expect(canCancel(saas, { now: '2024-01-14T12:00:00Z' })).toMatchObject({
      rule: 'C5',
      policyVersion: '2023-10-19',
      reason: 'SCHEDULED_AT_RENEWAL',
      effective: 'at-renewal',
      until: at('2024-12-31T00:00:00Z'),
    });
  });
});

describe('C6 ISV SaaS refunds are full, not prorated', () => {
  it.each([
    ['traditional-saas', 'monthly'],
    ['traditional-saas', 'annual'],
    ['nce-saas', 'monthly'],
  ] as const)('%s billed %s refunds in full inside its window', (program, billing) => {
    const d = canCancel(
      { program, billing, term: 'P1Y', quantity: 1, purchasedAt: '2024-05-01T00:00:00Z' },
      { now: '2024-05-01T12:00:00Z' },
    );
    expect(d.refund).toBe('full');
  });
});

describe('C7 BSS software-subscription asset: 30 d from purchase when returnable', () => {
  const asset: SubscriptionInput = {
    program: 'bss-software',
    term: 'P3Y',
    billing: 'annual',
    quantity: 1,
    purchasedAt: '2024-01-31T00:00:00Z',
  };
  it('is allowed until purchase + 720 h exclusive with a prorated credit by default', () => {
    // 2024 is a leap year: Jan 31 + 30 d = Mar 1.
    expect(canCancel(asset, { now: '2024-02-29T23:59:59.999Z' })).toMatchObject({
      allowed: true,
      rule: 'C7',
      refund: 'prorated',
      until: at('2024-03-01T00:00:00Z'),
    });
    expect(canCancel(asset, { now: '2024-03-01T00:00:00Z' })).toMatchObject({
      allowed: false,
      rule: 'C7',
      policyVersion: '2023-10-19',
      reason: 'WINDOW_CLOSED',
      opensAt: null,
    });
  });
  it('refund mode "full" is a policy option (001 says both)', () => {
    const policy = definePolicy({ programs: { 'bss-software': { refund: 'full' } } });
    expect(canCancel(asset, { now: '2024-02-01T00:00:00Z', policy }).refund).toBe('full');
  });
  it('is refused when Microsoft marks the asset not returnable', () => {
    expect(canCancel({ ...asset, isReturnable: false }, { now: '2024-02-01T00:00:00Z' })).toMatchObject({
      allowed: false,
      rule: 'C7',
      policyVersion: '2023-10-19',
      reason: 'NOT_RETURNABLE',
      assumptions: [],
    });
  });
  // C7 (BSS storefront page): "Only when the asset's isReturnable flag is true (set by Microsoft,
  // per asset)": a flag not given is taken as true, never as a fact.
  it('C7: isReturnable not given is taken as returnable with RETURNABLE_ASSUMED; given, nothing assumed', () => {
    const now = '2024-02-01T00:00:00Z';
    expect(canCancel(asset, { now })).toMatchObject({ allowed: true, assumptions: ['RETURNABLE_ASSUMED'] });
    expect(canCancel({ ...asset, isReturnable: true }, { now })).toMatchObject({ allowed: true, assumptions: [] });
    // Refused after the window: the refusal depends on nothing assumed about the flag's value, but
    // the flag decided whether a window applied at all.
    expect(canCancel(asset, { now: '2024-03-01T00:00:00Z' }).assumptions).toEqual(['RETURNABLE_ASSUMED']);
  });
});

describe('C11 a BSS cancellation is always immediate', () => {
  it('takes effect immediately', () => {
    const asset: SubscriptionInput = {
      program: 'bss-software',
      term: 'P1Y',
      billing: 'annual',
      quantity: 1,
      purchasedAt: '2024-01-31T00:00:00Z',
    };
    expect(canCancel(asset, { now: '2024-02-10T00:00:00Z' }).effective).toBe('immediate');
  });
});

describe('C8 SoftwareOne: 7×24 h from the order, new purchases and renewal orders alike', () => {
  const s1: SubscriptionInput = {
    program: 'softwareone',
    term: 'P1Y',
    billing: 'annual',
    quantity: 2,
    purchasedAt: '2023-02-28T18:45:00+05:45',
  };
  it('counts 168 h from the order instant, prorated', () => {
    expect(canCancel(s1, { now: '2023-03-07T12:59:59.999Z' })).toMatchObject({
      allowed: true,
      rule: 'C8',
      refund: 'prorated',
      until: at('2023-03-07T13:00:00Z'),
    });
    expect(canCancel(s1, { now: '2023-03-07T13:00:00Z' }).allowed).toBe(false);
  });
  it('opens again for a renewal order, from its completion (000 "Renewals")', () => {
    const renewed = { ...s1, termStartedAt: '2024-02-28T06:00:00Z', termEndDate: '2025-02-27' };
    expect(canCancel(renewed, { now: '2024-03-06T05:59:59.999Z' })).toMatchObject({ allowed: true, rule: 'C8' });
  });
});

describe('C9 a trial cannot be cancelled (its status is locked)', () => {
  it('is refused with TRIAL_STATUS_LOCKED', () => {
    expect(canCancel({ ...annual, trial: true, term: 'P1M' }, { now: '2024-01-15T10:00:00Z' })).toMatchObject({
      allowed: false,
      rule: 'C9',
      policyVersion: '2023-10-19',
      reason: 'TRIAL_STATUS_LOCKED',
    });
  });
});

describe('C12 every decision names its deadline or why not and when next', () => {
  it('allowed → until; refused → reason and opensAt', () => {
    const yes = canCancel(annual, { now: '2024-01-16T00:00:00Z' });
    const no = canCancel(annual, { now: '2024-02-16T00:00:00Z' });
    expect(yes.allowed && typeof yes.until).toBe('number');
    expect(!no.allowed && no.reason).toBe('WINDOW_CLOSED');
    expect(!no.allowed && no.opensAt).toBe(at('2025-01-15T00:00:00Z'));
  });
});

describe('C13 perpetual software: 30 d from purchase, full refund', () => {
  const perpetual: SubscriptionInput = {
    program: 'nce-perpetual',
    term: 'P1Y',
    billing: 'annual',
    quantity: 1,
    purchasedAt: '2024-12-31T23:59:59.999Z',
  };
  it('is full until purchase + 720 h exclusive, then never', () => {
    expect(canCancel(perpetual, { now: '2025-01-30T23:59:59.998Z' })).toMatchObject({
      allowed: true,
      rule: 'C13',
      refund: 'full',
    });
    expect(canCancel(perpetual, { now: '2025-01-30T23:59:59.999Z' })).toMatchObject({ allowed: false, opensAt: null });
  });
});

describe('C14 marketplace SaaS in new commerce: 72 h from purchase, full', () => {
  const saas: SubscriptionInput = {
    program: 'nce-saas',
    term: 'P1M',
    billing: 'monthly',
    quantity: 5,
    purchasedAt: '2024-03-30T22:00:00-02:00',
  };
  it('is allowed until purchase + 72 h exclusive', () => {
    // Bought 2024-03-31T00:00Z (written at -02:00): the window ends 2024-04-03T00:00Z.
    expect(canCancel(saas, { now: '2024-04-02T23:59:59.999Z' })).toMatchObject({
      allowed: true,
      rule: 'C14',
      refund: 'full',
      until: at('2024-04-03T00:00:00Z'),
    });
    expect(canCancel(saas, { now: '2024-04-03T00:00:00Z' })).toMatchObject({
      allowed: false,
      rule: 'C14',
      opensAt: null,
    });
  });

  // C14: a window measured from the purchase stays there in a later term. nce-saas, 72 h from
  // 2024-01-15T09:30Z → closed on 2024-01-18T09:30Z; one hour after a renewal on 2025-01-15 it
  // is still closed (a term-start window would be open until 2025-01-18T00:05Z).
  it('C14 a purchase-based window does not reopen at a renewal', () => {
    const renewed = { ...oneSeat, program: 'nce-saas', termStartedAt: '2025-01-15T00:05:00Z' } as const;
    expect(canCancel(renewed, { now: '2025-01-15T01:05:00Z' })).toMatchObject({
      allowed: false,
      rule: 'C14',
      policyVersion: '2024-07-01',
      reason: 'WINDOW_CLOSED',
      opensAt: null,
    });
    expect(canCancel(renewed, { now: '2024-01-18T09:29:59.999Z' })).toMatchObject({
      allowed: true,
      until: Date.UTC(2024, 0, 18, 9, 30),
    });
  });
});

describe('C16 new-commerce software subscriptions: 7 d from purchase or any renewal, prorated', () => {
  const software: SubscriptionInput = {
    program: 'nce-software',
    term: 'P3Y',
    billing: 'annual',
    quantity: 4,
    purchasedAt: '2024-02-29T00:00:00Z',
  };
  it('is prorated from the first instant (no full tier)', () => {
    expect(canCancel(software, { now: '2024-02-29T00:00:00Z' })).toMatchObject({
      allowed: true,
      rule: 'C16',
      refund: 'prorated',
      until: at('2024-03-07T00:00:00Z'),
    });
  });
  it('RedHat/SUSE-like plans that are never cancellable are refused via isReturnable: false', () => {
    expect(canCancel({ ...software, isReturnable: false }, { now: '2024-02-29T00:00:00Z' })).toMatchObject({
      allowed: false,
      reason: 'NOT_RETURNABLE',
    });
  });
});

describe('canCancel status handling and bad input', () => {
  it('P7: expired, disabled and pending subscriptions have nothing to cancel', () => {
    for (const status of ['expired', 'disabled', 'pending'] as const) {
      expect(canCancel({ ...annual, status }, { now: '2024-01-15T10:00:00Z' })).toMatchObject({
        allowed: false,
        reason: 'NOT_ACTIVE',
      });
    }
  });

  it('a suspended subscription can still be cancelled inside its window (sources silent; documented choice)', () => {
    expect(canCancel({ ...annual, status: 'suspended' }, { now: '2024-01-16T00:00:00Z' }).allowed).toBe(true);
  });

  it('R4: warns of a likely 409 on the renewal day', () => {
    const d = canCancel(annual, { now: '2025-01-15T00:30:00Z' });
    expect(d.warnings).toEqual(['RENEWAL_IN_PROGRESS']);
  });

  it.each([
    [{ now: Number.NaN }, 'INVALID_INSTANT', 'now'],
    [{ now: Number.POSITIVE_INFINITY }, 'INVALID_INSTANT', 'now'],
    [{ now: '2024-01-16T00:00:00' }, 'AMBIGUOUS_INSTANT', 'now'],
    [{ now: '2024-02-30T00:00:00Z' }, 'INVALID_INSTANT', 'now'],
    [{ now: 0 }, 'INSTANT_OUT_OF_RANGE', 'now'],
    [{ now: 1_705_363_200 }, 'INSTANT_OUT_OF_RANGE', 'now'], // Unix seconds (T1)
  ])('rejects options %o with %s naming %s', (options, code, field) => {
    expect(() => canCancel(annual, options as { now: number })).toThrow(expect.objectContaining({ code, field }));
  });

  it('rejects an unknown program or status with a typed error, never an answer', () => {
    const now = '2024-01-16T00:00:00Z';
    expect(() => canCancel({ ...annual, program: 'legacy' as never }, { now })).toThrow(CspRulesError);
    expect(() => canCancel({ ...annual, status: 'paused' as never }, { now })).toThrow(
      expect.objectContaining({ code: 'INVALID_ENUM', field: 'status' }),
    );
    expect(() => canCancel(null as never, { now })).toThrow(
      expect.objectContaining({ code: 'INVALID_TYPE', field: 'subscription' }),
    );
  });

  // P7: expired, disabled and pending are refused with rule P7 and reason NOT_ACTIVE.
  it.each(['expired', 'disabled', 'pending'] as const)('P7 %s → NOT_ACTIVE', (status) => {
    expect(canCancel({ ...oneSeat, program: 'nce-license', status }, { now: '2024-01-16T00:00:00Z' })).toMatchObject({
      allowed: false,
      rule: 'P7',
      policyVersion: '2023-10-19',
      reason: 'NOT_ACTIVE',
      opensAt: null,
      refund: 'none',
      effective: null,
    });
  });
});

// R2 (MCS "Subscription renewals"): the renewal starts at 00:00 UTC of the day after the term end
// date and can take up to 24 h. R4 (MCS "Applying changes"): during it "cancel may be attempted
// but can fail with 409 Conflict". R3: "After a renewal completes, cancellation and seat reduction
// are open for 7 d from the exact completion instant" — unknown while it runs: the policy's bound.
describe('R3 R4 the renewal day: canCancel answers for the new term', () => {
  // `annual`: P1Y bought 2024-01-15T09:30:12Z, term end date 2025-01-14, renewal day 2025-01-15.
  it('R3 R4 C1 C15: from 00:00Z after the end date the new window is open from the earliest completion, with RENEWAL_IN_PROGRESS', () => {
    expect(canCancel(annual, { now: '2025-01-15T00:00:00.000Z' })).toEqual({
      allowed: true,
      rule: 'C1',
      policyVersion: '2024-07-01',
      reason: 'WITHIN_WINDOW',
      until: at('2025-01-22T00:00:00Z'), // 00:00Z + 168 h
      assumptions: ['RENEWAL_COMPLETION_ASSUMED_EARLIEST'],
      warnings: ['RENEWAL_IN_PROGRESS'],
      refund: 'full', // C15: within 24 h of the (assumed) completion
      effective: 'immediate',
      fullRefundUntil: at('2025-01-16T00:00:00Z'),
    });
  });
  it('R3 R4: the boundaries to the millisecond: the last instant of the term is closed (opening 1 ms ahead); the renewal day is open; 24 h later the snapshot is out of date (R2)', () => {
    expect(canCancel(annual, { now: '2025-01-14T23:59:59.999Z' })).toMatchObject({
      allowed: false,
      reason: 'WINDOW_CLOSED',
      opensAt: at('2025-01-15T00:00:00Z'),
      assumptions: ['RENEWAL_COMPLETION_ASSUMED_EARLIEST'],
      warnings: [],
    });
    expect(canCancel(annual, { now: '2025-01-15T23:59:59.999Z' })).toMatchObject({
      allowed: true,
      until: at('2025-01-22T00:00:00Z'),
      refund: 'full',
      warnings: ['RENEWAL_IN_PROGRESS'],
    });
    expect(canCancel(annual, { now: '2025-01-16T00:00:00.000Z' })).toMatchObject({
      allowed: false,
      rule: 'R2',
      policyVersion: '2024-07-01',
      reason: 'TERM_ENDED',
      opensAt: null,
      warnings: [],
    });
  });
  // The hard day as it was answered: at 06:00Z on the renewal day canCancel said WINDOW_CLOSED
  // with an opening at 00:00Z that day, six hours in the past.
  it('C12 R3: at 06:00Z on the renewal day the answer is allowed, never an opening in the past', () => {
    const now = at('2025-01-15T06:00:00Z');
    const d = canCancel(annual, { now });
    expect(d).toMatchObject({ allowed: true, until: at('2025-01-22T00:00:00Z'), warnings: ['RENEWAL_IN_PROGRESS'] });
  });
  it('R3: with the latest bound the new window opens 24 h after the renewal starts: WINDOW_NOT_OPEN until 2025-01-16T00:00Z', () => {
    const policy = definePolicy({ unknownRenewalCompletion: 'latest' });
    expect(canCancel(annual, { now: '2025-01-15T06:00:00Z', policy })).toEqual({
      allowed: false,
      rule: 'C1',
      policyVersion: '2024-07-01',
      reason: 'WINDOW_NOT_OPEN',
      opensAt: at('2025-01-16T00:00:00Z'),
      assumptions: ['RENEWAL_COMPLETION_ASSUMED_LATEST'],
      warnings: ['RENEWAL_IN_PROGRESS'],
      refund: 'none',
      effective: null,
      fullRefundUntil: null,
    });
    // Before the renewal the next opening is named by the same bound (R3): 2025-01-16T00:00Z.
    expect(canCancel(annual, { now: '2024-06-01T00:00:00Z', policy })).toMatchObject({
      reason: 'WINDOW_CLOSED',
      opensAt: at('2025-01-16T00:00:00Z'),
      assumptions: ['RENEWAL_COMPLETION_ASSUMED_LATEST'],
    });
  });
  it('C16 C8: new-commerce software and SoftwareOne reopen with the renewal too (prorated, no full tier)', () => {
    const software = { ...oneSeat, program: 'nce-software', isReturnable: true } as const;
    expect(canCancel(software, { now: '2025-01-15T12:00:00Z' })).toMatchObject({
      allowed: true,
      rule: 'C16',
      refund: 'prorated',
      until: at('2025-01-22T00:00:00Z'),
      assumptions: ['RENEWAL_COMPLETION_ASSUMED_EARLIEST'],
      warnings: ['RENEWAL_IN_PROGRESS'],
    });
    expect(canCancel({ ...oneSeat, program: 'softwareone' }, { now: '2025-01-15T12:00:00Z' })).toMatchObject({
      allowed: true,
      rule: 'C8',
      until: at('2025-01-22T00:00:00Z'),
    });
  });
  it('C13 C14: a window from the purchase only does not reopen: WINDOW_CLOSED, never, with the 409 warning', () => {
    for (const [program, rule] of [
      ['nce-perpetual', 'C13'],
      ['nce-saas', 'C14'],
    ] as const) {
      expect(canCancel({ ...oneSeat, program }, { now: '2025-01-15T12:00:00Z' })).toMatchObject({
        allowed: false,
        rule,
        policyVersion: '2024-07-01',
        reason: 'WINDOW_CLOSED',
        opensAt: null,
        warnings: ['RENEWAL_IN_PROGRESS'],
      });
    }
  });
  it('R5: auto-renew off: no renewal day; from 00:00Z after the end date the term is over (TERM_ENDED)', () => {
    expect(canCancel({ ...annual, autoRenew: false }, { now: '2025-01-15T00:00:00Z' })).toMatchObject({
      allowed: false,
      rule: 'R5',
      policyVersion: '2024-07-01',
      reason: 'TERM_ENDED',
      opensAt: null,
    });
  });
});

// C4/C5 (MCS "Cancel traditional license-based subscriptions"): after the window "the cancellation
// is scheduled for renewal". Once the renewal runs it is too late for this term; the next term's
// end can be asked for when the renewal has surely completed (R2: +24 h).
describe('C4 C5 R4 traditional SaaS on its renewal day: RENEWAL_IN_PROGRESS until the latest completion', () => {
  it('C5: annual bought 2023-12-31T12:00Z (end date 2024-12-30): scheduled at renewal to the last ms, then refused until 2025-01-01T00:00Z', () => {
    const saas = {
      program: 'traditional-saas',
      term: 'P1Y',
      billing: 'annual',
      quantity: 3,
      purchasedAt: '2023-12-31T12:00:00Z',
    } as const;
    expect(canCancel(saas, { now: '2024-12-30T23:59:59.999Z' })).toMatchObject({
      allowed: true,
      reason: 'SCHEDULED_AT_RENEWAL',
      until: at('2024-12-31T00:00:00Z'),
    });
    expect(canCancel(saas, { now: '2024-12-31T00:00:00Z' })).toEqual({
      allowed: false,
      rule: 'C5',
      policyVersion: '2024-07-01',
      reason: 'RENEWAL_IN_PROGRESS',
      opensAt: at('2025-01-01T00:00:00Z'),
      assumptions: [],
      warnings: ['RENEWAL_IN_PROGRESS'],
      refund: 'none',
      effective: null,
      fullRefundUntil: null,
    });
    // The latest bound is the same under either policy: it is when the renewal has surely completed.
    const policy = definePolicy({ unknownRenewalCompletion: 'latest' });
    expect(canCancel(saas, { now: '2024-12-31T23:59:59.999Z', policy })).toMatchObject({
      reason: 'RENEWAL_IN_PROGRESS',
      opensAt: at('2025-01-01T00:00:00Z'),
    });
    expect(canCancel(saas, { now: '2025-01-01T00:00:00Z' })).toMatchObject({ rule: 'R2', reason: 'TERM_ENDED' });
  });
  it('C4: monthly bought 2024-02-29T23:00Z (end date 2024-03-28): refused on 2024-03-29, opening 2024-03-30T00:00Z', () => {
    const saas = {
      program: 'traditional-saas',
      term: 'P1M',
      billing: 'monthly',
      quantity: 3,
      purchasedAt: '2024-02-29T23:00:00Z',
    } as const;
    expect(canCancel(saas, { now: '2024-03-29T10:00:00Z' })).toMatchObject({
      allowed: false,
      rule: 'C4',
      policyVersion: '2023-10-19',
      reason: 'RENEWAL_IN_PROGRESS',
      opensAt: at('2024-03-30T00:00:00Z'),
    });
  });
});

// C12 R3: each assumption once: a closed window of a renewed term whose completion is unknown
// lists the R3 bound once (its own window's and the next opening's are the same code).
describe('R3 C1 each assumption is listed once', () => {
  const renewed = { ...annual, termStartedAt: null, termStartDate: '2025-01-15', termEndDate: '2026-01-14' };
  it('R3 C1: closed until 2026-01-15T00:00Z (earliest bound), the bound assumed', () => {
    const d = canCancel(renewed, { now: '2025-06-01T00:00:00Z' });
    expect(d).toMatchObject({ allowed: false, reason: 'WINDOW_CLOSED', opensAt: at('2026-01-15T00:00:00Z') });
    expect([...new Set(d.assumptions)]).toEqual(['RENEWAL_COMPLETION_ASSUMED_EARLIEST']);
  });
  it('R3 C1: canCancel lists RENEWAL_COMPLETION_ASSUMED_EARLIEST once', () => {
    expect(canCancel(renewed, { now: '2025-06-01T00:00:00Z' }).assumptions).toEqual([
      'RENEWAL_COMPLETION_ASSUMED_EARLIEST',
    ]);
  });
});
