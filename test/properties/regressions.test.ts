/**
 * Issue 7.4: regression vectors from other billing engines' public bugs. Each test is one vector,
 * named after the bug class (and the public report it comes from); the expected value is worked
 * out by hand in the comment above it — never computed by the code under test. Oracles: ISO
 * strings parsed by `Date.parse` and UTC day numbers by `Date.UTC`.
 *
 * Rules: T1 (instants), T2 (whole UTC days), T3 (windows of N×24 h), T4 (no host zone),
 * T6 (term ends, month-end clamping), C1/C4/C15 (windows), R2–R4 (renewals).
 */
import { describe, expect, it } from 'vitest';
import {
  canCancel,
  canIncreaseSeats,
  CspRulesError,
  definePolicy,
  reducibleSeats,
  toSubscription,
  type SubscriptionInput,
  type Term,
} from '../../src/index.js';
// The public time helpers, from their entry point (csp-subscription-rules/time).
import { chargeCycleStart, formatDay, renewedTerm, termEndDay, toInstant, toUtcDay } from '../../src/time/index.js';
// Internal day arithmetic (no longer in the public index).
import { endOfDay } from '../../src/time/day.js';
import { addMonthsClamped } from '../../src/time/term.js';
// Oracles: epoch ms of an ISO string with Z or an offset; the UTC day number of `YYYY-MM-DD`.
import { at, dayNumber as day } from '../support/time.js';

/** Consecutive terms from `start` (first term by T6, then renewals), as `start..end` strings. */
function terms(start: string, term: Term, count: number, anchor: 'anniversary' | 'clamped' = 'anniversary'): string[] {
  const anchorDay = Number(start.slice(8, 10));
  let startDay = day(start);
  let endDay = termEndDay(startDay, term);
  const out = [`${formatDay(startDay)}..${formatDay(endDay)}`];
  for (let i = 1; i < count; i++) {
    ({ startDay, endDay } = renewedTerm(endDay, term, anchorDay, anchor));
    out.push(`${formatDay(startDay)}..${formatDay(endDay)}`);
  }
  return out;
}

const M365 = { program: 'nce-license', term: 'P1Y', billing: 'monthly', quantity: 10 } as const;

function thrown(run: () => unknown): CspRulesError {
  try {
    run();
  } catch (e) {
    if (e instanceof CspRulesError) return e;
    throw e;
  }
  throw new Error('did not throw');
}

// ---------------------------------------------------------------------------------------------

