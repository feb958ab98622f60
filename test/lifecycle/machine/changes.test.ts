import { describe, expect, it } from 'vitest';
import { allow, refuse, type Refused } from '../../../src/core/decision.js';
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
  T0,
  types,
} from '../../support/lifecycle.js';
import { at, dayNumber as day } from '../../support/time.js';
import { SCHEDULABLE_CHANGES, canScheduleChange } from '../../../src/lifecycle/scheduledChanges.js';
import { definePolicy } from '../../../src/policy/policy.js';

/** An accepted result, whole, with the transition's `assumptions` (none unless `extra` names them). */
const accepted = (...[next, effects, warnings = [], extra = {}, phase]: Parameters<typeof acceptedShape>) =>
  acceptedShape(next, effects, warnings, { assumptions: [], ...extra }, phase);

/** R2: the renewal of `sub` may run until 2025-01-16T00:00Z. */
const LATEST = at('2025-01-16T00:00:00Z');
const renewing = (s: SubscriptionInput): LifecycleState => ({ subscription: toSubscription(s), phase: 'renewing' });
const suspended: SubscriptionInput = { ...sub, status: 'suspended', autoRenew: false, scheduledChange: null };
const trial: SubscriptionInput = {
  ...sub,
  trial: true,
  term: 'P1M',
  quantity: 25,
  seatBatches: [],
  termEndDate: '2024-02-13',
  scheduledChange: null,
};
const { seatBatches: _known, ...unknownBatches } = sub;

