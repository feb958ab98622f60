import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { definePolicy } from '../../src/policy/policy.js';
import { planSeatReduction, reducibleSeats } from '../../src/decisions/seats.js';
import type { SubscriptionInput } from '../../src/snapshot/subscription.js';
import { at } from '../support/time.js';

const H = 3_600_000;

/** partner-center.md's example: 10 seats bought 2024-01-15T09:30:12Z, 5 more on 2024-03-10T14:02:45Z. */
const twoBatches: SubscriptionInput = {
  program: 'nce-license',
  term: 'P1Y',
  billing: 'monthly',
  quantity: 15,
  purchasedAt: '2024-01-15T09:30:12Z',
  seatBatches: [
    { quantity: 10, addedAt: '2024-01-15T09:30:12Z' },
    { quantity: 5, addedAt: '2024-03-10T14:02:45Z' },
  ],
};

/** Both batches open at once: 10 at purchase, 5 three days later. */
const overlapping: SubscriptionInput = {
  ...twoBatches,
  seatBatches: [
    { quantity: 10, addedAt: '2024-01-15T09:30:12Z' },
    { quantity: 5, addedAt: '2024-01-18T00:00:00Z' },
  ],
};

// 15 seats: 10 at purchase 2024-01-15T09:30:12Z, 5 on 2024-01-18T00:00Z — listed NEWEST FIRST on purpose.
const newestFirst: SubscriptionInput = {
  program: 'nce-license',
  term: 'P1Y',
  billing: 'monthly',
  quantity: 15,
  purchasedAt: '2024-01-15T09:30:12Z',
  seatBatches: [
    { quantity: 5, addedAt: '2024-01-18T00:00:00Z' },
    { quantity: 10, addedAt: '2024-01-15T09:30:12Z' },
  ],
};
const now = '2024-01-19T00:00:00Z';

// Windows (7 × 24 h): the 10-seat batch until 2024-01-22T09:30:12Z, the 5-seat batch until 2024-01-25T00:00Z.
const OLD = { quantity: 10, addedAt: at('2024-01-15T09:30:12Z'), until: at('2024-01-22T09:30:12Z') };
const NEW = { quantity: 5, addedAt: at('2024-01-18T00:00:00Z'), until: at('2024-01-25T00:00:00Z') };

describe('Q2 each batch of seats is reducible for 7 d from when it was added', () => {
  it('counts only the batch added on 2024-03-10, until 2024-03-17T14:02:45Z exclusive', () => {
    expect(reducibleSeats(twoBatches, { now: '2024-03-17T14:02:44.999Z' })).toMatchObject({
      allowed: true,
      rule: 'Q2',
      policyVersion: '2023-10-19',
      reason: 'WITHIN_WINDOW',
      until: at('2024-03-17T14:02:45Z'),
      total: 5,
      batches: [{ quantity: 5, addedAt: at('2024-03-10T14:02:45Z'), until: at('2024-03-17T14:02:45Z') }],
    });
  });

  it('never reduces below one seat by default (Partner Center cancels rather than reduce to 0)', () => {
    const one: SubscriptionInput = {
      ...twoBatches,
      quantity: 10,
      seatBatches: [{ quantity: 10, addedAt: '2024-01-15T09:30:12Z' }],
    };
    expect(reducibleSeats(one, { now: '2024-01-16T00:00:00Z' }).total).toBe(9);
    expect(
      reducibleSeats(one, { now: '2024-01-16T00:00:00Z', policy: definePolicy({ keepOneSeat: false }) }).total,
    ).toBe(10);
  });

  it('refuses with LAST_SEAT when the only seat left is in an open batch', () => {
    const single: SubscriptionInput = {
      ...twoBatches,
      quantity: 1,
      seatBatches: [{ quantity: 1, addedAt: '2024-01-15T09:30:12Z' }],
    };
    expect(reducibleSeats(single, { now: '2024-01-16T00:00:00Z' })).toMatchObject({
      allowed: false,
      rule: 'Q2',
      policyVersion: '2023-10-19',
      reason: 'LAST_SEAT',
      total: 0,
    });
  });

  it('assumes one batch of the whole quantity at the term start when batches are unknown, and says so', () => {
    const { seatBatches: _omitted, ...rest } = twoBatches;
    const d = reducibleSeats(rest, { now: '2024-01-16T00:00:00Z' });
    expect(d).toMatchObject({
      allowed: true,
      total: 14,
      // 15 seats assumed open, one kept by the policy (Q2): both are assumptions.
      assumptions: ['SEAT_BATCHES_ASSUMED', 'ONE_SEAT_KEPT'],
      until: at('2024-01-22T09:30:12Z'),
    });
  });

  it('property: total = min(Σ batches with now ∈ [addedAt, addedAt + 168 h), quantity − 1)', () => {
    const base = at('2024-02-25T00:00:00Z');
    const batch = fc.record({
      quantity: fc.integer({ min: 1, max: 50 }),
      offset: fc.integer({ min: 0, max: 30 * 24 * H }),
    });
    fc.assert(
      fc.property(
        fc.array(batch, { minLength: 1, maxLength: 20 }),
        fc.integer({ min: 0, max: 40 * 24 * H }),
        (batches, nowOffset) => {
          const quantity = batches.reduce((s, b) => s + b.quantity, 0);
          const now = base + nowOffset;
          const sub: SubscriptionInput = {
            ...twoBatches,
            purchasedAt: base,
            quantity,
            seatBatches: batches.map((b) => ({ quantity: b.quantity, addedAt: base + b.offset })),
          };
          let open = 0;
          for (const b of batches) if (now >= base + b.offset && now < base + b.offset + 168 * H) open += b.quantity;
          const d = reducibleSeats(sub, { now });
          expect(d.total).toBe(Math.min(open, quantity - 1));
          expect(d.allowed).toBe(d.total > 0);
        },
      ),
    );
  });
});

