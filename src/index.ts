/**
 * csp-subscription-rules: offline, exact answers to Microsoft CSP subscription questions.
 * Every decision names its rule (../shared/spec/rules.md), a reason code and its deadline.
 *
 * @packageDocumentation
 */
export { canCancel } from './cancel.js';
export type { CancelDecision, CancelEffect, CancelFacts, CancelOptions, CancelReason } from './cancel.js';
export { reducibleSeats, planSeatReduction } from './seats.js';
export type {
  OpenBatch,
  ReducibleFacts,
  ReducibleSeats,
  SeatOptions,
  SeatPlan,
  SeatPlanFacts,
  SeatPlanOptions,
  SeatPlanReason,
  SeatReductionReason,
} from './seats.js';
export { canIncreaseSeats } from './seatIncrease.js';
export type { SeatIncreaseReason } from './seatIncrease.js';
export { proratedRefund } from './refund.js';
export type { Refund, RefundInput } from './refund.js';
export { multiGeoMinimum } from './multiGeo.js';
export { updateLimit, UPDATE_LIMIT } from './updateLimit.js';
export type { UpdateLimitReason } from './updateLimit.js';
export { offerAvailability, canSellSubscriptions, resellerDeclaration, MAX_OTHER_RESELLERS } from './offers.js';
export type {
  DeclaredReseller,
  OfferAvailabilityReason,
  OfferFacts,
  PartnerModel,
  PartnerModelReason,
  ResellerDeclarationFacts,
  ResellerDeclarationReason,
} from './offers.js';

export { toSubscription, STATUSES } from './subscription.js';
export { toInput, withChanges } from './snapshotChanges.js';
export type { ScheduledChange, ScheduledChangeInput, SeatBatch, SeatBatchInput, Status, Subscription, SubscriptionInput } from './subscription.js';
export { DEFAULT_POLICY, definePolicy } from './policy/policy.js';
export type { Policy, PolicyOverrides, ProgramOverrides } from './policy/policy.js';
export { DEFAULT_PROGRAMS, PROGRAMS } from './policy/programs.js';
export type { Program, ProgramPolicy, RefundMode, SeatIncrease, SeatReduction, WindowFrom } from './policy/programs.js';
export type { Allowed, Assumption, Decision, Refused, Warning } from './decision.js';
export { CspRulesError } from './errors.js';
export type { ErrorCode } from './errors.js';
export { RULE_IDS } from './rules.js';
export type { RuleId } from './rules.js';

// Time: the raw day arithmetic (dayOf, startOfDay, endOfDay, civil conversions, windows,
// addMonthsClamped, billingMonths) is internal; what is exported checks its arguments.
export { toInstant, toUtcDay, toIso } from './time/instant.js';
export type { DateInput, Instant, InstantInput } from './time/instant.js';
export { formatDay, DAY_MS, HOUR_MS } from './time/day.js';
export type { UtcDay } from './time/day.js';
export type { Window } from './time/window.js';
export { termEndDay, renewedTerm, chargeCycleStart, TERMS, BILLING_FREQUENCIES, TERM_MONTHS } from './time/term.js';
export type { BillingFrequency, RenewalAnchor, Term, TermDates } from './time/term.js';

// Plans, upgrades and trials (B1–B5, U1–U9, S2, S5, C10, TR1–TR9).
export { eligibleBillingFrequencyChanges, BILLING_FREQUENCY_CHANGES } from './billingChanges.js';
export type { BillingChangeOptions, BillingChangeReason, BillingChangeRow, PlanBlockReason, PlanChanges, PlanEffect, PlanOption, PlanTarget } from './billingChanges.js';
export { eligibleTermChanges, TERM_CHANGES, DEFAULT_OFFERED_TERMS } from './termChanges.js';
export type { TermChangeOptions, TermChangeReason, TermChangeRow } from './termChanges.js';
export { upgradeMatrix, checkUpgradePath, offerKey, UNSUPPORTED_UPGRADES, DUPLICATE_LICENSE_NOTE } from './upgradePaths.js';
export type { DuplicateLicenseNote, UnsupportedUpgradeRow, UpgradeCatalog, UpgradeMatrix, UpgradePath, UpgradePathDecision, UpgradePathFacts, UpgradePathReason } from './upgradePaths.js';
export { canUpgrade } from './upgrade.js';
export type { DestinationTermPolicy, UpgradeApiCode, UpgradeDecision, UpgradeFacts, UpgradeKind, UpgradeOptions, UpgradeReason, UpgradeWhen } from './upgrade.js';
export { planTwoToOne } from './twoToOne.js';
export type { TwoToOneOptions, TwoToOnePlan, TwoToOneReason, TwoToOneStep } from './twoToOne.js';
export { trialConversion, trialLocked, saasFreeTrial, TRIAL_SEATS, TRIAL_DAYS, TRIAL_AUTO_RENEW_DEFAULT, TRIAL_DEFAULT_TERM, TRIAL_DEFAULT_BILLING } from './trial.js';
export type { SaasFreeTrial, TrialConversion, TrialConversionFacts, TrialConversionOptions, TrialConversionReason, TrialLockReason, TrialLockedChange, TrialMode, TrialTarget } from './trial.js';

