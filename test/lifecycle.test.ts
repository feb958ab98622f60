import { describe, expect, it } from 'vitest';
import { allow, refuse } from '../src/core/decision.js';
import { CspRulesError } from '../src/core/errors.js';
import { afterTermStageAt, afterTermStages, STATUS_FACTS } from '../src/lifecycle/afterTerm.js';
import type { LifecycleState, TransitionResult, Transitioned } from '../src/lifecycle/machine/events.js';
import {
  canScheduleChange,
  deletesScheduledChanges,
  nextTermPlan,
  SCHEDULABLE_CHANGES,
} from '../src/lifecycle/scheduledChanges.js';
import { LIFECYCLE_EVENTS, transition } from '../src/lifecycle/machine/transition.js';
import { toSubscription, type SubscriptionInput } from '../src/snapshot/subscription.js';
import { definePolicy } from '../src/policy/policy.js';
import { DAY_MS, formatDay } from '../src/time/day.js';
import { canUpgrade } from '../src/decisions/upgrade.js';

const at = (iso: string): number => Date.parse(iso);
const day = (iso: string): number => Math.floor(at(`${iso}T00:00:00Z`) / DAY_MS);

/** Term 2024-01-15 – 2025-01-14; renewal day 2025-01-15; C1 window until 2024-01-22T09:30Z. */
const sub: SubscriptionInput = {
  id: 'sub-1',
  offerName: 'Microsoft 365 E3',
  program: 'nce-license',
  term: 'P1Y',
  billing: 'monthly',
  quantity: 10,
  purchasedAt: '2024-01-15T09:30:00Z',
  seatBatches: [{ quantity: 10, addedAt: '2024-01-15T09:30:00Z' }],
  scheduledChange: { quantity: 12 },
};
const MID = '2024-06-01T12:00:00Z';
const RENEWAL_DAY = '2025-01-15T00:00:00Z';
const LAST_OF_TERM = '2025-01-14T23:59:59.999Z';

function ok(r: TransitionResult): Transitioned {
  if (!r.ok) throw new Error(`refused: ${r.refusal.rule} ${r.refusal.reason}`);
  return r;
}
const types = (r: TransitionResult): string[] => ok(r).effects.map((e) => e.type);

describe('P1 suspend blocks customer access immediately; admins keep data; billing continues', () => {
  it('active → suspended with its effects', () => {
    const r = ok(transition(sub, { type: 'suspend' }, { now: MID }));
    expect(r.next.status).toBe('suspended');
    expect(r.effects).toEqual([
      { type: 'STATUS_CHANGED', rule: 'P1', from: 'active', to: 'suspended' },
      { type: 'ACCESS_BLOCKED', rule: 'P1', access: 'admins-only' },
      { type: 'AUTO_RENEW_TURNED_OFF', rule: 'P2' },
      { type: 'SCHEDULED_CHANGES_DELETED', rule: 'P2', change: toSubscription(sub).scheduledChange },
    ]);
    expect(STATUS_FACTS.suspended).toEqual({ access: 'admins-only', billed: true, canReactivate: true });
  });

  it('only an active subscription can be suspended', () => {
    const suspended = ok(transition(sub, { type: 'suspend' }, { now: MID })).next;
    expect(transition(suspended, { type: 'suspend' }, { now: MID })).toMatchObject({
      ok: false,
      refusal: { rule: 'P1', reason: 'NOT_ACTIVE' },
    });
    expect(transition({ ...sub, status: 'expired' }, { type: 'suspend' }, { now: MID })).toMatchObject({
      ok: false,
      refusal: { reason: 'NOT_ACTIVE' },
    });
  });
});

describe('P2 suspending turns auto-renew off (deleting scheduled changes by S3); reactivating does not turn it back on', () => {
  it('auto-renew stays off after reactivation, with a warning', () => {
    const suspended = ok(transition(sub, { type: 'suspend' }, { now: MID })).next;
    expect(suspended.autoRenew).toBe(false);
    expect(suspended.scheduledChange).toBeNull();
    const back = ok(transition(suspended, { type: 'reactivate' }, { now: '2024-06-02T00:00:00Z' }));
    expect(back.next.autoRenew).toBe(false);
    expect(back.warnings).toEqual(['AUTO_RENEW_OFF']);
  });

  it('the pending billing-frequency change (next charge instruction) is kept on suspension', () => {
    const r = ok(transition({ ...sub, term: 'P3Y', nextChargeBilling: 'annual' }, { type: 'suspend' }, { now: MID }));
    expect(r.next.nextChargeBilling).toBe('annual');
  });
});

describe('P3 a suspended subscription can be reactivated until the end of its term', () => {
  const suspended = { ...sub, status: 'suspended' as const, autoRenew: false, scheduledChange: null };

  it('last instant of the term: reactivated, access restored; first instant after: term over (P4)', () => {
    const r = ok(transition(suspended, { type: 'reactivate' }, { now: LAST_OF_TERM }));
    expect(r.next.status).toBe('active');
    expect(r.effects).toEqual([
      { type: 'STATUS_CHANGED', rule: 'P3', from: 'suspended', to: 'active' },
      { type: 'ACCESS_RESTORED', rule: 'P3' },
    ]);
    expect(transition(suspended, { type: 'reactivate' }, { now: RENEWAL_DAY })).toMatchObject({
      ok: false,
      refusal: { rule: 'P4', reason: 'TERM_OVER' },
    });
  });

  it('only a suspended subscription can be reactivated', () => {
    expect(transition(sub, { type: 'reactivate' }, { now: MID })).toMatchObject({
      ok: false,
      refusal: { rule: 'P3', reason: 'NOT_SUSPENDED' },
    });
  });
});

describe('P4 not reactivated by the end of the term: the subscription ends', () => {
  const suspended = { ...sub, status: 'suspended' as const, autoRenew: false, scheduledChange: null };

  it('lifecycle policy (default): disabled at the term end, no data deleted yet', () => {
    const r = ok(transition(suspended, { type: 'termEnded' }, { now: RENEWAL_DAY }));
    expect(r.next.status).toBe('disabled');
    expect(r.effects).toEqual([
      { type: 'STATUS_CHANGED', rule: 'P4', from: 'suspended', to: 'disabled' },
      { type: 'BILLING_STOPPED', rule: 'P7' },
    ]);
  });

  it('002 policy (suspendedAtTermEnd: deleted): all data deleted at the term end', () => {
    const r = ok(transition(suspended, { type: 'termEnded' }, { now: RENEWAL_DAY, suspendedAtTermEnd: 'deleted' }));
    expect(r.next.status).toBe('deleted');
    expect(r.effects).toContainEqual({ type: 'DATA_DELETED', rule: 'P4', at: at(RENEWAL_DAY) });
  });

  it('termEnded before the end is refused with the instant it becomes possible', () => {
    expect(transition(suspended, { type: 'termEnded' }, { now: LAST_OF_TERM })).toMatchObject({
      ok: false,
      refusal: { rule: 'P7', reason: 'TERM_NOT_ENDED', opensAt: at(RENEWAL_DAY) },
    });
  });
});

