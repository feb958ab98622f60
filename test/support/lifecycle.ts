/**
 * Shared by the lifecycle suites: one subscription, its snapshot written out by hand, and the
 * whole shapes of an accepted and a refused transition.
 */
import type { TransitionResult, Transitioned } from '../../src/lifecycle/machine/events.js';
import type { Subscription, SubscriptionInput } from '../../src/snapshot/subscription.js';
import { at, dayNumber as day } from './time.js';

export const E3 = 'Microsoft 365 E3';
export const E5 = 'Microsoft 365 E5';
/** Bought 2024-01-15T09:30Z: term 2024-01-15 – 2025-01-14, renewal day 2025-01-15, C1 window until 2024-01-22T09:30Z. */
export const T0 = '2024-01-15T09:30:00Z';
export const MID = '2024-06-01T12:00:00Z';
export const RENEWAL_DAY = '2025-01-15T00:00:00Z';
export const LAST_OF_TERM = '2025-01-14T23:59:59.999Z';

/** 10 seats bought at T0; 12 scheduled for the next term. */
export const sub: SubscriptionInput = {
  id: 'sub-1',
  offerName: E3,
  program: 'nce-license',
  term: 'P1Y',
  billing: 'monthly',
  quantity: 10,
  purchasedAt: T0,
  seatBatches: [{ quantity: 10, addedAt: T0 }],
  scheduledChange: { quantity: 12 },
};
export const SCHEDULED_12 = { quantity: 12, term: null, billing: null, offerName: null, customTermEndDay: null };

/** The snapshot of `sub`, written out by hand. */
export const SNAP: Subscription = {
  id: 'sub-1',
  offerName: E3,
  program: 'nce-license',
  status: 'active',
  term: 'P1Y',
  billing: 'monthly',
  quantity: 10,
  purchasedAt: at(T0),
  termStartedAt: at(T0),
  termStartDay: day('2024-01-15'),
  termEndDay: day('2025-01-14'),
  autoRenew: true,
  trial: false,
  seatBatches: [{ quantity: 10, addedAt: at(T0), until: null }],
  seatBatchesKnown: true,
  promotionId: null,
  isReturnable: true,
  parentSubscriptionId: null,
  cancellationWindowFrom: null,
  scheduledChange: SCHEDULED_12,
  nextChargeBilling: null,
  updateCount: null,
  endOfTermAction: null,
  extendedServiceTerm: false,
  assumptions: [],
};

/**
 * An accepted result, whole. Its `policyVersion` is the baseline's (every `now` before
 * 2024-07-01, as `T0` and `MID`) unless `extra` names another.
 */
export function accepted(
  next: Subscription,
  effects: readonly unknown[],
  warnings: readonly string[] = [],
  extra: Record<string, unknown> = {},
  phase: 'in-term' | 'renewing' = 'in-term',
): TransitionResult {
  return {
    ok: true,
    next,
    phase,
    state: { subscription: next, phase },
    effects,
    warnings,
    policyVersion: '2023-10-19',
    ...extra,
  } as TransitionResult;
}

/**
 * An own refusal of the machine, whole (no assumptions, no warnings), naming `policyVersion`: the
 * version in force at the event's `now` (the baseline's before 2024-07-01).
 */
export const refused = (
  rule: string,
  reason: string,
  opensAt: number | null,
  policyVersion = '2023-10-19',
): TransitionResult => ({
  ok: false,
  refusal: { allowed: false, rule, policyVersion, reason, opensAt, assumptions: [], warnings: [] } as never,
});

/** The accepted result of a transition (fails the test, naming the refusal, when it was refused). */
export function ok(r: TransitionResult): Transitioned {
  if (!r.ok) throw new Error(`refused: ${r.refusal.rule} ${r.refusal.reason}`);
  return r;
}

/** The types of the effects of an accepted transition, in order. */
export const types = (r: TransitionResult): string[] => ok(r).effects.map((e) => e.type);
