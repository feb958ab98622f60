/**
 * "Can I convert this trial, how, and when?" — TR1–TR9 (Manage customer subscriptions, "Manage
 * trials for new commerce license-based subscriptions", "After you buy a subscription").
 */
import { allow, NONE, refuse, type Allowed, type Assumption, type Refused, type Warning } from '../core/decision.js';
import { CspRulesError } from '../core/errors.js';
import type { RuleId } from '../core/rules.js';
import { answered } from '../snapshot/assumed.js';
import { policyVersion, readPolicy, type Policy } from '../policy/policy.js';
import { toSubscription, type Subscription, type SubscriptionInput } from '../snapshot/subscription.js';
import { termPhase } from '../snapshot/termWindow.js';
import { gateRefusal, stateGate } from './gates.js';
import { endOfDay } from '../time/day.js';
import { toInstant, type Instant, type InstantInput } from '../time/instant.js';
import {
  BILLING_FREQUENCIES,
  billingMonths,
  TERM_MONTHS,
  TERMS,
  type BillingFrequency,
  type Term,
} from '../time/term.js';
import { own, toCount, toEnum, toOptionalString, toRecord } from '../core/validate.js';
import { TRIAL_DEFAULT_BILLING, TRIAL_DEFAULT_TERM, TRIAL_SEATS } from '../policy/trials.js';

/** TR3: what a trial converts to. */
export type TrialTarget = (typeof TRIAL_TARGETS)[number];
/** TR3: when: now (midterm) or at the end of the trial (scheduled, "Manage renewal"). */
export type TrialMode = (typeof TRIAL_MODES)[number];

/** TR3: every conversion target. */
export const TRIAL_TARGETS = /* @__PURE__ */ Object.freeze(['equivalent', 'higher-tier', 'existing'] as const);
/** TR3, TR7: every conversion mode. */
export const TRIAL_MODES = /* @__PURE__ */ Object.freeze(['midterm', 'scheduled'] as const);

/** Why a trial conversion is or isn't possible. */
export type TrialConversionReason =
  /** TR3/TR4: a midterm conversion, effective now. */
  | 'CONVERT_NOW'
  /** TR7: a conversion scheduled for the end of the trial. */
  | 'CONVERT_AT_TRIAL_END'
  /** TR4: a midterm conversion below 25 seats. */
  | 'BELOW_TRIAL_MINIMUM'
  /** TR5: the existing target ends before the trial's end day. */
  | 'EXISTING_ENDS_BEFORE_TRIAL'
  /** TR3: the existing target is not an active paid subscription. */
  | 'EXISTING_NOT_ACTIVE'
  /** TR7: scheduling needs auto-renew on. */
  | 'SCHEDULE_REQUIRES_AUTO_RENEW'
  /** TR2: the trial is over (it converted or ended); nothing is left to convert. */
  | 'TERM_ENDED'
  /** R4: read-only while the trial converts at its end (from 00:00Z after its last day, up to 24 h). */
  | 'RENEWAL_READ_ONLY'
  /** TR9: a marketplace SaaS free trial can't be waived (ended early by converting). */
  | 'FREE_TRIAL_NOT_WAIVABLE'
  /** TR3: the subscription is not a trial. */
  | 'NOT_A_TRIAL'
  /** The trial is not active (expired, disabled, suspended, pending). */
  | 'NOT_ACTIVE'
  /** C3, P7: cancelled or deleted. */
  | 'TERMINATED';

/** Extra facts of a {@link canConvertTrial} answer. */
export interface TrialConversionFacts {
  /** What the trial converts to, as asked (TR3). */
  readonly target: TrialTarget;
  /** Midterm or scheduled for the end of the trial, as asked (TR3, TR7). */
  readonly mode: TrialMode;
  /** Seats converted (TR4: added to the existing subscription when the target is `existing`). */
  readonly seats: number;
  /** Term of the paid subscription: the chosen one, TR2's default, or the existing one's (TR4). */
  readonly term: Term;
  /** Billing of the paid subscription: the chosen one, TR2's default, or the existing one's (TR4). */
  readonly billing: BillingFrequency;
  /** `immediate` (midterm) or `at-trial-end` (scheduled); `null` when refused. */
  readonly effective: 'immediate' | 'at-trial-end' | null;
  /** When the paid subscription starts: `now`, or 00:00Z after the trial's end day; `null` when refused. */
  readonly effectiveAt: Instant | null;
  /** TR6: promotions never apply to a trial conversion. */
  readonly promotionsApply: false;
}

/** The answer of {@link canConvertTrial}. */
export type TrialConversion = (Allowed<TrialConversionReason> | Refused<TrialConversionReason>) & TrialConversionFacts;