describe('P5 suspending a base suspends its add-ons', () => {
  it('the add-ons’ next snapshots are returned', () => {
    const addOn: SubscriptionInput = {
      ...sub,
      id: 'addon-1',
      quantity: 2,
      seatBatches: [],
      parentSubscriptionId: 'sub-1',
      scheduledChange: null,
    };
    const r = ok(transition(sub, { type: 'suspend' }, { now: MID, addOns: [addOn] }));
    expect(r.effects).toContainEqual({ type: 'ADD_ONS_SUSPENDED', rule: 'P5', ids: ['addon-1'] });
    expect(r.addOns?.[0]).toMatchObject({ id: 'addon-1', status: 'suspended', autoRenew: false });
  });
});

describe('P6 suspend and reactivate are read-only during a renewal; trials can’t be suspended (TR8)', () => {
  it('on the renewal day: refused until the latest completion', () => {
    expect(transition(sub, { type: 'suspend' }, { now: RENEWAL_DAY })).toMatchObject({
      ok: false,
      refusal: { rule: 'R4', reason: 'RENEWAL_READ_ONLY', opensAt: at('2025-01-16T00:00:00Z') },
    });
    // The last instant of the term is not yet the renewal.
    expect(transition(sub, { type: 'suspend' }, { now: LAST_OF_TERM }).ok).toBe(true);
  });

  it('trials: suspend and reactivate refused (TR8)', () => {
    const trial = { ...sub, trial: true, quantity: 25, seatBatches: [], scheduledChange: null };
    expect(transition(trial, { type: 'suspend' }, { now: MID })).toMatchObject({
      ok: false,
      refusal: { rule: 'TR8', reason: 'TRIAL_STATUS_LOCKED' },
    });
  });
});

describe('P7 after the term: expired 30 d → disabled 90 d → deleted', () => {
  const noRenew = { ...sub, autoRenew: false, scheduledChange: null };

  it('the stages, their lengths and what users and admins can still do', () => {
    expect(afterTermStages(toSubscription(noRenew))).toEqual([
      { status: 'expired', start: at('2025-01-15T00:00:00Z'), end: at('2025-02-14T00:00:00Z'), days: 30 },
      { status: 'disabled', start: at('2025-02-14T00:00:00Z'), end: at('2025-05-15T00:00:00Z'), days: 90 },
      { status: 'deleted', start: at('2025-05-15T00:00:00Z'), end: null, days: null },
    ]);
    expect(STATUS_FACTS.expired).toEqual({ access: 'users-and-admins', billed: false, canReactivate: false });
    expect(STATUS_FACTS.disabled).toEqual({ access: 'admins-only', billed: false, canReactivate: false });
    expect(STATUS_FACTS.deleted.access).toBe('none');
  });

  it('suspended at the term end: disabled 30 d, then 90 d, then deleted', () => {
    expect(afterTermStages(toSubscription({ ...noRenew, status: 'suspended' })).map((s) => [s.status, s.days])).toEqual(
      [
        ['disabled', 30],
        ['disabled', 90],
        ['deleted', null],
      ],
    );
  });

  it('termEnded → expired; stageElapsed is refused until the last instant, then disabled, then deleted', () => {
    const expired = ok(transition(noRenew, { type: 'termEnded' }, { now: RENEWAL_DAY }));
    expect(expired.next.status).toBe('expired');
    expect(expired.effects).toEqual([
      { type: 'STATUS_CHANGED', rule: 'P7', from: 'active', to: 'expired' },
      { type: 'BILLING_STOPPED', rule: 'P7' },
    ]);
    expect(transition(expired.next, { type: 'stageElapsed' }, { now: '2025-02-13T23:59:59.999Z' })).toMatchObject({
      ok: false,
      refusal: { rule: 'P7', reason: 'STAGE_NOT_ELAPSED', opensAt: at('2025-02-14T00:00:00Z') },
    });
    const disabled = ok(transition(expired.next, { type: 'stageElapsed' }, { now: '2025-02-14T00:00:00Z' }));
    expect(disabled.next.status).toBe('disabled');
    expect(disabled.effects).toContainEqual({ type: 'ACCESS_BLOCKED', rule: 'P7', access: 'admins-only' });
    expect(transition(disabled.next, { type: 'stageElapsed' }, { now: '2025-05-14T23:59:59.999Z' }).ok).toBe(false);
    const deleted = ok(transition(disabled.next, { type: 'stageElapsed' }, { now: '2025-05-15T00:00:00Z' }));
    expect(deleted.next.status).toBe('deleted');
    expect(deleted.effects).toContainEqual({ type: 'DATA_DELETED', rule: 'P7', at: at('2025-05-15T00:00:00Z') });
  });

  it('expired: no reactivation; a late termEnded catches up with the stage due', () => {
    expect(transition({ ...noRenew, status: 'expired' }, { type: 'reactivate' }, { now: RENEWAL_DAY }).ok).toBe(false);
    expect(ok(transition(noRenew, { type: 'termEnded' }, { now: '2025-03-01T00:00:00Z' })).next.status).toBe(
      'disabled',
    );
    expect(afterTermStageAt(toSubscription(noRenew), at(LAST_OF_TERM))).toBeNull();
  });

  it('a cancelled subscription goes straight to deleted, with 7 days to back up data', () => {
    const r = ok(transition(sub, { type: 'cancel' }, { now: '2024-01-16T09:30:00Z' }));
    expect(r.effects).toContainEqual({ type: 'DATA_DELETION_SCHEDULED', rule: 'P7', at: at('2024-01-23T09:30:00Z') });
  });

  it('an auto-renewing subscription does not end: termEnded refused (R5)', () => {
    expect(transition(sub, { type: 'termEnded' }, { now: RENEWAL_DAY })).toMatchObject({
      ok: false,
      refusal: { rule: 'R5', reason: 'RENEWS' },
    });
  });
});

