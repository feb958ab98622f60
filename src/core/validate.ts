/**
 * Field checks shared by every entry point: each returns the value typed, or
 * throws a {@link CspRulesError} naming the field.
 */
import { CspRulesError, describe } from './errors.js';

/**
 * A whole number ≥ `min` (seats, amounts): rejects NaN, Infinity, fractions, negatives.
 */
export function toCount(value: unknown, field: string, min = 0): number {
  // Number.isSafeInteger is false for every non-number (no coercion).
  if (Number.isSafeInteger(value) && (value as number) >= min) return value as number;
  throw new CspRulesError('INVALID_QUANTITY', field, `expected a whole number ≥ ${min}, got ${describe(value)}`, value);
}

/**
 * One of a fixed set of strings.
 */
export function toEnum<T extends string>(value: unknown, allowed: readonly T[], field: string): T {
  // includes() compares with SameValueZero: only one of the strings matches.
  if ((allowed as readonly unknown[]).includes(value)) return value as T;
  if (value === undefined)
    throw new CspRulesError('MISSING_FIELD', field, `is required (one of ${allowed.join(', ')})`);
  throw new CspRulesError(
    'INVALID_ENUM',
    field,
    `expected one of ${allowed.join(', ')}, got ${describe(value)}`,
    value,
  );
}

/**
 * A boolean, or `fallback` when absent.
 */
export function toBoolean(value: unknown, field: string, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value === 'boolean') return value;
  throw new CspRulesError('INVALID_TYPE', field, `expected true or false, got ${describe(value)}`, value);
}

/**
 * A string, or `null` when absent or null.
 */
export function toOptionalString(value: unknown, field: string): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value;
  throw new CspRulesError('INVALID_TYPE', field, `expected a string, got ${describe(value)}`, value);
}

/**
 * A plain object (not null, not an array), for reading fields from.
 */
export function toRecord(value: unknown, field: string): Readonly<Record<string, unknown>> {
  if (isRecord(value)) return value;
  throw new CspRulesError('INVALID_TYPE', field, `expected an object, got ${describe(value)}`, value);
}

/**
 * Whether `value` is a plain object to read fields from (not null, not an array).
 */
export function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads an own property only (never inherited, so `__proto__` and `constructor` are data).
 */
export function own(record: Readonly<Record<string, unknown>>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}
