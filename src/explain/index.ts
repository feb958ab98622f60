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