describe('Q3 after a batch window closes, wait for the next renewal window', () => {
  it("refuses from the first instant after the window, opening at the renewal's completion (R3 bound)", () => {
    // R3: the next term's seats open when the renewal completes — unknown, so the policy's bound
    // (earliest: 00:00Z after the end date 2025-01-14), with its assumption.
    expect(reducibleSeats(twoBatches, { now: '2024-03-17T14:02:45Z' })).toEqual({
      allowed: false,
      rule: 'Q3',
      policyVersion: '2023-10-19',
      reason: 'NO_OPEN_BATCH',
      opensAt: at('2025-01-15T00:00:00Z'),
      assumptions: ['RENEWAL_COMPLETION_ASSUMED_EARLIEST'],
      warnings: [],
      total: 0,
      batches: [],
    });
  });
});

describe('Q4 view licenses to reduce: total and per batch quantity and deadline', () => {
  it('lists every open batch, the one closing first first, with until = the last closing', () => {
    const d = reducibleSeats(overlapping, { now: '2024-01-19T00:00:00Z' });
    expect(d.total).toBe(14);
    expect(d.batches).toEqual([
      { quantity: 10, addedAt: at('2024-01-15T09:30:12Z'), until: at('2024-01-22T09:30:12Z') },
      { quantity: 5, addedAt: at('2024-01-18T00:00:00Z'), until: at('2024-01-25T00:00:00Z') },
    ]);
    expect(d.allowed && d.until).toBe(at('2024-01-25T00:00:00Z'));
  });

  it('Q4: batches listed newest first come back closing-first; until is the latest close; total 15 − 1 kept', () => {
    expect(reducibleSeats(newestFirst, { now })).toEqual({
      allowed: true,
      rule: 'Q2',
      policyVersion: '2023-10-19',
      reason: 'WITHIN_WINDOW',
      until: NEW.until,
      assumptions: ['ONE_SEAT_KEPT'],
      warnings: [],
      total: 14,
      batches: [OLD, NEW],
    });
  });
});

