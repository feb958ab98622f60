import { describe, expect, it } from 'vitest';
import { canIncreaseSeats } from '../src/decisions/seatIncrease.js';
import type { SubscriptionInput } from '../src/snapshot/subscription.js';

const at = (iso: string): number => Date.parse(iso);

const sub: SubscriptionInput = {
  program: 'nce-license',
  term: 'P1M',
  billing: 'monthly',
  quantity: 3,
  purchasedAt: '2024-01-31T10:00:00Z',
};

describe('Q1 seats can be added at any time while active', () => {
  it('is allowed with no deadline while the subscription auto-renews', () => {
    expect(canIncreaseSeats(sub, { now: '2024-02-20T00:00:00Z' })).toEqual({
      allowed: true,
      rule: 'Q1',
      reason: 'ALLOWED',
      until: null,
      assumptions: [],
      warnings: [],
    });
  });

  it('R5: is allowed until the term ends when auto-renew is off (2024-01-31 P1M ends 2024-02-28)', () => {
    expect(canIncreaseSeats({ ...sub, autoRenew: false }, { now: '2024-02-20T00:00:00Z' })).toMatchObject({
      allowed: true,
      until: at('2024-02-29T00:00:00Z'),
    });
  });

  it('R4: warns that a 409 is likely on the renewal day', () => {
    expect(canIncreaseSeats(sub, { now: '2024-02-29T00:00:00Z' }).warnings).toEqual(['RENEWAL_IN_PROGRESS']);
    expect(canIncreaseSeats(sub, { now: '2024-02-28T23:59:59.999Z' }).warnings).toEqual([]);
  });
});

describe('Q7, Q9, Q10, C3: when seats cannot be added', () => {
  it('Q7 trial', () => {
    expect(canIncreaseSeats({ ...sub, trial: true }, { now: '2024-02-01T00:00:00Z' })).toMatchObject({
      allowed: false,
      rule: 'Q7',
      reason: 'TRIAL_QUANTITY_LOCKED',
    });
  });
  it('Q9 SoftwareOne: a new subscription under the same agreement instead', () => {
    expect(canIncreaseSeats({ ...sub, program: 'softwareone' }, { now: '2024-02-01T00:00:00Z' })).toMatchObject({
      allowed: false,
      rule: 'Q9',
      reason: 'NEW_SUBSCRIPTION_REQUIRED',
      opensAt: null,
    });
  });
  it('Q10 suspended', () => {
    expect(canIncreaseSeats({ ...sub, status: 'suspended' }, { now: '2024-02-01T00:00:00Z' })).toMatchObject({
      allowed: false,
      rule: 'Q10',
      reason: 'NOT_ACTIVE',
    });
  });
  it('C3 deleted', () => {
    expect(canIncreaseSeats({ ...sub, status: 'deleted' }, { now: '2024-02-01T00:00:00Z' })).toMatchObject({
      allowed: false,
      rule: 'C3',
      reason: 'TERMINATED',
    });
  });
});