describe('T6 month-end anchors (Jan 31 → Feb 28/29 → Mar 31)', () => {
  // getlago/lago-api#1567 "Monthly boundaries with anniversary on the 31st": expected periods
  // 2023-01-31..2023-02-27 then 2023-02-28..2023-03-30. T6 by hand, P1M from Jan 31 2023:
  //   term 1: Jan 31 + 1 month = Feb 31 → clamped Feb 28; the day before → Feb 27.
  //   term 2: starts Feb 28; next anniversary (day 31) = Mar 31; the day before → Mar 30.
  //   term 3: starts Mar 31; Apr 31 → Apr 30; ends Apr 29.
  //   term 4: starts Apr 30; May 31; ends May 30.  term 5: starts May 31; Jun 30; ends Jun 29.
  it('T6 lago#1567: monthly terms from 2023-01-31 tile without drift', () => {
    expect(terms('2023-01-31', 'P1M', 5)).toEqual([
      '2023-01-31..2023-02-27',
      '2023-02-28..2023-03-30',
      '2023-03-31..2023-04-29',
      '2023-04-30..2023-05-30',
      '2023-05-31..2023-06-29',
    ]);
  });

  // polarsource/polar#10664 "billing anchor day drifts (31st → 30th → 29th)": cycles computed
  // from the previous cycle lose the 31. chargeCycleStart counts from the term start:
  //   2024-01-31 + 1 month = Feb 31 → Feb 29 (leap); + 2 months = Mar 31 (not Mar 29);
  //   + 3 = Apr 31 → Apr 30; + 4 = May 31; + 11 = Dec 31.
  it('T6 polar#10664: charge cycles from 2024-01-31 return to the 31st (Feb 29, Mar 31, Apr 30, May 31, Dec 31)', () => {
    const start = day('2024-01-31');
    expect([1, 2, 3, 4, 11].map((k) => formatDay(chargeCycleStart(start, k)))).toEqual([
      '2024-02-29',
      '2024-03-31',
      '2024-04-30',
      '2024-05-31',
      '2024-12-31',
    ]);
    // Non-leap year: Feb 31 → Feb 28, then Mar 31 again (a chained "+1 month" would give Mar 28).
    expect(formatDay(chargeCycleStart(day('2023-01-31'), 1))).toBe('2023-02-28');
    expect(formatDay(chargeCycleStart(day('2023-01-31'), 2))).toBe('2023-03-31');
  });

  // latitude-dev/latitude-llm#2071: `new Date(2023, 1, 31)` rolls over to March 3. Here
  // Jan 31 + 1 month clamps to Feb 28, and the literal date 2023-02-31 is rejected.
  it('T6 latitude#2071: Feb 31 clamps to Feb 28, never rolls over to Mar 3', () => {
    expect(formatDay(addMonthsClamped(day('2023-01-31'), 1))).toBe('2023-02-28');
    const e = thrown(() => toInstant('2023-02-31', 'now'));
    expect([e.code, e.field]).toEqual(['INVALID_INSTANT', 'now']);
  });

  // getlago/lago-api#1840: anniversary on Jan 30 2024, billed in advance; the period from the
  // Feb 29 billing day must be 2024-02-29..2024-03-29. T6: term 1 = Jan 30 + 1 month = Feb 30
  // → Feb 29, ends Feb 28; term 2 starts Feb 29, next anniversary Mar 30, ends Mar 29.
  it('T6 lago#1840: anniversary on the 30th — second term 2024-02-29..2024-03-29', () => {
    expect(terms('2024-01-30', 'P1M', 2)).toEqual(['2024-01-30..2024-02-28', '2024-02-29..2024-03-29']);
  });

  // Partner Center billing-scenarios month-end table (rules.md T6): Jan 31 → Feb 27 (Feb 28 in a
  // leap year), May 31 → Jun 29, Jun 30 → Jul 29, Jul 31 → Aug 30.
  it('T6 Partner Center month-end table for P1M', () => {
    expect(formatDay(termEndDay(day('2023-01-31'), 'P1M'))).toBe('2023-02-27');
    expect(formatDay(termEndDay(day('2024-01-31'), 'P1M'))).toBe('2024-02-28');
    expect(formatDay(termEndDay(day('2024-05-31'), 'P1M'))).toBe('2024-06-29');
    expect(formatDay(termEndDay(day('2024-06-30'), 'P1M'))).toBe('2024-07-29');
    expect(formatDay(termEndDay(day('2024-07-31'), 'P1M'))).toBe('2024-08-30');
  });

  // Stripe-style "clamped" anchor (policy renewalAnchor: 'clamped'): each term is computed from
  // its own start. From Jan 31 2023: Jan 31..Feb 27; Feb 28 + 1 month = Mar 28 → ends Mar 27;
  // Mar 28 + 1 = Apr 28 → ends Apr 27.
  it('T6 clamped anchor from 2023-01-31: Feb 28..Mar 27, Mar 28..Apr 27', () => {
    expect(terms('2023-01-31', 'P1M', 3, 'clamped')).toEqual([
      '2023-01-31..2023-02-27',
      '2023-02-28..2023-03-27',
      '2023-03-28..2023-04-27',
    ]);
  });

  // A subscription bought at 10:00Z on 2024-01-31, P1M: term end by T6 = Feb 29 − 1 = 2024-02-28.
  it('T6 toSubscription: P1M bought on 2024-01-31 ends 2024-02-28', () => {
    const sub = toSubscription({ ...M365, term: 'P1M', purchasedAt: '2024-01-31T10:00:00Z' });
    expect(formatDay(sub.termEndDay)).toBe('2024-02-28');
  });
});

