/**
 * Coterminosity (CO1–CO5): whole decisions with their rule, error codes, fields and messages, and
 * the end dates of other subscriptions exactly on the first and last day of the term being
 * aligned. Every expected value is worked out by hand from rules.md (CO1–CO5, T2, T6).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  alignedTerms,
  eligibleAlignments,
  calendarMonthEnd,
  canAlign,
  checkEndDay,
  checkCustomEndDate,
  eligiblePurchaseAlignments,
} from '../../src/lifecycle/coterm.js';
import { transition } from '../../src/lifecycle/machine/transition.js';
import { definePolicy } from '../../src/policy/policy.js';
import { type SubscriptionInput, toSubscription } from '../../src/snapshot/subscription.js';
import { civilFromDay, daysInMonth, formatDay } from '../../src/time/day.js';
import { caught } from '../support/caught.js';
import { dayNumber as day } from '../support/time.js';

const base: SubscriptionInput = {
  id: 'sub-1',
  offerName: 'Microsoft 365 E3',
  program: 'nce-license',
  term: 'P1Y',
  billing: 'monthly',
  quantity: 10,
  purchasedAt: '2024-07-15T09:00:00Z', // term 2024-07-15 – 2025-07-14
};

/** `base` without an offer name. */
const noOfferName: SubscriptionInput = {
  id: 'sub-1',
  program: 'nce-license',
  term: 'P1Y',
  billing: 'monthly',
  quantity: 10,
  purchasedAt: '2024-07-15T09:00:00Z', // term 2024-07-15 – 2025-07-14; the next one 2025-07-15 – 2026-07-14
};
/**
 * Whole CO decisions. canAlign, checkEndDay, checkCustomEndDate and eligiblePurchaseAlignments ask
 * no `now`: they name the baseline version (2023-10-19); eligibleAlignments names its now's.
 */
const allowed = (rule: string, reason: string, policyVersion = '2023-10-19') => ({
  allowed: true,
  rule,
  policyVersion,
  reason,
  until: null,
  assumptions: [],
  warnings: [],
});
const refused = (rule: string, reason: string, policyVersion = '2023-10-19') => ({
  allowed: false,
  rule,
  policyVersion,
  reason,
  opensAt: null,
  assumptions: [],
  warnings: [],
});

