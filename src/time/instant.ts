/**
 * T1: instants are UTC epoch milliseconds. Parse once, at the edge, from an ISO-8601 string
 * with `Z` or a numeric offset, a `Date`, or epoch milliseconds; reject everything ambiguous.
 */
import { CspRulesError, describe } from '../core/errors.js';
import type { Instant } from '../core/instant.js';
import { DAY_MS, HOUR_MS, dayFromCivil, dayOf, daysInMonth, type UtcDay } from './day.js';

export type { Instant } from '../core/instant.js';

/** What the library accepts wherever it needs an instant (T1). */
export type InstantInput = string | Date | number;

/** What the library accepts wherever it needs a UTC calendar date (T2). */
export type DateInput = string | Date | number;

/** 9999-12-31T23:59:59.999Z: the last instant a `YYYY-MM-DD` date can spell. */
const MAX_EPOCH_MS = 253_402_300_799_999;

/**
 * Reads an instant (T1) into epoch milliseconds.
 *
 * Accepts an ISO-8601 string with `Z` or an offset (`+02:00`, `+0200`, `+02`), a plain date
 * `YYYY-MM-DD` (00:00Z of that UTC day, T2), a valid `Date`, or finite integer epoch milliseconds.
 * Fractional seconds beyond milliseconds are truncated.
 *
 * @param value - the input
 * @param field - the field's name, used in the error
 * @returns epoch milliseconds
 * @throws {@link CspRulesError} `AMBIGUOUS_INSTANT` for a date-time without offset;
 *   `INVALID_INSTANT` for anything else that is not an instant
 *
 * @example
 * ```ts
 * toInstant('2024-01-15T11:30:00+02:00', 'now') === Date.UTC(2024, 0, 15, 9, 30); // true
 * toInstant('2024-01-15T09:30:00', 'now'); // throws AMBIGUOUS_INSTANT
 * ```
 */
export function toInstant(value: unknown, field: string): Instant {
  if (typeof value === 'number') {
    if (Number.isInteger(value)) return inRange(value, field, value);
    throw new CspRulesError(
      'INVALID_INSTANT',
      field,
      `expected integer epoch milliseconds, got ${describe(value)}`,
      value,
    );
  }
  if (typeof value === 'string') return inRange(parseIso(value, field), field, value);
  if (value instanceof Date) {
    // An object that only inherits from Date.prototype (`Object.create(Date.prototype)`) has no
    // time value: Date's own methods throw a TypeError on it, so it is refused here first.
    if (!hasTimeValue(value)) {
      throw new CspRulesError('INVALID_INSTANT', field, 'expected a Date, got an object without a time value', value);
    }
    const ms = value.getTime();
    // A subclass's getTime may return anything: only integer epoch milliseconds are an instant.
    if (Number.isInteger(ms)) return inRange(ms, field, value);
    throw new CspRulesError(
      'INVALID_INSTANT',
      field,
      Number.isNaN(ms)
        ? 'expected a valid Date, got an Invalid Date'
        : `expected a Date of integer epoch milliseconds, got getTime() = ${describe(ms)}`,
      value,
    );
  }
  throw new CspRulesError(
    'INVALID_INSTANT',
    field,
    `expected an ISO-8601 string with Z or an offset, a Date or epoch milliseconds, got ${describe(value)}`,
    value,
  );
}

/** Whether a `Date`-like object has Date's internal time value (a real Date or subclass instance). */
function hasTimeValue(value: Date): boolean {
  try {
    Date.prototype.getTime.call(value);
    return true;
  } catch {
    return false;
  }
}

/** 2000-01-01T00:00:00.000Z: no CSP subscription is older, so an earlier instant is a mistake. */
const EARLIEST_INSTANT_MS = 946_684_800_000;

/**
 * From 2000-01-01 (T1: no subscription is older; a Unix time in seconds reads as January 1970)
 * to the end of 9999, so every instant has a `YYYY-MM-DD` UTC day that reads back the same.
 */
