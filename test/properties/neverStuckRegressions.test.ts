/**
 * Issue 16: one named regression per defect the half-million-call attack found in the lifecycle
 * machine, the decisions beside it and the input checks (items 1–6, 9 and 10's events). Every
 * expected value is worked out by hand in the comment above it: instants with `Date.parse`
 * (`at`), UTC days with `Date.UTC` (`day`), never by the code under test.
 */
import { describe, expect, it } from 'vitest';
import { allow } from '../../src/core/decision.js';
import { canCancel } from '../../src/decisions/cancel.js';
import { canIncreaseSeats } from '../../src/decisions/seatIncrease.js';
import { eligibleTermChanges } from '../../src/decisions/termChanges.js';
import { canUpgrade } from '../../src/decisions/upgrade.js';
import type { LifecycleEvent, TransitionResult } from '../../src/lifecycle/machine/events.js';
import { transition } from '../../src/lifecycle/machine/transition.js';
import { definePolicy } from '../../src/policy/policy.js';
import { withChanges } from '../../src/snapshot/changes.js';
import { toSubscription, type SubscriptionInput } from '../../src/snapshot/subscription.js';
import { caught } from '../support/caught.js';
import { at, dayNumber as day } from '../support/time.js';

const E3 = 'Microsoft 365 E3';
/** A monthly subscription bought 2024-01-15T10:00Z: T6, its first term is 2024-01-15 … 2024-02-14. */
const MONTHLY: SubscriptionInput = {
  offerName: E3,
  program: 'nce-license',
  term: 'P1M',
  billing: 'monthly',
  quantity: 5,
  purchasedAt: '2024-01-15T10:00:00Z',
};
/** An annual-term subscription billed monthly, bought 2024-01-15T10:00Z (term 2024-01-15 … 2025-01-14). */
const ANNUAL: SubscriptionInput = { ...MONTHLY, term: 'P1Y' };

const refusal = (r: TransitionResult) => (r.ok ? null : [r.refusal.rule, r.refusal.reason, r.refusal.opensAt]);