describe('C3 cancelled (and deleted) subscriptions are terminal', () => {
  it('cancel inside the window: cancelled, access ends, scheduled changes deleted (S3)', () => {
    const r = ok(transition(sub, { type: 'cancel' }, { now: '2024-01-22T09:29:59.999Z' }));
    expect(r.next.status).toBe('cancelled');
    expect(types(r)).toEqual([
      'STATUS_CHANGED',
      'CANCELLED',
      'ACCESS_BLOCKED',
      'DATA_DELETION_SCHEDULED',
      'SCHEDULED_CHANGES_DELETED',
    ]);
    expect(r.effects[1]).toEqual({ type: 'CANCELLED', rule: 'C1', refund: 'prorated' });
  });

  it('every event on a cancelled or deleted subscription is refused', () => {
    for (const type of [
      'cancel',
      'suspend',
      'reactivate',
      'clearScheduledChanges',
      'renewalStarted',
      'termEnded',
      'stageElapsed',
    ] as const) {
      expect(transition({ ...sub, status: 'cancelled' }, { type }, { now: MID })).toMatchObject({
        ok: false,
        refusal: { rule: 'C3', reason: 'TERMINATED' },
      });
      expect(transition({ ...sub, status: 'deleted' }, { type }, { now: MID })).toMatchObject({
        ok: false,
        refusal: { rule: 'P7', reason: 'TERMINATED' },
      });
    }
  });

  it('cancel after the window: canCancel’s refusal, with when it reopens', () => {
    expect(transition(sub, { type: 'cancel' }, { now: '2024-01-22T09:30:00Z' })).toMatchObject({
      ok: false,
      refusal: { rule: 'C1', reason: 'WINDOW_CLOSED', opensAt: at(RENEWAL_DAY) },
    });
  });

  it('traditional SaaS after its window: accepted for the term end, auto-renew off (C5)', () => {
    const r = ok(
      transition({ ...sub, program: 'traditional-saas', billing: 'annual' }, { type: 'cancel' }, { now: MID }),
    );
    expect(r.next.status).toBe('active');
    expect(r.next.autoRenew).toBe(false);
    expect(r.effects[0]).toEqual({ type: 'CANCELLATION_SCHEDULED', rule: 'C5', at: at(RENEWAL_DAY) });
  });
});

describe('C9 a trial can’t be cancelled; turning auto-renew off is the way out', () => {
  const trial: SubscriptionInput = {
    ...sub,
    trial: true,
    quantity: 25,
    term: 'P1M',
    seatBatches: [],
    scheduledChange: { quantity: 10 },
    termEndDate: '2024-02-13',
  };

  it('cancel refused, auto-renew off accepted and deletes the scheduled conversion (S3)', () => {
    expect(transition(trial, { type: 'cancel' }, { now: '2024-01-16T00:00:00Z' })).toMatchObject({
      ok: false,
      refusal: { rule: 'C9' },
    });
    const off = ok(transition(trial, { type: 'setAutoRenew', autoRenew: false }, { now: '2024-01-16T00:00:00Z' }));
    expect(types(off)).toEqual(['AUTO_RENEW_TURNED_OFF', 'SCHEDULED_CHANGES_DELETED']);
    expect(ok(transition(off.next, { type: 'termEnded' }, { now: '2024-02-14T00:00:00Z' })).next.status).toBe(
      'expired',
    );
  });
});

describe('TR8 during a trial: no quantity change, no status change', () => {
  const trial: SubscriptionInput = {
    ...sub,
    trial: true,
    quantity: 25,
    term: 'P1M',
    seatBatches: [],
    scheduledChange: null,
    termEndDate: '2024-02-13',
  };

  it('quantity and status events are refused; conversion ends the trial (TR2–TR4)', () => {
    expect(
      transition(trial, { type: 'changeQuantity', quantity: 30 }, { now: MID.replace('06-01', '01-20') }),
    ).toMatchObject({
      ok: false,
      refusal: { rule: 'Q7', reason: 'TRIAL_QUANTITY_LOCKED' },
    });
    expect(transition(trial, { type: 'convertTrial', quantity: 24 }, { now: '2024-01-20T00:00:00Z' })).toMatchObject({
      ok: false,
      refusal: { rule: 'TR4', reason: 'BELOW_TRIAL_MINIMUM' },
    });
    const paid = ok(transition(trial, { type: 'convertTrial' }, { now: '2024-01-20T08:00:00Z' }));
    expect(paid.next).toMatchObject({
      trial: false,
      term: 'P1Y',
      billing: 'monthly',
      quantity: 25,
      termStartedAt: at('2024-01-20T08:00:00Z'),
    });
    expect(formatDay(paid.next.termEndDay)).toBe('2025-01-19');
    expect(paid.effects).toEqual([
      { type: 'TRIAL_CONVERTED', rule: 'TR3', term: 'P1Y', billing: 'monthly', quantity: 25 },
    ]);
  });
});

describe('R4 while a renewal runs: auto-renew, scheduled changes, suspend, reactivate read-only; others may meet 409', () => {
  it('read-only events refused; quantity accepted with the RENEWAL_IN_PROGRESS warning', () => {
    for (const event of [
      { type: 'setAutoRenew', autoRenew: false },
      { type: 'scheduleChange', change: { quantity: 5 } },
      { type: 'clearScheduledChanges' },
    ] as const) {
      expect(transition(sub, event, { now: '2025-01-15T23:59:59.999Z' })).toMatchObject({
        ok: false,
        refusal: { rule: 'R4', reason: 'RENEWAL_READ_ONLY' },
      });
    }
    const more = ok(transition(sub, { type: 'changeQuantity', quantity: 11 }, { now: '2025-01-15T10:00:00Z' }));
    expect(more.warnings).toEqual(['RENEWAL_IN_PROGRESS']);
  });

  it('a declared renewing phase holds until renewalCompleted, even past the 24 h bound', () => {
    const state: LifecycleState = { subscription: toSubscription(sub), phase: 'renewing' };
    expect(
      transition(state, { type: 'setAutoRenew', autoRenew: false }, { now: '2025-01-16T03:00:00Z' }),
    ).toMatchObject({
      ok: false,
      refusal: { rule: 'R4', opensAt: null },
    });
    expect(() =>
      transition({ subscription: toSubscription(sub), phase: 'renewing' }, { type: 'suspend' }, { now: MID }),
    ).toThrow(CspRulesError);
  });
});

