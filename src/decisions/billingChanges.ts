/**
 * "To which billing frequency can I switch midterm?" — B1, B2, B4, B5 (Manage customer
 * subscriptions, "Change only billing frequency (scheduled change)", "Applying changes to new
 * commerce license-based subscriptions").
 */
import { allow, NONE, refuse, type Allowed, type Assumption, type Refused, type Warning } from '../core/decision.js';
import { answered } from '../snapshot/assumed.js';
import { changeFor } from '../snapshot/ruleChanges.js';
import { policyVersion, readPolicy, type Policy } from '../policy/policy.js';
import { CspRulesError } from '../core/errors.js';
import type { RuleId } from '../core/rules.js';
import { toSubscription, type Subscription, type SubscriptionInput } from '../snapshot/subscription.js';
import { termPhase } from '../snapshot/termWindow.js';
import { gateRefusal, stateGate } from './gates.js';
import { civilFromDay, dayOf, endOfDay, startOfDay, type UtcDay } from '../time/day.js';
import { toInstant, type Instant, type InstantInput } from '../time/instant.js';
import {
  BILLING_FREQUENCIES,
  billingMonths,
  chargeCycleStart,
  TERM_MONTHS,
  type BillingFrequency,
  type Term,
} from '../time/term.js';
import { own, toRecord } from '../core/validate.js';
import { deepFreeze } from '../core/deepFreeze.js';

/** A billing plan (B1): a term and a billing frequency. */
export interface PlanTarget {
  /** The plan's term. */
  readonly term: Term;
  /** The plan's billing frequency. */
  readonly billing: BillingFrequency;
}

/** When an allowed plan change takes effect: at the next billing cycle (B2) or now (B3). */
export type PlanEffect = 'next-cycle' | 'immediate';

/** One target of a plan-change list: the plan, the decision for it, and when it would take effect. */
export type PlanOption<R extends string> = (Allowed<R> | Refused<R>) &
  PlanTarget & {
    /** `next-cycle` for billing-only changes, `immediate` for term changes. */
    readonly effective: PlanEffect;
    /** The instant the change takes effect; `null` when refused. */
    readonly effectiveAt: Instant | null;
  };

/**
 * A plan option as one object literal: the decision's keys (as `allow`/`refuse` write them), then
 * the target and its effect. Adding them with `Object.assign` cost a third of the plan lists' time.
 */
export function planOption<R extends string>(
  d: Allowed<R> | Refused<R>,
  term: Term,
  billing: BillingFrequency,
  effective: PlanEffect,
  effectiveAt: Instant | null,
): PlanOption<R> {
  return d.allowed
    ? {
        allowed: true,
        rule: d.rule,
        policyVersion: d.policyVersion,
        reason: d.reason,
        until: d.until,
        assumptions: d.assumptions,
        warnings: d.warnings,
        term,
        billing,
        effective,
        effectiveAt,
      }
    : {
        allowed: false,
        rule: d.rule,
        policyVersion: d.policyVersion,
        reason: d.reason,
        opensAt: d.opensAt,
        assumptions: d.assumptions,
        warnings: d.warnings,
        term,
        billing,
        effective,
        effectiveAt,
      };
}

/** A list answer: every target, split into allowed and refused (each with its reason). */
export interface PlanChanges<R extends string> {
  /** The plans that can be chosen now, each with its deadline and when it takes effect. */
  readonly allowed: readonly PlanOption<R>[];
  /** The plans that can't, each with its reason and rule. */
  readonly refused: readonly PlanOption<R>[];
}

/**
 * States in which no plan may change (the state gates): cancelled or deleted (C3, P7), the term
 * over (R2, R5, P4), a trial (TR8: its plan is chosen when it converts, TR3), not active, or a
 * renewal running (R4).
 */
