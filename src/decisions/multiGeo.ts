/**
 * A3: the minimum quantity of the Multi-Geo Capabilities add-on.
 */
import { toCount } from '../core/validate.js';

/**
 * A3: the Multi-Geo add-on needs at least 5 % of the customer's base seats across all
 * prerequisite base subscriptions, rounded up (400 → 20, 401 → 21). Integer arithmetic only.
 *
 * @param baseSeats - seats across all prerequisite base subscriptions (a whole number ≥ 0)
 * @throws {@link CspRulesError} `INVALID_QUANTITY` for a negative, fractional or non-finite count
 *
 * @example
 * ```ts
 * multiGeoMinimum(400); // 20
 * multiGeoMinimum(401); // 21
 * ```
 */
export function multiGeoMinimum(baseSeats: number): number {
  const seats = toCount(baseSeats, 'baseSeats');
  // Exact for every safe integer: seats < 2^53 gives a quotient < 2^49, where floats are at most
  // 1/16 apart, while a quotient that is not whole lies at least 0.05 from the nearest integer;
  // so seats / 20 never rounds onto an integer and the ceiling is the exact one.
  return Math.ceil(seats / 20);
}
