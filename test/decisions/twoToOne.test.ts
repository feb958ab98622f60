/**
 * U6 two-to-one plans asserted whole (issue 7.5): every field of the plan and of both steps,
 * worked out by hand from rules.md (U2, U3, U5, U6, U7, U8, C10, T2).
 */
import { describe, expect, it } from 'vitest';
import type { SubscriptionInput } from '../../src/snapshot/subscription.js';
import { planTwoToOne } from '../../src/decisions/twoToOne.js';
import { definePolicy } from '../../src/policy/policy.js';
import { caught } from '../support/caught.js';
import { at } from '../support/time.js';

const E3 = 'Microsoft 365 E3';
const E5 = 'Microsoft 365 E5';
const TEAMS = 'Microsoft Teams Phone Standard';
const catalog = [
  { from: E3, to: E5 },
  { from: TEAMS, to: E5 },
];
const first: SubscriptionInput = {
  id: 'a',
  offerName: E3,
  program: 'nce-license',
  term: 'P1Y',
  billing: 'monthly',
  quantity: 10,
  purchasedAt: '2024-01-15T09:30:00Z', // term end date 2025-01-14 → ends 2025-01-15T00:00Z (T2)
};
const second: SubscriptionInput = {
  id: 'b',
  offerName: TEAMS,
  program: 'nce-license',
  term: 'P1Y',
  billing: 'monthly',
  quantity: 4,
  purchasedAt: '2024-01-10T08:00:00Z', // term end date 2025-01-09 → ends 2025-01-10T00:00Z
};
const NOW = '2024-03-01T00:00:00Z'; // both cancellation windows (7 days) long closed; the baseline rules (2023-10-19)

/** A full (all seats) midterm upgrade that U3 allows: same subscription, or into the upgraded one (U5). */
function fullUpgrade(
  quantity: number,
  into: 'same-subscription' | 'existing-subscription',
  until: number | null,
  warnings: string[],
) {
  return {
    allowed: true,
    rule: 'U3',
    policyVersion: '2023-10-19',
    reason: 'FULL_UPGRADE',
    until,
    assumptions: [],
    warnings,
    kind: 'full',
    when: 'midterm',
    quantity,
    into,
    cancellable: false,
    apiCode: null,
    effectiveAt: at(NOW),
    newSubscription: null,
    licenseAssignment: 'automatic',
    duplicateLicenses: null,
  };
}

/** A refused midterm full upgrade: no effect, manual assignment, the refusal's own facts. */
function refused(
  quantity: number,
  into: 'same-subscription' | 'existing-subscription',
  rule: string,
  reason: string,
  apiCode: string | null,
  duplicateLicenses: unknown = null,
) {
  return {
    allowed: false,
    rule,
    policyVersion: '2023-10-19',
    reason,
    opensAt: null,
    assumptions: [],
    warnings: [],
    kind: 'full',
    when: 'midterm',
    quantity,
    into,
    cancellable: false,
    apiCode,
    effectiveAt: null,
    newSubscription: null,
    licenseAssignment: 'manual',
    duplicateLicenses,
  };
}
const U7_NOTE = {
  rule: 'U7',
  action: 'SUPPORT_TICKET',
  billingCycles: 2,
  from: 'UPGRADED_LICENSE_INVOICED',
  text: 'within the first two billing cycles from when the upgraded license was invoiced',
};

