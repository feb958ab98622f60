import { describe, expect, it } from 'vitest';
import {
  canScheduleChange,
  DELETES_SCHEDULED_CHANGES,
  deletesScheduledChanges,
  isEmptyChange,
  nextTermPlan,
  SCHEDULABLE_CHANGES,
} from '../../src/lifecycle/scheduledChanges.js';
import { caught } from '../support/caught.js';
import { E3, E5, LAST_OF_TERM, MID, RENEWAL_DAY, sub } from '../support/lifecycle.js';
import { at, dayNumber as day } from '../support/time.js';
import { toSubscription } from '../../src/snapshot/subscription.js';

const NOTHING = { quantity: null, term: null, billing: null, offerName: null, customTermEndDay: null };

describe('S1 SCHEDULABLE_CHANGES and isEmptyChange', () => {
  it('S1: 002’s list, frozen', () => {
    expect(SCHEDULABLE_CHANGES).toEqual(['upgrade', 'quantity', 'term', 'billing', 'coterminousDate']);
    expect(Object.isFrozen(SCHEDULABLE_CHANGES)).toBe(true);
  });

  it('S1: a change is empty only when it names nothing; any one field makes it a change', () => {
    expect(isEmptyChange(NOTHING)).toBe(true);
    expect(isEmptyChange({ ...NOTHING, quantity: 3 })).toBe(false);
    expect(isEmptyChange({ ...NOTHING, term: 'P3Y' })).toBe(false);
    expect(isEmptyChange({ ...NOTHING, billing: 'annual' })).toBe(false);
    expect(isEmptyChange({ ...NOTHING, offerName: E5 })).toBe(false);
    expect(isEmptyChange({ ...NOTHING, customTermEndDay: day('2025-06-30') })).toBe(false);
  });
});

describe('S3 deletesScheduledChanges', () => {
  it('S3: the two tables, as the sources list them', () => {
    expect(DELETES_SCHEDULED_CHANGES).toEqual({
      listed: ['cancel', 'autoRenewOff', 'quantity', 'upgrade', 'convertTrial', 'suspend'],
      'any-immediate': ['cancel', 'autoRenewOff', 'quantity', 'upgrade', 'convertTrial', 'suspend', 'termChange'],
    });
    expect(Object.isFrozen(DELETES_SCHEDULED_CHANGES)).toBe(true);
    expect(Object.isFrozen(DELETES_SCHEDULED_CHANGES.listed)).toBe(true);
    expect(Object.isFrozen(DELETES_SCHEDULED_CHANGES['any-immediate'])).toBe(true);
  });

  it('S3: per change and mode; a billing-only change never deletes', () => {
    expect(deletesScheduledChanges('termChange', 'any-immediate')).toBe(true);
    expect(deletesScheduledChanges('termChange', 'listed')).toBe(false);
    expect(deletesScheduledChanges('billingOnly', 'any-immediate')).toBe(false);
    expect(deletesScheduledChanges('billingOnly', 'listed')).toBe(false);
    expect(deletesScheduledChanges('suspend', 'listed')).toBe(true);
  });

  it('S3: an unknown change or mode is a typed error', () => {
    const change = caught(() => deletesScheduledChanges('pause' as never));
    expect([change.code, change.field, change.received]).toEqual(['INVALID_ENUM', 'change', 'pause']);
    expect(change.message).toBe(
      'change: expected one of cancel, autoRenewOff, quantity, upgrade, convertTrial, suspend, termChange, billingOnly, got "pause"',
    );
    const mode = caught(() => deletesScheduledChanges('cancel', 'all' as never));
    expect([mode.code, mode.field, mode.message]).toEqual([
      'INVALID_ENUM',
      'mode',
      'mode: expected one of any-immediate, listed, got "all"',
    ]);
  });

  describe('S3 what deletes scheduled changes', () => {
    it('the table: the API docs’ rule (default) and 002’s list', () => {
      expect(deletesScheduledChanges('termChange')).toBe(true);
      expect(deletesScheduledChanges('termChange', 'listed')).toBe(false);
      expect(deletesScheduledChanges('billingOnly')).toBe(false);
      for (const c of ['cancel', 'autoRenewOff', 'quantity', 'upgrade', 'convertTrial', 'suspend'] as const) {
        expect([deletesScheduledChanges(c), deletesScheduledChanges(c, 'listed')]).toEqual([true, true]);
      }
    });
  });
});

