import { describe, expect, it } from 'vitest';
import { ACTIONS, explain, type Action, type ActionExplanation, type Explanation } from '../src/explain/explain.js';
import type { SubscriptionInput } from '../src/snapshot/subscription.js';

const at = (iso: string): number => Date.parse(iso);

const annual: SubscriptionInput = {
  id: 'a1',
  program: 'nce-license',
  term: 'P1Y',
  billing: 'monthly',
  quantity: 15,
  purchasedAt: '2024-01-15T09:30:12Z',
  seatBatches: [
    { quantity: 10, addedAt: '2024-01-15T09:30:12Z' },
    { quantity: 5, addedAt: '2024-01-18T00:00:00Z' },
  ],
};

function action(e: Explanation, name: Action): ActionExplanation {
  const found = e.actions.find((a) => a.action === name);
  if (found === undefined) throw new Error(`no ${name}`);
  return found;
}

describe('explain: every action, in order, with outcome, deadline, reason and rule (C12)', () => {
  it('answers all twelve actions', () => {
    expect(explain(annual, { now: '2024-01-16T00:00:00Z' }).actions.map((a) => a.action)).toEqual(ACTIONS);
  });

  it('C1 cancel now, until purchase + 168 h; Q4 reduce now with each batch and its deadline', () => {
    const e = explain(annual, { now: '2024-01-19T00:00:00Z' });
    expect(action(e, 'cancel')).toMatchObject({
      outcome: 'now',
      until: at('2024-01-22T09:30:12Z'),
      rule: 'C1',
      reason: 'WITHIN_WINDOW',
    });
    expect(action(e, 'reduceSeats')).toMatchObject({ outcome: 'now', until: at('2024-01-25T00:00:00Z'), rule: 'Q2' });
    expect(action(e, 'reduceSeats').batches.map((b) => b.until)).toEqual([
      at('2024-01-22T09:30:12Z'),
      at('2024-01-25T00:00:00Z'),
    ]);
  });

  it('C12/Q3 after the windows: at renewal, opening at 00:00Z after the term end date', () => {
    const e = explain(annual, { now: '2024-06-01T00:00:00Z' });
    expect(action(e, 'cancel')).toMatchObject({
      outcome: 'at-renewal',
      until: null,
      opensAt: at('2025-01-15T00:00:00Z'),
      reason: 'WINDOW_CLOSED',
    });
    expect(action(e, 'reduceSeats')).toMatchObject({
      outcome: 'at-renewal',
      opensAt: at('2025-01-15T00:00:00Z'),
      rule: 'Q3',
    });
  });

  it('C4 traditional SaaS after 24 h: cancel outcome at-renewal (scheduled for the term end)', () => {
    const saas: SubscriptionInput = {
      program: 'traditional-saas',
      term: 'P1M',
      billing: 'monthly',
      quantity: 3,
      purchasedAt: '2024-03-11T18:00:00Z',
    };
    expect(action(explain(saas, { now: '2024-03-12T18:00:00Z' }), 'cancel')).toMatchObject({
      outcome: 'at-renewal',
      rule: 'C4',
      reason: 'SCHEDULED_AT_RENEWAL',
      until: at('2024-04-11T00:00:00Z'),
    });
  });

  it('B2 billing change not in the table: at renewal by scheduling it (S1)', () => {
    const e = explain(annual, { now: '2024-02-01T00:00:00Z' });
    expect(action(e, 'changeBillingFrequency')).toMatchObject({ outcome: 'at-renewal', rule: 'S1' });
  });

  it('B2 billing change in the table (P3Y monthly → annual): now, with B4 promotion warning', () => {
    const e = explain({ ...annual, term: 'P3Y', promotionId: 'PROMO1' }, { now: '2024-02-01T00:00:00Z' });
    expect(action(e, 'changeBillingFrequency')).toMatchObject({
      outcome: 'now',
      rule: 'B2',
      warnings: ['PROMOTION_MAY_BE_LOST'],
    });
  });

  it('B3 term change for P1M with Triennial offered: now', () => {
    const e = explain({ ...annual, term: 'P1M' }, { now: '2024-01-20T00:00:00Z', offeredTerms: ['P1M', 'P1Y', 'P3Y'] });
    expect(action(e, 'changeTerm')).toMatchObject({ outcome: 'now', rule: 'B3' });
  });

  it('U8/C10 upgrade: possible now, warned that it cannot be undone', () => {
    expect(action(explain(annual, { now: '2024-02-01T00:00:00Z' }), 'upgrade')).toMatchObject({
      outcome: 'now',
      warnings: ['UPGRADE_NOT_CANCELLABLE'],
    });
  });

  it('P1/P2 suspend: now, warns that auto-renew turns off; S3 scheduled changes are deleted', () => {
    const e = explain({ ...annual, scheduledChange: { quantity: 20 } }, { now: '2024-02-01T00:00:00Z' });
    expect(action(e, 'suspend')).toMatchObject({ outcome: 'now', rule: 'P1', until: at('2025-01-15T00:00:00Z') });
    expect(action(e, 'suspend').warnings).toEqual(
      expect.arrayContaining(['AUTO_RENEW_TURNED_OFF', 'SCHEDULED_CHANGES_DELETED']),
    );
    expect(action(e, 'turnAutoRenewOff').warnings).toEqual(expect.arrayContaining(['SCHEDULED_CHANGES_DELETED']));
  });

  it('R1 turning auto-renew on when it is on changes nothing', () => {
    expect(action(explain(annual, { now: '2024-02-01T00:00:00Z' }), 'turnAutoRenewOn')).toMatchObject({
      outcome: 'never',
      reason: 'NO_CHANGE',
    });
  });

  it('P3 a suspended subscription can be reactivated until its term ends', () => {
    const e = explain({ ...annual, status: 'suspended', autoRenew: false }, { now: '2024-02-01T00:00:00Z' });
    expect(action(e, 'reactivate')).toMatchObject({ outcome: 'now', rule: 'P3', until: at('2025-01-15T00:00:00Z') });
    expect(action(e, 'suspend').outcome).toBe('never');
  });

  it('TR8/TR3 a trial: no status or quantity change; conversion now until the trial ends', () => {
    const trial: SubscriptionInput = {
      ...annual,
      term: 'P1M',
      quantity: 25,
      trial: true,
      seatBatches: [],
      termEndDate: '2024-02-13',
    };
    const e = explain(trial, { now: '2024-01-20T00:00:00Z' });
    expect(action(e, 'cancel')).toMatchObject({ outcome: 'never', rule: 'C9' });
    expect(action(e, 'suspend')).toMatchObject({ outcome: 'never', rule: 'TR8' });
    expect(action(e, 'convertTrial')).toMatchObject({ outcome: 'now', until: at('2024-02-14T00:00:00Z') });
  });

  it('R4 on the renewal day: scheduling and auto-renew are read-only', () => {
    const e = explain(annual, { now: '2025-01-15T06:00:00Z' });
    expect(action(e, 'scheduleChange')).toMatchObject({ outcome: 'never', rule: 'R4' });
    expect(action(e, 'turnAutoRenewOff')).toMatchObject({ rule: 'R4', reason: 'RENEWAL_READ_ONLY' });
  });
});

