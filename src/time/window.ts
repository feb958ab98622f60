/**
 * T3: half-open windows of whole hours from an exact instant: [start, start + N h).
 * `windowOfHours` and `isWithin` are internal (their arguments are unchecked): every decision
 * builds its windows with them.
 */
import { HOUR_MS } from './day.js';
import type { Instant } from './instant.js';

/** A half-open interval of instants: contains `start`, not `end`. */
export interface Window {
  /** The first instant inside the window. */
  readonly start: Instant;
  /** Exclusive end: the first instant outside the window. */
  readonly end: Instant;
}

/**
 * T3: a window of `hours` hours from `start` ("7 days" = 168 h).
 */
export function windowOfHours(start: Instant, hours: number): Window {
  return { start, end: start + hours * HOUR_MS };
}

/**
 * T3: whether `now` lies in the half-open window [start, end).
 */
export function isWithin(window: Window, now: Instant): boolean {
  return now >= window.start && now < window.end;
}
