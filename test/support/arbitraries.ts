/**
 * Shared fast-check generators for the time model (T1–T6) and the snapshot. Every expected
 * value here is computed with the built-in `Date.UTC` / `Date#toISOString` (the oracles of
 * `./time.ts`), never with src, so tests can use them as an independent oracle.
 */
import fc from 'fast-check';
import type { BillingFrequency, Term } from '../../src/time/term.js';
import { DAY, lastDayOfMonth } from './time.js';

/** First instant generated: 2000-01-01T00:00:00.000Z, the first instant T1 accepts. */
const MIN_INSTANT = Date.UTC(2000, 0, 1);
/** Last instant generated: 2100-12-31T23:59:59.999Z. */
export const MAX_INSTANT = Date.UTC(2101, 0, 1) - 1;
/** UTC day number of 2000-01-01 (the first day generated). */
const MIN_DAY = MIN_INSTANT / DAY;
/** UTC day number of 2100-12-31 (the last day generated). */
const MAX_DAY = Date.UTC(2100, 11, 31) / DAY;

/** A civil date, month 1–12. */
export interface Civil {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const yearArb = fc.integer({ min: 2000, max: 2100 });
const monthArb = fc.integer({ min: 1, max: 12 });
const LEAP_YEARS = Array.from({ length: 25 }, (_, i) => 2000 + 4 * i); // 2000 … 2096 (2000 is, 2100 is not leap)

/**
 * Civil dates 2000–2100 biased to the days T6 trips on: month ends, the 29th–31st, Feb 29 of
 * leap years, Dec 31 and Jan 1.
 */
export const civilArb: fc.Arbitrary<Civil> = fc.oneof(
  { arbitrary: fc.integer({ min: MIN_DAY, max: MAX_DAY }).map(civilOf), weight: 3 },
  {
    arbitrary: fc.tuple(yearArb, monthArb).map(([year, month]) => ({ year, month, day: lastDayOfMonth(year, month) })),
    weight: 2,
  },
  {
    arbitrary: fc
      .tuple(yearArb, monthArb, fc.integer({ min: 29, max: 31 }))
      .filter(([y, m, d]) => d <= lastDayOfMonth(y, m))
      .map(([year, month, day]) => ({ year, month, day })),
    weight: 2,
  },
  { arbitrary: fc.constantFrom(...LEAP_YEARS).map((year) => ({ year, month: 2, day: 29 })), weight: 1 },
  {
    arbitrary: fc
      .tuple(yearArb, fc.boolean())
      .map(([year, first]) => (first ? { year, month: 1, day: 1 } : { year, month: 12, day: 31 })),
    weight: 1,
  },
);

function civilOf(day: number): Civil {
  const d = new Date(day * DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** UTC day numbers 2000-01-01 … 2100-12-31, biased like {@link civilArb} (29th–31st, Feb 29, month ends). */
export const dayArb: fc.Arbitrary<number> = civilArb.map((c) => Date.UTC(c.year, c.month - 1, c.day) / DAY);

/** A time of day in ms, biased to 00:00:00.000, 00:00:00.001 and 23:59:59.999. */
const timeOfDayArb: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, 1, DAY - 1, 12 * 3_600_000),
  fc.integer({ min: 0, max: DAY - 1 }),
);

/**
 * Instants (epoch ms) 2000–2100 (T1: nothing earlier is an instant), biased to month ends, Feb 29, Dec 31/Jan 1 and UTC midnight ±1 ms.
 */
export const instantArb: fc.Arbitrary<number> = fc.oneof(
  { arbitrary: fc.integer({ min: MIN_INSTANT, max: MAX_INSTANT }), weight: 2 },
  { arbitrary: fc.tuple(dayArb, timeOfDayArb).map(([d, t]) => d * DAY + t), weight: 3 },
  {
    arbitrary: fc
      .tuple(dayArb, fc.constantFrom(-1, 0, 1))
      .map(([d, e]) => Math.min(MAX_INSTANT, Math.max(MIN_INSTANT, d * DAY + e))),
    weight: 1,
  },
);

/**
 * UTC offsets in minutes, −12:00 … +14:00, biased to the extremes, ±00:00 and the odd ones
 * (+05:45 Nepal, +13:45 Chatham DST, −09:30 Marquesas, −03:30 Newfoundland).
 */
const offsetMinutesArb: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(-720, 840, 0, 345, 825, -570, -210, 330, 60, -60),
  fc.integer({ min: -48, max: 56 }).map((q) => q * 15),
);

/** An ISO-8601 spelling of an instant and the instant it denotes (computed without src). */
export interface IsoWithOffset {
  readonly text: string;
  readonly instant: number;
}

/**
 * An instant from {@link instantArb} written as local wall time with an offset from −12:00 to
 * +14:00 (`+05:45`, `+0545`, `+05`, `Z`, `+00:00`, `-00:00`), with or without seconds and
 * fractions (extra fraction digits are truncated by T1, so they don't change the instant).
 */
export const isoWithOffsetArb: fc.Arbitrary<IsoWithOffset> = fc
  .record({
    instant: instantArb,
    offset: offsetMinutesArb,
    negativeZero: fc.boolean(),
    zoneStyle: fc.constantFrom('colon', 'basic', 'short', 'Z'),
    fraction: fc.constantFrom('ms', 'omit', 'micro', 'comma'),
    extraDigits: fc.integer({ min: 0, max: 999 }),
  })
  .map(({ instant, offset, negativeZero, zoneStyle, fraction, extraDigits }) => {
    const local = new Date(instant + offset * 60_000).toISOString(); // YYYY-MM-DDTHH:MM:SS.sssZ
    const ms = instant % 1000;
    const seconds = local.slice(17, 19);
    let time = local.slice(11, 16);
    if (ms !== 0) {
      const digits = local.slice(20, 23);
      time += `:${seconds}${fraction === 'comma' ? ',' : '.'}${digits}${fraction === 'micro' ? String(extraDigits).padStart(3, '0') : ''}`;
    } else if (fraction !== 'omit' || seconds !== '00') {
      time += `:${seconds}${fraction === 'ms' ? '.000' : ''}`;
    }
    const abs = Math.abs(offset);
    const hh = String(Math.floor(abs / 60)).padStart(2, '0');
    const mm = String(abs % 60).padStart(2, '0');
    const sign = offset < 0 || (offset === 0 && negativeZero) ? '-' : '+';
    let zone: string;
    if (offset === 0 && zoneStyle === 'Z') zone = 'Z';
    else if (zoneStyle === 'basic') zone = `${sign}${hh}${mm}`;
    else if (zoneStyle === 'short' && mm === '00') zone = `${sign}${hh}`;
    else zone = `${sign}${hh}:${mm}`;
    return { text: `${local.slice(0, 10)}T${time}${zone}`, instant };
  });

/** B1/T6: every term. */
export const termArb: fc.Arbitrary<Term> = fc.constantFrom<Term>('P1M', 'P1Y', 'P3Y');

/** B1: every billing frequency. */
export const billingArb: fc.Arbitrary<BillingFrequency> = fc.constantFrom<BillingFrequency>(
  'monthly',
  'annual',
  'triennial',
);
