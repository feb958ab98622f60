import { UTCDate } from '@date-fns/utc';
import { addMonths } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addMonthsClamped,
  billingMonths,
  chargeCycleStart,
  renewedTerm,
  termEndDay,
  TERM_MONTHS,
  type RenewalAnchor,
  type Term,
  type TermDates,
} from '../../src/time/term.js';
import { dayArb, termArb } from '../support/arbitraries.js';
import { DAY, dayNumber as d, dayText } from '../support/time.js';
import { caught } from '../support/caught.js';

/** Oracle: day + n months with date-fns on a UTCDate (clamps to the month end). */
function plusMonths(day: number, n: number): number {
  return addMonths(new UTCDate(day * DAY), n).getTime() / DAY;
}

/** Oracle: the day-of-month of a UTC day. */
function dayOfMonth(day: number): number {
  return new Date(day * DAY).getUTCDate();
}

/** The first term and `n` renewals, as the library computes them. */
function terms(start: number, term: Term, anchor: RenewalAnchor, n: number): TermDates[] {
  const out: TermDates[] = [{ startDay: start, endDay: termEndDay(start, term) }];
  for (let i = 0; i < n; i++) out.push(renewedTerm(out[out.length - 1]!.endDay, term, dayOfMonth(start), anchor));
  return out;
}

describe('T6 term end dates: the day before S + M months, clamped', () => {
  it.each([
    ['2024-01-15', 'P1M', '2024-02-14'],
    ['2023-03-01', 'P1Y', '2024-02-29'],
    ['2024-01-31', 'P1M', '2024-02-28'], // S + 1 month = 2024-02-29
    ['2024-01-15', 'P1Y', '2025-01-14'],
    ['2024-01-15', 'P3Y', '2027-01-14'],
    ['2024-02-29', 'P1Y', '2025-02-27'], // S + 12 months = 2025-02-28 (clamped)
    ['2024-02-29', 'P3Y', '2027-02-27'],
    ['2023-12-31', 'P1M', '2024-01-30'],
    ['2023-12-01', 'P1M', '2023-12-31'],
    ['2024-01-01', 'P1Y', '2024-12-31'],
  ] as const)('T6 start %s, %s → ends %s', (start, term, end) => {
    expect(termEndDay(d(start), term)).toBe(d(end));
  });

  it.each([
    ['2023-01-31', '2023-02-27'], // Jan 31 → Feb 27
    ['2024-01-31', '2024-02-28'], // … Feb 28 in a leap year
    ['2023-05-31', '2023-06-29'], // May 31 → Jun 29
    ['2023-06-30', '2023-07-29'], // Jun 30 → Jul 29
    ['2023-07-31', '2023-08-30'], // Jul 31 → Aug 30
  ])('T6 Partner Center month-end table: P1M from %s ends %s', (start, end) => {
    expect(termEndDay(d(start), 'P1M')).toBe(d(end));
  });

  it('T6 addMonthsClamped clamps to the last day of a shorter month', () => {
    expect(addMonthsClamped(d('2024-01-31'), 1)).toBe(d('2024-02-29'));
    expect(addMonthsClamped(d('2023-01-31'), 1)).toBe(d('2023-02-28'));
    expect(addMonthsClamped(d('2023-03-31'), 1)).toBe(d('2023-04-30'));
    expect(addMonthsClamped(d('2023-11-30'), 3)).toBe(d('2024-02-29'));
    expect(addMonthsClamped(d('2023-02-28'), 1, 31)).toBe(d('2023-03-31')); // back to the anniversary day
    expect(addMonthsClamped(d('2023-02-28'), 1, 30)).toBe(d('2023-03-30'));
  });

  it('T6/B1 months per term and per billing frequency', () => {
    expect(TERM_MONTHS).toEqual({ P1M: 1, P1Y: 12, P3Y: 36 });
    expect([billingMonths('monthly'), billingMonths('annual'), billingMonths('triennial')]).toEqual([1, 12, 36]);
  });

  it('T6 property: a term of M months agrees with date-fns addMonths on a UTCDate, minus one day', () => {
    fc.assert(
      fc.property(dayArb, termArb, (start, term) => {
        expect(termEndDay(start, term)).toBe(plusMonths(start, TERM_MONTHS[term]) - 1);
      }),
    );
  });

  it('T6 property: addMonthsClamped agrees with date-fns for any number of months', () => {
    fc.assert(
      fc.property(dayArb, fc.integer({ min: 0, max: 120 }), (start, months) => {
        expect(addMonthsClamped(start, months)).toBe(plusMonths(start, months));
      }),
    );
  });
});

