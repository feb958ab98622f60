/**
 * The machine at the end of a term with the 2026 rules (src/lifecycle/machine/status.ts,
 * termEvents.ts): `setEndOfTermAction` (R6), auto-renew off warning of an EST, `termEnded` into an
 * Extended Service Term (R7) or into P8's stages, `stageElapsed` to deletion, cancelling an EST
 * (C17), the EST month after month, and renewing out of it. Dates worked out in the comments.
 */
import { describe, expect, it } from 'vitest';
import { transition } from '../../../src/lifecycle/machine/transition.js';
import type { TransitionResult, Transitioned } from '../../../src/lifecycle/machine/events.js';
import { canCancel } from '../../../src/decisions/cancel.js';
import { definePolicy } from '../../../src/policy/policy.js';
import type { Subscription, SubscriptionInput } from '../../../src/snapshot/subscription.js';
import { dayNumber } from '../../support/time.js';

const ms = (iso: string): number => Date.parse(iso);

/** The result of an accepted event (fails the test otherwise). */
function ok(r: TransitionResult): Transitioned {
  if (!r.ok) throw new Error(`refused: ${r.refusal.rule} ${r.refusal.reason}`);
  return r;
}

/** Annual license bought 2025-06-10T08:00Z with auto-renew on: last day 2026-06-09, term end 2026-06-10T00:00Z. */
const renewing: SubscriptionInput = {
  program: 'nce-license',
  term: 'P1Y',
  billing: 'annual',
  quantity: 5,
  purchasedAt: '2025-06-10T08:00:00Z',
};
/** The subscription: the same with auto-renew off and no choice. */
const license: SubscriptionInput = { ...renewing, autoRenew: false };

