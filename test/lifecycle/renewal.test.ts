/**
 * Renewal (R1–R5, T2, T6, S1, CO2, CO4): the schedule, and the errors of renewalSchedule / nextTerm
 * with code, field, message and value. Expected values are worked out by hand from rules.md.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CspRulesError } from '../../src/core/errors.js';
import { definePolicy } from '../../src/policy/policy.js';
import { nextTerm, RENEWAL_CONFLICT, renewalAnchorDay, renewalSchedule } from '../../src/lifecycle/renewal.js';
import { type SubscriptionInput, toSubscription } from '../../src/snapshot/subscription.js';
import { DAY_MS, formatDay, HOUR_MS } from '../../src/time/day.js';
import { caught } from '../support/caught.js';
import { at, dayNumber as day } from '../support/time.js';

/** Term end date 2023-03-01 (P1Y bought 2022-03-02): the renewal day is 2023-03-02, the next term 2023-03-02 – 2024-03-01. */
const annual: SubscriptionInput = {
  id: 'sub-1',
  program: 'nce-license',
  term: 'P1Y',
  billing: 'monthly',
  quantity: 10,
  purchasedAt: '2022-03-02T10:00:00Z',
};

describe('R2 renewal starts 00:00 UTC the day after the term end date and takes up to 24 h', () => {
  it('rules.md example: term end 2023-03-01 → starts 2023-03-02T00:00Z, completes by 2023-03-03T00:00Z', () => {
    const s = renewalSchedule(annual);
    expect(formatDay(toSubscription(annual).termEndDay)).toBe('2023-03-01');
    expect(s.outcome).toBe('renew');
    expect(s.rule).toBe('R2');
    expect(s.startsAt).toBe(at('2023-03-02T00:00:00Z'));
    expect(s.completesBy).toBe(at('2023-03-03T00:00:00Z'));
    expect(s.completedAt).toBeNull();
  });

  it('property: for any purchase instant (month ends, Feb 29, offsets) the renewal starts at a UTC midnight, one day after the end date, and lasts 24 h', () => {
    const purchase = fc.oneof(
      fc.integer({ min: at('2020-01-01T00:00:00Z'), max: at('2030-12-31T23:59:59Z') }),
      fc.constantFrom(
        at('2024-02-29T23:59:59.999Z'),
        at('2023-01-31T00:00:00Z'),
        at('2023-12-31T12:00:00Z'),
        Date.parse('2024-03-31T00:30:00+14:00'),
        Date.parse('2024-05-31T23:30:00-12:00'),
      ),
    );
    fc.assert(
      fc.property(purchase, fc.constantFrom('P1M', 'P1Y', 'P3Y' as const), (purchasedAt, term) => {
        const sub = toSubscription({ ...annual, term, purchasedAt });
        const s = renewalSchedule(sub);
        if (s.startsAt === null) return false;
        return (
          s.startsAt % DAY_MS === 0 &&
          s.startsAt / DAY_MS === sub.termEndDay + 1 &&
          s.completesBy - s.startsAt === 24 * HOUR_MS
        );
      }),
    );
  });
});

describe('T2 a term end date covers the whole UTC day', () => {
  it('the term ends at 00:00Z of the next day, whatever time part the end date was written with', () => {
    const s = renewalSchedule({ ...annual, termEndDate: '2023-03-01T00:00:00Z' });
    expect(s.termEndsAt).toBe(at('2023-03-02T00:00:00Z'));
    const t = renewalSchedule({ ...annual, termEndDate: '2023-03-01T23:59:59Z' });
    expect(t.termEndsAt).toBe(at('2023-03-02T00:00:00Z'));
  });
});

describe('R1 auto-renew is on by default', () => {
  it('a subscription without autoRenew renews; a trial converts (TR2)', () => {
    expect(renewalSchedule(annual).outcome).toBe('renew');
    const trial = renewalSchedule({ ...annual, term: 'P1M', trial: true, quantity: 25, termEndDate: '2022-03-31' });
    expect(trial.outcome).toBe('convert');
    expect(trial.rule).toBe('TR2');
    // TR2: converts to Annual with Monthly billing by default.
    expect(trial.nextTerm).toMatchObject({
      term: 'P1Y',
      billing: 'monthly',
      quantity: 25,
      startDay: day('2022-04-01'),
      endDay: day('2023-03-31'),
    });
  });
});