describe('explain alert class (lock-in-soon, renewing-soon, locked, none)', () => {
  it('lock-in-soon when a cancellation or reduction window closes within alertDays', () => {
    expect(explain(annual, { now: '2024-01-16T00:00:00Z' }).alert).toBe('lock-in-soon');
    expect(explain(annual, { now: '2024-01-16T00:00:00Z', alertDays: 1 }).alert).toBe('none');
  });
  it('renewing-soon when the term ends within alertDays and it auto-renews', () => {
    expect(explain(annual, { now: '2025-01-10T00:00:00Z' }).alert).toBe('renewing-soon');
  });
  it('locked when nothing can be cancelled or reduced', () => {
    expect(explain(annual, { now: '2024-06-01T00:00:00Z' }).alert).toBe('locked');
  });
  it('the timeline names purchase, window start, term end and renewal (R2)', () => {
    expect(explain(annual, { now: '2024-06-01T00:00:00Z' }).timeline).toEqual({
      purchasedAt: at('2024-01-15T09:30:12Z'),
      windowStart: at('2024-01-15T09:30:12Z'),
      termEndsAt: at('2025-01-15T00:00:00Z'),
      renewalStartsAt: at('2025-01-15T00:00:00Z'),
      renewalCompletesBy: at('2025-01-16T00:00:00Z'),
    });
  });
  it('rejects a bad alertDays with a typed error', () => {
    expect(() => explain(annual, { now: 0, alertDays: -1 })).toThrow(
      expect.objectContaining({ code: 'INVALID_QUANTITY', field: 'alertDays' }),
    );
  });
});

