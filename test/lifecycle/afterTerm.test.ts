import { describe, expect, it } from 'vitest';
import {
  afterTermStageAt,
  afterTermStages,
  CANCELLED_BACKUP_DAYS,
  DISABLED_DAYS,
  EXPIRED_DAYS,
  STATUS_FACTS,
  SUSPENDED_DISABLED_DAYS,
} from '../../src/lifecycle/afterTerm.js';
import { toSubscription, type SubscriptionInput } from '../../src/snapshot/subscription.js';
import { caught } from '../support/caught.js';
import { LAST_OF_TERM, MID, RENEWAL_DAY, sub } from '../support/lifecycle.js';
import { at } from '../support/time.js';
import { transition } from '../../src/lifecycle/machine/transition.js';
import { DEFAULT_POLICY, definePolicy } from '../../src/policy/policy.js';

/** P7: 002's choice for a subscription suspended at its term end: all data deleted at once. */
const deletedAtEnd = { policy: definePolicy({ suspendedAtTermEnd: 'deleted' }) };

/**
 * Term end E = 2025-01-15T00:00Z; E + 30 d = 2025-02-14; E + 60 d = 2025-03-16; E + 120 d = 2025-05-15.
 * Every stage here is P7's: the rules in force at E (2024-07-01) have no Extended Service Term
 * (R7, from 2026-05-04) and no cancellation at the term end (P8, from 2026-02-16).
 */
const E = at(RENEWAL_DAY);
const E30 = at('2025-02-14T00:00:00Z');
const E120 = at('2025-05-15T00:00:00Z');
const noRenew: SubscriptionInput = { ...sub, autoRenew: false, scheduledChange: null };

describe('P1 P3 P7 C3 STATUS_FACTS', () => {
  it('P7: who has access, who is billed, who can come back, per status', () => {
    expect(STATUS_FACTS).toEqual({
      active: { access: 'users-and-admins', billed: true, canReactivate: false },
      suspended: { access: 'admins-only', billed: true, canReactivate: true },
      expired: { access: 'users-and-admins', billed: false, canReactivate: false },
      disabled: { access: 'admins-only', billed: false, canReactivate: false },
      deleted: { access: 'none', billed: false, canReactivate: false },
      cancelled: { access: 'none', billed: false, canReactivate: false },
      pending: { access: 'none', billed: false, canReactivate: false },
    });
    expect(Object.isFrozen(STATUS_FACTS)).toBe(true);
    expect([EXPIRED_DAYS, DISABLED_DAYS, SUSPENDED_DISABLED_DAYS, CANCELLED_BACKUP_DAYS]).toEqual([30, 90, 30, 7]);
  });
});