describe('R5 only auto-renewing active subscriptions renew', () => {
  it('auto-renew off → expires at the term end, nothing read-only, no next term', () => {
    const s = renewalSchedule({ ...annual, autoRenew: false });
    expect(s).toEqual({
      outcome: 'expire',
      rule: 'R5',
      // Auto-renew off, not a choice (R6); under the rules in force at the term end, 2023-03-02: the baseline.
      chosen: false,
      policyVersion: '2023-10-19',
      termEndsAt: at('2023-03-02T00:00:00Z'),
      startsAt: null,
      completesBy: null,
      completedAt: null,
      readOnlyWindow: null,
      nextTerm: null,
      cancellationWindow: null,
      seatReductionWindow: null,
    });
  });

  it('suspended (auto-renew forced off, P2) and ended subscriptions do not renew', () => {
    for (const status of ['suspended', 'expired', 'disabled', 'deleted', 'cancelled'] as const) {
      const s = renewalSchedule({ ...annual, status });
      expect(s.outcome).toBe('none');
      expect(s.rule).toBe('P7');
    }
  });
});

describe('R4 read-only while the renewal is queued or running; 409 Conflict → retry after 2 minutes', () => {
  it('the read-only window runs from 00:00Z of the renewal day to the latest completion', () => {
    const s = renewalSchedule(annual);
    expect(s.readOnlyWindow).toEqual({
      start: at('2023-03-02T00:00:00Z'),
      end: at('2023-03-03T00:00:00Z'),
      readOnly: ['autoRenew', 'scheduledNextTermInstructions', 'suspend', 'reactivate'],
      conflictProne: ['quantity', 'partnerOfRecord', 'friendlyName', 'cancel'],
      conflict: { status: 409, retryAfterMs: 120_000 },
    });
    expect(RENEWAL_CONFLICT.retryAfterMs).toBe(2 * 60 * 1000);
  });

  it('with a known completion the window ends there', () => {
    const s = renewalSchedule(annual, { completedAt: '2023-03-02T05:17:00Z' });
    expect(s.readOnlyWindow?.end).toBe(at('2023-03-02T05:17:00Z'));
    expect(s.completesBy).toBe(at('2023-03-02T05:17:00Z'));
  });
});

