/**
 * A snapshot's changes and its inverse: withChanges (validated), deriveSnapshot (the lifecycle
 * machine's fast path for simple facts) and toInput (the exact keys it writes).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ASSUMPTIONS } from '../../src/core/decision.js';
import { PROGRAMS } from '../../src/policy/programs.js';
import { deriveSnapshot, toInput, withChanges } from '../../src/snapshot/changes.js';
import { STATUSES, toSubscription, type SubscriptionInput } from '../../src/snapshot/subscription.js';
import { billingArb, instantArb, MAX_INSTANT, termArb } from '../support/arbitraries.js';
import { caught, errorOf } from '../support/caught.js';
import { DAY, dayText } from '../support/time.js';

const BASE = {
  program: 'nce-license',
  term: 'P1Y',
  billing: 'monthly',
  quantity: 15,
  purchasedAt: '2024-01-15T09:30:12Z',
} as const satisfies SubscriptionInput;
const PURCHASE = 1_705_311_012_000; // 2024-01-15T09:30:12.000Z

const sub = (input: Record<string, unknown>): ReturnType<typeof toSubscription> =>
  toSubscription(input as unknown as SubscriptionInput);

/** A valid SubscriptionInput of any shape: first or renewed term, known or unknown completion, batches, changes. */
const inputArb: fc.Arbitrary<SubscriptionInput> = fc
  .record({
    program: fc.constantFrom(...PROGRAMS),
    status: fc.constantFrom(...STATUSES),
    term: termArb,
    billing: billingArb,
    // C2: a live subscription has at least one seat (every status here may become active).
    quantity: fc.integer({ min: 1, max: 10_000 }),
    purchase: instantArb.filter((t) => t <= MAX_INSTANT - 5 * 366 * DAY),
    form: fc.constantFrom('ms', 'iso', 'date'),
    start: fc.oneof(
      fc.constant<'first'>('first'),
      fc.integer({ min: 0, max: 3 * 366 * DAY }),
      fc.integer({ min: 0, max: 1100 }).map((days) => ({ days })),
    ),
    endDays: fc.option(fc.integer({ min: 0, max: 1200 }), { nil: undefined }),
    batchOffsets: fc.option(
      fc.array(
        fc.tuple(
          fc.integer({ min: 1, max: 500 }),
          fc.integer({ min: 0, max: 400 * DAY }),
          // Q2: a reported deadline, after the addition, or none.
          fc.option(fc.integer({ min: 1, max: 10 * DAY }), { nil: undefined }),
        ),
        { maxLength: 4 },
      ),
      { nil: undefined },
    ),
    optional: fc.record(
      {
        id: fc.string(),
        offerName: fc.option(fc.string()),
        autoRenew: fc.boolean(),
        trial: fc.boolean(),
        promotionId: fc.option(fc.string()),
        isReturnable: fc.boolean(),
        parentSubscriptionId: fc.option(fc.string()),
        nextChargeBilling: fc.option(billingArb),
        updateCount: fc.option(fc.nat(100)),
        // The caller's assumptions (e.g. the Partner Center adapter's), repeated codes included.
        assumptions: fc.option(fc.array(fc.constantFrom(...ASSUMPTIONS), { maxLength: 4 })),
        scheduledChange: fc.option(
          fc.record(
            {
              quantity: fc.integer({ min: 1, max: 500 }),
              term: termArb,
              billing: billingArb,
              offerName: fc.string(),
              // T1: dates from 2000-01-01 (day 10 957) on.
              customTermEndDate: fc.integer({ min: 10_957, max: 60_000 }).map(dayText),
            },
            { requiredKeys: [] },
          ),
        ),
      },
      { requiredKeys: [] },
    ),
    windowFrom: fc.option(fc.integer({ min: 0, max: 30 * DAY }), { nil: undefined }),
  })
  // B1: a plan bills at most once per term (P1M is billed monthly, P1Y monthly or annually).
  .filter((r) => r.term === 'P3Y' || r.billing === 'monthly' || (r.term === 'P1Y' && r.billing === 'annual'))
  // B1 for the next term too: a pending billing within the term, a scheduled plan that is a plan
  // (a trial renews as P1Y billed monthly, TR2); S1: a saved change names something.
  .filter((r) => {
    const months = { monthly: 1, annual: 12, triennial: 36 } as const;
    const termMonths = { P1M: 1, P1Y: 12, P3Y: 36 } as const;
    const o = r.optional;
    if (o.nextChargeBilling != null && months[o.nextChargeBilling] > termMonths[r.term]) return false;
    const sc = o.scheduledChange;
    if (sc == null) return true;
    if (Object.values(sc).every((v) => v === undefined)) return false;
    if (sc.term === undefined && sc.billing === undefined) return true;
    const term = sc.term ?? (o.trial === true ? 'P1Y' : r.term);
    const billing = sc.billing ?? o.nextChargeBilling ?? (o.trial === true ? 'monthly' : r.billing);
    return months[billing] <= termMonths[term];
  })
  .map((r) => {
    const at = (t: number) => (r.form === 'ms' ? t : r.form === 'date' ? new Date(t) : new Date(t).toISOString());
    const purchaseDay = Math.floor(r.purchase / DAY);
    const startDay =
      r.start === 'first'
        ? purchaseDay
        : typeof r.start === 'number'
          ? Math.floor((r.purchase + r.start) / DAY)
          : purchaseDay + r.start.days;
    // Q2: the batches never hold more seats than the subscription has.
    const batchSeats = (r.batchOffsets ?? []).reduce((sum, [q]) => sum + q, 0);
    const input: Record<string, unknown> = {
      ...r.optional,
      program: r.program,
      status: r.status,
      term: r.term,
      billing: r.billing,
      quantity: Math.max(r.quantity, batchSeats),
      purchasedAt: at(r.purchase),
    };
    if (typeof r.start === 'number') input['termStartedAt'] = at(r.purchase + r.start);
    if (typeof r.start === 'object') Object.assign(input, { termStartedAt: null, termStartDate: dayText(startDay) });
    if (r.endDays !== undefined) input['termEndDate'] = dayText(startDay + r.endDays);
    if (r.batchOffsets !== undefined)
      input['seatBatches'] = r.batchOffsets.map(([quantity, offset, until]) => ({
        quantity,
        addedAt: at(r.purchase + offset),
        ...(until === undefined ? {} : { until: at(r.purchase + offset + until) }),
      }));
    if (r.windowFrom !== undefined) input['cancellationWindowFrom'] = at(r.purchase + r.windowFrom);
    return input as unknown as SubscriptionInput;
  });