describe('R6 setEndOfTermAction', () => {
  it('R6: cancel on an auto-renewing term at 2026-03-01: the choice, auto-renew off (R6), SERVICE_STOPS_AT_TERM_END', () => {
    const r = ok(
      transition(renewing, { type: 'setEndOfTermAction', action: 'cancel' }, { now: '2026-03-01T00:00:00Z' }),
    );
    expect(r.effects).toEqual([
      { type: 'END_OF_TERM_ACTION_SET', rule: 'R6', action: 'cancel' },
      { type: 'AUTO_RENEW_TURNED_OFF', rule: 'R6' },
    ]);
    expect(r.warnings).toEqual(['SERVICE_STOPS_AT_TERM_END']);
    expect(r.next).toMatchObject({ endOfTermAction: 'cancel', autoRenew: false, status: 'active' });
    expect(r.policyVersion).toBe('2026-02-16');
  });

  it('R6: extended-service-term warns the price (EST_PRICE_UPLIFT) and where it leads (MOVES_TO_EXTENDED_SERVICE_TERM)', () => {
    const r = ok(
      transition(
        renewing,
        { type: 'setEndOfTermAction', action: 'extended-service-term' },
        { now: '2026-06-01T00:00:00Z' },
      ),
    );
    expect(r.effects).toEqual([
      { type: 'END_OF_TERM_ACTION_SET', rule: 'R6', action: 'extended-service-term' },
      { type: 'AUTO_RENEW_TURNED_OFF', rule: 'R6' },
    ]);
    expect(r.warnings).toEqual(['EST_PRICE_UPLIFT', 'MOVES_TO_EXTENDED_SERVICE_TERM']);
    expect(r.policyVersion).toBe('2026-05-04');
  });

  it('R6: renew on a term with auto-renew off turns auto-renew on (R6), no warning', () => {
    const r = ok(transition(license, { type: 'setEndOfTermAction', action: 'renew' }, { now: '2026-03-01T00:00:00Z' }));
    expect(r.effects).toEqual([
      { type: 'END_OF_TERM_ACTION_SET', rule: 'R6', action: 'renew' },
      { type: 'AUTO_RENEW_TURNED_ON', rule: 'R6' },
    ]);
    expect(r.warnings).toEqual([]);
    expect(r.next).toMatchObject({ endOfTermAction: 'renew', autoRenew: true });
  });

  it('R6: the same choice again changes nothing', () => {
    const r = ok(
      transition(
        { ...license, endOfTermAction: 'cancel' },
        { type: 'setEndOfTermAction', action: 'cancel' },
        {
          now: '2026-03-01T00:00:00Z',
        },
      ),
    );
    expect(r.effects).toEqual([]);
  });

  it('R6 S3: choosing cancel turns auto-renew off, which deletes the scheduled change', () => {
    const r = ok(
      transition(
        { ...renewing, scheduledChange: { quantity: 7 } },
        { type: 'setEndOfTermAction', action: 'cancel' },
        {
          now: '2026-03-01T00:00:00Z',
        },
      ),
    );
    expect(r.effects).toEqual([
      { type: 'END_OF_TERM_ACTION_SET', rule: 'R6', action: 'cancel' },
      { type: 'AUTO_RENEW_TURNED_OFF', rule: 'R6' },
      {
        type: 'SCHEDULED_CHANGES_DELETED',
        rule: 'S3',
        change: { quantity: 7, term: null, billing: null, offerName: null, customTermEndDay: null },
      },
    ]);
    expect(r.next.scheduledChange).toBeNull();
  });

  it('R6: refused at 2026-02-15T23:59:59.999Z (CHOICE_NOT_OFFERED, opens 2026-02-16T00:00Z); accepted at 2026-02-16T00:00Z', () => {
    expect(
      transition(license, { type: 'setEndOfTermAction', action: 'cancel' }, { now: '2026-02-15T23:59:59.999Z' }),
    ).toEqual({
      ok: false,
      refusal: {
        allowed: false,
        rule: 'R6',
        policyVersion: '2025-04-01',
        reason: 'CHOICE_NOT_OFFERED',
        opensAt: ms('2026-02-16T00:00:00Z'),
        assumptions: [],
        warnings: [],
      },
    });
    expect(
      transition(license, { type: 'setEndOfTermAction', action: 'cancel' }, { now: '2026-02-16T00:00:00Z' }).ok,
    ).toBe(true);
  });

  it('R6 R4: last instant 2026-06-09T23:59:59.999Z accepted; at 2026-06-10T00:00Z (renewing) RENEWAL_READ_ONLY', () => {
    expect(
      transition(renewing, { type: 'setEndOfTermAction', action: 'cancel' }, { now: '2026-06-09T23:59:59.999Z' }).ok,
    ).toBe(true);
    expect(
      transition(renewing, { type: 'setEndOfTermAction', action: 'cancel' }, { now: '2026-06-10T00:00:00Z' }),
    ).toMatchObject({
      ok: false,
      refusal: { rule: 'R4', reason: 'RENEWAL_READ_ONLY', opensAt: ms('2026-06-11T00:00:00Z') },
    });
  });

  it('R6: a trial: CHOICE_NOT_OFFERED in 2025 (its term ends before 2026-02-16), NOT_ELIGIBLE from 2026-02-16', () => {
    const trial = { ...license, term: 'P1M', billing: 'monthly', quantity: 25, trial: true } as const;
    expect(
      transition(trial, { type: 'setEndOfTermAction', action: 'cancel' }, { now: '2025-06-20T00:00:00Z' }),
    ).toMatchObject({
      ok: false,
      refusal: { rule: 'R6', reason: 'CHOICE_NOT_OFFERED' },
    });
    const later = { ...trial, purchasedAt: '2026-05-10T10:00:00Z' };
    expect(
      transition(later, { type: 'setEndOfTermAction', action: 'cancel' }, { now: '2026-05-20T00:00:00Z' }),
    ).toMatchObject({
      ok: false,
      refusal: { rule: 'R6', reason: 'NOT_ELIGIBLE', opensAt: null },
    });
  });

  it('R6: an unknown action → INVALID_ENUM at event.action', () => {
    expect(() =>
      transition(license, { type: 'setEndOfTermAction', action: 'stop' as never }, { now: '2026-03-01T00:00:00Z' }),
    ).toThrow('event.action: expected one of renew, extended-service-term, cancel, got "stop"');
  });
});

