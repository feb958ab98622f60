import { describe, expect, it } from 'vitest';
import type { LifecycleState } from '../../../src/lifecycle/machine/events.js';
import { transition } from '../../../src/lifecycle/machine/transition.js';
import { toSubscription, type Subscription, type SubscriptionInput } from '../../../src/snapshot/subscription.js';
import { caught } from '../../support/caught.js';
import {
  accepted as acceptedShape,
  LAST_OF_TERM,
  MID,
  ok,
  refused,
  RENEWAL_DAY,
  SCHEDULED_12,
  SNAP,
  sub,
  types,
} from '../../support/lifecycle.js';
import { at, dayNumber as day } from '../../support/time.js';
import { STATUS_FACTS } from '../../../src/lifecycle/afterTerm.js';

/** An accepted result, whole, with the transition's `assumptions` (none unless `extra` names them). */
const accepted = (...[next, effects, warnings = [], extra = {}, phase]: Parameters<typeof acceptedShape>) =>
  acceptedShape(next, effects, warnings, { assumptions: [], ...extra }, phase);

const E = at(RENEWAL_DAY);
/** R2: the renewal of `sub` may run until 2025-01-16T00:00Z. */
const LATEST = at('2025-01-16T00:00:00Z');
const NO_RENEW: Subscription = { ...SNAP, autoRenew: false, scheduledChange: null };
const suspended: SubscriptionInput = { ...sub, status: 'suspended', autoRenew: false, scheduledChange: null };
const SUSPENDED: Subscription = { ...NO_RENEW, status: 'suspended' };
const trial: SubscriptionInput = {
  ...sub,
  trial: true,
  term: 'P1M',
  quantity: 25,
  seatBatches: [],
  termEndDate: '2024-02-13',
  scheduledChange: null,
};