function inRange(ms: number, field: string, received: unknown): Instant {
  if (ms >= EARLIEST_INSTANT_MS && ms <= MAX_EPOCH_MS) return ms;
  if (ms > MAX_EPOCH_MS) {
    throw new CspRulesError(
      'INSTANT_OUT_OF_RANGE',
      field,
      `${describe(received)} is after the year 9999 (UTC)`,
      received,
    );
  }
  const seconds =
    typeof received === 'number' &&
    received >= 0 &&
    received * 1000 >= EARLIEST_INSTANT_MS &&
    received * 1000 <= MAX_EPOCH_MS;
  throw new CspRulesError(
    'INSTANT_OUT_OF_RANGE',
    field,
    seconds
      ? `${describe(received)} is before 2000-01-01 (UTC): seconds, not milliseconds? (${describe(received * 1000)} ms is ${new Date(received * 1000).toISOString()})`
      : `${describe(received)} is before 2000-01-01 (UTC): no CSP subscription is that old`,
    received,
  );
}

/**
 * Reads a UTC calendar date (T2): `YYYY-MM-DD`, or an instant (string with offset, `Date`,
 * epoch ms) whose UTC day is taken. A time part such as `T00:00:00Z` is therefore read as the
 * whole day it falls on in UTC.
 *
 * @example
 * ```ts
 * formatDay(toUtcDay('2025-01-14T00:00:00Z', 'termEndDate')); // '2025-01-14'
 * ```
 */
export function toUtcDay(value: unknown, field: string): UtcDay {
  try {
    return dayOf(toInstant(value, field));
  } catch (error) {
    if (error instanceof CspRulesError && error.code === 'INVALID_INSTANT') {
      throw new CspRulesError('INVALID_DATE', field, `expected a UTC date YYYY-MM-DD, got ${describe(value)}`, value);
    }
    throw error;
  }
}

/**
 * The ISO-8601 UTC spelling of an instant (epoch ms), for output.
 *
 * @throws {@link CspRulesError} `INVALID_INSTANT` (field `instant`) for anything but integer epoch
 *   milliseconds; `INSTANT_OUT_OF_RANGE` outside 2000-01-01 … 9999-12-31 (T1)
 *
 * @example
 * ```ts
 * toIso(1_704_067_200_000); // '2024-01-01T00:00:00.000Z'
 * toIso(Number.NaN); // throws INVALID_INSTANT
 * ```
 */
export function toIso(instant: Instant): string {
  if (typeof instant !== 'number') {
    throw new CspRulesError(
      'INVALID_INSTANT',
      'instant',
      `expected integer epoch milliseconds, got ${describe(instant)}`,
      instant,
    );
  }
  return new Date(toInstant(instant, 'instant')).toISOString();
}

/**
 * The one ISO-8601 reader (T1), a scan of character codes with no regular expression, so it is
 * linear and allocates nothing. The grammar, with errors checked in this order:
 *
 * `YYYY-MM-DD[(T| )HH:MM[:SS[(.|,)F{1,9}]][Z|±HH[[:]MM]]]`
 *
 * 1. anything else: "expected an ISO-8601 date-time …" (`INVALID_INSTANT`);
 * 2. a month or day that does not exist: "is not a calendar date";
 * 3. a plain date is 00:00Z of that UTC day (T2); a date-time without `Z` or offset is
 *    `AMBIGUOUS_INSTANT`;
 * 4. an hour over 23, a minute or second over 59: "is not a valid time of day";
 * 5. an offset hour over 23 or minute over 59: "has an invalid offset".
 *
 * Fractions beyond milliseconds are truncated. Reading the codes directly, rather than through a
 * regex match and its substrings, costs ~120 ns per instant (docs/performance.md).
 */
