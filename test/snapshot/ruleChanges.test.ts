/**
 * src/snapshot/ruleChanges.ts: `changeFor` (in force at an instant, and covering the
 * subscription's current term) and `covers` (the scope alone), for each change of the timeline on
 * each side of its dates. Subscriptions are written out; the term dates in comments are by hand.
 */
import { describe, expect, it } from 'vitest';
import { changeFor, covers } from '../../src/snapshot/ruleChanges.js';
import { toSubscription, type SubscriptionInput } from '../../src/snapshot/subscription.js';
import { DEFAULT_POLICY, definePolicy } from '../../src/policy/policy.js';
import type { RuleChange, RuleChangeKey } from '../../src/policy/timeline.js';
import { MICROSOFT_TIMELINE } from '../../src/index.js';

const ms = (iso: string): number => Date.parse(iso);
const change = (key: RuleChangeKey): RuleChange => {
  const c = MICROSOFT_TIMELINE.find((x) => x.key === key);
  if (c === undefined) throw new Error(`no change ${key}`);
  return c;
};

/** An annual license bought 2025-06-10T08:00Z, auto-renew off: term 2025-06-10 … 2026-06-09. */
const license: SubscriptionInput = {
  program: 'nce-license',
  term: 'P1Y',
  billing: 'annual',
  quantity: 5,
  purchasedAt: '2025-06-10T08:00:00Z',
  autoRenew: false,
};

describe('R7 covers: the EST’s scope on each side of its dates', () => {
  const est = change('extended-service-term');

  it('R7: a P3Y term started 2025-03-31T23:59:59.999Z (ends 2028-03-30) is not covered; 2025-04-01T00:00:00Z is', () => {
    const before = toSubscription({ ...license, term: 'P3Y', purchasedAt: '2025-03-31T23:59:59.999Z' });
    const after = toSubscription({ ...license, term: 'P3Y', purchasedAt: '2025-04-01T00:00:00Z' });
    expect(covers(est, before)).toBe(false);
    expect(covers(est, after)).toBe(true);
  });

  it('R7: a renewal completed 2025-03-31T23:59:59.999Z vs 2025-04-01T00:00:00Z (termStartedAt)', () => {
    // Bought 2022-04-01; renewed into a P3Y term ending 2028-03-31 (given).
    const renewed = {
      ...license,
      term: 'P3Y',
      purchasedAt: '2022-04-01T10:00:00Z',
      termEndDate: '2028-03-31',
    } as const;
    expect(covers(est, toSubscription({ ...renewed, termStartedAt: '2025-03-31T23:59:59.999Z' }))).toBe(false);
    expect(covers(est, toSubscription({ ...renewed, termStartedAt: '2025-04-01T00:00:00Z' }))).toBe(true);
  });

  it('R7: a renewal of unknown completion is read from 00:00Z of its first day (2025-03-31 no, 2025-04-01 yes)', () => {
    const renewed = { ...license, term: 'P3Y', purchasedAt: '2022-03-31T10:00:00Z', termStartedAt: null } as const;
    expect(covers(est, toSubscription({ ...renewed, termStartDate: '2025-03-31', termEndDate: '2028-03-30' }))).toBe(
      false,
    );
    expect(covers(est, toSubscription({ ...renewed, termStartDate: '2025-04-01', termEndDate: '2028-03-31' }))).toBe(
      true,
    );
  });

  it('R7: term end day 2026-05-03 (bought 2025-05-04) is not covered; 2026-05-04 (bought 2025-05-05) is', () => {
    expect(covers(est, toSubscription({ ...license, purchasedAt: '2025-05-04T10:00:00Z' }))).toBe(false);
    expect(covers(est, toSubscription({ ...license, purchasedAt: '2025-05-05T10:00:00Z' }))).toBe(true);
  });

  it('R7: a trial is not covered; nce-software is not; nce-license is', () => {
    const trial = toSubscription({
      program: 'nce-license',
      term: 'P1M',
      billing: 'monthly',
      quantity: 25,
      purchasedAt: '2026-05-10T10:00:00Z',
      trial: true,
      autoRenew: false,
    });
    expect(covers(est, trial)).toBe(false);
    expect(covers(est, toSubscription({ ...license, program: 'nce-software' }))).toBe(false);
    expect(covers(est, toSubscription(license))).toBe(true);
  });
});