describe('P7 P4 afterTermStages', () => {
  const expiredPath = [
    { status: 'expired', start: E, end: E30, days: 30, rule: 'P7' },
    { status: 'disabled', start: E30, end: E120, days: 90, rule: 'P7' },
    { status: 'deleted', start: E120, end: null, days: null, rule: 'P7' },
  ];

  it('P7: active with auto-renew off, or expired: expired 30 d → disabled 90 d → deleted', () => {
    expect(afterTermStages(noRenew)).toEqual(expiredPath);
    expect(afterTermStages({ ...noRenew, status: 'expired' })).toEqual(expiredPath);
    expect(afterTermStages({ ...noRenew, status: 'expired' }, deletedAtEnd)).toEqual(expiredPath);
  });

  it('P4 P7: suspended: disabled 30 d → disabled 90 d → deleted; or deleted at the term end under 002’s policy', () => {
    const suspended: SubscriptionInput = { ...noRenew, status: 'suspended' };
    expect(afterTermStages(suspended)).toEqual([
      { status: 'disabled', start: E, end: E30, days: 30, rule: 'P7' },
      { status: 'disabled', start: E30, end: E120, days: 90, rule: 'P7' },
      { status: 'deleted', start: E120, end: null, days: null, rule: 'P7' },
    ]);
    expect(afterTermStages(suspended, { policy: definePolicy({ suspendedAtTermEnd: 'lifecycle' }) })).toEqual(
      afterTermStages(suspended),
    );
    expect(afterTermStages(suspended, { policy: DEFAULT_POLICY })).toEqual(afterTermStages(suspended));
    expect(afterTermStages(suspended, deletedAtEnd)).toEqual([
      { status: 'deleted', start: E, end: null, days: null, rule: 'P7' },
    ]);
  });

  it('P7: disabled: deleted 120 d after the term end; no timeline for renewing, cancelled, deleted or pending ones', () => {
    expect(afterTermStages({ ...noRenew, status: 'disabled' })).toEqual([
      { status: 'disabled', start: E, end: E120, days: null, rule: 'P7' },
      { status: 'deleted', start: E120, end: null, days: null, rule: 'P7' },
    ]);
    expect(afterTermStages(sub)).toEqual([]);
    for (const status of ['cancelled', 'deleted', 'pending'] as const)
      expect(afterTermStages({ ...noRenew, status })).toEqual([]);
  });

  it('P7: the policy choice is checked (by definePolicy); a plain override object is no policy', () => {
    const e = caught(() => definePolicy({ suspendedAtTermEnd: 'purged' as never }));
    expect([e.code, e.field, e.message]).toEqual([
      'INVALID_ENUM',
      'policy.suspendedAtTermEnd',
      'policy.suspendedAtTermEnd: expected one of lifecycle, deleted, got "purged"',
    ]);
    const plain = caught(() => afterTermStages(noRenew, { policy: { suspendedAtTermEnd: 'deleted' } as never }));
    expect([plain.code, plain.field]).toEqual(['INVALID_TYPE', 'policy']);
    const options = caught(() => afterTermStages(noRenew, 'deleted' as never));
    expect([options.code, options.field]).toEqual(['INVALID_TYPE', 'options']);
  });

  describe('P7 after the term: expired 30 d → disabled 90 d → deleted', () => {
    const noRenew = { ...sub, autoRenew: false, scheduledChange: null };

    it('the stages, their lengths and what users and admins can still do', () => {
      expect(afterTermStages(toSubscription(noRenew))).toEqual([
        { status: 'expired', start: at('2025-01-15T00:00:00Z'), end: at('2025-02-14T00:00:00Z'), days: 30, rule: 'P7' },
        {
          status: 'disabled',
          start: at('2025-02-14T00:00:00Z'),
          end: at('2025-05-15T00:00:00Z'),
          days: 90,
          rule: 'P7',
        },
        { status: 'deleted', start: at('2025-05-15T00:00:00Z'), end: null, days: null, rule: 'P7' },
      ]);
      expect(STATUS_FACTS.expired).toEqual({ access: 'users-and-admins', billed: false, canReactivate: false });
      expect(STATUS_FACTS.disabled).toEqual({ access: 'admins-only', billed: false, canReactivate: false });
      expect(STATUS_FACTS.deleted.access).toBe('none');
    });

    it('suspended at the term end: disabled 30 d, then 90 d, then deleted', () => {
      expect(
        afterTermStages(toSubscription({ ...noRenew, status: 'suspended' })).map((s) => [s.status, s.days]),
      ).toEqual([
        ['disabled', 30],
        ['disabled', 90],
        ['deleted', null],
      ]);
    });
  });

  describe('P7 a disabled snapshot: deletion 120 d after the term end, whichever path', () => {
    it('stages, and stageElapsed refused for statuses without an after-term stage', () => {
      const disabled = toSubscription({ ...sub, status: 'disabled', autoRenew: false, scheduledChange: null });
      expect(afterTermStages(disabled)).toEqual([
        { status: 'disabled', start: at(RENEWAL_DAY), end: at('2025-05-15T00:00:00Z'), days: null, rule: 'P7' },
        { status: 'deleted', start: at('2025-05-15T00:00:00Z'), end: null, days: null, rule: 'P7' },
      ]);
      expect(
        afterTermStages(
          toSubscription({ ...sub, status: 'suspended', autoRenew: false, scheduledChange: null }),
          deletedAtEnd,
        ),
      ).toEqual([{ status: 'deleted', start: at(RENEWAL_DAY), end: null, days: null, rule: 'P7' }]);
      expect(afterTermStages(toSubscription(sub))).toEqual([]);
      expect(transition(sub, { type: 'stageElapsed' }, { now: MID })).toMatchObject({
        ok: false,
        refusal: { rule: 'P7', reason: 'NOT_ACTIVE' },
      });
      expect(transition({ ...sub, status: 'expired' }, { type: 'termEnded' }, { now: RENEWAL_DAY })).toMatchObject({
        ok: false,
        refusal: { rule: 'P7', reason: 'NOT_ACTIVE' },
      });
    });
  });
});

describe('P7 afterTermStageAt', () => {
  it('P7: each stage from its first millisecond', () => {
    expect(afterTermStageAt(noRenew, { now: LAST_OF_TERM })).toBeNull();
    expect(afterTermStageAt(noRenew, { now: RENEWAL_DAY })).toEqual({
      status: 'expired',
      start: E,
      end: E30,
      days: 30,
      rule: 'P7',
    });
    expect(afterTermStageAt(noRenew, { now: E30 - 1 })).toEqual({
      status: 'expired',
      start: E,
      end: E30,
      days: 30,
      rule: 'P7',
    });
    expect(afterTermStageAt(noRenew, { now: E30 })).toEqual({
      status: 'disabled',
      start: E30,
      end: E120,
      days: 90,
      rule: 'P7',
    });
    expect(afterTermStageAt(noRenew, { now: E120 - 1 })?.status).toBe('disabled');
    expect(afterTermStageAt(noRenew, { now: E120 })).toEqual({
      status: 'deleted',
      start: E120,
      end: null,
      days: null,
      rule: 'P7',
    });
  });

  it('P4 P7: with the policy choice; none for a renewing subscription', () => {
    const suspended: SubscriptionInput = { ...noRenew, status: 'suspended' };
    expect(afterTermStageAt(suspended, { now: RENEWAL_DAY, ...deletedAtEnd })).toEqual({
      status: 'deleted',
      start: E,
      end: null,
      days: null,
      rule: 'P7',
    });
    expect(afterTermStageAt(suspended, { now: RENEWAL_DAY })).toEqual({
      status: 'disabled',
      start: E,
      end: E30,
      days: 30,
      rule: 'P7',
    });
    expect(afterTermStageAt(sub, { now: '2030-01-01T00:00:00Z' })).toBeNull();
    const e = caught(() => afterTermStageAt(noRenew, { now: 'later' }));
    expect([e.code, e.field]).toEqual(['INVALID_INSTANT', 'now']);
    expect(caught(() => afterTermStageAt(noRenew, {} as never)).field).toBe('now');
    const plain = caught(() =>
      afterTermStageAt(suspended, { now: RENEWAL_DAY, policy: { suspendedAtTermEnd: 'deleted' } as never }),
    );
    expect([plain.code, plain.field]).toEqual(['INVALID_TYPE', 'policy']);
  });
});
