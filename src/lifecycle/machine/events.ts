/**
 * The lifecycle machine's vocabulary, types only: the machine state, the events it accepts,
 * the effects a transition causes, its reasons and its result.
 */
import type { Access } from '../afterTerm.js';
import type { Assumption, Decision, Refused, Warning } from '../../core/decision.js';
import type { Policy } from '../../policy/policy.js';
import type { RefundMode } from '../../policy/programs.js';
import type { RuleId } from '../../core/rules.js';
import type {
  EndOfTermAction,
  ScheduledChange,
  ScheduledChangeInput,
  Status,
  Subscription,
  SubscriptionInput,
} from '../../snapshot/subscription.js';
import type { UtcDay } from '../../time/day.js';
import type { Instant, InstantInput } from '../../time/instant.js';
import type { BillingFrequency, Term } from '../../time/term.js';
import type { UpgradeCatalog } from '../../decisions/upgradePaths.js';

/**
 * R4: where a subscription stands relative to its renewal. `renewing` from 00:00 UTC of the
 * day after the term end date until the renewal is recorded complete.
 */
export type Phase = 'in-term' | 'renewing';

/**
 * The machine state: a snapshot plus its renewal phase. A bare snapshot is read as `in-term`,
 * or `renewing` when `now` lies in [00:00Z of the term end date + 1, + 24 h) and it renews (R2, R4).
 */
export interface LifecycleState {
  /** The subscription's snapshot. */
  readonly subscription: Subscription;
  /** Where it stands relative to its renewal (R4). */
  readonly phase: Phase;
}

/**
 * Optional decision of an eligibility check made elsewhere (e.g. `canUpgrade`, the term and
 * billing tables, `canConvertTrial`). When given, it replaces the machine's own call of that
 * check: a refusal refuses the transition with it unchanged; an allowance is taken as is.
 */
export interface WithEligibility {
  /** The decision to use instead of the machine's own check; a refusal refuses the event. */
  readonly eligibility?: Decision<string>;
}

/** The events the machine accepts. */
export type LifecycleEvent =
  /** C1–C16, C3: cancel the whole subscription (C2). */
  | { readonly type: 'cancel' }
  /** P1, P2, P5, P6: suspend (customer access blocked, auto-renew off, add-ons suspended). */
  | { readonly type: 'suspend' }
  /** P3: reactivate a suspended subscription before its term ends. */
  | { readonly type: 'reactivate' }
  /** R1, R5, S3: turn auto-renew on or off. */
  | { readonly type: 'setAutoRenew'; readonly autoRenew: boolean }
  /** Q1–Q3, Q7, Q10: set the seat count now. */
  | { readonly type: 'changeQuantity'; readonly quantity: number }
  /** S1, S2: save a change for the next term ("Manage renewal"), replacing any saved one. */
  | { readonly type: 'scheduleChange'; readonly change: ScheduledChangeInput }
  /** S1: remove the saved change. */
  | { readonly type: 'clearScheduledChanges' }
  /**
   * U1–U4, U9, S5, C10: immediate (midterm) upgrade of `quantity` seats to `offerName`, decided by
   * `canUpgrade` unless `eligibility` is given. A scheduled upgrade is `scheduleChange` with an `offerName` (U8, S1).
   */
  | ({
      readonly type: 'upgrade';
      readonly quantity: number;
      /** The SKU to upgrade to (U2). Required unless `eligibility` is given (then default: the current offer). */
      readonly offerName?: string;
      /** U2: the offer matrix's conversions (ProductSkuConversion). Without it only the deny list applies. */
      readonly catalog?: UpgradeCatalog;
      /** Partial upgrade: the new subscription's term and billing (default the source's). */
      readonly term?: Term;
      /** Partial upgrade: the new subscription's billing frequency (default the source's). */
      readonly billing?: BillingFrequency;
      /** Partial upgrade: the id of the subscription it creates, when known. */
      readonly newSubscriptionId?: string;
    } & WithEligibility)
  /**
   * B1–B5: a longer term now (B3, `eligibleTermChanges`), or a billing frequency for the next
   * cycle (B2, `eligibleBillingFrequencyChanges`), unless `eligibility` is given.
   */
  | ({
      readonly type: 'changeTermOrBilling';
      readonly term: Term;
      readonly billing: BillingFrequency;
      /** B1: the terms the catalog offers for the product (default Monthly and Annual: Triennial only when listed). */
      readonly offeredTerms?: readonly Term[];
    } & WithEligibility)
  /** TR2–TR4, TR6, TR9: convert a trial to paid now (term Annual, billing Monthly, 25 seats by default), decided by `canConvertTrial`. */
  | ({
      readonly type: 'convertTrial';
      readonly term?: Term;
      readonly billing?: BillingFrequency;
      readonly quantity?: number;
    } & WithEligibility)
  /**
   * R6: set the end-of-term outcome (Partner Center's `scheduledActions`, from 2026-02-16): renew,
   * move to an Extended Service Term, or cancel at the term end. Auto-renew follows it.
   */
  | { readonly type: 'setEndOfTermAction'; readonly action: EndOfTermAction }
  /** R2: the renewal was queued (from 00:00 UTC of the term end date + 1). */
  | { readonly type: 'renewalStarted' }
  /** R2, R3: the renewal completed, at `completedAt` (default `now`; unknown when `now` is past the 24 h bound). */
  | { readonly type: 'renewalCompleted'; readonly completedAt?: InstantInput }
  /** R5, R7, P4, P7, P8: the term ended without renewal (into an Extended Service Term, or the after-term stages). */
  | { readonly type: 'termEnded' }
  /** P7: a stage after the term ran its length (expired → disabled → deleted). */
  | { readonly type: 'stageElapsed' };

