/**
 * `csp-subscription-rules/explain`: every action of one subscription at once — what is possible
 * now, later, at renewal or never, until when and why — with an alert class for alert jobs.
 *
 * @packageDocumentation
 */
export { explain, nextDeadlines } from './explain.js';
export { ACTIONS } from './actions.js';
export type { Action, ActionExplanation, Outcome } from './actions.js';
export type { Deadline, DeadlineKind, TermTimeline } from './deadlines.js';
export type { AlertClass, Explanation, ExplainOptions } from './explain.js';

// The main entry's types that this entry's signatures use, re-exported as types only (the values
// stay in the main entry), so that a TypeScript user can name them from this entry point alone.
export type { Assumption, Warning } from '../core/decision.js';
export type { AfterTermStage } from '../lifecycle/afterTerm.js';
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
export type { OpenBatch } from '../decisions/seats.js';
export type { DateInput, Instant, InstantInput } from '../time/instant.js';
export type { UtcDay } from '../time/day.js';
export type { BillingFrequency, RenewalAnchor, Term } from '../time/term.js';

// The value lists the re-exported union types are derived from (each type is `(typeof LIST)[number]`).
export { ASSUMPTIONS } from '../core/decision.js';
export { RULE_IDS } from '../core/rules.js';
export { PROGRAMS } from '../policy/programs.js';
export { STATUSES } from '../snapshot/subscription.js';
export { TERMS, BILLING_FREQUENCIES, RENEWAL_ANCHORS } from '../time/term.js';

// Types of the rules' timeline and the end of the term that this entry's signatures use (types only).
export type { ChangeScope, RuleChange, RuleChangeKey } from '../policy/timeline.js';
export type { EndOfTerm, EndOfTermOutcome } from '../decisions/endOfTerm.js';
export type { EndOfTermAction } from '../snapshot/subscription.js';
export { RULE_CHANGES } from '../policy/timeline.js';
export { END_OF_TERM_OUTCOMES } from '../decisions/endOfTerm.js';
export { END_OF_TERM_ACTIONS } from '../snapshot/subscription.js';