describe('withChanges / toInput', () => {
  it('property: toSubscription(toInput(sub)) equals sub, and withChanges(sub, {}) too', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const sub = toSubscription(input);
        expect(toSubscription(toInput(sub))).toEqual(sub);
        expect(withChanges(sub, {})).toEqual(sub);
      }),
    );
  });

  it('property: withChanges changes exactly the given fact, makes a new frozen snapshot and leaves the old one', () => {
    fc.assert(
      fc.property(inputArb, fc.boolean(), fc.integer({ min: 1, max: 10_000 }), (input, autoRenew, extra) => {
        const sub = toSubscription(input);
        // Q2: never fewer seats than the batches hold.
        const quantity = sub.seatBatches.reduce((sum, b) => sum + b.quantity, 0) + extra;
        const before = { ...sub };
        const changed = withChanges(sub, { autoRenew, quantity });
        // R6: the end-of-term choice follows auto-renew (on → renew; off drops a renew choice);
        // principle 6: auto-renew given is no longer assumed.
        const choice = sub.endOfTermAction;
        const endOfTermAction = choice === null ? null : autoRenew ? 'renew' : choice === 'renew' ? null : choice;
        const assumptions = sub.assumptions.filter((a) => a !== 'AUTO_RENEW_ASSUMED');
        expect(changed).toEqual({ ...sub, autoRenew, quantity, endOfTermAction, assumptions });
        expect(Object.isFrozen(changed)).toBe(true);
        expect(changed).not.toBe(sub);
        expect(sub).toEqual(before);
      }),
    );
  });

  it('withChanges validates the changes like any input', () => {
    const sub = toSubscription(BASE);
    expect(caught(() => withChanges(sub, { quantity: -1 })).field).toBe('quantity');
    expect(caught(() => withChanges(sub, { termStartedAt: '2024-02-01T00:00:00' })).code).toBe('AMBIGUOUS_INSTANT');
    expect(caught(() => withChanges(sub, { termEndDate: '2024-01-14' })).code).toBe('INCONSISTENT');
  });

  it('toInput spells dates as YYYY-MM-DD and instants as epoch ms', () => {
    const input = toInput(
      toSubscription({ ...BASE, termStartedAt: null, termStartDate: '2025-01-15', termEndDate: '2026-01-14' }),
    );
    expect(input).toMatchObject({
      purchasedAt: PURCHASE,
      termStartedAt: null,
      termStartDate: '2025-01-15',
      termEndDate: '2026-01-14',
    });
  });

  it('no id key without an id; termStartDate only for an unknown completion (R3)', () => {
    const input = toInput(sub({ ...BASE }));
    expect(Object.keys(input)).toEqual([
      'offerName',
      'program',
      'status',
      'term',
      'billing',
      'quantity',
      'purchasedAt',
      'termStartedAt',
      'termEndDate',
      'autoRenew',
      'trial',
      'promotionId',
      'isReturnable',
      'parentSubscriptionId',
      'cancellationWindowFrom',
      'scheduledChange',
      'nextChargeBilling',
      'updateCount',
    ]);
    expect(input.scheduledChange).toBeNull();
    const renewed = toInput(
      sub({ ...BASE, id: 'S1', termStartedAt: null, termStartDate: '2025-01-15', termEndDate: '2026-01-14' }),
    );
    expect(renewed.id).toBe('S1');
    expect(renewed.termStartDate).toBe('2025-01-15');
    expect(renewed.termStartedAt).toBeNull();
  });

  it("TR1 C16 toInput writes the snapshot's assumptions last, only when it has some; they read back the same", () => {
    // TR1: a trial without an end date; C16: nce-software without isReturnable.
    const trial = sub({ ...BASE, trial: true });
    const input = toInput(trial);
    expect(Object.keys(input).at(-1)).toBe('assumptions');
    expect(input.assumptions).toEqual(['TRIAL_END_ASSUMED']);
    // The end day is written out (2024-01-15 + 29 days = 2024-02-13) and the assumption kept with it.
    expect(input.termEndDate).toBe('2024-02-13');
    expect(toSubscription(input)).toEqual(trial);
    const software = toInput(sub({ ...BASE, program: 'nce-software', assumptions: ['AUTO_RENEW_ASSUMED'] }));
    expect(software.assumptions).toEqual(['AUTO_RENEW_ASSUMED', 'RETURNABLE_ASSUMED']);
    expect('assumptions' in toInput(sub({ ...BASE }))).toBe(false);
  });

  it('S1 a scheduled change keeps only the fields it has', () => {
    const only = (change: Record<string, unknown>): unknown =>
      toInput(sub({ ...BASE, scheduledChange: change })).scheduledChange;
    expect(only({ quantity: 3 })).toStrictEqual({ quantity: 3 });
    expect(only({ term: 'P1M' })).toStrictEqual({ term: 'P1M' });
    expect(only({ billing: 'annual' })).toStrictEqual({ billing: 'annual' });
    expect(only({ offerName: 'Microsoft 365 E5' })).toStrictEqual({ offerName: 'Microsoft 365 E5' });
    expect(only({ customTermEndDate: '2025-06-30' })).toStrictEqual({ customTermEndDate: '2025-06-30' });
  });

  it('a JSON __proto__ key is a field of the changes, so it is refused as unknown', () => {
    expect(caught(() => withChanges(BASE, JSON.parse('{"__proto__": {"quantity": 1}}') as never)).code).toBe(
      'UNKNOWN_FIELD',
    );
    expect(withChanges(BASE, { quantity: 4 }).quantity).toBe(4);
  });
});