describe('Q1 Q2 Q3 Q7 Q10 C2 S3 changeQuantity', () => {
  it('Q1 S3: an increase is a batch dated now; the scheduled change is deleted', () => {
    const r = transition(sub, { type: 'changeQuantity', quantity: 13 }, { now: MID });
    expect(r).toEqual(
      accepted(
        {
          ...SNAP,
          quantity: 13,
          seatBatches: [
            { quantity: 10, addedAt: at(T0), until: null },
            { quantity: 3, addedAt: at(MID), until: null },
          ],
          scheduledChange: null,
        },
        [
          { type: 'QUANTITY_CHANGED', rule: 'Q1', from: 10, to: 13, refund: 'none' },
          { type: 'SCHEDULED_CHANGES_DELETED', rule: 'S3', change: SCHEDULED_12 },
        ],
      ),
    );
  });

  it('Q1 Q2: unknown batches: the assumed batch at the purchase, then the new one, named in the assumptions', () => {
    expect(_known).toHaveLength(1);
    const r = transition(
      { ...unknownBatches, scheduledChange: null },
      { type: 'changeQuantity', quantity: 11 },
      { now: MID },
    );
    expect(r).toEqual(
      accepted(
        {
          ...SNAP,
          quantity: 11,
          seatBatches: [
            { quantity: 10, addedAt: at(T0), until: null },
            { quantity: 1, addedAt: at(MID), until: null },
          ],
          scheduledChange: null,
        },
        [{ type: 'QUANTITY_CHANGED', rule: 'Q1', from: 10, to: 11, refund: 'none' }],
        [],
        { assumptions: ['SEAT_BATCHES_ASSUMED'] },
      ),
    );
  });

  it('Q2: a decrease releases seats of open batches, prorated; unknown batches stay unknown', () => {
    // Bought at T0: the 7-day window runs until 2024-01-22T09:30Z; 10 → 7 at its last instant.
    const last = '2024-01-22T09:29:59.999Z';
    expect(
      transition({ ...sub, scheduledChange: null }, { type: 'changeQuantity', quantity: 7 }, { now: last }),
    ).toEqual(
      accepted(
        { ...SNAP, quantity: 7, seatBatches: [{ quantity: 7, addedAt: at(T0), until: null }], scheduledChange: null },
        [{ type: 'QUANTITY_CHANGED', rule: 'Q2', from: 10, to: 7, refund: 'prorated' }],
        [],
        // Q2: 10 seats open, 9 reducible: the plan's reducibleNow rests on the seat the policy keeps.
        { assumptions: ['ONE_SEAT_KEPT'] },
      ),
    );
    // Q2: the plan assumed the batch (the whole quantity at the term start): its assumption passes.
    expect(transition(unknownBatches, { type: 'changeQuantity', quantity: 7 }, { now: last })).toEqual(
      accepted(
        { ...SNAP, quantity: 7, seatBatches: [], seatBatchesKnown: false, scheduledChange: null },
        [
          { type: 'QUANTITY_CHANGED', rule: 'Q2', from: 10, to: 7, refund: 'prorated' },
          { type: 'SCHEDULED_CHANGES_DELETED', rule: 'S3', change: SCHEDULED_12 },
        ],
        [],
        { assumptions: ['SEAT_BATCHES_ASSUMED', 'ONE_SEAT_KEPT'] },
      ),
    );
  });

  it('Q3 R3: a decrease after the window: planSeatReduction’s refusal with its assumptions, opening with the renewal', () => {
    const r = transition(unknownBatches, { type: 'changeQuantity', quantity: 7 }, { now: '2024-01-22T09:30:00Z' });
    expect(r).toMatchObject({
      ok: false,
      refusal: {
        allowed: false,
        rule: 'Q3',
        reason: 'INSUFFICIENT_REDUCIBLE_SEATS',
        // R3: the next window opens at the renewal's completion, by the earliest bound (2025-01-15T00:00Z).
        opensAt: at(RENEWAL_DAY),
        warnings: [],
      },
    });
    // Each code once (test/decisions/seats.test.ts).
    expect(r.ok ? [] : [...new Set(r.refusal.assumptions)]).toEqual([
      'SEAT_BATCHES_ASSUMED',
      'RENEWAL_COMPLETION_ASSUMED_EARLIEST',
    ]);
  });

  it('R4: during a renewal the change is accepted with the 409 warning — also for a declared renewal past 24 h', () => {
    // A batch of 2 added 2025-01-10T00:00Z is reducible until 2025-01-17T00:00Z.
    const recent: SubscriptionInput = {
      ...sub,
      quantity: 12,
      scheduledChange: null,
      seatBatches: [
        { quantity: 10, addedAt: T0 },
        { quantity: 2, addedAt: '2025-01-10T00:00:00Z' },
      ],
    };
    const less = transition(recent, { type: 'changeQuantity', quantity: 11 }, { now: '2025-01-15T10:00:00Z' });
    expect(less).toMatchObject({
      ok: true,
      phase: 'renewing',
      warnings: ['RENEWAL_IN_PROGRESS'],
      effects: [{ rule: 'Q2', from: 12, to: 11 }],
    });
    const more = transition(
      renewing(recent),
      { type: 'changeQuantity', quantity: 13 },
      { now: '2025-01-16T03:00:00Z' },
    );
    expect(more).toMatchObject({
      ok: true,
      phase: 'renewing',
      warnings: ['RENEWAL_IN_PROGRESS'],
      effects: [{ rule: 'Q1', from: 12, to: 13 }],
    });
    const fewer = transition(
      renewing(recent),
      { type: 'changeQuantity', quantity: 11 },
      { now: '2025-01-16T03:00:00Z' },
    );
    expect(fewer).toMatchObject({ ok: true, phase: 'renewing', warnings: ['RENEWAL_IN_PROGRESS'] });
    // In term: no warning.
    expect(transition(recent, { type: 'changeQuantity', quantity: 11 }, { now: '2025-01-14T10:00:00Z' })).toMatchObject(
      { ok: true, phase: 'in-term', warnings: [] },
    );
  });

  it('C2 Q7 Q10: 0 is a cancellation; trials and suspended subscriptions keep their seats; the same quantity changes nothing', () => {
    expect(transition(sub, { type: 'changeQuantity', quantity: 0 }, { now: MID })).toEqual(
      refused('C2', 'USE_CANCEL', null),
    );
    expect(transition(trial, { type: 'changeQuantity', quantity: 30 }, { now: '2024-01-20T00:00:00Z' })).toEqual(
      refused('Q7', 'TRIAL_QUANTITY_LOCKED', null),
    );
    expect(transition(suspended, { type: 'changeQuantity', quantity: 12 }, { now: MID })).toEqual(
      refused('Q10', 'NOT_ACTIVE', null),
    );
    expect(transition(sub, { type: 'changeQuantity', quantity: 10 }, { now: MID })).toEqual(accepted(SNAP, []));
    expect(transition(sub, { type: 'changeQuantity', quantity: 11 }, { now: '2025-01-16T00:00:00Z' })).toEqual(
      refused('R2', 'TERM_ENDED', null, '2024-07-01'),
    );
  });

  it('C2: 0 is a cancellation even when the policy would let the last seat go', () => {
    expect(
      transition(
        sub,
        { type: 'changeQuantity', quantity: 0 },
        { now: '2024-01-16T00:00:00Z', policy: definePolicy({ keepOneSeat: false }) },
      ),
    ).toEqual(refused('C2', 'USE_CANCEL', null));
  });

  it('Q9: canIncreaseSeats’s refusal passes whole', () => {
    expect(
      transition({ ...sub, program: 'softwareone' }, { type: 'changeQuantity', quantity: 11 }, { now: MID }),
    ).toEqual({
      ok: false,
      refusal: {
        allowed: false,
        rule: 'Q9',
        policyVersion: '2023-10-19',
        reason: 'NEW_SUBSCRIPTION_REQUIRED',
        opensAt: null,
        assumptions: [],
        warnings: [],
      },
    });
  });

  it('Q6 Q2: canIncreaseSeats’s warnings (the 409 first); the assumed batch among the assumptions', () => {
    // 1,200 updates: Partner Center may refuse more (Q6).
    const worn: SubscriptionInput = { ...unknownBatches, updateCount: 1200, scheduledChange: null };
    expect(transition(worn, { type: 'changeQuantity', quantity: 11 }, { now: MID })).toMatchObject({
      ok: true,
      warnings: ['UPDATE_LIMIT_REACHED'],
      assumptions: ['SEAT_BATCHES_ASSUMED'],
    });
    expect(transition(worn, { type: 'changeQuantity', quantity: 11 }, { now: RENEWAL_DAY })).toMatchObject({
      ok: true,
      warnings: ['RENEWAL_IN_PROGRESS', 'UPDATE_LIMIT_REACHED'],
      assumptions: ['SEAT_BATCHES_ASSUMED'],
    });
  });

  // A declared renewal past the 24 h bound (the state keeps `renewing`) with the update limit
  // reached: both warnings, as a decrease in the same state gives RENEWAL_IN_PROGRESS.
  it('R4 Q6: a declared late renewal warns RENEWAL_IN_PROGRESS on an increase even with the update limit reached', () => {
    const worn: SubscriptionInput = { ...sub, updateCount: 1200, scheduledChange: null };
    const r = transition(renewing(worn), { type: 'changeQuantity', quantity: 11 }, { now: '2025-01-16T03:00:00Z' });
    expect(r).toMatchObject({ ok: true, warnings: ['RENEWAL_IN_PROGRESS', 'UPDATE_LIMIT_REACHED'] });
  });

  it('Q1: the quantity is a whole number ≥ 0', () => {
    const e = caught(() => transition(sub, { type: 'changeQuantity', quantity: -1 }, { now: MID }));
    expect([e.code, e.field, e.message]).toEqual([
      'INVALID_QUANTITY',
      'event.quantity',
      'event.quantity: expected a whole number ≥ 0, got -1',
    ]);
  });

  describe('R5 renewal: started, completed with the scheduled changes applied', () => {
    it('a stale snapshot past its term accepts only renewal and after-term events (TERM_ENDED)', () => {
      expect(transition(sub, { type: 'changeQuantity', quantity: 11 }, { now: '2025-01-16T00:00:00Z' })).toMatchObject({
        ok: false,
        refusal: { rule: 'R2', reason: 'TERM_ENDED' },
      });
    });
  });

  describe('transition validates events and options (typed errors)', () => {
    it('quantity 0 is a cancellation (C2)', () => {
      expect(transition(sub, { type: 'changeQuantity', quantity: 0 }, { now: '2024-01-16T00:00:00Z' })).toMatchObject({
        ok: false,
        refusal: { rule: 'C2', reason: 'USE_CANCEL' },
      });
    });
  });

  describe('Q1 Q2 quantity changes in the machine', () => {
    it('an increase is a new batch dated now; a decrease releases the newest open seats', () => {
      const more = ok(transition(sub, { type: 'changeQuantity', quantity: 15 }, { now: '2024-03-10T14:00:00Z' }));
      expect(more.next.seatBatches).toEqual([
        { quantity: 10, addedAt: at('2024-01-15T09:30:00Z'), until: null },
        { quantity: 5, addedAt: at('2024-03-10T14:00:00Z'), until: null },
      ]);
      const fewer = ok(
        transition(more.next, { type: 'changeQuantity', quantity: 12 }, { now: '2024-03-17T13:59:59.999Z' }),
      );
      expect(fewer.next.seatBatches).toEqual([
        { quantity: 10, addedAt: at('2024-01-15T09:30:00Z'), until: null },
        { quantity: 2, addedAt: at('2024-03-10T14:00:00Z'), until: null },
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
      expect(r.assumptions).toEqual(['SEAT_BATCHES_ASSUMED']);
      expect(r.warnings).toEqual([]);
      expect(r.next.seatBatches).toEqual([
        { quantity: 10, addedAt: at('2024-01-15T09:30:00Z'), until: null },
        { quantity: 1, addedAt: at(MID), until: null },
      ]);
      expect(ok(transition(sub, { type: 'changeQuantity', quantity: 10 }, { now: MID })).effects).toEqual([]);
    });
  });
});

describe('S1 S2 R4 CO2 scheduleChange and clearScheduledChanges', () => {
  it('S1: saving a change replaces the saved one; saving the first one replaces nothing', () => {
    expect(transition(sub, { type: 'scheduleChange', change: { quantity: 8 } }, { now: MID })).toEqual(
      accepted({ ...SNAP, scheduledChange: { ...SCHEDULED_12, quantity: 8 } }, [
        { type: 'SCHEDULED_CHANGE_SAVED', rule: 'S1', change: { ...SCHEDULED_12, quantity: 8 }, replaced: true },
      ]),
    );
    const saved = { quantity: null, term: 'P3Y' as const, billing: null, offerName: null, customTermEndDay: null };
    expect(
      transition(
        { ...sub, scheduledChange: null },
        { type: 'scheduleChange', change: { term: 'P3Y' } },
        { now: LAST_OF_TERM },
      ),
    ).toEqual(
      accepted(
        { ...SNAP, scheduledChange: saved },
        [{ type: 'SCHEDULED_CHANGE_SAVED', rule: 'S1', change: saved, replaced: false }],
        [],
        { policyVersion: '2024-07-01' },
      ),
    );
  });

  it('S2 R4: refused when suspended, with auto-renew off, or during the renewal (until its latest end)', () => {
    expect(transition(suspended, { type: 'scheduleChange', change: { quantity: 8 } }, { now: MID })).toEqual(
      refused('S2', 'NOT_ACTIVE', null),
    );
    expect(
      transition({ ...sub, autoRenew: false }, { type: 'scheduleChange', change: { quantity: 8 } }, { now: MID }),
    ).toEqual(refused('S2', 'AUTO_RENEW_OFF', null));
    expect(transition(sub, { type: 'scheduleChange', change: { quantity: 8 } }, { now: RENEWAL_DAY })).toEqual(
      refused('R4', 'RENEWAL_READ_ONLY', LATEST, '2024-07-01'),
    );
    expect(
      transition(renewing(sub), { type: 'scheduleChange', change: { quantity: 8 } }, { now: '2025-01-16T00:00:00Z' }),
    ).toEqual(refused('R4', 'RENEWAL_READ_ONLY', null, '2024-07-01'));
    expect(
      transition(sub, { type: 'scheduleChange', change: { quantity: 8 } }, { now: '2025-01-16T00:00:00Z' }),
    ).toEqual(refused('R2', 'TERM_ENDED', null, '2024-07-01'));
  });

  it('S1: a change that names nothing, or no change object, is bad input', () => {
    const e = caught(() =>
      transition(sub, { type: 'scheduleChange', change: { quantity: null } as never }, { now: MID }),
    );
    expect([e.code, e.field, e.message, e.received]).toEqual([
      'INCONSISTENT',
      'event.change',
      'event.change: names no change (S1)',
      { quantity: null },
    ]);
    const missing = caught(() => transition(sub, { type: 'scheduleChange' } as never, { now: MID }));
    expect([missing.code, missing.field]).toEqual(['INVALID_TYPE', 'event.change']);
  });

  it('CO2: a coterminous end date inside the next term is saved; outside it, refused', () => {
    // Next term 2025-01-15 – 2026-01-14.
    const saved = { quantity: null, term: null, billing: null, offerName: null, customTermEndDay: day('2025-06-30') };
    expect(
      transition(
        { ...sub, scheduledChange: null },
        { type: 'scheduleChange', change: { customTermEndDate: '2025-06-30' } },
        { now: MID },
      ),
    ).toEqual(
      accepted({ ...SNAP, scheduledChange: saved }, [
        { type: 'SCHEDULED_CHANGE_SAVED', rule: 'S1', change: saved, replaced: false },
      ]),
    );
    expect(
      transition(sub, { type: 'scheduleChange', change: { customTermEndDate: '2026-02-01' } }, { now: MID }),
    ).toEqual({
      ok: false,
      refusal: refuse('CO2', 'OUTSIDE_FIRST_TERM', null),
    });
  });

  it('S1 R4: clearing deletes the saved change; nothing saved, nothing happens; not during the renewal', () => {
    expect(transition(sub, { type: 'clearScheduledChanges' }, { now: MID })).toEqual(
      accepted({ ...SNAP, scheduledChange: null }, [
        { type: 'SCHEDULED_CHANGES_DELETED', rule: 'S1', change: SCHEDULED_12 },
      ]),
    );
    expect(transition({ ...sub, scheduledChange: null }, { type: 'clearScheduledChanges' }, { now: MID })).toEqual(
      accepted({ ...SNAP, scheduledChange: null }, []),
    );
    expect(transition(sub, { type: 'clearScheduledChanges' }, { now: '2025-01-15T23:59:59.999Z' })).toEqual(
      refused('R4', 'RENEWAL_READ_ONLY', LATEST, '2024-07-01'),
    );
    expect(transition(renewing(sub), { type: 'clearScheduledChanges' }, { now: LATEST })).toEqual(
      refused('R4', 'RENEWAL_READ_ONLY', null, '2024-07-01'),
    );
    expect(transition(sub, { type: 'clearScheduledChanges' }, { now: LATEST })).toEqual(
      refused('R2', 'TERM_ENDED', null, '2024-07-01'),
    );
    // S2: removing a saved change, like saving one, needs an active subscription (the state table).
    expect(transition({ ...sub, status: 'expired' }, { type: 'clearScheduledChanges' }, { now: MID })).toEqual(
      refused('S2', 'NOT_ACTIVE', null),
    );
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
      expect(() => transition(sub, { type: 'scheduleChange', change: {} }, { now: MID })).toThrowError(
        /names no change/,
      );
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
      expect(
        canScheduleChange(toSubscription({ ...sub, status: 'suspended', autoRenew: false }), { now: MID }).reason,
      ).toBe('NOT_ACTIVE');
      expect(canScheduleChange(toSubscription(sub), { now: MID })).toMatchObject({
        allowed: true,
        until: at(RENEWAL_DAY),
      });
      expect(
        ok(transition(sub, { type: 'scheduleChange', change: { quantity: 3 } }, { now: LAST_OF_TERM })).next
          .scheduledChange?.quantity,
      ).toBe(3);
    });
  });
});

