/**
 * csp-subscription-rules/lifecycle: what happens to a subscription over time — renewal timing,
 * the pure subscription machine (`transition`), the stages after the term end, scheduled
 * changes, add-ons, the BSS cancellation request and coterminosity
 * (R1–R5, P1–P7, S1–S5, A1, A2, W1–W4, CO1–CO5). Snapshots and errors are those of the main
 * entry point: the two share one copy of the code.
 *
 * @packageDocumentation
 */
export {
  renewalSchedule,
  renewalAnchorDay,
  nextTerm,
  RENEWAL_CONFLICT,
  RENEWAL_READ_ONLY,
  RENEWAL_CONFLICT_PRONE,
} from './renewal.js';
export type {
  ConflictAdvice,
  ConflictProneAction,
  NextTerm,
  NextTermOptions,
  NotRenewing,
  PostRenewalWindow,
  ReadOnlyProperty,
  ReadOnlyWindow,
  RenewalOutcome,
  RenewalSchedule,
  RenewalScheduleOptions,
  Renewing,
} from './renewal.js';
export { transition, LIFECYCLE_EVENTS } from './machine/transition.js';
export type {
  Effect,
  EffectType,
  LifecycleEvent,
  LifecycleEventType,
  LifecycleReason,
  LifecycleState,
  Phase,
  Rejected,
  TransitionOptions,
  TransitionResult,
  Transitioned,
  WithEligibility,
} from './machine/events.js';
export {
  afterTermStages,
  afterTermStageAt,
  STATUS_FACTS,
  EXPIRED_DAYS,
  CANCELLED_AT_TERM_END_DAYS,
  DISABLED_DAYS,
  SUSPENDED_DISABLED_DAYS,
  CANCELLED_BACKUP_DAYS,
} from './afterTerm.js';
export type {
  Access,
  AfterTermOptions,
  AfterTermStage,
  AfterTermStageOptions,
  StatusFacts,
  SuspendedAtTermEnd,
} from './afterTerm.js';
export {
  canScheduleChange,
  deletesScheduledChanges,
  SCHEDULABLE_CHANGES,
  DELETES_SCHEDULED_CHANGES,
  SCHEDULED_CHANGE_DELETIONS,
} from './scheduledChanges.js';
export type {
  MidtermChange,
  Reassignment,
  SchedulableChange,
  ScheduledChangeDeletion,
  ScheduleOptions,
  ScheduleReason,
} from './scheduledChanges.js';
export { canBuyAddOn, alignedAddOnTerm, suspendAddOns, isAddOnOf, commerceOf, COMMERCES } from './addons.js';
export type { AddOnOptions, AddOnReason, AlignedAddOnTerm, Commerce, SuspendedAddOns } from './addons.js';
export { bssCancellation, canShowCancelAction, requestRibbon, BSS_REJECTION_MESSAGE } from './bssCancellation.js';
export type {
  BssEvent,
  BssOptions,
  BssReason,
  BssRequestState,
  BssResult,
  CancelActionDecision,
} from './bssCancellation.js';
export {
  canAlign,
  checkEndDay,
  calendarMonthEnd,
  alignedTerms,
  eligibleAlignments,
  eligiblePurchaseAlignments,
  checkCustomEndDate,
} from './coterm.js';
export type { AlignedTerms, AlignmentOption, AlignmentOptions, AlignmentOptionsInput, CotermReason } from './coterm.js';

// The main entry's types that this entry's signatures use, re-exported as types only (the values
// stay in the main entry), so that a TypeScript user can name them from this entry point alone.
export type { Allowed, Assumption, Decision, DecisionBase, Refused, Warning } from '../core/decision.js';
export type { RuleId } from '../core/rules.js';
export type { Policy } from '../policy/policy.js';
export type {
  Program,
  ProgramPolicy,
  RefundMode,
  SeatIncrease,
  SeatReduction,
  WindowFrom,
} from '../policy/programs.js';
export type {
  ScheduledChange,
  ScheduledChangeInput,
  SeatBatch,
  SeatBatchInput,
  Status,
  Subscription,
  SubscriptionInput,
} from '../snapshot/subscription.js';
export type { CancelReason } from '../decisions/cancel.js';
export type { UpgradeCatalog, UpgradePath } from '../decisions/upgradePaths.js';
export type { DateInput, Instant, InstantInput } from '../time/instant.js';
export type { UtcDay } from '../time/day.js';
export type { BillingFrequency, RenewalAnchor, Term, TermDates } from '../time/term.js';
export type { Window } from '../time/window.js';

// The value lists the re-exported union types are derived from (each type is `(typeof LIST)[number]`).
export { ASSUMPTIONS } from '../core/decision.js';
export { RULE_IDS } from '../core/rules.js';
export { PROGRAMS } from '../policy/programs.js';
export { STATUSES } from '../snapshot/subscription.js';
export { TERMS, BILLING_FREQUENCIES, RENEWAL_ANCHORS } from '../time/term.js';

// Types of the rules' timeline and the end of the term that this entry's signatures use (types only).
export type { ChangeScope, RuleChange, RuleChangeKey } from '../policy/timeline.js';
export type { EndOfTermOutcome } from '../decisions/endOfTerm.js';
export type { EndOfTermAction } from '../snapshot/subscription.js';
export { RULE_CHANGES } from '../policy/timeline.js';
export { END_OF_TERM_OUTCOMES } from '../decisions/endOfTerm.js';
export { END_OF_TERM_ACTIONS } from '../snapshot/subscription.js';
