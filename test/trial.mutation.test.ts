import { describe, expect, it } from 'vitest';
import type { SubscriptionInput } from '../src/snapshot/subscription.js';
import { trialConversion, type TrialConversionOptions } from '../src/decisions/trial.js';
import { caught } from './support/caught.js';

// Mutation tests of trial.ts: whole decisions, whole errors.
// A 30-day trial from 2024-01-01: its last day (termEndDay) is 2024-01-30, so it ends 2024-01-31T00:00Z.
const trial: SubscriptionInput = {
  id: 't',
  offerName: 'Microsoft 365 E3 Trial',
  program: 'nce-license',
  term: 'P1M',
  billing: 'monthly',
  quantity: 25,
  trial: true,
  purchasedAt: '2024-01-01T10:00:00Z',
  termEndDate: '2024-01-30',
};
const t = (over: Partial<SubscriptionInput> = {}): SubscriptionInput => ({ ...trial, ...over });
const existing: SubscriptionInput = {
  id: 'e',
  offerName: 'Microsoft 365 E3',
  program: 'nce-license',
  term: 'P3Y',
  billing: 'annual',
  quantity: 40,
  purchasedAt: '2023-05-01T00:00:00Z',
  termEndDate: '2024-01-30',
};
const now = '2024-01-10T00:00:00Z';
const END = Date.parse('2024-01-31T00:00:00Z');
const opts = (over: Partial<TrialConversionOptions> = {}): TrialConversionOptions => ({
  target: 'equivalent',
  mode: 'midterm',
  now,
  ...over,
});
const refused = (rule: string, reason: string, facts: Record<string, unknown>) => ({
  allowed: false,
  rule,
  reason,
  opensAt: null,
  assumptions: [],
  warnings: [],
  target: 'equivalent',
  mode: 'midterm',
  seats: 25,
  term: 'P1Y',
  billing: 'monthly',
  effective: null,
  effectiveAt: null,
  promotionsApply: false,
  ...facts,
});

describe('TR3 TR7 whole refusals', () => {
  it('TR3: a suspended trial: TR3 NOT_ACTIVE', () => {
    expect(trialConversion(t({ status: 'suspended' }), opts())).toEqual(refused('TR3', 'NOT_ACTIVE', {}));
  });

  it('TR3: a scheduled conversion into an existing subscription: TR3 SCHEDULED_INTO_EXISTING, the existing plan reported', () => {
    expect(trialConversion(t(), opts({ target: 'existing', existing, mode: 'scheduled' }))).toEqual(
      refused('TR3', 'SCHEDULED_INTO_EXISTING', {
        target: 'existing',
        mode: 'scheduled',
        term: 'P3Y',
        billing: 'annual',
      }),
    );
  });

  it('TR3: an existing target that is itself a trial: TR3 EXISTING_NOT_ACTIVE', () => {
    expect(trialConversion(t(), opts({ target: 'existing', existing: { ...existing, trial: true } }))).toEqual(
      refused('TR3', 'EXISTING_NOT_ACTIVE', { target: 'existing', term: 'P3Y', billing: 'annual' }),
    );
  });

  it('TR3 TR7: scheduled: last allowed 2024-01-30T23:59:59.999Z, refused TRIAL_ENDED from 2024-01-31T00:00:00.000Z', () => {
    expect(trialConversion(t(), opts({ mode: 'scheduled', seats: 5, now: '2024-01-30T23:59:59.999Z' }))).toEqual({
      allowed: true,
      rule: 'TR7',
      reason: 'CONVERT_AT_TRIAL_END',
      until: END,
      assumptions: [],
      warnings: [],
      target: 'equivalent',
      mode: 'scheduled',
      seats: 5,
      term: 'P1Y',
      billing: 'monthly',
      effective: 'at-trial-end',
      effectiveAt: END,
      promotionsApply: false,
    });
    expect(trialConversion(t(), opts({ mode: 'scheduled', seats: 5, now: '2024-01-31T00:00:00.000Z' }))).toEqual(
      refused('TR3', 'TRIAL_ENDED', { mode: 'scheduled', seats: 5 }),
    );
  });
});

describe('TR4 an existing target keeps its own term and billing', () => {
  const into = (over: Partial<TrialConversionOptions>) =>
    trialConversion(t(), opts({ target: 'existing', existing, ...over })).warnings;
  it('TR4: asking for the existing term or billing (P3Y, annual) warns nothing; asking for another one warns', () => {
    expect(into({ term: 'P3Y' })).toEqual([]);
    expect(into({ billing: 'annual' })).toEqual([]);
    expect(into({ term: 'P3Y', billing: 'annual' })).toEqual([]);
    expect(into({ billing: 'monthly' })).toEqual(['TERM_AND_BILLING_FROM_EXISTING']);
    expect(into({ term: 'P3Y', billing: 'monthly' })).toEqual(['TERM_AND_BILLING_FROM_EXISTING']);
    expect(into({ term: 'P1Y', billing: 'annual' })).toEqual(['TERM_AND_BILLING_FROM_EXISTING']);
  });
});

describe('TR2 TR3 TR6 whole errors', () => {
  const err = (o: Partial<TrialConversionOptions>) => {
    const e = caught(() => trialConversion(t(), opts(o)));
    return [e.code, e.field, e.message];
  };
  it('TR2: a billing that is not a frequency names `billing`', () => {
    expect(err({ billing: 'weekly' as never })).toEqual([
      'INVALID_ENUM',
      'billing',
      'billing: expected one of monthly, annual, triennial, got "weekly"',
    ]);
  });
  it('TR2 B1: a billing longer than the chosen term', () => {
    expect(err({ term: 'P1Y', billing: 'triennial' })).toEqual([
      'INCONSISTENT',
      'billing',
      'billing: billing triennial is longer than the term P1Y (B1)',
    ]);
  });
  it('TR6: a promotionId that is not a string names `promotionId`', () => {
    expect(err({ promotionId: 42 as never })).toEqual([
      'INVALID_TYPE',
      'promotionId',
      'promotionId: expected a string, got 42',
    ]);
  });
  it('TR3: `existing` is required exactly for the target `existing`', () => {
    expect(err({ target: 'existing' })).toEqual([
      'MISSING_FIELD',
      'existing',
      "existing: is required when target is 'existing'",
    ]);
    expect(err({ target: 'higher-tier', existing })).toEqual([
      'INCONSISTENT',
      'existing',
      "existing: is only for target 'existing'",
    ]);
  });
});