describe('B1–B5 S3 changeTermOrBilling', () => {
  const offeredTerms = ['P1M', 'P1Y', 'P3Y'] as const;

  it('B3 S3 B4: an immediate term change: a new term from now, the current window kept, scheduled change deleted, promotion warning', () => {
    const r = transition(
      { ...sub, promotionId: 'P-1' },
      { type: 'changeTermOrBilling', term: 'P3Y', billing: 'annual', offeredTerms },
      { now: MID },
    );
    // From 2024-06-01: a three-year term ending 2027-05-31; the window still runs from the purchase T0.
    const next: Subscription = {
      ...SNAP,
      term: 'P3Y',
      billing: 'annual',
      termStartedAt: at(MID),
      termStartDay: day('2024-06-01'),
      termEndDay: day('2027-05-31'),
      promotionId: 'P-1',
      cancellationWindowFrom: at(T0),
      scheduledChange: null,
    };
    expect(r).toEqual(
      accepted(
        next,
        [
          { type: 'TERM_CHANGED', rule: 'B3', term: 'P3Y', billing: 'annual' },
          { type: 'SCHEDULED_CHANGES_DELETED', rule: 'S3', change: SCHEDULED_12 },
        ],
        ['PROMOTION_MAY_BE_LOST'],
      ),
    );
  });

  it('B3 R4: with the caller’s eligibility: its warnings and B4’s, each once; read-only during the renewal, eligibility or not', () => {
    // A monthly term ending 2024-02-14: renewal day 2024-02-15, its latest completion 2024-02-16T00:00Z.
    const monthly: SubscriptionInput = {
      ...sub,
      term: 'P1M',
      termEndDate: '2024-02-14',
      promotionId: 'P-1',
      scheduledChange: null,
      seatBatches: [{ quantity: 10, addedAt: T0 }],
    };
    const eligibility = allow('B3', 'ALLOWED', null, [], ['CHECKED_ELSEWHERE', 'PROMOTION_MAY_BE_LOST']);
    const now = '2024-02-10T10:00:00Z';
    const r = transition(
      monthly,
      { type: 'changeTermOrBilling', term: 'P1Y', billing: 'monthly', eligibility },
      { now },
    );
    // The in-term window start kept: the purchase T0; a year from 2024-02-10.
    expect(r).toEqual(
      accepted(
        {
          ...SNAP,
          termStartedAt: at(now),
          termStartDay: day('2024-02-10'),
          termEndDay: day('2025-02-09'),
          promotionId: 'P-1',
          cancellationWindowFrom: at(T0),
          scheduledChange: null,
        },
        [{ type: 'TERM_CHANGED', rule: 'B3', term: 'P1Y', billing: 'monthly' }],
        // The caller's, then B4's (the machine's own, from the promotion), each once.
        ['CHECKED_ELSEWHERE', 'PROMOTION_MAY_BE_LOST'],
      ),
    );
    expect(
      transition(
        monthly,
        { type: 'changeTermOrBilling', term: 'P1Y', billing: 'monthly', eligibility },
        { now: '2024-02-15T10:00:00Z' },
      ),
    ).toEqual(refused('R4', 'RENEWAL_READ_ONLY', at('2024-02-16T00:00:00Z')));
  });

  it('B3 B4: no promotion, no promotion warning (the caller’s eligibility or the table’s)', () => {
    const eligibility = allow('B3', 'ALLOWED', null);
    const r = transition(
      { ...sub, scheduledChange: null },
      { type: 'changeTermOrBilling', term: 'P3Y', billing: 'monthly', eligibility },
      { now: MID },
    );
    const next: Subscription = {
      ...SNAP,
      term: 'P3Y',
      termStartedAt: at(MID),
      termStartDay: day('2024-06-01'),
      termEndDay: day('2027-05-31'),
      cancellationWindowFrom: at(T0),
      scheduledChange: null,
    };
    expect(r).toEqual(accepted(next, [{ type: 'TERM_CHANGED', rule: 'B3', term: 'P3Y', billing: 'monthly' }]));
    const table = transition(
      { ...sub, scheduledChange: null },
      { type: 'changeTermOrBilling', term: 'P3Y', billing: 'monthly', offeredTerms },
      { now: MID },
    );
    expect(table).toEqual(accepted(next, [{ type: 'TERM_CHANGED', rule: 'B3', term: 'P3Y', billing: 'monthly' }]));
  });

  it('B2 R4: the same term: the billing change is pending for the next cycle, nothing deleted; read-only while renewing', () => {
    const p3y: SubscriptionInput = { ...sub, term: 'P3Y' };
    const P3Y: Subscription = { ...SNAP, term: 'P3Y', termEndDay: day('2027-01-14') };
    expect(transition(p3y, { type: 'changeTermOrBilling', term: 'P3Y', billing: 'annual' }, { now: MID })).toEqual(
      accepted({ ...P3Y, nextChargeBilling: 'annual' }, [
        { type: 'BILLING_CHANGE_PENDING', rule: 'B2', billing: 'annual' },
      ]),
    );
    const eligibility = allow('B2', 'ALLOWED', null);
    expect(
      transition(
        renewing({ ...p3y, termEndDate: '2025-01-14' }),
        { type: 'changeTermOrBilling', term: 'P3Y', billing: 'annual', eligibility },
        { now: '2025-01-15T01:00:00Z' },
      ),
    ).toEqual(refused('R4', 'RENEWAL_READ_ONLY', LATEST, '2024-07-01'));
  });

  it('B2 B3 TR8 R2: refusals of the lifecycle side: the same plan, not active (per kind of change), a trial, a term over', () => {
    expect(transition(sub, { type: 'changeTermOrBilling', term: 'P1Y', billing: 'monthly' }, { now: MID })).toEqual(
      refused('B2', 'NO_CHANGE', null),
    );
    expect(
      transition(
        suspended,
        { type: 'changeTermOrBilling', term: 'P3Y', billing: 'monthly', offeredTerms },
        { now: MID },
      ),
    ).toEqual(refused('B3', 'NOT_ACTIVE', null));
    expect(
      transition(suspended, { type: 'changeTermOrBilling', term: 'P1Y', billing: 'annual' }, { now: MID }),
    ).toEqual(refused('B2', 'NOT_ACTIVE', null));
    expect(
      transition(
        trial,
        { type: 'changeTermOrBilling', term: 'P1Y', billing: 'monthly' },
        { now: '2024-01-20T00:00:00Z' },
      ),
    ).toEqual(refused('TR8', 'TRIAL_PLAN_LOCKED', null));
    expect(
      transition(
        sub,
        { type: 'changeTermOrBilling', term: 'P3Y', billing: 'monthly', offeredTerms },
        { now: '2025-01-16T00:00:00Z' },
      ),
    ).toEqual(refused('R2', 'TERM_ENDED', null, '2024-07-01'));
    const refusal = refuse('B3', 'CHECKED_ELSEWHERE', null);
    expect(
      transition(
        sub,
        { type: 'changeTermOrBilling', term: 'P3Y', billing: 'monthly', eligibility: refusal },
        { now: MID },
      ),
    ).toEqual({ ok: false, refusal });
  });

  // Principle 1: the machine answers the caller's `eligibility` refusal as a copy stamped with the
  // version; the caller's object, frozen or not, is left as it was.
  it('B3: the caller’s eligibility refusal is answered as a copy: the caller’s object, frozen or not, is left as it was', () => {
    // A subscription bought 2025-03-15, asked 2025-06-01: the rules of 2025-04-01 (refuse() builds the baseline's).
    const recent: SubscriptionInput = { ...sub, purchasedAt: '2025-03-15T00:00:00Z', seatBatches: [] };
    const event = (eligibility: Refused<string>) =>
      ({ type: 'changeTermOrBilling', term: 'P3Y', billing: 'monthly', eligibility }) as const;
    const expected = {
      ok: false,
      refusal: {
        allowed: false,
        rule: 'B3',
        policyVersion: '2025-04-01',
        reason: 'CHECKED_ELSEWHERE',
        opensAt: null,
        assumptions: [],
        warnings: [],
      },
    };
    const open = refuse('B3', 'CHECKED_ELSEWHERE', null);
    expect(transition(recent, event(open), { now: '2025-06-01T00:00:00Z' })).toEqual(expected);
    expect(open.policyVersion).toBe('2023-10-19');
    const frozen = Object.freeze(refuse('B3', 'CHECKED_ELSEWHERE', null));
    expect(transition(recent, event(frozen), { now: '2025-06-01T00:00:00Z' })).toEqual(expected);
  });

  it('B1: a billing longer than the term is no plan', () => {
    expect(
      transition(
        { ...sub, term: 'P1M', scheduledChange: null },
        { type: 'changeTermOrBilling', term: 'P1Y', billing: 'triennial', offeredTerms },
        { now: '2024-01-20T00:00:00Z' },
      ),
    ).toEqual(refused('B1', 'NOT_A_PLAN', null));
  });

  it('B1: bad term, billing or offered terms name the event’s fields', () => {
    const term = caught(() =>
      transition(sub, { type: 'changeTermOrBilling', term: 'P2Y' as never, billing: 'monthly' }, { now: MID }),
    );
    expect([term.code, term.field, term.message]).toEqual([
      'INVALID_ENUM',
      'event.term',
      'event.term: expected one of P1M, P1Y, P3Y, got "P2Y"',
    ]);
    const billing = caught(() =>
      transition(sub, { type: 'changeTermOrBilling', term: 'P1Y', billing: 'weekly' as never }, { now: MID }),
    );
    expect([billing.code, billing.field]).toEqual(['INVALID_ENUM', 'event.billing']);
    const offered = caught(() =>
      transition(
        sub,
        { type: 'changeTermOrBilling', term: 'P3Y', billing: 'monthly', offeredTerms: 'P3Y' as never },
        { now: MID },
      ),
    );
    expect([offered.code, offered.field]).toEqual(['INVALID_TYPE', 'event.offeredTerms']);
  });

  describe('S3 what deletes scheduled changes', () => {
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
      expect(
        types(transition(sub, p3y, { now: MID, policy: definePolicy({ scheduledChangeDeletion: 'listed' }) })),
      ).toEqual(['TERM_CHANGED']);
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

  describe('B2 B3 B4 term and billing changes, the lifecycle side', () => {
    it('refusals: same plan, upfront midterm, shorter term, trials (TR8), eligibility', () => {
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
      // TR1: a trial bought 2024-01-15 without an end date runs to 2024-02-13: asked inside it.
      expect(
        transition({ ...sub, trial: true, quantity: 25, seatBatches: [] }, plan('P3Y', 'monthly'), {
          now: '2024-01-20T00:00:00Z',
        }),
      ).toMatchObject({
        ok: false,
        refusal: { rule: 'TR8', reason: 'TRIAL_PLAN_LOCKED' },
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
        // B1: the catalog was not given: Triennial is assumed not offered, and the refusal says so.
        refusal: { rule: 'B1', reason: 'TERM_NOT_OFFERED', assumptions: ['OFFERED_TERMS_ASSUMED'], warnings: [] },
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
      expect(() =>
        transition(sub, { ...plan('P3Y', 'monthly'), offeredTerms: ['P2Y'] as never }, { now: MID }),
      ).toThrow(expect.objectContaining({ code: 'INVALID_ENUM', field: 'event.offeredTerms[0]' }));
    });
  });

  describe('B2 B5 a billing-only change is decided by eligibleBillingFrequencyChanges (wired)', () => {
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
});
