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
 * - `csp-subscription-rules/display`: local-time display (the platform's `Intl`, no dependency).
 *
 * @packageDocumentation
 */
export { canCancel } from './decisions/cancel.js';
export type { CancelDecision, CancelEffect, CancelFacts, CancelOptions, CancelReason } from './decisions/cancel.js';
export { reducibleSeats, planSeatReduction } from './decisions/seats.js';
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
} from './decisions/seats.js';
export { canIncreaseSeats } from './decisions/seatIncrease.js';
export type { SeatIncreaseReason } from './decisions/seatIncrease.js';
export { proratedRefund } from './decisions/refund.js';
export type { Refund, RefundInput } from './decisions/refund.js';
export { multiGeoMinimum } from './decisions/multiGeo.js';
export { checkUpdateLimit, UPDATE_LIMIT } from './decisions/updateLimit.js';
export type { UpdateLimitOptions, UpdateLimitReason } from './decisions/updateLimit.js';
export {
  checkOfferAvailability,
  canSellSubscriptions,
  checkResellerDeclaration,
  MAX_OTHER_RESELLERS,
} from './decisions/offers.js';
export type {
  DeclaredReseller,
  OfferAvailabilityReason,
  OfferFacts,
  PartnerModel,
  PartnerModelReason,
  ResellerDeclarationFacts,
  ResellerDeclarationReason,
} from './decisions/offers.js';

export { toSubscription, STATUSES, END_OF_TERM_ACTIONS } from './snapshot/subscription.js';
export { toInput, withChanges } from './snapshot/changes.js';
export type {
  EndOfTermAction,
  ScheduledChange,
  ScheduledChangeInput,
  SeatBatch,
  SeatBatchInput,
  Status,
  Subscription,
  SubscriptionInput,
} from './snapshot/subscription.js';
export { DEFAULT_POLICY, definePolicy } from './policy/policy.js';
export { RULE_CHANGES, RULE_CHANGE_TIMELINE, BASELINE_VERSION } from './policy/timeline.js';
export { MICROSOFT_TIMELINE } from './policy/timelineSources.js';
export type { ChangeScope, DocumentedRuleChange, RuleChange, RuleChangeKey, RuleSource } from './policy/timeline.js';
export type { Policy, PolicyOverrides, ProgramOverrides } from './policy/policy.js';
export { PROGRAMS } from './policy/programs.js';
export {
  TRIAL_SEATS,
  TRIAL_DAYS,
  TRIAL_AUTO_RENEW_DEFAULT,
  TRIAL_DEFAULT_TERM,
  TRIAL_DEFAULT_BILLING,
} from './policy/trials.js';
export type { Program, ProgramPolicy, RefundMode, SeatIncrease, SeatReduction, WindowFrom } from './policy/programs.js';
export { ASSUMPTIONS } from './core/decision.js';
export type { Allowed, Assumption, Decision, DecisionBase, Refused, Warning } from './core/decision.js';
export { CspRulesError } from './core/errors.js';
export type { ErrorCode, PathKey } from './core/errors.js';
export { RULE_IDS } from './core/rules.js';
export type { RuleId } from './core/rules.js';

// Time: the types a decision's input and answer use; the helpers are in `csp-subscription-rules/time`.
export type { DateInput, Instant, InstantInput } from './time/instant.js';
export type { UtcDay } from './time/day.js';
export type { Window } from './time/window.js';
export { TERMS, BILLING_FREQUENCIES, RENEWAL_ANCHORS } from './time/term.js';
export type { BillingFrequency, RenewalAnchor, Term, TermDates } from './time/term.js';

// Plans, upgrades and trials (B1–B5, U1–U9, S2, S5, C10, TR1–TR9).
export { eligibleBillingFrequencyChanges, BILLING_FREQUENCY_CHANGES } from './decisions/billingChanges.js';
export type {
  BillingChangeOptions,
  BillingChangeReason,
  BillingChangeRow,
  PlanBlockReason,
  PlanChanges,
  PlanEffect,
  PlanOption,
  PlanTarget,
} from './decisions/billingChanges.js';
export { eligibleTermChanges, TERM_CHANGES, DEFAULT_OFFERED_TERMS } from './decisions/termChanges.js';
export type { TermChangeOptions, TermChangeReason, TermChangeRow } from './decisions/termChanges.js';
export {
  upgradeMatrix,
  checkUpgradePath,
  offerKey,
  UNSUPPORTED_UPGRADES,
  DUPLICATE_LICENSE_NOTE,
} from './decisions/upgradePaths.js';
export type {
  DuplicateLicenseNote,
  UnsupportedUpgradeRow,
  UpgradeCatalog,
  UpgradeMatrix,
  UpgradePath,
  UpgradePathDecision,
  UpgradePathFacts,
  UpgradePathReason,
} from './decisions/upgradePaths.js';
export { canUpgrade, UPGRADE_WHENS } from './decisions/upgrade.js';
export type {
  DestinationTermPolicy,
  UpgradeApiCode,
  UpgradeDecision,
  UpgradeFacts,
  UpgradeKind,
  UpgradeOptions,
  UpgradeReason,
  UpgradeWhen,
} from './decisions/upgrade.js';
export { planTwoToOne } from './decisions/twoToOne.js';
export type { TwoToOneOptions, TwoToOnePlan, TwoToOneReason, TwoToOneStep } from './decisions/twoToOne.js';
export { canConvertTrial, saasFreeTrial, TRIAL_TARGETS, TRIAL_MODES } from './decisions/trial.js';
export type {
  SaasFreeTrial,
  TrialConversion,
  TrialConversionFacts,
  TrialConversionOptions,
  TrialConversionReason,
  TrialMode,
  TrialTarget,
} from './decisions/trial.js';

// What happens at the term end, and the end-of-term choice (R5, R6, R7, P8, TR2).
export { endOfTermOutcome, canSetEndOfTermAction, END_OF_TERM_OUTCOMES } from './decisions/endOfTerm.js';
export type {
  EndOfTerm,
  EndOfTermChoiceOptions,
  EndOfTermChoiceReason,
  EndOfTermOptions,
  EndOfTermOutcome,
} from './decisions/endOfTerm.js';