describe('Q7, Q8, Q10 and C3: no reduction for trials, software, inactive and cancelled subscriptions', () => {
  it('Q7 trial', () => {
    expect(reducibleSeats({ ...twoBatches, trial: true }, { now: '2024-01-16T00:00:00Z' })).toMatchObject({
      allowed: false,
      rule: 'Q7',
      policyVersion: '2023-10-19',
      reason: 'TRIAL_QUANTITY_LOCKED',
    });
  });
  it('Q8 new-commerce software subscription', () => {
    expect(reducibleSeats({ ...twoBatches, program: 'nce-software' }, { now: '2024-01-16T00:00:00Z' })).toMatchObject({
      allowed: false,
      rule: 'Q8',
      policyVersion: '2023-10-19',
      reason: 'NOT_SUPPORTED',
    });
  });
  it('C2 no partial return of a BSS asset', () => {
    expect(reducibleSeats({ ...twoBatches, program: 'bss-software' }, { now: '2024-01-16T00:00:00Z' })).toMatchObject({
      allowed: false,
      rule: 'C2',
      policyVersion: '2023-10-19',
      reason: 'NOT_SUPPORTED',
    });
  });
  it.each(['suspended', 'expired', 'disabled', 'pending'] as const)('Q10 %s', (status) => {
    expect(reducibleSeats({ ...twoBatches, status }, { now: '2024-01-16T00:00:00Z' })).toMatchObject({
      allowed: false,
      rule: 'Q10',
      policyVersion: '2023-10-19',
      reason: 'NOT_ACTIVE',
    });
  });
  it('C3 cancelled', () => {
    expect(reducibleSeats({ ...twoBatches, status: 'cancelled' }, { now: '2024-01-16T00:00:00Z' })).toMatchObject({
      allowed: false,
      rule: 'C3',
    });
  });
});

