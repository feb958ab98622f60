/**
 * M1, M2, Q5 refunds asserted whole (issue 7.5): every field of the result, worked out by hand,
 * and every field of the thrown CspRulesError.
 */
import { describe, expect, it } from 'vitest';
import { proratedRefund } from '../src/decisions/refund.js';
import { caught } from './support/caught.js';

// 2024 is a leap year: 2024-01-01..2024-12-31 is 366 days. At 2024-01-02 (inclusive count) 2 days are used.
const YEAR = { amountPaid: 9_999, periodStart: '2024-01-01', periodEnd: '2024-12-31', at: '2024-01-02T00:00:00Z' };

describe('M2 refund modes, whole results', () => {
  it('M2: full mode refunds everything and names M2', () => {
    expect(proratedRefund({ ...YEAR, mode: 'full' })).toEqual({
      refund: 9_999,
      charged: 0,
      daysUsed: 2,
      daysInPeriod: 366,
      rule: 'M2',
    });
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
});

describe('M1 rounding and the one-day period', () => {
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
    expect(proratedRefund({ ...oneDay, policy: { daysUsed: 'exclusive' } })).toEqual({
      refund: 100,
      charged: 0,
      daysUsed: 0,
      daysInPeriod: 1,
      rule: 'M1',
    });
  });
});

describe('M1 refund input errors, whole', () => {
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