/** Options of {@link canConvertTrial}. */
export interface TrialConversionOptions {
  /** What to convert to: the equivalent paid SKU, a higher tier, or an existing subscription (TR3). */
  readonly target: TrialTarget;
  /** Convert now (`midterm`) or at the end of the trial (`scheduled`, TR7). */
  readonly mode: TrialMode;
  /** Seats to convert. Default 25 (TR1). */
  readonly seats?: number;
  /** New subscription's term. Default Annual (TR2). Ignored for `existing` (TR4). */
  readonly term?: Term;
  /** New subscription's billing. Default Monthly (TR2). Ignored for `existing` (TR4). */
  readonly billing?: BillingFrequency;
  /** The existing paid subscription to convert into; required exactly when `target` is `existing`. */
  readonly existing?: SubscriptionInput | Subscription;
  /** A promotion the caller hoped to apply: TR6 warns it won't. */
  readonly promotionId?: string;
  /** The instant to decide at (T4: never read from the clock). */
  readonly now: InstantInput;
  /** A policy from `definePolicy` (the version of the rules it names); the default otherwise. */
  readonly policy?: Policy | undefined;
}

/**
 * TR1–TR9: whether a trial can convert to a paid subscription with these choices.
 *
 * - Targets (TR3): the equivalent paid SKU, a higher tier, or an `existing` subscription, whose
 *   term end must be on the trial's end day or later (TR5) and whose term and billing are kept (TR4).
 * - `midterm` (TR3/TR4): any time before the end of the trial's last day, at least 25 seats.
 * - `scheduled` (TR7): at the end of the trial; needs auto-renew on; fewer than 25 seats allowed.
 * - Defaults (TR2): 25 seats, Annual term, Monthly billing. Promotions never apply (TR6).
 * - Marketplace SaaS (`nce-saas`) free trials can't be waived (TR9): no midterm conversion.
 * The trial's end day is its `termEndDay`.
 *
 * @throws {@link CspRulesError} `INVALID_ENUM` for `target`, `mode`, `term`, `billing`;
 *   `MISSING_FIELD` / `INCONSISTENT` for `existing`; `INVALID_QUANTITY` for `seats`
 *
 * @example
 * ```ts
 * const trial = { program: 'nce-license', term: 'P1M', billing: 'monthly', quantity: 25, trial: true,
 *   purchasedAt: '2024-01-01T10:00:00Z', termEndDate: '2024-01-30' } as const;
 * canConvertTrial(trial, { target: 'equivalent', mode: 'midterm', seats: 24, now: '2024-01-10T00:00:00Z' });
 * // { allowed: false, rule: 'TR4', reason: 'BELOW_TRIAL_MINIMUM', … }
 * canConvertTrial(trial, { target: 'equivalent', mode: 'scheduled', seats: 10, now: '2024-01-10T00:00:00Z' });
 * // { allowed: true, rule: 'TR7', reason: 'CONVERT_AT_TRIAL_END', term: 'P1Y', billing: 'monthly',
 * //   effectiveAt: Date.parse('2024-01-31T00:00:00Z'), … }
 * ```
 */
export function canConvertTrial(
  trial: SubscriptionInput | Subscription,
  options: TrialConversionOptions,
): TrialConversion {
  const sub = toSubscription(trial);
  const o = toRecord(options, 'options');
  const now = toInstant(own(o, 'now'), 'now');
  const policy = readPolicy(own(o, 'policy'));
  return answered(sub, 'other', decideConversion(sub, o, now), policyVersion(policy, now));
}

