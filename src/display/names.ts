/**
 * T5: the words of a locale that a date pattern prints — month and weekday names, AM/PM, zone
 * names — read from Intl once per locale and kept. Names are taken from fixed UTC dates of the
 * Gregorian calendar (a `-u-ca-…` extension never changes the months), so no host setting enters.
 */
import type { LocaleList } from './locale.js';

/** The width of a name: `Mar`, `March`, `M`. */
export type NameWidth = 'short' | 'long' | 'narrow';

/** Month and weekday names and the two day periods of one locale. */
interface LocaleNames {
  /** Month names as inside a date (`d MMMM`: Russian «марта»), by width, January first. */
  readonly months: Readonly<Record<NameWidth, readonly string[]>>;
  /** Month names standing alone (`LLLL`: Russian «март»), by width, January first. */
  readonly standaloneMonths: Readonly<Record<NameWidth, readonly string[]>>;
  /** Weekday names by width, Sunday first. */
  readonly weekdays: Readonly<Record<NameWidth, readonly string[]>>;
  /** The before-noon and after-noon markers (`AM`, `PM`). */
  readonly dayPeriods: readonly [string, string];
}

/** Caches grow with the locales and zones a program uses; past this many entries they restart. */
const CACHE_LIMIT = 200;

const names = new Map<string, LocaleNames>();
const zoneNames = new Map<string, Intl.DateTimeFormat>();

/** Puts `value` in `cache`, emptying it first when it is full. */
export function remember<V>(cache: Map<string, V>, key: string, value: V): V {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
  return value;
}

/** A formatter of `locales` with `options`, in UTC and the Gregorian calendar. */
function utcFormat(locales: LocaleList, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat([...locales], { ...options, timeZone: 'UTC', calendar: 'gregory' });
}

/** The text of the part of `type` in `date` formatted by `format`. */
function partOf(format: Intl.DateTimeFormat, date: number, type: string): string {
  return format.formatToParts(date).find((p) => p.type === type)?.value ?? '';
}

/** One list of 12 months or 7 weekdays per width. */
function byWidth(list: (width: NameWidth) => string[]): Record<NameWidth, readonly string[]> {
  return { short: list('short'), long: list('long'), narrow: list('narrow') };
}

const MONTHS = Array.from({ length: 12 }, (_, i) => Date.UTC(2001, i, 15));
/** 2001-01-07 is a Sunday: seven days from it, Sunday first. */
const WEEKDAYS = Array.from({ length: 7 }, (_, i) => Date.UTC(2001, 0, 7 + i));

/** The names of `locales`' first locale (falling back as the list says). */
export function namesOf(locales: LocaleList): LocaleNames {
  const key = locales.join(',');
  const known = names.get(key);
  if (known !== undefined) return known;
  // A month alone is the whole text of a month-only format (Japanese 3月 is a number and a literal).
  const standaloneMonths = byWidth((month) => {
    const format = utcFormat(locales, { month });
    return MONTHS.map((d) => format.format(d));
  });
  const hours = utcFormat(locales, { hour: 'numeric', hourCycle: 'h12' });
  const entry: LocaleNames = {
    standaloneMonths,
    // Inside a date, unless the locale writes the month there as a number with its unit apart
    // (Japanese 3月17日: month "3", literal "月"): then the standalone name (3月).
    months: byWidth((month) => {
      const format = utcFormat(locales, { day: 'numeric', month });
      return MONTHS.map((d, i) => {
        const inDate = partOf(format, d, 'month');
        return /^\d+$/.test(inDate) ? (standaloneMonths[month][i] as string) : inDate;
      });
    }),
    weekdays: byWidth((weekday) => {
      const format = utcFormat(locales, { weekday });
      return WEEKDAYS.map((d) => partOf(format, d, 'weekday'));
    }),
    dayPeriods: [
      partOf(hours, Date.UTC(2001, 0, 1, 9), 'dayPeriod') || 'AM',
      partOf(hours, Date.UTC(2001, 0, 1, 21), 'dayPeriod') || 'PM',
    ],
  };
  return remember(names, key, entry);
}

/** The zone's name at `instant` in `locales`: `short` (`CET`, `GMT+2`) or `long`. */
export function zoneNameOf(locales: LocaleList, timeZone: string, style: 'short' | 'long', instant: number): string {
  const key = `${locales.join(',')} ${timeZone} ${style}`;
  const format =
    zoneNames.get(key) ??
    remember(
      zoneNames,
      key,
      new Intl.DateTimeFormat([...locales], { timeZone, timeZoneName: style, calendar: 'gregory' }),
    );
  return format.formatToParts(instant).find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
}