describe('T6 yearly terms from Feb 29', () => {
  // getlago/lago-api#6173 "yearly on 29 Feb: periods overlapped or left a gap" and lago#366.
  // T6 by hand, P1Y from 2024-02-29 (anchor day 29):
  //   term 1: 2025-02-29 doesn't exist → Feb 28; ends 2025-02-27.
  //   term 2: starts 2025-02-28; next anniversary 2026-02-29 → Feb 28; ends 2026-02-27.
  //   term 3: starts 2026-02-28; 2027-02-28; ends 2027-02-27.
  //   term 4: starts 2027-02-28; 2028-02-29 exists (leap); ends 2028-02-28.
  //   term 5: starts 2028-02-29 — back on the anniversary; 2029-02-28; ends 2029-02-27.
  it('T6 lago#6173: P1Y terms from 2024-02-29 tile and return to Feb 29 in 2028', () => {
    expect(terms('2024-02-29', 'P1Y', 5)).toEqual([
      '2024-02-29..2025-02-27',
      '2025-02-28..2026-02-27',
      '2026-02-28..2027-02-27',
      '2027-02-28..2028-02-28',
      '2028-02-29..2029-02-27',
    ]);
  });

  // P3Y from 2024-02-29: 2027-02-29 doesn't exist → Feb 28; ends 2027-02-27.
  // P1Y from 2023-03-01 (rules.md T6 example): 2024-03-01, the day before is 2024-02-29.
  it('T6 P3Y from Feb 29 ends 2027-02-27; P1Y from 2023-03-01 ends on Feb 29 2024', () => {
    expect(formatDay(termEndDay(day('2024-02-29'), 'P3Y'))).toBe('2027-02-27');
    expect(formatDay(termEndDay(day('2023-03-01'), 'P1Y'))).toBe('2024-02-29');
  });

  // Monthly charge cycles of a P1Y term from Feb 29 2024: + 12 months = 2025-02-29 → Feb 28.
  // 1900 and 2100 are not leap years: Feb 29 2096 + 48 months = 2100-02-29 → 2100-02-28.
  it('T6 charge cycle 12 from 2024-02-29 is 2025-02-28; 2100 is not a leap year', () => {
    expect(formatDay(chargeCycleStart(day('2024-02-29'), 12))).toBe('2025-02-28');
    expect(formatDay(chargeCycleStart(day('2096-02-29'), 48))).toBe('2100-02-28');
    expect(formatDay(chargeCycleStart(day('2096-02-29'), 52))).toBe('2100-06-29');
  });
});

describe('T2/T3 terms starting at 23:xx UTC', () => {
  // killbill/killbill#139: a late-evening start read in another zone moved the term end a day.
  // Bought 2024-01-31T23:30:00Z (P1M): the term's first UTC day is Jan 31 (T2), so it ends
  // 2024-02-28 (T6). The C1 window is [Jan 31 23:30Z, Jan 31 23:30Z + 168 h = Feb 7 23:30Z).
  it('C1 bought at 23:30Z: last allowed instant 2024-02-07T23:29:59.999Z, first refused 23:30:00.000Z', () => {
    const sub = { ...M365, term: 'P1M', purchasedAt: '2024-01-31T23:30:00Z' } as const;
    expect(formatDay(toSubscription(sub).termEndDay)).toBe('2024-02-28');
    const last = canCancel(sub, { now: '2024-02-07T23:29:59.999Z' });
    expect(last).toMatchObject({
      allowed: true,
      rule: 'C1',
      reason: 'WITHIN_WINDOW',
      until: at('2024-02-07T23:30:00Z'),
    });
    const first = canCancel(sub, { now: '2024-02-07T23:30:00.000Z' });
    // Refused until the renewal window: 00:00Z on the day after the term end (Feb 28 + 1 = Feb 29).
    expect(first).toMatchObject({ allowed: false, reason: 'WINDOW_CLOSED', opensAt: at('2024-02-29T00:00:00Z') });
  });

  // C15: full refund for 24 h from 23:30Z → until 2024-02-01T23:30:00Z (on the next UTC day).
  it('C15 bought at 23:30Z: full refund until 2024-02-01T23:30:00Z, prorated from that instant', () => {
    const sub = { ...M365, purchasedAt: '2024-01-31T23:30:00Z' } as const;
    expect(canCancel(sub, { now: '2024-02-01T23:29:59.999Z' })).toMatchObject({
      refund: 'full',
      fullRefundUntil: at('2024-02-01T23:30:00Z'),
    });
    expect(canCancel(sub, { now: '2024-02-01T23:30:00Z' })).toMatchObject({
      refund: 'prorated',
      fullRefundUntil: null,
    });
  });

  // The last millisecond of a year: 2024-12-31T23:59:59.999Z is UTC day Dec 31. P1Y: 2025-12-31,
  // the day before → 2025-12-30. Window end = + 168 h = 2025-01-07T23:59:59.999Z.
  it('T6 bought at 2024-12-31T23:59:59.999Z: term ends 2025-12-30, window ends 2025-01-07T23:59:59.999Z', () => {
    const sub = { ...M365, purchasedAt: '2024-12-31T23:59:59.999Z' } as const;
    expect(formatDay(toSubscription(sub).termEndDay)).toBe('2025-12-30');
    expect(canCancel(sub, { now: '2025-01-01T00:00:00Z' })).toMatchObject({
      allowed: true,
      until: at('2025-01-07T23:59:59.999Z'),
    });
  });
});

