/**
 * Coterminosity: whole answers for the cases the first suite left open (issue 7.5) — whole
 * decisions with their rule, error codes, fields and messages, and the end dates of other
 * subscriptions exactly on the first and last day of the term being aligned. Every expected
 * value is worked out by hand from rules.md (CO1–CO5, T2, T6).
 */
import { describe, expect, it } from 'vitest';
import {
  alignedTerms,
  alignmentOptions,
  canAlign,
  checkEndDay,
  purchaseAlignmentOptions,
} from '../src/lifecycle/coterm.js';
import type { SubscriptionInput } from '../src/snapshot/subscription.js';
import { caught } from './support/caught.js';
import { dayNumber as day } from './support/time.js';

const base: SubscriptionInput = {
  id: 'sub-1',
  program: 'nce-license',
  term: 'P1Y',
  billing: 'monthly',
  quantity: 10,
  purchasedAt: '2024-07-15T09:00:00Z', // term 2024-07-15 – 2025-07-14; the next one 2025-07-15 – 2026-07-14
};

const allowed = (rule: string, reason: string) => ({
  allowed: true,
  rule,
  reason,
  until: null,
  assumptions: [],
  warnings: [],
});
const refused = (rule: string, reason: string) => ({
  allowed: false,
  rule,
  reason,
  opensAt: null,
  assumptions: [],
  warnings: [],
});

describe('CO1 whole decisions', () => {
  it('CO1: alignable, not alignable (trial), not active (suspended): each under CO1, no deadline', () => {
    expect(canAlign(base)).toEqual(allowed('CO1', 'ALIGNABLE'));
    expect(canAlign({ ...base, trial: true })).toEqual(refused('CO1', 'NOT_ALIGNABLE'));
    expect(canAlign({ ...base, status: 'suspended' })).toEqual(refused('CO1', 'NOT_ACTIVE'));
  });
});

describe('CO2 whole decisions of checkEndDay', () => {
  const month = { startDay: day('2024-07-15'), endDay: day('2024-08-14') };
  const year = { startDay: day('2024-07-15'), endDay: day('2025-07-14') };

  it('CO2: an end date inside the term is ALIGNABLE under CO2', () => {
    expect(checkEndDay('P1Y', year, day('2025-07-14'))).toEqual(allowed('CO2', 'ALIGNABLE'));
  });

  it('CO2: a P1M subscription can coterm with another P1M (only P1Y/P3Y onto P1M are refused)', () => {
    // 2024-08-01: inside 2024-07-15 – 2024-08-14, the 1st (not 28th–30th), P1M onto P1M.
    expect(checkEndDay('P1M', month, day('2024-08-01'), 'P1M')).toEqual(allowed('CO2', 'ALIGNABLE'));
  });

  it('CO2: P1Y or P3Y onto P1M is TERM_MISMATCH under CO2', () => {
    expect(checkEndDay('P1Y', year, day('2024-12-14'), 'P1M')).toEqual(refused('CO2', 'TERM_MISMATCH'));
    expect(checkEndDay('P1M', month, day('2024-08-15'))).toEqual(refused('CO2', 'OUTSIDE_FIRST_TERM'));
  });
});

describe('CO2 CO4 errors: code, field, message and the value received', () => {
  it('CO4 alignedTerms: a custom end one day past the full term is INCONSISTENT with its message', () => {
    // P1Y from 2024-07-15 ends 2025-07-14; 2025-07-15 is one day past it.
    const e = caught(() => alignedTerms(day('2024-07-15'), 'P1Y', day('2025-07-15')));
    expect([e.code, e.field, e.message, e.received]).toEqual([
      'INCONSISTENT',
      'customEndDay',
      'customEndDay: must fall within the term from startDay (CO2)',
      day('2025-07-15'),
    ]);
  });

  it('CO1 alignmentOptions: others that is not an array is INVALID_TYPE with its message', () => {
    const e = caught(() => alignmentOptions(base, { others: 'x' as never, now: '2024-09-01T00:00:00Z' }));
    expect([e.code, e.field, e.message, e.received]).toEqual([
      'INVALID_TYPE',
      'others',
      'others: expected an array of subscriptions',
      'x',
    ]);
  });
});

