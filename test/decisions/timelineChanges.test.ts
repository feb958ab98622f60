/**
 * The decisions that read Microsoft's rule changes governed by `now` (src/decisions/cancel.ts,
 * billingChanges.ts, termChanges.ts, gates.ts), each tested at the millisecond before and after the
 * change's effective instant, on both sides of its scope, with the policy version named each time:
 * C14 (SaaS monthly after 72 h; SaaS trials), C9, B2 (triennial lock), B1 (monthly uplift), C17
 * and R7 (in an Extended Service Term). Expected instants are written out from the comments.
 */
import { describe, expect, it } from 'vitest';
import { canCancel } from '../../src/decisions/cancel.js';
import { eligibleBillingFrequencyChanges } from '../../src/decisions/billingChanges.js';
import { eligibleTermChanges } from '../../src/decisions/termChanges.js';
import { reducibleSeats } from '../../src/decisions/seats.js';
import { canIncreaseSeats } from '../../src/decisions/seatIncrease.js';
import { canUpgrade } from '../../src/decisions/upgrade.js';
import { definePolicy } from '../../src/policy/policy.js';
import { MICROSOFT_TIMELINE } from '../../src/index.js';
import type { SubscriptionInput } from '../../src/snapshot/subscription.js';

const ms = (iso: string): number => Date.parse(iso);

describe('C14 (2024-07-01): a marketplace SaaS monthly term stays cancellable after its 72 h, without a refund', () => {
  /** SaaS P1M bought 2024-06-20T10:00Z: its 72 h close 2024-06-23T10:00Z. */
  const saas: SubscriptionInput = {
    program: 'nce-saas',
    term: 'P1M',
    billing: 'monthly',
    quantity: 5,
    purchasedAt: '2024-06-20T10:00:00Z',
  };

  it('C14: 2024-06-30T23:59:59.999Z → WINDOW_CLOSED (version 2023-10-19); 2024-07-01T00:00:00Z → WITHOUT_REFUND (2024-07-01)', () => {
    expect(canCancel(saas, { now: '2024-06-30T23:59:59.999Z' })).toEqual({
      allowed: false,
      rule: 'C14',
      policyVersion: '2023-10-19',
      reason: 'WINDOW_CLOSED',
      opensAt: null,
      assumptions: [],
      warnings: [],
      refund: 'none',
      effective: null,
      fullRefundUntil: null,
    });
    expect(canCancel(saas, { now: '2024-07-01T00:00:00Z' })).toEqual({
      allowed: true,
      rule: 'C14',
      policyVersion: '2024-07-01',
      reason: 'WITHOUT_REFUND',
      until: null,
      assumptions: [],
      warnings: [],
      refund: 'none',
      effective: 'immediate',
      fullRefundUntil: null,
    });
  });

  it('C14: bought 2024-07-10T10:00Z: full refund until 2024-07-13T09:59:59.999Z, then WITHOUT_REFUND from 2024-07-13T10:00Z', () => {
    const later = { ...saas, purchasedAt: '2024-07-10T10:00:00Z' };
    expect(canCancel(later, { now: '2024-07-13T09:59:59.999Z' })).toMatchObject({
      allowed: true,
      rule: 'C14',
      reason: 'WITHIN_WINDOW',
      until: ms('2024-07-13T10:00:00Z'),
      refund: 'full',
      policyVersion: '2024-07-01',
    });
    expect(canCancel(later, { now: '2024-07-13T10:00:00Z' })).toMatchObject({
      allowed: true,
      rule: 'C14',
      reason: 'WITHOUT_REFUND',
      until: null,
      refund: 'none',
    });
  });

  it('C14: an annual SaaS term is not covered: WINDOW_CLOSED on both sides', () => {
    const annual = { ...saas, term: 'P1Y' } as const;
    for (const now of ['2024-06-30T23:59:59.999Z', '2024-07-01T00:00:00Z'])
      expect(canCancel(annual, { now })).toMatchObject({ allowed: false, rule: 'C14', reason: 'WINDOW_CLOSED' });
  });

  it('C14 C1: a monthly nce-license term is not covered: C1 WINDOW_CLOSED, opening at the renewal', () => {
    const license = { ...saas, program: 'nce-license' } as const;
    // Term 2024-06-20 … 2024-07-19: the next window opens at 2024-07-20T00:00Z (R3 earliest).
    expect(canCancel(license, { now: '2024-07-01T00:00:00Z' })).toMatchObject({
      allowed: false,
      rule: 'C1',
      reason: 'WINDOW_CLOSED',
      opensAt: ms('2024-07-20T00:00:00Z'),
      policyVersion: '2024-07-01',
    });
  });

  it('C14: asOf 2024-06-30T23:59:59.999Z keeps the older answer; ignoring the change likewise', () => {
    // Still in the term (2024-06-20 … 2024-07-19), after the change.
    const now = '2024-07-15T00:00:00Z';
    expect(canCancel(saas, { now, policy: definePolicy({ asOf: '2024-06-30T23:59:59.999Z' }) })).toMatchObject({
      allowed: false,
      reason: 'WINDOW_CLOSED',
      policyVersion: '2023-10-19',
    });
    expect(
      canCancel(saas, { now, policy: definePolicy({ ignoredChanges: ['saas-monthly-cancel-anytime'] }) }),
    ).toMatchObject({ allowed: false, reason: 'WINDOW_CLOSED', policyVersion: '2024-07-01' });
  });
});