describe('S2 R4 canScheduleChange', () => {
  it('S2: allowed until the renewal starts (00:00Z after the term end date)', () => {
    const yes = (policyVersion: string) => ({
      allowed: true,
      rule: 'S2',
      policyVersion,
      reason: 'ALLOWED',
      until: at('2025-01-15T00:00:00Z'),
      assumptions: [],
      warnings: [],
    });
    // MID (2024-06-01) is under the baseline rules; LAST_OF_TERM (2025-01-14) under those of 2024-07-01.
    expect(canScheduleChange(sub, { now: MID })).toEqual(yes('2023-10-19'));
    expect(canScheduleChange(sub, { now: LAST_OF_TERM })).toEqual(yes('2024-07-01'));
  });

  it('S2 R4 R2 C3 P7: refusals, whole', () => {
    // Asked at MID (2024-06-01) under the baseline rules unless `policyVersion` says otherwise.
    const no = (rule: string, reason: string, opensAt: number | null = null, policyVersion = '2023-10-19') => ({
      allowed: false,
      rule,
      policyVersion,
      reason,
      opensAt,
      assumptions: [],
      warnings: [],
    });
    // R4: read-only from the renewal start until its latest completion (2025-01-16T00:00Z); the rules of 2024-07-01.
    expect(canScheduleChange(sub, { now: RENEWAL_DAY })).toEqual(
      no('R4', 'RENEWAL_READ_ONLY', at('2025-01-16T00:00:00Z'), '2024-07-01'),
    );
    expect(canScheduleChange(sub, { now: '2025-01-15T23:59:59.999Z' })).toEqual(
      no('R4', 'RENEWAL_READ_ONLY', at('2025-01-16T00:00:00Z'), '2024-07-01'),
    );
    // R2: once the renewal's 24 h are over, the snapshot is out of date.
    expect(canScheduleChange(sub, { now: '2025-01-16T00:00:00Z' })).toEqual(no('R2', 'TERM_ENDED', null, '2024-07-01'));
    expect(canScheduleChange({ ...sub, autoRenew: false }, { now: MID })).toEqual(no('S2', 'AUTO_RENEW_OFF'));
    expect(canScheduleChange({ ...sub, status: 'suspended', autoRenew: false }, { now: MID })).toEqual(
      no('S2', 'NOT_ACTIVE'),
    );
    expect(canScheduleChange({ ...sub, status: 'expired', autoRenew: false }, { now: MID })).toEqual(
      no('S2', 'NOT_ACTIVE'),
    );
    expect(canScheduleChange({ ...sub, status: 'cancelled' }, { now: MID })).toEqual(no('C3', 'TERMINATED'));
    expect(canScheduleChange({ ...sub, status: 'deleted' }, { now: MID })).toEqual(no('P7', 'TERMINATED'));
  });

  it('R5: auto-renew off, after the term end: TERM_ENDED (not AUTO_RENEW_OFF)', () => {
    expect(canScheduleChange({ ...sub, autoRenew: false }, { now: LAST_OF_TERM })).toMatchObject({
      rule: 'S2',
      policyVersion: '2024-07-01',
      reason: 'AUTO_RENEW_OFF',
    });
    expect(canScheduleChange({ ...sub, autoRenew: false }, { now: RENEWAL_DAY })).toMatchObject({
      rule: 'R5',
      policyVersion: '2024-07-01',
      reason: 'TERM_ENDED',
      opensAt: null,
    });
  });

  it('T4: the options bag and its now are checked (the renewing flag is gone: now decides)', () => {
    const e = caught(() => canScheduleChange(sub, true as never));
    expect([e.code, e.field, e.message, e.received]).toEqual([
      'INVALID_TYPE',
      'options',
      'options: expected an object, got true',
      true,
    ]);
    expect(caught(() => canScheduleChange(sub, {} as never)).field).toBe('now');
    expect(caught(() => canScheduleChange(sub, { now: '2024-06-01T12:00:00' })).code).toBe('AMBIGUOUS_INSTANT');
  });
});