describe('T1/T2 offsets that cross UTC midnight', () => {
  // killbill/killbill#1923: ref time 2023-03-01 03:47:56 UTC = 2023-02-28 22:47:56 New York.
  // The instant's UTC day is Mar 1 (T2), so a P1M term runs 2023-03-01..2023-03-31 (Apr 1 − 1),
  // not from Feb 28.
  it('T2 killbill#1923: 2023-02-28T22:47:56-05:00 is UTC day 2023-03-01; P1M ends 2023-03-31', () => {
    expect(toInstant('2023-02-28T22:47:56-05:00', 'now')).toBe(at('2023-03-01T03:47:56Z'));
    expect(toUtcDay('2023-02-28T22:47:56-05:00', 'd')).toBe(day('2023-03-01'));
    const sub = toSubscription({ ...M365, term: 'P1M', purchasedAt: '2023-02-28T22:47:56-05:00' });
    expect([formatDay(sub.termStartDay), formatDay(sub.termEndDay)]).toEqual(['2023-03-01', '2023-03-31']);
  });

  // Automattic/wp-calypso#27783: a renewal at 02:00 GMT on Nov 19 showed as Nov 18 in EST.
  // The library's day is the UTC day whatever offset spells the instant: 2018-11-18T21:00-05:00
  // = 2018-11-19T02:00Z → day 2018-11-19.
  it('T2 wp-calypso#27783: 2018-11-18T21:00:00-05:00 is UTC day 2018-11-19', () => {
    expect(formatDay(toUtcDay('2018-11-18T21:00:00-05:00', 'd'))).toBe('2018-11-19');
    expect(formatDay(toUtcDay('2018-11-19T02:00:00Z', 'd'))).toBe('2018-11-19');
  });

  // +14:00 (Kiritimati): 2024-01-01T00:30+14:00 = 2023-12-31T10:30Z → day Dec 31 2023; a P1Y
  // term from it ends 2024-12-30. −12:00: 2023-12-31T23:00-12:00 = 2024-01-01T11:00Z → Jan 1.
  it('T1 +14:00 and −12:00: the same calendar label lands on different UTC days', () => {
    expect(toInstant('2024-01-01T00:30:00+14:00', 'now')).toBe(at('2023-12-31T10:30:00Z'));
    expect(formatDay(toSubscription({ ...M365, purchasedAt: '2024-01-01T00:30:00+14:00' }).termEndDay)).toBe(
      '2024-12-30',
    );
    expect(formatDay(toUtcDay('2023-12-31T23:00:00-12:00', 'd'))).toBe('2024-01-01');
  });

  // Kathmandu +05:45: 05:44:59.999 local = 23:59:59.999Z the day before; 05:45 local = 00:00Z.
  // The compact spelling +0545 reads the same.
  it('T1 +05:45: 2024-01-15T05:44:59.999+05:45 is Jan 14 UTC, 05:45:00 is Jan 15 00:00Z', () => {
    expect(toInstant('2024-01-15T05:44:59.999+05:45', 'now')).toBe(at('2024-01-14T23:59:59.999Z'));
    expect(toInstant('2024-01-15T05:45:00+05:45', 'now')).toBe(at('2024-01-15T00:00:00Z'));
    expect(toInstant('2024-01-15T05:45:00+0545', 'now')).toBe(at('2024-01-15T00:00:00Z'));
  });

  // St John's −03:30: 2024-01-31T23:30-03:30 = 2024-02-01T03:00Z → term starts Feb 1 (not
  // Jan 31), P1M ends Mar 1 − 1 = 2024-02-29; window until 2024-02-08T03:00Z.
  it('T6 −03:30: bought 2024-01-31T23:30-03:30 → term 2024-02-01..2024-02-29, window until 2024-02-08T03:00Z', () => {
    const sub = { ...M365, term: 'P1M', purchasedAt: '2024-01-31T23:30:00-03:30' } as const;
    const s = toSubscription(sub);
    expect([formatDay(s.termStartDay), formatDay(s.termEndDay)]).toEqual(['2024-02-01', '2024-02-29']);
    // 2024-02-01T02:59:59.999Z is before the purchase: not open yet.
    expect(canCancel(sub, { now: '2024-02-01T02:59:59.999Z' })).toMatchObject({
      reason: 'WINDOW_NOT_OPEN',
      opensAt: at('2024-02-01T03:00:00Z'),
    });
    expect(canCancel(sub, { now: '2024-02-01T03:00:00Z' })).toMatchObject({
      allowed: true,
      until: at('2024-02-08T03:00:00Z'),
    });
  });
});

