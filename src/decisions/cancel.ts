/**
 * "Can I cancel it now, and until what instant?" — C1–C16, R3, for every program.
 */
import {
  NONE,
  BASELINE_VERSION,
  unionAssumptions,
  type Allowed,
  type Assumption,
  type Refused,
  type Warning,
} from '../core/decision.js';
import { policyVersion, readPolicy, type Policy } from '../policy/policy.js';
import { changeFor } from '../snapshot/ruleChanges.js';
import type { RefundMode } from '../policy/programs.js';
import type { RuleId } from '../core/rules.js';
import { toSubscription, type Subscription, type SubscriptionInput } from '../snapshot/subscription.js';
import { nextWindowOpening, RENEWAL_409, termPhase, termWindowStart, type TermPhase } from '../snapshot/termWindow.js';
import { stateGate } from './gates.js';
import { answered } from '../snapshot/assumed.js';
import { DAY_MS, endOfDay } from '../time/day.js';
import { isWithin, windowOfHours } from '../time/window.js';
import { toInstant, type Instant, type InstantInput } from '../time/instant.js';
import { own, toRecord } from '../core/validate.js';

/** Why a cancellation is or isn't possible. */
export type CancelReason =
  /** Inside the program's window. */
  | 'WITHIN_WINDOW'
  /** Outside the window; the cancellation is accepted for the term end, without refund (C4, C5). */
  | 'SCHEDULED_AT_RENEWAL'
  /** The window has closed (C1, C7, C8, C13, C14, C16). */
  | 'WINDOW_CLOSED'
  /** The window has not opened yet: `now` is before the purchase or the renewal completion. */
  | 'WINDOW_NOT_OPEN'
  /** Already cancelled or deleted: terminal (C3). */
  | 'TERMINATED'
  /** A trial's status can't change; turn auto-renew off instead (C9, TR8). */
  | 'TRIAL_STATUS_LOCKED'
  /** Expired, disabled or pending: nothing to cancel (P7). */
  | 'NOT_ACTIVE'
  /** Microsoft marked the asset not returnable (C7, C16). */
  | 'NOT_RETURNABLE'
  /** The snapshot's term has ended: it expired (R5), or the snapshot is out of date (R2). */
  | 'TERM_ENDED'
  /** C4/C5: the renewal is underway; a cancellation at the new term's end can be asked once it completes. */
  | 'RENEWAL_IN_PROGRESS'
  /** Cancellable at any time: an Extended Service Term, prorated (C17); a marketplace SaaS free trial (C14). */
  | 'ANY_TIME'
  /** C14: a marketplace SaaS monthly term after its 72 h window: cancellable, without a refund. */
  | 'WITHOUT_REFUND';

/** When a cancellation takes effect. */
export type CancelEffect = 'immediate' | 'at-renewal';

/** Extra facts of a cancellation decision. */
export interface CancelFacts {
  /** What the cancellation refunds if made now. */
  readonly refund: RefundMode;
  /** `immediate`, `at-renewal`, or `null` when refused. */
  readonly effective: CancelEffect | null;
  /** C15: the exclusive end of the full-refund tier when the refund is `full` inside a prorated window; else `null`. */
  readonly fullRefundUntil: Instant | null;
}

/** The answer of {@link canCancel}. */
export type CancelDecision = (Allowed<CancelReason> | Refused<CancelReason>) & CancelFacts;

/** Options of {@link canCancel}. */
export interface CancelOptions {
  /** The instant to decide at (T4: never read from the clock). */
  readonly now: InstantInput;
  /** The policy to apply (default: `DEFAULT_POLICY`). */
  readonly policy?: Policy | undefined;
}

