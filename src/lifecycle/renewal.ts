/**
 * "When does it renew, what is read-only meanwhile, what does the next term look like?" —
 * R1–R5, T2, with the scheduled changes applied (S1, CO3, CO4) and the post-renewal windows (R3).
 */
import { NONE, type Assumption } from '../core/decision.js';
import { CspRulesError } from '../core/errors.js';
import { nextTermPlan, type Reassignment } from './scheduledChanges.js';
import { endOfTermOf, type EndOfTermOutcome } from '../decisions/endOfTerm.js';
import { readPolicy, type Policy } from '../policy/policy.js';
import type { RuleId } from '../core/rules.js';
import { toSubscription, type Subscription, type SubscriptionInput } from '../snapshot/subscription.js';
import { civilFromDay, dayOf, daysInMonth, DAY_MS, endOfDay, type UtcDay } from '../time/day.js';
import { toInstant, type Instant, type InstantInput } from '../time/instant.js';
import { renewedTermOf, type BillingFrequency, type RenewalAnchor, type Term, type TermDates } from '../time/term.js';
import { windowOfHours, type Window } from '../time/window.js';
import { own, toRecord } from '../core/validate.js';

/** R5, R6, R7, P8, TR2: what happens at the end of the current term ({@link EndOfTermOutcome}). */
export type RenewalOutcome = EndOfTermOutcome;

/** R4: properties that can't be changed while a renewal is queued or running. */
export type ReadOnlyProperty = (typeof RENEWAL_READ_ONLY)[number];

/** R4: actions that may be attempted during a renewal but can fail with 409 Conflict. */
export type ConflictProneAction = (typeof RENEWAL_CONFLICT_PRONE)[number];

/** R4: what to do on a 409 Conflict during a renewal. */
export interface ConflictAdvice {
  /** The HTTP status Partner Center answers with: 409 Conflict. */
  readonly status: 409;
  /** Wait this long, then resubmit ("after waiting for two minutes"). */
  readonly retryAfterMs: number;
}

/** R4: the read-only window of a renewal and what it covers. */
export interface ReadOnlyWindow extends Window {
  /** What can't be changed inside the window. */
  readonly readOnly: readonly ReadOnlyProperty[];
  /** What may be attempted inside the window but can fail with 409 Conflict. */
  readonly conflictProne: readonly ConflictProneAction[];
  /** What to do on a 409 Conflict: wait, then resubmit. */
  readonly conflict: ConflictAdvice;
}

/** The next term with the scheduled changes applied (S1) — what the renewal produces. */
export interface NextTerm extends TermDates {
  /** The next term's length: the scheduled one, else the current one (S1). */
  readonly term: Term;
  /** The next term's billing frequency: the scheduled one, else the current one (S1). */
  readonly billing: BillingFrequency;
  /** Seats in the next term: the scheduled quantity, else the current one (S1). */
  readonly quantity: number;
  /** The product of the next term: a scheduled SKU upgrade's target, else the current one (S1). */
  readonly offerName: string | null;
  /** S4: how licenses move for a scheduled SKU upgrade; `null` when none is scheduled. */
  readonly reassignment: Reassignment | null;
  /** CO4: the term ends on a scheduled custom end date and is shorter (prorated). */
  readonly shortened: boolean;
  /** T6: the day-of-month later terms return to. */
  readonly anchorDayOfMonth: number;
}

/** R3: a window that opens at the renewal completion. */
export interface PostRenewalWindow extends Window {
  /** The rule the window comes from (C1, C8, C16 for cancelling; Q2 for seats). */
  readonly rule: RuleId;
  /** Empty when the completion instant is known; else the R3 bound used. */
  readonly assumptions: readonly Assumption[];
}