describe('U6 two-to-one upgrade as two ordered steps', () => {
  it('step 1 upgrades the first one-to-one; step 2 moves the second into the upgraded subscription', () => {
    const plan = planTwoToOne(first, second, { to: E5, now: '2024-03-01T00:00:00Z', catalog });
    expect(plan).toMatchObject({ allowed: true, rule: 'U6', reason: 'TWO_STEPS', until: null });
    expect(
      plan.steps.map((s) => [s.order, s.action, s.subscriptionId, s.decision.rule, s.decision.reason, s.decision.into]),
    ).toEqual([
      [1, 'upgrade', 'a', 'U3', 'FULL_UPGRADE', 'same-subscription'],
      [2, 'transition-into-upgraded', 'b', 'U3', 'FULL_UPGRADE', 'existing-subscription'],
    ]);
    expect(plan.warnings).toEqual(['UPGRADE_NOT_CANCELLABLE']);
  });

  it('step 2 waits while the upgraded subscription is inside its cancellation window (U5), to the millisecond', () => {
    const fresh = { ...first, purchasedAt: '2024-02-28T12:00:00Z' }; // window closes 2024-03-06T12:00Z
    const early = planTwoToOne(fresh, second, { to: E5, now: '2024-03-06T11:59:59.999Z', catalog });
    expect(early).toMatchObject({
      allowed: false,
      rule: 'U6',
      policyVersion: '2023-10-19',
      reason: 'DESTINATION_IN_CANCELLATION_WINDOW',
      opensAt: at('2024-03-06T12:00:00Z'),
    });
    expect(early.steps[0].decision.allowed).toBe(true);
    expect(planTwoToOne(fresh, second, { to: E5, now: '2024-03-06T12:00:00.000Z', catalog }).allowed).toBe(true);
  });

  it('refused when the second ends after the upgraded one, or a path is unsupported', () => {
    const later = { ...second, purchasedAt: '2024-02-01T08:00:00Z' }; // ends 2025-01-31 > 2025-01-14
    expect(planTwoToOne(first, later, { to: E5, now: '2024-03-01T00:00:00Z', catalog }).reason).toBe(
      'DESTINATION_ENDS_EARLIER',
    );
    const plan = planTwoToOne(first, second, { to: E5, now: '2024-03-01T00:00:00Z', catalog: [catalog[0]!] });
    expect(plan).toMatchObject({ allowed: false, reason: 'UNSUPPORTED_UPGRADE_PATH' });
    expect(plan.steps[1].decision.duplicateLicenses).toMatchObject({ rule: 'U7' });
  });

  it('the same subscription twice is bad input', () => {
    expect(() => planTwoToOne(first, { ...second, id: 'a' }, { to: E5, now: NOW, catalog })).toThrow(
      expect.objectContaining({ code: 'INCONSISTENT', field: 'second.id' }),
    );
  });

  it('U6: both allowed, auto-renew on: open-ended (until null), C10 warning once, no assumptions', () => {
    expect(planTwoToOne(first, second, { to: E5, now: NOW, catalog })).toEqual({
      allowed: true,
      rule: 'U6',
      policyVersion: '2023-10-19',
      reason: 'TWO_STEPS',
      until: null,
      assumptions: [],
      warnings: ['UPGRADE_NOT_CANCELLABLE'],
      steps: [
        {
          order: 1,
          action: 'upgrade',
          subscriptionId: 'a',
          decision: fullUpgrade(10, 'same-subscription', null, ['UPGRADE_NOT_CANCELLABLE']),
        },
        {
          order: 2,
          action: 'transition-into-upgraded',
          subscriptionId: 'b',
          decision: fullUpgrade(4, 'existing-subscription', null, ['UPGRADE_NOT_CANCELLABLE']),
        },
      ],
    });
  });

  it('U8: auto-renew off on both: each step allowed until its own term end; the plan until the earlier one', () => {
    // Step 1 until 2025-01-15T00:00Z (first's term end), step 2 until 2025-01-10T00:00Z (second's): min = 2025-01-10.
    const plan = planTwoToOne(
      { ...first, autoRenew: false },
      { ...second, autoRenew: false },
      { to: E5, now: NOW, catalog },
    );
    expect(plan).toEqual({
      allowed: true,
      rule: 'U6',
      policyVersion: '2023-10-19',
      reason: 'TWO_STEPS',
      until: at('2025-01-10T00:00:00Z'),
      assumptions: [],
      warnings: ['UPGRADE_NOT_CANCELLABLE'],
      steps: [
        {
          order: 1,
          action: 'upgrade',
          subscriptionId: 'a',
          decision: fullUpgrade(10, 'same-subscription', at('2025-01-15T00:00:00Z'), ['UPGRADE_NOT_CANCELLABLE']),
        },
        {
          order: 2,
          action: 'transition-into-upgraded',
          subscriptionId: 'b',
          decision: fullUpgrade(4, 'existing-subscription', at('2025-01-10T00:00:00Z'), ['UPGRADE_NOT_CANCELLABLE']),
        },
      ],
    });
  });

  it('U8: auto-renew off on the first only: the plan is until the first term end (the one deadline there is)', () => {
    const plan = planTwoToOne({ ...first, autoRenew: false }, second, { to: E5, now: NOW, catalog });
    expect([plan.allowed, plan.allowed && plan.until]).toEqual([true, at('2025-01-15T00:00:00Z')]);
    const other = planTwoToOne(first, { ...second, autoRenew: false }, { to: E5, now: NOW, catalog });
    expect([other.allowed, other.allowed && other.until]).toEqual([true, at('2025-01-10T00:00:00Z')]);
  });

  it('U2: without a catalog both steps warn CATALOG_NOT_GIVEN; the plan lists each warning once', () => {
    const plan = planTwoToOne(first, second, { to: E5, now: NOW });
    expect(plan).toEqual({
      allowed: true,
      rule: 'U6',
      policyVersion: '2023-10-19',
      reason: 'TWO_STEPS',
      until: null,
      assumptions: [],
      warnings: ['CATALOG_NOT_GIVEN', 'UPGRADE_NOT_CANCELLABLE'],
      steps: [
        {
          order: 1,
          action: 'upgrade',
          subscriptionId: 'a',
          decision: fullUpgrade(10, 'same-subscription', null, ['CATALOG_NOT_GIVEN', 'UPGRADE_NOT_CANCELLABLE']),
        },
        {
          order: 2,
          action: 'transition-into-upgraded',
          subscriptionId: 'b',
          decision: fullUpgrade(4, 'existing-subscription', null, ['CATALOG_NOT_GIVEN', 'UPGRADE_NOT_CANCELLABLE']),
        },
      ],
    });
  });

  it('U6 U2 U7: step 1 refused (its path not in the catalog) while step 2 would pass: the plan carries step 1’s refusal', () => {
    const plan = planTwoToOne(first, second, { to: E5, now: NOW, catalog: [{ from: TEAMS, to: E5 }] });
    expect(plan).toEqual({
      allowed: false,
      rule: 'U6',
      policyVersion: '2023-10-19',
      reason: 'UNSUPPORTED_UPGRADE_PATH',
      opensAt: null,
      assumptions: [],
      warnings: [],
      steps: [
        {
          order: 1,
          action: 'upgrade',
          subscriptionId: 'a',
          decision: refused(10, 'same-subscription', 'U2', 'UNSUPPORTED_UPGRADE_PATH', 'ConversionsNotFound', U7_NOTE),
        },
        {
          order: 2,
          action: 'transition-into-upgraded',
          subscriptionId: 'b',
          decision: fullUpgrade(4, 'existing-subscription', null, ['UPGRADE_NOT_CANCELLABLE']),
        },
      ],
    });
  });

  it('U6: subscriptions without ids are two different subscriptions (no INCONSISTENT), each step names null', () => {
    const { id: _a, ...noIdFirst } = first;
    const { id: _b, ...noIdSecond } = second;
    const plan = planTwoToOne(noIdFirst, noIdSecond, { to: E5, now: NOW, catalog });
    expect([plan.allowed, plan.reason, plan.steps.map((s) => s.subscriptionId)]).toEqual([
      true,
      'TWO_STEPS',
      [null, null],
    ]);
  });

  it('U6: the same subscription twice: INCONSISTENT naming second.id, with its message', () => {
    const e = caught(() => planTwoToOne(first, { ...second, id: 'a' }, { to: E5, now: NOW, catalog }));
    expect([e.code, e.field, e.message, e.received]).toEqual([
      'INCONSISTENT',
      'second.id',
      'second.id: is the first subscription',
      undefined,
    ]);
  });
});

