/**
 * csp-subscription-rules/partner-center: reads Partner Center subscription resources into
 * snapshots (`fromPartnerCenter`, with notes on what was unknown, inferred or defaulted) and
 * compares a snapshot with the library's own record (`reconcile`).
 *
 * @packageDocumentation
 */
export { fromPartnerCenter, fromPartnerCenterList } from './fromPartnerCenter.js';
export type {
  FromPartnerCenterOptions,
  PartnerCenterSubscription,
  Note as PartnerCenterNote,
  NoteCode as PartnerCenterNoteCode,
} from './fromPartnerCenter.js';
export { readPartnerCenterList, readPartnerCenterRecord } from './readList.js';
export type { PartnerCenterRecord, SkipReason } from './readList.js';
export { explainPartnerCenter } from './explainReported.js';
export type { DeadlineSource, PartnerCenterExplanation, ReportedRefund, SourcedAction } from './explainReported.js';
export type { Reported, ReportedRefundOption } from './reported.js';
export { reconcile } from './reconcile.js';
export type { Difference, ReconcileOptions, ReconciledBatch } from './reconcile.js';

// The main entry's types that this entry's signatures use, re-exported as types only (the values
// stay in the main entry), so that a TypeScript user can name them from this entry point alone.
export type { Assumption } from '../core/decision.js';
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
export type { DateInput, Instant, InstantInput } from '../time/instant.js';
export type { UtcDay } from '../time/day.js';
export type { BillingFrequency, RenewalAnchor, Term } from '../time/term.js';

// The value lists the re-exported union types are derived from (each type is `(typeof LIST)[number]`).
export { ASSUMPTIONS } from '../core/decision.js';
export { RULE_IDS } from '../core/rules.js';
export { PROGRAMS } from '../policy/programs.js';
export { STATUSES } from '../snapshot/subscription.js';
export { TERMS, BILLING_FREQUENCIES, RENEWAL_ANCHORS } from '../time/term.js';

// explain's types that explainPartnerCenter's signature uses, and the error type of the list answers.
export type { Action, ActionExplanation, Outcome } from '../explain/actions.js';
export type { Deadline, DeadlineKind, TermTimeline } from '../explain/deadlines.js';
export type { AlertClass, Explanation, ExplainOptions } from '../explain/explain.js';
export type { AfterTermStage } from '../lifecycle/afterTerm.js';
export type { OpenBatch } from '../decisions/seats.js';
export type { Warning } from '../core/decision.js';
export type { CspRulesError, ErrorCode, PathKey } from '../core/errors.js';
export type { ChangeScope, RuleChange, RuleChangeKey } from '../policy/timeline.js';
export type { EndOfTerm, EndOfTermOutcome } from '../decisions/endOfTerm.js';
export type { EndOfTermAction } from '../snapshot/subscription.js';
export { RULE_CHANGES } from '../policy/timeline.js';
export { END_OF_TERM_OUTCOMES } from '../decisions/endOfTerm.js';
export { END_OF_TERM_ACTIONS } from '../snapshot/subscription.js';
export { ACTIONS } from '../explain/actions.js';
