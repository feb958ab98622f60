/**
 * A3: the minimum quantity of the Multi-Geo Capabilities add-on.
 */
import { toCount } from './validate.js';

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
  // Exact ceil(seats / 20) for every safe integer: correct the float quotient by its remainder.
  let quotient = Math.floor(seats / 20);
  let remainder = seats - quotient * 20;
  if (remainder < 0) {
    quotient -= 1;
    remainder += 20;
  }
  return remainder > 0 ? quotient + 1 : quotient;
}