describe('T3 European DST change days (windows are N×24 h, not N local days)', () => {
  // EU spring forward: 2024-03-31 01:00Z (CET +01:00 → CEST +02:00). Bought 2024-03-28T12:00+01:00
  // = 11:00Z; + 168 h = 2024-04-04T11:00Z = 13:00 CEST (local clock shows 13:00, not 12:00).
  it('C1 across EU spring forward: open at 12:59:59.999+02:00 on Apr 4, closed at 13:00:00+02:00', () => {
    const sub = { ...M365, purchasedAt: '2024-03-28T12:00:00+01:00' } as const;
    expect(canCancel(sub, { now: '2024-04-04T12:00:00+02:00' })).toMatchObject({
      allowed: true,
      until: at('2024-04-04T11:00:00Z'),
    });
    expect(canCancel(sub, { now: '2024-04-04T12:59:59.999+02:00' }).allowed).toBe(true);
    expect(canCancel(sub, { now: '2024-04-04T13:00:00+02:00' }).allowed).toBe(false);
  });

  // EU fall back: 2024-10-27 01:00Z (CEST +02:00 → CET +01:00). Bought 2024-10-25T12:00+02:00 =
  // 10:00Z; + 168 h = 2024-11-01T10:00Z = 11:00 CET.
  it('C1 across EU fall back: open at 10:59:59.999+01:00 on Nov 1, closed at 11:00:00+01:00', () => {
    const sub = { ...M365, purchasedAt: '2024-10-25T12:00:00+02:00' } as const;
    expect(canCancel(sub, { now: '2024-11-01T10:59:59.999+01:00' })).toMatchObject({
      allowed: true,
      until: at('2024-11-01T10:00:00Z'),
    });
    expect(canCancel(sub, { now: '2024-11-01T11:00:00+01:00' }).allowed).toBe(false);
  });

  // 02:30 on 2024-03-31 does not exist on a Paris clock; with an explicit offset it is a valid
  // instant (00:30Z); without one it is rejected (T1), never guessed.
  it('T1 a wall-clock time skipped by DST: with an offset it is exact, without one it is AMBIGUOUS_INSTANT', () => {
    expect(toInstant('2024-03-31T02:30:00+02:00', 'now')).toBe(at('2024-03-31T00:30:00Z'));
    expect(thrown(() => toInstant('2024-03-31T02:30:00', 'now')).code).toBe('AMBIGUOUS_INSTANT');
  });
});