describe('changeFor: in force at the instant AND covering the term', () => {
  it('R7: the EST change for the 2025-06-10 license, at 2026-05-03T23:59:59.999Z → null, at 2026-05-04T00:00Z → the change', () => {
    const sub = toSubscription(license);
    expect(changeFor(sub, DEFAULT_POLICY, 'extended-service-term', ms('2026-05-03T23:59:59.999Z'))).toBeNull();
    expect(changeFor(sub, DEFAULT_POLICY, 'extended-service-term', ms('2026-05-04T00:00:00Z'))?.version).toBe(
      '2026-05-04',
    );
  });

  it('R7: in force but not covering (a term started 2025-03-31T23:59:59.999Z) → null', () => {
    const sub = toSubscription({ ...license, term: 'P3Y', purchasedAt: '2025-03-31T23:59:59.999Z' });
    expect(changeFor(sub, DEFAULT_POLICY, 'extended-service-term', ms('2030-01-01T00:00:00Z'))).toBeNull();
  });

  it('R6 P8: the end-of-term choice at 2026-02-15T23:59:59.999Z → null; at 2026-02-16T00:00Z → the change; a trial never', () => {
    const sub = toSubscription(license);
    expect(changeFor(sub, DEFAULT_POLICY, 'end-of-term-choice', ms('2026-02-15T23:59:59.999Z'))).toBeNull();
    expect(changeFor(sub, DEFAULT_POLICY, 'end-of-term-choice', ms('2026-02-16T00:00:00Z'))?.key).toBe(
      'end-of-term-choice',
    );
    const trial = toSubscription({ ...license, term: 'P1M', billing: 'monthly', trial: true });
    expect(changeFor(trial, DEFAULT_POLICY, 'end-of-term-choice', ms('2026-02-16T00:00:00Z'))).toBeNull();
  });

  it('B2: triennial-billing-locked for nce-license at 2025-04-01T00:00Z, not for nce-software nor before', () => {
    const p3y = { ...license, term: 'P3Y', billing: 'monthly', purchasedAt: '2024-06-10T08:00:00Z' } as const;
    expect(
      changeFor(toSubscription(p3y), DEFAULT_POLICY, 'triennial-billing-locked', ms('2025-03-31T23:59:59.999Z')),
    ).toBeNull();
    expect(
      changeFor(toSubscription(p3y), DEFAULT_POLICY, 'triennial-billing-locked', ms('2025-04-01T00:00:00Z'))?.version,
    ).toBe('2025-04-01');
    const software = toSubscription({ ...p3y, program: 'nce-software' });
    expect(changeFor(software, DEFAULT_POLICY, 'triennial-billing-locked', ms('2025-04-01T00:00:00Z'))).toBeNull();
  });

  it('B1: monthly-billing-uplift for every program, trials too, from 2025-04-01T00:00Z', () => {
    for (const program of ['nce-license', 'nce-software', 'nce-saas', 'traditional-saas'] as const) {
      const sub = toSubscription({ ...license, program });
      expect(changeFor(sub, DEFAULT_POLICY, 'monthly-billing-uplift', ms('2025-03-31T23:59:59.999Z'))).toBeNull();
      expect(changeFor(sub, DEFAULT_POLICY, 'monthly-billing-uplift', ms('2025-04-01T00:00:00Z'))?.key).toBe(
        'monthly-billing-uplift',
      );
    }
  });

  it('C14 C9: the SaaS changes from 2024-07-01T00:00Z: a SaaS trial has the trial change only, a paid SaaS term the monthly one only', () => {
    const saas = {
      ...license,
      program: 'nce-saas',
      term: 'P1M',
      billing: 'monthly',
      purchasedAt: '2024-06-01T10:00:00Z',
    } as const;
    const paid = toSubscription(saas);
    const trial = toSubscription({ ...saas, trial: true });
    const before = ms('2024-06-30T23:59:59.999Z');
    const after = ms('2024-07-01T00:00:00Z');
    expect(changeFor(paid, DEFAULT_POLICY, 'saas-monthly-cancel-anytime', before)).toBeNull();
    expect(changeFor(paid, DEFAULT_POLICY, 'saas-monthly-cancel-anytime', after)?.rules).toEqual(['C14']);
    expect(changeFor(trial, DEFAULT_POLICY, 'saas-monthly-cancel-anytime', after)).toBeNull();
    expect(changeFor(trial, DEFAULT_POLICY, 'saas-trial-cancel-anytime', before)).toBeNull();
    expect(changeFor(trial, DEFAULT_POLICY, 'saas-trial-cancel-anytime', after)?.rules).toEqual(['C9', 'C14']);
  });

  it('the policy’s asOf replaces the instant; an ignored change is never returned', () => {
    const sub = toSubscription(license);
    const early = definePolicy({ asOf: '2026-05-03T23:59:59.999Z' });
    const late = definePolicy({ asOf: '2026-05-04T00:00:00Z' });
    expect(changeFor(sub, early, 'extended-service-term', ms('2030-01-01T00:00:00Z'))).toBeNull();
    expect(changeFor(sub, late, 'extended-service-term', ms('2020-01-01T00:00:00Z'))?.key).toBe(
      'extended-service-term',
    );
    const ignoring = definePolicy({ ignoredChanges: ['extended-service-term'] });
    expect(changeFor(sub, ignoring, 'extended-service-term', ms('2030-01-01T00:00:00Z'))).toBeNull();
  });
});