describe('R3 post-renewal windows run from the completion instant, or from a documented bound', () => {
  it('known completion: cancellation [c, c + 168 h) without assumptions (C1)', () => {
    const s = renewalSchedule(annual, { completedAt: '2023-03-02T05:17:00.250Z' });
    expect(s.cancellationWindow).toEqual({
      start: at('2023-03-02T05:17:00.250Z'),
      end: at('2023-03-09T05:17:00.250Z'),
      rule: 'C1',
      assumptions: [],
    });
    expect(s.seatReductionWindow).toEqual({
      start: at('2023-03-02T05:17:00.250Z'),
      end: at('2023-03-09T05:17:00.250Z'),
      rule: 'Q2',
      assumptions: [],
    });
  });

  it('unknown completion, default policy: the earliest bound (00:00Z of the renewal day), named', () => {
    const s = renewalSchedule(annual);
    expect(s.cancellationWindow).toEqual({
      start: at('2023-03-02T00:00:00Z'),
      end: at('2023-03-09T00:00:00Z'),
      rule: 'C1',
      assumptions: ['RENEWAL_COMPLETION_ASSUMED_EARLIEST'],
    });
  });

  it('unknown completion, policy latest: +24 h', () => {
    const s = renewalSchedule(annual, { policy: definePolicy({ unknownRenewalCompletion: 'latest' }) });
    expect(s.cancellationWindow).toEqual({
      start: at('2023-03-03T00:00:00Z'),
      end: at('2023-03-10T00:00:00Z'),
      rule: 'C1',
      assumptions: ['RENEWAL_COMPLETION_ASSUMED_LATEST'],
    });
  });

  it('programs whose window runs from the purchase only get no post-renewal window (C13, C7); SoftwareOne does (C8)', () => {
    expect(renewalSchedule({ ...annual, program: 'nce-perpetual' }).cancellationWindow).toBeNull();
    expect(renewalSchedule({ ...annual, program: 'bss-software' }).cancellationWindow).toBeNull();
    expect(renewalSchedule({ ...annual, program: 'nce-software' }).seatReductionWindow).toBeNull();
    expect(
      renewalSchedule({ ...annual, program: 'softwareone' }, { completedAt: '2023-03-02T01:00:00Z' })
        .cancellationWindow,
    ).toEqual({
      start: at('2023-03-02T01:00:00Z'),
      end: at('2023-03-09T01:00:00Z'),
      rule: 'C8',
      assumptions: [],
    });
  });

  it('the completion must lie on the renewal day: first and last instants accepted, neighbours refused', () => {
    expect(renewalSchedule(annual, { completedAt: '2023-03-02T00:00:00.000Z' }).completedAt).toBe(
      at('2023-03-02T00:00:00Z'),
    );
    expect(renewalSchedule(annual, { completedAt: '2023-03-02T23:59:59.999Z' }).completedAt).toBe(
      at('2023-03-02T23:59:59.999Z'),
    );
    for (const bad of ['2023-03-01T23:59:59.999Z', '2023-03-03T00:00:00.000Z']) {
      expect(() => renewalSchedule(annual, { completedAt: bad })).toThrow(CspRulesError);
    }
    expect(() => renewalSchedule(annual, { completedAt: '2023-03-02T05:00:00' })).toThrowError(/no Z or offset/);
  });

  it('R3: a completedAt without Z or offset names the field completedAt', () => {
    const e = caught(() => renewalSchedule(annual, { completedAt: '2023-03-02T05:00:00' }));
    expect([e.code, e.field]).toEqual(['AMBIGUOUS_INSTANT', 'completedAt']);
  });
});

describe('T6 renewed terms keep the anniversary (policy renewalAnchor)', () => {
  const jan31: SubscriptionInput = { ...annual, term: 'P1M', purchasedAt: '2023-01-31T08:00:00Z' };

  it('P1M bought Jan 31: first term ends Feb 27; the next runs Feb 28 – Mar 30 (anniversary)', () => {
    const sub = toSubscription(jan31);
    expect(formatDay(sub.termEndDay)).toBe('2023-02-27');
    expect(renewalAnchorDay(sub)).toBe(31);
    const next = renewalSchedule(sub).nextTerm;
    expect([formatDay(next!.startDay), formatDay(next!.endDay)]).toEqual(['2023-02-28', '2023-03-30']);
  });

  it('with the clamped anchor it runs Feb 28 – Mar 27', () => {
    const next = renewalSchedule(jan31, { policy: definePolicy({ renewalAnchor: 'clamped' }) }).nextTerm;
    expect([formatDay(next!.startDay), formatDay(next!.endDay)]).toEqual(['2023-02-28', '2023-03-27']);
  });

  it('T6: nextTerm reads the anchor from the policy (default anniversary); a plain object is no policy', () => {
    const days = (n: { startDay: number; endDay: number }) => [formatDay(n.startDay), formatDay(n.endDay)];
    expect(days(nextTerm(jan31))).toEqual(['2023-02-28', '2023-03-30']);
    expect(days(nextTerm(jan31, { policy: definePolicy({ renewalAnchor: 'clamped' }) }))).toEqual([
      '2023-02-28',
      '2023-03-27',
    ]);
    const e = caught(() => nextTerm(jan31, { policy: { renewalAnchor: 'clamped' } as never }));
    expect([e.code, e.field]).toEqual(['INVALID_TYPE', 'policy']);
    expect(caught(() => nextTerm(jan31, 'anniversary' as never)).field).toBe('options');
  });

  it('an aligned term (CO4) renews from the day after its custom end', () => {
    const aligned = toSubscription({
      ...annual,
      term: 'P3Y',
      purchasedAt: '2022-07-01T09:00:00Z',
      termEndDate: '2024-10-01',
    });
    expect(renewalAnchorDay(aligned)).toBe(2);
    const next = renewalSchedule(aligned).nextTerm;
    expect([formatDay(next!.startDay), formatDay(next!.endDay)]).toEqual(['2024-10-02', '2027-10-01']);
  });
});