describe('C1 C3 C5 P7 S3 cancel', () => {
  it('C1 C3 P7 S3: inside the window: cancelled now, prorated, access ends, 7 days to back up data, scheduled change deleted', () => {
    // Window 2024-01-15T09:30Z + 7 × 24 h = until 2024-01-22T09:30Z; data deletion 7 days after now.
    const now = '2024-01-22T09:29:59.999Z';
    expect(transition(sub, { type: 'cancel' }, { now })).toEqual(
      accepted({ ...SNAP, status: 'cancelled', scheduledChange: null }, [
        { type: 'STATUS_CHANGED', rule: 'C1', from: 'active', to: 'cancelled' },
        { type: 'CANCELLED', rule: 'C1', refund: 'prorated' },
        { type: 'ACCESS_BLOCKED', rule: 'C3', access: 'none' },
        { type: 'DATA_DELETION_SCHEDULED', rule: 'P7', at: at('2024-01-29T09:29:59.999Z') },
        { type: 'SCHEDULED_CHANGES_DELETED', rule: 'S3', change: SCHEDULED_12 },
      ]),
    );
  });

  it('C1 C15 C3: a suspended subscription cancelled within 24 h of the purchase: from suspended, full refund; nothing scheduled, nothing deleted', () => {
    // 2024-01-16T00:00Z is 14.5 h after the purchase: inside C15's 24 h full-refund tier.
    const now = '2024-01-16T00:00:00Z';
    expect(transition(suspended, { type: 'cancel' }, { now })).toEqual(
      accepted({ ...SUSPENDED, status: 'cancelled' }, [
        { type: 'STATUS_CHANGED', rule: 'C1', from: 'suspended', to: 'cancelled' },
        { type: 'CANCELLED', rule: 'C1', refund: 'full' },
        { type: 'ACCESS_BLOCKED', rule: 'C3', access: 'none' },
        { type: 'DATA_DELETION_SCHEDULED', rule: 'P7', at: at('2024-01-23T00:00:00Z') },
      ]),
    );
  });

  // The R3 bound is listed once; the test after it checks the same refusal by its set of codes.
  it('C1 R3: canCancel’s refusal passes whole: rule, reason, when it reopens, its assumption', () => {
    // Renewed 2025-01-15, completion unknown: the window is assumed from 00:00Z (earliest), closed from 2025-01-22T00:00Z.
    const renewed: SubscriptionInput = {
      ...sub,
      termStartedAt: null,
      termStartDate: '2025-01-15',
      termEndDate: '2026-01-14',
      seatBatches: [],
      scheduledChange: null,
    };
    expect(transition(renewed, { type: 'cancel' }, { now: '2025-01-22T00:00:00Z' })).toEqual({
      ok: false,
      refusal: {
        allowed: false,
        rule: 'C1',
        policyVersion: '2024-07-01',
        reason: 'WINDOW_CLOSED',
        opensAt: at('2026-01-15T00:00:00Z'),
        assumptions: ['RENEWAL_COMPLETION_ASSUMED_EARLIEST'],
        warnings: [],
      },
    });
  });

  it('C5: traditional SaaS after its window: cancellation at the term end, auto-renew off, scheduled change deleted', () => {
    const saas: SubscriptionInput = { ...sub, program: 'traditional-saas', billing: 'annual' };
    const SAAS: Subscription = { ...SNAP, program: 'traditional-saas', billing: 'annual' };
    expect(transition(saas, { type: 'cancel' }, { now: MID })).toEqual(
      accepted({ ...SAAS, autoRenew: false, scheduledChange: null }, [
        { type: 'CANCELLATION_SCHEDULED', rule: 'C5', at: E },
        { type: 'AUTO_RENEW_TURNED_OFF', rule: 'C5' },
        { type: 'SCHEDULED_CHANGES_DELETED', rule: 'S3', change: SCHEDULED_12 },
      ]),
    );
    // Auto-renew already off: nothing to turn off.
    expect(transition({ ...saas, autoRenew: false, scheduledChange: null }, { type: 'cancel' }, { now: MID })).toEqual(
      accepted({ ...SAAS, autoRenew: false, scheduledChange: null }, [
        { type: 'CANCELLATION_SCHEDULED', rule: 'C5', at: E },
      ]),
    );
  });

  it('R2 P4: after the term without a renewal: the term is over', () => {
    expect(transition(sub, { type: 'cancel' }, { now: '2025-01-16T00:00:00Z' })).toEqual(
      refused('R2', 'TERM_ENDED', null, '2024-07-01'),
    );
    expect(transition(suspended, { type: 'cancel' }, { now: RENEWAL_DAY })).toEqual(
      refused('P4', 'TERM_ENDED', null, '2024-07-01'),
    );
  });

  describe('P7 after the term: expired 30 d → disabled 90 d → deleted', () => {
    it('a cancelled subscription goes straight to deleted, with 7 days to back up data', () => {
      const r = ok(transition(sub, { type: 'cancel' }, { now: '2024-01-16T09:30:00Z' }));
      expect(r.effects).toContainEqual({ type: 'DATA_DELETION_SCHEDULED', rule: 'P7', at: at('2024-01-23T09:30:00Z') });
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
});

describe('P1 P2 P5 P6 TR8 suspend', () => {
  it('P1 P2 P5: access blocked, auto-renew off, scheduled change deleted under P2, the base’s active add-ons suspended', () => {
    const addOn: SubscriptionInput = {
      ...sub,
      id: 'addon-1',
      quantity: 2,
      seatBatches: [{ quantity: 2, addedAt: sub.purchasedAt }],
      parentSubscriptionId: 'sub-1',
      scheduledChange: { quantity: 3 },
    };
    const other: SubscriptionInput = { ...addOn, id: 'addon-2', parentSubscriptionId: 'sub-9' };
    const r = transition(sub, { type: 'suspend' }, { now: MID, addOns: [addOn, other] });
    const ADD_ON: Subscription = {
      ...SNAP,
      id: 'addon-1',
      quantity: 2,
      seatBatches: [{ quantity: 2, addedAt: SNAP.purchasedAt, until: null }],
      parentSubscriptionId: 'sub-1',
      status: 'suspended',
      autoRenew: false,
      scheduledChange: null,
    };
    expect(r).toEqual(
      accepted(
        { ...SNAP, status: 'suspended', autoRenew: false, scheduledChange: null },
        [
          { type: 'STATUS_CHANGED', rule: 'P1', from: 'active', to: 'suspended' },
          { type: 'ACCESS_BLOCKED', rule: 'P1', access: 'admins-only' },
          { type: 'AUTO_RENEW_TURNED_OFF', rule: 'P2' },
          { type: 'SCHEDULED_CHANGES_DELETED', rule: 'P2', change: SCHEDULED_12 },
          { type: 'ADD_ONS_SUSPENDED', rule: 'P5', ids: ['addon-1'] },
        ],
        [],
        { addOns: [ADD_ON] },
      ),
    );
  });

  it('P1: auto-renew already off, nothing scheduled, no add-on of its own: only the status and access', () => {
    const other: SubscriptionInput = { ...sub, id: 'addon-2', parentSubscriptionId: 'sub-9', scheduledChange: null };
    expect(
      transition(
        { ...sub, autoRenew: false, scheduledChange: null },
        { type: 'suspend' },
        { now: MID, addOns: [other] },
      ),
    ).toEqual(
      accepted(SUSPENDED, [
        { type: 'STATUS_CHANGED', rule: 'P1', from: 'active', to: 'suspended' },
        { type: 'ACCESS_BLOCKED', rule: 'P1', access: 'admins-only' },
      ]),
    );
  });

  it('P1 TR8 TR2 R4 R2: refusals — not active, a trial (TR2 once past its term), the renewal day, a term over', () => {
    expect(transition(suspended, { type: 'suspend' }, { now: MID })).toEqual(refused('P1', 'NOT_ACTIVE', null));
    expect(transition(trial, { type: 'suspend' }, { now: '2024-01-20T00:00:00Z' })).toEqual(
      refused('TR8', 'TRIAL_STATUS_LOCKED', null),
    );
    // The ended term is asked before the trial's lock (one state table).
    expect(transition(trial, { type: 'suspend' }, { now: '2024-03-01T00:00:00Z' })).toEqual(
      refused('TR2', 'TERM_ENDED', null),
    );
    expect(transition(sub, { type: 'suspend' }, { now: '2025-01-15T23:59:59.999Z' })).toEqual(
      refused('R4', 'RENEWAL_READ_ONLY', LATEST, '2024-07-01'),
    );
    expect(transition(sub, { type: 'suspend' }, { now: '2025-01-16T00:00:00Z' })).toEqual(
      refused('R2', 'TERM_ENDED', null, '2024-07-01'),
    );
  });

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
      // TR1: the trial bought 2024-01-15 (no end date) runs to 2024-02-13: asked inside it.
      const trial = { ...sub, trial: true, quantity: 25, seatBatches: [], scheduledChange: null };
      expect(transition(trial, { type: 'suspend' }, { now: '2024-01-20T00:00:00Z' })).toMatchObject({
        ok: false,
        refusal: { rule: 'TR8', reason: 'TRIAL_STATUS_LOCKED', assumptions: ['TRIAL_END_ASSUMED'] },
      });
      expect(transition(trial, { type: 'reactivate' }, { now: '2024-01-20T00:00:00Z' })).toMatchObject({
        ok: false,
        refusal: { rule: 'TR8', reason: 'TRIAL_STATUS_LOCKED' },
      });
    });
  });
});