describe('R5 renewal: started, completed with the scheduled changes applied', () => {
  it('renewalStarted → renewing; renewalCompleted → new term, new batch, changes applied and cleared', () => {
    const started = ok(transition(sub, { type: 'renewalStarted' }, { now: RENEWAL_DAY }));
    expect(started.phase).toBe('renewing');
    expect(started.effects).toEqual([{ type: 'RENEWAL_STARTED', rule: 'R2', completesBy: at('2025-01-16T00:00:00Z') }]);
    expect(transition(started.state, { type: 'renewalStarted' }, { now: RENEWAL_DAY })).toMatchObject({
      ok: false,
      refusal: { reason: 'ALREADY_RENEWING' },
    });
    const done = ok(transition(started.state, { type: 'renewalCompleted' }, { now: '2025-01-15T06:00:00Z' }));
    expect(done.phase).toBe('in-term');
    expect(done.next).toMatchObject({
      quantity: 12,
      termStartedAt: at('2025-01-15T06:00:00Z'),
      termStartDay: day('2025-01-15'),
      termEndDay: day('2026-01-14'),
      scheduledChange: null,
      seatBatches: [{ quantity: 12, addedAt: at('2025-01-15T06:00:00Z') }],
    });
    expect(types(done)).toEqual(['RENEWED', 'SCHEDULED_CHANGES_APPLIED', 'QUANTITY_CHANGED']);
  });

  it('auto-renew off: no renewal; past the 24 h bound the completion is unknown (R3), not guessed', () => {
    expect(transition({ ...sub, autoRenew: false }, { type: 'renewalStarted' }, { now: RENEWAL_DAY })).toMatchObject({
      ok: false,
      refusal: { rule: 'R5', reason: 'AUTO_RENEW_OFF' },
    });
    const late = ok(transition(sub, { type: 'renewalCompleted' }, { now: '2025-01-17T00:00:00Z' }));
    expect(late.next.termStartedAt).toBeNull();
    expect(late.warnings).toEqual(['RENEWAL_COMPLETION_UNKNOWN']);
    expect(() =>
      transition(
        sub,
        { type: 'renewalCompleted', completedAt: '2025-01-16T00:00:00Z' },
        { now: '2025-01-17T00:00:00Z' },
      ),
    ).toThrow(CspRulesError);
  });

  it('a stale snapshot past its term accepts only renewal and after-term events (TERM_OVER)', () => {
    expect(transition(sub, { type: 'changeQuantity', quantity: 11 }, { now: '2025-01-16T00:00:00Z' })).toMatchObject({
      ok: false,
      refusal: { rule: 'R2', reason: 'TERM_OVER' },
    });
  });
});

describe('S1 what may be scheduled for the end of the term', () => {
  it('upgrade, quantity, term, billing, coterminous date; saving replaces the saved change', () => {
    expect(SCHEDULABLE_CHANGES).toEqual(['upgrade', 'quantity', 'term', 'billing', 'coterminousDate']);
    const r = ok(
      transition(
        sub,
        { type: 'scheduleChange', change: { term: 'P3Y', billing: 'annual', offerName: 'Microsoft 365 E5' } },
        { now: MID },
      ),
    );
    expect(r.effects).toEqual([
      {
        type: 'SCHEDULED_CHANGE_SAVED',
        rule: 'S1',
        change: {
          quantity: null,
          term: 'P3Y',
          billing: 'annual',
          offerName: 'Microsoft 365 E5',
          customTermEndDay: null,
        },
        replaced: true,
      },
    ]);
    expect(() => transition(sub, { type: 'scheduleChange', change: {} }, { now: MID })).toThrowError(/names no change/);
    const cleared = ok(transition(sub, { type: 'clearScheduledChanges' }, { now: MID }));
    expect(cleared.next.scheduledChange).toBeNull();
  });
});

describe('S2 scheduling requires active and auto-renew on', () => {
  it('refused when suspended or auto-renew off; allowed until the renewal starts', () => {
    expect(
      transition(
        { ...sub, autoRenew: false, scheduledChange: null },
        { type: 'scheduleChange', change: { quantity: 3 } },
        { now: MID },
      ),
    ).toMatchObject({
      ok: false,
      refusal: { rule: 'S2', reason: 'AUTO_RENEW_OFF' },
    });
    expect(canScheduleChange(toSubscription({ ...sub, status: 'suspended', autoRenew: false }), false).reason).toBe(
      'NOT_ACTIVE',
    );
    expect(canScheduleChange(toSubscription(sub), false)).toMatchObject({ allowed: true, until: at(RENEWAL_DAY) });
    expect(
      ok(transition(sub, { type: 'scheduleChange', change: { quantity: 3 } }, { now: LAST_OF_TERM })).next
        .scheduledChange?.quantity,
    ).toBe(3);
  });
});

describe('S3 what deletes scheduled changes', () => {
  it('the table: the API docs’ rule (default) and 002’s list', () => {
    expect(deletesScheduledChanges('termChange')).toBe(true);
    expect(deletesScheduledChanges('termChange', 'listed')).toBe(false);
    expect(deletesScheduledChanges('billingOnly')).toBe(false);
    for (const c of ['cancel', 'autoRenewOff', 'quantity', 'upgrade', 'convertTrial', 'suspend'] as const) {
      expect([deletesScheduledChanges(c), deletesScheduledChanges(c, 'listed')]).toEqual([true, true]);
    }
  });

  it('a quantity change deletes them; an immediate term change only under the default policy', () => {
    expect(types(transition(sub, { type: 'changeQuantity', quantity: 11 }, { now: MID }))).toEqual([
      'QUANTITY_CHANGED',
      'SCHEDULED_CHANGES_DELETED',
    ]);
    // B1: Triennial only when the catalog offers it.
    const p3y = {
      type: 'changeTermOrBilling',
      term: 'P3Y',
      billing: 'monthly',
      offeredTerms: ['P1M', 'P1Y', 'P3Y'],
    } as const;
    expect(types(transition(sub, p3y, { now: MID }))).toEqual(['TERM_CHANGED', 'SCHEDULED_CHANGES_DELETED']);
    expect(types(transition(sub, p3y, { now: MID, scheduledChangeDeletion: 'listed' }))).toEqual(['TERM_CHANGED']);
  });

  it('a billing-only change (B2) is pending for the next cycle and deletes nothing', () => {
    const r = ok(
      transition(
        { ...sub, term: 'P3Y' },
        { type: 'changeTermOrBilling', term: 'P3Y', billing: 'annual' },
        { now: MID },
      ),
    );
    expect(r.effects).toEqual([{ type: 'BILLING_CHANGE_PENDING', rule: 'B2', billing: 'annual' }]);
    expect(r.next.scheduledChange).not.toBeNull();
  });
});

