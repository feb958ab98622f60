/**
 * Display helpers (T5): deadlines in an IANA zone and relative "closes in …" text. A separate
 * entry point, `csp-subscription-rules/display`, so eligibility checks don't pay for time-zone data.
 *
 * @packageDocumentation
 */
export {};