describe('R7 setAutoRenew off warns MOVES_TO_EXTENDED_SERVICE_TERM where it leads to an EST', () => {
  it('R7: the 2025-06-10 term (ends 2026-06-10, in scope), turned off 2025-07-01 → the warning (governed by the term end)', () => {
    const r = ok(transition(renewing, { type: 'setAutoRenew', autoRenew: false }, { now: '2025-07-01T00:00:00Z' }));
    expect(r.effects).toEqual([{ type: 'AUTO_RENEW_TURNED_OFF', rule: 'R5' }]);
    expect(r.warnings).toEqual(['MOVES_TO_EXTENDED_SERVICE_TERM']);
    expect(r.policyVersion).toBe('2025-04-01');
  });

  it('R5: a term ending 2026-05-04T00:00Z (last day 2026-05-03) expires: no warning', () => {
    const r = ok(
      transition(
        { ...renewing, purchasedAt: '2025-05-04T10:00:00Z' },
        { type: 'setAutoRenew', autoRenew: false },
        {
          now: '2025-07-01T00:00:00Z',
        },
      ),
    );
    expect(r.warnings).toEqual([]);
  });

  it('R6: auto-renew off drops a renew choice; on turns a cancel choice into renew', () => {
    const off = ok(
      transition(
        { ...renewing, endOfTermAction: 'renew' },
        { type: 'setAutoRenew', autoRenew: false },
        {
          now: '2026-03-01T00:00:00Z',
        },
      ),
    );
    expect(off.next).toMatchObject({ autoRenew: false, endOfTermAction: null });
    const on = ok(
      transition(
        { ...license, endOfTermAction: 'cancel' },
        { type: 'setAutoRenew', autoRenew: true },
        {
          now: '2026-03-01T00:00:00Z',
        },
      ),
    );
    expect(on.next).toMatchObject({ autoRenew: true, endOfTermAction: 'renew' });
  });
});

describe('P8: setEndOfTermAction(cancel) → termEnded → stageElapsed', () => {
  const chosen = ok(
    transition(renewing, { type: 'setEndOfTermAction', action: 'cancel' }, { now: '2026-03-01T00:00:00Z' }),
  ).next;

  it('P8: termEnded at 2026-06-09T23:59:59.999Z is refused (TERM_NOT_ENDED, opens 2026-06-10T00:00Z)', () => {
    expect(transition(chosen, { type: 'termEnded' }, { now: '2026-06-09T23:59:59.999Z' })).toMatchObject({
      ok: false,
      refusal: { reason: 'TERM_NOT_ENDED', opensAt: ms('2026-06-10T00:00:00Z') },
    });
  });

  it('P8: termEnded at 2026-06-10T00:00Z → disabled (P8): billing stops, admins only', () => {
    const r = ok(transition(chosen, { type: 'termEnded' }, { now: '2026-06-10T00:00:00Z' }));
    expect(r.effects).toEqual([
      { type: 'STATUS_CHANGED', rule: 'P8', from: 'active', to: 'disabled' },
      { type: 'BILLING_STOPPED', rule: 'P8' },
      { type: 'ACCESS_BLOCKED', rule: 'P8', access: 'admins-only' },
    ]);
    expect(r.next).toMatchObject({ status: 'disabled', endOfTermAction: 'cancel', autoRenew: false });
    expect(r.policyVersion).toBe('2026-05-04');
  });

  it('P8: stageElapsed — not at 2026-09-07T23:59:59.999Z (opens 2026-09-08T00:00Z); deleted 90 days after the term end', () => {
    const disabled = ok(transition(chosen, { type: 'termEnded' }, { now: '2026-06-10T00:00:00Z' })).next;
    expect(transition(disabled, { type: 'stageElapsed' }, { now: '2026-09-07T23:59:59.999Z' })).toMatchObject({
      ok: false,
      refusal: { reason: 'STAGE_NOT_ELAPSED', opensAt: ms('2026-09-08T00:00:00Z') },
    });
    const r = ok(transition(disabled, { type: 'stageElapsed' }, { now: '2026-09-08T00:00:00Z' }));
    expect(r.effects).toEqual([
      { type: 'STATUS_CHANGED', rule: 'P8', from: 'disabled', to: 'deleted' },
      { type: 'ACCESS_BLOCKED', rule: 'P8', access: 'none' },
      { type: 'DATA_DELETED', rule: 'P8', at: ms('2026-09-08T00:00:00Z') },
    ]);
    expect(r.next.status).toBe('deleted');
    // Deleted is terminal (P7).
    expect(transition(r.next, { type: 'stageElapsed' }, { now: '2027-01-01T00:00:00Z' })).toMatchObject({
      ok: false,
      refusal: { rule: 'P7', reason: 'TERMINATED' },
    });
  });

  // The stage being waited for is P8's (afterTermStages names it P8); the refusal names P7
  // (src/lifecycle/machine/termEvents.ts:182 writes no('P7', 'STAGE_NOT_ELAPSED', …) for every timeline).
  it('P8: the refusal of an early stageElapsed on P8’s timeline names P8', () => {
    const disabled = ok(transition(chosen, { type: 'termEnded' }, { now: '2026-06-10T00:00:00Z' })).next;
    expect(transition(disabled, { type: 'stageElapsed' }, { now: '2026-09-07T23:59:59.999Z' })).toMatchObject({
      ok: false,
      refusal: { rule: 'P8' },
    });
  });

  it('P8: termEnded recorded late (2026-09-10) goes straight to deleted, the data deleted at 2026-09-08T00:00Z', () => {
    const r = ok(transition(chosen, { type: 'termEnded' }, { now: '2026-09-10T00:00:00Z' }));
    expect(r.effects).toEqual([
      { type: 'STATUS_CHANGED', rule: 'P8', from: 'active', to: 'deleted' },
      { type: 'BILLING_STOPPED', rule: 'P8' },
      { type: 'ACCESS_BLOCKED', rule: 'P8', access: 'none' },
      { type: 'DATA_DELETED', rule: 'P8', at: ms('2026-09-08T00:00:00Z') },
    ]);
  });

  it('P8: policy cancelledAtTermEnd deleted → deleted at the term end', () => {
    const policy = definePolicy({ cancelledAtTermEnd: 'deleted' });
    const r = ok(transition(chosen, { type: 'termEnded' }, { now: '2026-06-10T00:00:00Z', policy }));
    expect(r.next.status).toBe('deleted');
    expect(r.effects).toContainEqual({ type: 'DATA_DELETED', rule: 'P8', at: ms('2026-06-10T00:00:00Z') });
  });

  // P4/P7: suspended at the term end → disabled; P8: cancelled at the term end → disabled.
  it('P8 P4: set to cancel, then suspended: termEnded at 2026-06-10T00:00Z answers (disabled), it does not throw', () => {
    const suspended = ok(transition(chosen, { type: 'suspend' }, { now: '2026-03-02T00:00:00Z' })).next;
    expect(suspended).toMatchObject({ status: 'suspended', endOfTermAction: 'cancel' });
    const r = transition(suspended, { type: 'termEnded' }, { now: '2026-06-10T00:00:00Z' });
    expect(r).toMatchObject({ ok: true, next: { status: 'disabled' } });
  });
});