describe('CO1 CO5 purchaseAlignmentOptions: whole answers', () => {
  it('CO1: a subscription without an id is not offered (it can’t be named in alignsTo); the calendar month is', () => {
    const { id: _none, ...anonymous } = { ...base, purchasedAt: '2023-10-01T00:00:00Z' }; // ends 2024-09-30: inside, but no id
    expect(_none).toBe('sub-1');
    const a = purchaseAlignmentOptions({ term: 'P1Y', purchasedAt: '2024-07-15T09:00:00Z', others: [anonymous] });
    // P1Y from 2024-07-15 ends 2025-07-14, not a month end → CO5 date 2025-06-30; the term after it runs 2025-07-01 – 2026-06-30.
    expect(a).toEqual({
      decision: allowed('CO1', 'ALIGNABLE'),
      term: { startDay: day('2024-07-15'), endDay: day('2025-07-14') },
      options: [
        {
          endDay: day('2025-06-30'),
          alignsTo: [],
          calendarMonth: true,
          firstTerm: { startDay: day('2024-07-15'), endDay: day('2025-06-30'), prorated: true },
          followingTerm: { startDay: day('2025-07-01'), endDay: day('2026-06-30') },
        },
      ],
    });
  });

  it('CO2: another subscription with no end date inside the term adds nothing, also for a term spanning day 0 (1970-01-01)', () => {
    // P1M from 1969-12-20 ends 1970-01-19 (not a month end) → CO5 date 1969-12-31; the term after it 1970-01-01 – 1970-01-31.
    // The P3Y other ends 1972-12-19: no end date in 1969-12-20 – 1970-01-19.
    const long: SubscriptionInput = { ...base, id: 'long', term: 'P3Y', purchasedAt: '1969-12-20T00:00:00Z' };
    const a = purchaseAlignmentOptions({ term: 'P1M', purchasedAt: '1969-12-20T12:00:00Z', others: [long] });
    expect(a.options).toEqual([
      {
        endDay: day('1969-12-31'),
        alignsTo: [],
        calendarMonth: true,
        firstTerm: { startDay: day('1969-12-20'), endDay: day('1969-12-31'), prorated: true },
        followingTerm: { startDay: day('1970-01-01'), endDay: day('1970-01-31') },
      },
    ]);
  });

  it('R5 CO2: without auto-renew another subscription only offers its current end date, not later renewals', () => {
    // P3Y from 2024-07-15 ends 2027-07-14 → CO5 date 2027-06-30. The other ends 2024-09-30 and won't renew
    // (it would otherwise also end 2025-09-30 and 2026-09-30 inside the term).
    const lapsing: SubscriptionInput = {
      ...base,
      id: 'lapsing',
      purchasedAt: '2023-10-01T00:00:00Z',
      autoRenew: false,
    };
    const a = purchaseAlignmentOptions({ term: 'P3Y', purchasedAt: '2024-07-15T09:00:00Z', others: [lapsing] });
    expect(a.options).toEqual([
      {
        endDay: day('2024-09-30'),
        alignsTo: ['lapsing'],
        calendarMonth: false,
        firstTerm: { startDay: day('2024-07-15'), endDay: day('2024-09-30'), prorated: true },
        followingTerm: { startDay: day('2024-10-01'), endDay: day('2027-09-30') },
      },
      {
        endDay: day('2027-06-30'),
        alignsTo: [],
        calendarMonth: true,
        firstTerm: { startDay: day('2024-07-15'), endDay: day('2027-06-30'), prorated: true },
        followingTerm: { startDay: day('2027-07-01'), endDay: day('2030-06-30') },
      },
    ]);
  });
});

describe('CO2 CO4 alignmentOptions: other end dates on the first and the last day of the next term', () => {
  it('CO2: an end date on the next term’s first day (a one-day first term) and on its last day (not prorated) are both offered', () => {
    const others: SubscriptionInput[] = [
      { ...base, id: 'twin' }, // same term: ends 2025-07-14, renews to 2026-07-14 = the next term's last day
      { ...base, id: 'edge', purchasedAt: '2024-07-16T00:00:00Z' }, // ends 2025-07-15 = the next term's first day; then 2026-07-15 (past it)
    ];
    const a = alignmentOptions(base, { others, now: '2024-09-01T00:00:00Z' });
    expect(a).toEqual({
      decision: allowed('CO1', 'ALIGNABLE'),
      term: { startDay: day('2025-07-15'), endDay: day('2026-07-14') },
      options: [
        {
          endDay: day('2025-07-15'),
          alignsTo: ['edge'],
          calendarMonth: false,
          firstTerm: { startDay: day('2025-07-15'), endDay: day('2025-07-15'), prorated: true },
          followingTerm: { startDay: day('2025-07-16'), endDay: day('2026-07-15') },
        },
        {
          endDay: day('2026-06-30'),
          alignsTo: [],
          calendarMonth: true,
          firstTerm: { startDay: day('2025-07-15'), endDay: day('2026-06-30'), prorated: true },
          followingTerm: { startDay: day('2026-07-01'), endDay: day('2027-06-30') },
        },
        {
          endDay: day('2026-07-14'),
          alignsTo: ['twin'],
          calendarMonth: false,
          firstTerm: { startDay: day('2025-07-15'), endDay: day('2026-07-14'), prorated: false },
          followingTerm: { startDay: day('2026-07-15'), endDay: day('2027-07-14') },
        },
      ],
    });
  });
});