describe('C1 R3 the machine passes canCancel’s refusal (assumption codes counted once)', () => {
  it('C1 R3: renewed 2025-01-15, completion unknown: closed from 2025-01-22T00:00Z, reopening 2026-01-15T00:00Z (earliest bound)', () => {
    const renewed: SubscriptionInput = {
      ...sub,
      termStartedAt: null,
      termStartDate: '2025-01-15',
      termEndDate: '2026-01-14',
      seatBatches: [],
      scheduledChange: null,
    };
    const r = transition(renewed, { type: 'cancel' }, { now: '2025-01-22T00:00:00Z' });
    expect(r).toMatchObject({
      ok: false,
      refusal: {
        allowed: false,
        rule: 'C1',
        reason: 'WINDOW_CLOSED',
        opensAt: at('2026-01-15T00:00:00Z'),
        warnings: [],
      },
    });
    expect(r.ok ? [] : [...new Set(r.refusal.assumptions)]).toEqual(['RENEWAL_COMPLETION_ASSUMED_EARLIEST']);
  });
});

describe('P3 P4 A1 TR8 reactivate', () => {
  it('P3 P2: until the last instant of the term; auto-renew stays off (warning)', () => {
    expect(transition(suspended, { type: 'reactivate' }, { now: LAST_OF_TERM })).toEqual(
      accepted(
        NO_RENEW,
        [
          { type: 'STATUS_CHANGED', rule: 'P3', from: 'suspended', to: 'active' },
          { type: 'ACCESS_RESTORED', rule: 'P3' },
        ],
        ['AUTO_RENEW_OFF'],
        { policyVersion: '2024-07-01' },
      ),
    );
    expect(transition(suspended, { type: 'reactivate' }, { now: RENEWAL_DAY })).toEqual(
      refused('P4', 'TERM_ENDED', null, '2024-07-01'),
    );
  });

  it('P3: a suspended snapshot with auto-renew on comes back without the warning', () => {
    const on: SubscriptionInput = { ...suspended, autoRenew: true };
    expect(transition(on, { type: 'reactivate' }, { now: MID })).toEqual(
      accepted({ ...SNAP, scheduledChange: null }, [
        { type: 'STATUS_CHANGED', rule: 'P3', from: 'suspended', to: 'active' },
        { type: 'ACCESS_RESTORED', rule: 'P3' },
      ]),
    );
  });

  it('P3 TR8: only a suspended subscription, never a trial', () => {
    expect(transition(sub, { type: 'reactivate' }, { now: MID })).toEqual(refused('P3', 'NOT_SUSPENDED', null));
    expect(
      transition({ ...sub, status: 'expired', autoRenew: false }, { type: 'reactivate' }, { now: RENEWAL_DAY }),
    ).toEqual(refused('P3', 'NOT_SUSPENDED', null, '2024-07-01'));
    expect(
      transition(
        { ...trial, status: 'suspended', autoRenew: false },
        { type: 'reactivate' },
        { now: '2024-01-20T00:00:00Z' },
      ),
    ).toEqual(refused('TR8', 'TRIAL_STATUS_LOCKED', null));
  });

  it('A1: an add-on of a traditional-commerce base needs the base active', () => {
    const addOn: SubscriptionInput = {
      ...suspended,
      id: 'addon-1',
      program: 'traditional-saas',
      billing: 'annual',
      parentSubscriptionId: 'base-1',
    };
    const base: SubscriptionInput = { ...suspended, id: 'base-1', program: 'traditional-saas', billing: 'annual' };
    expect(transition(addOn, { type: 'reactivate' }, { now: MID, base })).toEqual(
      refused('A1', 'BASE_NOT_ACTIVE', null),
    );
    // The base active, another base, or a new-commerce base: reactivated.
    expect(transition(addOn, { type: 'reactivate' }, { now: MID, base: { ...base, status: 'active' } }).ok).toBe(true);
    expect(transition(addOn, { type: 'reactivate' }, { now: MID, base: { ...base, id: 'base-2' } }).ok).toBe(true);
    expect(
      transition(
        addOn,
        { type: 'reactivate' },
        { now: MID, base: { ...base, program: 'nce-license', billing: 'monthly' } },
      ).ok,
    ).toBe(true);
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
        refusal: { rule: 'P4', reason: 'TERM_ENDED' },
      });
    });

    it('only a suspended subscription can be reactivated', () => {
      expect(transition(sub, { type: 'reactivate' }, { now: MID })).toMatchObject({
        ok: false,
        refusal: { rule: 'P3', reason: 'NOT_SUSPENDED' },
      });
    });
  });
});

