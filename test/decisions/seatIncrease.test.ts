/**
 * Q1 seat increases; the whole decisions (every field) worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import { canIncreaseSeats } from '../../src/decisions/seatIncrease.js';
import { definePolicy } from '../../src/policy/policy.js';
import type { SubscriptionInput } from '../../src/snapshot/subscription.js';
import { caught } from '../support/caught.js';
import { at } from '../support/time.js';

// P1M bought 2024-01-31: term end date 2024-02-28 (T2), renewal day 2024-02-29 (UTC).
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
      policyVersion: '2023-10-19',
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

  it('R5: auto-renew off: the last instant of the term is allowed, 00:00Z after it is TERM_ENDED', () => {
    const off = { ...sub, autoRenew: false };
    expect(canIncreaseSeats(off, { now: '2024-02-28T23:59:59.999Z' }).allowed).toBe(true);
    expect(canIncreaseSeats(off, { now: '2024-02-29T00:00:00Z' })).toEqual({
      allowed: false,
      rule: 'R5',
      policyVersion: '2023-10-19',
      reason: 'TERM_ENDED',
      opensAt: null,
      assumptions: [],
      warnings: [],
    });
  });

  it('R2: auto-renewing, once the renewal day is over the snapshot is out of date: TERM_ENDED', () => {
    expect(canIncreaseSeats(sub, { now: '2024-02-29T23:59:59.999Z' }).allowed).toBe(true);
    expect(canIncreaseSeats(sub, { now: '2024-03-01T00:00:00Z' })).toEqual({
      allowed: false,
      rule: 'R2',
      policyVersion: '2023-10-19',
      reason: 'TERM_ENDED',
      opensAt: null,
      assumptions: [],
      warnings: [],
    });
  });

  it('R4: warns that a 409 is likely on the renewal day', () => {
    expect(canIncreaseSeats(sub, { now: '2024-02-29T00:00:00Z' }).warnings).toEqual(['RENEWAL_IN_PROGRESS']);
    expect(canIncreaseSeats(sub, { now: '2024-02-28T23:59:59.999Z' }).warnings).toEqual([]);
  });

  it.each([
    // TR1: a trial without an end date runs 30 days (to 2024-02-29): the refusal depends on that assumption.
    [{ trial: true }, 'Q7', 'TRIAL_QUANTITY_LOCKED', ['TRIAL_END_ASSUMED']],
    [{ program: 'softwareone' }, 'Q9', 'NEW_SUBSCRIPTION_REQUIRED', []],
    [{ status: 'suspended' }, 'Q10', 'NOT_ACTIVE', []],
    [{ status: 'deleted' }, 'P7', 'TERMINATED', []],
    [{ status: 'cancelled' }, 'C3', 'TERMINATED', []],
  ] as const)('Q1: %o → refused %s %s, opensAt null', (patch, rule, reason, assumptions) => {
    expect(canIncreaseSeats({ ...sub, ...patch }, { now: '2024-02-01T00:00:00Z' })).toEqual({
      allowed: false,
      rule,
      policyVersion: '2023-10-19',
      reason,
      opensAt: null,
      assumptions,
      warnings: [],
    });
  });

  it('R4 Q6: on the renewal day with 1 200 updates: both warnings, the 409 first', () => {
    expect(canIncreaseSeats({ ...sub, updateCount: 1200 }, { now: '2024-02-29T23:59:59.999Z' })).toEqual({
      allowed: true,
      rule: 'Q1',
      policyVersion: '2023-10-19',
      reason: 'ALLOWED',
      until: null,
      assumptions: [],
      warnings: ['RENEWAL_IN_PROGRESS', 'UPDATE_LIMIT_REACHED'],
    });
  });

  it('R5 Q6: auto-renew off: until the term end (2024-02-29T00:00Z), with the update-limit warning at 1 200', () => {
    expect(canIncreaseSeats({ ...sub, autoRenew: false, updateCount: 1200 }, { now: '2024-02-01T00:00:00Z' })).toEqual({
      allowed: true,
      rule: 'Q1',
      policyVersion: '2023-10-19',
      reason: 'ALLOWED',
      until: Date.UTC(2024, 1, 29),
      assumptions: [],
      warnings: ['UPDATE_LIMIT_REACHED'],
    });
  });

  it('T1: options and now are checked: a missing now names "now", options that are not an object name "options"', () => {
    expect(caught(() => canIncreaseSeats(sub, {} as never)).field).toBe('now');
    expect(caught(() => canIncreaseSeats(sub, null as never)).field).toBe('options');
  });
});

describe('Q7, Q9, Q10, C3, P7: when seats cannot be added', () => {
  it('Q7 trial', () => {
    expect(canIncreaseSeats({ ...sub, trial: true }, { now: '2024-02-01T00:00:00Z' })).toMatchObject({
      allowed: false,
      rule: 'Q7',
      policyVersion: '2023-10-19',
      reason: 'TRIAL_QUANTITY_LOCKED',
    });
  });
  it('Q9 SoftwareOne: a new subscription under the same agreement instead', () => {
    expect(canIncreaseSeats({ ...sub, program: 'softwareone' }, { now: '2024-02-01T00:00:00Z' })).toMatchObject({
      allowed: false,
      rule: 'Q9',
      policyVersion: '2023-10-19',
      reason: 'NEW_SUBSCRIPTION_REQUIRED',
      opensAt: null,
    });
  });
  it('Q10 suspended', () => {
    expect(canIncreaseSeats({ ...sub, status: 'suspended' }, { now: '2024-02-01T00:00:00Z' })).toMatchObject({
      allowed: false,
      rule: 'Q10',
      policyVersion: '2023-10-19',
      reason: 'NOT_ACTIVE',
    });
  });
  it('P7 deleted', () => {
    expect(canIncreaseSeats({ ...sub, status: 'deleted' }, { now: '2024-02-01T00:00:00Z' })).toMatchObject({
      allowed: false,
      rule: 'P7',
      policyVersion: '2023-10-19',
      reason: 'TERMINATED',
    });
  });
  it('C3 cancelled', () => {
    expect(canIncreaseSeats({ ...sub, status: 'cancelled' }, { now: '2024-02-01T00:00:00Z' })).toMatchObject({
      allowed: false,
      rule: 'C3',
      policyVersion: '2023-10-19',
      reason: 'TERMINATED',
    });
  });

  it('Q9: a policy that makes nce-license need a new subscription is followed', () => {
    const policy = definePolicy({ programs: { 'nce-license': { seatIncrease: 'new-subscription' } } });
    expect(canIncreaseSeats(sub, { now: '2024-02-01T00:00:00Z', policy })).toEqual({
      allowed: false,
      rule: 'Q9',
      policyVersion: '2023-10-19',
      reason: 'NEW_SUBSCRIPTION_REQUIRED',
      opensAt: null,
      assumptions: [],
      warnings: [],
    });
  });
});