describe('S1 scheduled changes apply at renewal', () => {
  it('term, billing, quantity and SKU of the next term come from the saved change', () => {
    const s = renewalSchedule({
      ...annual,
      offerName: 'Microsoft 365 E3',
      scheduledChange: { term: 'P3Y', billing: 'annual', quantity: 8, offerName: 'Microsoft 365 E5' },
    });
    expect(s.nextTerm).toEqual({
      startDay: day('2023-03-02'),
      endDay: day('2026-03-01'),
      term: 'P3Y',
      billing: 'annual',
      quantity: 8,
      offerName: 'Microsoft 365 E5',
      // S4: a SKU upgrade with a changed quantity (10 → 8): licenses are reassigned by hand.
      reassignment: 'manual',
      shortened: false,
      anchorDayOfMonth: 2,
    });
  });

  it('a pending billing-cycle change (B2) is in effect at the latest at renewal', () => {
    expect(renewalSchedule({ ...annual, term: 'P3Y', nextChargeBilling: 'annual' }).nextTerm?.billing).toBe('annual');
  });

  it('a scheduled coterminous end date shortens the next term (CO4); outside the next term it is inconsistent (CO2)', () => {
    const s = renewalSchedule({ ...annual, scheduledChange: { customTermEndDate: '2023-12-31' } });
    expect(s.nextTerm).toMatchObject({ startDay: day('2023-03-02'), endDay: day('2023-12-31'), shortened: true });
    expect(() => renewalSchedule({ ...annual, scheduledChange: { customTermEndDate: '2024-03-02' } })).toThrowError(
      /CO2/,
    );
    expect(
      renewalSchedule({ ...annual, scheduledChange: { customTermEndDate: '2024-03-01' } }).nextTerm?.shortened,
    ).toBe(false);
  });
});

describe('R2 bad input', () => {
  it('a non-object options bag and an invalid subscription are typed errors', () => {
    expect(() => renewalSchedule(annual, null as never)).toThrow(CspRulesError);
    expect(() => renewalSchedule({ ...annual, term: 'P2Y' as never })).toThrowError(/term/);
  });

  it('R2: a completion 24 h after the renewal start (the first instant outside the renewal day) is INCONSISTENT, with its message', () => {
    const e = caught(() => renewalSchedule(annual, { completedAt: '2023-03-03T00:00:00.000Z' }));
    expect([e.code, e.field, e.message, e.received]).toEqual([
      'INCONSISTENT',
      'completedAt',
      'completedAt: must lie on the renewal day [00:00Z, +24 h) (R2)',
      '2023-03-03T00:00:00.000Z',
    ]);
  });
});

describe('CO2 CO4 a scheduled custom end date on the edges of the next term', () => {
  it('CO4: on the next term’s first day it gives a one-day, shortened term', () => {
    const next = nextTerm({ ...annual, scheduledChange: { customTermEndDate: '2023-03-02' } });
    expect(next).toEqual({
      startDay: day('2023-03-02'),
      endDay: day('2023-03-02'),
      term: 'P1Y',
      billing: 'monthly',
      quantity: 10,
      offerName: null,
      reassignment: null,
      shortened: true,
      anchorDayOfMonth: 2,
    });
    expect(
      nextTerm(
        { ...annual, scheduledChange: { customTermEndDate: '2023-03-02' } },
        { policy: definePolicy({ renewalAnchor: 'clamped' }) },
      ),
    ).toEqual(next);
  });

  it('CO2: the day before the next term (the current term end date) is INCONSISTENT, with its message and the day received', () => {
    const e = caught(() => nextTerm({ ...annual, scheduledChange: { customTermEndDate: '2023-03-01' } }));
    expect([e.code, e.field, e.message, e.received]).toEqual([
      'INCONSISTENT',
      'scheduledChange.customTermEndDate',
      'scheduledChange.customTermEndDate: must fall within the next term (CO2)',
      day('2023-03-01'),
    ]);
  });
});