describe('R1 R5 S3 R4 setAutoRenew', () => {
  it('R5 S3: off deletes the scheduled change; R1: on; unchanged: nothing', () => {
    expect(transition(sub, { type: 'setAutoRenew', autoRenew: false }, { now: MID })).toEqual(
      accepted(NO_RENEW, [
        { type: 'AUTO_RENEW_TURNED_OFF', rule: 'R5' },
        { type: 'SCHEDULED_CHANGES_DELETED', rule: 'S3', change: SCHEDULED_12 },
      ]),
    );
    const off: SubscriptionInput = { ...sub, autoRenew: false, scheduledChange: null };
    expect(
      transition({ ...sub, scheduledChange: null }, { type: 'setAutoRenew', autoRenew: false }, { now: MID }),
    ).toEqual(accepted(NO_RENEW, [{ type: 'AUTO_RENEW_TURNED_OFF', rule: 'R5' }]));
    expect(transition(off, { type: 'setAutoRenew', autoRenew: true }, { now: MID })).toEqual(
      accepted({ ...NO_RENEW, autoRenew: true }, [{ type: 'AUTO_RENEW_TURNED_ON', rule: 'R1' }]),
    );
    expect(transition(off, { type: 'setAutoRenew', autoRenew: false }, { now: MID })).toEqual(accepted(NO_RENEW, []));
  });

  it('P2 P7 R4 R5: refused when suspended, expired, renewing, or past the term', () => {
    expect(transition(suspended, { type: 'setAutoRenew', autoRenew: true }, { now: MID })).toEqual(
      refused('P2', 'NOT_ACTIVE', null),
    );
    expect(
      transition({ ...suspended, status: 'expired' }, { type: 'setAutoRenew', autoRenew: true }, { now: RENEWAL_DAY }),
    ).toEqual(refused('P7', 'NOT_ACTIVE', null, '2024-07-01'));
    expect(transition(sub, { type: 'setAutoRenew', autoRenew: false }, { now: RENEWAL_DAY })).toEqual(
      refused('R4', 'RENEWAL_READ_ONLY', LATEST, '2024-07-01'),
    );
    // Declared renewing past the 24 h bound: the end is unknown.
    const late: LifecycleState = { subscription: toSubscription(sub), phase: 'renewing' };
    expect(transition(late, { type: 'setAutoRenew', autoRenew: false }, { now: '2025-01-16T00:00:00Z' })).toEqual(
      refused('R4', 'RENEWAL_READ_ONLY', null, '2024-07-01'),
    );
    expect(
      transition(
        { ...sub, autoRenew: false, scheduledChange: null },
        { type: 'setAutoRenew', autoRenew: true },
        { now: RENEWAL_DAY },
      ),
    ).toEqual(refused('R5', 'TERM_ENDED', null, '2024-07-01'));
  });

  it('R1: autoRenew is required, and a boolean', () => {
    const missing = caught(() => transition(sub, { type: 'setAutoRenew' } as never, { now: MID }));
    expect([missing.code, missing.field, missing.message]).toEqual([
      'MISSING_FIELD',
      'event.autoRenew',
      'event.autoRenew: is required (true or false)',
    ]);
    const wrong = caught(() => transition(sub, { type: 'setAutoRenew', autoRenew: 'yes' } as never, { now: MID }));
    expect([wrong.code, wrong.field, wrong.received]).toEqual(['INVALID_TYPE', 'event.autoRenew', 'yes']);
  });

  it('T2: the term end date 2025-01-14 is the last day', () => {
    expect(SNAP.termEndDay).toBe(day('2025-01-14'));
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
  });
});