// The gate table's reasons for `changeBilling` and `changeTerm`, written out so that the public
// type does not name the internal table (a reason added there fails the build where it is pushed).
export type PlanBlockReason =
  /** Cancelled or deleted (C3, P7). */
  | 'TERMINATED'
  /** The term is over: the subscription expired, or the snapshot is out of date (R2, R5, P4). */
  | 'TERM_ENDED'
  /** A trial's term and billing can't change (TR8). */
  | 'TRIAL_PLAN_LOCKED'
  /** The status does not allow it (B2, B3). */
  | 'NOT_ACTIVE'
  /** Read-only while a renewal is queued or running (R4). */
  | 'RENEWAL_READ_ONLY';

/** Why a billing-frequency change is or isn't possible. */
export type BillingChangeReason =
  | PlanBlockReason
  /** B2: the table accepts it; it takes effect at the next billing cycle. */
  | 'NEXT_CYCLE'
  /** B2: switching **to** an upfront plan (billing = term) is only possible at purchase. */
  | 'UPFRONT_NOT_ALLOWED_MIDTERM'
  /** B1: billing less often than the term is not a plan (e.g. Annual term, Triennial billing). */
  | 'NOT_A_PLAN'
  /** B2: the table's cell says "None" for this plan. */
  | 'CHANGE_NOT_ACCEPTED'
  /** B5: a cycle charge is running (its whole UTC day): the next-charge instruction is read-only. */
  | 'CYCLE_CHARGE_IN_PROGRESS'
  /** No billing cycle starts before the term ends; change the next term's billing instead (S1). */
  | 'NO_CYCLE_LEFT_IN_TERM'
  /** B2: the program has no billing-frequency table in the sources (only new-commerce license-based has one). */
  | 'NO_PLAN_TABLE'
  /** B2 (from 2025-04-01): a triennial term's billing frequency can't change midterm; schedule it for the renewal (S1). */
  | 'TRIENNIAL_MIDTERM_LOCKED'
  /** In an Extended Service Term: seats and plan are fixed; only cancellation and the end-of-term choice (R7). */
  | 'EXTENDED_SERVICE_TERM';

/** One row of the "Change only billing frequency" table (B2). */
export interface BillingChangeRow {
  /** The row's term. */
  readonly term: Term;
  /** The row's current billing frequency. */
  readonly billing: BillingFrequency;
  /** Billing frequencies the row accepts; empty for "None". */
  readonly accepted: readonly BillingFrequency[];
  /** The "Billing frequency changes accepted" cell, as the source writes it. */
  readonly cell: string;
}

// B2: "Manage customer subscriptions", "Change only billing frequency (scheduled change)" —
// Eligible changes, row for row.
//  Term duration | Billing frequency    | Billing frequency changes accepted
/**
 * B2: the source table, cell for cell.
 *
 * @example
 * ```ts
 * BILLING_FREQUENCY_CHANGES[0]; // { term: 'P3Y', billing: 'monthly', accepted: ['annual'], cell: 'Yes (Monthly to Annual)' }
 * ```
 */
// The rows are the source table, cell for cell.
// prettier-ignore
export const BILLING_FREQUENCY_CHANGES: readonly BillingChangeRow[] = /* @__PURE__ */ deepFreeze([
  { term: 'P3Y', billing: 'monthly',   accepted: ['annual'],  cell: 'Yes (Monthly to Annual)' },
  { term: 'P3Y', billing: 'triennial', accepted: [],          cell: 'None' },
  { term: 'P3Y', billing: 'annual',    accepted: ['monthly'], cell: 'Yes (Annual to Monthly)' },
  { term: 'P1Y', billing: 'annual',    accepted: [],          cell: 'None' },
  { term: 'P1Y', billing: 'monthly',   accepted: [],          cell: 'None' },
  { term: 'P1M', billing: 'monthly',   accepted: [],          cell: 'None' },
] as const);

/** Options of {@link eligibleBillingFrequencyChanges}. */
export interface BillingChangeOptions {
  /** The instant to decide at (T4). */
  readonly now: InstantInput;
  /** A policy from `definePolicy` (its programs' `planTables`); the default otherwise. */
  readonly policy?: Policy | undefined;
}