describe('T3 US DST change days', () => {
  // killbill/killbill#743: a 30-day trial created 2017-03-01T23:30-08:00 across the Mar 12 DST
  // change computed the wrong billing day. Here: 2017-03-02T07:30Z → UTC day Mar 2; P1M ends
  // Apr 2 − 1 = 2017-04-01; a 30×24 h window ends 2017-04-01T07:30Z exactly.
  it('T6 killbill#743: bought 2017-03-01T23:30-08:00 → term 2017-03-02..2017-04-01', () => {
    const sub = toSubscription({ ...M365, term: 'P1M', purchasedAt: '2017-03-01T23:30:00-08:00' });
    expect([formatDay(sub.termStartDay), formatDay(sub.termEndDay)]).toEqual(['2017-03-02', '2017-04-01']);
    // C13 (perpetual): 30 d = 720 h from the purchase, DST or not.
    const perpetual = canCancel(
      { ...M365, program: 'nce-perpetual', purchasedAt: '2017-03-01T23:30:00-08:00' },
      { now: '2017-03-20T00:00:00Z' },
    );
    expect(perpetual).toMatchObject({ allowed: true, rule: 'C13', until: at('2017-04-01T07:30:00Z') });
  });

  // US spring forward 2024-03-10 07:00Z. Bought 2024-03-08T09:00-05:00 = 14:00Z; + 168 h =
  // 2024-03-15T14:00Z = 10:00 EDT (−04:00).
  it('C1 across US spring forward: open at 09:59:59.999-04:00 on Mar 15, closed at 10:00:00-04:00', () => {
    const sub = { ...M365, purchasedAt: '2024-03-08T09:00:00-05:00' } as const;
    expect(canCancel(sub, { now: '2024-03-15T09:59:59.999-04:00' })).toMatchObject({
      allowed: true,
      until: at('2024-03-15T14:00:00Z'),
    });
    expect(canCancel(sub, { now: '2024-03-15T10:00:00-04:00' }).allowed).toBe(false);
  });

  // US fall back 2024-11-03 06:00Z: local 01:30 happens twice, 05:30Z (EDT) and 06:30Z (EST).
  // C4 traditional SaaS monthly: 24 h from the order 2024-11-02T12:00-04:00 = 16:00Z → until
  // 2024-11-03T16:00Z = 11:00 EST (the local clock moved 23 h).
  it('C4 across US fall back: the repeated hour is two instants; 24 h ends at 11:00-05:00', () => {
    expect(toInstant('2024-11-03T01:30:00-05:00', 'now') - toInstant('2024-11-03T01:30:00-04:00', 'now')).toBe(
      3_600_000,
    );
    expect(thrown(() => toInstant('2024-11-03T01:30:00', 'now')).code).toBe('AMBIGUOUS_INSTANT');
    const sub = {
      program: 'traditional-saas',
      term: 'P1M',
      billing: 'monthly',
      quantity: 1,
      purchasedAt: '2024-11-02T12:00:00-04:00',
    } as const;
    expect(canCancel(sub, { now: '2024-11-03T10:59:59.999-05:00' })).toMatchObject({
      allowed: true,
      rule: 'C4',
      reason: 'WITHIN_WINDOW',
      refund: 'full',
      until: at('2024-11-03T16:00:00Z'),
    });
    expect(canCancel(sub, { now: '2024-11-03T11:00:00-05:00' })).toMatchObject({
      reason: 'SCHEDULED_AT_RENEWAL',
      refund: 'none',
    });
  });
});