describe('C9 C14 (2024-07-01): a marketplace SaaS free trial can be cancelled at any time', () => {
  /** A SaaS trial started 2024-06-20T10:00Z: 30 days, last day 2024-07-19, ends 2024-07-20T00:00Z. */
  const saasTrial: SubscriptionInput = {
    program: 'nce-saas',
    term: 'P1M',
    billing: 'monthly',
    quantity: 1,
    purchasedAt: '2024-06-20T10:00:00Z',
    trial: true,
  };

  it('C9: 2024-06-30T23:59:59.999Z → TRIAL_STATUS_LOCKED (2023-10-19); C14: 2024-07-01T00:00:00Z → ANY_TIME until the trial end', () => {
    expect(canCancel(saasTrial, { now: '2024-06-30T23:59:59.999Z' })).toEqual({
      allowed: false,
      rule: 'C9',
      policyVersion: '2023-10-19',
      reason: 'TRIAL_STATUS_LOCKED',
      opensAt: null,
      assumptions: ['TRIAL_END_ASSUMED'],
      warnings: [],
      refund: 'none',
      effective: null,
      fullRefundUntil: null,
    });
    expect(canCancel(saasTrial, { now: '2024-07-01T00:00:00Z' })).toEqual({
      allowed: true,
      rule: 'C14',
      policyVersion: '2024-07-01',
      reason: 'ANY_TIME',
      until: ms('2024-07-20T00:00:00Z'),
      assumptions: ['TRIAL_END_ASSUMED'],
      warnings: [],
      refund: 'none',
      effective: 'immediate',
      fullRefundUntil: null,
    });
  });

  it('C14: auto-renew off: the last instant of the trial 2024-07-19T23:59:59.999Z is allowed; at 2024-07-20T00:00Z it has ended (TR2)', () => {
    const off = { ...saasTrial, autoRenew: false };
    expect(canCancel(off, { now: '2024-07-19T23:59:59.999Z' })).toMatchObject({
      allowed: true,
      reason: 'ANY_TIME',
      until: ms('2024-07-20T00:00:00Z'),
    });
    expect(canCancel(off, { now: '2024-07-20T00:00:00Z' })).toMatchObject({
      allowed: false,
      rule: 'TR2',
      reason: 'TERM_ENDED',
    });
  });

  it('C14: auto-renew on: at the trial end 2024-07-20T00:00Z the trial cancellation is no longer allowed', () => {
    const now = ms('2024-07-20T00:00:00Z');
    const d = canCancel(saasTrial, { now });
    expect(d.allowed).toBe(false);
  });

  it('C9: a license trial is not covered: TRIAL_STATUS_LOCKED on both sides', () => {
    const licenseTrial = { ...saasTrial, program: 'nce-license' } as const;
    for (const [now, policyVersion] of [
      ['2024-06-30T23:59:59.999Z', '2023-10-19'],
      ['2024-07-01T00:00:00Z', '2024-07-01'],
    ] as const)
      expect(canCancel(licenseTrial, { now })).toMatchObject({
        allowed: false,
        rule: 'C9',
        reason: 'TRIAL_STATUS_LOCKED',
        policyVersion,
      });
  });
});

