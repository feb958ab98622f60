import { describe, expect, it } from 'vitest';
import type { SubscriptionInput } from '../src/snapshot/subscription.js';
import { planTwoToOne } from '../src/decisions/twoToOne.js';

const E5 = 'Microsoft 365 E5';
const catalog = [
  { from: 'Microsoft 365 E3', to: E5 },
  { from: 'Microsoft Teams Phone Standard', to: E5 },
];
const first: SubscriptionInput = {
  id: 'a',
  offerName: 'Microsoft 365 E3',
  program: 'nce-license',
  term: 'P1Y',
  billing: 'monthly',
  quantity: 10,
  purchasedAt: '2024-01-15T09:30:00Z', // ends 2025-01-14
};
const second: SubscriptionInput = {
  id: 'b',
  offerName: 'Microsoft Teams Phone Standard',
  program: 'nce-license',
  term: 'P1Y',
  billing: 'monthly',
  quantity: 4,
  purchasedAt: '2024-01-10T08:00:00Z', // ends 2025-01-09
};
const at = (iso: string): number => Date.parse(iso);

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
    expect(() => planTwoToOne(first, { ...second, id: 'a' }, { to: E5, now: 0, catalog })).toThrow(
      expect.objectContaining({ code: 'INCONSISTENT', field: 'second.id' }),
    );
  });
});
