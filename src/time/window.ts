/**
 * T3: half-open windows of whole hours from an exact instant: [start, start + N h).
 * `windowOfHours` and `isWithin` are internal (their arguments are unchecked): every decision
 * builds its windows with them.
 */
import { HOUR_MS } from './day.js';
import type { Instant } from './instant.js';

/** A half-open interval of instants: contains `start`, not `end`. */
export interface Window {
  readonly start: Instant;
  /** Exclusive end: the first instant outside the window. */
  readonly end: Instant;
}

/**
 * T3: a window of `hours` hours from `start` ("7 days" = 168 h).
 *
 * @example
 * ```ts
 * const w = windowOfHours(Date.UTC(2024, 0, 15, 9, 30), 168);
 * new Date(w.end).toISOString(); // '2024-01-22T09:30:00.000Z'
 * ```
 */
export function windowOfHours(start: Instant, hours: number): Window {
  return { start, end: start + hours * HOUR_MS };
}

/**
 * T3: whether `now` lies in the half-open window [start, end).
 *
 * @example
 * ```ts
 * isWithin({ start: 0, end: 10 }, 10); // false — the end is outside
 * ```
 */
export function isWithin(window: Window, now: Instant): boolean {
  return now >= window.start && now < window.end;
}