function parseIso(text: string, field: string): Instant {
  const n = text.length;
  // 1. Syntax. `two` is NaN unless both characters are digits (also past the end), and NaN fails
  // every comparison. Every position read is fixed or bounded (at most 9 fraction digits), so a
  // long text costs no more than a short one, and it fails on its length at the zone.
  const year = two(text, 0) * 100 + two(text, 2);
  const month = two(text, 5);
  const day = two(text, 8);
  let ok = year >= 0 && month >= 0 && day >= 0 && text.charCodeAt(4) === 45 && text.charCodeAt(7) === 45; // - -
  let hour = -1; // -1: a plain date
  let minute = 0;
  let second = 0;
  let ms = 0;
  let zone = -1; // where the zone starts; -1: none
  let sign = 0; // of the offset; 0: Z or none
  let offsetHours = 0;
  let offsetMinutes = 0;
  if (ok && n > 10) {
    const t = text.charCodeAt(10);
    hour = two(text, 11);
    minute = two(text, 14);
    ok = (t === 84 || t === 32) && text.charCodeAt(13) === 58 && hour >= 0 && minute >= 0; // T or space, ':'
    let i = 16;
    if (ok && text.charCodeAt(i) === 58) {
      second = two(text, 17);
      ok = second >= 0;
      i = 19;
      const dot = text.charCodeAt(i);
      if (ok && (dot === 46 || dot === 44)) {
        // 1 to 9 digits; the first three are the milliseconds (weights 100, 10, 1, then 0).
        let j = i + 1;
        let weight = 100;
        for (let d = digit(text, j); d >= 0 && j - i <= 9; d = digit(text, ++j)) {
          ms += d * weight;
          weight = (weight / 10) | 0;
        }
        ok = j > i + 1;
        i = j;
      }
    }
    if (ok && i < n) {
      zone = i;
      const c = text.charCodeAt(i);
      // Z, or ±HH, ±HHMM, ±HH:MM ending the text.
      if (c === 43 || c === 45) {
        sign = c === 45 ? -1 : 1;
        offsetHours = two(text, i + 1);
        offsetMinutes =
          n === i + 3
            ? 0
            : n === i + 5
              ? two(text, i + 3)
              : n === i + 6 && text.charCodeAt(i + 3) === 58
                ? two(text, i + 4)
                : Number.NaN;
        ok = offsetHours >= 0 && offsetMinutes >= 0;
      } else {
        ok = c === 90 && n === i + 1;
      }
    }
  }
  if (!ok) {
    invalid(field, text, 'INVALID_INSTANT', '');
  }
  // 2. The calendar.
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    invalid(field, text, 'INVALID_INSTANT', ' is not a calendar date');
  }
  const midnight = dayFromCivil(year, month, day) * DAY_MS;
  // 3. A plain date is 00:00Z of that UTC day (T2); a local date-time is ambiguous (T1).
  if (hour < 0) return midnight;
  if (zone < 0) {
    invalid(field, text, 'AMBIGUOUS_INSTANT', ' has no Z or offset; a local date-time is ambiguous (T1)');
  }
  // 4. The time of day.
  if (hour > 23 || minute > 59 || second > 59) {
    invalid(field, text, 'INVALID_INSTANT', ' is not a valid time of day');
  }
  // 5. The offset (none for Z).
  if (offsetHours > 23 || offsetMinutes > 59) {
    invalid(field, text, 'INVALID_INSTANT', ' has an invalid offset');
  }
  return (
    midnight +
    hour * HOUR_MS +
    minute * 60_000 +
    second * 1000 +
    ms -
    sign * (offsetHours * HOUR_MS + offsetMinutes * 60_000)
  );
}

/**
 * Throws the scanner's error: `what` after the quoted text, or (empty `what`) the syntax message.
 * Kept out of {@link parseIso} so the scanner stays small enough to inline.
 */
function invalid(field: string, text: string, code: 'INVALID_INSTANT' | 'AMBIGUOUS_INSTANT', what: string): never {
  const message =
    what === '' ? `expected an ISO-8601 date-time with Z or an offset, got ${describe(text)}` : describe(text) + what;
  throw new CspRulesError(code, field, message, text);
}

/** The digit at `i` (0–9), or NaN for any other character or past the end. */
function digit(text: string, i: number): number {
  const c = text.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : Number.NaN;
}

/** The two-digit number at `i`, or NaN. */
function two(text: string, i: number): number {
  return digit(text, i) * 10 + digit(text, i + 1);
}
