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
  // Unreachable for safe integers (seats < 2^53 → quotient < 2^49, float spacing ≤ 1/16, while a
  // non-zero remainder puts the exact quotient ≥ 0.05 from an integer), and at remainder 0 the `<=`
  // correction gives the same result: every mutant of this guard is equivalent.
  // Stryker disable next-line ConditionalExpression,EqualityOperator,BlockStatement: unreachable guard (see above)
  if (remainder < 0) {
    // Stryker disable next-line AssignmentOperator: unreachable (see above)
    quotient -= 1;
    // Stryker disable next-line AssignmentOperator: unreachable (see above)
    remainder += 20;
  }
  return remainder > 0 ? quotient + 1 : quotient;
}
