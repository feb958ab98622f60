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
import type { Note } from './notes.js';

/** A JSON object read so far, and the path it was found at (`''` for the root). */
export interface At {
  readonly record: Readonly<Record<string, unknown>>;
  readonly path: string;
  /** Where the readers note what they read leniently (offset-less date-times, placeholders). */
  readonly notes?: Note[];
}

/** The path of `key` inside `at`. */
export function pathOf(at: At, key: string): string {
  return at.path === '' ? key : `${at.path}.${key}`;
}

/**
 * An own property of `at` (never inherited). Keys match case-insensitively: older SDKs serialise
 * PascalCase (`"Status"`, `"CommitmentEndDate"`); the exact spelling wins when both are present.
 */
export function get(at: At, key: string): unknown {
  const exact = own(at.record, key);
  if (exact !== undefined) return exact;
  const lower = key.toLowerCase();
  for (const k of Object.keys(at.record)) if (k.toLowerCase() === lower) return at.record[k];
  return undefined;
}

/** A nested object, or `null` when absent or `null`. */
export function optionalObject(at: At, key: string): At | null {
  const value = get(at, key);
  if (value === undefined || value === null) return null;
  const path = pathOf(at, key);
  return { record: toRecord(value, path), path, ...(at.notes === undefined ? {} : { notes: at.notes }) };
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

/** A date-time without an offset: `2019-03-04T00:00:00`, `2019-01-09T00:21:45.9263727`. */
const OFFSETLESS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;
/** .NET's `DateTime.MinValue`, which Partner Center writes for a date it does not have. */
const PLACEHOLDER = /^0001-01-01/;

/**
 * T1 for Partner Center text: an instant, or `null` for the placeholder `0001-01-01…` (a note
 * says it is unknown). A date-time without offset is read as UTC — Microsoft documents every
 * Partner Center date and time as UTC — with a note; the core API (`toInstant`) stays strict.
 */
export function readLenientInstant(value: unknown, path: string, notes: Note[] | undefined): Instant | null {
  if (typeof value === 'string') {
    if (PLACEHOLDER.test(value)) {
      notes?.push({
        code: 'PLACEHOLDER_DATE',
        field: path,
        kind: 'unknown',
        message: `${JSON.stringify(value)} is a placeholder: unknown`,
      });
      return null;
    }
    if (OFFSETLESS.test(value)) {
      notes?.push({
        code: 'OFFSETLESS_AS_UTC',
        field: path,
        kind: 'inferred',
        message: `${JSON.stringify(value)} has no offset: read as UTC (Partner Center dates and times are UTC)`,
      });
      return toInstant(`${value}Z`, path);
    }
  }
  return toInstant(value, path);
}

/** T1: a required instant (offset-less read as UTC with a note); a placeholder is `MISSING_FIELD`. */
function readInstant(at: At, key: string): Instant {
  const path = pathOf(at, key);
  const value = readLenientInstant(required(at, key), path, at.notes);
  if (value === null) throw new CspRulesError('MISSING_FIELD', path, 'is a placeholder (0001-01-01): unknown');
  return value;
}

/** T1: an optional instant; absent, `null` or a placeholder → `null`. */
export function optionalInstant(at: At, key: string): Instant | null {
  const value = get(at, key);
  return value === undefined || value === null ? null : readLenientInstant(value, pathOf(at, key), at.notes);
}

/**
 * T2: a Partner Center "date" (`commitmentEndDate`, `customTermEndDate`) as a whole UTC day, or
 * `null` for a placeholder. The text must still be a valid T1 value (offset-less read as UTC, as
 * {@link readLenientInstant}); the day is the calendar date **as written** — Partner Center writes
 * `T00:00:00Z`, and documented examples that carry a time part mean the same day
 * (partner-center.md: "read the date only").
 */
export function readDateOnly(value: unknown, path: string, notes?: Note[]): UtcDay | null {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value)) {
    if (readLenientInstant(value, path, notes) === null) return null; // T1 validation of the whole text
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
    const d: At = { record: toRecord(item, path), path, ...(root.notes === undefined ? {} : { notes: root.notes }) };
    details.push({
      quantity: toCount(required(d, 'quantity'), pathOf(d, 'quantity')),
      allowedUntil: readInstant(d, 'allowedUntilDateTime'),
    });
  });
  return { totalQuantity, details };
}

/**
 * An auxiliary field read apart: when it cannot be read, a note says why and the record stands
 * without it (`fallback`).
 */
export function auxiliary<T>(field: string, notes: Note[], fallback: T, read: () => T): T {
  try {
    return read();
  } catch (error) {
    // Stryker disable next-line ConditionalExpression: the readers throw only CspRulesError
    if (!(error instanceof CspRulesError)) throw error;
    notes.push({
      code: 'FIELD_NOT_READ',
      field: error.field === '' ? field : error.field,
      kind: 'unknown',
      message: `not read (${error.code}: ${error.detail}); taken as absent`,
    });
    return fallback;
  }
}
