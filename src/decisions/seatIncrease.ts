/**
 * "Can I add seats?" — Q1, Q7, Q9, Q10, R4.
 */
import { allow, NONE, refuse, type Decision, type Warning } from '../core/decision.js';
import { updateLimitReached } from './updateLimit.js';
import { policyVersion, readPolicy, type Policy } from '../policy/policy.js';
import type { SeatOptions } from './seats.js';
import { toSubscription, type Subscription, type SubscriptionInput } from '../snapshot/subscription.js';
import { RENEWAL_409, termPhase, type TermPhase } from '../snapshot/termWindow.js';
import { stateGate } from './gates.js';
import { answered } from '../snapshot/assumed.js';
import { endOfDay } from '../time/day.js';
import { toInstant, type Instant } from '../time/instant.js';
import { own, toRecord } from '../core/validate.js';

/** Why seats can or can't be added. */
export type SeatIncreaseReason =
  /** Q1: any time while active. */
  | 'ALLOWED'
  /** Q9: SoftwareOne — more licenses need a new subscription under the same agreement. */
  | 'NEW_SUBSCRIPTION_REQUIRED'
  /** A trial's quantity can't change (Q7, TR8). */
  | 'TRIAL_QUANTITY_LOCKED'
  /** Suspended, expired, disabled or pending (Q10). */
  | 'NOT_ACTIVE'
  /** Cancelled or deleted (C3). */
  | 'TERMINATED'
  /** The term is over (R2, R5, P4): nothing to add seats to. */
  | 'TERM_ENDED'
  /** In an Extended Service Term: seats and plan are fixed; only cancellation and the end-of-term choice (R7). */
  | 'EXTENDED_SERVICE_TERM';

/**
 * Q1: seats can be added at any time while the subscription is active; billing adjusts on the
 * next invoice. Refused for trials (Q7), suspended or inactive subscriptions (Q10), cancelled
 * ones (C3), and SoftwareOne agreements, which need a new subscription (Q9). `until` is the term
 * end when auto-renew is off (the subscription expires, R5), otherwise `null` (no deadline).
 * On the renewal day the call may meet 409 Conflict (warning `RENEWAL_IN_PROGRESS`, R4).
 *
 * @example
 * ```ts
 * canIncreaseSeats(sub, { now: '2024-06-01T00:00:00Z' }); // { allowed: true, rule: 'Q1', reason: 'ALLOWED', until: null, … }
 * ```
 */
export function canIncreaseSeats(
  subscription: SubscriptionInput | Subscription,
  options: SeatOptions,
): Decision<SeatIncreaseReason> {
  const sub = toSubscription(subscription);
  const o = toRecord(options, 'options');
  const now = toInstant(own(o, 'now'), 'now');
  const policy = readPolicy(own(o, 'policy') as SeatOptions['policy']);
  return increaseDecision(sub, now, policy, termPhase(sub, now));
}

/**
 * {@link canIncreaseSeats} on a validated snapshot in a known term phase (the lifecycle machine's).
 *
 * @param sub - the validated snapshot
 * @param now - the instant decided at
 * @param policy - the policy
 * @param phase - where `now` falls in the term
 */
export function increaseDecision(
  sub: Subscription,
  now: Instant,
  policy: Policy,
  phase: TermPhase,
): Decision<SeatIncreaseReason> {
  return answered(sub, 'other', decideIncrease(sub, policy, phase), policyVersion(policy, now));
}

/** The seat increase before the snapshot's assumptions are added. */
function decideIncrease(sub: Subscription, policy: Policy, phase: TermPhase): Decision<SeatIncreaseReason> {
  const gate = stateGate('addSeats', sub, phase);
  if (gate !== null) return refuse(gate.rule, gate.reason, null);
  if (policy.programs[sub.program].seatIncrease === 'new-subscription')
    return refuse('Q9', 'NEW_SUBSCRIPTION_REQUIRED', null);
  const warnings: Warning[] = phase === 'renewing' ? [...RENEWAL_409] : [];
  // Q6: after ~1,200 updates Partner Center may refuse more; the remedy is a second subscription.
  if (updateLimitReached(sub)) warnings.push('UPDATE_LIMIT_REACHED');
  // Stryker disable next-line ConditionalExpression: `false ? NONE : warnings` returns an empty array equal to NONE; only the (undocumented) sharing of the frozen NONE differs.
  return allow(
    'Q1',
    'ALLOWED',
    sub.autoRenew ? null : endOfDay(sub.termEndDay),
    NONE,
    warnings.length === 0 ? NONE : warnings,
  );
}