describe('planSeatReduction (Q2, Q3, Q5): which batches to release, act-by instant, refund', () => {
  it('releases from the newest batch first and gives its deadline', () => {
    expect(planSeatReduction(twoBatches, { targetQuantity: 12, now: '2024-03-12T00:00:00Z' })).toMatchObject({
      allowed: true,
      rule: 'Q2',
      until: at('2024-03-17T14:02:45Z'),
      reduceBy: 3,
      release: [{ quantity: 3, addedAt: at('2024-03-10T14:02:45Z'), until: at('2024-03-17T14:02:45Z') }],
      reducibleNow: 5,
      refund: 'prorated',
    });
  });

  it('spans batches when needed; act by the earliest deadline among them', () => {
    const d = planSeatReduction(overlapping, { targetQuantity: 3, now: '2024-01-19T00:00:00Z' });
    expect(d).toMatchObject({ allowed: true, until: at('2024-01-22T09:30:12Z'), reduceBy: 12 });
    expect(d.release).toEqual([
      { quantity: 5, addedAt: at('2024-01-18T00:00:00Z'), until: at('2024-01-25T00:00:00Z') },
      { quantity: 7, addedAt: at('2024-01-15T09:30:12Z'), until: at('2024-01-22T09:30:12Z') },
    ]);
  });

  it('Q3: refuses a target not reachable now and says when (the next renewal window)', () => {
    expect(planSeatReduction(twoBatches, { targetQuantity: 9, now: '2024-03-12T00:00:00Z' })).toMatchObject({
      allowed: false,
      rule: 'Q3',
      policyVersion: '2023-10-19',
      reason: 'INSUFFICIENT_REDUCIBLE_SEATS',
      opensAt: at('2025-01-15T00:00:00Z'),
      reducibleNow: 5,
      release: [],
      refund: 'none',
    });
  });

  it('answers the edge targets: equal, above, zero', () => {
    expect(planSeatReduction(twoBatches, { targetQuantity: 15, now: '2024-03-12T00:00:00Z' })).toMatchObject({
      allowed: true,
      reason: 'NOTHING_TO_REDUCE',
      until: null,
    });
    expect(planSeatReduction(twoBatches, { targetQuantity: 16, now: '2024-03-12T00:00:00Z' })).toMatchObject({
      allowed: false,
      reason: 'NOT_A_REDUCTION',
    });
    expect(planSeatReduction(twoBatches, { targetQuantity: 0, now: '2024-03-12T00:00:00Z' })).toMatchObject({
      allowed: false,
      rule: 'C2',
      policyVersion: '2023-10-19',
      reason: 'USE_CANCEL',
    });
  });

  it('passes on the status refusal (Q7 trial)', () => {
    // TR1: the trial bought 2024-01-15 runs to 2024-02-13 (30 days): asked inside it.
    expect(
      planSeatReduction({ ...twoBatches, trial: true }, { targetQuantity: 12, now: '2024-01-20T00:00:00Z' }),
    ).toMatchObject({ allowed: false, rule: 'Q7', assumptions: ['TRIAL_END_ASSUMED'] });
  });

  it.each([-1, 2.5, Number.NaN, '12'])('rejects targetQuantity %s with INVALID_QUANTITY', (targetQuantity) => {
    expect(() =>
      planSeatReduction(twoBatches, { targetQuantity: targetQuantity as number, now: '2024-03-12T00:00:00Z' }),
    ).toThrow(expect.objectContaining({ code: 'INVALID_QUANTITY', field: 'targetQuantity' }));
  });

  it('property: allowed ⇔ quantity − target ≤ reducible now; the release sums to the reduction and fits its batches', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 15 }), fc.integer({ min: 0, max: 12 * 24 }), (target, hours) => {
        const now = at('2024-01-15T09:30:12Z') + hours * H;
        const view = reducibleSeats(overlapping, { now });
        const plan = planSeatReduction(overlapping, { targetQuantity: target, now });
        expect(plan.allowed).toBe(15 - target <= view.total);
        if (plan.allowed && target < 15) {
          expect(plan.release.reduce((s, r) => s + r.quantity, 0)).toBe(15 - target);
          for (const r of plan.release) {
            const from = view.batches.find((b) => b.addedAt === r.addedAt);
            expect(from !== undefined && r.quantity <= from.quantity && r.until === from.until).toBe(true);
          }
          expect(plan.until).toBe(Math.min(...plan.release.map((r) => r.until)));
        }
      }),
    );
  });

  it('Q2 Q5: 2 seats come from the newest batch only; act by its close 2024-01-25T00:00Z', () => {
    expect(planSeatReduction(newestFirst, { targetQuantity: 13, now })).toEqual({
      allowed: true,
      rule: 'Q2',
      policyVersion: '2023-10-19',
      reason: 'WITHIN_WINDOW',
      until: NEW.until,
      assumptions: ['ONE_SEAT_KEPT'], // reducibleNow 14 = 15 − the seat the policy keeps
      warnings: [],
      reduceBy: 2,
      release: [{ ...NEW, quantity: 2 }],
      reducibleNow: 14,
      refund: 'prorated',
    });
  });

  it('Q2 Q5: exactly the newest batch (5 seats): one release, nothing from the older one', () => {
    expect(planSeatReduction(newestFirst, { targetQuantity: 10, now })).toEqual({
      allowed: true,
      rule: 'Q2',
      policyVersion: '2023-10-19',
      reason: 'WITHIN_WINDOW',
      until: NEW.until,
      assumptions: ['ONE_SEAT_KEPT'], // reducibleNow 14 = 15 − the seat the policy keeps
      warnings: [],
      reduceBy: 5,
      release: [NEW],
      reducibleNow: 14,
      refund: 'prorated',
    });
  });

  it('Q2: 12 seats span both batches: 5 newest, then 7 older; act by the older close 2024-01-22T09:30:12Z', () => {
    expect(planSeatReduction(newestFirst, { targetQuantity: 3, now })).toEqual({
      allowed: true,
      rule: 'Q2',
      policyVersion: '2023-10-19',
      reason: 'WITHIN_WINDOW',
      until: OLD.until,
      assumptions: ['ONE_SEAT_KEPT'], // reducibleNow 14 = 15 − the seat the policy keeps
      warnings: [],
      reduceBy: 12,
      release: [NEW, { ...OLD, quantity: 7 }],
      reducibleNow: 14,
      refund: 'prorated',
    });
  });

  it('Q2: the target is the current quantity: allowed NOTHING_TO_REDUCE, no deadline', () => {
    expect(planSeatReduction(newestFirst, { targetQuantity: 15, now })).toEqual({
      allowed: true,
      rule: 'Q2',
      policyVersion: '2023-10-19',
      reason: 'NOTHING_TO_REDUCE',
      until: null,
      assumptions: ['ONE_SEAT_KEPT'], // reducibleNow 14 = 15 − the seat the policy keeps
      warnings: [],
      reduceBy: 0,
      release: [],
      reducibleNow: 14,
      refund: 'none',
    });
  });

  it('Q1: a target above the quantity is an increase: Q1 NOT_A_REDUCTION, reduceBy 0', () => {
    expect(planSeatReduction(newestFirst, { targetQuantity: 16, now })).toEqual({
      allowed: false,
      rule: 'Q1',
      policyVersion: '2023-10-19',
      reason: 'NOT_A_REDUCTION',
      opensAt: null,
      assumptions: [],
      warnings: [],
      reduceBy: 0,
      release: [],
      reducibleNow: 14,
      refund: 'none',
    });
  });
});

