/**
 * C12 (catalogue): "A decision never names an opening at or before `now`; once a snapshot's term
 * is over it says TERM_ENDED." Over generated subscriptions of every kind and instants from the
 * term's start on (in term, the renewal day to the millisecond, long after the term): no decision
 * and no explain action returns `opensAt ≤ now`, or `allowed: true` with `until ≤ now`.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eligibleBillingFrequencyChanges } from '../../src/decisions/billingChanges.js';
import { canCancel } from '../../src/decisions/cancel.js';
import { canIncreaseSeats } from '../../src/decisions/seatIncrease.js';
import { planSeatReduction, reducibleSeats } from '../../src/decisions/seats.js';
import { eligibleTermChanges } from '../../src/decisions/termChanges.js';
import { canConvertTrial } from '../../src/decisions/trial.js';
import { checkUpdateLimit } from '../../src/decisions/updateLimit.js';
import { canUpgrade } from '../../src/decisions/upgrade.js';
import { explain } from '../../src/explain/explain.js';
import { canScheduleChange } from '../../src/lifecycle/scheduledChanges.js';
import { DEFAULT_POLICY, definePolicy } from '../../src/policy/policy.js';
import type { SubscriptionInput } from '../../src/snapshot/subscription.js';
import { instantArb, subscriptionArb } from '../support/generated.js';

/** Either bound of R3 for an unknown completion. */
const POLICIES = [DEFAULT_POLICY, definePolicy({ unknownRenewalCompletion: 'latest' })] as const;

/** An existing active paid subscription ending late enough for any trial here (TR3, TR5). */
const EXISTING: SubscriptionInput = {
  program: 'nce-license',
  term: 'P3Y',
  billing: 'annual',
  quantity: 40,
  purchasedAt: '2020-01-01T00:00:00Z',
  termEndDate: '2040-01-01',
};
/** An existing E5 to upgrade into (U5): active, auto-renewing, far past its cancellation window. */
const DESTINATION: SubscriptionInput = { ...EXISTING, offerName: 'Microsoft 365 E5', term: 'P1Y', billing: 'monthly' };

interface Answer {
  readonly allowed: boolean;
  readonly until?: number | null;
  readonly opensAt?: number | null;
}

/** Every answer of every decision about `input` at `now` under `policy`, each named. */
function answers(input: SubscriptionInput, now: number, policy: (typeof POLICIES)[number]): [string, Answer][] {
  const out: [string, Answer][] = [];
  const add = (name: string, a: Answer): void => {
    out.push([name, a]);
  };
  add('canCancel', canCancel(input, { now, policy }));
  add('reducibleSeats', reducibleSeats(input, { now, policy }));
  for (const targetQuantity of [0, 1, Math.max(0, input.quantity - 1), input.quantity, input.quantity + 1])
    add(`planSeatReduction(${targetQuantity})`, planSeatReduction(input, { now, policy, targetQuantity }));
  add('canIncreaseSeats', canIncreaseSeats(input, { now, policy }));
  const billing = eligibleBillingFrequencyChanges(input, { now, policy });
  for (const o of [...billing.allowed, ...billing.refused]) add(`billing ${o.billing}`, o);
  for (const offeredTerms of [undefined, ['P1M', 'P1Y', 'P3Y'] as const]) {
    const terms = eligibleTermChanges(input, { now, policy, ...(offeredTerms ? { offeredTerms } : {}) });
    for (const o of [...terms.allowed, ...terms.refused]) add(`term ${o.term}/${o.billing}`, o);
  }
  for (const when of ['midterm', 'at-renewal'] as const) {
    for (const quantity of [1, input.quantity]) {
      const base = {
        to: 'Microsoft 365 E5',
        quantity,
        when,
        now,
        policy,
        catalog: [{ from: 'Microsoft 365 E3', to: 'Microsoft 365 E5' }],
      };
      add(`canUpgrade ${when} ${quantity}`, canUpgrade(input, base));
      if (when === 'midterm')
        add(`canUpgrade into ${quantity}`, canUpgrade(input, { ...base, destination: DESTINATION }));
    }
  }
  for (const mode of ['midterm', 'scheduled'] as const) {
    add(`convert ${mode}`, canConvertTrial(input, { target: 'equivalent', mode, now }));
    add(`convert ${mode} 5`, canConvertTrial(input, { target: 'higher-tier', mode, now, seats: 5 }));
    add(`convert ${mode} existing`, canConvertTrial(input, { target: 'existing', existing: EXISTING, mode, now }));
  }
  add('canScheduleChange', canScheduleChange(input, { now }));
  add('checkUpdateLimit', checkUpdateLimit(input, { now, policy }));
  for (const a of explain(input, { now, policy }).actions)
    add(`explain ${a.action}`, { ...a, allowed: a.outcome === 'now' });
  return out;
}

describe('C12 no decision names a moment that has passed', () => {
  it('C12 property: opensAt > now whenever given; until > now whenever allowed with a deadline (every program, status, term start, phase)', () => {
    fc.assert(
      fc.property(
        subscriptionArb().chain((g) => fc.tuple(fc.constant(g), instantArb(g.input), fc.constantFrom(0, 1))),
        ([{ input }, { now }, p]) => {
          for (const [name, a] of answers(input, now, POLICIES[p]!)) {
            if (!a.allowed && a.opensAt !== null && a.opensAt !== undefined) {
              expect(a.opensAt, `${name}: opensAt ≤ now`).toBeGreaterThan(now);
            }
            if (a.allowed && a.until !== null && a.until !== undefined) {
              expect(a.until, `${name}: allowed until ≤ now`).toBeGreaterThan(now);
            }
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  // "At any time during the trial" (C14, 2024-07-01): an expired trial is not in its trial any more.
  it('C12 C14: an expired marketplace SaaS free trial asked 2024-08-01 is not cancellable until a past instant', () => {
    // A 30-day trial from 2024-06-01 (last day 2024-06-30, ended 2024-07-01T00:00Z), expired.
    const expired: SubscriptionInput = {
      program: 'nce-saas',
      term: 'P1M',
      billing: 'monthly',
      quantity: 1,
      purchasedAt: '2024-06-01T00:00:00Z',
      termEndDate: '2024-06-30',
      trial: true,
      autoRenew: false,
      status: 'expired',
    };
    const now = Date.parse('2024-08-01T00:00:00Z');
    expect(canCancel(expired, { now })).toMatchObject({ allowed: false, opensAt: null });
    expect(explain(expired, { now }).actions.find((a) => a.action === 'cancel')).toMatchObject({ outcome: 'never' });
  });

  it('C12 R2 R5 P4 TR2 property: once the term is over (and its renewal’s 24 h), cancel and reduce say TERM_ENDED for an active or suspended snapshot', () => {
    fc.assert(
      fc.property(
        subscriptionArb({ statuses: ['active', 'suspended'] }).chain((g) =>
          fc.tuple(
            fc.constant(g),
            instantArb(g.input).filter((i) => i.place === 'after-term'),
          ),
        ),
        ([{ input }, { now }]) => {
          expect(canCancel(input, { now }).reason).toBe('TERM_ENDED');
          expect(reducibleSeats(input, { now }).reason).toBe('TERM_ENDED');
          expect(canIncreaseSeats(input, { now }).reason).toBe('TERM_ENDED');
        },
      ),
      { numRuns: 200 },
    );
  });
});