describe('Issue 16 item 1 — R3: a renewal with an unknown completion instant leaves through every accepted event', () => {
  // The adapter's renewal at 00:00Z: the term started on 2024-02-15, its completion instant unknown.
  const renewed: SubscriptionInput = { ...MONTHLY, termStartedAt: null, termStartDate: '2024-02-15' };

  it('R3 B3: changeTermOrBilling to P1Y on 2024-02-20T10:00Z starts the term then (not the stale start day): 2024-02-20 … 2025-02-19', () => {
    const r = transition(
      renewed,
      { type: 'changeTermOrBilling', term: 'P1Y', billing: 'monthly' },
      { now: '2024-02-20T10:00:00Z' },
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    // B3: the new term starts now; T6: P1Y from 2024-02-20 ends the day before 2025-02-20.
    expect([r.next.termStartedAt, r.next.termStartDay, r.next.termEndDay]).toEqual([
      at('2024-02-20T10:00:00Z'),
      day('2024-02-20'),
      day('2025-02-19'),
    ]);
  });

  it('R3 TR3: a trial whose start instant is unknown (day 2024-01-15) converts on 2024-01-20T10:00Z: paid term 2024-01-20 … 2025-01-19', () => {
    const trial: SubscriptionInput = {
      ...MONTHLY,
      trial: true,
      quantity: 25,
      termStartedAt: null,
      termStartDate: '2024-01-15',
    };
    const r = transition(trial, { type: 'convertTrial' }, { now: '2024-01-20T10:00:00Z' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    // TR2: Annual by default; T6: from 2024-01-20 to the day before 2025-01-20.
    expect([r.next.termStartedAt, r.next.termStartDay, r.next.termEndDay]).toEqual([
      at('2024-01-20T10:00:00Z'),
      day('2024-01-20'),
      day('2025-01-19'),
    ]);
  });

  it('R3: withChanges giving termStartedAt gives its day too (2024-03-01T08:00Z → day 2024-03-01)', () => {
    const next = withChanges(renewed, { termStartedAt: '2024-03-01T08:00:00Z' });
    expect([next.termStartedAt, next.termStartDay]).toEqual([at('2024-03-01T08:00:00Z'), day('2024-03-01')]);
  });
});

describe('Issue 16 item 2 — B1: a plan B1 forbids is refused when scheduled or given, so renewal stays possible', () => {
  const now = '2024-01-20T10:00:00Z';
  it.each<[string, SubscriptionInput, LifecycleEvent]>([
    ['{ billing: annual } on P1M monthly', MONTHLY, { type: 'scheduleChange', change: { billing: 'annual' } }],
    [
      '{ term: P1M } on P1Y annual',
      { ...ANNUAL, billing: 'annual' },
      { type: 'scheduleChange', change: { term: 'P1M' } },
    ],
    ['{ billing: triennial } on P1Y', ANNUAL, { type: 'scheduleChange', change: { billing: 'triennial' } }],
  ])('B1 S1: scheduleChange %s is refused B1 NOT_A_PLAN', (_, sub, event) => {
    expect(refusal(transition(sub, event, { now }))).toEqual(['B1', 'NOT_A_PLAN', null]);
  });

  it('B1: a given nextChargeBilling annual on P1M, or a saved change that renews P1M annually, is INCONSISTENT when read', () => {
    const pending = caught(() => toSubscription({ ...MONTHLY, nextChargeBilling: 'annual' }));
    expect([pending.code, pending.field]).toEqual(['INCONSISTENT', 'nextChargeBilling']);
    const saved = caught(() => toSubscription({ ...MONTHLY, scheduledChange: { billing: 'annual' } }));
    expect([saved.code, saved.field]).toEqual(['INCONSISTENT', 'scheduledChange.billing']);
  });

  it('B1 B2: a billing change that a saved { term: P1M } would renew annually is refused, eligibility given or not', () => {
    // P1Y monthly with P1M saved for the next term: annual billing now would renew as P1M billed annually.
    const sub: SubscriptionInput = { ...ANNUAL, scheduledChange: { term: 'P1M' } };
    const event: LifecycleEvent = {
      type: 'changeTermOrBilling',
      term: 'P1Y',
      billing: 'annual',
      eligibility: allow('B2', 'ALLOWED', null),
    };
    expect(refusal(transition(sub, event, { now }))).toEqual(['B1', 'NOT_A_PLAN', null]);
  });
});

describe('Issue 16 item 3 — R4: during a renewal changeTermOrBilling is read-only; the phase stays one the next event accepts', () => {
  it('R4 R2: after renewalStarted at 2024-02-15T01:00Z both a term and a billing change are RENEWAL_READ_ONLY; renewalCompleted is then accepted', () => {
    // The term ends 2024-02-14: the renewal day is 2024-02-15, its latest completion 2024-02-16T00:00Z (opensAt).
    const started = transition(
      { ...MONTHLY, autoRenew: true },
      { type: 'renewalStarted' },
      { now: '2024-02-15T01:00:00Z' },
    );
    expect(started.ok).toBe(true);
    if (!started.ok) return;
    const now = '2024-02-15T02:00:00Z';
    for (const [term, billing] of [
      ['P1Y', 'monthly'],
      ['P1M', 'annual'],
    ] as const) {
      const r = transition(started.state, { type: 'changeTermOrBilling', term, billing }, { now });
      expect(refusal(r)).toEqual(['R4', 'RENEWAL_READ_ONLY', at('2024-02-16T00:00:00Z')]);
    }
    expect(transition(started.state, { type: 'renewalCompleted' }, { now }).ok).toBe(true);
  });
});

describe('Issue 16 item 4 — T4: `now` before the purchase is refused BEFORE_PURCHASE, opening at the purchase', () => {
  // Bought 2024-01-15T10:00Z, asked 2024-01-10T10:00Z: a batch or a term dated then would precede it.
  const now = '2024-01-10T10:00:00Z';
  it.each<[string, SubscriptionInput, LifecycleEvent]>([
    [
      'an increase to 7 seats (its batch dated now)',
      { ...MONTHLY, seatBatches: [{ quantity: 5, addedAt: '2024-01-15T10:00:00Z' }] },
      { type: 'changeQuantity', quantity: 7 },
    ],
    [
      'a term change to P1Y (its term starting now)',
      MONTHLY,
      { type: 'changeTermOrBilling', term: 'P1Y', billing: 'monthly' },
    ],
    [
      'a trial conversion (its paid term starting now)',
      { ...MONTHLY, trial: true, quantity: 25 },
      { type: 'convertTrial' },
    ],
  ])('T4: %s', (_, sub, event) => {
    expect(refusal(transition(sub, event, { now }))).toEqual(['T4', 'BEFORE_PURCHASE', at('2024-01-15T10:00:00Z')]);
  });
});

describe('Issue 16 item 5 — R5: after the term ended the decisions refuse as the machine does (TERM_ENDED)', () => {
  // Auto-renew off, term 2024-01-15 … 2024-02-14: ended at 2024-02-15T00:00Z; asked 2024-02-20T10:00Z.
  const ended: SubscriptionInput = { ...MONTHLY, autoRenew: false };
  const now = '2024-02-20T10:00:00Z';
  it('R5: canIncreaseSeats, canUpgrade and transition changeQuantity refuse TERM_ENDED; eligibleTermChanges allows nothing', () => {
    const inc = canIncreaseSeats(ended, { now });
    expect([inc.allowed, inc.rule, inc.reason]).toEqual([false, 'R5', 'TERM_ENDED']);
    const up = canUpgrade(ended, { to: 'Microsoft 365 E5', quantity: 2, when: 'midterm', now });
    expect([up.allowed, up.rule, up.reason, up.newSubscription]).toEqual([false, 'R5', 'TERM_ENDED', null]);
    expect(eligibleTermChanges(ended, { now }).allowed).toEqual([]);
    expect(refusal(transition(ended, { type: 'changeQuantity', quantity: 7 }, { now }))).toEqual([
      'R5',
      'TERM_ENDED',
      null,
    ]);
  });
});

describe('Issue 16 item 6 — B1 B3: eligibility overrides are read as decisions and never allow a plan the rules forbid', () => {
  const now = '2024-01-20T10:00:00Z';
  const change = (eligibility: unknown): LifecycleEvent =>
    ({ type: 'changeTermOrBilling', term: 'P3Y', billing: 'monthly', eligibility }) as LifecycleEvent;
  it.each<[string, unknown, string, string]>([
    ["{ allowed: 'no' }", { allowed: 'no' }, 'INVALID_TYPE', 'event.eligibility.allowed'],
    ['null', null, 'INVALID_TYPE', 'event.eligibility'],
    ['{ allowed: true } alone', { allowed: true }, 'MISSING_FIELD', 'event.eligibility.rule'],
    ['a garbage object', { foo: 1 }, 'INVALID_TYPE', 'event.eligibility.allowed'],
  ])('B3: eligibility %s is a CspRulesError naming %s', (_, eligibility, code, field) => {
    const e = caught(() => transition(ANNUAL, change(eligibility), { now }));
    expect([e.code, e.field]).toEqual([code, field]);
  });

  it('B3 B1: an allowance for a shorter term (P1Y → P1M) is refused TERM_NOT_LONGER; for P3Y billed… P1M annually, NOT_A_PLAN', () => {
    const yes = allow('B3', 'ALLOWED', null);
    expect(
      refusal(
        transition(ANNUAL, { type: 'changeTermOrBilling', term: 'P1M', billing: 'monthly', eligibility: yes }, { now }),
      ),
    ).toEqual(['B3', 'TERM_NOT_LONGER', null]);
    expect(
      refusal(
        transition(MONTHLY, { type: 'changeTermOrBilling', term: 'P1M', billing: 'annual', eligibility: yes }, { now }),
      ),
    ).toEqual(['B1', 'NOT_A_PLAN', null]);
  });
});

describe('Issue 16 item 9 — T1 C15: untyped throws and accepted nonsense', () => {
  it('T1: now = Object.create(Date.prototype) is INVALID_INSTANT naming now (no bare TypeError)', () => {
    const e = caught(() => canCancel(MONTHLY, { now: Object.create(Date.prototype) as Date }));
    expect([e.code, e.field]).toEqual(['INVALID_INSTANT', 'now']);
  });

  it('T1: a Date whose getTime() is fractional (1705312800000.5) is INVALID_INSTANT, never a fractional until', () => {
    class HalfDate extends Date {
      override getTime(): number {
        return 1_705_312_800_000.5;
      }
    }
    const e = caught(() => canCancel(MONTHLY, { now: new HalfDate(0) }));
    expect([e.code, e.field]).toEqual(['INVALID_INSTANT', 'now']);
  });

  it('C15: fullRefundHours 169 longer than every 168 h window is INCONSISTENT; 48 h on a 24 h window ends with the window', () => {
    const e = caught(() => definePolicy({ programs: { 'nce-license': { fullRefundHours: 169 } } }));
    expect([e.code, e.field]).toEqual(['INCONSISTENT', 'policy.programs.nce-license.fullRefundHours']);
    // traditional-saas monthly: a 24 h window (C4); a 48 h tier from 2024-01-15T10:00Z ends with it at 2024-01-16T10:00Z.
    const policy = definePolicy({ programs: { 'traditional-saas': { refund: 'prorated', fullRefundHours: 48 } } });
    const d = canCancel(
      {
        program: 'traditional-saas',
        term: 'P1Y',
        billing: 'monthly',
        quantity: 5,
        purchasedAt: '2024-01-15T10:00:00Z',
      },
      { now: '2024-01-15T11:00:00Z', policy },
    );
    expect(d.allowed && [d.until, d.fullRefundUntil]).toEqual([at('2024-01-16T10:00:00Z'), at('2024-01-16T10:00:00Z')]);
  });

  it('T1: a 1 MB unknown key is echoed cut to 61 characters and "..." in the field and the message', () => {
    const key = 'k'.repeat(1_000_000);
    const e = caught(() => toSubscription({ ...MONTHLY, [key]: 1 } as SubscriptionInput));
    const shown = `"${'k'.repeat(61)}..."`;
    expect([e.code, e.field]).toEqual(['UNKNOWN_FIELD', shown]);
    expect(e.message.startsWith(`${shown}: `)).toBe(true);
    expect(e.message.length).toBeLessThan(200);
  });
});

describe('Issue 16 item 10 — B3 TR4: event fields are read as own properties only', () => {
  it('B3 TR4: with Object.prototype.eligibility an allowance, a refused term change and a 1-seat trial conversion stay refused', () => {
    const proto = Object.prototype as Record<string, unknown>;
    proto['eligibility'] = allow('B3', 'ALLOWED', null);
    try {
      // B3: P1Y → P1M is a shorter term (the table's refusal, TERM_NOT_LONGER).
      const term = transition(
        ANNUAL,
        { type: 'changeTermOrBilling', term: 'P1M', billing: 'monthly' },
        { now: '2024-01-20T10:00:00Z' },
      );
      expect(refusal(term)?.slice(0, 2)).toEqual(['B3', 'TERM_NOT_LONGER']);
      // TR4: a midterm conversion needs at least 25 seats.
      const trial = transition(
        { ...MONTHLY, trial: true, quantity: 25 },
        { type: 'convertTrial', quantity: 1 },
        { now: '2024-01-20T10:00:00Z' },
      );
      expect(refusal(trial)?.[0]).toBe('TR4');
    } finally {
      delete proto['eligibility'];
    }
  });
});

describe('Issue 16 item 11 — Q2: a reduction across many open batches releases exactly the seats asked (linear release)', () => {
  it('Q2: 2,000 one-seat batches added a second apart on 2024-01-15, reduced to 800 the next day: 800 one-seat batches remain', () => {
    const purchase = at('2024-01-15T10:00:00Z');
    const seatBatches = Array.from({ length: 2000 }, (_, i) => ({ quantity: 1, addedAt: purchase + i * 1000 }));
    const sub: SubscriptionInput = { ...ANNUAL, quantity: 2000, seatBatches };
    // Q2: every batch is within its 7-day window on 2024-01-16, so 1,200 seats are released.
    const r = transition(sub, { type: 'changeQuantity', quantity: 800 }, { now: '2024-01-16T10:00:00Z' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect([r.next.quantity, r.next.seatBatches.length, r.next.seatBatches.every((b) => b.quantity === 1)]).toEqual([
      800,
      800,
      true,
    ]);
  });
});