describe('seat errors: negative, fractional or missing quantities are typed errors', () => {
  it.each([
    [{ quantity: -1 }, 'quantity'],
    [{ quantity: 1.5 }, 'quantity'],
    [
      {
        seatBatches: [
          { quantity: 10, addedAt: '2024-01-15T09:30:12Z' },
          { quantity: 0, addedAt: '2024-03-10T14:02:45Z' },
        ],
      },
      'seatBatches[1].quantity',
    ],
    [{ seatBatches: [{ quantity: 10, addedAt: '2024-01-15T09:30:12' }] }, 'seatBatches[0].addedAt'],
  ])('%o → error on %s', (patch, field) => {
    expect(() =>
      reducibleSeats({ ...twoBatches, ...patch } as SubscriptionInput, { now: '2024-03-12T00:00:00Z' }),
    ).toThrow(expect.objectContaining({ field }));
  });
});

// Q2 (catalogue): "never more than the current quantity minus one if the subscription must keep a
// seat (policy option …). When the keep-one-seat cap lowers the total, the decision carries ONE_SEAT_KEPT."
describe('Q2 the keep-one-seat cap is an assumption when it lowers the total', () => {
  const one: SubscriptionInput = {
    ...twoBatches,
    quantity: 10,
    seatBatches: [{ quantity: 10, addedAt: '2024-01-15T09:30:12Z' }],
  };
  it('Q2: 10 seats open, 9 reducible: ONE_SEAT_KEPT; without the cap 10 and nothing assumed', () => {
    expect(reducibleSeats(one, { now: '2024-01-16T00:00:00Z' })).toMatchObject({
      total: 9,
      assumptions: ['ONE_SEAT_KEPT'],
    });
    expect(
      reducibleSeats(one, { now: '2024-01-16T00:00:00Z', policy: definePolicy({ keepOneSeat: false }) }),
    ).toMatchObject({ total: 10, assumptions: [] });
  });
  it('Q2: the cap does not bind (5 of 15 open, at most 14): nothing assumed', () => {
    expect(reducibleSeats(twoBatches, { now: '2024-03-12T00:00:00Z' })).toMatchObject({ total: 5, assumptions: [] });
  });
  it('Q2 C2: LAST_SEAT, the one seat kept, says so', () => {
    const single: SubscriptionInput = {
      ...twoBatches,
      quantity: 1,
      seatBatches: [{ quantity: 1, addedAt: '2024-01-15T09:30:12Z' }],
    };
    expect(reducibleSeats(single, { now: '2024-01-16T00:00:00Z' })).toEqual({
      allowed: false,
      rule: 'Q2',
      policyVersion: '2023-10-19',
      reason: 'LAST_SEAT',
      opensAt: null,
      assumptions: ['ONE_SEAT_KEPT'],
      warnings: [],
      total: 0,
      batches: [{ quantity: 1, addedAt: at('2024-01-15T09:30:12Z'), until: at('2024-01-22T09:30:12Z') }],
    });
  });
});

