import { describe, expect, it } from 'vitest';
import { allow, refuse } from '../../../src/core/decision.js';
import type { LifecycleState } from '../../../src/lifecycle/machine/events.js';
import { transition } from '../../../src/lifecycle/machine/transition.js';
import { toSubscription, type Subscription, type SubscriptionInput } from '../../../src/snapshot/subscription.js';
import { caught } from '../../support/caught.js';
import {
  accepted as acceptedShape,
  E3,
  E5,
  MID,
  ok,
  refused,
  SCHEDULED_12,
  SNAP,
  sub,
  T0,
  types,
} from '../../support/lifecycle.js';
import { at, dayNumber as day } from '../../support/time.js';
import { formatDay } from '../../../src/time/day.js';
import { canUpgrade } from '../../../src/decisions/upgrade.js';

/** An accepted result, whole, with the transition's `assumptions` (none unless `extra` names them). */
const accepted = (...[next, effects, warnings = [], extra = {}, phase]: Parameters<typeof acceptedShape>) =>
  acceptedShape(next, effects, warnings, { assumptions: [], ...extra }, phase);

const catalog = [{ from: E3, to: E5 }];

describe('U3 U4 U9 S3 S5 the upgrade event, whole results', () => {
  it('U3: all seats: in place, same id, scheduled change deleted (S3), canUpgrade’s warnings (C10) pass through', () => {
    const r = transition(sub, { type: 'upgrade', quantity: 10, offerName: E5, catalog }, { now: MID });
    const next = { ...SNAP, offerName: E5, scheduledChange: null };
    expect(r).toEqual(
      accepted(
        next,
        [
          { type: 'UPGRADED', rule: 'U3', mode: 'full', quantity: 10, offerName: E5 },
          { type: 'SCHEDULED_CHANGES_DELETED', rule: 'S3', change: SCHEDULED_12 },
        ],
        ['UPGRADE_NOT_CANCELLABLE', 'SCHEDULED_CHANGES_REMOVED'],
      ),
    );
  });

  it('S5: a scheduled upgrade is deleted under S5; no scheduled change: nothing deleted', () => {
    const noTeams = 'Microsoft 365 E5 (no Teams)';
    const r = transition(
      { ...sub, scheduledChange: { offerName: noTeams } },
      { type: 'upgrade', quantity: 10, offerName: E5, catalog },
      { now: MID },
    );
    expect(r).toMatchObject({
      ok: true,
      effects: [
        { type: 'UPGRADED', rule: 'U3', mode: 'full', quantity: 10, offerName: E5 },
        {
          type: 'SCHEDULED_CHANGES_DELETED',
          rule: 'S5',
          change: { quantity: null, term: null, billing: null, offerName: noTeams, customTermEndDay: null },
        },
      ],
    });
    const none = transition(
      { ...sub, scheduledChange: null },
      { type: 'upgrade', quantity: 10, offerName: E5, catalog },
      { now: MID },
    );
    expect(none).toEqual(
      accepted(
        { ...SNAP, offerName: E5, scheduledChange: null },
        [{ type: 'UPGRADED', rule: 'U3', mode: 'full', quantity: 10, offerName: E5 }],
        ['UPGRADE_NOT_CANCELLABLE'],
      ),
    );
  });

  it('U4 U9: fewer seats: the source keeps the rest (newest batches leave first), a coterminous subscription is created', () => {
    // 15 seats: 10 at T0, 5 at 2024-02-01. Upgrading 7: the 5 newest go, then 2 of T0 → 8 at T0.
    const two: SubscriptionInput = {
      ...sub,
      quantity: 15,
      isReturnable: false,
      seatBatches: [
        { quantity: 10, addedAt: T0 },
        { quantity: 5, addedAt: '2024-02-01T00:00:00Z' },
      ],
    };
    const r = transition(
      two,
      { type: 'upgrade', quantity: 7, offerName: E5, catalog, newSubscriptionId: 'sub-2', billing: 'annual' },
      { now: MID },
    );
    // The created one: bought now, term to the source's end date (U4), the source's window start (U9),
    // the event's id and billing, the source's returnable flag; batches unknown.
    const created: Subscription = {
      ...SNAP,
      id: 'sub-2',
      offerName: E5,
      billing: 'annual',
      quantity: 7,
      purchasedAt: at(MID),
      termStartedAt: at(MID),
      termStartDay: day('2024-06-01'),
      seatBatches: [],
      seatBatchesKnown: false,
      isReturnable: false,
      cancellationWindowFrom: at(T0),
      scheduledChange: null,
    };
    const next = {
      ...SNAP,
      quantity: 8,
      isReturnable: false,
      seatBatches: [{ quantity: 8, addedAt: at(T0), until: null }],
      scheduledChange: null,
    };
    expect(r).toEqual(
      accepted(
        next,
        [
          { type: 'UPGRADED', rule: 'U4', mode: 'partial', quantity: 7, offerName: E5 },
          { type: 'QUANTITY_CHANGED', rule: 'U4', from: 15, to: 8, refund: 'none' },
          { type: 'SUBSCRIPTION_CREATED', rule: 'U4', subscription: created },
          { type: 'SCHEDULED_CHANGES_DELETED', rule: 'S3', change: SCHEDULED_12 },
        ],
        ['UPGRADE_NOT_CANCELLABLE', 'SCHEDULED_CHANGES_REMOVED'],
        { created: [created] },
      ),
    );
  });

  it('U4: the event’s term applies to the created subscription', () => {
    // A monthly term ending on the source's end date 2025-01-14 (coterminous, U4).
    const r = transition(sub, { type: 'upgrade', quantity: 4, offerName: E5, catalog, term: 'P1M' }, { now: MID });
    expect(r).toMatchObject({
      ok: true,
      created: [{ term: 'P1M', billing: 'monthly', termEndDay: day('2025-01-14'), id: null }],
    });
  });

  it('U4 Q2: unknown source batches stay unknown after a partial upgrade', () => {
    const { seatBatches: _b, ...unknown } = sub;
    expect(_b).toHaveLength(1);
    const r = transition(unknown, { type: 'upgrade', quantity: 4, offerName: E5, catalog }, { now: MID });
    expect(r).toMatchObject({ ok: true, next: { quantity: 6, seatBatches: [], seatBatchesKnown: false } });
  });

  it('U4 U9: with the caller’s eligibility the machine builds the coterminous subscription itself', () => {
    // Allowed elsewhere, with its own warning; no offerName: the SKU stays the source's.
    const eligibility = allow('U2', 'ALLOWED', null, [], ['CHECKED_ELSEWHERE']);
    const now = '2024-01-16T00:00:00Z';
    const r = transition(
      { ...sub, autoRenew: false, scheduledChange: null },
      { type: 'upgrade', quantity: 4, eligibility },
      { now },
    );
    const created: Subscription = {
      ...SNAP,
      id: null,
      quantity: 4,
      autoRenew: false,
      purchasedAt: at(now),
      termStartedAt: at(now),
      termStartDay: day('2024-01-16'),
      seatBatches: [],
      seatBatchesKnown: false,
      cancellationWindowFrom: at(T0), // U9: the parent's window start
      scheduledChange: null,
    };
    const next = {
      ...SNAP,
      autoRenew: false,
      quantity: 6,
      seatBatches: [{ quantity: 6, addedAt: at(T0), until: null }],
      scheduledChange: null,
    };
    expect(r).toEqual(
      accepted(
        next,
        [
          { type: 'UPGRADED', rule: 'U4', mode: 'partial', quantity: 4, offerName: E3 },
          { type: 'QUANTITY_CHANGED', rule: 'U4', from: 10, to: 6, refund: 'none' },
          { type: 'SUBSCRIPTION_CREATED', rule: 'U4', subscription: created },
        ],
        ['CHECKED_ELSEWHERE'],
        { created: [created] },
      ),
    );
  });

  it('U4 U9: the caller’s eligibility on a renewed source: the created window starts at the renewal completion', () => {
    // Renewed 2025-01-15T06:00Z (term 2025-01-15 – 2026-01-14); window from the completion.
    const renewed = {
      ...sub,
      termStartedAt: '2025-01-15T06:00:00Z',
      termEndDate: '2026-01-14',
      seatBatches: [{ quantity: 10, addedAt: '2025-01-15T06:00:00Z' }],
      scheduledChange: null,
    };
    const r = transition(
      renewed,
      { type: 'upgrade', quantity: 3, offerName: E5, eligibility: allow('U2', 'ALLOWED', null) },
      { now: '2025-01-16T00:00:00Z' },
    );
    expect(r).toMatchObject({
      ok: true,
      created: [
        {
          offerName: E5,
          quantity: 3,
          termEndDay: day('2026-01-14'),
          cancellationWindowFrom: at('2025-01-15T06:00:00Z'),
          purchasedAt: at('2025-01-16T00:00:00Z'),
        },
      ],
      warnings: [],
    });
  });

  it('U2: a refusal of the caller’s eligibility passes through unchanged', () => {
    const refusal = refuse('U2', 'UNSUPPORTED_UPGRADE_PATH', null);
    expect(transition(sub, { type: 'upgrade', quantity: 10, eligibility: refusal }, { now: MID })).toEqual({
      ok: false,
      refusal,
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
});

describe('U1 U4 R4 R2 the upgrade event’s lifecycle refusals', () => {
  it('U1: a trial converts, a suspended subscription is not active', () => {
    // TR1: bought 2024-01-15 without an end date, the trial runs 30 days (to 2024-02-13): asked inside
    // them, and the refusal lists the assumed end.
    const trial = { ...sub, trial: true, quantity: 25, seatBatches: [], scheduledChange: null };
    expect(
      transition(trial, { type: 'upgrade', quantity: 25, offerName: E5 }, { now: '2024-01-20T00:00:00Z' }),
    ).toEqual({
      ok: false,
      refusal: {
        allowed: false,
        rule: 'U1',
        policyVersion: '2023-10-19',
        reason: 'TRIAL_USE_CONVERSION',
        opensAt: null,
        assumptions: ['TRIAL_END_ASSUMED'],
        warnings: [],
      },
    });
    const suspended = { ...sub, status: 'suspended' as const, autoRenew: false, scheduledChange: null };
    expect(transition(suspended, { type: 'upgrade', quantity: 10, offerName: E5 }, { now: MID })).toEqual(
      refused('U1', 'NOT_ACTIVE', null),
    );
  });

  it('U4: at most the current seats: 10 of 10 allowed, 11 refused', () => {
    expect(transition(sub, { type: 'upgrade', quantity: 11, offerName: E5, catalog }, { now: MID })).toEqual(
      refused('U4', 'QUANTITY_ABOVE_CURRENT', null),
    );
    expect(transition(sub, { type: 'upgrade', quantity: 10, offerName: E5, catalog }, { now: MID }).ok).toBe(true);
  });

  it('R4: on the renewal day refused until 24 h after the renewal start, to the millisecond; a late declared renewal: unknown', () => {
    // Term end date 2025-01-14: the renewal runs [2025-01-15T00:00Z, 2025-01-16T00:00Z).
    const last = '2025-01-15T23:59:59.999Z';
    expect(transition(sub, { type: 'upgrade', quantity: 10, offerName: E5 }, { now: last })).toEqual(
      refused('R4', 'RENEWAL_READ_ONLY', at('2025-01-16T00:00:00Z'), '2024-07-01'),
    );
    const state: LifecycleState = { subscription: toSubscription(sub), phase: 'renewing' };
    expect(
      transition(state, { type: 'upgrade', quantity: 10, offerName: E5 }, { now: '2025-01-16T00:00:00Z' }),
    ).toEqual(refused('R4', 'RENEWAL_READ_ONLY', null, '2024-07-01'));
  });

  it('R2 R5: past the term without a renewal: the term is over', () => {
    const after = '2025-01-16T00:00:00Z';
    expect(transition(sub, { type: 'upgrade', quantity: 10, offerName: E5 }, { now: after })).toEqual(
      refused('R2', 'TERM_ENDED', null, '2024-07-01'),
    );
    const noRenew = { ...sub, autoRenew: false, scheduledChange: null };
    expect(
      transition(noRenew, { type: 'upgrade', quantity: 10, offerName: E5 }, { now: '2025-01-15T00:00:00Z' }),
    ).toEqual(refused('R5', 'TERM_ENDED', null, '2024-07-01'));
  });

  it('U2: bad input names the event’s fields, with the message', () => {
    const e = caught(() => transition(sub, { type: 'upgrade', quantity: 4 }, { now: MID }));
    expect([e.code, e.field, e.message]).toEqual([
      'MISSING_FIELD',
      'event.offerName',
      'event.offerName: is required (the SKU to upgrade to, U2) unless eligibility is given',
    ]);
    const empty = caught(() => transition(sub, { type: 'upgrade', quantity: 4, offerName: '' }, { now: MID }));
    expect([empty.code, empty.field, empty.message, empty.received]).toEqual([
      'INVALID_TYPE',
      'event.offerName',
      'event.offerName: expected a non-empty offer name, got ""',
      '',
    ]);
    const cat = caught(() =>
      transition(sub, { type: 'upgrade', quantity: 4, offerName: E5, catalog: 'x' as never }, { now: MID }),
    );
    expect([cat.code, cat.field, cat.message, cat.received]).toEqual([
      'INVALID_TYPE',
      'event.catalog',
      'event.catalog: expected an array of { from, to }, got "x"',
      'x',
    ]);
    const zero = caught(() => transition(sub, { type: 'upgrade', quantity: 0, offerName: E5 }, { now: MID }));
    expect([zero.code, zero.field, zero.message]).toEqual([
      'INVALID_QUANTITY',
      'event.quantity',
      'event.quantity: expected a whole number ≥ 1, got 0',
    ]);
    const term = caught(() =>
      transition(sub, { type: 'upgrade', quantity: 4, offerName: E5, catalog, term: 'P2Y' as never }, { now: MID }),
    );
    expect([term.code, term.field]).toEqual(['INVALID_ENUM', 'event.term']);
    const billing = caught(() =>
      transition(
        sub,
        { type: 'upgrade', quantity: 4, offerName: E5, catalog, billing: 'weekly' as never },
        { now: MID },
      ),
    );
    expect([billing.code, billing.field]).toEqual(['INVALID_ENUM', 'event.billing']);
    const name = caught(() => transition(sub, { type: 'upgrade', quantity: 4, offerName: 5 as never }, { now: MID }));
    expect([name.code, name.field]).toEqual(['INVALID_TYPE', 'event.offerName']);
  });
});

describe('TR2 TR3 TR4 TR6 the convertTrial event, whole results', () => {
  /** A 30-day trial bought 2024-01-15T09:30Z (term end date 2024-02-13), 25 seats, promotion P-1. */
  const trial: SubscriptionInput = {
    ...sub,
    trial: true,
    term: 'P1M',
    quantity: 25,
    seatBatches: [],
    termEndDate: '2024-02-13',
    promotionId: 'P-1',
    scheduledChange: { quantity: 30 },
  };
  const now = '2024-01-20T08:00:00Z';

  it('TR2 TR3 TR6 S3: defaults Annual / Monthly / 25 seats; a new term from now; promotion dropped; the scheduled conversion deleted', () => {
    const r = transition(trial, { type: 'convertTrial' }, { now });
    // The paid term starts now: 2024-01-20 – 2025-01-19 (T6), one batch of 25 at now, no inherited window.
    const next: Subscription = {
      ...SNAP,
      quantity: 25,
      termStartedAt: at(now),
      termStartDay: day('2024-01-20'),
      termEndDay: day('2025-01-19'),
      seatBatches: [{ quantity: 25, addedAt: at(now), until: null }],
      scheduledChange: null,
    };
    expect(r).toEqual(
      accepted(
        next,
        [
          { type: 'TRIAL_CONVERTED', rule: 'TR3', term: 'P1Y', billing: 'monthly', quantity: 25 },
          {
            type: 'SCHEDULED_CHANGES_DELETED',
            rule: 'S3',
            change: { quantity: 30, term: null, billing: null, offerName: null, customTermEndDay: null },
          },
        ],
        // TR6 first (the machine's), then canConvertTrial's S3 warning.
        ['PROMOTION_NOT_APPLIED', 'SCHEDULED_CHANGES_REMOVED'],
      ),
    );
  });

  it('TR3: a chosen plan and seats; no promotion: no warning; nothing scheduled: nothing deleted', () => {
    const plain = { ...trial, promotionId: null, scheduledChange: null };
    const r = transition(plain, { type: 'convertTrial', term: 'P1M', billing: 'monthly', quantity: 40 }, { now });
    // A monthly term from 2024-01-20: ends 2024-02-19.
    const next: Subscription = {
      ...SNAP,
      term: 'P1M',
      quantity: 40,
      termStartedAt: at(now),
      termStartDay: day('2024-01-20'),
      termEndDay: day('2024-02-19'),
      seatBatches: [{ quantity: 40, addedAt: at(now), until: null }],
      scheduledChange: null,
    };
    expect(r).toEqual(
      accepted(next, [{ type: 'TRIAL_CONVERTED', rule: 'TR3', term: 'P1M', billing: 'monthly', quantity: 40 }], []),
    );
  });

  it('TR3: without a chosen quantity, the trial’s seats when above 25', () => {
    const big = { ...trial, quantity: 30, promotionId: null, scheduledChange: null };
    expect(transition(big, { type: 'convertTrial' }, { now })).toMatchObject({
      ok: true,
      next: { quantity: 30 },
      effects: [{ quantity: 30 }],
    });
  });

  it('TR3: the caller’s eligibility: its warnings follow the promotion’s; its refusal passes through', () => {
    const eligibility = allow('TR3', 'ALLOWED', null, [], ['CHECKED_ELSEWHERE', 'PROMOTION_NOT_APPLIED']);
    // Allowed elsewhere even below 25 seats: the machine does not ask canConvertTrial.
    const r = transition(trial, { type: 'convertTrial', quantity: 10, eligibility }, { now });
    expect(r).toMatchObject({
      ok: true,
      next: { quantity: 10 },
      warnings: ['PROMOTION_NOT_APPLIED', 'CHECKED_ELSEWHERE'],
    });
    const refusal = refuse('TR9', 'FREE_TRIAL_NOT_WAIVABLE', null);
    expect(transition(trial, { type: 'convertTrial', eligibility: refusal }, { now })).toEqual({ ok: false, refusal });
  });

  it('TR3 R4 TR2: refused for a paid or suspended subscription, during the renewal, after the term', () => {
    expect(transition(sub, { type: 'convertTrial' }, { now })).toEqual(refused('TR3', 'NOT_A_TRIAL', null));
    expect(
      transition(
        { ...trial, status: 'suspended', autoRenew: false, scheduledChange: null },
        { type: 'convertTrial' },
        { now },
      ),
    ).toEqual(refused('TR3', 'NOT_ACTIVE', null));
    // Renewal day 2024-02-14: read-only until 2024-02-15T00:00Z.
    expect(transition(trial, { type: 'convertTrial' }, { now: '2024-02-14T00:00:00Z' })).toEqual(
      refused('R4', 'RENEWAL_READ_ONLY', at('2024-02-15T00:00:00Z')),
    );
    // From 2024-02-15T00:00Z the trial is over (TR2: it converted, or ended).
    expect(transition(trial, { type: 'convertTrial' }, { now: '2024-02-15T00:00:00Z' })).toEqual(
      refused('TR2', 'TERM_ENDED', null),
    );
    expect(
      transition({ ...trial, autoRenew: false }, { type: 'convertTrial' }, { now: '2024-02-14T00:00:00Z' }),
    ).toEqual(refused('TR2', 'TERM_ENDED', null));
    // The last instant of the trial: still convertible.
    expect(transition(trial, { type: 'convertTrial' }, { now: '2024-02-13T23:59:59.999Z' }).ok).toBe(true);
  });

  it('TR4 B1: bad input names the event’s fields', () => {
    const term = caught(() => transition(trial, { type: 'convertTrial', term: 'P2Y' as never }, { now }));
    expect([term.code, term.field, term.message]).toEqual([
      'INVALID_ENUM',
      'event.term',
      'event.term: expected one of P1M, P1Y, P3Y, got "P2Y"',
    ]);
    const billing = caught(() => transition(trial, { type: 'convertTrial', billing: 'weekly' as never }, { now }));
    expect([billing.code, billing.field, billing.message]).toEqual([
      'INVALID_ENUM',
      'event.billing',
      'event.billing: expected one of monthly, annual, triennial, got "weekly"',
    ]);
    const zero = caught(() => transition(trial, { type: 'convertTrial', quantity: 0 }, { now }));
    expect([zero.code, zero.field, zero.message]).toEqual([
      'INVALID_QUANTITY',
      'event.quantity',
      'event.quantity: expected a whole number ≥ 1, got 0',
    ]);
    const plan = caught(() => transition(trial, { type: 'convertTrial', term: 'P1M', billing: 'annual' }, { now }));
    expect([plan.code, plan.field, plan.message]).toEqual([
      'INCONSISTENT',
      'event.billing',
      'event.billing: billing annual is longer than the term P1M (B1)',
    ]);
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
      expect(r.next).toMatchObject({
        trial: false,
        term: 'P3Y',
        billing: 'triennial',
        quantity: 30,
        promotionId: null,
      });
      expect(r.warnings).toEqual(['PROMOTION_NOT_APPLIED']);
      expect(transition(sub, { type: 'convertTrial' }, { now: MID })).toMatchObject({
        ok: false,
        refusal: { rule: 'TR3', reason: 'NOT_A_TRIAL' },
      });
      const refusal = refuse('TR5', 'TARGET_ENDS_TOO_EARLY', null);
      expect(
        transition(trial, { type: 'convertTrial', eligibility: refusal }, { now: '2024-01-20T00:00:00Z' }),
      ).toEqual({
        ok: false,
        refusal,
      });
    });
  });

  describe('TR4 TR9 a trial conversion is decided by canConvertTrial (wired)', () => {
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
});
