import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { definePolicy } from '../../src/policy/policy.js';
import { proratedRefund } from '../../src/decisions/refund.js';
import { caught } from '../support/caught.js';

/**
 * M1, M2, Q5 refunds asserted whole (issue 7.5): every field of the result, worked out by hand,
 * and every field of the thrown CspRulesError.
 */

// 2024 is a leap year: 2024-01-01..2024-12-31 is 366 days. At 2024-01-02 (inclusive count) 2 days are used.
const YEAR = { amountPaid: 9_999, periodStart: '2024-01-01', periodEnd: '2024-12-31', at: '2024-01-02T00:00:00Z' };

describe('M1 prorated refund: amount paid minus the daily-prorated days used', () => {
  it('cancelled on the third day of a 365-day term: 3 days charged (inclusive count, the default)', () => {
    // 2023-07-15 .. 2024-07-13 is 365 days (2024-02-29 included).
    expect(
      proratedRefund({
        amountPaid: 36_500,
        periodStart: '2023-07-15',
        periodEnd: '2024-07-13',
        at: '2023-07-17T10:00:00Z',
      }),
    ).toEqual({
      refund: 36_200,
      charged: 300,
      daysUsed: 3,
      daysInPeriod: 365,
      rule: 'M1',
    });
  });

  it('billing-scenarios count as a policy option: bought Jul 15, cancelled Jul 17 → 2 days charged', () => {
    const policy = definePolicy({ daysUsed: 'exclusive' });
    expect(
      proratedRefund({
        amountPaid: 36_500,
        periodStart: '2023-07-15',
        periodEnd: '2024-07-13',
        at: '2023-07-17T23:59:59.999Z',
        policy,
      }),
    ).toMatchObject({
      refund: 36_300,
      charged: 200,
      daysUsed: 2,
    });
  });

  it('counts UTC days: an instant given at +14:00 falls on the UTC day it is in', () => {
    // 2023-07-18T09:00+14:00 is 2023-07-17T19:00Z: still the third day.
    expect(
      proratedRefund({
        amountPaid: 36_500,
        periodStart: '2023-07-15',
        periodEnd: '2024-07-13',
        at: '2023-07-18T09:00:00+14:00',
      }).daysUsed,
    ).toBe(3);
  });

  it('rounds the charge up to the minor unit, so the refund never exceeds the exact value', () => {
    // 1000 × 3/7 = 428.57… → 429 charged, 571 refunded.
    expect(
      proratedRefund({
        amountPaid: 1000,
        periodStart: '2024-02-26',
        periodEnd: '2024-03-03',
        at: '2024-02-28T00:00:00Z',
      }),
    ).toMatchObject({
      charged: 429,
      refund: 571,
      daysInPeriod: 7,
    });
  });

  it('clamps days used to the period', () => {
    expect(
      proratedRefund({
        amountPaid: 700,
        periodStart: '2024-02-26',
        periodEnd: '2024-03-03',
        at: '2024-02-25T23:59:59.999Z',
        policy: definePolicy({ daysUsed: 'exclusive' }),
      }).refund,
    ).toBe(700);
    expect(
      proratedRefund({
        amountPaid: 700,
        periodStart: '2024-02-26',
        periodEnd: '2024-03-03',
        at: '2025-01-01T00:00:00Z',
      }).refund,
    ).toBe(0);
  });

  it('property: refund = ⌊amount × (days − used) ÷ days⌋, 0 ≤ refund ≤ amount, refund + charged = amount', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000_000 }),
        fc.integer({ min: 0, max: 1095 }),
        fc.integer({ min: 0, max: 1200 }),
        (amount, length, usedOffset) => {
          const start = Date.UTC(2024, 1, 29);
          const r = proratedRefund({
            amountPaid: amount,
            periodStart: start,
            periodEnd: start + length * 86_400_000,
            at: start + usedOffset * 86_400_000,
          });
          const days = BigInt(length + 1);
          const used = BigInt(Math.min(usedOffset + 1, length + 1));
          expect(BigInt(r.refund)).toBe((BigInt(amount) * (days - used)) / days);
          expect(r.refund + r.charged).toBe(amount);
          expect(r.refund >= 0 && r.refund <= amount).toBe(true);
        },
      ),
    );
  });

  it('M1: none mode refunds nothing and keeps rule M1', () => {
    expect(proratedRefund({ ...YEAR, mode: 'none' })).toEqual({
      refund: 0,
      charged: 9_999,
      daysUsed: 2,
      daysInPeriod: 366,
      rule: 'M1',
    });
  });

  it('M1: prorated, given or left out, is the same: ⌈9 999 × 2 / 366⌉ = ⌈54.64⌉ = 55 charged', () => {
    const expected = { refund: 9_944, charged: 55, daysUsed: 2, daysInPeriod: 366, rule: 'M1' };
    expect(proratedRefund({ ...YEAR, mode: 'prorated' })).toEqual(expected);
    expect(proratedRefund(YEAR)).toEqual(expected);
  });

  it('M1: an exact charge is not rounded up: 700 × 3 / 7 = 300', () => {
    // 2024-02-26..2024-03-03 is 7 days (Feb 29 included); at Feb 28 the inclusive count is 3.
    expect(
      proratedRefund({
        amountPaid: 700,
        periodStart: '2024-02-26',
        periodEnd: '2024-03-03',
        at: '2024-02-28T00:00:00Z',
      }),
    ).toEqual({
      refund: 400,
      charged: 300,
      daysUsed: 3,
      daysInPeriod: 7,
      rule: 'M1',
    });
  });

  it('M1: a period that starts and ends on the same day is one day long', () => {
    const oneDay = { amountPaid: 100, periodStart: '2024-01-01', periodEnd: '2024-01-01', at: '2024-01-01T12:00:00Z' };
    // Inclusive: the day of `at` is used → all of it charged.
    expect(proratedRefund(oneDay)).toEqual({ refund: 0, charged: 100, daysUsed: 1, daysInPeriod: 1, rule: 'M1' });
    // Exclusive: the day of `at` is left out → nothing used.
    expect(proratedRefund({ ...oneDay, policy: definePolicy({ daysUsed: 'exclusive' }) })).toEqual({
      refund: 100,
      charged: 0,
      daysUsed: 0,
      daysInPeriod: 1,
      rule: 'M1',
    });
  });
});