describe('T6 charge cycles keep the start day-of-month', () => {
  it('T6 from Jan 31: Jan 31–Feb 27, Feb 28–Mar 30, Mar 31–Apr 29', () => {
    const start = d('2023-01-31');
    const cycle = (k: number) => [dayText(chargeCycleStart(start, k)), dayText(chargeCycleStart(start, k + 1) - 1)];
    expect(cycle(0)).toEqual(['2023-01-31', '2023-02-27']);
    expect(cycle(1)).toEqual(['2023-02-28', '2023-03-30']);
    expect(cycle(2)).toEqual(['2023-03-31', '2023-04-29']);
    expect(cycle(3)).toEqual(['2023-04-30', '2023-05-30']);
  });

  it('T6 property: cycle k starts on S + k months (date-fns), cycles tile the term', () => {
    fc.assert(
      fc.property(dayArb, fc.integer({ min: 0, max: 35 }), (start, k) => {
        expect(chargeCycleStart(start, k)).toBe(plusMonths(start, k));
        expect(chargeCycleStart(start, k + 1)).toBeGreaterThan(chargeCycleStart(start, k));
      }),
    );
  });

  it('T6 the 12th monthly cycle of a P1Y term ends on the term end date', () => {
    for (const start of ['2023-01-31', '2024-02-29', '2023-08-31', '2024-01-15'].map(d)) {
      expect(chargeCycleStart(start, 12) - 1).toBe(termEndDay(start, 'P1Y'));
    }
  });
});

describe('T6 renewed terms: anniversary (default) vs clamped anchor', () => {
  it('T6 from Jan 31, P1M: the third term starts Mar 31 (anniversary) or Mar 28 (clamped)', () => {
    const first = termEndDay(d('2023-01-31'), 'P1M');
    expect(first).toBe(d('2023-02-27'));
    const a2 = renewedTerm(first, 'P1M', 31);
    expect(a2).toEqual({ startDay: d('2023-02-28'), endDay: d('2023-03-30') });
    expect(renewedTerm(a2.endDay, 'P1M', 31)).toEqual({ startDay: d('2023-03-31'), endDay: d('2023-04-29') });

    const c2 = renewedTerm(first, 'P1M', 31, 'clamped');
    expect(c2).toEqual({ startDay: d('2023-02-28'), endDay: d('2023-03-27') });
    expect(renewedTerm(c2.endDay, 'P1M', 31, 'clamped')).toEqual({
      startDay: d('2023-03-28'),
      endDay: d('2023-04-27'),
    });
  });

  it('T6 the default anchor is the anniversary', () => {
    expect(renewedTerm(d('2023-02-27'), 'P1M', 31)).toEqual(renewedTerm(d('2023-02-27'), 'P1M', 31, 'anniversary'));
  });

  it('T6 a P1Y term from Feb 29 renews on Feb 28, and returns to Feb 29 in the next leap year (anniversary)', () => {
    const all = terms(d('2024-02-29'), 'P1Y', 'anniversary', 4).map((t) => [dayText(t.startDay), dayText(t.endDay)]);
    expect(all).toEqual([
      ['2024-02-29', '2025-02-27'],
      ['2025-02-28', '2026-02-27'],
      ['2026-02-28', '2027-02-27'],
      ['2027-02-28', '2028-02-28'],
      ['2028-02-29', '2029-02-27'],
    ]);
  });

  it('T6 every start day of 2023–2024 (29th–31st, Feb 29 included): 13 consecutive terms tile time, both anchors', () => {
    for (let start = d('2023-01-01'); start <= d('2024-12-31'); start++) {
      for (const term of ['P1M', 'P1Y', 'P3Y'] as const) {
        for (const anchor of ['anniversary', 'clamped'] as const) {
          const all = terms(start, term, anchor, 12);
          for (let i = 1; i < all.length; i++) {
            const ok = all[i]!.startDay === all[i - 1]!.endDay + 1 && all[i]!.endDay >= all[i]!.startDay;
            if (!ok) expect({ start: dayText(start), term, anchor, i, all }).toBe('tiling');
          }
        }
      }
    }
    expect(terms(d('2024-02-29'), 'P1M', 'clamped', 1)[1]!.startDay).toBe(d('2024-03-29'));
  });

  it('T6 property: consecutive terms tile time — next.startDay = prev.endDay + 1, endDay ≥ startDay — from any start day', () => {
    fc.assert(
      fc.property(
        dayArb,
        termArb,
        fc.constantFrom<RenewalAnchor>('anniversary', 'clamped'),
        fc.integer({ min: 1, max: 12 }),
        (start, term, anchor, n) => {
          const all = terms(start, term, anchor, n);
          expect(all[0]!.startDay).toBe(start);
          for (let i = 1; i < all.length; i++) {
            expect(all[i]!.startDay).toBe(all[i - 1]!.endDay + 1);
            expect(all[i]!.endDay).toBeGreaterThanOrEqual(all[i]!.startDay);
          }
        },
      ),
    );
  });

  it('T6 property: with the anniversary anchor, term k starts on S + k·M months (date-fns, from the original day)', () => {
    fc.assert(
      fc.property(dayArb, termArb, fc.integer({ min: 1, max: 12 }), (start, term, n) => {
        const all = terms(start, term, 'anniversary', n);
        all.forEach((t, k) => expect(t.startDay).toBe(plusMonths(start, k * TERM_MONTHS[term])));
      }),
    );
  });

  it('T6 property: with the clamped anchor, each term is M months from its own start (date-fns)', () => {
    fc.assert(
      fc.property(dayArb, termArb, fc.integer({ min: 1, max: 12 }), (start, term, n) => {
        const all = terms(start, term, 'clamped', n);
        for (const t of all) expect(t.endDay).toBe(plusMonths(t.startDay, TERM_MONTHS[term]) - 1);
      }),
    );
  });
});

