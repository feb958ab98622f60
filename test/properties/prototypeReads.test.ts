/**
 * Issue 16 item 10: "only own properties are read". Object.prototype is polluted with every
 * option and event key of the main, `./lifecycle` and `./explain` entry points (and every
 * `definePolicy` setting), each set to a value that would change an answer if it were read (a
 * two-year cancellation window, an allowance as `eligibility`, one seat, another term …); every
 * decision, transition and explanation of a fixed battery must come out exactly as without it.
 * The prototype is restored in `finally`, whatever happens.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { allow } from '../../src/core/decision.js';
import { CspRulesError } from '../../src/core/errors.js';
import * as api from '../support/publicApi.js';
import type { LifecycleEvent } from '../../src/lifecycle/machine/events.js';
import type { SubscriptionInput } from '../../src/snapshot/subscription.js';

const E3 = 'Microsoft 365 E3';
const E5 = 'Microsoft 365 E5';
const TWO_YEARS = { monthly: 17_520, annual: 17_520, triennial: 17_520 };

/** Every key read from an options bag, an event or a policy, with a value that would change an answer. */
const POLLUTION: Readonly<Record<string, unknown>> = {
  // Options of the decisions, the lifecycle and explain.
  now: '2031-01-01T00:00:00Z',
  policy: api.definePolicy({ programs: { 'nce-license': { cancelWindowHours: TWO_YEARS } } }),
  addOns: [
    { program: 'nce-license', term: 'P1M', billing: 'monthly', quantity: 1, purchasedAt: '2024-01-15T10:00:00Z' },
  ],
  base: { program: 'nce-license', term: 'P1M', billing: 'monthly', quantity: 1, purchasedAt: '2024-01-15T10:00:00Z' },
  offeredTerms: ['P1M'],
  alertDays: 400,
  targetQuantity: 1,
  seats: 1,
  target: 'equivalent',
  mode: 'at-renewal',
  to: E5,
  when: 'at-renewal',
  catalog: [{ from: E3, to: E5 }],
  destinationTerm: 'not-shorter',
  action: 'cancel',
  toleranceMs: 1e9,
  // Event fields.
  type: 'cancel',
  autoRenew: false,
  quantity: 1,
  change: { quantity: 1 },
  offerName: E5,
  term: 'P3Y',
  billing: 'triennial',
  newSubscriptionId: 'polluted',
  eligibility: allow('B3', 'ALLOWED', null),
  completedAt: '2024-01-20T00:00:00Z',
  // definePolicy settings (top level and per program).
  programs: { 'nce-license': { cancelWindowHours: TWO_YEARS } },
  unknownRenewalCompletion: 'latest',
  keepOneSeat: false,
  daysUsed: 'exclusive',
  renewalAnchor: 'clamped',
  suspendedAtTermEnd: 'deleted',
  cancelledAtTermEnd: 'deleted',
  scheduledChangeDeletion: 'listed',
  asOf: '2020-01-01T00:00:00Z',
  ignoredChanges: ['polluted'],
  cancelRule: { monthly: 'C4', annual: 'C4', triennial: 'C4' },
  cancelWindowHours: TWO_YEARS,
  cancelFrom: 'purchase',
  refund: 'none',
  fullRefundHours: 100,
  afterWindow: 'at-renewal',
  seatReduction: 'never',
  seatWindowHours: 17_520,
  seatIncrease: 'new-subscription',
  planTables: false,
  // Snapshot and state fields an options bag might be mistaken for.
  phase: 'renewing',
  subscription: { program: 'nce-license' },
  customTermEndDate: '2030-01-01',
  scheduledChange: { quantity: 1 },
  nextChargeBilling: 'annual',
};

const proto = Object.prototype as Record<string, unknown>;
function restore(): void {
  for (const key of Object.keys(POLLUTION)) delete proto[key];
}
afterEach(restore);

const BASE: SubscriptionInput = {
  offerName: E3,
  program: 'nce-license',
  term: 'P1Y',
  billing: 'monthly',
  quantity: 10,
  purchasedAt: '2024-01-15T10:00:00Z',
  seatBatches: [
    { quantity: 8, addedAt: '2024-01-15T10:00:00Z' },
    { quantity: 2, addedAt: '2024-03-10T14:00:00Z' },
  ],
};
const SUBSCRIPTIONS: readonly SubscriptionInput[] = [
  BASE,
  { ...BASE, term: 'P1M', seatBatches: [{ quantity: 10, addedAt: '2024-01-15T10:00:00Z' }] },
  { ...BASE, autoRenew: false },
  { ...BASE, status: 'suspended' },
  { ...BASE, trial: true, quantity: 25, term: 'P1M', termEndDate: '2024-02-13', seatBatches: [] },
  { ...BASE, termStartedAt: null, termStartDate: '2025-01-15', termEndDate: '2026-01-14', seatBatches: [] },
];
const NOWS = ['2024-01-16T00:00:00Z', '2024-03-12T00:00:00Z', '2025-01-15T05:00:00Z', '2026-03-01T00:00:00Z'];