// Q2 (catalogue): "A deadline Partner Center reports for a batch (allowedUntilDateTime) bounds its
// window: never later than reported."
describe('Q2 Q4 a reported deadline bounds its batch: never later than reported', () => {
  const reported = (until: string): SubscriptionInput => ({
    ...twoBatches,
    seatBatches: [
      { quantity: 10, addedAt: '2024-01-15T09:30:12Z' },
      { quantity: 5, addedAt: '2024-03-10T14:02:45Z', until },
    ],
  });
  it('Q2: reported 2024-03-15T00:00Z, before addedAt + 168 h (2024-03-17T14:02:45Z): the window ends at the report, to the ms', () => {
    const s = reported('2024-03-15T00:00:00Z');
    expect(reducibleSeats(s, { now: '2024-03-14T23:59:59.999Z' })).toMatchObject({
      allowed: true,
      until: at('2024-03-15T00:00:00Z'),
      total: 5,
      batches: [{ quantity: 5, addedAt: at('2024-03-10T14:02:45Z'), until: at('2024-03-15T00:00:00Z') }],
    });
    expect(reducibleSeats(s, { now: '2024-03-15T00:00:00Z' })).toMatchObject({
      allowed: false,
      reason: 'NO_OPEN_BATCH',
    });
    expect(planSeatReduction(s, { now: '2024-03-14T12:00:00Z', targetQuantity: 12 })).toMatchObject({
      allowed: true,
      until: at('2024-03-15T00:00:00Z'),
    });
  });
  it('Q2: a reported deadline later than addedAt + 168 h never extends the window (T3)', () => {
    const s = reported('2024-03-20T00:00:00Z');
    expect(reducibleSeats(s, { now: '2024-03-17T14:02:44.999Z' })).toMatchObject({
      allowed: true,
      until: at('2024-03-17T14:02:45Z'),
    });
    expect(reducibleSeats(s, { now: '2024-03-17T14:02:45Z' })).toMatchObject({ allowed: false });
  });
});

// R3 (catalogue): "From the renewal's start until it completes (R2, R4), the new term's windows are
// open from its completion, by the same bound (with the assumption and the warning RENEWAL_IN_PROGRESS)".
// MCS "Increase or decrease licenses": each addition, a renewal included, has its own 7-day window (Q2).
describe("R3 R4 Q2 the renewal day: the whole quantity is one batch from the renewal's completion", () => {
  // twoBatches: P1Y bought 2024-01-15T09:30:12Z, end date 2025-01-14, renewal day 2025-01-15.
  it('R3 R4: from 00:00Z after the end date, 15 seats from 2025-01-15T00:00Z until 2025-01-22T00:00Z, 14 reducible', () => {
    expect(reducibleSeats(twoBatches, { now: '2025-01-15T00:00:00.000Z' })).toEqual({
      allowed: true,
      rule: 'Q2',
      policyVersion: '2024-07-01',
      reason: 'WITHIN_WINDOW',
      until: at('2025-01-22T00:00:00Z'),
      assumptions: ['RENEWAL_COMPLETION_ASSUMED_EARLIEST', 'ONE_SEAT_KEPT'],
      warnings: ['RENEWAL_IN_PROGRESS'],
      total: 14,
      batches: [{ quantity: 15, addedAt: at('2025-01-15T00:00:00Z'), until: at('2025-01-22T00:00:00Z') }],
    });
  });
  it('R3 R4 R2: to the ms: the last instant of the term has no open batch (opening 1 ms later), the last of the renewal day is open, then TERM_ENDED', () => {
    expect(reducibleSeats(twoBatches, { now: '2025-01-14T23:59:59.999Z' })).toMatchObject({
      allowed: false,
      reason: 'NO_OPEN_BATCH',
      opensAt: at('2025-01-15T00:00:00Z'),
      assumptions: ['RENEWAL_COMPLETION_ASSUMED_EARLIEST'],
      warnings: [],
    });
    expect(reducibleSeats(twoBatches, { now: '2025-01-15T23:59:59.999Z' })).toMatchObject({ allowed: true, total: 14 });
    expect(reducibleSeats(twoBatches, { now: '2025-01-16T00:00:00.000Z' })).toMatchObject({
      allowed: false,
      rule: 'R2',
      policyVersion: '2024-07-01',
      reason: 'TERM_ENDED',
      opensAt: null,
    });
  });
  it('R3 R4 Q5: a plan on the renewal day releases from that batch, act by 2025-01-22T00:00Z, with the 409 warning', () => {
    expect(planSeatReduction(twoBatches, { now: '2025-01-15T08:00:00Z', targetQuantity: 10 })).toEqual({
      allowed: true,
      rule: 'Q2',
      policyVersion: '2024-07-01',
      reason: 'WITHIN_WINDOW',
      until: at('2025-01-22T00:00:00Z'),
      assumptions: ['RENEWAL_COMPLETION_ASSUMED_EARLIEST', 'ONE_SEAT_KEPT'],
      warnings: ['RENEWAL_IN_PROGRESS'],
      reduceBy: 5,
      release: [{ quantity: 5, addedAt: at('2025-01-15T00:00:00Z'), until: at('2025-01-22T00:00:00Z') }],
      reducibleNow: 14,
      refund: 'prorated',
    });
  });
  it('Q3 R3: in the term a plan beyond the open seats opens with the next renewal, by the latest bound when the policy says so', () => {
    const policy = definePolicy({ unknownRenewalCompletion: 'latest' });
    expect(planSeatReduction(twoBatches, { targetQuantity: 9, now: '2024-03-12T00:00:00Z', policy })).toMatchObject({
      allowed: false,
      reason: 'INSUFFICIENT_REDUCIBLE_SEATS',
      opensAt: at('2025-01-16T00:00:00Z'),
      assumptions: ['RENEWAL_COMPLETION_ASSUMED_LATEST'],
    });
  });
  it('R5: auto-renew off: nothing renews, no opening is named', () => {
    expect(reducibleSeats({ ...twoBatches, autoRenew: false }, { now: '2024-03-17T14:02:45Z' })).toMatchObject({
      reason: 'NO_OPEN_BATCH',
      opensAt: null,
      assumptions: [],
    });
  });
});