describe('B2 (2025-04-01): no midterm billing-frequency change for triennial terms', () => {
  /** P3Y billed monthly, bought 2024-06-10T08:00Z: charge cycles on the 10th (next after 2025-03-31: 2025-04-10). */
  const p3y: SubscriptionInput = {
    program: 'nce-license',
    term: 'P3Y',
    billing: 'monthly',
    quantity: 10,
    purchasedAt: '2024-06-10T08:00:00Z',
  };

  it('B2 (the issue): at 2025-03-31T23:59:59.999Z annual is allowed (next cycle 2025-04-10T00:00Z)', () => {
    expect(eligibleBillingFrequencyChanges(p3y, { now: '2025-03-31T23:59:59.999Z' })).toEqual({
      allowed: [
        {
          allowed: true,
          rule: 'B2',
          policyVersion: '2024-07-01',
          reason: 'NEXT_CYCLE',
          until: ms('2025-04-10T00:00:00Z'),
          assumptions: [],
          warnings: [],
          term: 'P3Y',
          billing: 'annual',
          effective: 'next-cycle',
          effectiveAt: ms('2025-04-10T00:00:00Z'),
        },
      ],
      refused: [
        {
          allowed: false,
          rule: 'B2',
          policyVersion: '2024-07-01',
          reason: 'UPFRONT_NOT_ALLOWED_MIDTERM',
          opensAt: null,
          assumptions: [],
          warnings: [],
          term: 'P3Y',
          billing: 'triennial',
          effective: 'next-cycle',
          effectiveAt: null,
        },
      ],
    });
  });

  it('B2 (the issue): at 2025-04-01T00:00:00Z annual is refused TRIENNIAL_MIDTERM_LOCKED, version 2025-04-01', () => {
    const r = eligibleBillingFrequencyChanges(p3y, { now: '2025-04-01T00:00:00Z' });
    expect(r.allowed).toEqual([]);
    expect(r.refused[0]).toEqual({
      allowed: false,
      rule: 'B2',
      policyVersion: '2025-04-01',
      reason: 'TRIENNIAL_MIDTERM_LOCKED',
      opensAt: null,
      assumptions: [],
      warnings: [],
      term: 'P3Y',
      billing: 'annual',
      effective: 'next-cycle',
      effectiveAt: null,
    });
  });

  it('B2 (the issue): version 2025-04-01’s entries in MICROSOFT_TIMELINE carry the billing-frequency-changes source', () => {
    const urls = MICROSOFT_TIMELINE.filter((c) => c.version === '2025-04-01').map((c) => c.source.url);
    expect(urls).toContain('https://learn.microsoft.com/en-us/partner-center/customers/billing-frequency-changes');
    expect(MICROSOFT_TIMELINE.find((c) => c.key === 'triennial-billing-locked')?.source.url).toBe(
      'https://learn.microsoft.com/en-us/partner-center/customers/billing-frequency-changes',
    );
  });

  it('B2: P3Y billed annually → monthly: allowed before, locked after', () => {
    const annual = { ...p3y, billing: 'annual' } as const;
    expect(eligibleBillingFrequencyChanges(annual, { now: '2025-03-31T23:59:59.999Z' }).allowed).toMatchObject([
      { billing: 'monthly', reason: 'NEXT_CYCLE', effectiveAt: ms('2025-06-10T00:00:00Z'), warnings: [] },
    ]);
    expect(eligibleBillingFrequencyChanges(annual, { now: '2025-04-01T00:00:00Z' }).refused).toMatchObject([
      { billing: 'monthly', reason: 'TRIENNIAL_MIDTERM_LOCKED', policyVersion: '2025-04-01' },
      { billing: 'triennial', reason: 'UPFRONT_NOT_ALLOWED_MIDTERM' },
    ]);
  });

  it('B2: asOf 2025-03-31T23:59:59.999Z or ignoring the change keeps the older answer', () => {
    const now = '2025-05-01T00:00:00Z';
    const pinned = eligibleBillingFrequencyChanges(p3y, {
      now,
      policy: definePolicy({ asOf: '2025-03-31T23:59:59.999Z' }),
    });
    expect(pinned.allowed).toMatchObject([{ billing: 'annual', reason: 'NEXT_CYCLE', policyVersion: '2024-07-01' }]);
    const ignoring = eligibleBillingFrequencyChanges(p3y, {
      now,
      policy: definePolicy({ ignoredChanges: ['triennial-billing-locked'] }),
    });
    // The other change of 2025-04-01 (B1) is kept, so the version stays 2025-04-01.
    expect(ignoring.allowed).toMatchObject([{ billing: 'annual', reason: 'NEXT_CYCLE', policyVersion: '2025-04-01' }]);
  });

  it('B2: nce-software (with a plan table) is not covered by the lock', () => {
    const policy = definePolicy({ programs: { 'nce-software': { planTables: true } } });
    const software = { ...p3y, program: 'nce-software' } as const;
    expect(eligibleBillingFrequencyChanges(software, { now: '2025-04-01T00:00:00Z', policy }).allowed).toMatchObject([
      { billing: 'annual', reason: 'NEXT_CYCLE', policyVersion: '2025-04-01' },
    ]);
  });
});