/** The event names. */
export type LifecycleEventType = LifecycleEvent['type'];

/** What a transition caused. Every effect names its rule. */
export type Effect =
  | { readonly type: 'STATUS_CHANGED'; readonly rule: RuleId; readonly from: Status; readonly to: Status }
  | { readonly type: 'ACCESS_BLOCKED'; readonly rule: RuleId; readonly access: Access }
  | { readonly type: 'ACCESS_RESTORED'; readonly rule: RuleId }
  | { readonly type: 'AUTO_RENEW_TURNED_OFF'; readonly rule: RuleId }
  | { readonly type: 'AUTO_RENEW_TURNED_ON'; readonly rule: RuleId }
  | { readonly type: 'SCHEDULED_CHANGES_DELETED'; readonly rule: RuleId; readonly change: ScheduledChange }
  | {
      readonly type: 'SCHEDULED_CHANGE_SAVED';
      readonly rule: RuleId;
      readonly change: ScheduledChange;
      readonly replaced: boolean;
    }
  | { readonly type: 'SCHEDULED_CHANGES_APPLIED'; readonly rule: RuleId; readonly change: ScheduledChange }
  | { readonly type: 'ADD_ONS_SUSPENDED'; readonly rule: 'P5'; readonly ids: readonly string[] }
  | { readonly type: 'SUBSCRIPTION_CREATED'; readonly rule: 'U4'; readonly subscription: Subscription }
  | {
      readonly type: 'QUANTITY_CHANGED';
      readonly rule: RuleId;
      readonly from: number;
      readonly to: number;
      readonly refund: 'prorated' | 'none';
    }
  | {
      readonly type: 'UPGRADED';
      readonly rule: RuleId;
      readonly mode: 'full' | 'partial';
      readonly quantity: number;
      readonly offerName: string | null;
    }
  | { readonly type: 'TERM_CHANGED'; readonly rule: 'B3'; readonly term: Term; readonly billing: BillingFrequency }
  | { readonly type: 'BILLING_CHANGE_PENDING'; readonly rule: 'B2'; readonly billing: BillingFrequency }
  | {
      readonly type: 'TRIAL_CONVERTED';
      readonly rule: RuleId;
      readonly term: Term;
      readonly billing: BillingFrequency;
      readonly quantity: number;
    }
  | { readonly type: 'CANCELLED'; readonly rule: RuleId; readonly refund: RefundMode }
  | { readonly type: 'CANCELLATION_SCHEDULED'; readonly rule: RuleId; readonly at: Instant }
  | { readonly type: 'RENEWAL_STARTED'; readonly rule: 'R2'; readonly completesBy: Instant }
  | {
      readonly type: 'RENEWED';
      readonly rule: RuleId;
      readonly startDay: UtcDay;
      readonly endDay: UtcDay;
      readonly completedAt: Instant | null;
    }
  | { readonly type: 'BILLING_STOPPED'; readonly rule: RuleId }
  | { readonly type: 'END_OF_TERM_ACTION_SET'; readonly rule: 'R6'; readonly action: EndOfTermAction }
  | {
      readonly type: 'EXTENDED_SERVICE_TERM_STARTED';
      readonly rule: RuleId;
      readonly startDay: UtcDay;
      readonly endDay: UtcDay;
    }
  | { readonly type: 'DATA_DELETION_SCHEDULED'; readonly rule: 'P7'; readonly at: Instant }
  | { readonly type: 'DATA_DELETED'; readonly rule: RuleId; readonly at: Instant };

/** The effect names. */
export type EffectType = Effect['type'];

