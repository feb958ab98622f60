import { describe, expect, it } from 'vitest';
import { billingRow, eligibleBillingFrequencyChanges, planChangeBlocked } from '../src/decisions/billingChanges.js';
import { toSubscription, type Subscription, type SubscriptionInput } from '../src/snapshot/subscription.js';
import { caught } from './support/caught.js';

// Mutation tests of billingChanges.ts: whole rows, whole errors, whole options.
const base: SubscriptionInput = {
  program: 'nce-license',
  term: 'P3Y',
  billing: 'monthly',
  quantity: 10,
  purchasedAt: '2024-01-31T10:00:00Z',
};
const sub = (over: Partial<SubscriptionInput> = {}): SubscriptionInput => ({ ...base, ...over });

describe('B1 B2 billingRow', () => {
  it('B2: the row of the plan, cell as written', () => {
    expect(billingRow(toSubscription(sub({ billing: 'annual' })))).toEqual({
      term: 'P3Y',
      billing: 'annual',
      accepted: ['monthly'],
      cell: 'Yes (Annual to Monthly)',
    });
  });
  it('B1: a hand-built Subscription billing triennially on an annual term is no plan: INCONSISTENT billing, with both named', () => {
    const bad: Subscription = { ...toSubscription(sub({ term: 'P1Y' })), billing: 'triennial' };
    const e = caught(() => billingRow(bad));
    expect([e.code, e.field, e.message]).toEqual([
      'INCONSISTENT',
      'billing',
      'billing: billing triennial is longer than the term P1Y: not a plan (B1)',
    ]);
  });
});

describe('C3 TR8 planChangeBlocked', () => {
  it.each([
    [{}, null],
    [{ status: 'cancelled' }, { rule: 'C3', reason: 'TERMINATED' }],
    [{ trial: true }, { rule: 'TR8', reason: 'TRIAL_PLAN_LOCKED' }],
    [{ status: 'pending' }, { rule: 'B3', reason: 'NOT_ACTIVE' }],
  ] as const)('%j → %j (the caller’s rule B3 for not active)', (over, expected) => {
    expect(planChangeBlocked(toSubscription(sub(over)), 'B3')).toEqual(expected);
  });
});

describe('B2 B4 whole options', () => {
  it('B4: a promotion and the same change already pending: both warnings, promotion first', () => {
    // Bought 2024-01-31, monthly: cycle 2 starts 2024-03-31 (cycle 1 was 2024-02-29).
    const next = Date.parse('2024-03-31T00:00:00Z');
    expect(
      eligibleBillingFrequencyChanges(sub({ promotionId: 'P-1', nextChargeBilling: 'annual' }), {
        now: '2024-03-10T00:00:00Z',
      }),
    ).toEqual({
      allowed: [
        {
          allowed: true,
          rule: 'B2',
          reason: 'NEXT_CYCLE',
          until: next,
          assumptions: [],
          warnings: ['PROMOTION_MAY_BE_LOST', 'CHANGE_ALREADY_PENDING'],
          term: 'P3Y',
          billing: 'annual',
          effective: 'next-cycle',
          effectiveAt: next,
        },
      ],
      refused: [
        {
          allowed: false,
          rule: 'B2',
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
});