describe('B1 (2025-04-01): monthly billing of annual and triennial terms costs 5 % more (MONTHLY_BILLING_UPLIFT)', () => {
  /** P1M bought 2025-03-20T09:30Z. */
  const monthly: SubscriptionInput = {
    program: 'nce-license',
    term: 'P1M',
    billing: 'monthly',
    quantity: 3,
    purchasedAt: '2025-03-20T09:30:00Z',
  };

  it('B1: term change to P1Y monthly: no warning at 2025-03-31T23:59:59.999Z (2024-07-01); the warning at 2025-04-01T00:00Z (2025-04-01)', () => {
    expect(eligibleTermChanges(monthly, { now: '2025-03-31T23:59:59.999Z' }).allowed).toEqual([
      {
        allowed: true,
        rule: 'B3',
        policyVersion: '2024-07-01',
        reason: 'IMMEDIATE',
        until: null,
        assumptions: ['OFFERED_TERMS_ASSUMED'],
        warnings: [],
        term: 'P1Y',
        billing: 'monthly',
        effective: 'immediate',
        effectiveAt: ms('2025-03-31T23:59:59.999Z'),
      },
      {
        allowed: true,
        rule: 'B3',
        policyVersion: '2024-07-01',
        reason: 'IMMEDIATE',
        until: null,
        assumptions: ['OFFERED_TERMS_ASSUMED'],
        warnings: [],
        term: 'P1Y',
        billing: 'annual',
        effective: 'immediate',
        effectiveAt: ms('2025-03-31T23:59:59.999Z'),
      },
    ]);
    expect(eligibleTermChanges(monthly, { now: '2025-04-01T00:00:00Z' }).allowed).toEqual([
      {
        allowed: true,
        rule: 'B3',
        policyVersion: '2025-04-01',
        reason: 'IMMEDIATE',
        until: null,
        assumptions: ['OFFERED_TERMS_ASSUMED'],
        warnings: ['MONTHLY_BILLING_UPLIFT'],
        term: 'P1Y',
        billing: 'monthly',
        effective: 'immediate',
        effectiveAt: ms('2025-04-01T00:00:00Z'),
      },
      {
        allowed: true,
        rule: 'B3',
        policyVersion: '2025-04-01',
        reason: 'IMMEDIATE',
        until: null,
        assumptions: ['OFFERED_TERMS_ASSUMED'],
        warnings: [],
        term: 'P1Y',
        billing: 'annual',
        effective: 'immediate',
        effectiveAt: ms('2025-04-01T00:00:00Z'),
      },
    ]);
  });

  it('B1: the warning comes after a promotion’s (B4), for P3Y monthly too', () => {
    const promo = { ...monthly, promotionId: 'PROMO-1' };
    const r = eligibleTermChanges(promo, { now: '2025-04-01T00:00:00Z', offeredTerms: ['P1M', 'P1Y', 'P3Y'] });
    expect(r.allowed.map((o) => [o.term, o.billing, o.warnings])).toEqual([
      ['P1Y', 'monthly', ['PROMOTION_MAY_BE_LOST', 'MONTHLY_BILLING_UPLIFT']],
      ['P1Y', 'annual', ['PROMOTION_MAY_BE_LOST']],
      ['P3Y', 'monthly', ['PROMOTION_MAY_BE_LOST', 'MONTHLY_BILLING_UPLIFT']],
      ['P3Y', 'annual', ['PROMOTION_MAY_BE_LOST']],
      ['P3Y', 'triennial', ['PROMOTION_MAY_BE_LOST']],
    ]);
  });

  it('B1: billing change P3Y annual → monthly (with the lock ignored): the warning from 2025-04-01T00:00Z only', () => {
    const policy = definePolicy({ ignoredChanges: ['triennial-billing-locked'] });
    const annual = { ...monthly, term: 'P3Y', billing: 'annual', purchasedAt: '2024-06-10T08:00:00Z' } as const;
    expect(eligibleBillingFrequencyChanges(annual, { now: '2025-03-31T23:59:59.999Z', policy }).allowed).toMatchObject([
      { billing: 'monthly', warnings: [], policyVersion: '2024-07-01' },
    ]);
    expect(eligibleBillingFrequencyChanges(annual, { now: '2025-04-01T00:00:00Z', policy }).allowed).toMatchObject([
      { billing: 'monthly', warnings: ['MONTHLY_BILLING_UPLIFT'], policyVersion: '2025-04-01' },
    ]);
  });

  it('B1: every program: nce-software with a plan table warns too', () => {
    const policy = definePolicy({ programs: { 'nce-software': { planTables: true } } });
    const software = { ...monthly, program: 'nce-software' } as const;
    expect(eligibleTermChanges(software, { now: '2025-04-01T00:00:00Z', policy }).allowed[0]).toMatchObject({
      term: 'P1Y',
      billing: 'monthly',
      warnings: ['MONTHLY_BILLING_UPLIFT'],
    });
  });

  it('B1: ignoring the uplift removes the warning', () => {
    const policy = definePolicy({ ignoredChanges: ['monthly-billing-uplift'] });
    expect(eligibleTermChanges(monthly, { now: '2025-04-01T00:00:00Z', policy }).allowed[0]).toMatchObject({
      billing: 'monthly',
      warnings: [],
    });
  });
});