describe('R7 C17: termEnded into an Extended Service Term, cancelling it, month after month', () => {
  const first = ok(transition(license, { type: 'termEnded' }, { now: '2026-06-10T00:00:00Z' }));
  const est: Subscription = first.next;

  it('R7: termEnded at 2026-06-10T00:00Z → EXTENDED_SERVICE_TERM_STARTED 2026-06-10 … 2026-07-09, EST_PRICE_UPLIFT', () => {
    expect(first.effects).toEqual([
      {
        type: 'EXTENDED_SERVICE_TERM_STARTED',
        rule: 'R7',
        startDay: dayNumber('2026-06-10'),
        endDay: dayNumber('2026-07-09'),
      },
    ]);
    expect(first.warnings).toEqual(['EST_PRICE_UPLIFT']);
    expect(first.policyVersion).toBe('2026-05-04');
    expect(est).toMatchObject({
      status: 'active',
      term: 'P1M',
      billing: 'monthly',
      termStartedAt: ms('2026-06-10T00:00:00Z'),
      termStartDay: dayNumber('2026-06-10'),
      termEndDay: dayNumber('2026-07-09'),
      autoRenew: false,
      endOfTermAction: null,
      extendedServiceTerm: true,
      seatBatches: [{ quantity: 5, addedAt: ms('2026-06-10T00:00:00Z'), until: null }],
    });
  });

  it('C17: the EST month can be cancelled at any time, prorated: canCancel and the machine’s cancel', () => {
    expect(canCancel(est, { now: '2026-06-25T12:00:00Z' })).toMatchObject({
      allowed: true,
      rule: 'C17',
      reason: 'ANY_TIME',
      refund: 'prorated',
      until: null,
      policyVersion: '2026-05-04',
    });
    const r = ok(transition(est, { type: 'cancel' }, { now: '2026-06-25T12:00:00Z' }));
    expect(r.effects).toEqual([
      { type: 'STATUS_CHANGED', rule: 'C17', from: 'active', to: 'cancelled' },
      { type: 'CANCELLED', rule: 'C17', refund: 'prorated' },
      { type: 'ACCESS_BLOCKED', rule: 'C3', access: 'none' },
      { type: 'DATA_DELETION_SCHEDULED', rule: 'P7', at: ms('2026-07-02T12:00:00Z') },
    ]);
  });

  it('R7: another termEnded at 2026-07-10T00:00Z → the next EST month 2026-07-10 … 2026-08-09', () => {
    expect(transition(est, { type: 'termEnded' }, { now: '2026-07-09T23:59:59.999Z' })).toMatchObject({
      ok: false,
      refusal: { reason: 'TERM_NOT_ENDED', opensAt: ms('2026-07-10T00:00:00Z') },
    });
    const r = ok(transition(est, { type: 'termEnded' }, { now: '2026-07-10T00:00:00Z' }));
    expect(r.effects).toEqual([
      {
        type: 'EXTENDED_SERVICE_TERM_STARTED',
        rule: 'R7',
        startDay: dayNumber('2026-07-10'),
        endDay: dayNumber('2026-08-09'),
      },
    ]);
    expect(r.next).toMatchObject({ termStartedAt: ms('2026-07-10T00:00:00Z'), extendedServiceTerm: true });
  });

  it('R7 T6: a month-end purchase (2025-05-31): EST months 05-31…06-29, 06-30…07-30, 07-31…08-30', () => {
    let sub: SubscriptionInput | Subscription = { ...license, purchasedAt: '2025-05-31T08:00:00Z' };
    const months: [number, number][] = [];
    for (const now of ['2026-05-31T00:00:00Z', '2026-06-30T00:00:00Z', '2026-07-31T00:00:00Z']) {
      const r = ok(transition(sub, { type: 'termEnded' }, { now }));
      const e = r.effects[0];
      if (e?.type !== 'EXTENDED_SERVICE_TERM_STARTED') throw new Error('no EST month');
      months.push([e.startDay, e.endDay]);
      sub = r.next;
    }
    expect(months).toEqual([
      [dayNumber('2026-05-31'), dayNumber('2026-06-29')],
      [dayNumber('2026-06-30'), dayNumber('2026-07-30')],
      [dayNumber('2026-07-31'), dayNumber('2026-08-30')],
    ]);
  });

  it('R6: an EST chosen → termEnded names R6; a scheduled change does not apply in the EST (deleted, R7)', () => {
    const chosen = ok(
      transition(
        { ...license, endOfTermAction: 'extended-service-term' },
        { type: 'termEnded' },
        {
          now: '2026-06-10T00:00:00Z',
        },
      ),
    );
    expect(chosen.effects[0]).toMatchObject({ type: 'EXTENDED_SERVICE_TERM_STARTED', rule: 'R6' });
    const withChange = ok(
      transition(
        { ...license, scheduledChange: { quantity: 7 } },
        { type: 'termEnded' },
        { now: '2026-06-10T00:00:00Z' },
      ),
    );
    expect(withChange.effects).toContainEqual({
      type: 'SCHEDULED_CHANGES_DELETED',
      rule: 'R7',
      change: { quantity: 7, term: null, billing: null, offerName: null, customTermEndDay: null },
    });
    expect(withChange.next.scheduledChange).toBeNull();
  });

  it('R7: seats can’t change in the EST (changeQuantity refused EXTENDED_SERVICE_TERM)', () => {
    expect(transition(est, { type: 'changeQuantity', quantity: 6 }, { now: '2026-06-11T00:00:00Z' })).toMatchObject({
      ok: false,
      refusal: { rule: 'R7', reason: 'EXTENDED_SERVICE_TERM' },
    });
    expect(transition(est, { type: 'changeQuantity', quantity: 4 }, { now: '2026-06-11T00:00:00Z' })).toMatchObject({
      ok: false,
      refusal: { rule: 'R7', reason: 'EXTENDED_SERVICE_TERM' },
    });
  });

  it('P8: an EST month set to cancel stops at its end: termEnded → disabled (P8)', () => {
    const set = ok(transition(est, { type: 'setEndOfTermAction', action: 'cancel' }, { now: '2026-06-20T00:00:00Z' }));
    expect(set.effects).toEqual([{ type: 'END_OF_TERM_ACTION_SET', rule: 'R6', action: 'cancel' }]);
    const r = ok(transition(set.next, { type: 'termEnded' }, { now: '2026-07-10T00:00:00Z' }));
    expect(r.effects[0]).toEqual({ type: 'STATUS_CHANGED', rule: 'P8', from: 'active', to: 'disabled' });
  });

  it('R5: with asOf 2025-01-01 the term ends as before: expired (P7)', () => {
    const r = ok(
      transition(
        license,
        { type: 'termEnded' },
        { now: '2026-06-10T00:00:00Z', policy: definePolicy({ asOf: '2025-01-01' }) },
      ),
    );
    expect(r.effects).toEqual([
      { type: 'STATUS_CHANGED', rule: 'P7', from: 'active', to: 'expired' },
      { type: 'BILLING_STOPPED', rule: 'P7' },
    ]);
    expect(r.policyVersion).toBe('2024-07-01');
  });
});

