/**
 * Scheduled changes ("Manage renewal"): what may be scheduled (S1), when (S2), what deletes
 * them (S3, S5), how licenses are reassigned (S4) and what the next term becomes.
 */
import { allow, refuse, type Decision } from '../core/decision.js';
import {
  toSubscription,
  type ScheduledChange,
  type Subscription,
  type SubscriptionInput,
} from '../snapshot/subscription.js';
import { answered } from '../snapshot/assumed.js';
import { policyVersion, readPolicy, type Policy } from '../policy/policy.js';
import { termPhase, type TermPhase } from '../snapshot/termWindow.js';
import { gateRefusal, stateGate } from '../decisions/gates.js';
import { TRIAL_DEFAULT_BILLING, TRIAL_DEFAULT_TERM } from '../policy/trials.js';
import { endOfDay } from '../time/day.js';
import { toInstant, type Instant, type InstantInput } from '../time/instant.js';
import type { BillingFrequency, Term } from '../time/term.js';
import { own, toEnum, toRecord } from '../core/validate.js';

/** S1: the kinds of change that can be scheduled for the end of the term ("Scheduled changes"). */
export type SchedulableChange = (typeof SCHEDULABLE_CHANGES)[number];

/** S3: the midterm changes that can delete saved scheduled changes. */
export type MidtermChange =
  /** Cancelling the subscription. */
  | 'cancel'
  /** Turning auto-renew off. */
  | 'autoRenewOff'
  /** Changing the seat quantity. */
  | 'quantity'
  /** Upgrading the SKU. */
  | 'upgrade'
  /** Converting a trial. */
  | 'convertTrial'
  /** P2: suspension turns auto-renew off. */
  | 'suspend'
  /** B3: an immediate term (and billing) change. */
  | 'termChange'
  /** B2: a billing-frequency change for the next cycle — scheduled, not immediate. */
  | 'billingOnly';

/** S3 policy: which midterm changes delete scheduled changes. */
export type ScheduledChangeDeletion = (typeof SCHEDULED_CHANGE_DELETIONS)[number];

/** Why a change can or can't be scheduled now. */
// The gate reasons of `scheduleChange` are written out so that the public type does not name the
// internal gate table (a reason added there fails the build in scheduleDecision).
export type ScheduleReason =
  /** S2: active with auto-renew on: a change can be saved until the renewal starts. */
  | 'ALLOWED'
  /** S2: scheduling needs auto-renew on. */
  | 'AUTO_RENEW_OFF'
  /** Cancelled or deleted (C3, P7). */
  | 'TERMINATED'
  /** The term is over: the subscription expired, or the snapshot is out of date (R2, R5, P4). */
  | 'TERM_ENDED'
  /** The status does not allow it (S2). */
  | 'NOT_ACTIVE'
  /** Read-only while a renewal is queued or running (R4). */
  | 'RENEWAL_READ_ONLY';

/** S4: how licenses move at a scheduled SKU upgrade. */
export type Reassignment = 'automatic' | 'manual';

/** The next term's plan with the scheduled change applied (S1, B2, TR2); its dates are in `NextTerm`. */
export interface NextTermPlan {
  readonly term: Term;
  readonly billing: BillingFrequency;
  readonly quantity: number;
  readonly offerName: string | null;
  /** CO2/CO3: the coterminous end date for the next term, if scheduled. */
  readonly customTermEndDay: number | null;
  /** S4: for a scheduled SKU upgrade; `null` when no upgrade is scheduled. */
  readonly reassignment: Reassignment | null;
}

/** S3: every midterm change {@link deletesScheduledChanges} knows. */
const MIDTERM_CHANGES: readonly MidtermChange[] = [
  'cancel',
  'autoRenewOff',
  'quantity',
  'upgrade',
  'convertTrial',
  'suspend',
  'termChange',
  'billingOnly',
];
/** S3: every reading of which midterm changes delete scheduled changes. */
export const SCHEDULED_CHANGE_DELETIONS = /* @__PURE__ */ Object.freeze(['any-immediate', 'listed'] as const);

/** S1, in the order of the source's list. */
export const SCHEDULABLE_CHANGES = /* @__PURE__ */ Object.freeze([
  'upgrade',
  'quantity',
  'term',
  'billing',
  'coterminousDate',
] as const);

/**
 * S3: the midterm changes that delete scheduled changes, per policy. `listed` is the list of
 * "Manage customer subscriptions" ("Cancel a subscription, Turn off autorenew, Change a quantity,
 * Upgrade a SKU, Convert a trial") plus suspension, which turns auto-renew off (P2);
 * `any-immediate` (the API docs, default) adds every other immediate midterm change — an
 * immediate term change (B3). A billing-only change (B2) is scheduled for the next cycle, not
 * immediate: it deletes nothing (the lifecycle page keeps next charge instructions on suspension).
 */