describe('T6, B1 public term functions check their arguments (principle 5)', () => {
  const err = (code: string, field: string): unknown => expect.objectContaining({ name: 'CspRulesError', code, field });
  it('T6 termEndDay / renewedTerm / chargeCycleStart: bad days, terms, anchors and cycles are CspRulesErrors naming the argument', () => {
    expect(() => termEndDay(Number.NaN, 'P1M')).toThrow(err('INVALID_DATE', 'startDay'));
    expect(() => termEndDay(d('2024-01-15'), 'P2Y' as Term)).toThrow(err('INVALID_ENUM', 'term'));
    expect(() => renewedTerm(1.5, 'P1M', 15)).toThrow(err('INVALID_DATE', 'endDay'));
    expect(() => renewedTerm(d('2024-01-15'), 'P1M', 32)).toThrow(err('INVALID_DATE', 'anchorDayOfMonth'));
    expect(() => renewedTerm(d('2024-01-15'), 'P1M', 0)).toThrow(err('INVALID_DATE', 'anchorDayOfMonth'));
    expect(() => renewedTerm(d('2024-01-15'), 'P1M', 15, 'x' as RenewalAnchor)).toThrow(err('INVALID_ENUM', 'anchor'));
    expect(() => chargeCycleStart(d('2024-01-15'), -1)).toThrow(err('INVALID_QUANTITY', 'k'));
    expect(() => chargeCycleStart('2024-01-15' as unknown as number, 1)).toThrow(err('INVALID_DATE', 'termStartDay'));
  });
  it('B1 billingMonths: an unknown frequency is INVALID_ENUM, never 36', () => {
    expect(() => billingMonths('weekly' as never)).toThrow(err('INVALID_ENUM', 'billing'));
  });
});

describe('T6 argument errors, whole', () => {
  const whole = (fn: () => unknown): unknown[] => {
    const e = caught(fn);
    return [e.code, e.field, e.message];
  };

  it('T6 renewedTerm: an anchor day must be a whole day of the month 1–31', () => {
    expect(whole(() => renewedTerm(d('2024-01-14'), 'P1M', '15' as unknown as number))).toEqual([
      'INVALID_DATE',
      'anchorDayOfMonth',
      'anchorDayOfMonth: expected a day of the month 1–31, got "15"',
    ]);
    expect(whole(() => renewedTerm(d('2024-01-14'), 'P1M', 32))[0]).toBe('INVALID_DATE');
    expect(whole(() => renewedTerm(d('2024-01-14'), 'P1M', 0))[0]).toBe('INVALID_DATE');
    expect(() => renewedTerm(d('2024-01-14'), 'P1M', 31)).not.toThrow();
    expect(() => renewedTerm(d('2024-01-14'), 'P1M', 1)).not.toThrow();
  });

  it('T6 chargeCycleStart: at most 6,600,000 months', () => {
    expect(() => chargeCycleStart(0, 6_600_000)).not.toThrow();
    expect(whole(() => chargeCycleStart(0, 6_600_001))).toEqual([
      'INVALID_QUANTITY',
      'k',
      'k: expected at most 6600000 months, got 6600001',
    ]);
  });

  it('B1 billingMonths: an unknown frequency from an untyped caller is an error, never 36', () => {
    expect(whole(() => billingMonths('weekly' as never))).toEqual([
      'INVALID_ENUM',
      'billing',
      'billing: expected one of monthly, annual, triennial, got "weekly"',
    ]);
  });
});