/**
 * B2, B5: the billing frequencies the subscription can switch to midterm, keeping its term.
 *
 * Every other billing frequency is listed: `allowed` ones take effect at the start of the next
 * billing cycle (`effectiveAt`, 00:00Z of the next charge-cycle day of the current billing
 * frequency, T6) without resetting the term, and can be requested until that instant (`until`);
 * `refused` ones carry the reason. Switching to an upfront plan is never allowed midterm.
 * B5: on a cycle-charge day — taken as the whole UTC day [00:00Z, +24 h), since the instant the
 * charge completes is unknown — the instruction is read-only (`opensAt` = 00:00Z the next day).
 * B4: allowed options warn `PROMOTION_MAY_BE_LOST` when the subscription has a promotion; a
 * change already pending (`nextChargeBilling`) warns `CHANGE_ALREADY_PENDING`.
 *
 * @throws {@link CspRulesError} for invalid input, or `INCONSISTENT` when the subscription's
 *   billing is longer than its term (no such plan, B1)
 *
 * @example
 * ```ts
 * const r = eligibleBillingFrequencyChanges(
 *   { program: 'nce-license', term: 'P3Y', billing: 'monthly', quantity: 10, purchasedAt: '2024-01-15T09:30:00Z' },
 *   { now: '2024-03-01T12:00:00Z' },
 * );
 * // r.allowed → [{ term: 'P3Y', billing: 'annual', allowed: true, rule: 'B2', reason: 'NEXT_CYCLE',
 * //   effective: 'next-cycle', effectiveAt: Date.parse('2024-03-15T00:00:00Z'), until: Date.parse('2024-03-15T00:00:00Z'), … }]
 * // r.refused → [{ term: 'P3Y', billing: 'triennial', reason: 'UPFRONT_NOT_ALLOWED_MIDTERM', … }]
 * ```
 */
export function eligibleBillingFrequencyChanges(
  subscription: SubscriptionInput | Subscription,
  options: BillingChangeOptions,
): PlanChanges<BillingChangeReason> {
  const sub = toSubscription(subscription);
  const o = toRecord(options, 'options');
  const now = toInstant(own(o, 'now'), 'now');
  const policy = readPolicy(own(o, 'policy'));
  const row = billingRow(sub);
  const gate = stateGate('changeBilling', sub, termPhase(sub, now));
  const blocked =
    gate !== null
      ? gateRefusal(gate, sub, now)
      : policy.programs[sub.program].planTables
        ? null
        : refuse<BillingChangeReason>('B2', 'NO_PLAN_TABLE', null);
  const cycle = cycleAt(sub, dayOf(now));
  const promo: readonly Warning[] = sub.promotionId === null ? NONE : ['PROMOTION_MAY_BE_LOST'];
  const triennialLocked = changeFor(sub, policy, 'triennial-billing-locked', now) !== null;
  // B1 (2025-04-01): monthly billing of an annual or triennial term costs 5 % more than upfront.
  const uplift = changeFor(sub, policy, 'monthly-billing-uplift', now) !== null;

  const allowed: PlanOption<BillingChangeReason>[] = [];
  const refused: PlanOption<BillingChangeReason>[] = [];
  for (const billing of BILLING_FREQUENCIES) {
    if (billing === sub.billing) continue;
    const no = (
      rule: RuleId,
      reason: BillingChangeReason,
      opensAt: Instant | null = null,
      assumptions: readonly Assumption[] = NONE,
    ): void => {
      refused.push(planOption(refuse(rule, reason, opensAt, assumptions), sub.term, billing, 'next-cycle', null));
    };
    if (blocked !== null) refused.push(planOption(blocked, sub.term, billing, 'next-cycle', null));
    else if (billingMonths(billing) > TERM_MONTHS[sub.term]) no('B1', 'NOT_A_PLAN');
    else if (!row.accepted.includes(billing)) {
      // B2: "Partner Center doesn't support switching to an 'upfront' billing plan at midterm".
      no(
        'B2',
        billingMonths(billing) === TERM_MONTHS[sub.term] ? 'UPFRONT_NOT_ALLOWED_MIDTERM' : 'CHANGE_NOT_ACCEPTED',
      );
    } else if (sub.term === 'P3Y' && triennialLocked) {
      // B2 (2025-04-01): "Midterm billing frequency changes for triennial offers will be blocked".
      no('B2', 'TRIENNIAL_MIDTERM_LOCKED');
    } else if (cycle.today) {
      // B5: the sources give no bound for the charge's completion: the whole UTC day is assumed.
      no('B5', 'CYCLE_CHARGE_IN_PROGRESS', endOfDay(dayOf(now)), CHARGE_DAY);
    } else if (cycle.next === null) no('B2', 'NO_CYCLE_LEFT_IN_TERM');
    else {
      const at = startOfDay(cycle.next);
      const warnings: Warning[] = [...promo];
      if (sub.nextChargeBilling === billing) warnings.push('CHANGE_ALREADY_PENDING');
      if (uplift && billing === 'monthly') warnings.push('MONTHLY_BILLING_UPLIFT');
      allowed.push(planOption(allow('B2', 'NEXT_CYCLE', at, NONE, warnings), sub.term, billing, 'next-cycle', at));
    }
  }
  return answeredOptions(sub, { allowed, refused }, policyVersion(policy, now));
}

