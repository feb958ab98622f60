/**
 * "What happens when the term ends, and can I still choose?" — R5, R6, R7, P8, TR2: renew, move
 * to an Extended Service Term, stop at the term end, or expire, by the rules in force at the term
 * end (the policy's timeline), and the end-of-term choice Partner Center offers from 2026-02-16.
 */
import { allow, NONE, refuse, type Decision, type Warning } from '../core/decision.js';
import type { Instant } from '../core/instant.js';
import type { RuleId } from '../core/rules.js';
import { own, toEnum, toRecord } from '../core/validate.js';
import { policyVersion, readPolicy, ruleChange, type Policy } from '../policy/policy.js';
import { changeFor, covers } from '../snapshot/ruleChanges.js';
import { answered } from '../snapshot/assumed.js';
import {
  END_OF_TERM_ACTIONS,
  toSubscription,
  type EndOfTermAction,
  type Subscription,
  type SubscriptionInput,
} from '../snapshot/subscription.js';
import { termPhase } from '../snapshot/termWindow.js';
import { endOfDay } from '../time/day.js';
import { toInstant, type InstantInput } from '../time/instant.js';
import { gateRefusal, stateGate } from './gates.js';

/** Every outcome of a term's end ({@link EndOfTermOutcome}). */
export const END_OF_TERM_OUTCOMES = /* @__PURE__ */ Object.freeze([
  'renew',
  'convert',
  'extended-service-term',
  'cancel-at-term-end',
  'expire',
  'none',
] as const);

/**
 * What happens at the end of the current term:
 * - `renew` (R2): a new term; from an Extended Service Term, back to a standard term (R6).
 * - `convert` (TR2): a trial with auto-renew on converts to the paid equivalent.
 * - `extended-service-term` (R6 chosen, R7 by default from 2026-05-04): month to month at a higher price.
 * - `cancel-at-term-end` (P8): the service stops at the term end; the data is kept 90 days.
 * - `expire` (R5): auto-renew off under the rules without EST: expired, disabled, deleted (P7).
 * - `none` (P7): not active (suspended, expired, …): no renewal.
 */
export type EndOfTermOutcome = (typeof END_OF_TERM_OUTCOMES)[number];

/** The answer of {@link endOfTermOutcome}. */
export interface EndOfTerm {
  /** What happens. */
  readonly outcome: EndOfTermOutcome;
  /** The rule it comes from. */
  readonly rule: RuleId;
  /** When: the term's exclusive end, 00:00Z after the term end date (T2). */
  readonly at: Instant;
  /** Whether the outcome is the partner's end-of-term choice (R6) rather than auto-renew's default. */
  readonly chosen: boolean;
  /** The version of the rules in force at the term end (or the policy's `asOf`). */
  readonly policyVersion: string;
}

/** Options of {@link endOfTermOutcome}. */
export interface EndOfTermOptions {
  /** A policy from `definePolicy` (its timeline and `asOf`); the default otherwise. */
  readonly policy?: Policy | undefined;
}

/**
 * R5, R6, R7, P8, TR2: what happens when the current term ends, by the rules in force at the
 * term end (the policy's `asOf` when pinned). The end-of-term choice (`endOfTermAction`) decides
 * where the rules offer it (R6, from 2026-02-16); else auto-renew: on renews (R2), off moves a
 * new-commerce license subscription into an Extended Service Term where the 2026-05-04 change
 * applies (R7: its term started on or after 2025-04-01 and ends on or after 2026-05-04), else
 * expires (R5, P7). A subscription in an Extended Service Term stays in it month after month
 * unless set to cancel, or to renew (the choice `renew`, or auto-renew turned on: R6).
 *
 * @throws {@link CspRulesError} for an invalid subscription or policy
 *
 * @example
 * ```ts
 * const sub = { program: 'nce-license', term: 'P1Y', billing: 'annual', quantity: 5,
 *   purchasedAt: '2025-06-10T08:00:00Z', autoRenew: false } as const; // ends 2026-06-09
 * endOfTermOutcome(sub).outcome; // 'extended-service-term'
 * endOfTermOutcome(sub, { policy: definePolicy({ asOf: '2025-01-01T00:00:00Z' }) }).outcome; // 'expire'
 * ```
 */
export function endOfTermOutcome(
  subscription: SubscriptionInput | Subscription,
  options: EndOfTermOptions = {},
): EndOfTerm {
  const sub = toSubscription(subscription);
  return endOfTermOf(sub, readPolicy(own(toRecord(options, 'options'), 'policy')));
}

/** {@link endOfTermOutcome} of a validated snapshot. */
export function endOfTermOf(sub: Subscription, policy: Policy): EndOfTerm {
  const at = endOfDay(sub.termEndDay);
  const version = policyVersion(policy, at);
  const result = (outcome: EndOfTermOutcome, rule: RuleId, chosen = false): EndOfTerm => ({
    outcome,
    rule,
    at,
    chosen,
    policyVersion: version,
  });
  if (sub.status !== 'active') return result('none', 'P7');
  if (sub.trial) return sub.autoRenew ? result('convert', 'TR2') : result('expire', 'R5');
  const choice = changeFor(sub, policy, 'end-of-term-choice', at) !== null ? sub.endOfTermAction : null;
  if (choice === 'cancel') return result('cancel-at-term-end', 'P8', true);
  if (sub.extendedServiceTerm) {
    // R7: month after month until cancelled, or renewed into a standard term (R6: chosen, or auto-renew on).
    if (choice === 'renew') return result('renew', 'R6', true);
    if (sub.autoRenew) return result('renew', 'R6');
    return result('extended-service-term', 'R7', choice === 'extended-service-term');
  }
  if (choice === 'extended-service-term') return result('extended-service-term', 'R6', true);
  if (sub.autoRenew) return result('renew', 'R2', choice === 'renew');
  if (changeFor(sub, policy, 'extended-service-term', at) !== null) return result('extended-service-term', 'R7');
  return result('expire', 'R5');
}

