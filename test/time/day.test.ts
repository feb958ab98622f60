import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  civilFromDay,
  dayFromCivil,
  dayOf,
  daysInMonth,
  DAY_MS,
  endOfDay,
  formatDay,
  HOUR_MS,
  isLeapYear,
  startOfDay,
  toDay,
} from '../../src/time/day.js';
import { CspRulesError } from '../../src/core/errors.js';
import { toUtcDay } from '../../src/time/instant.js';
import { caught } from '../support/caught.js';
import { civilArb, dayArb, instantArb } from '../support/arbitraries.js';
import { DAY, dayNumber, dayText, lastDayOfMonth } from '../support/time.js';

/** Oracle over the whole Date range: setUTCFullYear handles years 0–99 and negative years. */
function oracleDay(year: number, month: number, day: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d.getTime() / DAY;
}

// ±10,000 years around the epoch, in days.
const TEN_THOUSAND_YEARS = 3_652_425;

describe('T2 civil dates ↔ UTC day numbers', () => {
  it('T2 examples written by hand', () => {
    expect(dayFromCivil(1970, 1, 1)).toBe(0);
    expect(dayFromCivil(1969, 12, 31)).toBe(-1);
    expect(dayFromCivil(2024, 1, 15)).toBe(19_737);
    expect(dayFromCivil(2000, 3, 1)).toBe(11_017);
    expect(civilFromDay(19_737)).toEqual({ year: 2024, month: 1, day: 15 });
    expect(civilFromDay(-1)).toEqual({ year: 1969, month: 12, day: 31 });
    expect(civilFromDay(0)).toEqual({ year: 1970, month: 1, day: 1 });
  });

  it('T2 property: civilFromDay then dayFromCivil is the identity over ±10000 years, and agrees with Date', () => {
    fc.assert(
      fc.property(fc.integer({ min: -TEN_THOUSAND_YEARS, max: TEN_THOUSAND_YEARS }), (day) => {
        const c = civilFromDay(day);
        expect(dayFromCivil(c.year, c.month, c.day)).toBe(day);
        expect(oracleDay(c.year, c.month, c.day)).toBe(day);
        expect(c.day).toBeGreaterThanOrEqual(1);
        expect(c.day).toBeLessThanOrEqual(daysInMonth(c.year, c.month));
      }),
    );
  });

  it('T2 property: dayFromCivil agrees with Date.UTC for every civil date 1970–2100 (month ends, Feb 29 …)', () => {
    fc.assert(
      fc.property(civilArb, ({ year, month, day }) => {
        expect(dayFromCivil(year, month, day)).toBe(Date.UTC(year, month - 1, day) / DAY);
        expect(civilFromDay(dayFromCivil(year, month, day))).toEqual({ year, month, day });
      }),
    );
  });

  it('T2 every day 1970–2100 round-trips (exhaustive, consecutive days are consecutive numbers)', () => {
    let expected = dayFromCivil(1970, 1, 1);
    for (let year = 1970; year <= 2100; year++) {
      for (let month = 1; month <= 12; month++) {
        expect(daysInMonth(year, month)).toBe(lastDayOfMonth(year, month));
        for (let day = 1; day <= daysInMonth(year, month); day++) {
          if (dayFromCivil(year, month, day) !== expected) expect(`${year}-${month}-${day}`).toBe(expected);
          expected++;
        }
      }
    }
    expect(expected).toBe(Date.UTC(2101, 0, 1) / DAY);
  });

  it('T2 leap years are Gregorian', () => {
    expect([1900, 2000, 2023, 2024, 2100, 2400].map(isLeapYear)).toEqual([false, true, false, true, false, true]);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2023, 2)).toBe(28);
    expect(daysInMonth(2100, 2)).toBe(28);
    expect([1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2023, m))).toEqual([
      31, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
    ]);
  });
});

describe('T2 whole UTC days: dayOf, startOfDay, endOfDay', () => {
  it('T2 end date 2023-03-01 covers [2023-03-01T00:00Z, 2023-03-02T00:00Z) (000 "Renewals", 002 "Subscription renewals")', () => {
    const day = dayFromCivil(2023, 3, 1);
    expect(startOfDay(day)).toBe(1_677_628_800_000); // 2023-03-01T00:00:00.000Z
    expect(endOfDay(day)).toBe(1_677_715_200_000); // 2023-03-02T00:00:00.000Z
    expect(new Date(endOfDay(day)).toISOString()).toBe('2023-03-02T00:00:00.000Z');
  });

  it('T2 dayOf at the day boundaries, to the millisecond', () => {
    const mar1 = 1_677_628_800_000; // 2023-03-01T00:00:00.000Z
    expect(dayOf(mar1)).toBe(dayNumber('2023-03-01'));
    expect(dayOf(mar1 - 1)).toBe(dayNumber('2023-02-28')); // 2023-02-28T23:59:59.999Z
    expect(dayOf(mar1 + DAY - 1)).toBe(dayNumber('2023-03-01')); // 2023-03-01T23:59:59.999Z
    expect(dayOf(mar1 + DAY)).toBe(dayNumber('2023-03-02')); // 2023-03-02T00:00:00.000Z
    expect(dayOf(0)).toBe(0);
    expect(dayOf(-1)).toBe(-1); // 1969-12-31T23:59:59.999Z
  });

  it('T2 property: every instant lies in [startOfDay, endOfDay) of its day, and that day is its UTC date', () => {
    fc.assert(
      fc.property(instantArb, (t) => {
        const day = dayOf(t);
        expect(startOfDay(day)).toBeLessThanOrEqual(t);
        expect(t).toBeLessThan(endOfDay(day));
        expect(endOfDay(day)).toBe(startOfDay(day + 1));
        expect(dayText(day)).toBe(new Date(t).toISOString().slice(0, 10));
      }),
    );
  });

  it('T2 constants: a day is 24 h', () => {
    expect(HOUR_MS).toBe(3_600_000);
    expect(DAY_MS).toBe(24 * 3_600_000);
  });
});