/**
 * Whether the subscription can be cancelled at `now`, until when, with which refund.
 *
 * - New commerce license-based (C1, C15, R3): 7 d from the start of any term; full refund in the
 *   first 24 h, prorated after; then refused until the next renewal completes.
 * - Software subscriptions (C16), SoftwareOne (C8): 7 d from purchase or any renewal, prorated.
 * - Perpetual software (C13): 30 d from purchase, full. Marketplace SaaS (C14, C6): 72 h, full.
 * - Traditional ISV SaaS (C4, C5, C6): < 24 h (monthly) or < 14 d (annual) from the order, full;
 *   later the cancellation is accepted for renewal, no refund.
 * - BSS software subscription (C7, C11): 30 d from purchase when `isReturnable`, prorated by
 *   default, immediate.
 * Cancelled subscriptions (C3) and trials (C9) are refused.
 *
 * @param subscription - the snapshot or its description
 * @param options - `now`, and an optional policy
 * @throws {@link CspRulesError} for invalid input
 *
 * @example
 * ```ts
 * const d = canCancel(
 *   { program: 'nce-license', term: 'P1Y', billing: 'monthly', quantity: 10, purchasedAt: '2024-01-15T09:30:00Z' },
 *   { now: '2024-01-20T00:00:00Z' },
 * );
 * // { allowed: true, rule: 'C1', reason: 'WITHIN_WINDOW', until: Date.parse('2024-01-22T09:30:00Z'),
 * //   refund: 'prorated', effective: 'immediate', fullRefundUntil: null, … }
 * ```
 */
export function canCancel(subscription: SubscriptionInput | Subscription, options: CancelOptions): CancelDecision {
  const sub = toSubscription(subscription);
  const o = toRecord(options, 'options');
  const now = toInstant(own(o, 'now'), 'now');
  const policy = readPolicy(own(o, 'policy') as CancelOptions['policy']);
  return cancelDecision(sub, now, policy, termPhase(sub, now));
}

/**
 * {@link canCancel} on a validated snapshot in a known term phase: the lifecycle machine's, which
 * a declared renewal can keep `renewing` past its 24 h.
 *
 * @param sub - the validated snapshot
 * @param now - the instant decided at
 * @param policy - the policy
 * @param phase - where `now` falls in the term
 */
export function cancelDecision(sub: Subscription, now: Instant, policy: Policy, phase: TermPhase): CancelDecision {
  return answered(sub, 'cancel', decide(sub, now, policy, phase), policyVersion(policy, now));
}

