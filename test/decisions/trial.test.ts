import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eligibleBillingFrequencyChanges } from '../../src/decisions/billingChanges.js';
import { type SubscriptionInput, toSubscription } from '../../src/snapshot/subscription.js';
import { saasFreeTrial, canConvertTrial, type TrialConversionOptions } from '../../src/decisions/trial.js';
import {
  TRIAL_AUTO_RENEW_DEFAULT,
  TRIAL_DAYS,
  TRIAL_DEFAULT_BILLING,
  TRIAL_DEFAULT_TERM,
  TRIAL_SEATS,
} from '../../src/policy/trials.js';
import { stateGate } from '../../src/decisions/gates.js';
import { caught } from '../support/caught.js';
import { at } from '../support/time.js';

// A 30-day trial from 2024-01-01: its last day (termEndDay) is 2024-01-30.
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
const opts = (over: Partial<TrialConversionOptions> = {}): TrialConversionOptions => ({
  target: 'equivalent',
  mode: 'midterm',
  now,
  ...over,
});

// A 30-day trial from 2024-01-01: its last day (termEndDay) is 2024-01-30, so it ends 2024-01-31T00:00Z.
const END = Date.parse('2024-01-31T00:00:00Z');
const refused = (rule: string, reason: string, facts: Record<string, unknown>) => ({
  allowed: false,
  rule,
  policyVersion: '2023-10-19',
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

describe('TR1 trial facts', () => {
  it('25 seats, 30 days, auto-renew on', () => {
    expect([TRIAL_SEATS, TRIAL_DAYS, TRIAL_AUTO_RENEW_DEFAULT]).toEqual([25, 30, true]);
  });
});

describe('TR2 defaults: Annual term, Monthly billing, 25 seats', () => {
  it('a conversion without choices', () => {
    expect([TRIAL_DEFAULT_TERM, TRIAL_DEFAULT_BILLING]).toEqual(['P1Y', 'monthly']);
    expect(canConvertTrial(t(), opts())).toEqual({
      allowed: true,
      rule: 'TR4',
      policyVersion: '2023-10-19',
      reason: 'CONVERT_NOW',
      until: at('2024-01-31T00:00:00Z'),
      assumptions: [],
      warnings: [],
      target: 'equivalent',
      mode: 'midterm',
      seats: 25,
      term: 'P1Y',
      billing: 'monthly',
      effective: 'immediate',
      effectiveAt: at(now),
      promotionsApply: false,
    });
  });
  it('chosen term and billing are kept; billing longer than the term is bad input', () => {
    expect(canConvertTrial(t(), opts({ term: 'P3Y', billing: 'triennial', seats: 30 }))).toMatchObject({
      term: 'P3Y',
      billing: 'triennial',
      seats: 30,
    });
    expect(() => canConvertTrial(t(), opts({ term: 'P1M', billing: 'annual' }))).toThrow(
      expect.objectContaining({ code: 'INCONSISTENT', field: 'billing' }),
    );
  });

  const err = (o: Partial<TrialConversionOptions>) => {
    const e = caught(() => canConvertTrial(t(), opts(o)));
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

describe('TR3 targets and modes', () => {
  it("TR3 TR2 R4: midterm: any time until the end of the trial's last day, to the millisecond", () => {
    expect(canConvertTrial(t(), opts({ target: 'higher-tier', now: '2024-01-30T23:59:59.999Z' })).allowed).toBe(true);
    // Auto-renewing: the day after its last day the trial converts (the renewal, R4: read-only
    // until its latest completion, 2024-02-01T00:00Z); after that the trial is over (TR2).
    expect(canConvertTrial(t(), opts({ now: '2024-01-31T00:00:00.000Z' }))).toMatchObject({
      allowed: false,
      rule: 'R4',
      policyVersion: '2023-10-19',
      reason: 'RENEWAL_READ_ONLY',
      opensAt: at('2024-02-01T00:00:00Z'),
    });
    expect(canConvertTrial(t(), opts({ now: '2024-01-31T23:59:59.999Z' }))).toMatchObject({
      rule: 'R4',
      policyVersion: '2023-10-19',
      reason: 'RENEWAL_READ_ONLY',
      opensAt: at('2024-02-01T00:00:00Z'),
    });
    expect(canConvertTrial(t(), opts({ now: '2024-02-01T00:00:00.000Z' }))).toMatchObject({
      allowed: false,
      rule: 'TR2',
      policyVersion: '2023-10-19',
      reason: 'TERM_ENDED',
      opensAt: null,
    });
    // Auto-renew off: the trial ends with its last day.
    expect(canConvertTrial(t({ autoRenew: false }), opts({ now: '2024-01-31T00:00:00.000Z' }))).toMatchObject({
      allowed: false,
      rule: 'TR2',
      policyVersion: '2023-10-19',
      reason: 'TERM_ENDED',
      opensAt: null,
    });
  });
  it('refuses what is not an active trial', () => {
    expect(canConvertTrial(t({ trial: false }), opts())).toMatchObject({
      allowed: false,
      rule: 'TR3',
      policyVersion: '2023-10-19',
      reason: 'NOT_A_TRIAL',
      effective: null,
      effectiveAt: null,
    });
    expect(canConvertTrial(t({ status: 'expired' }), opts())).toMatchObject({ reason: 'NOT_ACTIVE' });
    expect(canConvertTrial(t({ status: 'deleted' }), opts())).toMatchObject({ rule: 'P7', reason: 'TERMINATED' });
    expect(canConvertTrial(t({ status: 'cancelled' }), opts())).toMatchObject({ rule: 'C3', reason: 'TERMINATED' });
  });
  it('validates target, mode, seats and existing', () => {
    expect(() => canConvertTrial(t(), opts({ target: 'lower' as never }))).toThrow(
      expect.objectContaining({ code: 'INVALID_ENUM', field: 'target' }),
    );
    expect(() => canConvertTrial(t(), opts({ mode: 'now' as never }))).toThrow(
      expect.objectContaining({ code: 'INVALID_ENUM', field: 'mode' }),
    );
    expect(() => canConvertTrial(t(), opts({ term: 'P2Y' as never }))).toThrow(
      expect.objectContaining({ code: 'INVALID_ENUM', field: 'term' }),
    );
    expect(() => canConvertTrial(t(), opts({ seats: 2.5 }))).toThrow(
      expect.objectContaining({ code: 'INVALID_QUANTITY', field: 'seats' }),
    );
    expect(() => canConvertTrial(t(), opts({ target: 'existing' }))).toThrow(
      expect.objectContaining({ code: 'MISSING_FIELD', field: 'existing' }),
    );
    expect(() => canConvertTrial(t(), opts({ existing }))).toThrow(
      expect.objectContaining({ code: 'INCONSISTENT', field: 'existing' }),
    );
  });
  // TR3 (MCS "Manage trials"): conversion targets include an existing subscription, "midterm … or
  // scheduled for the end"; MCS forbids neither combination (U5's rule is an upgrade's, not a trial's).
  it('TR3 TR7: a scheduled conversion into an existing subscription is allowed', () => {
    expect(canConvertTrial(t(), opts({ target: 'existing', existing, mode: 'scheduled' }))).toMatchObject({
      allowed: true,
      rule: 'TR7',
      policyVersion: '2023-10-19',
      reason: 'CONVERT_AT_TRIAL_END',
    });
  });

  it('TR3: a suspended trial: TR3 NOT_ACTIVE', () => {
    expect(canConvertTrial(t({ status: 'suspended' }), opts())).toEqual(refused('TR3', 'NOT_ACTIVE', {}));
  });

  it("TR3 TR7 TR4: a scheduled conversion into an existing subscription: at the trial's end, the existing plan kept", () => {
    // existing: P3Y billed annually, ending 2024-01-30 — the trial's last day (TR5: the same day is enough).
    expect(canConvertTrial(t(), opts({ target: 'existing', existing, mode: 'scheduled' }))).toEqual({
      allowed: true,
      rule: 'TR7',
      policyVersion: '2023-10-19',
      reason: 'CONVERT_AT_TRIAL_END',
      until: END,
      assumptions: [],
      warnings: [],
      target: 'existing',
      mode: 'scheduled',
      seats: 25,
      term: 'P3Y',
      billing: 'annual',
      effective: 'at-trial-end',
      effectiveAt: END,
      promotionsApply: false,
    });
    // TR7: fewer than 25 seats may be scheduled, into an existing subscription too; TR4: its plan is kept.
    expect(
      canConvertTrial(t(), opts({ target: 'existing', existing, mode: 'scheduled', seats: 5, term: 'P1Y' })),
    ).toMatchObject({
      allowed: true,
      seats: 5,
      term: 'P3Y',
      billing: 'annual',
      warnings: ['TERM_AND_BILLING_FROM_EXISTING'],
    });
  });

  it("TR3 TR5 TR7: the existing target's rules apply to a scheduled conversion as to a midterm one", () => {
    const scheduled = (e: SubscriptionInput) =>
      canConvertTrial(t(), opts({ target: 'existing', existing: e, mode: 'scheduled' }));
    expect(scheduled({ ...existing, termEndDate: '2024-01-29' })).toEqual(
      refused('TR5', 'EXISTING_ENDS_BEFORE_TRIAL', {
        target: 'existing',
        mode: 'scheduled',
        term: 'P3Y',
        billing: 'annual',
      }),
    );
    expect(scheduled({ ...existing, status: 'suspended' })).toMatchObject({
      allowed: false,
      rule: 'TR3',
      policyVersion: '2023-10-19',
      reason: 'EXISTING_NOT_ACTIVE',
    });
    expect(scheduled({ ...existing, trial: true })).toMatchObject({
      allowed: false,
      rule: 'TR3',
      policyVersion: '2023-10-19',
      reason: 'EXISTING_NOT_ACTIVE',
    });
    // TR7 comes first: without auto-renew nothing is scheduled, whatever the target.
    expect(
      canConvertTrial(t({ autoRenew: false }), opts({ target: 'existing', existing, mode: 'scheduled' })),
    ).toMatchObject({ allowed: false, rule: 'TR7', reason: 'SCHEDULE_REQUIRES_AUTO_RENEW' });
  });

  it('TR3: an existing target that is itself a trial: TR3 EXISTING_NOT_ACTIVE', () => {
    expect(canConvertTrial(t(), opts({ target: 'existing', existing: { ...existing, trial: true } }))).toEqual(
      refused('TR3', 'EXISTING_NOT_ACTIVE', { target: 'existing', term: 'P3Y', billing: 'annual' }),
    );
  });

  it('TR7 R4 TR2: scheduled: last allowed 2024-01-30T23:59:59.999Z, refused RENEWAL_READ_ONLY from 2024-01-31T00:00:00.000Z, TERM_ENDED from 2024-02-01T00:00:00.000Z', () => {
    expect(canConvertTrial(t(), opts({ mode: 'scheduled', seats: 5, now: '2024-01-30T23:59:59.999Z' }))).toEqual({
      allowed: true,
      rule: 'TR7',
      policyVersion: '2023-10-19',
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
    expect(canConvertTrial(t(), opts({ mode: 'scheduled', seats: 5, now: '2024-01-31T00:00:00.000Z' }))).toEqual(
      refused('R4', 'RENEWAL_READ_ONLY', { mode: 'scheduled', seats: 5, opensAt: at('2024-02-01T00:00:00Z') }),
    );
    expect(canConvertTrial(t(), opts({ mode: 'scheduled', seats: 5, now: '2024-02-01T00:00:00.000Z' }))).toEqual(
      refused('TR2', 'TERM_ENDED', { mode: 'scheduled', seats: 5 }),
    );
  });
});

describe('TR4 midterm conversion: at least 25 seats; an existing target keeps its term and billing', () => {
  it('24 seats refused, 25 allowed', () => {
    expect(canConvertTrial(t(), opts({ seats: 24 }))).toMatchObject({
      allowed: false,
      rule: 'TR4',
      policyVersion: '2023-10-19',
      reason: 'BELOW_TRIAL_MINIMUM',
      opensAt: null,
    });
    expect(canConvertTrial(t(), opts({ seats: 25 })).allowed).toBe(true);
  });
  it('a midterm conversion is never allowed below 25 seats (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 24 }),
        fc.constantFrom('equivalent', 'higher-tier', 'existing') as fc.Arbitrary<
          'equivalent' | 'higher-tier' | 'existing'
        >,
        fc.integer({ min: 0, max: 40 * 86_400_000 }),
        (seats, target, offset) => {
          const d = canConvertTrial(t(), {
            target,
            mode: 'midterm',
            seats,
            now: at('2024-01-01T10:00:00Z') + offset,
            ...(target === 'existing' ? { existing } : {}),
          });
          expect(d.allowed).toBe(false);
        },
      ),
    );
  });
  it('existing target: seats added, its term and billing kept (a warning when others were asked for)', () => {
    expect(canConvertTrial(t(), opts({ target: 'existing', existing }))).toMatchObject({
      allowed: true,
      term: 'P3Y',
      billing: 'annual',
      warnings: [],
    });
    expect(canConvertTrial(t(), opts({ target: 'existing', existing, term: 'P1Y' })).warnings).toEqual([
      'TERM_AND_BILLING_FROM_EXISTING',
    ]);
    expect(
      canConvertTrial(t(), opts({ target: 'existing', existing: { ...existing, status: 'suspended' } })),
    ).toMatchObject({ allowed: false, reason: 'EXISTING_NOT_ACTIVE' });
  });

  const into = (over: Partial<TrialConversionOptions>) =>
    canConvertTrial(t(), opts({ target: 'existing', existing, ...over })).warnings;

  it('TR4: asking for the existing term or billing (P3Y, annual) warns nothing; asking for another one warns', () => {
    expect(into({ term: 'P3Y' })).toEqual([]);
    expect(into({ billing: 'annual' })).toEqual([]);
    expect(into({ term: 'P3Y', billing: 'annual' })).toEqual([]);
    expect(into({ billing: 'monthly' })).toEqual(['TERM_AND_BILLING_FROM_EXISTING']);
    expect(into({ term: 'P3Y', billing: 'monthly' })).toEqual(['TERM_AND_BILLING_FROM_EXISTING']);
    expect(into({ term: 'P1Y', billing: 'annual' })).toEqual(['TERM_AND_BILLING_FROM_EXISTING']);
  });
});

describe("TR5 an existing target must end on the trial's end day or later", () => {
  it('ends 2024-01-29 → refused; 2024-01-30 → allowed', () => {
    expect(
      canConvertTrial(t(), opts({ target: 'existing', existing: { ...existing, termEndDate: '2024-01-29' } })),
    ).toMatchObject({
      allowed: false,
      rule: 'TR5',
      policyVersion: '2023-10-19',
      reason: 'EXISTING_ENDS_BEFORE_TRIAL',
    });
    expect(
      canConvertTrial(t(), opts({ target: 'existing', existing: { ...existing, termEndDate: '2024-01-30' } })).allowed,
    ).toBe(true);
  });
});

describe('TR6 promotions do not apply to a conversion', () => {
  it('warns PROMOTION_NOT_APPLIED when a promotion is in play; promotionsApply is always false', () => {
    expect(canConvertTrial(t(), opts({ promotionId: 'P-1' })).warnings).toEqual(['PROMOTION_NOT_APPLIED']);
    expect(canConvertTrial(t({ promotionId: 'P-2' }), opts({ seats: 3 }))).toMatchObject({
      allowed: false,
      warnings: ['PROMOTION_NOT_APPLIED'],
      promotionsApply: false,
    });
  });
});

describe('TR7 scheduled conversion', () => {
  it("fewer than 25 seats allowed; effective 00:00Z after the trial's last day; until then", () => {
    expect(canConvertTrial(t(), opts({ mode: 'scheduled', seats: 10 }))).toMatchObject({
      allowed: true,
      rule: 'TR7',
      policyVersion: '2023-10-19',
      reason: 'CONVERT_AT_TRIAL_END',
      seats: 10,
      effective: 'at-trial-end',
      effectiveAt: at('2024-01-31T00:00:00Z'),
      until: at('2024-01-31T00:00:00Z'),
    });
  });
  it('needs auto-renew on', () => {
    expect(canConvertTrial(t({ autoRenew: false }), opts({ mode: 'scheduled', seats: 10 }))).toMatchObject({
      allowed: false,
      rule: 'TR7',
      policyVersion: '2023-10-19',
      reason: 'SCHEDULE_REQUIRES_AUTO_RENEW',
    });
  });
  it("S3: a midterm conversion removes the trial's scheduled changes (warning)", () => {
    expect(canConvertTrial(t({ scheduledChange: { quantity: 10 } }), opts()).warnings).toEqual([
      'SCHEDULED_CHANGES_REMOVED',
    ]);
  });
});

describe('TR8 during a trial: no quantity or status change', () => {
  it("TR8 Q7: the state gates lock a trial's quantity, status and plan; nothing for a paid subscription", () => {
    // Was trialLocked (removed): the state table answers it for every action.
    const s = toSubscription(t());
    const paid = toSubscription(t({ trial: false }));
    const gate = (action: Parameters<typeof stateGate>[0], sub = s) => {
      const row = stateGate(action, sub, 'in-term');
      return row === null ? null : { rule: row.rule, reason: row.reason };
    };
    expect(gate('reduceSeats')).toEqual({ rule: 'Q7', reason: 'TRIAL_QUANTITY_LOCKED' });
    expect(gate('addSeats')).toEqual({ rule: 'Q7', reason: 'TRIAL_QUANTITY_LOCKED' });
    expect(gate('suspend')).toEqual({ rule: 'TR8', reason: 'TRIAL_STATUS_LOCKED' });
    expect(gate('reactivate')).toEqual({ rule: 'TR8', reason: 'TRIAL_STATUS_LOCKED' });
    expect(gate('changeBilling')).toEqual({ rule: 'TR8', reason: 'TRIAL_PLAN_LOCKED' });
    expect(gate('changeTerm')).toEqual({ rule: 'TR8', reason: 'TRIAL_PLAN_LOCKED' });
    expect(gate('suspend', paid)).toBeNull();
    expect(gate('changeTerm', paid)).toBeNull();
  });
  it('plan changes on a trial are refused with TR8', () => {
    const r = eligibleBillingFrequencyChanges(t(), { now });
    expect(r.refused.map((o) => [o.rule, o.reason])).toEqual([
      ['TR8', 'TRIAL_PLAN_LOCKED'],
      ['TR8', 'TRIAL_PLAN_LOCKED'],
    ]);
  });
});

describe('TR9 marketplace SaaS free trial cannot be waived', () => {
  const saas = t({ program: 'nce-saas', offerName: 'Contoso SaaS' });
  it('no midterm conversion; it converts when the trial ends', () => {
    expect(canConvertTrial(saas, opts())).toMatchObject({
      allowed: false,
      rule: 'TR9',
      policyVersion: '2023-10-19',
      reason: 'FREE_TRIAL_NOT_WAIVABLE',
      opensAt: at('2024-01-31T00:00:00Z'),
    });
    // The trial's end day is given (2024-01-30): nothing assumed.
    expect(saasFreeTrial(saas)).toEqual({
      rule: 'TR9',
      waivable: false,
      paidTermStartsAt: at('2024-01-31T00:00:00Z'),
      assumptions: [],
    });
    expect(saasFreeTrial(t())).toBeNull();
  });
});

describe('TR2 R4 C3 a state gate answers alone: no conversion warnings on it', () => {
  it('TR6 R4: a trial with a promotion, asked while it converts (2024-01-31): R4 without PROMOTION_NOT_APPLIED', () => {
    expect(
      canConvertTrial(t({ promotionId: 'P-2' }), opts({ promotionId: 'P-1', now: '2024-01-31T06:00:00Z' })),
    ).toEqual(refused('R4', 'RENEWAL_READ_ONLY', { opensAt: at('2024-02-01T00:00:00Z') }));
  });
  it('TR2 C3 TR3: ended, cancelled, not a trial: no warnings either', () => {
    const ask = (over: Partial<SubscriptionInput>, now: string) =>
      canConvertTrial(t({ promotionId: 'P-2', ...over }), opts({ now, term: 'P3Y', billing: 'annual' })).warnings;
    expect(ask({}, '2024-02-01T00:00:00Z')).toEqual([]); // TR2 TERM_ENDED
    expect(ask({ status: 'cancelled' }, now)).toEqual([]); // C3
    expect(ask({ trial: false }, now)).toEqual([]); // TR3 NOT_A_TRIAL
  });
});

// TR1 (MCS "Manage trials"): "Trials last for 30 days." A trial given without an end date ends 30
// days after its start: bought 2024-02-15T08:00Z, day 30 is 2024-03-15 (14 days to Feb 29, 2024 a
// leap year, then 15), so it ends at 2024-03-16T00:00Z — a calendar month would have ended it a
// day earlier (P1M from Feb 15: last day Mar 14).
describe('TR1 TR3 TR7 TR9 a trial without an end date: boundaries to the millisecond at day 30', () => {
  const noEnd: SubscriptionInput = {
    program: 'nce-license',
    term: 'P1M',
    billing: 'monthly',
    quantity: 25,
    trial: true,
    purchasedAt: '2024-02-15T08:00:00Z',
  };
  const LAST = '2024-03-15T23:59:59.999Z';
  const FIRST_AFTER = '2024-03-16T00:00:00.000Z';
  const TRIAL_END = at('2024-03-16T00:00:00Z');
  const ask = (mode: 'midterm' | 'scheduled', nowAt: string | number, sub: SubscriptionInput = noEnd) =>
    canConvertTrial(sub, { target: 'equivalent', mode, seats: 25, now: nowAt });

  it('TR1 TR3: midterm: allowed at the last ms of day 30 (until its end), with TRIAL_END_ASSUMED', () => {
    expect(ask('midterm', LAST)).toEqual({
      allowed: true,
      rule: 'TR4',
      policyVersion: '2023-10-19',
      reason: 'CONVERT_NOW',
      until: TRIAL_END,
      assumptions: ['TRIAL_END_ASSUMED'],
      warnings: [],
      target: 'equivalent',
      mode: 'midterm',
      seats: 25,
      term: 'P1Y',
      billing: 'monthly',
      effective: 'immediate',
      effectiveAt: at(LAST),
      promotionsApply: false,
    });
    // 2024-03-15T12:00Z is inside the 30 days (a calendar month would already be over).
    expect(ask('midterm', '2024-03-15T12:00:00Z').allowed).toBe(true);
  });
  it('TR1 TR3 R4 TR2: midterm: refused from the first instant after day 30 (converting, read-only for 24 h), then ended', () => {
    expect(ask('midterm', FIRST_AFTER)).toMatchObject({
      allowed: false,
      rule: 'R4',
      policyVersion: '2023-10-19',
      reason: 'RENEWAL_READ_ONLY',
      opensAt: at('2024-03-17T00:00:00Z'),
      assumptions: ['TRIAL_END_ASSUMED'],
      warnings: [],
    });
    expect(ask('midterm', '2024-03-17T00:00:00.000Z')).toMatchObject({
      allowed: false,
      rule: 'TR2',
      policyVersion: '2023-10-19',
      reason: 'TERM_ENDED',
      opensAt: null,
      assumptions: ['TRIAL_END_ASSUMED'],
    });
    // Auto-renew off: it does not convert; it is over from the first instant after day 30.
    expect(ask('midterm', FIRST_AFTER, { ...noEnd, autoRenew: false })).toMatchObject({
      rule: 'TR2',
      policyVersion: '2023-10-19',
      reason: 'TERM_ENDED',
    });
    expect(ask('midterm', LAST, { ...noEnd, autoRenew: false }).allowed).toBe(true);
  });
  it('TR1 TR7: scheduled: allowed at the last ms of day 30, effective at its end; refused from the first instant after', () => {
    expect(ask('scheduled', LAST)).toMatchObject({
      allowed: true,
      rule: 'TR7',
      policyVersion: '2023-10-19',
      reason: 'CONVERT_AT_TRIAL_END',
      until: TRIAL_END,
      effective: 'at-trial-end',
      effectiveAt: TRIAL_END,
      assumptions: ['TRIAL_END_ASSUMED'],
    });
    expect(ask('scheduled', FIRST_AFTER)).toMatchObject({
      allowed: false,
      rule: 'R4',
      policyVersion: '2023-10-19',
      reason: 'RENEWAL_READ_ONLY',
      opensAt: at('2024-03-17T00:00:00Z'),
      assumptions: ['TRIAL_END_ASSUMED'],
    });
  });
  // TR9 (MCS "After you buy a subscription"): a marketplace SaaS 30-day free trial "can't be
  // waived"; after it the paid term starts.
  it('TR1 TR9: a marketplace SaaS free trial: its paid term starts at 2024-03-16T00:00Z; no midterm conversion up to the last ms of day 30', () => {
    const saas = { ...noEnd, program: 'nce-saas', offerName: 'Contoso SaaS' } as const;
    // TR1: the paid term's start rests on the assumed 30-day end.
    expect(saasFreeTrial(saas)).toEqual({
      rule: 'TR9',
      waivable: false,
      paidTermStartsAt: TRIAL_END,
      assumptions: ['TRIAL_END_ASSUMED'],
    });
    expect(ask('midterm', LAST, saas)).toMatchObject({
      allowed: false,
      rule: 'TR9',
      policyVersion: '2023-10-19',
      reason: 'FREE_TRIAL_NOT_WAIVABLE',
      opensAt: TRIAL_END,
      assumptions: ['TRIAL_END_ASSUMED'],
    });
    expect(ask('midterm', FIRST_AFTER, saas)).toMatchObject({
      allowed: false,
      rule: 'R4',
      policyVersion: '2023-10-19',
      reason: 'RENEWAL_READ_ONLY',
    });
    expect(ask('scheduled', LAST, saas)).toMatchObject({ allowed: true, rule: 'TR7', effectiveAt: TRIAL_END });
    expect(ask('scheduled', FIRST_AFTER, saas)).toMatchObject({ allowed: false, rule: 'R4' });
  });
  it('TR1: property: for any purchase instant, the last allowed instant is 00:00Z of start day + 30 minus 1 ms', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2090, 0, 1) }), (purchase) => {
        // Oracle: the start's UTC day + 30 days, at 00:00Z, by Date.UTC.
        const d = new Date(purchase);
        const end = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 30);
        const sub = { ...noEnd, purchasedAt: purchase };
        expect(ask('midterm', end - 1, sub)).toMatchObject({ allowed: true, until: end });
        expect(ask('midterm', end, sub).allowed).toBe(false);
      }),
      { numRuns: 100 },
    );
  });
});
