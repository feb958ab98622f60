/**
 * src/cli/render.ts with the 2026 rules: the header names the rules' version ("rules of …") and
 * says what happens at the term end (R7, P8, R5), with the term end's own version.
 */
import { describe, expect, it } from 'vitest';
import { renderDetail } from '../../src/cli/render.js';
import { explain } from '../../src/explain/explain.js';
import { definePolicy } from '../../src/policy/policy.js';
import { toSubscription, type SubscriptionInput } from '../../src/snapshot/subscription.js';

/** The subscription: annual license bought 2025-06-10, auto-renew off; ends 2026-06-10T00:00Z. */
const license: SubscriptionInput = {
  program: 'nce-license',
  term: 'P1Y',
  billing: 'annual',
  quantity: 5,
  purchasedAt: '2025-06-10T08:00:00Z',
  autoRenew: false,
};

function header(input: SubscriptionInput, now: string, policy = definePolicy({})): string[] {
  const subscription = toSubscription(input);
  const explanation = explain(subscription, { now, policy });
  return renderDetail({ label: 'est.json', subscription, notes: [], explanation }, { tz: 'UTC' })
    .split('\n')
    .slice(0, 4);
}

describe('R7 P8 R5 csp-rules explain: the rules’ version and the end of the term', () => {
  it('R7: the issue’s subscription on 2026-06-05: EST alert, rules of 2026-05-04, moves to an EST', () => {
    expect(header(license, '2026-06-05T00:00:00Z')).toEqual([
      'est.json: (no id)',
      '  nce-license · P1Y billed annual · 5 seats · active · auto-renew off · alert: moves-to-extended-service-term',
      '  now 2026-06-05 00:00:00 UTC · rules of 2026-05-04',
      '  at the term end (2026-06-10 00:00:00 UTC): moves to an Extended Service Term (month to month, higher price) (R7; rules of 2026-05-04)',
    ]);
  });

  it('R7: asked in 2025 the header names the rules of now and the term end’s own version', () => {
    expect(header(license, '2025-07-01T00:00:00Z').slice(2)).toEqual([
      '  now 2025-07-01 00:00:00 UTC · rules of 2025-04-01',
      '  at the term end (2026-06-10 00:00:00 UTC): moves to an Extended Service Term (month to month, higher price) (R7; rules of 2026-05-04)',
    ]);
  });

  it('P8: set to cancel: "cancelled: the service stops", chosen', () => {
    expect(header({ ...license, endOfTermAction: 'cancel' }, '2026-06-05T00:00:00Z')[3]).toBe(
      '  at the term end (2026-06-10 00:00:00 UTC): cancelled: the service stops (P8, chosen; rules of 2026-05-04)',
    );
  });

  it('R5: with asOf 2025-01-01: expires, rules of 2024-07-01', () => {
    expect(header(license, '2026-06-05T00:00:00Z', definePolicy({ asOf: '2025-01-01' })).slice(2)).toEqual([
      '  now 2026-06-05 00:00:00 UTC · rules of 2024-07-01',
      '  at the term end (2026-06-10 00:00:00 UTC): expires (R5; rules of 2024-07-01)',
    ]);
  });
});