const EVENTS: readonly LifecycleEvent[] = [
  { type: 'cancel' },
  { type: 'suspend' },
  { type: 'reactivate' },
  { type: 'setAutoRenew', autoRenew: true },
  { type: 'changeQuantity', quantity: 12 },
  { type: 'changeQuantity', quantity: 9 },
  { type: 'scheduleChange', change: { quantity: 11 } },
  { type: 'clearScheduledChanges' },
  { type: 'upgrade', quantity: 10, offerName: E5 },
  { type: 'upgrade', quantity: 2, offerName: E5, catalog: [{ from: E3, to: E5 }] },
  { type: 'changeTermOrBilling', term: 'P3Y', billing: 'monthly' },
  { type: 'changeTermOrBilling', term: 'P1M', billing: 'monthly' },
  { type: 'convertTrial' },
  { type: 'convertTrial', quantity: 1 },
  { type: 'setEndOfTermAction', action: 'renew' },
  { type: 'renewalStarted' },
  { type: 'renewalCompleted' },
  { type: 'termEnded' },
  { type: 'stageElapsed' },
];

/** Where two answers first differ, with some context. */
function difference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `…${a.slice(Math.max(0, i - 60), i + 60)} → …${b.slice(Math.max(0, i - 60), i + 60)}`;
}

/** One call's answer as JSON, or its typed error's code and field. */
function answer(call: () => unknown): string {
  try {
    return JSON.stringify(call());
  } catch (error) {
    if (error instanceof CspRulesError) return `threw ${error.code} ${error.field}`;
    return `threw ${String(error)}`;
  }
}

/** The battery: every decision, lifecycle function, transition and explanation of the fixture. */
function battery(): string[] {
  const out: string[] = [answer(() => api.definePolicy({}))];
  for (const sub of SUBSCRIPTIONS) {
    out.push(answer(() => api.renewalSchedule(sub, {})));
    out.push(answer(() => api.nextTerm(sub, {})));
    out.push(answer(() => api.afterTermStages(sub, {})));
    for (const now of NOWS) {
      const calls: (() => unknown)[] = [
        () => api.canCancel(sub, { now }),
        () => api.reducibleSeats(sub, { now }),
        () => api.canIncreaseSeats(sub, { now }),
        () => api.planSeatReduction(sub, { targetQuantity: 9, now }),
        () => api.eligibleBillingFrequencyChanges(sub, { now }),
        () => api.eligibleTermChanges(sub, { now }),
        () => api.canConvertTrial(sub, { target: 'equivalent', mode: 'midterm', now }),
        () => api.checkUpdateLimit(sub, { now }),
        () => api.canUpgrade(sub, { to: E5, quantity: 2, when: 'midterm', now }),
        () => api.canScheduleChange(sub, { now }),
        () => api.afterTermStageAt(sub, { now }),
        () => api.endOfTermOutcome(sub, {}),
        () => api.canSetEndOfTermAction(sub, { action: 'cancel', now }),
        () => api.explain(sub, { now }),
        ...EVENTS.map((event) => () => api.transition(sub, event, { now })),
      ];
      for (const call of calls) out.push(answer(call));
    }
  }
  return out;
}

describe('Issue 16 item 10 — C1 B3 TR4: a polluted Object.prototype changes no answer (only own properties are read)', () => {
  it(`C1 B3 TR4: ${Object.keys(POLLUTION).length} option, event and policy keys on Object.prototype: every answer as without them`, () => {
    const clean = battery();
    let polluted: string[];
    try {
      for (const [key, value] of Object.entries(POLLUTION)) proto[key] = value;
      polluted = battery();
    } finally {
      restore();
    }
    expect(polluted.length).toBe(clean.length);
    const changed = polluted.flatMap((a, i) => (a === clean[i] ? [] : [`#${i}: ${difference(clean[i] ?? '', a)}`]));
    expect(changed).toEqual([]);
  });
});
