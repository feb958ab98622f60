/**
 * T5: a deadline rendered in an IANA time zone, with date-fns-tz. date-fns-tz is imported here
 * and nowhere else: its "zoned" Dates spell another zone's wall clock in their local fields (a
 * shifted instant), so one must never reach a comparison — this file only returns strings.
 */
import { formatInTimeZone } from 'date-fns-tz';
import { CspRulesError, describe } from '../core/errors.js';
import { toInstant, type InstantInput } from '../time/instant.js';

/** Default pattern of {@link formatInZone}: date, time to the second, numeric offset. */
export const ZONE_PATTERN = 'yyyy-MM-dd HH:mm:ss xxx';

/**
 * Whether `timeZone` is an IANA zone name the runtime knows (`Europe/Berlin`, `UTC`).
 *
 * @example
 * ```ts
 * isTimeZone('Europe/Berlin'); // true
 * isTimeZone('Europe/Berln');  // false
 * ```
 */
export function isTimeZone(timeZone: unknown): timeZone is string {
  if (typeof timeZone !== 'string' || timeZone === '') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/**
 * T5: an instant as wall-clock time in an IANA zone. The instant is read with T1 rules (no
 * offset-less date-times); the zone is validated first.
 *
 * @param instant - epoch ms, an ISO string with `Z` or an offset, or a `Date`
 * @param timeZone - an IANA zone name, e.g. `Europe/Berlin`
 * @param pattern - a date-fns format pattern (default `yyyy-MM-dd HH:mm:ss xxx`)
 * @throws `CspRulesError` `INVALID_ENUM` on `timeZone` for an unknown zone; T1 errors on `instant`
 *
 * @example
 * ```ts
 * formatInZone('2024-03-17T14:02:45Z', 'Europe/Berlin'); // '2024-03-17 15:02:45 +01:00'
 * formatInZone('2024-03-31T01:00:00Z', 'Europe/Berlin', 'HH:mm zzz'); // '03:00 GMT+2'
 * ```
 */
export function formatInZone(instant: InstantInput, timeZone: string, pattern: string = ZONE_PATTERN): string {
  const ms = toInstant(instant, 'instant');
  if (!isTimeZone(timeZone)) {
    throw new CspRulesError(
      'INVALID_ENUM',
      'timeZone',
      `expected an IANA time zone name such as Europe/Berlin, got ${describe(timeZone)}`,
      timeZone,
    );
  }
  if (typeof pattern !== 'string') {
    throw new CspRulesError(
      'INVALID_TYPE',
      'pattern',
      `expected a date-fns pattern string, got ${describe(pattern)}`,
      pattern,
    );
  }
  return formatInTimeZone(ms, timeZone, pattern);
}