/** {@link canConvertTrial} before the snapshot's assumptions and version are added. */
function decideConversion(sub: Subscription, o: Readonly<Record<string, unknown>>, now: Instant): TrialConversion {
  const target = toEnum(own(o, 'target'), TRIAL_TARGETS, 'target');
  const mode = toEnum(own(o, 'mode'), TRIAL_MODES, 'mode');
  const seats = own(o, 'seats') === undefined ? TRIAL_SEATS : toCount(own(o, 'seats'), 'seats', 1);
  const rawTerm = own(o, 'term');
  const rawBilling = own(o, 'billing');
  let term = rawTerm === undefined ? TRIAL_DEFAULT_TERM : toEnum(rawTerm, TERMS, 'term');
  let billing = rawBilling === undefined ? TRIAL_DEFAULT_BILLING : toEnum(rawBilling, BILLING_FREQUENCIES, 'billing');
  const promotionId = toOptionalString(own(o, 'promotionId'), 'promotionId');
  const rawExisting = own(o, 'existing');
  if (target === 'existing' && rawExisting === undefined) {
    throw new CspRulesError('MISSING_FIELD', 'existing', "is required when target is 'existing'");
  }
  if (target !== 'existing' && rawExisting !== undefined) {
    throw new CspRulesError('INCONSISTENT', 'existing', "is only for target 'existing'");
  }
  const existing = rawExisting === undefined ? null : toSubscription(rawExisting as SubscriptionInput);
  const warnings: Warning[] = [];
  if (existing !== null) {
    // TR4: the seats keep the existing subscription's term and billing.
    if (
      (rawTerm !== undefined && term !== existing.term) ||
      (rawBilling !== undefined && billing !== existing.billing)
    ) {
      warnings.push('TERM_AND_BILLING_FROM_EXISTING');
    }
    term = existing.term;
    billing = existing.billing;
  } else if (billingMonths(billing) > TERM_MONTHS[term]) {
    throw new CspRulesError('INCONSISTENT', 'billing', `billing ${billing} is longer than the term ${term} (B1)`);
  }
  // TR6: promotions don't apply to a trial conversion.
  if (promotionId !== null || sub.promotionId !== null) warnings.push('PROMOTION_NOT_APPLIED');

  const trialEnd = endOfDay(sub.termEndDay);
  const facts = (effective: TrialConversionFacts['effective'], effectiveAt: Instant | null): TrialConversionFacts => ({
    target,
    mode,
    seats,
    term,
    billing,
    effective,
    effectiveAt,
    promotionsApply: false,
  });
  const no = (rule: RuleId, reason: TrialConversionReason, opensAt: Instant | null = null): TrialConversion =>
    Object.assign(refuse(rule, reason, opensAt, NONE, warnings), facts(null, null));

  // State gates: terminal, ended (TR2), not a trial, not active; read-only while it converts (R4).
  const gate = stateGate('convertTrial', sub, termPhase(sub, now));
  // The state gives the answer: the conversion's own warnings (TR4, TR6) don't apply.
  if (gate !== null) return Object.assign(gateRefusal(gate, sub, now), facts(null, null));

  // TR3, TR5: an existing target must be an active paid subscription that ends on the trial's end
  // day or later — for a midterm and a scheduled conversion alike (MCS forbids neither).
  const intoExisting = existing === null ? null : existingRefusal(existing, sub.termEndDay);
  if (mode === 'scheduled') {
    if (!sub.autoRenew) return no('TR7', 'SCHEDULE_REQUIRES_AUTO_RENEW');
    if (intoExisting !== null) return no(intoExisting.rule, intoExisting.reason);
    // TR7: fewer than 25 seats allowed; converts after the trial's last day (TR2).
    return Object.assign(
      allow('TR7', 'CONVERT_AT_TRIAL_END', trialEnd, NONE, warnings),
      facts('at-trial-end', trialEnd),
    );
  }

  // TR9: a marketplace SaaS free trial can't be waived; it converts when it ends.
  if (sub.program === 'nce-saas') return no('TR9', 'FREE_TRIAL_NOT_WAIVABLE', trialEnd);
  if (seats < TRIAL_SEATS) return no('TR4', 'BELOW_TRIAL_MINIMUM');
  if (intoExisting !== null) return no(intoExisting.rule, intoExisting.reason);
  // S3: converting a trial deletes its saved scheduled changes.
  if (sub.scheduledChange !== null) warnings.push('SCHEDULED_CHANGES_REMOVED');
  return Object.assign(allow('TR4', 'CONVERT_NOW', trialEnd, NONE, warnings), facts('immediate', now));
}

/** TR3, TR5: why an existing subscription can't take a trial's seats, or `null` when it can. */
function existingRefusal(
  existing: Subscription,
  trialEndDay: number,
): { readonly rule: RuleId; readonly reason: TrialConversionReason } | null {
  if (existing.status !== 'active' || existing.trial) return { rule: 'TR3', reason: 'EXISTING_NOT_ACTIVE' };
  if (existing.termEndDay < trialEndDay) return { rule: 'TR5', reason: 'EXISTING_ENDS_BEFORE_TRIAL' };
  return null;
}

/** TR9: the facts of a marketplace SaaS free trial. */
export interface SaasFreeTrial {
  /** The rule the facts come from. */
  readonly rule: 'TR9';
  /** Always false: a CSP partner can't waive the free trial. */
  readonly waivable: false;
  /** The paid term starts when the trial ends: 00:00Z after the trial's end day. */
  readonly paidTermStartsAt: Instant;
  /** `TRIAL_END_ASSUMED` when the trial's end day was not given (30 days assumed, TR1); else empty. */
  readonly assumptions: readonly Assumption[];
}

/**
 * TR9: a marketplace SaaS subscription bought with a 30-day free trial gets the trial
 * automatically; the partner can't waive it; the paid term starts when it ends ("After you buy a
 * subscription"). `null` for anything that is not an `nce-saas` trial.
 *
 * @example
 * ```ts
 * saasFreeTrial({ program: 'nce-saas', trial: true, term: 'P1M', billing: 'monthly', quantity: 5,
 *   purchasedAt: '2024-01-01T10:00:00Z', termEndDate: '2024-01-30' });
 * // { rule: 'TR9', waivable: false, paidTermStartsAt: Date.parse('2024-01-31T00:00:00Z'), assumptions: [] }
 * ```
 */
export function saasFreeTrial(subscription: SubscriptionInput | Subscription): SaasFreeTrial | null {
  const sub = toSubscription(subscription);
  if (sub.program !== 'nce-saas' || !sub.trial) return null;
  return {
    rule: 'TR9',
    waivable: false,
    paidTermStartsAt: endOfDay(sub.termEndDay),
    assumptions: sub.assumptions.includes('TRIAL_END_ASSUMED') ? TRIAL_END : NONE,
  };
}

const TRIAL_END: readonly Assumption[] = /* @__PURE__ */ Object.freeze(['TRIAL_END_ASSUMED']);