describe('S4 a scheduled SKU upgrade reassigns licenses automatically only with unchanged quantity', () => {
  it('automatic vs manual', () => {
    expect(
      nextTermPlan(toSubscription({ ...sub, scheduledChange: { offerName: 'Microsoft 365 E5' } })).reassignment,
    ).toBe('automatic');
    expect(
      nextTermPlan(toSubscription({ ...sub, scheduledChange: { offerName: 'Microsoft 365 E5', quantity: 8 } }))
        .reassignment,
    ).toBe('manual');
    expect(nextTermPlan(toSubscription(sub)).reassignment).toBeNull();
  });
});

describe('S5 a midterm upgrade removes a scheduled upgrade', () => {
  it('full upgrade (U3): same id, scheduled upgrade deleted under S5', () => {
    const r = ok(
      transition(
        { ...sub, scheduledChange: { offerName: 'Microsoft 365 E5' } },
        { type: 'upgrade', quantity: 10, offerName: 'Microsoft 365 E5 (no Teams)' },
        { now: MID },
      ),
    );
    expect(r.next).toMatchObject({ id: 'sub-1', offerName: 'Microsoft 365 E5 (no Teams)', scheduledChange: null });
    expect(r.effects.map((e) => [e.type, e.rule])).toEqual([
      ['UPGRADED', 'U3'],
      ['SCHEDULED_CHANGES_DELETED', 'S5'],
    ]);
  });

  it('partial upgrade (U4, U9): a coterminous subscription inheriting the cancellation window', () => {
    const r = ok(
      transition(
        sub,
        { type: 'upgrade', quantity: 4, offerName: 'E5', newSubscriptionId: 'sub-2' },
        { now: '2024-01-16T00:00:00Z' },
      ),
    );
    expect(r.next.quantity).toBe(6);
    expect(r.created).toHaveLength(1);
    expect(r.created?.[0]).toMatchObject({
      id: 'sub-2',
      offerName: 'E5',
      quantity: 4,
      termEndDay: day('2025-01-14'),
      cancellationWindowFrom: at('2024-01-15T09:30:00Z'),
    });
    expect(types(r)).toEqual(['UPGRADED', 'QUANTITY_CHANGED', 'SUBSCRIPTION_CREATED', 'SCHEDULED_CHANGES_DELETED']);
    expect(transition(sub, { type: 'upgrade', quantity: 11 }, { now: MID })).toMatchObject({
      ok: false,
      refusal: { reason: 'QUANTITY_ABOVE_CURRENT' },
    });
  });

  it('an eligibility refusal from elsewhere passes through as is', () => {
    const refusal = refuse('U2', 'UNSUPPORTED_UPGRADE_PATH', null);
    expect(transition(sub, { type: 'upgrade', quantity: 10, eligibility: refusal }, { now: MID })).toEqual({
      ok: false,
      refusal,
    });
    expect(
      transition(sub, { type: 'upgrade', quantity: 10, eligibility: allow('U2', 'OK', null) }, { now: MID }).ok,
    ).toBe(true);
  });
});

describe('transition validates events and options (typed errors)', () => {
  it('events and options are validated (typed errors)', () => {
    expect(LIFECYCLE_EVENTS).toHaveLength(14);
    expect(() => transition(sub, { type: 'explode' } as never, { now: MID })).toThrowError(/event.type/);
    expect(() => transition(sub, { type: 'suspend' }, { now: MID, addOns: 'x' as never })).toThrowError(/addOns/);
    expect(() => transition(sub, { type: 'suspend' }, { now: MID, suspendedAtTermEnd: 'later' as never })).toThrowError(
      /suspendedAtTermEnd/,
    );
    expect(() => transition(sub, { type: 'setAutoRenew' } as never, { now: MID })).toThrowError(/event.autoRenew/);
    expect(() => transition(sub, { type: 'changeQuantity', quantity: -1 }, { now: MID })).toThrowError(
      /event.quantity/,
    );
  });

  it('quantity 0 is a cancellation (C2)', () => {
    expect(transition(sub, { type: 'changeQuantity', quantity: 0 }, { now: '2024-01-16T00:00:00Z' })).toMatchObject({
      ok: false,
      refusal: { rule: 'C2', reason: 'USE_CANCEL' },
    });
  });
});

describe('B2 B3 B4 term and billing changes, the lifecycle side', () => {
  it('refusals: same plan, upfront midterm, shorter term, trials, eligibility', () => {
    const plan = (term: 'P1M' | 'P1Y' | 'P3Y', billing: 'monthly' | 'annual' | 'triennial') =>
      ({ type: 'changeTermOrBilling', term, billing }) as const;
    expect(transition(sub, plan('P1Y', 'monthly'), { now: MID })).toMatchObject({
      ok: false,
      refusal: { rule: 'B2', reason: 'NO_CHANGE' },
    });
    expect(transition(sub, plan('P1Y', 'annual'), { now: MID })).toMatchObject({
      ok: false,
      refusal: { rule: 'B2', reason: 'UPFRONT_NOT_ALLOWED_MIDTERM' },
    });
    expect(transition(sub, plan('P1M', 'monthly'), { now: MID })).toMatchObject({
      ok: false,
      refusal: { rule: 'B3', reason: 'TERM_NOT_LONGER' },
    });
    expect(
      transition({ ...sub, trial: true, quantity: 25, seatBatches: [] }, plan('P3Y', 'monthly'), { now: MID }),
    ).toMatchObject({
      ok: false,
      refusal: { rule: 'TR3', reason: 'USE_CONVERT_TRIAL' },
    });
    expect(
      transition({ ...sub, status: 'suspended', autoRenew: false, scheduledChange: null }, plan('P3Y', 'monthly'), {
        now: MID,
      }),
    ).toMatchObject({
      ok: false,
      refusal: { rule: 'B3', reason: 'NOT_ACTIVE' },
    });
    const refusal = refuse('B3', 'TERM_NOT_OFFERED', null);
    expect(transition(sub, { ...plan('P3Y', 'monthly'), eligibility: refusal }, { now: MID })).toEqual({
      ok: false,
      refusal,
    });
  });

  it('an immediate term change starts a new term today, keeps the window, warns about a promotion (B4)', () => {
    const r = ok(
      transition(
        { ...sub, promotionId: 'PROMO' },
        { type: 'changeTermOrBilling', term: 'P3Y', billing: 'annual', offeredTerms: ['P1Y', 'P3Y'] },
        { now: MID },
      ),
    );
    expect(r.next).toMatchObject({
      term: 'P3Y',
      billing: 'annual',
      termStartedAt: at(MID),
      termEndDay: day('2027-05-31'),
      cancellationWindowFrom: at('2024-01-15T09:30:00Z'),
    });
    expect(r.warnings).toEqual(['PROMOTION_MAY_BE_LOST']);
  });
});