describe("U5 U6 step 2: the destination term rule (the policy's)", () => {
  // A monthly second subscription: P1M bought 2024-02-10 → term end date 2024-03-09, before the upgraded one's 2025-01-14.
  const monthly: SubscriptionInput = { ...second, term: 'P1M', purchasedAt: '2024-02-10T08:00:00Z' };
  const mismatch = {
    allowed: false,
    rule: 'U6',
    policyVersion: '2023-10-19',
    reason: 'DESTINATION_TERM_MISMATCH',
    opensAt: null,
    assumptions: [],
    warnings: [],
    steps: [
      {
        order: 1,
        action: 'upgrade',
        subscriptionId: 'a',
        decision: fullUpgrade(10, 'same-subscription', null, ['UPGRADE_NOT_CANCELLABLE']),
      },
      // U5 (002 UI, default `equal`): P1Y destination ≠ P1M source; not shorter, so no API code.
      {
        order: 2,
        action: 'transition-into-upgraded',
        subscriptionId: 'b',
        decision: refused(4, 'existing-subscription', 'U5', 'DESTINATION_TERM_MISMATCH', null),
      },
    ],
  };
  const allowedPlan = {
    allowed: true,
    rule: 'U6',
    policyVersion: '2023-10-19',
    reason: 'TWO_STEPS',
    until: null,
    assumptions: [],
    warnings: ['UPGRADE_NOT_CANCELLABLE'],
    steps: [
      {
        order: 1,
        action: 'upgrade',
        subscriptionId: 'a',
        decision: fullUpgrade(10, 'same-subscription', null, ['UPGRADE_NOT_CANCELLABLE']),
      },
      {
        order: 2,
        action: 'transition-into-upgraded',
        subscriptionId: 'b',
        decision: fullUpgrade(4, 'existing-subscription', null, ['UPGRADE_NOT_CANCELLABLE']),
      },
    ],
  };

  it('U5 default (equal terms): a P1M second cannot move into the P1Y upgraded subscription', () => {
    expect(planTwoToOne(first, monthly, { to: E5, now: NOW, catalog })).toEqual(mismatch);
  });
  it('U5 the policy’s destinationTerm "not-shorter" (transition API): a longer destination is accepted', () => {
    expect(
      planTwoToOne(first, monthly, {
        to: E5,
        now: NOW,
        catalog,
        policy: definePolicy({ destinationTerm: 'not-shorter' }),
      }),
    ).toEqual(allowedPlan);
  });
  it('U5 the choice is the policy’s only: planTwoToOne has no destinationTerm option (a key of that name is not read)', () => {
    expect(
      planTwoToOne(first, monthly, {
        to: E5,
        now: NOW,
        catalog,
        ...({ destinationTerm: 'not-shorter' } as object),
      }),
    ).toEqual(mismatch);
    expect(
      planTwoToOne(first, monthly, {
        to: E5,
        now: NOW,
        catalog,
        ...({ destinationTerm: 'equal' } as object),
        policy: definePolicy({ destinationTerm: 'not-shorter' }),
      }),
    ).toEqual(allowedPlan);
  });
});

// docs/policy.md: "Every answer names the version of the rules it used": the plan names its
// steps' version, that of its `now`.
describe('U6 the plan names the version of the rules of its now', () => {
  it('U6: asked 2025-06-01 (the rules of 2025-04-01), the plan and both steps name 2025-04-01', () => {
    const a = { ...first, purchasedAt: '2025-03-15T09:30:00Z' };
    const b = { ...second, purchasedAt: '2025-03-10T08:00:00Z' };
    const plan = planTwoToOne(a, b, { to: E5, now: '2025-06-01T00:00:00Z', catalog });
    expect([plan.policyVersion, ...plan.steps.map((s) => s.decision.policyVersion)]).toEqual([
      '2025-04-01',
      '2025-04-01',
      '2025-04-01',
    ]);
  });
});