describe('R2–R4 renewals around UTC midnight', () => {
  // First term 2024-01-15..2025-01-14 (T6). R2: the renewal starts 00:00Z on 2025-01-15.
  // Just before: refused, opens 2025-01-15T00:00Z, no warning. From 00:00Z for 24 h: R4 warning.
  const FIRST = { ...M365, purchasedAt: '2024-01-15T09:30:12Z' } as const;
  it('R2/R4 the renewal window opens at 2025-01-15T00:00:00Z; RENEWAL_IN_PROGRESS for that UTC day only', () => {
    const before = canCancel(FIRST, { now: '2025-01-14T23:59:59.999Z' });
    expect(before).toMatchObject({
      allowed: false,
      reason: 'WINDOW_CLOSED',
      opensAt: at('2025-01-15T00:00:00Z'),
      warnings: [],
    });
    expect(canCancel(FIRST, { now: '2025-01-15T00:00:00Z' }).warnings).toEqual(['RENEWAL_IN_PROGRESS']);
    expect(canIncreaseSeats(FIRST, { now: '2025-01-15T23:59:59.999Z' }).warnings).toEqual(['RENEWAL_IN_PROGRESS']);
    expect(canIncreaseSeats(FIRST, { now: '2025-01-16T00:00:00Z' }).warnings).toEqual([]);
    expect(canIncreaseSeats(FIRST, { now: '2025-01-14T23:59:59.999Z' }).warnings).toEqual([]);
  });

  // R3: renewal completed at 00:03Z → window until 2025-01-22T00:03Z. The renewed term's end:
  // anniversary day 15 → 2026-01-15 − 1 = 2026-01-14; after the window it reopens 2026-01-15T00:00Z.
  it('R3 renewal completed at 2025-01-15T00:03:00Z: last allowed 2025-01-22T00:02:59.999Z', () => {
    const renewed = { ...FIRST, termStartedAt: '2025-01-15T00:03:00Z' } as const;
    expect(formatDay(toSubscription(renewed).termEndDay)).toBe('2026-01-14');
    expect(canCancel(renewed, { now: '2025-01-22T00:02:59.999Z' })).toMatchObject({
      allowed: true,
      until: at('2025-01-22T00:03:00Z'),
    });
    expect(canCancel(renewed, { now: '2025-01-22T00:03:00Z' })).toMatchObject({
      allowed: false,
      opensAt: at('2026-01-15T00:00:00Z'),
    });
  });

  // R3: a renewal that completed at 23:58Z of the renewal day (it can take up to 24 h):
  // + 168 h = 2025-01-22T23:58Z, still on the 22nd.
  it('R3 renewal completed at 23:58Z on the renewal day: window until 2025-01-22T23:58:00Z', () => {
    const renewed = { ...FIRST, termStartedAt: '2025-01-15T23:58:00Z' } as const;
    expect(canCancel(renewed, { now: '2025-01-22T23:57:59.999Z' })).toMatchObject({
      allowed: true,
      until: at('2025-01-22T23:58:00Z'),
    });
  });

  // R3 unknown completion: `earliest` (default) measures from 2025-01-15T00:00Z → until
  // 2025-01-22T00:00Z; `latest` from + 24 h → opens 2025-01-16T00:00Z, until 2025-01-23T00:00Z.
  it('R3 unknown completion instant: earliest bound until 2025-01-22T00:00Z, latest bound 2025-01-16..2025-01-23', () => {
    const unknown: SubscriptionInput = { ...FIRST, termStartedAt: null, termStartDate: '2025-01-15' };
    expect(canCancel(unknown, { now: '2025-01-21T23:59:59.999Z' })).toMatchObject({
      allowed: true,
      until: at('2025-01-22T00:00:00Z'),
      assumptions: ['RENEWAL_COMPLETION_ASSUMED_EARLIEST'],
    });
    const latest = definePolicy({ unknownRenewalCompletion: 'latest' });
    expect(canCancel(unknown, { now: '2025-01-15T12:00:00Z', policy: latest })).toMatchObject({
      allowed: false,
      reason: 'WINDOW_NOT_OPEN',
      opensAt: at('2025-01-16T00:00:00Z'),
    });
    expect(canCancel(unknown, { now: '2025-01-22T23:59:59.999Z', policy: latest })).toMatchObject({
      allowed: true,
      until: at('2025-01-23T00:00:00Z'),
    });
  });

  // Q2: a seat batch added at 23:59Z on 2024-03-10 can be reduced until 2024-03-17T23:59Z.
  it('Q2 a seat batch added at 23:59Z: reducible until 2024-03-17T23:59:00Z (not the end of a UTC day)', () => {
    const sub = {
      ...FIRST,
      quantity: 15,
      seatBatches: [
        { quantity: 10, addedAt: '2024-01-15T09:30:12Z' },
        { quantity: 5, addedAt: '2024-03-10T23:59:00Z' },
      ],
    } as const;
    expect(reducibleSeats(sub, { now: '2024-03-17T23:58:59.999Z' })).toMatchObject({
      allowed: true,
      total: 5,
      until: at('2024-03-17T23:59:00Z'),
    });
    expect(reducibleSeats(sub, { now: '2024-03-17T23:59:00Z' })).toMatchObject({ allowed: false, total: 0 });
  });
});