describe('TR2 TR3 TR6 trial conversion', () => {
  const trial: SubscriptionInput = {
    ...sub,
    trial: true,
    quantity: 25,
    term: 'P1M',
    seatBatches: [],
    scheduledChange: null,
    termEndDate: '2024-02-13',
    promotionId: 'P',
  };

  it('midterm: chosen plan and seats, promotion dropped (TR6); not for paid subscriptions; eligibility passes through', () => {
    const r = ok(
      transition(
        trial,
        { type: 'convertTrial', term: 'P3Y', billing: 'triennial', quantity: 30 },
        { now: '2024-01-20T00:00:00Z' },
      ),
    );
    expect(r.next).toMatchObject({ trial: false, term: 'P3Y', billing: 'triennial', quantity: 30, promotionId: null });
    expect(r.warnings).toEqual(['PROMOTION_NOT_APPLIED']);
    expect(transition(sub, { type: 'convertTrial' }, { now: MID })).toMatchObject({
      ok: false,
      refusal: { rule: 'TR3', reason: 'NOT_A_TRIAL' },
    });
    const refusal = refuse('TR5', 'TARGET_ENDS_TOO_EARLY', null);
    expect(transition(trial, { type: 'convertTrial', eligibility: refusal }, { now: '2024-01-20T00:00:00Z' })).toEqual({
      ok: false,
      refusal,
    });
  });

  it('at the end with auto-renew on: the renewal converts it (TR2), with a scheduled quantity below 25 (TR7)', () => {
    const scheduled = ok(
      transition(trial, { type: 'scheduleChange', change: { quantity: 10 } }, { now: '2024-01-20T00:00:00Z' }),
    );
    expect(transition(scheduled.next, { type: 'convertTrial' }, { now: '2024-02-14T01:00:00Z' })).toMatchObject({
      ok: false,
      refusal: { rule: 'R4', reason: 'RENEWAL_READ_ONLY' },
    });
    const done = ok(
      transition(
        scheduled.next,
        { type: 'renewalCompleted', completedAt: '2024-02-14T00:30:00Z' },
        { now: '2024-02-14T01:00:00Z' },
      ),
    );
    expect(done.next).toMatchObject({
      trial: false,
      term: 'P1Y',
      billing: 'monthly',
      quantity: 10,
      termStartedAt: at('2024-02-14T00:30:00Z'),
      promotionId: null,
    });
    expect(formatDay(done.next.termEndDay)).toBe('2025-02-13');
    expect(types(done)).toEqual(['RENEWED', 'SCHEDULED_CHANGES_APPLIED', 'TRIAL_CONVERTED', 'QUANTITY_CHANGED']);
  });
});

describe('Q1 Q2 quantity changes in the machine', () => {
  it('an increase is a new batch dated now; a decrease releases the newest open seats', () => {
    const more = ok(transition(sub, { type: 'changeQuantity', quantity: 15 }, { now: '2024-03-10T14:00:00Z' }));
    expect(more.next.seatBatches).toEqual([
      { quantity: 10, addedAt: at('2024-01-15T09:30:00Z') },
      { quantity: 5, addedAt: at('2024-03-10T14:00:00Z') },
    ]);
    const fewer = ok(
      transition(more.next, { type: 'changeQuantity', quantity: 12 }, { now: '2024-03-17T13:59:59.999Z' }),
    );
    expect(fewer.next.seatBatches).toEqual([
      { quantity: 10, addedAt: at('2024-01-15T09:30:00Z') },
      { quantity: 2, addedAt: at('2024-03-10T14:00:00Z') },
    ]);
    expect(fewer.effects[0]).toEqual({ type: 'QUANTITY_CHANGED', rule: 'Q2', from: 15, to: 12, refund: 'prorated' });
    expect(
      transition(more.next, { type: 'changeQuantity', quantity: 12 }, { now: '2024-03-17T14:00:00Z' }),
    ).toMatchObject({
      ok: false,
      refusal: { rule: 'Q3', reason: 'INSUFFICIENT_REDUCIBLE_SEATS' },
    });
  });

  it('unknown batches: an increase names the assumption; the same quantity changes nothing', () => {
    const { seatBatches: _b, ...noBatches } = sub;
    expect(_b).toHaveLength(1);
    const r = ok(transition(noBatches, { type: 'changeQuantity', quantity: 11 }, { now: MID }));
    expect(r.warnings).toEqual(['SEAT_BATCHES_ASSUMED']);
    expect(r.next.seatBatches).toEqual([
      { quantity: 10, addedAt: at('2024-01-15T09:30:00Z') },
      { quantity: 1, addedAt: at(MID) },
    ]);
    expect(ok(transition(sub, { type: 'changeQuantity', quantity: 10 }, { now: MID })).effects).toEqual([]);
  });
});

describe('R1 R5 auto-renew events', () => {
  it('on → AUTO_RENEW_TURNED_ON; unchanged → no effects; not for suspended (P2) or expired subscriptions', () => {
    const off = { ...sub, autoRenew: false, scheduledChange: null };
    expect(ok(transition(off, { type: 'setAutoRenew', autoRenew: true }, { now: MID })).effects).toEqual([
      { type: 'AUTO_RENEW_TURNED_ON', rule: 'R1' },
    ]);
    expect(ok(transition(sub, { type: 'setAutoRenew', autoRenew: true }, { now: MID })).effects).toEqual([]);
    expect(
      transition({ ...off, status: 'suspended' }, { type: 'setAutoRenew', autoRenew: true }, { now: MID }),
    ).toMatchObject({
      ok: false,
      refusal: { rule: 'P2', reason: 'NOT_ACTIVE' },
    });
    expect(
      transition({ ...off, status: 'expired' }, { type: 'setAutoRenew', autoRenew: true }, { now: MID }),
    ).toMatchObject({ ok: false, refusal: { rule: 'P7' } });
  });

  it('a bare snapshot on the renewal day is renewing; the returned state keeps the phase until completion', () => {
    const r = ok(transition(sub, { type: 'changeQuantity', quantity: 11 }, { now: '2025-01-15T08:00:00Z' }));
    expect(r.phase).toBe('renewing');
    expect(r.state.phase).toBe('renewing');
    expect(transition(r.state, { type: 'renewalStarted' }, { now: '2025-01-15T08:00:01Z' })).toMatchObject({
      ok: false,
      refusal: { reason: 'ALREADY_RENEWING' },
    });
    expect(ok(transition(r.state, { type: 'renewalCompleted' }, { now: '2025-01-15T09:00:00Z' })).phase).toBe(
      'in-term',
    );
    expect(transition(sub, { type: 'renewalStarted' }, { now: LAST_OF_TERM })).toMatchObject({
      ok: false,
      refusal: { rule: 'R2', reason: 'TERM_NOT_ENDED', opensAt: at(RENEWAL_DAY) },
    });
  });
});

