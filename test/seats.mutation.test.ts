import { describe, expect, it } from 'vitest';
import { planSeatReduction, reducibleSeats } from '../src/decisions/seats.js';
import type { SubscriptionInput } from '../src/snapshot/subscription.js';

// Mutation tests of seats.ts: whole answers.
const at = (iso: string): number => Date.parse(iso);
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

describe('Q2 Q4 reducibleSeats with batches given in any order', () => {
  it('Q4: batches listed newest first come back closing-first; until is the latest close; total 15 − 1 kept', () => {
    expect(reducibleSeats(newestFirst, { now })).toEqual({
      allowed: true,
      rule: 'Q2',
      reason: 'WITHIN_WINDOW',
      until: NEW.until,
      assumptions: [],
      warnings: [],
      total: 14,
      batches: [OLD, NEW],
    });
  });
});

describe('Q1 Q2 Q5 planSeatReduction, whole answers', () => {
  it('Q2 Q5: 2 seats come from the newest batch only; act by its close 2024-01-25T00:00Z', () => {
    expect(planSeatReduction(newestFirst, { targetQuantity: 13, now })).toEqual({
      allowed: true,
      rule: 'Q2',
      reason: 'WITHIN_WINDOW',
      until: NEW.until,
      assumptions: [],
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
      reason: 'WITHIN_WINDOW',
      until: NEW.until,
      assumptions: [],
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
      reason: 'WITHIN_WINDOW',
      until: OLD.until,
      assumptions: [],
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
      reason: 'NOTHING_TO_REDUCE',
      until: null,
      assumptions: [],
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
