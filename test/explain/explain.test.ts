/**
 * explain: every action of one subscription at once, as whole action answers — `later` outcomes,
 * the renewal day (R4), alert boundaries to the millisecond, upgrade and trial eligibility, term
 * choices. Every expected value is worked out by hand from rules.md.
 */
import { describe, expect, it } from 'vitest';
import { ACTIONS, type Action, type ActionExplanation } from '../../src/explain/actions.js';
import { explain, type Explanation } from '../../src/explain/explain.js';
import type { SubscriptionInput } from '../../src/snapshot/subscription.js';
import { at } from '../support/time.js';

function action(e: Explanation, name: Action): ActionExplanation {
  const found = e.actions.find((a) => a.action === name);
  if (found === undefined) throw new Error(`no ${name}`);
  return found;
}

/** Bought 2024-01-15T09:30:12Z, term end date 2025-01-14: the term ends (and renewal starts) 2025-01-15T00:00Z (T2, R2). */
const annual: SubscriptionInput = {
  id: 'a1',
  program: 'nce-license',
  term: 'P1Y',
  billing: 'monthly',
  quantity: 15,
  purchasedAt: '2024-01-15T09:30:12Z',
  seatBatches: [
    { quantity: 10, addedAt: '2024-01-15T09:30:12Z' }, // reducible until 2024-01-22T09:30:12Z
    { quantity: 5, addedAt: '2024-01-18T00:00:00Z' }, // reducible until 2024-01-25T00:00:00Z
  ],
};
const TERM_END = at('2025-01-15T00:00:00Z');
type Extra = Partial<Pick<ActionExplanation, 'until' | 'opensAt' | 'warnings' | 'batches' | 'policyVersion'>> & {
  readonly assumptions?: readonly string[];
};

/** One deadline, whole: no seats or stage unless given. */
function deadline(
  at: number,
  kind: string,
  action: Action | null,
  rule: string,
  quantity: number | null = null,
  status: string | null = null,
) {
  return { at, kind, action, rule, quantity, status };
}

/**
 * A whole action answer: no deadline, nothing to open, no warnings, assumptions or batches unless
 * given; asked under the baseline rules (2023-10-19: every `now` before 2024-07-01) unless `extra`
 * names another version.
 */
function answer(name: Action, outcome: ActionExplanation['outcome'], rule: string, reason: string, extra: Extra = {}) {
  return {
    action: name,
    outcome,
    until: null,
    opensAt: null,
    reason,
    rule,
    policyVersion: '2023-10-19',
    warnings: [],
    assumptions: [],
    batches: [],
    ...extra,
  };
}