const CHARGE_DAY: readonly Assumption[] = /* @__PURE__ */ Object.freeze(['CHARGE_COMPLETION_ASSUMED']);

/** A plan list as answered: every option with the snapshot's assumptions and the rules' version ({@link answered}). */
export function answeredOptions<R extends string>(
  sub: Subscription,
  list: PlanChanges<R>,
  version: string,
): PlanChanges<R> {
  return {
    allowed: list.allowed.map((o) => answered(sub, 'other', o, version)),
    refused: list.refused.map((o) => answered(sub, 'other', o, version)),
  };
}

/**
 * The B2 table row of the subscription's plan.
 *
 * @throws {@link CspRulesError} `INCONSISTENT` (field `billing`) for a billing frequency longer
 *   than the term: such a plan does not exist (B1)
 */
export function billingRow(sub: Subscription): BillingChangeRow {
  const row = BILLING_FREQUENCY_CHANGES.find((r) => r.term === sub.term && r.billing === sub.billing);
  if (row === undefined) {
    throw new CspRulesError(
      'INCONSISTENT',
      'billing',
      `billing ${sub.billing} is longer than the term ${sub.term}: not a plan (B1)`,
    );
  }
  return row;
}

/**
 * B5/T6: whether `day` is a charge-cycle day of the current term (cycle 1 onwards: cycle 0 is
 * the term start, a purchase or renewal, R4), and the next cycle day after `day` inside the
 * term (`null` when none is left). Cycles follow the current billing frequency.
 */
function cycleAt(sub: Subscription, day: UtcDay): { readonly today: boolean; readonly next: UtcDay | null } {
  const step = billingMonths(sub.billing);
  // Cycle k starts in the calendar month k × step after the term start's (T6 clamps only the day),
  // so every cycle whose month is before `day`'s starts before it: the walk begins at the first
  // cycle in `day`'s month or later, and ends within two steps — not one step a month from the
  // term start (a long monthly term walked every month, issue 16).
  const from = civilFromDay(sub.termStartDay);
  const to = civilFromDay(day);
  const months = (to.year - from.year) * 12 + (to.month - from.month);
  let today = false;
  for (let k = Math.max(1, Math.ceil(months / step)); ; k++) {
    const start = chargeCycleStart(sub.termStartDay, k * step);
    if (start > sub.termEndDay) return { today, next: null };
    if (start === day) today = true;
    else if (start > day) return { today, next: start };
  }
}