/** A subscription that renews (or converts) at the end of its term. */
export interface Renewing {
  /** T2: the exclusive end of the term end date — 00:00Z of the next day. */
  readonly termEndsAt: Instant;
  /** `renew` (R2; R6 from an Extended Service Term), or `convert` for a trial with auto-renew on (TR2). */
  readonly outcome: 'renew' | 'convert';
  /** The rule the outcome comes from. */
  readonly rule: 'R2' | 'R6' | 'TR2';
  /** Whether the partner chose the outcome (R6) rather than auto-renew's default. */
  readonly chosen: boolean;
  /** The version of the rules in force at the term end (see the policy's timeline). */
  readonly policyVersion: string;
  /** R2: 00:00 UTC of the day after the term end date. */
  readonly startsAt: Instant;
  /** R2: the latest completion, `startsAt` + 24 h (or the known completion). */
  readonly completesBy: Instant;
  /** The completion instant, when given. */
  readonly completedAt: Instant | null;
  /** R4: [startsAt, completion). */
  readonly readOnlyWindow: ReadOnlyWindow;
  /** The term the renewal produces, with the scheduled changes applied (S1). */
  readonly nextTerm: NextTerm;
  /** R3 + C1/C8/C16: cancellation after the renewal; `null` for programs whose window runs from the purchase only. */
  readonly cancellationWindow: PostRenewalWindow | null;
  /** R3 + Q2: the renewal's seat batch is reducible in this window; `null` where seats can't be reduced. */
  readonly seatReductionWindow: PostRenewalWindow | null;
}

/** A subscription that does not renew. */
export interface NotRenewing {
  /** T2: the exclusive end of the term end date — 00:00Z of the next day. */
  readonly termEndsAt: Instant;
  /**
   * `extended-service-term`: it moves into (or stays in) an Extended Service Term at `termEndsAt`
   * (R6 chosen, R7 by default); `cancel-at-term-end`: the service stops then (P8); `expire`:
   * auto-renew is off where no EST applies (R5, P7); `none`: not active (P7).
   */
  readonly outcome: 'extended-service-term' | 'cancel-at-term-end' | 'expire' | 'none';
  /** The rule the outcome comes from. */
  readonly rule: 'R5' | 'R6' | 'R7' | 'P7' | 'P8';
  /** Whether the partner chose the outcome (R6) rather than auto-renew's default. */
  readonly chosen: boolean;
  /** The version of the rules in force at the term end (see the policy's timeline). */
  readonly policyVersion: string;
  /** No renewal starts. */
  readonly startsAt: null;
  /** No renewal completes. */
  readonly completesBy: null;
  /** No renewal completes. */
  readonly completedAt: null;
  /** Nothing is read-only for a renewal. */
  readonly readOnlyWindow: null;
  /** No next term. */
  readonly nextTerm: null;
  /** No window opens after the term. */
  readonly cancellationWindow: null;
  /** No window opens after the term. */
  readonly seatReductionWindow: null;
}

/** The answer of {@link renewalSchedule}. */
export type RenewalSchedule = Renewing | NotRenewing;

/** Options of {@link renewalSchedule}. */
export interface RenewalScheduleOptions {
  /** The policy to apply (default: `DEFAULT_POLICY`). */
  readonly policy?: Policy | undefined;
  /** The renewal's completion instant, when known (R3); within [startsAt, startsAt + 24 h). */
  readonly completedAt?: InstantInput;
}

/** R4: retry a 409 Conflict after two minutes ("Applying changes"). */
export const RENEWAL_CONFLICT: ConflictAdvice = Object.freeze({ status: 409, retryAfterMs: 2 * 60_000 });
/** R4: read-only while a renewal is queued or running. */
export const RENEWAL_READ_ONLY = /* @__PURE__ */ Object.freeze([
  'autoRenew',
  'scheduledNextTermInstructions',
  'suspend',
  'reactivate',
] as const);
/** R4: may be attempted, may fail with 409. */
export const RENEWAL_CONFLICT_PRONE = /* @__PURE__ */ Object.freeze([
  'quantity',
  'partnerOfRecord',
  'friendlyName',
  'cancel',
] as const);