describe("deriveSnapshot (the lifecycle machine's fast path) equals withChanges for simple facts", () => {
  it('property: same snapshot as the validated path, frozen and trusted', () => {
    fc.assert(
      fc.property(
        inputArb,
        fc.record(
          {
            status: fc.constantFrom(...STATUSES),
            autoRenew: fc.boolean(),
            nextChargeBilling: fc.option(billingArb, { nil: null }),
            scheduledChange: fc.constant(null),
          },
          { requiredKeys: [] },
        ),
        (input, facts) => {
          let sub;
          try {
            sub = toSubscription(input);
          } catch {
            return; // inputArb may build contradictory inputs; only valid snapshots are derived
          }
          let slow;
          try {
            slow = withChanges(sub, facts);
          } catch (error) {
            // B1: a pending billing the next term can't have is refused on both paths, alike.
            expect(caught(() => deriveSnapshot(sub, facts))).toEqual(error);
            return;
          }
          const fast = deriveSnapshot(sub, facts);
          expect(fast).toEqual(slow);
          expect(Object.isFrozen(fast)).toBe(true);
          expect(toSubscription(fast)).toBe(fast);
        },
      ),
    );
  });

  it('refuses anything but the simple facts', () => {
    const sub = toSubscription(BASE);
    expect(() => deriveSnapshot(sub, { quantity: 3 } as never)).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_FIELD', field: 'quantity' }),
    );
    expect(() => deriveSnapshot(sub, { status: 'paused' as never })).toThrow(
      expect.objectContaining({ code: 'INVALID_ENUM', field: 'status' }),
    );
  });

  const s = sub({ ...BASE, scheduledChange: { quantity: 3 } });
  it('anything but status, autoRenew, nextChargeBilling and a cleared scheduled change is refused', () => {
    expect(errorOf(() => deriveSnapshot(s, { quantity: 3 } as never))).toEqual({
      code: 'UNKNOWN_FIELD',
      field: 'quantity',
      message: 'quantity: is not a simple fact',
    });
    expect(caught(() => deriveSnapshot(s, { scheduledChange: { quantity: 4 } } as never)).field).toBe(
      'scheduledChange',
    );
    expect(deriveSnapshot(s, { scheduledChange: null }).scheduledChange).toBeNull();
    // Clearing the scheduled change does not let another fact through.
    expect(caught(() => deriveSnapshot(s, { quantity: 3, scheduledChange: null } as never)).field).toBe('quantity');
    expect(deriveSnapshot(s, {}).scheduledChange).toEqual(s.scheduledChange);
  });
  it('each fact is checked under its own name', () => {
    expect(caught(() => deriveSnapshot(s, { autoRenew: 'no' } as never)).field).toBe('autoRenew');
    expect(caught(() => deriveSnapshot(s, { nextChargeBilling: 'weekly' } as never)).field).toBe('nextChargeBilling');
    expect(deriveSnapshot(s, { nextChargeBilling: 'annual' }).nextChargeBilling).toBe('annual');
    expect(deriveSnapshot(s, { nextChargeBilling: null }).nextChargeBilling).toBeNull();
  });
});