describe('M2 full-refund policies refund the whole amount', () => {
  it('refunds everything in full mode, nothing in none mode', () => {
    expect(
      proratedRefund({
        amountPaid: 9_999,
        periodStart: '2024-01-01',
        periodEnd: '2024-12-31',
        at: '2024-01-02T00:00:00Z',
        mode: 'full',
      }),
    ).toMatchObject({ refund: 9_999, rule: 'M2' });
    expect(
      proratedRefund({
        amountPaid: 9_999,
        periodStart: '2024-01-01',
        periodEnd: '2024-12-31',
        at: '2024-01-02T00:00:00Z',
        mode: 'none',
      }).refund,
    ).toBe(0);
  });

  it('M2: full mode refunds everything and names M2', () => {
    expect(proratedRefund({ ...YEAR, mode: 'full' })).toEqual({
      refund: 9_999,
      charged: 0,
      daysUsed: 2,
      daysInPeriod: 366,
      rule: 'M2',
    });
  });
});

describe('Q5 refund for a seat reduction: paid for those seats minus the days used, daily', () => {
  it('prorates a batch from the day it was added', () => {
    // 5 seats added 2024-03-10 at 2 000 cents for the rest of a term ending 2025-01-14 (311 days), reduced 2024-03-12.
    expect(
      proratedRefund({
        amountPaid: 10_000,
        periodStart: '2024-03-10T14:02:45Z',
        periodEnd: '2025-01-14',
        at: '2024-03-12T08:00:00Z',
      }),
    ).toMatchObject({
      daysInPeriod: 311,
      daysUsed: 3,
      charged: 97, // ⌈10 000 × 3 / 311⌉ = ⌈96.46⌉
      refund: 9_903,
    });
  });
});

describe('refund input errors', () => {
  it.each([
    [{ amountPaid: 10.5 }, 'amountPaid'],
    [{ amountPaid: -1 }, 'amountPaid'],
    [{ periodEnd: '2023-12-31' }, 'periodEnd'],
    [{ at: '2024-01-02T00:00' }, 'at'],
    [{ mode: 'partial' }, 'mode'],
  ])('%o → typed error on %s', (patch, field) => {
    const input = {
      amountPaid: 100,
      periodStart: '2024-01-01',
      periodEnd: '2024-12-31',
      at: '2024-01-02T00:00:00Z',
      ...patch,
    };
    expect(() => proratedRefund(input as never)).toThrow(expect.objectContaining({ field }));
  });

  const base = { amountPaid: 100, periodStart: '2024-01-02', periodEnd: '2024-12-31', at: '2024-01-02T00:00:00Z' };

  it('M1: a period ending the day before it starts → INCONSISTENT on periodEnd', () => {
    const e = caught(() => proratedRefund({ ...base, periodEnd: '2024-01-01' }));
    expect([e.code, e.field, e.message, e.received]).toEqual([
      'INCONSISTENT',
      'periodEnd',
      'periodEnd: is before periodStart',
      undefined,
    ]);
  });

  it('M2: an unknown mode → INVALID_ENUM listing the modes', () => {
    const e = caught(() => proratedRefund({ ...base, mode: 'partial' as never }));
    expect([e.code, e.field, e.message, e.received]).toEqual([
      'INVALID_ENUM',
      'mode',
      'mode: expected one of full, prorated, none, got "partial"',
      'partial',
    ]);
  });
});
