/**
 * Typed errors for bad input (design principle 5): a business "no" is a decision value,
 * bad input is a {@link CspRulesError} with a stable `code` and the `field` path at fault.
 */

/** Stable codes carried by every {@link CspRulesError}. */
export type ErrorCode =
  /** A date-time string without `Z` or a numeric offset (T1): ambiguous, never read as local time. */
  | 'AMBIGUOUS_INSTANT'
  /** Not an instant: unparseable text, an impossible calendar date, NaN, Infinity, a non-integer epoch. */
  | 'INVALID_INSTANT'
  /** Not a UTC calendar date (`YYYY-MM-DD` or an instant whose UTC day is taken). */
  | 'INVALID_DATE'
  /** A seat count or amount that is not a non-negative safe integer (or not ≥ 1 where required). */
  | 'INVALID_QUANTITY'
  /** A string outside its enumeration (program, status, term, billing frequency …). */
  | 'INVALID_ENUM'
  /** A required field is absent. */
  | 'MISSING_FIELD'
  /** A field the input does not have (a typo such as `autorenew`, or a copied snapshot's `termEndDay`): never silently ignored. */
  | 'UNKNOWN_FIELD'
  /** A field has the wrong JavaScript type (e.g. a number where a boolean is expected). */
  | 'INVALID_TYPE'
  /** Fields that are each valid but contradict one another (e.g. a term that ends before it starts). */
  | 'INCONSISTENT';

/**
 * The one error type this library throws on bad input.
 *
 * @example
 * ```ts
 * try {
 *   toInstant('2024-01-15T09:30:00', 'now');
 * } catch (e) {
 *   if (e instanceof CspRulesError) console.log(e.code, e.field); // AMBIGUOUS_INSTANT now
 * }
 * ```
 */
export class CspRulesError extends Error {
  /** Stable machine-readable code. */
  readonly code: ErrorCode;
  /** Path of the offending field, e.g. `now`, `seatBatches[1].quantity`. */
  readonly field: string;
  /** The value received (kept for diagnostics; never interpreted). */
  readonly received: unknown;

  constructor(code: ErrorCode, field: string, message: string, received?: unknown) {
    super(`${field}: ${message}`);
    this.name = 'CspRulesError';
    this.code = code;
    this.field = field;
    this.received = received;
  }
}

/** Short, safe description of a received value for error messages (never throws). */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value.length > 64 ? `${value.slice(0, 61)}...` : value);
    case 'number':
    case 'boolean':
    case 'bigint':
      return String(value);
    case 'symbol':
      return 'a symbol';
    case 'function':
      return 'a function';
    default:
      return Array.isArray(value) ? 'an array' : value instanceof Date ? 'a Date' : 'an object';
  }
}
