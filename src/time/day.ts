/**
 * T2: UTC calendar days as integers (days since 1970-01-01), with civil-date conversion in
 * pure integer arithmetic. Nothing here reads the host time zone (T4).
 *
 * The raw helpers (dayOf, startOfDay, endOfDay, dayFromCivil, civilFromDay) are internal
 * plumbing and take their arguments unchecked; public entry points read a day with
 * {@link toDay} first.
 */
import { CspRulesError, describe } from '../core/errors.js';

/** A UTC calendar day: whole days since 1970-01-01 (day 0). `2024-01-15` is 19737. */
export type UtcDay = number;

/** A calendar date split into parts (month 1–12). */
export interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** Milliseconds in one hour. */
export const HOUR_MS = 3_600_000;
/** Milliseconds in one 24-hour day (T3: a "day" of a window is 24 h). */
export const DAY_MS = 86_400_000;

/** 0000-01-01 and 9999-12-31 as UTC day numbers: the days a `YYYY-MM-DD` date can spell (T2). */
const MIN_DAY = -719_528;
const MAX_DAY = 2_932_896;

/**
 * Reads a UTC day number (T2): a whole number of days since 1970-01-01, from 0000-01-01 to
 * 9999-12-31 (the days a `YYYY-MM-DD` date can spell; instants start in 2000, T1). The check at every public entry that takes a
 * `UtcDay`.
 *
 * @throws {@link CspRulesError} `INVALID_DATE` naming `field` for anything else (NaN, a
 *   fraction, a string, a BigInt, a day beyond the range)
 */
export function toDay(value: unknown, field: string): UtcDay {
  // Number.isSafeInteger is false for every non-number (no coercion).
  if (Number.isSafeInteger(value) && (value as number) >= MIN_DAY && (value as number) <= MAX_DAY)
    return value as UtcDay;
  throw new CspRulesError(
    'INVALID_DATE',
    field,
    `expected a UTC day number (whole days since 1970-01-01, years 0000–9999), got ${describe(value)}`,
    value,
  );
}

/**
 * Days in a month of the proleptic Gregorian calendar.
 */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** True for Gregorian leap years. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * The UTC day number of a civil date (H. Hinnant's days_from_civil). The caller ensures the
 * date exists.
 */
export function dayFromCivil(year: number, month: number, day: number): UtcDay {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = month > 2 ? month - 3 : month + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/**
 * The civil date of a UTC day number (H. Hinnant's civil_from_days).
 */
export function civilFromDay(utcDay: UtcDay): CivilDate {
  const z = utcDay + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/**
 * The UTC day an instant falls on (T2).
 */
export function dayOf(instant: number): UtcDay {
  return Math.floor(instant / DAY_MS);
}

/**
 * The instant a UTC day starts: 00:00:00.000Z (T2).
 */
export function startOfDay(utcDay: UtcDay): number {
  return utcDay * DAY_MS;
}

/**
 * T2: the exclusive end of a whole UTC day, i.e. 00:00Z of the next day. A term end date
 * `2023-03-01` covers [2023-03-01T00:00Z, 2023-03-02T00:00Z).
 */
export function endOfDay(utcDay: UtcDay): number {
  return (utcDay + 1) * DAY_MS;
}

/**
 * `YYYY-MM-DD` of a UTC day.
 *
 * @throws {@link CspRulesError} `INVALID_DATE` `day` when `utcDay` is not a UTC day number (see `toDay`)
 *
 * @example
 * ```ts
 * formatDay(19737); // '2024-01-15'
 * ```
 */
export function formatDay(utcDay: UtcDay): string {
  const { year, month, day } = civilFromDay(toDay(utcDay, 'day'));
  // toDay keeps the year in 0000–9999: four digits always.
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}
