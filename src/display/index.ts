/**
 * Display helpers (T5): deadlines in an IANA zone and relative "closes in …" text, in a locale. A
 * separate entry point, `csp-subscription-rules/display`, so eligibility checks don't load it. It
 * has no dependency: zones and words come from the runtime's `Intl`, read for the zone and locale
 * asked, never from the host's.
 *
 * @packageDocumentation
 */
export { formatInZone, isTimeZone, ZONE_PATTERN } from './zone.js';
export { formatDuration, formatRelative, formatUtc } from './relative.js';
export type { RelativeVerb } from './relative.js';
export { DEFAULT_LOCALE } from './locale.js';
export type { DisplayOptions } from './locale.js';

// The time type this entry's signatures use, re-exported as a type only.
export type { InstantInput } from '../time/instant.js';