describe('T2 a commitmentEndDate at T00:00:00Z is the whole day', () => {
  // Partner Center sends commitmentEndDate as "2025-01-14T00:00:00Z". T2: the term covers the
  // whole UTC day 2025-01-14, i.e. until 2025-01-15T00:00Z — not until 2025-01-14T00:00Z.
  it('T2 toUtcDay("2025-01-14T00:00:00Z") is Jan 14; its exclusive end is 2025-01-15T00:00:00Z', () => {
    const d = toUtcDay('2025-01-14T00:00:00Z', 'termEndDate');
    expect(d).toBe(day('2025-01-14'));
    expect(endOfDay(d)).toBe(at('2025-01-15T00:00:00Z'));
  });

  // C5 traditional SaaS annual, after the 14-day window: the cancellation is accepted for the
  // renewal and can be placed until the term's end — the end of Jan 14, i.e. 2025-01-15T00:00Z.
  it('C5 termEndDate 2025-01-14T00:00:00Z: cancellation at renewal possible until 2025-01-15T00:00:00Z', () => {
    const sub = {
      program: 'traditional-saas',
      term: 'P1Y',
      billing: 'annual',
      quantity: 1,
      purchasedAt: '2024-01-15T09:30:12Z',
      termEndDate: '2025-01-14T00:00:00Z',
    } as const;
    expect(formatDay(toSubscription(sub).termEndDay)).toBe('2025-01-14');
    expect(canCancel(sub, { now: '2025-01-14T23:59:59.999Z' })).toMatchObject({
      allowed: true,
      rule: 'C5',
      reason: 'SCHEDULED_AT_RENEWAL',
      until: at('2025-01-15T00:00:00Z'),
    });
  });

  // The same date written with a positive offset is another instant: 2025-01-14T00:00+01:00 =
  // 2025-01-13T23:00Z, whose UTC day is Jan 13 (T2 takes the UTC day of an instant). Partner
  // Center writes Z; an adapter must not re-spell it in local time.
  it('T2 2025-01-14T00:00:00+01:00 is UTC day 2025-01-13; with −08:00 it is Jan 14', () => {
    expect(formatDay(toUtcDay('2025-01-14T00:00:00+01:00', 'termEndDate'))).toBe('2025-01-13');
    expect(formatDay(toUtcDay('2025-01-14T00:00:00-08:00', 'termEndDate'))).toBe('2025-01-14');
  });

  // A decision about a snapshot whose term has already ended (now ≥ 00:00Z after the end date)
  // should not say allowed with a deadline that has passed. C5 "at renewal" at 2025-01-15T00:00Z:
  // until = 2025-01-15T00:00Z = now, so `allowed: true` would be a window of zero length. On the
  // renewal day (R2: up to 24 h) it is RENEWAL_IN_PROGRESS until the renewal has surely completed;
  // after that the snapshot is out of date (R2 TERM_ENDED).
  it('C5 R2 after the term end: refused (RENEWAL_IN_PROGRESS on the renewal day, then TERM_ENDED), never allowed with until ≤ now', () => {
    const sub = {
      program: 'traditional-saas',
      term: 'P1Y',
      billing: 'annual',
      quantity: 1,
      purchasedAt: '2024-01-15T09:30:12Z',
      termEndDate: '2025-01-14T00:00:00Z',
    } as const;
    const now = at('2025-01-15T00:00:00Z');
    const d = canCancel(sub, { now });
    expect(d).toMatchObject({
      allowed: false,
      rule: 'C5',
      reason: 'RENEWAL_IN_PROGRESS',
      opensAt: at('2025-01-16T00:00:00Z'),
    });
    expect(canCancel(sub, { now: at('2025-01-16T00:00:00Z') })).toMatchObject({
      allowed: false,
      rule: 'R2',
      reason: 'TERM_ENDED',
      opensAt: null,
    });
    // The last instant of the term is still inside it: scheduled for the renewal.
    expect(canCancel(sub, { now: now - 1 })).toMatchObject({
      allowed: true,
      reason: 'SCHEDULED_AT_RENEWAL',
      until: now,
    });
  });
});
