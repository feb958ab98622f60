/**
 * What happens at and after the term end with the 2026 rules (src/lifecycle/renewal.ts,
 * afterTerm.ts): renewalSchedule's outcome, rule, chosen and policyVersion (R2, R5, R6, R7, P8),
 * and the after-term stages — P7 only where no Extended Service Term applies, P8 (disabled 90
 * days, then deleted) for a cancellation at the term end. Dates worked out by hand in comments.
 */
import { describe, expect, it } from 'vitest';
import { renewalSchedule } from '../../src/lifecycle/renewal.js';
import { afterTermStageAt, afterTermStages, CANCELLED_AT_TERM_END_DAYS } from '../../src/lifecycle/afterTerm.js';
import { definePolicy } from '../../src/policy/policy.js';
import type { SubscriptionInput } from '../../src/snapshot/subscription.js';
import { dayNumber } from '../support/time.js';

const ms = (iso: string): number => Date.parse(iso);

/** The subscription: annual license bought 2025-06-10, auto-renew off, no choice; last day 2026-06-09. */
const license: SubscriptionInput = {
  program: 'nce-license',
  term: 'P1Y',
  billing: 'annual',
  quantity: 5,
  purchasedAt: '2025-06-10T08:00:00Z',
  autoRenew: false,
};

/** Its first EST month: 2026-06-10 … 2026-07-09. */
const estMonth: SubscriptionInput = {
  ...license,
  term: 'P1M',
  billing: 'monthly',
  termStartedAt: '2026-06-10T00:00:00Z',
  termEndDate: '2026-07-09',
  extendedServiceTerm: true,
};

/** Everything a NotRenewing schedule has besides its outcome. */
const notRenewing = {
  startsAt: null,
  completesBy: null,
  completedAt: null,
  readOnlyWindow: null,
  nextTerm: null,
  cancellationWindow: null,
  seatReductionWindow: null,
};

describe('R7 renewalSchedule: into an Extended Service Term at the term end', () => {
  it('R7 (the issue): moves to EST on 2026-06-10T00:00:00Z, version 2026-05-04', () => {
    expect(renewalSchedule(license)).toEqual({
      outcome: 'extended-service-term',
      rule: 'R7',
      chosen: false,
      policyVersion: '2026-05-04',
      termEndsAt: ms('2026-06-10T00:00:00Z'),
      ...notRenewing,
    });
  });

  it('R5 (the issue): with asOf 2025-01-01 it expires, as before (version 2024-07-01)', () => {
    expect(renewalSchedule(license, { policy: definePolicy({ asOf: '2025-01-01' }) })).toEqual({
      outcome: 'expire',
      rule: 'R5',
      chosen: false,
      policyVersion: '2024-07-01',
      termEndsAt: ms('2026-06-10T00:00:00Z'),
      ...notRenewing,
    });
  });

  it('R7 R5: term end day 2026-05-03 → expire; 2026-05-04 → EST (both under the rules of 2026-05-04)', () => {
    expect(renewalSchedule({ ...license, purchasedAt: '2025-05-04T10:00:00Z' })).toMatchObject({
      outcome: 'expire',
      rule: 'R5',
      policyVersion: '2026-05-04',
      termEndsAt: ms('2026-05-04T00:00:00Z'),
    });
    expect(renewalSchedule({ ...license, purchasedAt: '2025-05-05T10:00:00Z' })).toMatchObject({
      outcome: 'extended-service-term',
      rule: 'R7',
      policyVersion: '2026-05-04',
      termEndsAt: ms('2026-05-05T00:00:00Z'),
    });
  });

  it('R7 R5: term started 2025-03-31T23:59:59.999Z → expire; 2025-04-01T00:00:00Z → EST (P3Y)', () => {
    expect(renewalSchedule({ ...license, term: 'P3Y', purchasedAt: '2025-03-31T23:59:59.999Z' }).outcome).toBe(
      'expire',
    );
    expect(renewalSchedule({ ...license, term: 'P3Y', purchasedAt: '2025-04-01T00:00:00Z' }).outcome).toBe(
      'extended-service-term',
    );
  });

  it('R7: an EST month moves into the next EST month at 2026-07-10T00:00Z', () => {
    expect(renewalSchedule(estMonth)).toEqual({
      outcome: 'extended-service-term',
      rule: 'R7',
      chosen: false,
      policyVersion: '2026-05-04',
      termEndsAt: ms('2026-07-10T00:00:00Z'),
      ...notRenewing,
    });
  });

  it('R6: an EST month set to renew renews (R6, chosen) into a standard monthly term 2026-07-10 … 2026-08-09', () => {
    const s = renewalSchedule({ ...estMonth, autoRenew: true, endOfTermAction: 'renew' });
    expect(s).toMatchObject({
      outcome: 'renew',
      rule: 'R6',
      chosen: true,
      policyVersion: '2026-05-04',
      termEndsAt: ms('2026-07-10T00:00:00Z'),
      startsAt: ms('2026-07-10T00:00:00Z'),
      completesBy: ms('2026-07-11T00:00:00Z'),
    });
    expect(s.nextTerm).toMatchObject({
      startDay: dayNumber('2026-07-10'),
      endDay: dayNumber('2026-08-09'),
      term: 'P1M',
      billing: 'monthly',
    });
  });

  it('R6: an EST chosen for a standard term → EST, rule R6, chosen', () => {
    expect(renewalSchedule({ ...license, endOfTermAction: 'extended-service-term' })).toMatchObject({
      outcome: 'extended-service-term',
      rule: 'R6',
      chosen: true,
      startsAt: null,
    });
  });

  it('R2: auto-renew on renews at 2026-06-10T00:00Z into 2026-06-10 … 2027-06-09 (not chosen)', () => {
    const s = renewalSchedule({ ...license, autoRenew: true });
    expect(s).toMatchObject({
      outcome: 'renew',
      rule: 'R2',
      chosen: false,
      policyVersion: '2026-05-04',
      startsAt: ms('2026-06-10T00:00:00Z'),
      completesBy: ms('2026-06-11T00:00:00Z'),
    });
    expect(s.nextTerm).toMatchObject({ startDay: dayNumber('2026-06-10'), endDay: dayNumber('2027-06-09') });
  });

  it('P8: set to cancel at the term end → cancel-at-term-end, P8, chosen, no renewal', () => {
    expect(renewalSchedule({ ...license, endOfTermAction: 'cancel' })).toEqual({
      outcome: 'cancel-at-term-end',
      rule: 'P8',
      chosen: true,
      policyVersion: '2026-05-04',
      termEndsAt: ms('2026-06-10T00:00:00Z'),
      ...notRenewing,
    });
  });
});