describe('explain C12: the whole answer for one subscription, worked out by hand', () => {
  it('annual, two batches, on 2024-01-19T00:00Z (inside both windows, after the 24 h full-refund tier)', () => {
    const termEnd = at('2025-01-15T00:00:00Z'); // term end date 2025-01-14 (T2, T6)
    const none = { opensAt: null, assumptions: [], warnings: [], batches: [] };
    const yes = (action: string, rule: string, reason: string, until: number | null, warnings: string[] = []) => ({
      ...none,
      action,
      outcome: 'now',
      rule,
      reason,
      until,
      warnings,
    });
    const no = (action: string, rule: string, reason: string) => ({
      ...none,
      action,
      outcome: 'never',
      rule,
      reason,
      until: null,
    });
    expect(explain(annual, { now: '2024-01-19T00:00:00Z' })).toEqual({
      id: 'a1',
      now: at('2024-01-19T00:00:00Z'),
      alert: 'lock-in-soon',
      actions: [
        yes('cancel', 'C1', 'WITHIN_WINDOW', at('2024-01-22T09:30:12Z')),
        {
          ...yes('reduceSeats', 'Q2', 'WITHIN_WINDOW', at('2024-01-25T00:00:00Z')),
          batches: [
            { quantity: 10, addedAt: at('2024-01-15T09:30:12Z'), until: at('2024-01-22T09:30:12Z') },
            { quantity: 5, addedAt: at('2024-01-18T00:00:00Z'), until: at('2024-01-25T00:00:00Z') },
          ],
        },
        yes('addSeats', 'Q1', 'ALLOWED', null),
        // B2: Annual/Monthly accepts no billing change midterm; S1: schedule it for the next term.
        {
          ...none,
          action: 'changeBillingFrequency',
          outcome: 'at-renewal',
          rule: 'S1',
          reason: 'UPFRONT_NOT_ALLOWED_MIDTERM',
          until: termEnd,
        },
        // B3: P1M is shorter (the first target listed); S1: a term change can be scheduled.
        { ...none, action: 'changeTerm', outcome: 'at-renewal', rule: 'S1', reason: 'TERM_NOT_LONGER', until: termEnd },
        yes('upgrade', 'U8', 'ELIGIBLE_FOR_UPGRADE', null, ['UPGRADE_NOT_CANCELLABLE']),
        no('convertTrial', 'TR3', 'NOT_A_TRIAL'),
        yes('suspend', 'P1', 'ALLOWED', termEnd, ['ACCESS_BLOCKED', 'AUTO_RENEW_TURNED_OFF']),
        no('reactivate', 'P3', 'NOT_SUSPENDED'),
        no('turnAutoRenewOn', 'R1', 'NO_CHANGE'),
        yes('turnAutoRenewOff', 'R5', 'ALLOWED', termEnd, ['AUTO_RENEW_TURNED_OFF']),
        yes('scheduleChange', 'S2', 'ALLOWED', termEnd),
      ],
      timeline: {
        purchasedAt: at('2024-01-15T09:30:12Z'),
        windowStart: at('2024-01-15T09:30:12Z'),
        termEndsAt: termEnd,
        renewalStartsAt: termEnd,
        renewalCompletesBy: at('2025-01-16T00:00:00Z'),
      },
    });
  });
});