/** The cancellation decision before the snapshot's assumptions are added. */
function decide(sub: Subscription, now: Instant, policy: Policy, phase: TermPhase): CancelDecision {
  const gate = stateGate('cancel', sub, phase);
  if (gate !== null) {
    // C14 (from 2024-07-01): a marketplace SaaS free trial can be cancelled at any time during the trial.
    if (
      gate.reason === 'TRIAL_STATUS_LOCKED' &&
      sub.status === 'active' &&
      phase === 'in-term' &&
      changeFor(sub, policy, 'saas-trial-cancel-anytime', now) !== null
    )
      return allowed('C14', 'ANY_TIME', endOfDay(sub.termEndDay), NONE, NONE, 'none', 'immediate', null);
    return refused(gate.rule, gate.reason, null);
  }
  // C17: an Extended Service Term (from 2026-02-16, when chosen; R6) can be cancelled at any time,
  // with a prorated refund (M1). Under earlier rules it is the monthly term it looks like.
  if (sub.extendedServiceTerm && changeFor(sub, policy, 'end-of-term-choice', now) !== null) {
    const warnings = phase === 'renewing' ? RENEWAL_409 : NONE;
    return allowed('C17', 'ANY_TIME', null, NONE, warnings, 'prorated', 'immediate', null);
  }
  const program = policy.programs[sub.program];
  const rule = program.cancelRule[sub.billing];
  if (!sub.isReturnable) return refused(rule, 'NOT_RETURNABLE', null);

  // C1, R3: a window from the start of any term — while the renewal runs, the new term's (from
  // its completion, an R3 bound until known); C4/C5/C7/C13/C14: from the purchase only.
  const { start, assumptions } =
    program.cancelFrom === 'purchase'
      ? { start: sub.purchasedAt, assumptions: NONE }
      : termWindowStart(sub, policy, phase);
  const window = windowOfHours(start, program.cancelWindowHours[sub.billing]);
  // R4: during the renewal a cancellation may be attempted but can meet 409 Conflict.
  const warnings = phase === 'renewing' ? RENEWAL_409 : NONE;

  if (now < start) return refused(rule, 'WINDOW_NOT_OPEN', start, assumptions, warnings);
  if (isWithin(window, now)) {
    // C15: a full-refund tier at the start of a prorated window.
    const tier = windowOfHours(start, program.fullRefundHours);
    const inTier = program.refund === 'prorated' && isWithin(tier, now);
    const refund = inTier ? 'full' : program.refund;
    return allowed(
      rule,
      'WITHIN_WINDOW',
      window.end,
      assumptions,
      warnings,
      refund,
      'immediate',
      // C15: the tier lies inside the window (a billing's window may be shorter than the tier).
      inTier ? Math.min(tier.end, window.end) : null,
    );
  }
  if (program.afterWindow === 'at-renewal') {
    // C4/C5: accepted, takes effect at the term end, no refund; possible until the term ends.
    // Once the renewal runs, the next term's end is asked for when it has completed (R2: +24 h).
    if (phase === 'renewing') {
      return refused(rule, 'RENEWAL_IN_PROGRESS', endOfDay(sub.termEndDay) + DAY_MS, assumptions, warnings);
    }
    return allowed(
      rule,
      'SCHEDULED_AT_RENEWAL',
      endOfDay(sub.termEndDay),
      assumptions,
      warnings,
      'none',
      'at-renewal',
      null,
    );
  }
  // C14 (from 2024-07-01): a marketplace SaaS monthly term stays cancellable after its window, without a refund.
  if (sub.term === 'P1M' && changeFor(sub, policy, 'saas-monthly-cancel-anytime', now) !== null)
    return allowed('C14', 'WITHOUT_REFUND', null, assumptions, warnings, 'none', 'immediate', null);
  // Q3, C12: closed until the next term's window opens at the renewal's completion (an R3 bound).
  const next = program.cancelFrom === 'term-start' && phase === 'in-term' ? nextWindowOpening(sub, policy) : null;
  if (next === null) return refused(rule, 'WINDOW_CLOSED', null, assumptions, warnings);
  return refused(rule, 'WINDOW_CLOSED', next.start, unionAssumptions(assumptions, next.assumptions), warnings);
}

// The decisions are written as one object literal each, with the keys in the order of
// decision.ts's allow/refuse followed by the facts: `{ ...allow(…), ...facts }` costs ~1 µs per
// property on Node 20 (V8 11.3) and Object.assign ~50 ns, a third of the whole decision on a
// snapshot (docs/performance.md). The return type keeps the shape in step with decision.ts.

/** An allowed cancellation with its facts. */
function allowed(
  rule: RuleId,
  reason: CancelReason,
  until: Instant | null,
  assumptions: readonly Assumption[],
  warnings: readonly Warning[],
  refund: RefundMode,
  effective: CancelEffect,
  fullRefundUntil: Instant | null,
): CancelDecision {
  return {
    allowed: true,
    rule,
    policyVersion: BASELINE_VERSION,
    reason,
    until,
    assumptions,
    warnings,
    refund,
    effective,
    fullRefundUntil,
  };
}

/** A refused cancellation: no refund, no effect. */
function refused(
  rule: RuleId,
  reason: CancelReason,
  opensAt: Instant | null,
  assumptions: readonly Assumption[] = NONE,
  warnings: readonly Warning[] = NONE,
): CancelDecision {
  return {
    allowed: false,
    rule,
    policyVersion: BASELINE_VERSION,
    reason,
    opensAt,
    assumptions,
    warnings,
    refund: 'none',
    effective: null,
    fullRefundUntil: null,
  };
}
