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
  T0,
  types,
} from '../../support/lifecycle.js';
import { at, dayNumber as day } from '../../support/time.js';
import { formatDay } from '../../../src/time/day.js';
import { afterTermStageAt } from '../../../src/lifecycle/afterTerm.js';
import { CspRulesError } from '../../../src/core/errors.js';
import { definePolicy } from '../../../src/policy/policy.js';

/** An accepted result, whole, with the transition's `assumptions` (none unless `extra` names them). */
const accepted = (...[next, effects, warnings = [], extra = {}, phase]: Parameters<typeof acceptedShape>) =>
  acceptedShape(next, effects, warnings, { assumptions: [], ...extra }, phase);

/** The renewal of `sub` runs [2025-01-15T00:00Z, 2025-01-16T00:00Z) (R2). */
const LATEST = '2025-01-16T00:00:00Z';
const LAST_OF_RENEWAL_DAY = '2025-01-15T23:59:59.999Z';
const noRenew: SubscriptionInput = { ...sub, autoRenew: false, scheduledChange: null };
const NO_RENEW: Subscription = { ...SNAP, autoRenew: false, scheduledChange: null };
const suspended: SubscriptionInput = { ...noRenew, status: 'suspended' };
const renewing = (s: SubscriptionInput): LifecycleState => ({ subscription: toSubscription(s), phase: 'renewing' });

describe('R2 R5 renewalStarted', () => {
  it('R2: from 00:00Z after the term end date: renewing, completing within 24 h; the last instant of the term is refused', () => {
    // Every event of this file from 2024-07-01T00:00Z on is decided by the rules of 2024-07-01 (the
    // SaaS cancellation changes), until 2025-04-01T00:00Z (billing changes) and 2026-05-04 (EST).
    expect(transition(sub, { type: 'renewalStarted' }, { now: RENEWAL_DAY })).toEqual(
      accepted(
        SNAP,
        [{ type: 'RENEWAL_STARTED', rule: 'R2', completesBy: at(LATEST) }],
        [],
        { policyVersion: '2024-07-01' },
        'renewing',
      ),
    );
    expect(transition(sub, { type: 'renewalStarted' }, { now: LAST_OF_TERM })).toEqual(
      refused('R2', 'TERM_NOT_ENDED', at(RENEWAL_DAY), '2024-07-01'),
    );
  });

  it('R2: a late record (past the 24 h bound) of a bare snapshot is accepted; a declared renewal is not started twice', () => {
    expect(transition(sub, { type: 'renewalStarted' }, { now: '2025-01-20T00:00:00Z' })).toEqual(
      accepted(
        SNAP,
        [{ type: 'RENEWAL_STARTED', rule: 'R2', completesBy: at(LATEST) }],
        [],
        { policyVersion: '2024-07-01' },
        'renewing',
      ),
    );
    expect(transition(renewing(sub), { type: 'renewalStarted' }, { now: RENEWAL_DAY })).toEqual(
      refused('R2', 'ALREADY_RENEWING', null, '2024-07-01'),
    );
  });

  it('R5: only an active subscription with auto-renew on renews', () => {
    expect(transition(noRenew, { type: 'renewalStarted' }, { now: RENEWAL_DAY })).toEqual(
      refused('R5', 'AUTO_RENEW_OFF', null, '2024-07-01'),
    );
    expect(transition(suspended, { type: 'renewalStarted' }, { now: RENEWAL_DAY })).toEqual(
      refused('R5', 'NOT_ACTIVE', null, '2024-07-01'),
    );
    expect(transition(noRenew, { type: 'renewalCompleted' }, { now: RENEWAL_DAY })).toEqual(
      refused('R5', 'AUTO_RENEW_OFF', null, '2024-07-01'),
    );
    expect(transition(suspended, { type: 'renewalCompleted' }, { now: RENEWAL_DAY })).toEqual(
      refused('R5', 'NOT_ACTIVE', null, '2024-07-01'),
    );
    expect(transition(sub, { type: 'renewalCompleted' }, { now: LAST_OF_TERM })).toEqual(
      refused('R2', 'TERM_NOT_ENDED', at(RENEWAL_DAY), '2024-07-01'),
    );
  });
});