describe('explain: every action, in order, with outcome, deadline, reason and rule (C12)', () => {
  it('answers all fourteen actions', () => {
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

  it("C12/Q3 R3 after the windows: at renewal, opening at the renewal's completion (earliest bound: 00:00Z after the term end date), assumed", () => {
    const e = explain(annual, { now: '2024-06-01T00:00:00Z' });
    expect(action(e, 'cancel')).toMatchObject({
      outcome: 'at-renewal',
      until: null,
      opensAt: at('2025-01-15T00:00:00Z'),
      reason: 'WINDOW_CLOSED',
      assumptions: ['RENEWAL_COMPLETION_ASSUMED_EARLIEST'],
    });
    expect(action(e, 'reduceSeats')).toMatchObject({
      outcome: 'at-renewal',
      opensAt: at('2025-01-15T00:00:00Z'),
      rule: 'Q3',
      assumptions: ['RENEWAL_COMPLETION_ASSUMED_EARLIEST'],
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
    // R4: read-only until the renewal has surely completed (2025-01-16T00:00Z): later.
    expect(action(e, 'scheduleChange')).toMatchObject({
      outcome: 'later',
      rule: 'R4',
      reason: 'RENEWAL_READ_ONLY',
      opensAt: at('2025-01-16T00:00:00Z'),
    });
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
    expect(() => explain(annual, { now: '2024-01-16T00:00:00Z', alertDays: -1 })).toThrow(
      expect.objectContaining({ code: 'INVALID_QUANTITY', field: 'alertDays' }),
    );
  });

  it('lock-in-soon includes a window closing exactly at now + alertDays (at the purchase: both close 2024-01-22T09:30:12Z)', () => {
    expect(explain(annual, { now: '2024-01-15T09:30:12Z' }).alert).toBe('lock-in-soon');
  });

  it('an open reduction window beyond the horizon is neither locked nor lock-in-soon (cancel closed, reduce open until 2024-01-25)', () => {
    // Horizon 2024-01-24T00:00Z < 2024-01-25T00:00Z.
    expect(explain(annual, { now: '2024-01-23T00:00:00Z', alertDays: 1 }).alert).toBe('none');
    // Horizon 2024-01-25T00:00Z: the window closes within it.
    expect(explain(annual, { now: '2024-01-23T00:00:00Z', alertDays: 2 }).alert).toBe('lock-in-soon');
  });

  it('renewing-soon from exactly alertDays before the term end (2025-01-08T00:00Z); 1 ms earlier it is locked', () => {
    expect(explain(annual, { now: '2025-01-08T00:00:00Z' }).alert).toBe('renewing-soon');
    expect(explain(annual, { now: '2025-01-07T23:59:59.999Z' }).alert).toBe('locked');
    expect(explain(annual, { now: '2025-01-14T23:59:59.999Z' }).alert).toBe('renewing-soon');
  });

  it("R2 R3: from the instant the term ends the renewal runs and the new term's windows are open, closing 2025-01-22T00:00Z within 7 d: lock-in-soon", () => {
    expect(explain(annual, { now: '2025-01-15T00:00:00Z' }).alert).toBe('lock-in-soon');
    // With a 6-day horizon (to 2025-01-21T00:00Z) they close beyond it: the renewal day is renewing-soon.
    expect(explain(annual, { now: '2025-01-15T00:00:00Z', alertDays: 6 }).alert).toBe('renewing-soon');
  });

  it('R5: a term ending soon without auto-renew is not renewing-soon (locked)', () => {
    expect(explain({ ...annual, autoRenew: false }, { now: '2025-01-10T00:00:00Z' }).alert).toBe('locked');
  });

  it('P1: a suspended subscription is not renewing-soon, even flagged auto-renew (locked), far from or near the term end', () => {
    const suspended = { ...annual, status: 'suspended' as const, autoRenew: true };
    expect(explain(suspended, { now: '2024-06-01T00:00:00Z' }).alert).toBe('locked');
    expect(explain(suspended, { now: '2025-01-10T00:00:00Z' }).alert).toBe('locked');
  });

  it("R4 R3: renewing-soon on the renewal day while the renewal's seats (all 18, the 3 added 2025-01-12 among them) are reducible until 2025-01-22, beyond the horizon", () => {
    const recent: SubscriptionInput = {
      ...annual,
      quantity: 18,
      seatBatches: [...(annual.seatBatches ?? []), { quantity: 3, addedAt: '2025-01-12T00:00:00Z' }],
    };
    const e = explain(recent, { now: '2025-01-15T06:00:00Z', alertDays: 3 }); // horizon 2025-01-18T06:00Z
    expect(e.alert).toBe('renewing-soon');
    // R3 Q2: the renewal adds every seat again, as one batch from its (assumed earliest) completion.
    // Asked 2025-01-15: the rules of 2024-07-01.
    expect(action(e, 'reduceSeats')).toEqual(
      answer('reduceSeats', 'now', 'Q2', 'WITHIN_WINDOW', {
        policyVersion: '2024-07-01',
        until: at('2025-01-22T00:00:00Z'),
        batches: [{ quantity: 18, addedAt: at('2025-01-15T00:00:00Z'), until: at('2025-01-22T00:00:00Z') }],
        assumptions: ['RENEWAL_COMPLETION_ASSUMED_EARLIEST', 'ONE_SEAT_KEPT'],
        warnings: ['RENEWAL_IN_PROGRESS'],
      }),
    );
    // Without auto-renew nothing renews: the term is over (R5 TERM_ENDED), nothing to reduce or
    // cancel any more: locked, not renewing-soon.
    expect(explain({ ...recent, autoRenew: false }, { now: '2025-01-15T06:00:00Z', alertDays: 3 }).alert).toBe(
      'locked',
    );
  });
});

describe('explain C12: the whole answer for one subscription, worked out by hand', () => {
  it('annual, two batches, on 2024-01-19T00:00Z (inside both windows, after the 24 h full-refund tier)', () => {
    const termEnd = at('2025-01-15T00:00:00Z'); // term end date 2025-01-14 (T2, T6)
    // Asked 2024-01-19: every action under the baseline rules.
    const none = { opensAt: null, policyVersion: '2023-10-19', assumptions: [], warnings: [], batches: [] };
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
      policyVersion: '2023-10-19',
      alert: 'lock-in-soon',
      actions: [
        yes('cancel', 'C1', 'WITHIN_WINDOW', at('2024-01-22T09:30:12Z')),
        {
          ...yes('reduceSeats', 'Q2', 'WITHIN_WINDOW', at('2024-01-25T00:00:00Z')),
          batches: [
            { quantity: 10, addedAt: at('2024-01-15T09:30:12Z'), until: at('2024-01-22T09:30:12Z') },
            { quantity: 5, addedAt: at('2024-01-18T00:00:00Z'), until: at('2024-01-25T00:00:00Z') },
          ],
          // Q2: all 15 seats are open, 14 reducible: the seat the policy keeps is an assumption.
          assumptions: ['ONE_SEAT_KEPT'],
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
        // R6: the end-of-term choice is offered from 2026-02-16, after this term's end: no opening.
        no('cancelAtTermEnd', 'R6', 'CHOICE_NOT_OFFERED'),
        no('moveToExtendedServiceTerm', 'R6', 'CHOICE_NOT_OFFERED'),
        yes('scheduleChange', 'S2', 'ALLOWED', termEnd),
      ],
      // R2: it auto-renews at the term end, 2025-01-15T00:00Z, under the rules in force then (2024-07-01).
      endOfTerm: { outcome: 'renew', rule: 'R2', at: termEnd, chosen: false, policyVersion: '2024-07-01' },
      timeline: {
        purchasedAt: at('2024-01-15T09:30:12Z'),
        windowStart: at('2024-01-15T09:30:12Z'),
        termEndsAt: termEnd,
        renewalStartsAt: termEnd,
        renewalCompletesBy: at('2025-01-16T00:00:00Z'),
      },
      // Every instant after now at which an answer changes, earliest first; at one instant what
      // closes, then the term's own events; actions in the order above.
      deadlines: [
        deadline(at('2024-01-22T09:30:12Z'), 'closes', 'cancel', 'C1'),
        deadline(at('2024-01-22T09:30:12Z'), 'closes', 'reduceSeats', 'Q2', 10),
        deadline(at('2024-01-25T00:00:00Z'), 'closes', 'reduceSeats', 'Q2', 5),
        deadline(termEnd, 'closes', 'suspend', 'P1'),
        deadline(termEnd, 'closes', 'turnAutoRenewOff', 'R5'),
        deadline(termEnd, 'closes', 'scheduleChange', 'S2'),
        deadline(termEnd, 'term-ends', null, 'T2'),
        deadline(at('2025-01-16T00:00:00Z'), 'renewal-completes-by', null, 'R2'),
      ],
    });
  });
});

describe('C1 C12 explain: a window not open yet is "later", not "at-renewal"', () => {
  const before = '2024-01-15T09:30:11.999Z'; // 1 ms before the purchase instant
  it('C1: 1 ms before the purchase, cancel opens at the purchase instant (before the renewal): later', () => {
    const e = explain(annual, { now: before });
    expect(action(e, 'cancel')).toEqual(
      answer('cancel', 'later', 'C1', 'WINDOW_NOT_OPEN', { opensAt: at('2024-01-15T09:30:12Z') }),
    );
    // Q2 R3: no batch open yet; the first batch's window opens at the purchase, before the renewal.
    expect(action(e, 'reduceSeats')).toEqual(
      answer('reduceSeats', 'later', 'Q3', 'NO_OPEN_BATCH', { opensAt: at('2024-01-15T09:30:12Z') }),
    );
    expect(e.alert).toBe('locked');
  });
  it('C1 R5: without auto-renew there is no renewal, yet the windows still open at the purchase: later', () => {
    const e = explain({ ...annual, autoRenew: false }, { now: before });
    expect(action(e, 'cancel')).toEqual(
      answer('cancel', 'later', 'C1', 'WINDOW_NOT_OPEN', { opensAt: at('2024-01-15T09:30:12Z') }),
    );
    expect(action(e, 'reduceSeats')).toEqual(
      answer('reduceSeats', 'later', 'Q3', 'NO_OPEN_BATCH', { opensAt: at('2024-01-15T09:30:12Z') }),
    );
    expect(e.timeline).toEqual({
      purchasedAt: at('2024-01-15T09:30:12Z'),
      windowStart: at('2024-01-15T09:30:12Z'),
      termEndsAt: TERM_END,
      renewalStartsAt: null,
      renewalCompletesBy: null,
    });
  });
});

// R2 (MCS "Subscription renewals"): the renewal starts at 00:00 UTC after the end date and takes up
// to 24 h. R4 (MCS "Applying changes"): cancel and the license count "may be attempted" during it
// (409 Conflict possible); auto-renew, scheduled instructions, suspend are read-only. R3: the new
// term's windows run 7 d from the completion — unknown, so the policy's bound (earliest: 00:00Z).
describe('R3 R4 explain: the whole answer on the renewal day (2025-01-15T06:00Z)', () => {
  it('R3 R4: cancel and reduce answer for the new term (open, RENEWAL_IN_PROGRESS); read-only actions open again when the renewal has surely completed (2025-01-16T00:00Z): later', () => {
    const renewalEnd = at('2025-01-16T00:00:00Z'); // R2: renewal starts 00:00Z and takes up to 24 h
    const newWindowEnd = at('2025-01-22T00:00:00Z'); // R3: 7 d from the assumed completion, 00:00Z
    const renewing = ['RENEWAL_IN_PROGRESS'];
    const earliest = ['RENEWAL_COMPLETION_ASSUMED_EARLIEST'];
    // Asked 2025-01-15: every action under the rules of 2024-07-01 (the SaaS cancellation changes).
    const v = '2024-07-01';
    expect(explain(annual, { now: '2025-01-15T06:00:00Z' })).toEqual({
      id: 'a1',
      now: at('2025-01-15T06:00:00Z'),
      policyVersion: v,
      // The new windows close 2025-01-22T00:00Z, within 7 d of now.
      alert: 'lock-in-soon',
      actions: [
        // C1 R3: the new term's window, from the assumed completion; C15: full refund until 24 h after it.
        answer('cancel', 'now', 'C1', 'WITHIN_WINDOW', {
          policyVersion: v,
          until: newWindowEnd,
          assumptions: earliest,
          warnings: renewing,
        }),
        // Q2 R3: every seat again, one batch from the completion; 14 of 15 (one kept).
        answer('reduceSeats', 'now', 'Q2', 'WITHIN_WINDOW', {
          policyVersion: v,
          until: newWindowEnd,
          assumptions: [...earliest, 'ONE_SEAT_KEPT'],
          warnings: renewing,
          batches: [{ quantity: 15, addedAt: TERM_END, until: newWindowEnd }],
        }),
        answer('addSeats', 'now', 'Q1', 'ALLOWED', { policyVersion: v, warnings: renewing }),
        // R4: term and billing changes and upgrades are read-only while the renewal runs (as
        // scheduling is): they open again when it has surely completed.
        answer('changeBillingFrequency', 'later', 'R4', 'RENEWAL_READ_ONLY', { policyVersion: v, opensAt: renewalEnd }),
        answer('changeTerm', 'later', 'R4', 'RENEWAL_READ_ONLY', { policyVersion: v, opensAt: renewalEnd }),
        answer('upgrade', 'later', 'R4', 'RENEWAL_READ_ONLY', { policyVersion: v, opensAt: renewalEnd }),
        answer('convertTrial', 'never', 'TR3', 'NOT_A_TRIAL', { policyVersion: v }),
        answer('suspend', 'later', 'R4', 'RENEWAL_READ_ONLY', { policyVersion: v, opensAt: renewalEnd }),
        answer('reactivate', 'never', 'P3', 'NOT_SUSPENDED', { policyVersion: v }),
        answer('turnAutoRenewOn', 'later', 'R4', 'RENEWAL_READ_ONLY', { policyVersion: v, opensAt: renewalEnd }),
        answer('turnAutoRenewOff', 'later', 'R4', 'RENEWAL_READ_ONLY', { policyVersion: v, opensAt: renewalEnd }),
        // R6: no end-of-term choice under the rules of 2024-07-01 (offered from 2026-02-16, after
        // the end of the term renewing now, 2026-01-14): never, not read-only (R4).
        answer('cancelAtTermEnd', 'never', 'R6', 'CHOICE_NOT_OFFERED', { policyVersion: v }),
        answer('moveToExtendedServiceTerm', 'never', 'R6', 'CHOICE_NOT_OFFERED', { policyVersion: v }),
        answer('scheduleChange', 'later', 'R4', 'RENEWAL_READ_ONLY', { policyVersion: v, opensAt: renewalEnd }),
      ],
      // R2: the snapshot's term ends 2025-01-15T00:00Z and renews, under the rules of 2024-07-01.
      endOfTerm: { outcome: 'renew', rule: 'R2', at: TERM_END, chosen: false, policyVersion: v },
      timeline: {
        purchasedAt: at('2024-01-15T09:30:12Z'),
        windowStart: at('2024-01-15T09:30:12Z'),
        termEndsAt: TERM_END,
        renewalStartsAt: TERM_END,
        renewalCompletesBy: renewalEnd,
      },
      deadlines: [
        deadline(renewalEnd, 'full-refund-ends', 'cancel', 'C15'),
        deadline(renewalEnd, 'opens', 'changeBillingFrequency', 'R4'),
        deadline(renewalEnd, 'opens', 'changeTerm', 'R4'),
        deadline(renewalEnd, 'opens', 'upgrade', 'R4'),
        deadline(renewalEnd, 'opens', 'suspend', 'R4'),
        deadline(renewalEnd, 'opens', 'turnAutoRenewOn', 'R4'),
        deadline(renewalEnd, 'opens', 'turnAutoRenewOff', 'R4'),
        deadline(renewalEnd, 'opens', 'scheduleChange', 'R4'),
        deadline(renewalEnd, 'renewal-completes-by', null, 'R2'),
        deadline(newWindowEnd, 'closes', 'cancel', 'C1'),
        deadline(newWindowEnd, 'closes', 'reduceSeats', 'Q2', 15),
      ],
    });
  });
  it('R4: the outcome at-renewal is for a renewal not started yet: on the last ms of the term cancel is at-renewal, on the renewal day now', () => {
    expect(action(explain(annual, { now: '2025-01-14T23:59:59.999Z' }), 'cancel')).toMatchObject({
      outcome: 'at-renewal',
      opensAt: TERM_END,
    });
    expect(action(explain(annual, { now: '2025-01-15T00:00:00Z' }), 'cancel')).toMatchObject({ outcome: 'now' });
  });
});

describe('R2 R5 explain: after the term, every action is TERM_ENDED (one state table)', () => {
  it('R2: auto-renewing, once the renewal’s 24 h are over (2025-01-16T00:00Z) the snapshot is out of date', () => {
    const e = explain(annual, { now: '2025-01-16T00:00:00Z' });
    expect(e.actions).toEqual(
      ACTIONS.map((name) => answer(name, 'never', 'R2', 'TERM_ENDED', { policyVersion: '2024-07-01' })),
    );
    expect(e.alert).toBe('locked');
  });
  it('R5: auto-renew off, from 00:00Z after the term end date (2025-01-15T00:00Z); 1 ms earlier suspend is still possible', () => {
    const off = { ...annual, autoRenew: false };
    expect(explain(off, { now: '2025-01-15T00:00:00Z' }).actions).toEqual(
      ACTIONS.map((name) => answer(name, 'never', 'R5', 'TERM_ENDED', { policyVersion: '2024-07-01' })),
    );
    expect(action(explain(off, { now: '2025-01-14T23:59:59.999Z' }), 'suspend')).toMatchObject({
      outcome: 'now',
      rule: 'P1',
      until: TERM_END,
    });
  });
});

describe('B2 B5 S1 explain: list answers', () => {
  // P3Y/monthly bought 2024-01-15: cycle charges on the 15th (T6); 2024-03-15 is a charge day (B5).
  const triennial: SubscriptionInput = { ...annual, term: 'P3Y', seatBatches: [] };
  it('B5: on a charge day with auto-renew off (no scheduling, S2) the refusal reopens the next day: later', () => {
    const e = explain({ ...triennial, autoRenew: false }, { now: '2024-03-15T12:00:00Z' });
    // B5: the sources give no bound for the charge's completion: the whole UTC day is assumed.
    expect(action(e, 'changeBillingFrequency')).toEqual(
      answer('changeBillingFrequency', 'later', 'B5', 'CYCLE_CHARGE_IN_PROGRESS', {
        opensAt: at('2024-03-16T00:00:00Z'),
        assumptions: ['CHARGE_COMPLETION_ASSUMED'],
      }),
    );
    expect(action(e, 'scheduleChange')).toEqual(answer('scheduleChange', 'never', 'S2', 'AUTO_RENEW_OFF'));
  });
  it('B2: the day after, monthly → annual takes effect at the next cycle (2024-04-15T00:00Z), requested until then', () => {
    const e = explain({ ...triennial, autoRenew: false }, { now: '2024-03-16T00:00:00Z' });
    expect(action(e, 'changeBillingFrequency')).toEqual(
      answer('changeBillingFrequency', 'now', 'B2', 'NEXT_CYCLE', { until: at('2024-04-15T00:00:00Z') }),
    );
  });
  it('B5 S1: with auto-renew on, the charge-day refusal is scheduled for the next term instead (until the term ends)', () => {
    const e = explain(triennial, { now: '2024-03-15T12:00:00Z' });
    // P3Y from 2024-01-15: term end date 2027-01-14, ends 2027-01-15T00:00Z.
    expect(action(e, 'changeBillingFrequency')).toEqual(
      answer('changeBillingFrequency', 'at-renewal', 'S1', 'CYCLE_CHARGE_IN_PROGRESS', {
        until: at('2027-01-15T00:00:00Z'),
      }),
    );
  });
  it('B1 B3: offered terms reach changeTerm — P1Y with Triennial offered changes now (first target P3Y/monthly)', () => {
    const e = explain(annual, { now: '2024-06-01T00:00:00Z', offeredTerms: ['P1Y', 'P3Y'] });
    expect(action(e, 'changeTerm')).toEqual(answer('changeTerm', 'now', 'B3', 'IMMEDIATE'));
    // Without offeredTerms Triennial isn't offered: only the shorter P1M, refused, so S1 schedules it.
    expect(action(explain(annual, { now: '2024-06-01T00:00:00Z' }), 'changeTerm')).toEqual(
      answer('changeTerm', 'at-renewal', 'S1', 'TERM_NOT_LONGER', { until: TERM_END }),
    );
  });
  it('B3 R5: with auto-renew off the term change is possible until the term ends', () => {
    const e = explain({ ...annual, autoRenew: false }, { now: '2024-06-01T00:00:00Z', offeredTerms: ['P1Y', 'P3Y'] });
    expect(action(e, 'changeTerm')).toEqual(answer('changeTerm', 'now', 'B3', 'IMMEDIATE', { until: TERM_END }));
  });
});

describe('U1 U8 C3 TR3 explain: upgrade and trial eligibility', () => {
  it('C3: a cancelled subscription: upgrade and convertTrial refused TERMINATED (C3: the terminal row comes first)', () => {
    const e = explain({ ...annual, status: 'cancelled' }, { now: '2024-06-01T00:00:00Z' });
    expect(action(e, 'upgrade')).toEqual(answer('upgrade', 'never', 'C3', 'TERMINATED'));
    expect(action(e, 'convertTrial')).toEqual(answer('convertTrial', 'never', 'C3', 'TERMINATED'));
  });

  it('U1: a suspended subscription cannot start an upgrade', () => {
    const e = explain({ ...annual, status: 'suspended', autoRenew: false }, { now: '2024-06-01T00:00:00Z' });
    expect(action(e, 'upgrade')).toEqual(answer('upgrade', 'never', 'U1', 'NOT_ACTIVE'));
  });

  it('TR3: a non-trial with a promotion: NOT_A_TRIAL without any conversion warning', () => {
    const e = explain({ ...annual, promotionId: 'PROMO1' }, { now: '2024-06-01T00:00:00Z' });
    expect(action(e, 'convertTrial')).toEqual(answer('convertTrial', 'never', 'TR3', 'NOT_A_TRIAL'));
  });

  it('U8 S3: with a scheduled change, the upgrade warns it removes it; R5: auto-renew off → until the term ends', () => {
    const e = explain(
      { ...annual, autoRenew: false, scheduledChange: { quantity: 20 } },
      { now: '2024-06-01T00:00:00Z' },
    );
    expect(action(e, 'upgrade')).toEqual(
      answer('upgrade', 'now', 'U8', 'ELIGIBLE_FOR_UPGRADE', {
        until: TERM_END,
        warnings: ['UPGRADE_NOT_CANCELLABLE', 'SCHEDULED_CHANGES_REMOVED'],
      }),
    );
  });

  it('TR9 TR7: a marketplace SaaS free trial cannot convert now, so the answer is the scheduled conversion at its end', () => {
    // TR1 (MCS "Manage trials": "Trials last for 30 days"): a trial from 2024-01-15 without an end
    // date has its last day on 2024-02-13 and ends 2024-02-14T00:00Z (not a calendar month).
    const trial: SubscriptionInput = {
      program: 'nce-saas',
      term: 'P1M',
      billing: 'monthly',
      quantity: 25,
      trial: true,
      purchasedAt: '2024-01-15T09:30:12Z',
    };
    const e = explain(trial, { now: '2024-01-20T00:00:00Z' });
    expect(action(e, 'convertTrial')).toEqual(
      answer('convertTrial', 'now', 'TR7', 'CONVERT_AT_TRIAL_END', {
        until: at('2024-02-14T00:00:00Z'),
        assumptions: ['TRIAL_END_ASSUMED'],
      }),
    );
  });
});

describe('R1 R5 explain: auto-renew already in the asked state changes nothing', () => {
  it('R5: turning auto-renew off when it is off: NO_CHANGE under R5; turning it on is allowed until the term ends (R1)', () => {
    const e = explain({ ...annual, autoRenew: false }, { now: '2024-06-01T00:00:00Z' });
    expect(action(e, 'turnAutoRenewOff')).toEqual(answer('turnAutoRenewOff', 'never', 'R5', 'NO_CHANGE'));
    expect(action(e, 'turnAutoRenewOn')).toEqual(
      answer('turnAutoRenewOn', 'now', 'R1', 'ALLOWED', { until: TERM_END }),
    );
  });
});

// "Every decision, transition result and explain action lists the snapshot's assumptions that bear
// on it" (snapshot/assumed.ts): the caller's (here AUTO_RENEW_ASSUMED, as the Partner Center adapter
// writes it) on every answer; the returnable flag (C7, C16) on cancel only.
describe('R1 C16 explain: every action lists the snapshot’s assumptions', () => {
  const software: SubscriptionInput = { ...annual, program: 'nce-software', assumptions: ['AUTO_RENEW_ASSUMED'] };
  it('R1 C16: AUTO_RENEW_ASSUMED first on every action but NO_CHANGE; RETURNABLE_ASSUMED on cancel only', () => {
    const e = explain(software, { now: '2024-01-19T00:00:00Z' });
    for (const a of e.actions.filter((x) => x.reason !== 'NO_CHANGE')) {
      expect(a.assumptions[0], a.action).toBe('AUTO_RENEW_ASSUMED');
      expect(a.assumptions.includes('RETURNABLE_ASSUMED'), a.action).toBe(a.action === 'cancel');
    }
  });
  // turnAutoRenewOn is NO_CHANGE exactly because auto-renew is assumed on: the NO_CHANGE answer
  // carries the transition's assumptions (an it.fails until explain passed them on).
  it('R1: turnAutoRenewOn NO_CHANGE rests on AUTO_RENEW_ASSUMED and lists it', () => {
    expect(action(explain(software, { now: '2024-01-19T00:00:00Z' }), 'turnAutoRenewOn')).toEqual(
      answer('turnAutoRenewOn', 'never', 'R1', 'NO_CHANGE', { assumptions: ['AUTO_RENEW_ASSUMED'] }),
    );
  });
});
