/**
 * T1: instants are UTC epoch milliseconds. Parse once, at the edge, from an ISO-8601 string
 * with `Z` or a numeric offset, a `Date`, or epoch milliseconds; reject everything ambiguous.
 */
import { CspRulesError, describe } from '../errors.js';
import { DAY_MS, HOUR_MS, dayFromCivil, dayOf, daysInMonth, type UtcDay } from './day.js';

/** An instant: integer milliseconds since 1970-01-01T00:00:00Z. */
export type Instant = number;

/** What the library accepts wherever it needs an instant (T1). */
export type InstantInput = string | Date | number;

/** What the library accepts wherever it needs a UTC calendar date (T2). */
export type DateInput = string | Date | number;

// Linear: no nested or overlapping quantifiers, so no catastrophic backtracking on long input.
const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/;

/** 0000-01-01T00:00:00.000Z and 9999-12-31T23:59:59.999Z: the years a `YYYY-MM-DD` date can spell. */
const MIN_EPOCH_MS = -62_167_219_200_000;
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
    throw new CspRulesError('INVALID_INSTANT', field, `expected integer epoch milliseconds, got ${describe(value)}`, value);
  }
  if (typeof value === 'string') return inRange(parseIso(value, field), field, value);
  if (value instanceof Date) {
    const ms = value.getTime();
    if (Number.isFinite(ms)) return inRange(ms, field, value);
    throw new CspRulesError('INVALID_INSTANT', field, 'expected a valid Date, got an Invalid Date', value);
  }
  throw new CspRulesError(
    'INVALID_INSTANT',
    field,
    `expected an ISO-8601 string with Z or an offset, a Date or epoch milliseconds, got ${describe(value)}`,
    value,
  );
}

/** Years 0000–9999 only, so every instant has a `YYYY-MM-DD` UTC day that reads back the same. */
function inRange(ms: number, field: string, received: unknown): Instant {
  if (ms >= MIN_EPOCH_MS && ms <= MAX_EPOCH_MS) return ms;
  throw new CspRulesError('INVALID_INSTANT', field, `${describe(received)} is outside the years 0000–9999 (UTC)`, received);
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
 *   milliseconds within the years 0000–9999
 *
 * @example
 * ```ts
 * toIso(0); // '1970-01-01T00:00:00.000Z'
 * toIso(Number.NaN); // throws INVALID_INSTANT
 * ```
 */
export function toIso(instant: Instant): string {
  if (typeof instant !== 'number') {
    throw new CspRulesError('INVALID_INSTANT', 'instant', `expected integer epoch milliseconds, got ${describe(instant)}`, instant);
  }
  return new Date(toInstant(instant, 'instant')).toISOString();
}

function parseIso(text: string, field: string): Instant {
  const fast = parseCanonical(text);
  if (fast === fast) return fast; // not NaN: the common spelling, read without the regex
  const m = text.length <= 40 ? ISO.exec(text) : null;
  if (m === null) {
    throw new CspRulesError('INVALID_INSTANT', field, `expected an ISO-8601 date-time with Z or an offset, got ${describe(text)}`, text);
  }
  const [, ys, mos, ds, hs, mis, ss, frac, zone] = m;
  const year = Number(ys);
  const month = Number(mos);
  const day = Number(ds);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new CspRulesError('INVALID_INSTANT', field, `${describe(text)} is not a calendar date`, text);
  }
  const midnight = dayFromCivil(year, month, day) * DAY_MS;
  if (hs === undefined) return midnight; // T1: a plain date is 00:00Z of that UTC day
  if (zone === undefined) {
    throw new CspRulesError(
      'AMBIGUOUS_INSTANT',
      field,
      `${describe(text)} has no Z or offset; a local date-time is ambiguous (T1)`,
      text,
    );
  }
  const hour = Number(hs);
  const minute = Number(mis);
  const second = ss === undefined ? 0 : Number(ss);
  if (hour > 23 || minute > 59 || second > 59) {
    throw new CspRulesError('INVALID_INSTANT', field, `${describe(text)} is not a valid time of day`, text);
  }
  const ms = frac === undefined ? 0 : Number(frac.slice(0, 3).padEnd(3, '0'));
  const offset = zone === 'Z' || zone === 'z' ? 0 : offsetMs(zone, text, field);
  return midnight + hour * HOUR_MS + minute * 60_000 + second * 1000 + ms - offset;
}

function offsetMs(zone: string, text: string, field: string): number {
  const sign = zone[0] === '-' ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2)) : 0;
  if (hours > 23 || minutes > 59) {
    throw new CspRulesError('INVALID_INSTANT', field, `${describe(text)} has an invalid offset`, text);
  }
  return sign * (hours * HOUR_MS + minutes * 60_000);
}

/** The digit at `i` (0–9), or NaN for any other character. */
function digit(text: string, i: number): number {
  const c = text.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : Number.NaN;
}

/**
 * Fast path of {@link parseIso} for the spellings JSON exports and `toInput` use:
 * `YYYY-MM-DDTHH:MM:SS[.fff](Z|±HH:MM)` and `YYYY-MM-DD`. Returns NaN for anything else — another spelling,
 * or an impossible date, time or offset — and the regex path then reads it (or throws), so
 * results and errors stay those of the regex path. Reading the characters directly avoids the
 * regex's match array, its seven substrings and their `Number()` conversions
 * (docs/performance.md).
 */
function parseCanonical(text: string): number {
  const n = text.length;
  if (n !== 10 && n !== 20 && n !== 24 && n !== 25 && n !== 29) return Number.NaN;
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return Number.NaN; // - -
  const year = digit(text, 0) * 1000 + digit(text, 1) * 100 + digit(text, 2) * 10 + digit(text, 3);
  const month = digit(text, 5) * 10 + digit(text, 6);
  const day = digit(text, 8) * 10 + digit(text, 9);
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month))) return Number.NaN;
  if (n === 10) return dayFromCivil(year, month, day) * DAY_MS; // T2: a plain date is 00:00Z
  if (text.charCodeAt(10) !== 84 || text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) return Number.NaN; // T : :
  const hour = digit(text, 11) * 10 + digit(text, 12);
  const minute = digit(text, 14) * 10 + digit(text, 15);
  const second = digit(text, 17) * 10 + digit(text, 18);
  let ms = 0;
  let z = 19;
  if (n === 24 || n === 29) {
    if (text.charCodeAt(19) !== 46) return Number.NaN; // '.'
    ms = digit(text, 20) * 100 + digit(text, 21) * 10 + digit(text, 22);
    z = 23;
  }
  let offset = 0;
  const sign = text.charCodeAt(z);
  if (z + 1 === n) {
    if (sign !== 90) return Number.NaN; // 'Z'
  } else {
    if ((sign !== 43 && sign !== 45) || text.charCodeAt(z + 3) !== 58) return Number.NaN; // +/- and ':'
    const oh = digit(text, z + 1) * 10 + digit(text, z + 2);
    const om = digit(text, z + 4) * 10 + digit(text, z + 5);
    if (!(oh <= 23 && om <= 59)) return Number.NaN; // also false for NaN
    offset = (sign === 45 ? -1 : 1) * (oh * HOUR_MS + om * 60_000);
  }
  // `!(a <= b)` is true for NaN too: a non-digit anywhere sends the text to the regex path.
  if (!(hour <= 23 && minute <= 59 && second <= 59 && ms >= 0)) return Number.NaN;
  return dayFromCivil(year, month, day) * DAY_MS + hour * HOUR_MS + minute * 60_000 + second * 1000 + ms - offset;
}
