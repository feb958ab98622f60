import { describe, expect, it } from 'vitest';
import { canIncreaseSeats } from '../../src/decisions/seatIncrease.js';
import type { SubscriptionInput } from '../../src/snapshot/subscription.js';
import { checkUpdateLimit } from '../../src/decisions/updateLimit.js';
import { caught } from '../support/caught.js';

const sub: SubscriptionInput = {
  program: 'nce-license',
  term: 'P1Y',
  billing: 'monthly',
  quantity: 10,
  purchasedAt: '2024-01-15T09:30:12Z',
};
/** Inside the first term, before 2024-07-01: the baseline rules (2023-10-19). */
const now = '2024-02-01T00:00:00Z';

describe('Q6 errors after more than 1,200 updates to one subscription', () => {
  it('is under the limit at 1,199 updates and reached at 1,200', () => {
    expect(checkUpdateLimit({ ...sub, updateCount: 1199 }, { now })).toMatchObject({
      allowed: true,
      rule: 'Q6',
      reason: 'UNDER_LIMIT',
    });
    expect(checkUpdateLimit({ ...sub, updateCount: 1200 }, { now })).toMatchObject({
      allowed: false,
      rule: 'Q6',
      reason: 'UPDATE_LIMIT_REACHED',
      opensAt: null,
    });
  });
  // Q6 (catalogue): "An unknown count is taken as under the limit, with the assumption
  // UPDATE_COUNT_ASSUMED_UNDER_LIMIT" — never UNDER_LIMIT as a fact.
  it('Q6: an unknown count is taken as under the limit, and says so (UPDATE_COUNT_ASSUMED_UNDER_LIMIT)', () => {
    const whole = {
      allowed: true,
      rule: 'Q6',
      policyVersion: '2023-10-19',
      reason: 'UNDER_LIMIT',
      until: null,
      assumptions: ['UPDATE_COUNT_ASSUMED_UNDER_LIMIT'],
      warnings: [],
    };
    expect(checkUpdateLimit(sub, { now })).toEqual(whole);
    expect(checkUpdateLimit({ ...sub, updateCount: null }, { now })).toEqual(whole);
  });
  it('Q6: a known count assumes nothing, under or over the limit', () => {
    expect(checkUpdateLimit({ ...sub, updateCount: 0 }, { now })).toEqual({
      allowed: true,
      rule: 'Q6',
      policyVersion: '2023-10-19',
      reason: 'UNDER_LIMIT',
      until: null,
      assumptions: [],
      warnings: [],
    });
    expect(checkUpdateLimit({ ...sub, updateCount: 1200 }, { now }).assumptions).toEqual([]);
  });
  it("Q6: the snapshot's own assumptions come first (a trial's assumed end, TR1)", () => {
    expect(checkUpdateLimit({ ...sub, trial: true }, { now }).assumptions).toEqual([
      'TRIAL_END_ASSUMED',
      'UPDATE_COUNT_ASSUMED_UNDER_LIMIT',
    ]);
  });
  it('Q6: the limit is the same under every version; the answer names the version of its now', () => {
    // 2025-06-01 is governed by the changes of 2025-04-01 (billing), which leave Q6 as it was.
    expect(checkUpdateLimit({ ...sub, updateCount: 1200 }, { now: '2025-06-01T00:00:00Z' })).toEqual({
      allowed: false,
      rule: 'Q6',
      policyVersion: '2025-04-01',
      reason: 'UPDATE_LIMIT_REACHED',
      opensAt: null,
      assumptions: [],
      warnings: [],
    });
    const e = caught(() => checkUpdateLimit(sub, undefined as never));
    expect([e.code, e.field]).toEqual(['INVALID_TYPE', 'options']);
  });
  it('adding seats warns when the limit is reached (the remedy: a second subscription)', () => {
    expect(canIncreaseSeats({ ...sub, updateCount: 1500 }, { now: '2024-02-01T00:00:00Z' })).toMatchObject({
      allowed: true,
      warnings: ['UPDATE_LIMIT_REACHED'],
    });
    expect(canIncreaseSeats({ ...sub, updateCount: 10 }, { now: '2024-02-01T00:00:00Z' }).warnings).toEqual([]);
  });
});