const EARLIEST: readonly Assumption[] = Object.freeze(['RENEWAL_COMPLETION_ASSUMED_EARLIEST']);
const LATEST: readonly Assumption[] = Object.freeze(['RENEWAL_COMPLETION_ASSUMED_LATEST']);

/**
 * R1–R5, T2: the renewal of the current term. It starts at 00:00 UTC of the day after the
 * term end date and completes within 24 h (R2); until completion auto-renew, scheduled
 * changes, suspend and reactivate are read-only and other writes may meet 409 Conflict —
 * retry after 2 minutes (R4). The next term applies the scheduled changes (S1, CO4). The
 * post-renewal windows run from the completion instant when `completedAt` is given, else from
 * the policy's `unknownRenewalCompletion` bound (R3), named in `assumptions`. What happens at the
 * term end is `endOfTermOutcome`'s, by the rules in force then: active subscriptions with
 * auto-renew on renew (R2) and trials convert (TR2); the partner's end-of-term choice (R6), an
 * Extended Service Term (R7, from 2026-05-04) or a cancellation at the term end (P8) don't renew;
 * nor does auto-renew off where no EST applies (R5).
 *
 * @throws {@link CspRulesError} for invalid input, or a `completedAt` outside the renewal day
 *
 * @example
 * ```ts
 * const s = renewalSchedule({ program: 'nce-license', term: 'P1Y', billing: 'monthly', quantity: 5,
 *   purchasedAt: '2022-03-02T10:00:00Z' }); // term end date 2023-03-01
 * toIso(s.startsAt!);    // '2023-03-02T00:00:00.000Z'
 * toIso(s.completesBy!); // '2023-03-03T00:00:00.000Z'
 * ```
 */
export function renewalSchedule(
  subscription: SubscriptionInput | Subscription,
  options: RenewalScheduleOptions = {},
): RenewalSchedule {
  const sub = toSubscription(subscription);
  const opts = toRecord(options, 'options');
  const policy = readPolicy(own(opts, 'policy') as RenewalScheduleOptions['policy']);
  const rawCompletedAt = own(opts, 'completedAt');
  const termEndsAt = endOfDay(sub.termEndDay);
  const end = endOfTermOf(sub, policy);
  if (end.outcome !== 'renew' && end.outcome !== 'convert') {
    return {
      outcome: end.outcome,
      rule: end.rule as NotRenewing['rule'],
      chosen: end.chosen,
      policyVersion: end.policyVersion,
      termEndsAt,
      startsAt: null,
      completesBy: null,
      completedAt: null,
      readOnlyWindow: null,
      nextTerm: null,
      cancellationWindow: null,
      seatReductionWindow: null,
    };
  }
  // R2: starts at 00:00Z of end date + 1 (= the term's exclusive end, T2), up to 24 h.
  const startsAt = termEndsAt;
  const latest = startsAt + DAY_MS;
  const completedAt = rawCompletedAt === undefined ? null : toInstant(rawCompletedAt, 'completedAt');
  if (completedAt !== null && (completedAt < startsAt || completedAt >= latest)) {
    throw new CspRulesError(
      'INCONSISTENT',
      'completedAt',
      'must lie on the renewal day [00:00Z, +24 h) (R2)',
      rawCompletedAt,
    );
  }
  const nextTerm = nextTermAt(sub, policy.renewalAnchor);
  const completesBy = completedAt ?? latest;
  const known = completedAt !== null;
  const windowStart = known ? completedAt : policy.unknownRenewalCompletion === 'earliest' ? startsAt : latest;
  const assumptions = known ? NONE : policy.unknownRenewalCompletion === 'earliest' ? EARLIEST : LATEST;
  const program = policy.programs[sub.program];
  return {
    outcome: end.outcome,
    rule: end.rule as Renewing['rule'],
    chosen: end.chosen,
    policyVersion: end.policyVersion,
    termEndsAt,
    startsAt,
    completesBy,
    completedAt,
    readOnlyWindow: {
      start: startsAt,
      end: completesBy,
      readOnly: RENEWAL_READ_ONLY,
      conflictProne: RENEWAL_CONFLICT_PRONE,
      conflict: RENEWAL_CONFLICT,
    },
    nextTerm,
    // C1/C8/C16 + R3: a window from the start of any term; C4/C5/C7/C13/C14 run from the purchase only.
    cancellationWindow:
      program.cancelFrom === 'term-start'
        ? {
            ...windowOfHours(windowStart, program.cancelWindowHours[nextTerm.billing]),
            rule: program.cancelRule[nextTerm.billing],
            assumptions,
          }
        : null,
    // Q2: the renewal is a seat batch with its own window.
    seatReductionWindow:
      program.seatReduction === 'batch-window'
        ? { ...windowOfHours(windowStart, program.seatWindowHours), rule: 'Q2', assumptions }
        : null,
  };
}