describe('T2 formatDay', () => {
  it('T2 examples', () => {
    expect(formatDay(19_737)).toBe('2024-01-15');
    expect(formatDay(0)).toBe('1970-01-01');
    expect(formatDay(-1)).toBe('1969-12-31');
    expect(formatDay(dayFromCivil(2024, 2, 29))).toBe('2024-02-29');
    expect(formatDay(dayFromCivil(1, 1, 1))).toBe('0001-01-01');
    expect(formatDay(dayFromCivil(9999, 12, 31))).toBe('9999-12-31');
  });

  it('T2 T1 property: formatDay writes the UTC date, and toUtcDay reads it back from 2000-01-01 (T1) on', () => {
    // 2000-01-01 is day 10 957 (30 years of 365 days and 7 leap days, 1972–1996).
    const first = 10_957;
    fc.assert(
      fc.property(
        fc.oneof(dayArb, fc.integer({ min: dayFromCivil(0, 1, 1), max: dayFromCivil(9999, 12, 31) })),
        (day) => {
          expect(formatDay(day)).toBe(dayText(day));
          if (day >= first) expect(toUtcDay(formatDay(day), 'day')).toBe(day);
          else expect(caught(() => toUtcDay(formatDay(day), 'day')).code).toBe('INSTANT_OUT_OF_RANGE');
        },
      ),
    );
  });
});

describe('T2 toDay: the public entry check of a UTC day number (principle 5)', () => {
  it('T2 accepts whole days from 0000-01-01 to 9999-12-31, boundaries included', () => {
    expect(toDay(19_737, 'endDay')).toBe(19_737);
    // Date.UTC(9999, 11, 31) / 86 400 000 and -62 167 219 200 000 / 86 400 000.
    expect(toDay(2_932_896, 'endDay')).toBe(2_932_896);
    expect(toDay(-719_528, 'endDay')).toBe(-719_528);
  });
  it('T2 rejects anything else with INVALID_DATE naming the field, never a TypeError or NaN', () => {
    for (const bad of [
      2_932_897,
      -719_529,
      100_000_000,
      1.5,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      '19737',
      19_737n,
      null,
      undefined,
      {},
      Symbol('x'),
    ]) {
      expect(() => toDay(bad, 'first.startDay')).toThrow(
        expect.objectContaining({ code: 'INVALID_DATE', field: 'first.startDay' }),
      );
      expect(() => toDay(bad, 'first.startDay')).toThrow(CspRulesError);
    }
  });
  it('T2 formatDay checks its day (field `day`): years 0000–9999 only', () => {
    expect(() => formatDay(Number.NaN)).toThrow(expect.objectContaining({ code: 'INVALID_DATE', field: 'day' }));
    expect(formatDay(2_932_896)).toBe('9999-12-31');
    expect(formatDay(-719_528)).toBe('0000-01-01');
    expect(() => formatDay(dayFromCivil(10_000, 1, 1))).toThrow(
      expect.objectContaining({ code: 'INVALID_DATE', field: 'day' }),
    );
  });
});

describe('T2 toDay and formatDay at the ends of the range', () => {
  it('T2 toDay names what it got', () => {
    const e = caught(() => toDay('19737', 'endDay'));
    expect([e.code, e.field, e.message]).toEqual([
      'INVALID_DATE',
      'endDay',
      'endDay: expected a UTC day number (whole days since 1970-01-01, years 0000–9999), got "19737"',
    ]);
  });
  it('T2 formatDay writes four-digit years from 0000 to 9999', () => {
    // 0000-01-01 is day −719,528 and 9999-12-31 is day 2,932,896 (the documented range).
    expect(formatDay(-719_528)).toBe('0000-01-01');
    // Years 0000–0008 hold three leap years (0000, 0004, 0008): 9 × 365 + 3 = 3,288 days.
    expect(formatDay(-719_528 + 3_288)).toBe('0009-01-01');
    expect(formatDay(2_932_896)).toBe('9999-12-31');
  });
});