describe('S1 S4 B2 TR2 nextTermPlan', () => {
  it('S1: the saved quantity applies; nothing else changes', () => {
    expect(nextTermPlan(sub)).toEqual({
      term: 'P1Y',
      billing: 'monthly',
      quantity: 12,
      offerName: E3,
      customTermEndDay: null,
      reassignment: null,
    });
    expect(nextTermPlan({ ...sub, scheduledChange: null })).toEqual({
      term: 'P1Y',
      billing: 'monthly',
      quantity: 10,
      offerName: E3,
      customTermEndDay: null,
      reassignment: null,
    });
  });

  it('S1 S4: a scheduled upgrade: automatic with the same quantity, manual with another; naming the current SKU is no upgrade', () => {
    expect(nextTermPlan({ ...sub, scheduledChange: { offerName: E5 } })).toEqual({
      term: 'P1Y',
      billing: 'monthly',
      quantity: 10,
      offerName: E5,
      customTermEndDay: null,
      reassignment: 'automatic',
    });
    expect(nextTermPlan({ ...sub, scheduledChange: { offerName: E5, quantity: 8 } })).toEqual({
      term: 'P1Y',
      billing: 'monthly',
      quantity: 8,
      offerName: E5,
      customTermEndDay: null,
      reassignment: 'manual',
    });
    expect(nextTermPlan({ ...sub, scheduledChange: { offerName: E3, quantity: 8 } }).reassignment).toBeNull();
  });

  it('S1 B2 CO3: a scheduled term, billing and end date; a pending billing-cycle change applies when none is scheduled', () => {
    expect(
      nextTermPlan({ ...sub, scheduledChange: { term: 'P3Y', billing: 'annual', customTermEndDate: '2027-06-30' } }),
    ).toEqual({
      term: 'P3Y',
      billing: 'annual',
      quantity: 10,
      offerName: E3,
      customTermEndDay: day('2027-06-30'),
      reassignment: null,
    });
    const p3y = { ...sub, term: 'P3Y' as const, nextChargeBilling: 'annual' as const };
    expect(nextTermPlan({ ...p3y, scheduledChange: null }).billing).toBe('annual');
    expect(nextTermPlan({ ...p3y, scheduledChange: { billing: 'monthly' } }).billing).toBe('monthly');
  });

  it('TR2: a trial converts to Annual, Monthly unless scheduled otherwise', () => {
    const trial = {
      ...sub,
      trial: true,
      term: 'P1M' as const,
      quantity: 25,
      seatBatches: [],
      termEndDate: '2024-02-13',
      scheduledChange: null,
    };
    expect(nextTermPlan(trial)).toEqual({
      term: 'P1Y',
      billing: 'monthly',
      quantity: 25,
      offerName: E3,
      customTermEndDay: null,
      reassignment: null,
    });
    expect(nextTermPlan({ ...trial, scheduledChange: { term: 'P1M' } })).toMatchObject({
      term: 'P1M',
      billing: 'monthly',
    });
    expect(nextTermPlan({ ...trial, term: 'P1Y', billing: 'annual', termEndDate: '2024-02-13' })).toMatchObject({
      term: 'P1Y',
      billing: 'monthly',
    });
  });

  describe('S4 a scheduled SKU upgrade reassigns licenses automatically only with unchanged quantity', () => {
    it('automatic vs manual', () => {
      expect(
        nextTermPlan(toSubscription({ ...sub, scheduledChange: { offerName: 'Microsoft 365 E5' } })).reassignment,
      ).toBe('automatic');
      expect(
        nextTermPlan(toSubscription({ ...sub, scheduledChange: { offerName: 'Microsoft 365 E5', quantity: 8 } }))
          .reassignment,
      ).toBe('manual');
      expect(nextTermPlan(toSubscription(sub)).reassignment).toBeNull();
    });
  });
});