describe('CO1 only new-commerce license-based subscriptions can be aligned', () => {
  it('license-based yes; trials, software, perpetual, SaaS, third parties no', () => {
    expect(canAlign(base)).toMatchObject({ allowed: true, rule: 'CO1', reason: 'ALIGNABLE' });
    expect(canAlign({ ...base, trial: true })).toMatchObject({ allowed: false, rule: 'CO1', reason: 'NOT_ALIGNABLE' });
    for (const program of [
      'nce-software',
      'nce-perpetual',
      'nce-saas',
      'traditional-saas',
      'bss-software',
      'softwareone',
    ] as const) {
      expect(canAlign({ ...base, program }).reason).toBe('NOT_ALIGNABLE');
    }
    expect(canAlign({ ...base, status: 'suspended' })).toMatchObject({ allowed: false, reason: 'NOT_ACTIVE' });
  });

  it('CO1: alignable, not alignable (trial), not active (suspended): each under CO1, no deadline', () => {
    expect(canAlign(noOfferName)).toEqual(allowed('CO1', 'ALIGNABLE'));
    expect(canAlign({ ...noOfferName, trial: true })).toEqual(refused('CO1', 'NOT_ALIGNABLE'));
    expect(canAlign({ ...noOfferName, status: 'suspended' })).toEqual(refused('CO1', 'NOT_ACTIVE'));
  });

  it('CO1 eligibleAlignments: others that is not an array is INVALID_TYPE with its message', () => {
    const e = caught(() => eligibleAlignments(noOfferName, { others: 'x' as never, now: '2024-09-01T00:00:00Z' }));
    expect([e.code, e.field, e.message, e.received]).toEqual([
      'INVALID_TYPE',
      'others',
      'others: expected an array of subscriptions',
      'x',
    ]);
  });

  it('CO1: a subscription without an id is not offered (it can’t be named in alignsTo); the calendar month is', () => {
    const { id: _none, ...anonymous } = { ...noOfferName, purchasedAt: '2023-10-01T00:00:00Z' }; // ends 2024-09-30: inside, but no id
    expect(_none).toBe('sub-1');
    const a = eligiblePurchaseAlignments({ term: 'P1Y', purchasedAt: '2024-07-15T09:00:00Z', others: [anonymous] });
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
});

describe('CO2 valid custom term end dates', () => {
  const p1m = { startDay: day('2024-03-05'), endDay: day('2024-04-04') };

  it('must fall within the first term: first and last day accepted, the days around refused', () => {
    expect(
      checkEndDay('P1Y', { startDay: day('2024-07-15'), endDay: day('2025-07-14') }, day('2025-07-14')).allowed,
    ).toBe(true);
    expect(
      checkEndDay('P1Y', { startDay: day('2024-07-15'), endDay: day('2025-07-14') }, day('2025-07-15')).reason,
    ).toBe('OUTSIDE_FIRST_TERM');
    expect(
      checkEndDay('P1Y', { startDay: day('2024-07-15'), endDay: day('2025-07-14') }, day('2024-07-14')).reason,
    ).toBe('OUTSIDE_FIRST_TERM');
  });

  it('P1M: the 28th–30th only when it is the month end; 31st and 1st–27th always', () => {
    expect(checkEndDay('P1M', p1m, day('2024-03-30'))).toMatchObject({
      allowed: false,
      rule: 'CO2',
      reason: 'NOT_MONTH_END',
    });
    expect(checkEndDay('P1M', p1m, day('2024-03-28')).reason).toBe('NOT_MONTH_END');
    expect(checkEndDay('P1M', p1m, day('2024-03-31')).allowed).toBe(true);
    expect(checkEndDay('P1M', p1m, day('2024-03-27')).allowed).toBe(true);
    expect(
      checkEndDay('P1M', { startDay: day('2023-02-10'), endDay: day('2023-03-09') }, day('2023-02-28')).allowed,
    ).toBe(true);
    expect(
      checkEndDay('P1M', { startDay: day('2024-02-10'), endDay: day('2024-03-09') }, day('2024-02-28')).reason,
    ).toBe('NOT_MONTH_END');
    expect(
      checkEndDay('P1M', { startDay: day('2024-04-10'), endDay: day('2024-05-09') }, day('2024-04-30')).allowed,
    ).toBe(true);
    // P1Y is not bound by the month-end rule.
    expect(
      checkEndDay('P1Y', { startDay: day('2024-03-05'), endDay: day('2025-03-04') }, day('2024-03-30')).allowed,
    ).toBe(true);
  });

  it('P1Y and P3Y never coterm onto a P1M subscription; a P1M onto any', () => {
    const year = { startDay: day('2024-07-15'), endDay: day('2025-07-14') };
    expect(checkEndDay('P1Y', year, day('2024-12-14'), 'P1M')).toMatchObject({
      allowed: false,
      reason: 'TERM_MISMATCH',
    });
    expect(
      checkEndDay('P3Y', { startDay: day('2024-07-15'), endDay: day('2027-07-14') }, day('2024-12-14'), 'P1M').reason,
    ).toBe('TERM_MISMATCH');
    expect(
      checkEndDay('P1M', { startDay: day('2024-07-15'), endDay: day('2024-08-14') }, day('2024-08-01'), 'P3Y').allowed,
    ).toBe(true);
    expect(checkEndDay('P1Y', year, day('2024-12-14'), 'P3Y').allowed).toBe(true);
  });

  it('property: a P1M end day passes exactly when it is in the term and not a 28th–30th short of the month end', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: day('2020-01-01'), max: day('2030-12-31') }),
        fc.integer({ min: 0, max: 30 }),
        (start, offset) => {
          const first = { startDay: start, endDay: start + 29 };
          const end = start + offset;
          const c = civilFromDay(end);
          const shortOfMonthEnd = c.day >= 28 && c.day <= 30 && c.day < daysInMonth(c.year, c.month);
          return checkEndDay('P1M', first, end).allowed === (offset <= 29 && !shortOfMonthEnd);
        },
      ),
    );
  });

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

  it('CO2: another subscription with no end date inside the term adds nothing, also for a term spanning a year end', () => {
    // (Was a term spanning day 0, 1970-01-01: before 2000 no instant is read since T1.)
    // P1M from 2023-12-20 ends 2024-01-19 (not a month end) → CO5 date 2023-12-31; the term after it 2024-01-01 – 2024-01-31.
    // The P3Y other ends 2026-12-19: no end date in 2023-12-20 – 2024-01-19.
    const long: SubscriptionInput = { ...noOfferName, id: 'long', term: 'P3Y', purchasedAt: '2023-12-20T00:00:00Z' };
    const a = eligiblePurchaseAlignments({ term: 'P1M', purchasedAt: '2023-12-20T12:00:00Z', others: [long] });
    expect(a.options).toEqual([
      {
        endDay: day('2023-12-31'),
        alignsTo: [],
        calendarMonth: true,
        firstTerm: { startDay: day('2023-12-20'), endDay: day('2023-12-31'), prorated: true },
        followingTerm: { startDay: day('2024-01-01'), endDay: day('2024-01-31') },
      },
    ]);
  });

  it('CO2: an end date on the next term’s first day (a one-day first term) and on its last day (not prorated) are both offered', () => {
    const others: SubscriptionInput[] = [
      { ...noOfferName, id: 'twin' }, // same term: ends 2025-07-14, renews to 2026-07-14 = the next term's last day
      { ...noOfferName, id: 'edge', purchasedAt: '2024-07-16T00:00:00Z' }, // ends 2025-07-15 = the next term's first day; then 2026-07-15 (past it)
    ];
    const a = eligibleAlignments(noOfferName, { others, now: '2024-09-01T00:00:00Z' });
    expect(a).toEqual({
      // Asked 2024-09-01: the rules of 2024-07-01.
      decision: allowed('CO1', 'ALIGNABLE', '2024-07-01'),
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

  it('R5 CO2: without auto-renew another subscription only offers its current end date, not later renewals', () => {
    // P3Y from 2024-07-15 ends 2027-07-14 → CO5 date 2027-06-30. The other ends 2024-09-30 and won't renew
    // (it would otherwise also end 2025-09-30 and 2026-09-30 inside the term).
    const lapsing: SubscriptionInput = {
      ...noOfferName,
      id: 'lapsing',
      purchasedAt: '2023-10-01T00:00:00Z',
      autoRenew: false,
    };
    const a = eligiblePurchaseAlignments({ term: 'P3Y', purchasedAt: '2024-07-15T09:00:00Z', others: [lapsing] });
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

describe('CO3 nothing moves midterm', () => {
  it('a coterminous date is a scheduled change for the next term; the current end date stays', () => {
    const r = transition(
      base,
      { type: 'scheduleChange', change: { customTermEndDate: '2025-12-31' } },
      { now: '2024-09-01T00:00:00Z' },
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(formatDay(r.next.termEndDay)).toBe('2025-07-14');
    expect(r.next.scheduledChange?.customTermEndDay).toBe(day('2025-12-31'));
  });

  it('seat changes and upgrades keep the renewal date', () => {
    const now = '2024-07-16T00:00:00Z';
    const more = transition(base, { type: 'changeQuantity', quantity: 12 }, { now });
    const up = transition(base, { type: 'upgrade', quantity: 4, offerName: 'E5' }, { now });
    expect(more.ok && formatDay(more.next.termEndDay)).toBe('2025-07-14');
    expect(up.ok && formatDay(up.next.termEndDay)).toBe('2025-07-14');
    expect(up.ok && up.created?.map((s) => formatDay(s.termEndDay))).toEqual(['2025-07-14']);
  });

  it('an invalid scheduled end date is refused (CO2), not saved', () => {
    const r = transition(
      base,
      { type: 'scheduleChange', change: { customTermEndDate: '2026-07-15' } },
      { now: '2024-09-01T00:00:00Z' },
    );
    expect(r).toMatchObject({ ok: false, refusal: { rule: 'CO2', reason: 'OUTSIDE_FIRST_TERM' } });
    expect(checkCustomEndDate(toSubscription(base), day('2026-07-14')).allowed).toBe(true);
    expect(checkCustomEndDate(toSubscription({ ...base, program: 'nce-software' }), day('2026-07-14')).reason).toBe(
      'NOT_ALIGNABLE',
    );
  });
});

describe('CO4 the first aligned term is shorter and prorated; later terms are full length', () => {
  it('rules.md example: existing ends 2022-10-01; a P3Y bought 2022-07-01 runs to 2024-10-01, then 2024-10-02 to 2027-10-01', () => {
    const t = alignedTerms(day('2022-07-01'), 'P3Y', day('2024-10-01'));
    expect(t.firstTerm).toEqual({ startDay: day('2022-07-01'), endDay: day('2024-10-01'), prorated: true });
    expect(t.followingTerm).toEqual({ startDay: day('2024-10-02'), endDay: day('2027-10-01') });
  });

  it('eligiblePurchaseAlignments offers that date, aligned to the existing subscription', () => {
    const existing: SubscriptionInput = { ...base, id: 'existing', purchasedAt: '2021-10-02T08:00:00Z' }; // ends 2022-10-01, yearly
    const a = eligiblePurchaseAlignments({ term: 'P3Y', purchasedAt: '2022-07-01T10:00:00Z', others: [existing] });
    const option = a.options.find((o) => o.alignsTo.includes('existing'));
    expect(option).toEqual({
      endDay: day('2024-10-01'),
      alignsTo: ['existing'],
      calendarMonth: false,
      firstTerm: { startDay: day('2022-07-01'), endDay: day('2024-10-01'), prorated: true },
      followingTerm: { startDay: day('2024-10-02'), endDay: day('2027-10-01') },
    });
  });

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
});

describe('CO5 calendar-month alignment', () => {
  it('rules.md example: bought 2022-07-15 → P1Y ends 2023-06-30, P3Y 2025-06-30, P1M 2022-07-31', () => {
    expect(formatDay(calendarMonthEnd(day('2022-07-15'), 'P1Y'))).toBe('2023-06-30');
    expect(formatDay(calendarMonthEnd(day('2022-07-15'), 'P3Y'))).toBe('2025-06-30');
    expect(formatDay(calendarMonthEnd(day('2022-07-15'), 'P1M'))).toBe('2022-07-31');
  });

  it('a term that already ends on a month end keeps it (bought on the 1st)', () => {
    expect(formatDay(calendarMonthEnd(day('2024-02-01'), 'P1M'))).toBe('2024-02-29');
    expect(formatDay(calendarMonthEnd(day('2024-01-01'), 'P1Y'))).toBe('2024-12-31');
  });

  it('property: the result is a month end, inside the term, and the next month end is beyond it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: day('2020-01-01'), max: day('2030-12-31') }),
        fc.constantFrom('P1M', 'P1Y', 'P3Y' as const),
        (start, term) => {
          const end = calendarMonthEnd(start, term);
          const c = civilFromDay(end);
          const months = term === 'P1M' ? 1 : term === 'P1Y' ? 12 : 36;
          const s = civilFromDay(start);
          // the term's last day is the day before start + months (clamped)
          const idx = s.year * 12 + s.month - 1 + months;
          const y = Math.floor(idx / 12);
          const m = (idx % 12) + 1;
          const fullEnd =
            day(
              `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(s.day, daysInMonth(y, m))).padStart(2, '0')}`,
            ) - 1;
          const nextMonthEnd = end + daysInMonth(civilFromDay(end + 1).year, civilFromDay(end + 1).month);
          return c.day === daysInMonth(c.year, c.month) && end >= start && end <= fullEnd && nextMonthEnd > fullEnd;
        },
      ),
    );
  });

  it('eligibleAlignments lists the calendar-month date and the other subscriptions’ end dates for the next term', () => {
    const others: SubscriptionInput[] = [
      { ...base, id: 'yearly', purchasedAt: '2023-10-01T00:00:00Z' }, // ends 2024-09-30, 2025-09-30, 2026-09-30
      { ...base, id: 'monthly', term: 'P1M', purchasedAt: '2024-08-10T00:00:00Z' }, // P1M: a P1Y can't coterm onto it (CO2)
      { ...base, id: 'software', program: 'nce-software', purchasedAt: '2023-11-01T00:00:00Z' }, // CO1
      { ...base, id: 'sub-1' }, // itself
    ];
    const a = eligibleAlignments(base, { others, now: '2024-09-01T00:00:00Z' });
    expect(a.decision).toMatchObject({ allowed: true, rule: 'CO1' });
    expect([formatDay(a.term.startDay), formatDay(a.term.endDay)]).toEqual(['2025-07-15', '2026-07-14']);
    expect(a.options.map((o) => [formatDay(o.endDay), o.alignsTo, o.calendarMonth])).toEqual([
      ['2025-09-30', ['yearly'], false],
      ['2026-06-30', [], true],
    ]);
    expect(a.options[0]?.followingTerm).toEqual({ startDay: day('2025-10-01'), endDay: day('2026-09-30') });
  });

  it('eligibleAlignments is refused once the renewal has started or without auto-renew (CO3, S2)', () => {
    expect(eligibleAlignments(base, { others: [], now: '2025-07-15T00:00:00Z' })).toMatchObject({
      decision: { allowed: false, rule: 'CO3', reason: 'NO_NEXT_TERM' },
      options: [],
    });
    expect(eligibleAlignments(base, { others: [], now: '2025-07-14T23:59:59.999Z' }).decision.allowed).toBe(true);
    expect(
      eligibleAlignments({ ...base, autoRenew: false }, { others: [], now: '2024-09-01T00:00:00Z' }).decision.reason,
    ).toBe('NO_NEXT_TERM');
  });
});

describe('CO1–CO5 bad input is a typed error', () => {
  it('others must be an array; the term an enumeration value; now an instant', () => {
    expect(() => eligibleAlignments(base, { others: 'x' as never, now: '2024-09-01T00:00:00Z' })).toThrowError(
      /others/,
    );
    expect(() => eligibleAlignments(base, { others: [], now: '2024-09-01T00:00:00' })).toThrowError(/now/);
    expect(() =>
      eligiblePurchaseAlignments({ term: 'P2Y' as never, purchasedAt: '2022-07-01T00:00:00Z', others: [] }),
    ).toThrowError(/term/);
  });
});

describe('CO2, CO4 checked entry points (principle 5)', () => {
  const err = (code: string, field: string): unknown => expect.objectContaining({ name: 'CspRulesError', code, field });
  it('CO4 alignedTerms: a custom end outside the full term from startDay is INCONSISTENT (first and last day allowed)', () => {
    const start = day('2024-07-15');
    expect(alignedTerms(start, 'P1Y', day('2025-07-14')).firstTerm.prorated).toBe(false);
    expect(alignedTerms(start, 'P1Y', start).firstTerm.prorated).toBe(true);
    expect(() => alignedTerms(start, 'P1Y', day('2025-07-15'))).toThrow(err('INCONSISTENT', 'customEndDay'));
    expect(() => alignedTerms(start, 'P1Y', day('2024-07-14'))).toThrow(err('INCONSISTENT', 'customEndDay'));
  });
  it('CO2 checkEndDay / calendarMonthEnd / checkCustomEndDate name the bad argument', () => {
    expect(() => checkEndDay('P1M', null as never, day('2024-03-30'))).toThrow(err('INVALID_TYPE', 'first'));
    expect(() => checkEndDay('P1M', { startDay: day('2024-03-05'), endDay: Number.NaN }, day('2024-03-30'))).toThrow(
      err('INVALID_DATE', 'first.endDay'),
    );
    expect(() => calendarMonthEnd(day('2024-03-05'), 'P2Y' as never)).toThrow(err('INVALID_ENUM', 'term'));
    const sub = {
      program: 'nce-license',
      term: 'P1Y',
      billing: 'monthly',
      quantity: 5,
      purchasedAt: '2024-07-15T10:00:00Z',
    } as const;
    expect(() => checkCustomEndDate(sub, 1.5)).toThrow(err('INVALID_DATE', 'endDay'));
    // A plain override object is no policy; definePolicy names the bad setting.
    expect(() => checkCustomEndDate(sub, day('2026-07-14'), { renewalAnchor: 'x' } as never)).toThrow(
      err('INVALID_TYPE', 'policy'),
    );
    expect(() => definePolicy({ renewalAnchor: 'x' as never })).toThrow(err('INVALID_ENUM', 'policy.renewalAnchor'));
    expect(checkCustomEndDate(sub, day('2026-07-14')).allowed).toBe(true); // input accepted, not only snapshots
  });
});
