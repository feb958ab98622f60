/**
 * T5: a deadline rendered in an IANA time zone. The zone's wall clock comes from
 * `Intl.DateTimeFormat(…, { timeZone, hourCycle: 'h23' }).formatToParts` — the zone database of the
 * runtime, read for the zone asked, never through the host's local time (so a host's DST gap
 * cannot shift an hour) — and is printed by the explicit pattern of `pattern.ts`. No dependency;
 * strings only, never a shifted `Date` that could reach a comparison.
 */
import { CspRulesError, describe } from '../core/errors.js';
import { dayFromCivil, DAY_MS, HOUR_MS } from '../time/day.js';
import { toInstant, type InstantInput } from '../time/instant.js';
import { toLocaleList, type DisplayOptions } from './locale.js';
import { remember } from './names.js';
import { printPattern, readPattern, type WallClock } from './pattern.js';

/** Default pattern of {@link formatInZone}: date, time to the second, numeric offset. */
export const ZONE_PATTERN = 'yyyy-MM-dd HH:mm:ss xxx';

const MINUTE_MS = 60_000;

/** One formatter per zone, reading the civil fields there with Latin digits, 00–23 hours. */
const clocks = new Map<string, Intl.DateTimeFormat>();

/** The zone's clock, or `undefined` for a name the runtime doesn't know. */
function clockOf(timeZone: string): Intl.DateTimeFormat | undefined {
  const known = clocks.get(timeZone);
  if (known !== undefined) return known;
  // IANA names start with a letter; an offset such as +02:00 is refused on every Node version.
  if (timeZone.length > 64 || !/^[A-Za-z]/.test(timeZone)) return undefined;
  try {
    const clock = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      calendar: 'gregory',
      numberingSystem: 'latn',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    return remember(clocks, timeZone, clock);
  } catch {
    return undefined;
  }
}

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
  return typeof timeZone === 'string' && clockOf(timeZone) !== undefined;
}

/** The wall clock of `instant` in a zone {@link isTimeZone} accepted. */
function wallClockOf(instant: number, timeZone: string): WallClock {
  const clock = clockOf(timeZone) as Intl.DateTimeFormat;
  const fields: Record<string, number> = {};
  for (const part of clock.formatToParts(instant)) if (part.type !== 'literal') fields[part.type] = Number(part.value);
  const { year = 0, month = 1, day = 1, minute = 0, second = 0 } = fields;
  const hour = (fields.hour ?? 0) % 24;
  const civilDay = dayFromCivil(year, month, day);
  const millisecond = instant % 1000;
  const local = civilDay * DAY_MS + hour * HOUR_MS + minute * MINUTE_MS + second * 1000 + millisecond;
  return {
    year,
    month,
    day,
    // 1970-01-01 (day 0) was a Thursday (4).
    weekday: (((civilDay + 4) % 7) + 7) % 7,
    hour,
    minute,
    second,
    millisecond,
    offsetMinutes: Math.round((local - instant) / MINUTE_MS),
  };
}

/**
 * T5: an instant as wall-clock time in an IANA zone — the same text on every host, whatever its
 * `TZ` and locale. The instant is read with T1 rules (no offset-less date-times); the zone is
 * validated first.
 *
 * Pattern letters (a subset of Unicode / date-fns; text in `'quotes'` is printed as is, `''` is a
 * quote): `y` `yy` `yyyy` year · `M` `MM` month, `MMM` `MMMM` `MMMMM` its name (`L…` standing alone) ·
 * `d` `dd` day · `E`–`EEE` `EEEE` `EEEEE` weekday · `a` AM/PM · `H` `HH` 0–23, `h` `hh` 1–12,
 * `K` 0–11, `k` 1–24 · `m` `mm` · `s` `ss` · `S`–`SSS` fraction · `X`–`XXXXX` offset (`Z` for UTC),
 * `x`–`xxxxx` offset (`+00:00`) · `O` `GMT+1`, `OOOO` `GMT+01:00` · `z`–`zzz` short and `zzzz` long
 * zone name. Numbers always have Latin digits; names are in `options.locale`.
 *
 * @param instant - epoch ms, an ISO string with `Z` or an offset, or a `Date`
 * @param timeZone - an IANA zone name, e.g. `Europe/Berlin`
 * @param pattern - the pattern (default `yyyy-MM-dd HH:mm:ss xxx`)
 * @param options - `locale`: the language of month, weekday and zone names (default `en-US`)
 * @throws `CspRulesError` `INVALID_ENUM` on `timeZone` for an unknown zone, on `pattern` for an
 * empty pattern, an unsupported letter (`Y`, `D`, `Q`…) or an unclosed quote, on `locale` for a
 * malformed tag; `INVALID_TYPE` on `pattern`, `options` or `locale` of the wrong type; T1 errors on `instant`
 *
 * @example
 * ```ts
 * formatInZone('2024-03-17T14:02:45Z', 'Europe/Berlin'); // '2024-03-17 15:02:45 +01:00'
 * formatInZone('2024-03-31T01:00:00Z', 'Europe/Berlin', 'HH:mm zzz'); // '03:00 GMT+2'
 * formatInZone('2024-03-17T14:02:45Z', 'Europe/Berlin', 'EEEE d MMMM', { locale: 'de' }); // 'Sonntag 17 März'
 * ```
 */
export function formatInZone(
  instant: InstantInput,
  timeZone: string,
  pattern: string | undefined = ZONE_PATTERN,
  options?: DisplayOptions,
): string {
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
    throw new CspRulesError('INVALID_TYPE', 'pattern', `expected a pattern string, got ${describe(pattern)}`, pattern);
  }
  const pieces = readPattern(pattern);
  const locales = toLocaleList(options);
  return printPattern(pieces, { instant: ms, wall: wallClockOf(ms, timeZone), timeZone, locales });
}