describe('C17 R7 (2026-05-04): in an Extended Service Term', () => {
  /** An EST month of a license bought 2025-06-10: 2026-06-10 … 2026-07-09, ends 2026-07-10T00:00Z. */
  const est: SubscriptionInput = {
    program: 'nce-license',
    offerName: 'Microsoft 365 E3',
    term: 'P1M',
    billing: 'monthly',
    quantity: 5,
    purchasedAt: '2025-06-10T08:00:00Z',
    termStartedAt: '2026-06-10T00:00:00Z',
    termEndDate: '2026-07-09',
    autoRenew: false,
    extendedServiceTerm: true,
  };
  const EST_CANCEL = {
    allowed: true,
    rule: 'C17',
    policyVersion: '2026-05-04',
    reason: 'ANY_TIME',
    until: null,
    assumptions: [],
    warnings: [],
    refund: 'prorated',
    effective: 'immediate',
    fullRefundUntil: null,
  };

  it('C17: cancellable at any time with a prorated refund: from the EST start to its last ms, no 7-day window', () => {
    for (const now of ['2026-06-10T00:00:00Z', '2026-06-17T00:00:00Z', '2026-07-09T23:59:59.999Z'])
      expect(canCancel(est, { now })).toEqual(EST_CANCEL);
    // The month over: the snapshot is out of date (R5: auto-renew off).
    expect(canCancel(est, { now: '2026-07-10T00:00:00Z' })).toMatchObject({
      allowed: false,
      rule: 'R5',
      reason: 'TERM_ENDED',
    });
  });

  it('C17: asOf 2026-05-04T00:00:00Z (the change in force) → C17, version 2026-05-04', () => {
    expect(
      canCancel(est, { now: '2026-06-17T00:00:00Z', policy: definePolicy({ asOf: '2026-05-04T00:00:00Z' }) }),
    ).toEqual(EST_CANCEL);
  });

  // Under the baseline (asOf 2024-01-01) an EST does not exist: the subscription is the monthly
  // term it looks like (C1: its 7-day window from the EST's start has closed on 2026-06-17).
  it('C17: asOf 2024-01-01 (the baseline) does not answer with C17, a rule of 2026-02-16', () => {
    const d = canCancel(est, { now: '2026-06-17T00:00:00Z', policy: definePolicy({ asOf: '2024-01-01T00:00:00Z' }) });
    expect(d.policyVersion).toBe('2023-10-19');
    expect(d).toMatchObject({ rule: 'C1', reason: 'WINDOW_CLOSED' });
  });

  // C17 comes with the end-of-term choice (2026-02-16): an EST exists once chosen.
  it('C17: asOf 2026-02-15T23:59:59.999Z (one ms before the choice) → C1; asOf 2026-02-16T00:00:00Z → C17', () => {
    const before = canCancel(est, {
      now: '2026-06-17T00:00:00Z',
      policy: definePolicy({ asOf: '2026-02-15T23:59:59.999Z' }),
    });
    expect([before.rule, before.policyVersion]).toEqual(['C1', '2025-04-01']);
    const from = canCancel(est, {
      now: '2026-06-17T00:00:00Z',
      policy: definePolicy({ asOf: '2026-02-16T00:00:00Z' }),
    });
    expect([from.rule, from.reason, from.policyVersion]).toEqual(['C17', 'ANY_TIME', '2026-02-16']);
  });

  it('R7: seats and plan are fixed: reduce, add, billing and term changes refused EXTENDED_SERVICE_TERM', () => {
    const now = '2026-06-11T00:00:00Z';
    const refusal = {
      allowed: false,
      rule: 'R7',
      policyVersion: '2026-05-04',
      reason: 'EXTENDED_SERVICE_TERM',
      opensAt: null,
      assumptions: [],
      warnings: [],
    };
    expect(reducibleSeats(est, { now })).toEqual({ ...refusal, total: 0, batches: [] });
    expect(canIncreaseSeats(est, { now })).toEqual(refusal);
    const billing = eligibleBillingFrequencyChanges(est, { now });
    expect(billing.allowed).toEqual([]);
    expect(billing.refused.map((o) => [o.billing, o.rule, o.reason])).toEqual([
      ['annual', 'R7', 'EXTENDED_SERVICE_TERM'],
      ['triennial', 'R7', 'EXTENDED_SERVICE_TERM'],
    ]);
    const terms = eligibleTermChanges(est, { now, offeredTerms: ['P1M', 'P1Y', 'P3Y'] });
    expect(terms.allowed).toEqual([]);
    expect(new Set(terms.refused.map((o) => `${o.rule} ${o.reason}`))).toEqual(new Set(['R7 EXTENDED_SERVICE_TERM']));
  });

  // R7 (catalogue): an upgrade to another product follows its own rules in an EST (ESTM365:
  // "upgrade to another SKU"); only seats and the term and billing plan are fixed.
  it('R7: a midterm upgrade of an EST month is not refused by the EST (U rules apply)', () => {
    const d = canUpgrade(est, { now: '2026-06-11T00:00:00Z', to: 'Microsoft 365 E5', when: 'midterm', quantity: 5 });
    expect(d.reason).not.toBe('EXTENDED_SERVICE_TERM');
    expect(d.rule).not.toBe('R7');
  });
});