describe('P7 a disabled snapshot: deletion 120 d after the term end, whichever path', () => {
  it('stages, and stageElapsed refused for statuses without an after-term stage', () => {
    const disabled = toSubscription({ ...sub, status: 'disabled', autoRenew: false, scheduledChange: null });
    expect(afterTermStages(disabled)).toEqual([
      { status: 'disabled', start: at(RENEWAL_DAY), end: at('2025-05-15T00:00:00Z'), days: null },
      { status: 'deleted', start: at('2025-05-15T00:00:00Z'), end: null, days: null },
    ]);
    expect(
      afterTermStages(
        toSubscription({ ...sub, status: 'suspended', autoRenew: false, scheduledChange: null }),
        'deleted',
      ),
    ).toEqual([{ status: 'deleted', start: at(RENEWAL_DAY), end: null, days: null }]);
    expect(afterTermStages(toSubscription(sub))).toEqual([]);
    expect(transition(sub, { type: 'stageElapsed' }, { now: MID })).toMatchObject({
      ok: false,
      refusal: { rule: 'P7', reason: 'NOT_ACTIVE' },
    });
    expect(transition({ ...sub, status: 'expired' }, { type: 'termEnded' }, { now: RENEWAL_DAY })).toMatchObject({
      ok: false,
      refusal: { rule: 'P7', reason: 'NOT_ACTIVE' },
    });
  });
});

describe('U2 U1 C10 the upgrade event is decided by canUpgrade (wired)', () => {
  const E5 = 'Microsoft 365 E5';
  const catalog = [{ from: 'Microsoft 365 E3', to: E5 }];

  it('U2: a path on 002’s deny list is refused through transition, with the U7 note and the API code', () => {
    const ems = { ...sub, offerName: 'Enterprise Mobility + Security E3' };
    const r = transition(
      ems,
      { type: 'upgrade', quantity: 10, offerName: 'Enterprise Mobility + Security E5' },
      { now: MID },
    );
    expect(r).toMatchObject({
      ok: false,
      refusal: {
        allowed: false,
        rule: 'U2',
        reason: 'UNSUPPORTED_UPGRADE_PATH',
        opensAt: null,
        apiCode: 'ConversionsNotFound',
        duplicateLicenses: { rule: 'U7' },
      },
    });
  });

  it('U2: a path absent from the given catalog is refused; listed, it is allowed (C10 warning passes through)', () => {
    const other = [{ from: 'Microsoft 365 E3', to: 'Microsoft 365 E5 (no Teams)' }];
    expect(
      transition(sub, { type: 'upgrade', quantity: 10, offerName: E5, catalog: other }, { now: MID }),
    ).toMatchObject({
      ok: false,
      refusal: { rule: 'U2', reason: 'UNSUPPORTED_UPGRADE_PATH' },
    });
    const r = ok(transition(sub, { type: 'upgrade', quantity: 10, offerName: E5, catalog }, { now: MID }));
    expect(r.next).toMatchObject({ id: 'sub-1', offerName: E5, quantity: 10, scheduledChange: null });
    expect(r.warnings).toEqual(['UPGRADE_NOT_CANCELLABLE', 'SCHEDULED_CHANGES_REMOVED']);
  });

  it('U1: the same product is not an upgrade', () => {
    expect(
      transition(sub, { type: 'upgrade', quantity: 10, offerName: ' microsoft 365 e3 ' }, { now: MID }),
    ).toMatchObject({
      ok: false,
      refusal: { rule: 'U1', reason: 'SAME_PRODUCT' },
    });
  });

  it('bad input names the event’s fields: no target without eligibility, a malformed catalog', () => {
    expect(() => transition(sub, { type: 'upgrade', quantity: 10 }, { now: MID })).toThrow(
      expect.objectContaining({ code: 'MISSING_FIELD', field: 'event.offerName' }),
    );
    expect(() =>
      transition(
        sub,
        { type: 'upgrade', quantity: 10, offerName: E5, catalog: [{ from: 'Microsoft 365 E3' }] as never },
        { now: MID },
      ),
    ).toThrow(expect.objectContaining({ code: 'MISSING_FIELD', field: 'event.catalog[0].to' }));
  });

  it('U4 U9: the created subscription is canUpgrade’s: coterminous, the parent’s window to the millisecond', () => {
    const now = '2024-01-16T00:00:00Z';
    const r = ok(
      transition(sub, { type: 'upgrade', quantity: 4, offerName: E5, catalog, newSubscriptionId: 'sub-2' }, { now }),
    );
    const created = r.created?.[0];
    expect(created).toMatchObject({
      id: 'sub-2',
      offerName: E5,
      term: 'P1Y',
      billing: 'monthly',
      quantity: 4,
      purchasedAt: at(now),
      termEndDay: day('2025-01-14'),
      cancellationWindowFrom: at('2024-01-15T09:30:00Z'),
    });
    if (created === undefined) throw new Error('no subscription created');
    const fact = canUpgrade(sub, { to: E5, quantity: 4, when: 'midterm', now, catalog }).newSubscription;
    expect(fact).toMatchObject({
      offerName: E5,
      quantity: 4,
      termEndDate: formatDay(created.termEndDay),
      cancellationWindowFrom: created.cancellationWindowFrom,
    });
    // U9: the parent's 7-day window (C1), not a new one from the upgrade.
    expect(transition(created, { type: 'cancel' }, { now: '2024-01-22T09:29:59.999Z' }).ok).toBe(true);
    expect(transition(created, { type: 'cancel' }, { now: '2024-01-22T09:30:00.000Z' }).ok).toBe(false);
  });
});