describe('R6: out of an Extended Service Term into a standard term', () => {
  const est = ok(transition(license, { type: 'termEnded' }, { now: '2026-06-10T00:00:00Z' })).next;

  it('R6: set to renew (auto-renew on, R6) → renewalStarted at 2026-07-10T00:00Z → renewalCompleted: a standard term', () => {
    const set = ok(transition(est, { type: 'setEndOfTermAction', action: 'renew' }, { now: '2026-06-20T00:00:00Z' }));
    expect(set.effects).toEqual([
      { type: 'END_OF_TERM_ACTION_SET', rule: 'R6', action: 'renew' },
      { type: 'AUTO_RENEW_TURNED_ON', rule: 'R6' },
    ]);
    expect(transition(set.next, { type: 'termEnded' }, { now: '2026-07-10T00:00:00Z' })).toMatchObject({
      ok: false,
      refusal: { rule: 'R6', reason: 'RENEWS' },
    });
    const started = ok(transition(set.next, { type: 'renewalStarted' }, { now: '2026-07-10T00:00:00Z' }));
    expect(started.effects).toEqual([{ type: 'RENEWAL_STARTED', rule: 'R2', completesBy: ms('2026-07-11T00:00:00Z') }]);
    const done = ok(transition(started.state, { type: 'renewalCompleted' }, { now: '2026-07-10T03:00:00Z' }));
    expect(done.next).toMatchObject({
      extendedServiceTerm: false,
      endOfTermAction: null,
      autoRenew: true,
      termStartedAt: ms('2026-07-10T03:00:00Z'),
      termStartDay: dayNumber('2026-07-10'),
      termEndDay: dayNumber('2026-08-09'),
    });
    // Out of the EST: the standard rules again (C1: 7 days from the renewal's completion).
    expect(canCancel(done.next, { now: '2026-07-17T02:59:59.999Z' })).toMatchObject({ allowed: true, rule: 'C1' });
    expect(canCancel(done.next, { now: '2026-07-17T03:00:00Z' })).toMatchObject({ allowed: false, rule: 'C1' });
  });

  it('R7: renewal events of an EST month without a renew choice are refused (auto-renew off)', () => {
    expect(transition(est, { type: 'renewalStarted' }, { now: '2026-07-10T00:00:00Z' })).toMatchObject({
      ok: false,
      refusal: { rule: 'R5', reason: 'AUTO_RENEW_OFF' },
    });
  });

  it('R6: auto-renew turned on in the EST → renewalStarted at 2026-07-10T00:00Z starts the renewal', () => {
    const on = ok(transition(est, { type: 'setAutoRenew', autoRenew: true }, { now: '2026-06-20T00:00:00Z' }));
    expect(on.next.autoRenew).toBe(true);
    const started = transition(on.next, { type: 'renewalStarted' }, { now: '2026-07-10T00:00:00Z' });
    expect(started.ok).toBe(true);
  });

  it('R6: auto-renew turned on in the EST → termEnded is refused RENEWS (it renews, no new EST month)', () => {
    const on = ok(transition(est, { type: 'setAutoRenew', autoRenew: true }, { now: '2026-06-20T00:00:00Z' }));
    expect(transition(on.next, { type: 'termEnded' }, { now: '2026-07-10T00:00:00Z' })).toMatchObject({
      ok: false,
      refusal: { reason: 'RENEWS' },
    });
  });
});
