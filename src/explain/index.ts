/**
 * `csp-subscription-rules/explain`: every action of one subscription at once — what is possible
 * now, later, at renewal or never, until when and why — with an alert class for alert jobs.
 *
 * @packageDocumentation
 */
export { explain, ACTIONS } from './explain.js';
export type {
  Action,
  ActionExplanation,
  AlertClass,
  Explanation,
  ExplainOptions,
  Outcome,
  TermTimeline,
} from './explain.js';
