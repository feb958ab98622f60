/**
 * Field readers for the Partner Center subscription resource (docs/partner-center.md):
 * each reads an own property only (`__proto__` and `constructor` are data, never structure) and
 * throws a {@link CspRulesError} whose `field` is the JSON path, e.g.
 * `refundableQuantity.details[1].allowedUntilDateTime`.
 */
import { CspRulesError, describe } from '../core/errors.js';
import type { UtcDay } from '../time/day.js';
import { toInstant, toUtcDay, type Instant } from '../time/instant.js';
import { own, toCount, toRecord } from '../core/validate.js';

/** A JSON object read so far, and the path it was found at (`''` for the root). */
export interface At {
  readonly record: Readonly<Record<string, unknown>>;
  readonly path: string;
}

/** The path of `key` inside `at`. */
export function pathOf(at: At, key: string): string {
  return at.path === '' ? key : `${at.path}.${key}`;
}

/** An own property of `at` (never inherited). */
export function get(at: At, key: string): unknown {
  return own(at.record, key);
}

/** A nested object, or `null` when absent or `null`. */
export function optionalObject(at: At, key: string): At | null {
  const value = get(at, key);
  if (value === undefined || value === null) return null;
  const path = pathOf(at, key);
  return { record: toRecord(value, path), path };
}

/**
 * Partner Center enum spelling varies (`one_time`, `oneTime`, `Annual`): compare lower-cased
 * with `_` removed (partner-center.md "Enum casing").
 */
function normalizeEnum(value: string): string {
  return value.toLowerCase().replaceAll('_', '');
}

/**
 * Reads an enum through a table keyed by normalized spelling. Absent → `undefined`; a
 * non-string or a spelling outside the table → `INVALID_ENUM` naming the path.
 */
export function readEnum<T>(at: At, key: string, table: ReadonlyMap<string, T>, expected?: string): T | undefined {
  const value = get(at, key);
  if (value === undefined || value === null) return undefined;
  const path = pathOf(at, key);
  const found = typeof value === 'string' ? table.get(normalizeEnum(value)) : undefined;
  if (found === undefined) {
    throw new CspRulesError(
      'INVALID_ENUM',
      path,
      `expected one of ${expected ?? [...table.keys()].join(', ')}, got ${describe(value)}`,
      value,
    );
  }
  return found;
}

/** A required value: absent or `null` → `MISSING_FIELD` naming the path. */
export function required(at: At, key: string): unknown {
  const value = get(at, key);
  if (value === undefined || value === null) throw new CspRulesError('MISSING_FIELD', pathOf(at, key), 'is required');
  return value;
}

/** T1: an instant (ISO with `Z` or an offset); a date-time without offset is rejected. */
export function readInstant(at: At, key: string): Instant {
  return toInstant(required(at, key), pathOf(at, key));
}

/** T1: an optional instant; absent or `null` → `null`. */
export function optionalInstant(at: At, key: string): Instant | null {
  const value = get(at, key);
  return value === undefined || value === null ? null : toInstant(value, pathOf(at, key));
}

/**
 * T2: a Partner Center "date" (`commitmentEndDate`, `customTermEndDate`) as a whole UTC day.
 * The text must still be a valid T1 value (a date-time without offset is rejected); the day is
 * the calendar date **as written** — Partner Center writes `T00:00:00Z`, and documented
 * examples that carry a time part mean the same day (partner-center.md: "read the date only").
 */
export function readDateOnly(value: unknown, path: string): UtcDay {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value)) {
    toInstant(value, path); // T1 validation of the whole text
    return toUtcDay(value.slice(0, 10), path);
  }
  return toUtcDay(value, path);
}

/** A string, or `null` when absent or `null`; other types → `INVALID_TYPE`. */
export function optionalString(at: At, key: string): string | null {
  const value = get(at, key);
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value;
  throw new CspRulesError('INVALID_TYPE', pathOf(at, key), `expected a string, got ${describe(value)}`, value);
}

/** A boolean, or `undefined` when absent or `null`; other types → `INVALID_TYPE`. */
export function optionalBoolean(at: At, key: string): boolean | undefined {
  const value = get(at, key);
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'boolean') return value;
  throw new CspRulesError('INVALID_TYPE', pathOf(at, key), `expected true or false, got ${describe(value)}`, value);
}

/** One `refundableQuantity.details[i]` entry as Partner Center reports it. */
export interface RefundableDetail {
  readonly quantity: number;
  /** Exclusive end of the batch's reduction window as reported (Q4). */
  readonly allowedUntil: Instant;
}

/** `refundableQuantity` as reported; `details` is `null` when the array is absent. */
export interface Refundable {
  readonly totalQuantity: number | null;
  readonly details: readonly RefundableDetail[] | null;
}

/**
 * Q4: reads `refundableQuantity` (`{ totalQuantity, details: [{ quantity, allowedUntilDateTime }] }`);
 * `null` when absent or `null`.
 */
export function readRefundable(root: At): Refundable | null {
  const rq = optionalObject(root, 'refundableQuantity');
  if (rq === null) return null;
  const total = get(rq, 'totalQuantity');
  const totalQuantity = total === undefined || total === null ? null : toCount(total, pathOf(rq, 'totalQuantity'));
  const rawDetails = get(rq, 'details');
  if (rawDetails === undefined || rawDetails === null) return { totalQuantity, details: null };
  const detailsPath = pathOf(rq, 'details');
  if (!Array.isArray(rawDetails)) {
    throw new CspRulesError('INVALID_TYPE', detailsPath, `expected an array, got ${describe(rawDetails)}`, rawDetails);
  }
  const details: RefundableDetail[] = [];
  rawDetails.forEach((item: unknown, i) => {
    const path = `${detailsPath}[${i}]`;
    const d: At = { record: toRecord(item, path), path };
    details.push({
      quantity: toCount(required(d, 'quantity'), pathOf(d, 'quantity')),
      allowedUntil: readInstant(d, 'allowedUntilDateTime'),
    });
  });
  return { totalQuantity, details };
}