/** Why the machine refused an event (its own checks; an `eligibility` refusal passes through as is). */
export type LifecycleReason =
  /** C3, P7: cancelled or deleted — nothing more happens. */
  | 'TERMINATED'
  /** T4: `now` precedes the purchase — nothing can happen to the subscription yet (`opensAt`: the purchase). */
  | 'BEFORE_PURCHASE'
  /** The status doesn't allow the event (P1, P3, Q10, U1, S2, R5 …). */
  | 'NOT_ACTIVE'
  /** TR8, C9: a trial's status and quantity can't change. */
  | 'TRIAL_STATUS_LOCKED'
  /** Only for trials (convertTrial). */
  | 'NOT_A_TRIAL'
  /** P3: only a suspended subscription can be reactivated. */
  | 'NOT_SUSPENDED'
  /** B1: the billing frequency is longer than the term — not a plan. */
  | 'NOT_A_PLAN'
  /** R4, P6: read-only while a renewal is queued or running. */
  | 'RENEWAL_READ_ONLY'
  /** S2: auto-renew is off. */
  | 'AUTO_RENEW_OFF'
  /** The term is over; record `termEnded` or the renewal first (R2, R5, P4, TR2). */
  | 'TERM_ENDED'
  /** TR8: a trial's term and billing are chosen when it converts. */
  | 'TRIAL_PLAN_LOCKED'
  /** Q7: a trial's quantity can't change. */
  | 'TRIAL_QUANTITY_LOCKED'
  /** U1: a trial is converted (TR3), not upgraded. */
  | 'TRIAL_USE_CONVERSION'
  /** renewalStarted/renewalCompleted/termEnded before the term end (R2, P7). */
  | 'TERM_NOT_ENDED'
  /** R6, R7: it does not renew at its term end (an Extended Service Term continues, or the partner chose another outcome). */
  | 'DOES_NOT_RENEW'
  /** R5: it renews; record renewalStarted/renewalCompleted, not termEnded. */
  | 'RENEWS'
  /** R2: a renewal is already running. */
  | 'ALREADY_RENEWING'
  /** P7: the current after-term stage has not run its length. */
  | 'STAGE_NOT_ELAPSED'
  /** C2: quantity 0 is a cancellation. */
  | 'USE_CANCEL'
  /** U3/U4: more seats than the subscription has. */
  | 'QUANTITY_ABOVE_CURRENT'
  /** Nothing would change. */
  | 'NO_CHANGE'
  /** A1: the add-on's base subscription is not active (traditional commerce). */
  | 'BASE_NOT_ACTIVE'
  /**
   * Reasons of the reused decisions pass through: canCancel, reducibleSeats, canIncreaseSeats,
   * canUpgrade (U1, U2, U5 …), eligibleTermChanges (`TERM_NOT_LONGER`, `TERM_NOT_OFFERED` …),
   * eligibleBillingFrequencyChanges (`UPFRONT_NOT_ALLOWED_MIDTERM`, `CYCLE_CHARGE_IN_PROGRESS` …),
   * canConvertTrial (`BELOW_TRIAL_MINIMUM`, `FREE_TRIAL_NOT_WAIVABLE` …).
   */
  | (string & {});

/** Options of `transition`. */
export interface TransitionOptions {
  /** The instant the event happens (T4). */
  readonly now: InstantInput;
  /** The policy to apply (default: `DEFAULT_POLICY`). */
  readonly policy?: Policy | undefined;
  /** P5: the subscription's add-ons (those whose `parentSubscriptionId` is its id are affected). */
  readonly addOns?: readonly (SubscriptionInput | Subscription)[];
  /** A1: for an add-on, its base subscription. */
  readonly base?: SubscriptionInput | Subscription;
}

/** An accepted event. */
export interface Transitioned {
  /** Always `true`: the event was accepted. */
  readonly ok: true;
  /** The subscription's snapshot after the event. */
  readonly next: Subscription;
  /** Where the next snapshot stands relative to its renewal (R4). */
  readonly phase: Phase;
  /** `{ subscription: next, phase }`, to feed the next transition. */
  readonly state: LifecycleState;
  /** What the event caused, in order, each naming its rule. */
  readonly effects: readonly Effect[];
  /** E.g. `RENEWAL_IN_PROGRESS` (R4: the call may meet 409 Conflict, retry after 2 minutes). */
  readonly warnings: readonly Warning[];
  /** Facts the machine had to assume, e.g. `SEAT_BATCHES_ASSUMED` (empty when none). */
  readonly assumptions: readonly Assumption[];
  /** The version of the rules the event was decided by (see the policy's timeline). */
  readonly policyVersion: string;
  /** U4: subscriptions the event created. */
  readonly created?: readonly Subscription[];
  /** P5: the next snapshots of the add-ons the event changed. */
  readonly addOns?: readonly Subscription[];
}

/** A refused event: nothing changed. */
export interface Rejected {
  /** Always `false`: the event was refused. */
  readonly ok: false;
  /** Why, with the rule and, where known, when it next becomes possible. */
  readonly refusal: Refused<LifecycleReason>;
}

/** The answer of `transition`. */
export type TransitionResult = Transitioned | Rejected;