describe('R2 R3 S1 TR2 renewalCompleted', () => {
  /** Renewed 2025-01-15T06:00Z: term 2025-01-15 – 2026-01-14 with the 12 scheduled seats, one batch at the completion. */
  const renewedAt = (completedAt: string): Subscription => ({
    ...SNAP,
    quantity: 12,
    termStartedAt: at(completedAt),
    termStartDay: day('2025-01-15'),
    termEndDay: day('2026-01-14'),
    seatBatches: [{ quantity: 12, addedAt: at(completedAt), until: null }],
    scheduledChange: null,
  });
  const effectsAt = (completedAt: number | null) => [
    { type: 'RENEWED', rule: 'R2', startDay: day('2025-01-15'), endDay: day('2026-01-14'), completedAt },
    { type: 'SCHEDULED_CHANGES_APPLIED', rule: 'S1', change: SCHEDULED_12 },
    { type: 'QUANTITY_CHANGED', rule: 'S1', from: 10, to: 12, refund: 'none' },
  ];
  /** Renewals recorded in 2025-01 and 2025-02 are decided by the rules of 2024-07-01. */
  const V2024 = { policyVersion: '2024-07-01' };

  it('R2 S1: completed now: the new term, the scheduled change applied and cleared, a batch at the completion (Q2)', () => {
    const now = '2025-01-15T06:00:00Z';
    expect(transition(renewing(sub), { type: 'renewalCompleted' }, { now })).toEqual(
      accepted(renewedAt(now), effectsAt(at(now)), [], V2024),
    );
  });

  it('R2 R3: without completedAt, now is the completion until the last instant of the renewal day; from 24 h on it is unknown', () => {
    expect(transition(sub, { type: 'renewalCompleted' }, { now: LAST_OF_RENEWAL_DAY })).toEqual(
      accepted(renewedAt(LAST_OF_RENEWAL_DAY), effectsAt(at(LAST_OF_RENEWAL_DAY)), [], V2024),
    );
    // Unknown: no term start instant, the batch assumed (R3), named in the warnings.
    const unknown: Subscription = {
      ...renewedAt(LATEST),
      termStartedAt: null,
      seatBatches: [],
      seatBatchesKnown: false,
    };
    expect(transition(sub, { type: 'renewalCompleted' }, { now: LATEST })).toEqual(
      accepted(unknown, effectsAt(null), ['RENEWAL_COMPLETION_UNKNOWN'], V2024),
    );
  });

  it('R2: a given completedAt lies on the renewal day and not after now (bounds to the millisecond)', () => {
    const done = (completedAt: string, now: string) =>
      transition(sub, { type: 'renewalCompleted', completedAt }, { now });
    expect(done(RENEWAL_DAY, RENEWAL_DAY)).toEqual(
      accepted(renewedAt(RENEWAL_DAY), effectsAt(at(RENEWAL_DAY)), [], V2024),
    );
    expect(done(LAST_OF_RENEWAL_DAY, '2025-02-01T00:00:00Z')).toEqual(
      accepted(renewedAt(LAST_OF_RENEWAL_DAY), effectsAt(at(LAST_OF_RENEWAL_DAY)), [], V2024),
    );
    for (const [completedAt, now] of [
      [LAST_OF_TERM, '2025-01-15T10:00:00Z'],
      [LATEST, '2025-01-17T00:00:00Z'],
      ['2025-01-15T10:00:00.001Z', '2025-01-15T10:00:00Z'],
    ] as const) {
      const e = caught(() => done(completedAt, now));
      expect([e.code, e.field, e.message, e.received]).toEqual([
        'INCONSISTENT',
        'event.completedAt',
        'event.completedAt: must lie on the renewal day (R2) and not after now',
        completedAt,
      ]);
    }
    const bad = caught(() => done('soon', '2025-01-15T10:00:00Z'));
    expect([bad.code, bad.field]).toEqual(['INVALID_INSTANT', 'event.completedAt']);
  });

  it('R2: nothing scheduled: only RENEWED; the promotion, returnable flag and id stay; a pending billing change applies (B2)', () => {
    const p3y: SubscriptionInput = {
      ...sub,
      term: 'P3Y',
      scheduledChange: null,
      nextChargeBilling: 'annual',
      promotionId: 'P-1',
      isReturnable: false,
    };
    const now = '2027-01-15T01:00:00Z';
    // Term 2024-01-15 – 2027-01-14; renewed 2027-01-15 – 2030-01-14, billed annually from now on.
    const next: Subscription = {
      ...SNAP,
      term: 'P3Y',
      billing: 'annual',
      termStartedAt: at(now),
      termStartDay: day('2027-01-15'),
      termEndDay: day('2030-01-14'),
      seatBatches: [{ quantity: 10, addedAt: at(now), until: null }],
      promotionId: 'P-1',
      isReturnable: false,
      scheduledChange: null,
    };
    // Recorded 2027-01-15: the rules of 2026-05-04 (the latest change), which leave an auto-renewing renewal as it was.
    expect(transition(p3y, { type: 'renewalCompleted' }, { now })).toEqual(
      accepted(
        next,
        [{ type: 'RENEWED', rule: 'R2', startDay: day('2027-01-15'), endDay: day('2030-01-14'), completedAt: at(now) }],
        [],
        { policyVersion: '2026-05-04' },
      ),
    );
  });

  it('R3 U9: an inherited cancellation window ends with the term: the renewed term opens its own', () => {
    const created: SubscriptionInput = {
      ...sub,
      purchasedAt: '2024-03-01T00:00:00Z',
      seatBatches: [{ quantity: 10, addedAt: '2024-03-01T00:00:00Z' }],
      termEndDate: '2025-01-14',
      cancellationWindowFrom: T0,
      scheduledChange: null,
    };
    const r = transition(created, { type: 'renewalCompleted' }, { now: '2025-01-15T02:00:00Z' });
    expect(r).toMatchObject({
      ok: true,
      next: { cancellationWindowFrom: null, termStartedAt: at('2025-01-15T02:00:00Z') },
    });
  });

  it('T6 R2: the next term follows the policy’s renewal anchor', () => {
    // P1M bought 2024-01-31: term 2024-01-31 – 2024-02-28, renewal day 2024-02-29 (leap year).
    // Anniversary: back to the 31st → 2024-02-29 – 2024-03-30. Clamped: a month from the 29th → 2024-02-29 – 2024-03-28.
    const monthly: SubscriptionInput = {
      ...sub,
      term: 'P1M',
      purchasedAt: '2024-01-31T10:00:00Z',
      seatBatches: [{ quantity: 10, addedAt: '2024-01-31T10:00:00Z' }],
      scheduledChange: null,
    };
    const now = '2024-02-29T01:00:00Z';
    const renewed = (endDay: string) => ({
      type: 'RENEWED',
      rule: 'R2',
      startDay: day('2024-02-29'),
      endDay: day(endDay),
      completedAt: at(now),
    });
    expect(transition(monthly, { type: 'renewalCompleted' }, { now })).toMatchObject({
      ok: true,
      effects: [renewed('2024-03-30')],
    });
    expect(
      transition(monthly, { type: 'renewalCompleted' }, { now, policy: definePolicy({ renewalAnchor: 'clamped' }) }),
    ).toMatchObject({
      ok: true,
      effects: [renewed('2024-03-28')],
      next: { termStartDay: day('2024-02-29'), termEndDay: day('2024-03-28') },
    });
  });

  it('TR2 TR6: a trial renews into the paid plan (Annual, Monthly), its promotion dropped', () => {
    // A 30-day trial: term 2024-01-15 – 2024-02-13; renewal day 2024-02-14; the paid year 2024-02-14 – 2025-02-13.
    const trial: SubscriptionInput = {
      ...sub,
      trial: true,
      term: 'P1M',
      quantity: 25,
      seatBatches: [],
      termEndDate: '2024-02-13',
      promotionId: 'P-1',
      scheduledChange: null,
    };
    const now = '2024-02-14T03:00:00Z';
    const next: Subscription = {
      ...SNAP,
      quantity: 25,
      termStartedAt: at(now),
      termStartDay: day('2024-02-14'),
      termEndDay: day('2025-02-13'),
      seatBatches: [{ quantity: 25, addedAt: at(now), until: null }],
      scheduledChange: null,
    };
    expect(transition(trial, { type: 'renewalCompleted' }, { now })).toEqual(
      accepted(next, [
        { type: 'RENEWED', rule: 'R2', startDay: day('2024-02-14'), endDay: day('2025-02-13'), completedAt: at(now) },
        { type: 'TRIAL_CONVERTED', rule: 'TR2', term: 'P1Y', billing: 'monthly', quantity: 25 },
      ]),
    );
  });

  describe('R5 renewal: started, completed with the scheduled changes applied', () => {
    it('renewalStarted → renewing; renewalCompleted → new term, new batch, changes applied and cleared', () => {
      const started = ok(transition(sub, { type: 'renewalStarted' }, { now: RENEWAL_DAY }));
      expect(started.phase).toBe('renewing');
      expect(started.effects).toEqual([
        { type: 'RENEWAL_STARTED', rule: 'R2', completesBy: at('2025-01-16T00:00:00Z') },
      ]);
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
        seatBatches: [{ quantity: 12, addedAt: at('2025-01-15T06:00:00Z'), until: null }],
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
});

describe('R5 P4 P7 termEnded', () => {
  const E = at(RENEWAL_DAY);
  const DISABLED_AT = at('2025-02-14T00:00:00Z'); // E + 30 d
  const DELETED_AT = at('2025-05-15T00:00:00Z'); // E + 120 d
  /** The term ends E = 2025-01-15T00:00Z: termEnded is governed by the rules in force then, those of 2024-07-01. */
  const AT_TERM_END = { policyVersion: '2024-07-01' };

  it('R5 P7: auto-renew off, at the term end: expired, billing stops, users keep access', () => {
    expect(transition(noRenew, { type: 'termEnded' }, { now: RENEWAL_DAY })).toEqual(
      accepted(
        { ...NO_RENEW, status: 'expired' },
        [
          { type: 'STATUS_CHANGED', rule: 'P7', from: 'active', to: 'expired' },
          { type: 'BILLING_STOPPED', rule: 'P7' },
        ],
        [],
        AT_TERM_END,
      ),
    );
    expect(transition(noRenew, { type: 'termEnded' }, { now: LAST_OF_TERM })).toEqual(
      refused('P7', 'TERM_NOT_ENDED', E, '2024-07-01'),
    );
  });

  it('P7: recorded late, the stage due: disabled from E + 30 d (admins only), deleted from E + 120 d (data deleted)', () => {
    expect(transition(noRenew, { type: 'termEnded' }, { now: '2025-02-14T00:00:00Z' })).toEqual(
      accepted(
        { ...NO_RENEW, status: 'disabled' },
        [
          { type: 'STATUS_CHANGED', rule: 'P7', from: 'active', to: 'disabled' },
          { type: 'BILLING_STOPPED', rule: 'P7' },
          { type: 'ACCESS_BLOCKED', rule: 'P7', access: 'admins-only' },
        ],
        [],
        AT_TERM_END,
      ),
    );
    expect(transition(noRenew, { type: 'termEnded' }, { now: '2025-02-13T23:59:59.999Z' })).toMatchObject({
      ok: true,
      next: { status: 'expired' },
    });
    // Every field but policyVersion, whose expected value is the it.fails below.
    expect(transition(noRenew, { type: 'termEnded' }, { now: '2025-05-15T00:00:00Z' })).toMatchObject({
      ok: true,
      phase: 'in-term',
      warnings: [],
      assumptions: [],
      next: { status: 'deleted' },
      effects: [
        { type: 'STATUS_CHANGED', rule: 'P7', from: 'active', to: 'deleted' },
        { type: 'BILLING_STOPPED', rule: 'P7' },
        { type: 'ACCESS_BLOCKED', rule: 'P7', access: 'none' },
        { type: 'DATA_DELETED', rule: 'P7', at: DELETED_AT },
      ],
    });
  });

  // docs/policy.md and the catalogue: the machine's termEnded is governed by the term end (here
  // 2025-01-15T00:00Z: the rules of 2024-07-01), whenever it is recorded.
  it('P7: termEnded names the version at the term end (2024-07-01), whenever it is recorded', () => {
    expect(transition(noRenew, { type: 'termEnded' }, { now: '2025-05-15T00:00:00Z' })).toEqual(
      accepted(
        { ...NO_RENEW, status: 'deleted' },
        [
          { type: 'STATUS_CHANGED', rule: 'P7', from: 'active', to: 'deleted' },
          { type: 'BILLING_STOPPED', rule: 'P7' },
          { type: 'ACCESS_BLOCKED', rule: 'P7', access: 'none' },
          { type: 'DATA_DELETED', rule: 'P7', at: DELETED_AT },
        ],
        [],
        AT_TERM_END,
      ),
    );
    expect(transition({ ...noRenew, status: 'disabled' }, { type: 'termEnded' }, { now: MID })).toEqual(
      refused('P7', 'NOT_ACTIVE', null, '2024-07-01'),
    );
  });

  it('P4: suspended at the term end: disabled (same access, billing stops), or deleted at once under 002’s policy', () => {
    const SUSPENDED: Subscription = { ...NO_RENEW, status: 'suspended' };
    expect(transition(suspended, { type: 'termEnded' }, { now: RENEWAL_DAY })).toEqual(
      accepted(
        { ...SUSPENDED, status: 'disabled' },
        [
          { type: 'STATUS_CHANGED', rule: 'P4', from: 'suspended', to: 'disabled' },
          { type: 'BILLING_STOPPED', rule: 'P7' },
        ],
        [],
        AT_TERM_END,
      ),
    );
    const deleted = definePolicy({ suspendedAtTermEnd: 'deleted' });
    expect(transition(suspended, { type: 'termEnded' }, { now: RENEWAL_DAY, policy: deleted })).toEqual(
      accepted(
        { ...SUSPENDED, status: 'deleted' },
        [
          { type: 'STATUS_CHANGED', rule: 'P4', from: 'suspended', to: 'deleted' },
          { type: 'BILLING_STOPPED', rule: 'P7' },
          { type: 'ACCESS_BLOCKED', rule: 'P4', access: 'none' },
          { type: 'DATA_DELETED', rule: 'P4', at: E },
        ],
        [],
        AT_TERM_END,
      ),
    );
    expect(transition(suspended, { type: 'termEnded' }, { now: LAST_OF_TERM })).toEqual(
      refused('P7', 'TERM_NOT_ENDED', E, '2024-07-01'),
    );
  });

  it('P4: a suspended snapshot still marked auto-renewing ends too (suspended never renews)', () => {
    expect(transition({ ...suspended, autoRenew: true }, { type: 'termEnded' }, { now: RENEWAL_DAY })).toEqual(
      accepted(
        { ...NO_RENEW, autoRenew: true, status: 'disabled' },
        [
          { type: 'STATUS_CHANGED', rule: 'P4', from: 'suspended', to: 'disabled' },
          { type: 'BILLING_STOPPED', rule: 'P7' },
        ],
        [],
        AT_TERM_END,
      ),
    );
  });

  it('R5 P7: an auto-renewing subscription renews; an expired or disabled one has already ended', () => {
    expect(transition(sub, { type: 'termEnded' }, { now: RENEWAL_DAY })).toEqual(
      refused('R5', 'RENEWS', null, '2024-07-01'),
    );
    expect(transition({ ...noRenew, status: 'expired' }, { type: 'termEnded' }, { now: RENEWAL_DAY })).toEqual(
      refused('P7', 'NOT_ACTIVE', null, '2024-07-01'),
    );
    // The same refusal asked at MID (2024-06-01): every field but policyVersion, whose expected value is the it.fails above.
    expect(transition({ ...noRenew, status: 'disabled' }, { type: 'termEnded' }, { now: MID })).toMatchObject({
      ok: false,
      refusal: { allowed: false, rule: 'P7', reason: 'NOT_ACTIVE', opensAt: null, assumptions: [], warnings: [] },
    });
    expect(DISABLED_AT).toBe(E + 30 * 86_400_000);
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
      const policy = definePolicy({ suspendedAtTermEnd: 'deleted' });
      const r = ok(transition(suspended, { type: 'termEnded' }, { now: RENEWAL_DAY, policy }));
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

  describe('P7 after the term: expired 30 d → disabled 90 d → deleted', () => {
    const noRenew = { ...sub, autoRenew: false, scheduledChange: null };

    it('expired: no reactivation; a late termEnded catches up with the stage due', () => {
      expect(transition({ ...noRenew, status: 'expired' }, { type: 'reactivate' }, { now: RENEWAL_DAY }).ok).toBe(
        false,
      );
      expect(ok(transition(noRenew, { type: 'termEnded' }, { now: '2025-03-01T00:00:00Z' })).next.status).toBe(
        'disabled',
      );
      expect(afterTermStageAt(toSubscription(noRenew), { now: at(LAST_OF_TERM) })).toBeNull();
    });

    it('an auto-renewing subscription does not end: termEnded refused (R5)', () => {
      expect(transition(sub, { type: 'termEnded' }, { now: RENEWAL_DAY })).toMatchObject({
        ok: false,
        refusal: { rule: 'R5', reason: 'RENEWS' },
      });
    });
  });
});

describe('P7 stageElapsed', () => {
  const EXPIRED: Subscription = { ...NO_RENEW, status: 'expired' };
  const DISABLED: Subscription = { ...NO_RENEW, status: 'disabled' };
  const expired: SubscriptionInput = { ...noRenew, status: 'expired' };
  const disabled: SubscriptionInput = { ...noRenew, status: 'disabled' };

  it('P7: expired → disabled at E + 30 d to the millisecond (access blocked, no billing to stop)', () => {
    // The stages after the term are governed by the term end (2025-01-15T00:00Z: the rules of
    // 2024-07-01), whenever the event is recorded (docs/policy.md).
    expect(transition(expired, { type: 'stageElapsed' }, { now: '2025-02-13T23:59:59.999Z' })).toEqual(
      refused('P7', 'STAGE_NOT_ELAPSED', at('2025-02-14T00:00:00Z'), '2024-07-01'),
    );
    expect(transition(expired, { type: 'stageElapsed' }, { now: '2025-02-14T00:00:00Z' })).toEqual(
      accepted(
        DISABLED,
        [
          { type: 'STATUS_CHANGED', rule: 'P7', from: 'expired', to: 'disabled' },
          { type: 'ACCESS_BLOCKED', rule: 'P7', access: 'admins-only' },
        ],
        [],
        { policyVersion: '2024-07-01' },
      ),
    );
  });

  it('P7: an expired snapshot before its term end: the disabled stage is the next to open', () => {
    expect(transition(expired, { type: 'stageElapsed' }, { now: MID })).toEqual(
      refused('P7', 'STAGE_NOT_ELAPSED', at('2025-02-14T00:00:00Z'), '2024-07-01'),
    );
    expect(transition(disabled, { type: 'stageElapsed' }, { now: MID })).toEqual(
      refused('P7', 'STAGE_NOT_ELAPSED', at('2025-05-15T00:00:00Z'), '2024-07-01'),
    );
  });

  it('P7: disabled → deleted at E + 120 d to the millisecond; an expired one catches up with deletion', () => {
    expect(transition(disabled, { type: 'stageElapsed' }, { now: '2025-05-14T23:59:59.999Z' })).toEqual(
      refused('P7', 'STAGE_NOT_ELAPSED', at('2025-05-15T00:00:00Z'), '2024-07-01'),
    );
    const deletion = (from: string) => [
      { type: 'STATUS_CHANGED', rule: 'P7', from, to: 'deleted' },
      { type: 'ACCESS_BLOCKED', rule: 'P7', access: 'none' },
      { type: 'DATA_DELETED', rule: 'P7', at: at('2025-05-15T00:00:00Z') },
    ];
    expect(transition(disabled, { type: 'stageElapsed' }, { now: '2025-05-15T00:00:00Z' })).toEqual(
      accepted({ ...DISABLED, status: 'deleted' }, deletion('disabled'), [], { policyVersion: '2024-07-01' }),
    );
    expect(transition(expired, { type: 'stageElapsed' }, { now: '2025-06-01T00:00:00Z' })).toEqual(
      accepted({ ...EXPIRED, status: 'deleted' }, deletion('expired'), [], { policyVersion: '2024-07-01' }),
    );
  });

  it('P7: active and suspended subscriptions have no stage to elapse', () => {
    expect(transition(noRenew, { type: 'stageElapsed' }, { now: '2025-03-01T00:00:00Z' })).toEqual(
      refused('P7', 'NOT_ACTIVE', null, '2024-07-01'),
    );
    expect(transition(suspended, { type: 'stageElapsed' }, { now: '2025-03-01T00:00:00Z' })).toEqual(
      refused('P7', 'NOT_ACTIVE', null, '2024-07-01'),
    );
  });

  describe('P7 after the term: expired 30 d → disabled 90 d → deleted', () => {
    const noRenew = { ...sub, autoRenew: false, scheduledChange: null };

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
  });
});
