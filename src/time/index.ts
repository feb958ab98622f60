/**
 * `csp-subscription-rules/time`: the time model's helpers and constants (T1–T6) — reading an
 * instant or a UTC day, writing one, term end dates with month-end clamping, renewed terms and
 * charge cycles. Every function checks its arguments and throws `CspRulesError` on bad input.
 *
 * @packageDocumentation
 */
export { toInstant, toUtcDay, toIso } from './instant.js';
export type { DateInput, Instant, InstantInput } from './instant.js';
export { formatDay, DAY_MS, HOUR_MS } from './day.js';
export type { UtcDay } from './day.js';
export type { Window } from './window.js';
export {
  termEndDay,
  renewedTerm,
  chargeCycleStart,
  TERMS,
  BILLING_FREQUENCIES,
  TERM_MONTHS,
  RENEWAL_ANCHORS,
} from './term.js';
export type { BillingFrequency, RenewalAnchor, Term, TermDates } from './term.js';