describe('P7 P8 afterTermStages: the stages after a term that does not renew', () => {
  it('R7: a subscription moving into an EST has no after-term stages (the service continues)', () => {
    expect(afterTermStages(license)).toEqual([]);
    expect(afterTermStages(estMonth)).toEqual([]);
  });

  it('P7: where no EST applies (last day 2026-05-03): expired 30 d → disabled 90 d → deleted', () => {
    // E = 2026-05-04T00:00Z; E + 30 d = 2026-06-03; E + 120 d = 2026-09-01.
    expect(afterTermStages({ ...license, purchasedAt: '2025-05-04T10:00:00Z' })).toEqual([
      { status: 'expired', start: ms('2026-05-04T00:00:00Z'), end: ms('2026-06-03T00:00:00Z'), days: 30, rule: 'P7' },
      { status: 'disabled', start: ms('2026-06-03T00:00:00Z'), end: ms('2026-09-01T00:00:00Z'), days: 90, rule: 'P7' },
      { status: 'deleted', start: ms('2026-09-01T00:00:00Z'), end: null, days: null, rule: 'P7' },
    ]);
  });

  it('P7: with asOf 2025-01-01 the issue’s subscription has the expired stages again', () => {
    // E = 2026-06-10T00:00Z; E + 30 d = 2026-07-10; E + 120 d = 2026-10-08.
    expect(afterTermStages(license, { policy: definePolicy({ asOf: '2025-01-01' }) })).toEqual([
      { status: 'expired', start: ms('2026-06-10T00:00:00Z'), end: ms('2026-07-10T00:00:00Z'), days: 30, rule: 'P7' },
      { status: 'disabled', start: ms('2026-07-10T00:00:00Z'), end: ms('2026-10-08T00:00:00Z'), days: 90, rule: 'P7' },
      { status: 'deleted', start: ms('2026-10-08T00:00:00Z'), end: null, days: null, rule: 'P7' },
    ]);
  });

  it('P8: set to cancel: disabled for 90 days from 2026-06-10T00:00Z, deleted from 2026-09-08T00:00Z; no expired stage', () => {
    expect(CANCELLED_AT_TERM_END_DAYS).toBe(90);
    expect(afterTermStages({ ...license, endOfTermAction: 'cancel' })).toEqual([
      { status: 'disabled', start: ms('2026-06-10T00:00:00Z'), end: ms('2026-09-08T00:00:00Z'), days: 90, rule: 'P8' },
      { status: 'deleted', start: ms('2026-09-08T00:00:00Z'), end: null, days: null, rule: 'P8' },
    ]);
  });

  it('P8: the stage at 2026-09-07T23:59:59.999Z is disabled; at 2026-09-08T00:00:00Z deleted', () => {
    const sub = { ...license, endOfTermAction: 'cancel' } as const;
    expect(afterTermStageAt(sub, { now: '2026-06-09T23:59:59.999Z' })).toBeNull();
    expect(afterTermStageAt(sub, { now: '2026-06-10T00:00:00Z' })?.status).toBe('disabled');
    expect(afterTermStageAt(sub, { now: '2026-09-07T23:59:59.999Z' })?.status).toBe('disabled');
    expect(afterTermStageAt(sub, { now: '2026-09-08T00:00:00Z' })?.status).toBe('deleted');
  });

  it('P8: policy cancelledAtTermEnd deleted → deleted at the term end', () => {
    const policy = definePolicy({ cancelledAtTermEnd: 'deleted' });
    expect(afterTermStages({ ...license, endOfTermAction: 'cancel' }, { policy })).toEqual([
      { status: 'deleted', start: ms('2026-06-10T00:00:00Z'), end: null, days: null, rule: 'P8' },
    ]);
  });

  it('P8: a snapshot already disabled after a cancellation at the term end keeps P8’s timeline', () => {
    expect(afterTermStages({ ...license, status: 'disabled', endOfTermAction: 'cancel' })).toEqual([
      { status: 'disabled', start: ms('2026-06-10T00:00:00Z'), end: ms('2026-09-08T00:00:00Z'), days: 90, rule: 'P8' },
      { status: 'deleted', start: ms('2026-09-08T00:00:00Z'), end: null, days: null, rule: 'P8' },
    ]);
  });

  it('P8 P7: a cancel choice for a term ending 2026-02-15T00:00Z (before the choice exists) → P7’s expired stages', () => {
    // Bought 2025-02-15: last day 2026-02-14; E = 2026-02-15T00:00Z, E + 30 d = 2026-03-17.
    const stages = afterTermStages({ ...license, purchasedAt: '2025-02-15T10:00:00Z', endOfTermAction: 'cancel' });
    expect(stages[0]).toEqual({
      status: 'expired',
      start: ms('2026-02-15T00:00:00Z'),
      end: ms('2026-03-17T00:00:00Z'),
      days: 30,
      rule: 'P7',
    });
  });

  it('P8: asOf 2026-02-15T23:59:59.999Z → P7 stages; asOf 2026-02-16T00:00:00Z → P8 stages', () => {
    const sub = { ...license, endOfTermAction: 'cancel' } as const;
    const before = afterTermStages(sub, { policy: definePolicy({ asOf: '2026-02-15T23:59:59.999Z' }) });
    const after = afterTermStages(sub, { policy: definePolicy({ asOf: '2026-02-16T00:00:00Z' }) });
    expect(before.map((s) => [s.status, s.rule])).toEqual([
      ['expired', 'P7'],
      ['disabled', 'P7'],
      ['deleted', 'P7'],
    ]);
    expect(after.map((s) => [s.status, s.rule])).toEqual([
      ['disabled', 'P8'],
      ['deleted', 'P8'],
    ]);
  });

  it('P7: a trial with auto-renew off and nce-software expire through P7 (no EST for them)', () => {
    const trial = {
      program: 'nce-license',
      term: 'P1M',
      billing: 'monthly',
      quantity: 25,
      purchasedAt: '2026-05-10T10:00:00Z',
      trial: true,
      autoRenew: false,
    } as const;
    expect(afterTermStages(trial).map((s) => s.status)).toEqual(['expired', 'disabled', 'deleted']);
    expect(afterTermStages({ ...license, program: 'nce-software' }).map((s) => s.rule)).toEqual(['P7', 'P7', 'P7']);
  });

  it('P4 P8: a suspended subscription set to cancel at its term end still has after-term stages', () => {
    const stages = afterTermStages({ ...license, status: 'suspended', endOfTermAction: 'cancel' });
    expect(stages.length).toBeGreaterThan(0);
    expect(stages[0]).toMatchObject({ status: 'disabled', start: ms('2026-06-10T00:00:00Z') });
  });
});