/**
 * T6: the day-of-month renewed terms return to. The purchase day, unless the current term
 * was aligned to another end date (CO4, CO5): then the day after that end date.
 *
 * @example
 * ```ts
 * renewalAnchorDay(sub); // 31 for a P1M bought on Jan 31 whose term ended Feb 27
 * ```
 */
export function renewalAnchorDay(subscription: SubscriptionInput | Subscription): number {
  const sub = toSubscription(subscription);
  const purchaseDay = civilFromDay(dayOf(sub.purchasedAt)).day;
  const next = civilFromDay(sub.termEndDay + 1);
  // The next start lands on the anniversary (clamped in a short month): keep the purchase day.
  return next.day === Math.min(purchaseDay, daysInMonth(next.year, next.month)) ? purchaseDay : next.day;
}

/**
 * S1, S4, CO4, T6, TR2: the next term with the scheduled changes applied. A trial converts with
 * term Annual and billing Monthly unless scheduled otherwise (TR2). Its days follow the policy's
 * `renewalAnchor` (T6).
 *
 * @throws {@link CspRulesError} for an invalid subscription or policy; `INCONSISTENT` when a
 *   scheduled custom end date lies outside the next term
 *
 * @example
 * ```ts
 * nextTerm(sub); // { startDay, endDay, term, billing, quantity, offerName, reassignment, shortened, anchorDayOfMonth }
 * nextTerm(sub, { policy: definePolicy({ renewalAnchor: 'clamped' }) }); // its days from the clamped anchor (T6)
 * ```
 */
export function nextTerm(subscription: SubscriptionInput | Subscription, options: NextTermOptions = {}): NextTerm {
  const sub = toSubscription(subscription);
  const { renewalAnchor } = readPolicy(own(toRecord(options, 'options'), 'policy'));
  return nextTermAt(sub, renewalAnchor);
}

/** Options of {@link nextTerm}. */
export interface NextTermOptions {
  /** A policy from `definePolicy` (its `renewalAnchor`, T6); the default otherwise. */
  readonly policy?: Policy | undefined;
}

/** {@link nextTerm} of a validated snapshot, with the renewal anchor to use. */
export function nextTermAt(sub: Subscription, renewalAnchor: RenewalAnchor): NextTerm {
  const plan = nextTermPlan(sub);
  const anchorDayOfMonth = sub.trial ? civilFromDay(sub.termEndDay + 1).day : renewalAnchorDay(sub);
  const full = renewedTermOf(sub.termEndDay, plan.term, anchorDayOfMonth, renewalAnchor);
  const custom: UtcDay | null = plan.customTermEndDay;
  if (custom !== null && (custom < full.startDay || custom > full.endDay)) {
    throw new CspRulesError(
      'INCONSISTENT',
      'scheduledChange.customTermEndDate',
      'must fall within the next term (CO2)',
      custom,
    );
  }
  return {
    startDay: full.startDay,
    endDay: custom ?? full.endDay,
    term: plan.term,
    billing: plan.billing,
    quantity: plan.quantity,
    offerName: plan.offerName,
    reassignment: plan.reassignment,
    shortened: custom !== null && custom < full.endDay,
    anchorDayOfMonth,
  };
}
