/**
 * csp-subscription-rules: offline, exact answers to Microsoft CSP subscription questions.
 * Every decision names its rule (the rule catalogue: https://github.com/csp-subscription-rules/csp-subscription-rules/blob/main/docs/catalogue.md),
 * a reason code and its deadline.
 *
 * This entry point holds the decisions on one subscription (cancellation, seats, refunds, plans,
 * upgrades, trials), the snapshot, the policy and the time model. The rest lives in its own entry
 * point so that a page importing `canCancel` never loads it:
 * - `csp-subscription-rules/lifecycle`: renewal timing, the subscription machine, scheduled
 *   changes, add-ons, the BSS cancellation request and coterminosity;
 * - `csp-subscription-rules/explain`: every action of one subscription at once;
 * - `csp-subscription-rules/partner-center`: the Partner Center adapter and `reconcile`;
 * - `csp-subscription-rules/display`: local-time display (date-fns-tz).
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
