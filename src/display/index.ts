/**
 * Display helpers (T5): deadlines in an IANA zone and relative "closes in …" text. A separate
 * entry point, `csp-subscription-rules/display`, so eligibility checks don't pay for time-zone data.
 *
 * @packageDocumentation
 */
export { formatInZone, isTimeZone, ZONE_PATTERN } from './zone.js';
export { formatDuration, formatRelative, formatUtc } from './relative.js';
export type { RelativeVerb } from './relative.js';

// The time type this entry's signatures use, re-exported as a type only.
export type { InstantInput } from '../time/instant.js';