describe('B3 B1 a term change is decided by eligibleTermChanges (wired)', () => {
  const plan = (term: 'P1M' | 'P1Y' | 'P3Y', billing: 'monthly' | 'annual' | 'triennial') =>
    ({ type: 'changeTermOrBilling', term, billing, offeredTerms: ['P1M', 'P1Y', 'P3Y'] }) as const;

  it('B3: a shorter term is refused', () => {
    expect(transition(sub, plan('P1M', 'monthly'), { now: MID })).toMatchObject({
      ok: false,
      refusal: { allowed: false, rule: 'B3', reason: 'TERM_NOT_LONGER', term: 'P1M', billing: 'monthly' },
    });
  });

  it('B1: Triennial only when the catalog offers it; a billing longer than the term is no plan', () => {
    expect(
      transition(sub, { type: 'changeTermOrBilling', term: 'P3Y', billing: 'monthly' }, { now: MID }),
    ).toMatchObject({
      ok: false,
      refusal: { rule: 'B1', reason: 'TERM_NOT_OFFERED', warnings: ['OFFERED_TERMS_DEFAULTED'] },
    });
    expect(ok(transition(sub, plan('P3Y', 'triennial'), { now: MID })).effects[0]).toEqual({
      type: 'TERM_CHANGED',
      rule: 'B3',
      term: 'P3Y',
      billing: 'triennial',
    });
    expect(
      transition({ ...sub, term: 'P1M', scheduledChange: null }, plan('P1Y', 'triennial'), {
        now: '2024-01-20T00:00:00Z',
      }),
    ).toMatchObject({
      ok: false,
      refusal: { rule: 'B1', reason: 'NOT_A_PLAN' },
    });
    expect(() => transition(sub, { ...plan('P3Y', 'monthly'), offeredTerms: ['P2Y'] as never }, { now: MID })).toThrow(
      expect.objectContaining({ code: 'INVALID_ENUM', field: 'event.offeredTerms[0]' }),
    );
  });
});

describe('B2 B5 a billing-only change is decided by eligibleBillingFrequencyChanges (wired)', () => {
  /** P3Y billed monthly: charge cycles on the 15th (2024-02-15, 2024-03-15, …). */
  const p3y: SubscriptionInput = { ...sub, term: 'P3Y', scheduledChange: null };

  it('B2: a billing change to upfront (Triennial on a Triennial term) is refused', () => {
    expect(
      transition(p3y, { type: 'changeTermOrBilling', term: 'P3Y', billing: 'triennial' }, { now: MID }),
    ).toMatchObject({
      ok: false,
      refusal: { allowed: false, rule: 'B2', reason: 'UPFRONT_NOT_ALLOWED_MIDTERM', opensAt: null },
    });
  });

  it('B5: read-only on the cycle-charge day, to the millisecond', () => {
    const annual = { type: 'changeTermOrBilling', term: 'P3Y', billing: 'annual' } as const;
    expect(ok(transition(p3y, annual, { now: '2024-03-14T23:59:59.999Z' })).effects).toEqual([
      { type: 'BILLING_CHANGE_PENDING', rule: 'B2', billing: 'annual' },
    ]);
    expect(transition(p3y, annual, { now: '2024-03-15T00:00:00.000Z' })).toMatchObject({
      ok: false,
      refusal: { rule: 'B5', reason: 'CYCLE_CHARGE_IN_PROGRESS', opensAt: at('2024-03-16T00:00:00Z') },
    });
    expect(transition(p3y, annual, { now: '2024-03-16T00:00:00.000Z' }).ok).toBe(true);
  });
});

describe('TR4 TR9 a trial conversion is decided by trialConversion (wired)', () => {
  const trial: SubscriptionInput = {
    ...sub,
    trial: true,
    quantity: 25,
    term: 'P1M',
    seatBatches: [],
    scheduledChange: null,
    termEndDate: '2024-02-13',
  };
  const now = '2024-01-20T00:00:00Z';

  it('TR4: below 25 seats refused, 25 accepted', () => {
    expect(transition(trial, { type: 'convertTrial', quantity: 24 }, { now })).toMatchObject({
      ok: false,
      refusal: { allowed: false, rule: 'TR4', reason: 'BELOW_TRIAL_MINIMUM', seats: 24 },
    });
    expect(ok(transition(trial, { type: 'convertTrial', quantity: 25 }, { now })).next).toMatchObject({
      trial: false,
      quantity: 25,
    });
  });

  it('TR9: a marketplace SaaS free trial can’t be waived; B1: the billing can’t be longer than the term', () => {
    expect(transition({ ...trial, program: 'nce-saas' }, { type: 'convertTrial' }, { now })).toMatchObject({
      ok: false,
      refusal: { rule: 'TR9', reason: 'FREE_TRIAL_NOT_WAIVABLE', opensAt: at('2024-02-14T00:00:00Z') },
    });
    expect(() => transition(trial, { type: 'convertTrial', term: 'P1M', billing: 'annual' }, { now })).toThrow(
      expect.objectContaining({ code: 'INCONSISTENT', field: 'event.billing' }),
    );
  });
});

describe('P7 S3 the machine’s choices come from the policy (the options of the same name win)', () => {
  const suspended = { ...sub, status: 'suspended' as const, autoRenew: false, scheduledChange: null };

  it('P7: policy.suspendedAtTermEnd = deleted is honoured; the option still overrides it', () => {
    const r = ok(
      transition(suspended, { type: 'termEnded' }, { now: RENEWAL_DAY, policy: { suspendedAtTermEnd: 'deleted' } }),
    );
    expect(r.next.status).toBe('deleted');
    expect(r.effects).toContainEqual({ type: 'DATA_DELETED', rule: 'P4', at: at(RENEWAL_DAY) });
    const defined = definePolicy({ suspendedAtTermEnd: 'deleted' });
    expect(ok(transition(suspended, { type: 'termEnded' }, { now: RENEWAL_DAY, policy: defined })).next.status).toBe(
      'deleted',
    );
    expect(
      ok(
        transition(
          suspended,
          { type: 'termEnded' },
          { now: RENEWAL_DAY, policy: defined, suspendedAtTermEnd: 'lifecycle' },
        ),
      ).next.status,
    ).toBe('disabled');
  });

  it('S3: policy.scheduledChangeDeletion = listed keeps scheduled changes on a term change', () => {
    const p3y = { type: 'changeTermOrBilling', term: 'P3Y', billing: 'monthly', offeredTerms: ['P1Y', 'P3Y'] } as const;
    expect(types(transition(sub, p3y, { now: MID, policy: { scheduledChangeDeletion: 'listed' } }))).toEqual([
      'TERM_CHANGED',
    ]);
    expect(() => transition(sub, p3y, { now: MID, policy: { scheduledChangeDeletion: 'some' as never } })).toThrow(
      expect.objectContaining({ code: 'INVALID_ENUM', field: 'policy.scheduledChangeDeletion' }),
    );
  });
});