// C12 R3: every assumption a decision rests on is listed, each code once (snapshot/assumed.ts
// merges "each once"): when no batch is open, the R3 bound of the next opening is the one the term
// already assumed, listed once by reducibleSeats and by planSeatReduction.
describe('R3 Q3 each assumption is listed once', () => {
  // Renewed 2025-01-15, completion unknown, batches unknown; every window closed on 2025-06-01.
  const renewed: SubscriptionInput = {
    program: 'nce-license',
    term: 'P1Y',
    billing: 'monthly',
    quantity: 15,
    purchasedAt: '2024-01-15T09:30:12Z',
    termStartedAt: null,
    termStartDate: '2025-01-15',
    termEndDate: '2026-01-14',
  };
  const codes = ['RENEWAL_COMPLETION_ASSUMED_EARLIEST', 'SEAT_BATCHES_ASSUMED'];
  it('R3 Q3: the set of assumptions is right (completion bound, assumed batch) and opens at 2026-01-15T00:00Z', () => {
    const d = reducibleSeats(renewed, { now: '2025-06-01T00:00:00Z' });
    expect(d).toMatchObject({ allowed: false, reason: 'NO_OPEN_BATCH', opensAt: at('2026-01-15T00:00:00Z') });
    expect([...new Set(d.assumptions)]).toEqual(codes);
  });
  it('R3 Q3: reducibleSeats lists each code once', () => {
    expect(reducibleSeats(renewed, { now: '2025-06-01T00:00:00Z' }).assumptions).toEqual(codes);
  });
  it('R3 Q3: planSeatReduction lists each code once', () => {
    expect(planSeatReduction(renewed, { now: '2025-06-01T00:00:00Z', targetQuantity: 10 }).assumptions).toEqual(codes);
  });
});

// R3 (catalogue): during the renewal "the new term's windows are open from its completion, by the
// same bound". With the latest bound the renewal's batch opens 24 h after the renewal starts, as
// canCancel says (WINDOW_NOT_OPEN until 2025-01-16T00:00Z): reducibleSeats names that opening.
describe('R3 R4 Q3 the renewal day under the latest bound', () => {
  const policy = definePolicy({ unknownRenewalCompletion: 'latest' });
  it('R3 R4: no seat is reducible before the latest completion, with the assumption and the 409 warning', () => {
    expect(reducibleSeats(twoBatches, { now: '2025-01-15T06:00:00Z', policy })).toMatchObject({
      allowed: false,
      reason: 'NO_OPEN_BATCH',
      total: 0,
      assumptions: ['RENEWAL_COMPLETION_ASSUMED_LATEST'],
      warnings: ['RENEWAL_IN_PROGRESS'],
    });
  });
  it('R3 R4: the renewal’s batch opens at 2025-01-16T00:00Z', () => {
    expect(reducibleSeats(twoBatches, { now: '2025-01-15T06:00:00Z', policy })).toMatchObject({
      opensAt: at('2025-01-16T00:00:00Z'),
    });
  });
});