export const DELETES_SCHEDULED_CHANGES: Readonly<Record<ScheduledChangeDeletion, readonly MidtermChange[]>> =
  Object.freeze({
    listed: Object.freeze(['cancel', 'autoRenewOff', 'quantity', 'upgrade', 'convertTrial', 'suspend'] as const),
    'any-immediate': Object.freeze([
      'cancel',
      'autoRenewOff',
      'quantity',
      'upgrade',
      'convertTrial',
      'suspend',
      'termChange',
    ] as const),
  });

/**
 * S3: whether a midterm change deletes the saved scheduled changes.
 *
 * @example
 * ```ts
 * deletesScheduledChanges('termChange');           // true (API docs: any immediate change)
 * deletesScheduledChanges('termChange', 'listed'); // false (the listed changes only)
 * deletesScheduledChanges('billingOnly');          // false
 * ```
 *
 * @throws {@link CspRulesError} `INVALID_ENUM` `change` / `mode`
 */
export function deletesScheduledChanges(
  change: MidtermChange,
  mode: ScheduledChangeDeletion = 'any-immediate',
): boolean {
  return DELETES_SCHEDULED_CHANGES[toEnum(mode, SCHEDULED_CHANGE_DELETIONS, 'mode')].includes(
    toEnum(change, MIDTERM_CHANGES, 'change'),
  );
}

/** Options of {@link canScheduleChange}. */
export interface ScheduleOptions {
  /** The instant to decide at (T4: never read from the clock). */
  readonly now: InstantInput;
  /** A policy from `definePolicy` (the version of the rules it names); the default otherwise. */
  readonly policy?: Policy | undefined;
}

/**
 * S2, R4: whether a change can be scheduled (or a saved one changed or removed) now: only for
 * an active subscription with auto-renew on, and not while a renewal is queued or running
 * (read-only until it completes: `opensAt` is the latest completion).
 *
 * @example
 * ```ts
 * canScheduleChange(sub, { now: '2024-03-01T00:00:00Z' }); // { allowed: true, rule: 'S2', reason: 'ALLOWED', until: … }
 * ```
 *
 * @throws {@link CspRulesError} for an invalid subscription or `now`
 */
export function canScheduleChange(
  subscription: SubscriptionInput | Subscription,
  options: ScheduleOptions,
): Decision<ScheduleReason> {
  const sub = toSubscription(subscription);
  const o = toRecord(options, 'options');
  const now = toInstant(own(o, 'now'), 'now');
  return scheduleDecision(sub, now, readPolicy(own(o, 'policy')), termPhase(sub, now));
}

/**
 * {@link canScheduleChange} on a validated snapshot in a known term phase (the lifecycle machine's).
 *
 * @param sub - the validated snapshot
 * @param now - the instant decided at
 * @param policy - the policy
 * @param phase - where `now` falls in the term
 */
export function scheduleDecision(
  sub: Subscription,
  now: Instant,
  policy: Policy,
  phase: TermPhase,
): Decision<ScheduleReason> {
  const gate = stateGate('scheduleChange', sub, phase);
  const d =
    gate !== null
      ? gateRefusal(gate, sub, now)
      : !sub.autoRenew
        ? refuse<ScheduleReason>('S2', 'AUTO_RENEW_OFF', null)
        : // Until the renewal starts (00:00Z after the term end date, R2).
          allow<ScheduleReason>('S2', 'ALLOWED', endOfDay(sub.termEndDay));
  return answered(sub, 'other', d, policyVersion(policy, now));
}

/**
 * S1 + S4 + B2 + TR2: the next term's term, billing, quantity and SKU with the saved change
 * applied. A pending billing-cycle change (B2) applies at the latest at renewal. A trial
 * converts with term Annual, billing Monthly (TR2) unless scheduled otherwise.
 */
export function nextTermPlan(subscription: SubscriptionInput | Subscription): NextTermPlan {
  const sub = toSubscription(subscription);
  const sc: ScheduledChange | null = sub.scheduledChange;
  const quantity = sc?.quantity ?? sub.quantity;
  const upgrade = sc !== null && sc.offerName !== null && sc.offerName !== sub.offerName;
  return {
    term: sc?.term ?? (sub.trial ? TRIAL_DEFAULT_TERM : sub.term),
    billing: sc?.billing ?? sub.nextChargeBilling ?? (sub.trial ? TRIAL_DEFAULT_BILLING : sub.billing),
    quantity,
    offerName: sc?.offerName ?? sub.offerName,
    customTermEndDay: sc?.customTermEndDay ?? null,
    // S4: automatic when the quantity is unchanged, else manual.
    reassignment: upgrade ? (quantity === sub.quantity ? 'automatic' : 'manual') : null,
  };
}

/**
 * S1: whether a scheduled change names at least one change.
 */
export function isEmptyChange(change: ScheduledChange): boolean {
  return (
    change.quantity === null &&
    change.term === null &&
    change.billing === null &&
    change.offerName === null &&
    change.customTermEndDay === null
  );
}