// Partner Center adapter and reconciliation.
export { fromPartnerCenter, fromPartnerCenterList, prefixError } from './adapters/partnerCenter.js';
export type { FromPartnerCenterOptions, PartnerCenterSubscription, Note as PartnerCenterNote, NoteCode as PartnerCenterNoteCode } from './adapters/partnerCenter.js';
export { reconcile } from './reconcile.js';
export type { Difference, ReconcileOptions, ReconciledBatch } from './reconcile.js';

// explain(): every action as now / at renewal / never.
export { explain, ACTIONS } from './explain.js';
export type { Action, ActionExplanation, AlertClass, ExplainOptions, Explanation, Outcome, TermTimeline } from './explain.js';

// Lifecycle: renewal timing, the subscription machine, scheduled changes, add-ons, the BSS
// cancellation request and coterminosity (R1–R5, P1–P7, S1–S5, A1, A2, W1–W4, CO1–CO5).
export { renewalSchedule, renewalAnchorDay, nextTermOf, RENEWAL_CONFLICT, RENEWAL_READ_ONLY, RENEWAL_CONFLICT_PRONE } from './renewal.js';
export type { ConflictAdvice, ConflictProneAction, NextTerm, NotRenewing, PostRenewalWindow, ReadOnlyProperty, ReadOnlyWindow, RenewalOutcome, RenewalSchedule, RenewalScheduleOptions, Renewing } from './renewal.js';
export { transition, LIFECYCLE_EVENTS } from './lifecycle/transition.js';
export type { Access, Effect, EffectType, LifecycleEvent, LifecycleEventType, LifecyclePolicyOptions, LifecycleReason, LifecycleState, Phase, Rejected, TransitionOptions, TransitionResult, Transitioned, WithEligibility } from './lifecycle/events.js';
export { afterTermStages, afterTermStageAt, STATUS_FACTS, EXPIRED_DAYS, DISABLED_DAYS, SUSPENDED_DISABLED_DAYS, CANCELLED_BACKUP_DAYS } from './lifecycle/afterTerm.js';
export type { AfterTermStage, StatusFacts, SuspendedAtTermEnd } from './lifecycle/afterTerm.js';
export { canScheduleChange, deletesScheduledChanges, nextTermPlan, SCHEDULABLE_CHANGES, DELETES_SCHEDULED_CHANGES } from './lifecycle/scheduledChanges.js';
export type { MidtermChange, NextTermPlan, Reassignment, SchedulableChange, ScheduledChangeDeletion, ScheduleReason } from './lifecycle/scheduledChanges.js';
export { canBuyAddOn, alignedAddOnTerm, suspendAddOns, isAddOnOf, commerceOf } from './addons.js';
export type { AddOnOptions, AddOnReason, AlignedAddOnTerm, Commerce, SuspendedAddOns } from './addons.js';
export { bssCancellation, cancelActionShown, requestRibbon, BSS_REJECTION_MESSAGE } from './bssCancellation.js';
export type { BssEvent, BssOptions, BssReason, BssRequestState, BssResult, CancelActionDecision } from './bssCancellation.js';
export { canAlign, checkEndDay, calendarMonthEnd, alignedTerms, alignmentOptions, purchaseAlignmentOptions, customEndDateDecision } from './coterm.js';
export type { AlignedTerms, AlignmentOption, AlignmentOptions, AlignmentOptionsInput, CotermReason } from './coterm.js';