/** Why the end-of-term choice can or can't be set. */
export type EndOfTermChoiceReason =
  /** The choice can be set until the term ends. */
  | 'CHOICE_OPEN'
  /** The rules in force don't offer it yet (R6: from 2026-02-16). */
  | 'CHOICE_NOT_OFFERED'
  /** Not a new-commerce license subscription, or a trial: only auto-renew decides (R5, TR2). */
  | 'NOT_ELIGIBLE'
  /** Cancelled or deleted (C3, P7). */
  | 'TERMINATED'
  /** The term has ended (R2, R5, P4). */
  | 'TERM_ENDED'
  /** Not active. */
  | 'NOT_ACTIVE'
  /** Read-only while a renewal runs (R4). */
  | 'RENEWAL_READ_ONLY';

/** Options of {@link canSetEndOfTermAction}. */
export interface EndOfTermChoiceOptions {
  /** The choice to set: renew, move to an Extended Service Term, or cancel at the term end. */
  readonly action: EndOfTermAction;
  /** The instant to decide at (T4). */
  readonly now: InstantInput;
  /** A policy from `definePolicy`; the default otherwise. */
  readonly policy?: Policy | undefined;
}

/**
 * Warnings of a choice: `EST_PRICE_UPLIFT` (R7: the EST costs the monthly price + 3 %, + 23 %
 * without a monthly plan); `SERVICE_STOPS_AT_TERM_END` (P8: no reactivation afterwards).
 */
const CHOICE_WARNINGS: Readonly<Record<EndOfTermAction, readonly Warning[]>> = /* @__PURE__ */ Object.freeze({
  renew: NONE,
  'extended-service-term': Object.freeze(['EST_PRICE_UPLIFT']),
  cancel: Object.freeze(['SERVICE_STOPS_AT_TERM_END']),
});

/**
 * R6: whether the end-of-term outcome can be set to `action` at `now` — Partner Center's three
 * choices (renew, Extended Service Term, cancel at term end; `scheduledActions` in the API), from
 * 2026-02-16 for new-commerce license subscriptions that are not trials — until the term ends.
 * Before the change is in force the refusal opens when it takes effect.
 *
 * @throws {@link CspRulesError} for an invalid subscription, `now`, `action` or policy
 *
 * @example
 * ```ts
 * canSetEndOfTermAction(sub, { action: 'cancel', now: '2026-06-01T00:00:00Z' });
 * // { allowed: true, rule: 'R6', reason: 'CHOICE_OPEN', until: Date.parse('2026-06-10T00:00:00Z'), … }
 * ```
 */
export function canSetEndOfTermAction(
  subscription: SubscriptionInput | Subscription,
  options: EndOfTermChoiceOptions,
): Decision<EndOfTermChoiceReason> {
  const sub = toSubscription(subscription);
  const o = toRecord(options, 'options');
  const action = toEnum(own(o, 'action'), END_OF_TERM_ACTIONS, 'action');
  const now = toInstant(own(o, 'now'), 'now');
  const policy = readPolicy(own(o, 'policy') as EndOfTermChoiceOptions['policy']);
  return endOfTermChoiceDecision(sub, action, now, policy, termPhase(sub, now));
}

/** {@link canSetEndOfTermAction} on a validated snapshot in a known term phase (the machine's). */
export function endOfTermChoiceDecision(
  sub: Subscription,
  action: EndOfTermAction,
  now: Instant,
  policy: Policy,
  phase: ReturnType<typeof termPhase>,
): Decision<EndOfTermChoiceReason> {
  return answered(sub, 'other', decideChoice(sub, action, now, policy, phase), policyVersion(policy, now));
}

function decideChoice(
  sub: Subscription,
  action: EndOfTermAction,
  now: Instant,
  policy: Policy,
  phase: ReturnType<typeof termPhase>,
): Decision<EndOfTermChoiceReason> {
  const gate = stateGate('setEndOfTermAction', sub, phase);
  const change = ruleChange(policy, 'end-of-term-choice', now);
  // R4 keeps the choice read-only during a renewal only where the rules offer a choice at all.
  if (gate !== null && (change !== null || gate.reason !== 'RENEWAL_READ_ONLY')) return gateRefusal(gate, sub, now);
  if (change === null) {
    // Not yet in force: it opens when it takes effect, unless the policy pins or ignores it.
    const future = policy.asOf === null ? policy.timeline.find((c) => c.key === 'end-of-term-choice') : undefined;
    const opensAt =
      future !== undefined &&
      !policy.ignoredChanges.includes(future.key) &&
      future.effective < endOfDay(sub.termEndDay) &&
      covers(future, sub)
        ? future.effective
        : null;
    return refuse('R6', 'CHOICE_NOT_OFFERED', opensAt);
  }
  if (!covers(change, sub)) return refuse('R6', 'NOT_ELIGIBLE', null);
  return allow('R6', 'CHOICE_OPEN', endOfDay(sub.termEndDay), NONE, CHOICE_WARNINGS[action]);
}
