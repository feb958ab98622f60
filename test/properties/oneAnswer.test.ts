/**
 * One answer per question: the decision functions, the lifecycle machine (`transition`) and
 * `explain` ask one state table, so a question about one subscription at one instant gets one
 * rule and one reason, whoever asks it. Worked examples first, then a property over generated
 * subscriptions (every status, trials, auto-renew on and off) and instants (before the purchase,
 * in the term, on the renewal day, after the term).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canCancel } from '../../src/decisions/cancel.js';
import { eligibleBillingFrequencyChanges } from '../../src/decisions/billingChanges.js';
import { canIncreaseSeats } from '../../src/decisions/seatIncrease.js';
import { reducibleSeats } from '../../src/decisions/seats.js';
import { eligibleTermChanges } from '../../src/decisions/termChanges.js';
import { canConvertTrial } from '../../src/decisions/trial.js';
import { canUpgrade } from '../../src/decisions/upgrade.js';
import { explain } from '../../src/explain/explain.js';
import type { ActionExplanation } from '../../src/explain/actions.js';
import { canScheduleChange } from '../../src/lifecycle/scheduledChanges.js';
import { transition } from '../../src/lifecycle/machine/transition.js';
import type { LifecycleEvent, TransitionResult } from '../../src/lifecycle/machine/events.js';
import {
  STATUSES,
  toSubscription,
  type Subscription,
  type SubscriptionInput,
} from '../../src/snapshot/subscription.js';
import { at, DAY } from '../support/time.js';

const E3 = 'Microsoft 365 E3';
const E5 = 'Microsoft 365 E5';
const CATALOG = [{ from: E3, to: E5 }] as const;

/** The reasons of the state table (src/decisions/gates.ts). */
const GATE_REASONS = new Set([
  'TERMINATED',
  'TERM_ENDED',
  'TRIAL_STATUS_LOCKED',
  'TRIAL_QUANTITY_LOCKED',
  'TRIAL_PLAN_LOCKED',
  'TRIAL_USE_CONVERSION',
  'NOT_A_TRIAL',
  'NOT_ACTIVE',
  'NOT_SUSPENDED',
  'RENEWAL_READ_ONLY',
]);

type Answer = { readonly rule: string; readonly reason: string } | 'allowed';

const ofDecision = (d: { allowed: boolean; rule: string; reason: string }): Answer =>
  d.allowed ? 'allowed' : { rule: d.rule, reason: d.reason };
const ofTransition = (r: TransitionResult): Answer =>
  r.ok ? 'allowed' : { rule: r.refusal.rule, reason: r.refusal.reason };
// An `at-renewal` answer under S1 says the change can be scheduled: another question than "now?".
const ofAction = (a: ActionExplanation): Answer | null =>
  a.outcome === 'now'
    ? 'allowed'
    : a.outcome === 'at-renewal' && a.rule === 'S1'
      ? null
      : { rule: a.rule, reason: a.reason };
const gateOf = (answer: Answer | null): Answer | null =>
  answer !== null && answer !== 'allowed' && GATE_REASONS.has(answer.reason) ? answer : null;

/** Every caller's answer to the questions `explain` shares with a decision function and the machine. */
function answers(sub: Subscription, now: number) {
  const x = explain(sub, { now, offeredTerms: ['P1M', 'P1Y', 'P3Y'] });
  const action = (name: ActionExplanation['action']): Answer | null =>
    ofAction(x.actions.find((a) => a.action === name) as ActionExplanation);
  const machine = (event: LifecycleEvent): Answer => ofTransition(transition(sub, event, { now }));
  const firstRefused = (list: { refused: readonly { rule: string; reason: string }[] }): Answer =>
    list.refused[0] === undefined ? 'allowed' : { rule: list.refused[0].rule, reason: list.refused[0].reason };
  return {
    upgrade: {
      explain: action('upgrade'),
      decision: ofDecision(canUpgrade(sub, { to: E5, quantity: sub.quantity, when: 'midterm', now, catalog: CATALOG })),
      machine: machine({ type: 'upgrade', offerName: E5, quantity: sub.quantity, catalog: CATALOG }),
    },
    convertTrial: {
      explain: action('convertTrial'),
      decision: ofDecision(canConvertTrial(sub, { target: 'equivalent', mode: 'midterm', now })),
      machine: machine({ type: 'convertTrial' }),
    },
    cancel: {
      explain: action('cancel'),
      decision: ofDecision(canCancel(sub, { now })),
      machine: machine({ type: 'cancel' }),
    },
    addSeats: {
      explain: action('addSeats'),
      decision: ofDecision(canIncreaseSeats(sub, { now })),
      machine: machine({ type: 'changeQuantity', quantity: sub.quantity + 1 }),
    },
    reduceSeats: {
      explain: action('reduceSeats'),
      decision: ofDecision(reducibleSeats(sub, { now })),
      machine: null,
    },
    changeBillingFrequency: {
      explain: action('changeBillingFrequency'),
      decision: firstRefused(eligibleBillingFrequencyChanges(sub, { now })),
      machine: machine({
        type: 'changeTermOrBilling',
        term: sub.term,
        billing: sub.billing === 'monthly' ? 'annual' : 'monthly',
      }),
    },
    changeTerm: {
      explain: action('changeTerm'),
      decision: firstRefused(eligibleTermChanges(sub, { now, offeredTerms: ['P1M', 'P1Y', 'P3Y'] })),
      machine: machine({
        type: 'changeTermOrBilling',
        term: 'P3Y',
        billing: 'monthly',
        offeredTerms: ['P1M', 'P1Y', 'P3Y'],
      }),
    },
    scheduleChange: {
      explain: action('scheduleChange'),
      decision: ofDecision(canScheduleChange(sub, { now })),
      machine: machine({ type: 'scheduleChange', change: { quantity: sub.quantity + 1 } }),
    },
  };
}

const base: SubscriptionInput = {
  id: 'sub-1',
  offerName: E3,
  program: 'nce-license',
  term: 'P1Y',
  billing: 'monthly',
  quantity: 30,
  purchasedAt: '2024-01-15T09:30:00Z',
};

describe('U1 TR3 one answer: a trial is converted, not upgraded — canUpgrade, transition and explain agree', () => {
  it('U1: a trial’s upgrade is refused TRIAL_USE_CONVERSION under U1 by all three', () => {
    // MCS "Manage trials": a trial converts to paid (TR3); an upgrade starts from a paid subscription (U1).
    const trial = toSubscription({ ...base, trial: true, quantity: 25, termEndDate: '2024-02-13' });
    const a = answers(trial, at('2024-01-20T00:00:00Z')).upgrade;
    const expected = { rule: 'U1', reason: 'TRIAL_USE_CONVERSION' };
    expect([a.decision, a.machine, a.explain]).toEqual([expected, expected, expected]);
  });

  it('R4: on the renewal day an upgrade is read-only for all three, until the latest completion', () => {
    // Term 2024-01-15 … 2025-01-14; the renewal runs from 2025-01-15T00:00Z, up to 24 h (R2, R4).
    const sub = toSubscription(base);
    const now = at('2025-01-15T06:00:00Z');
    const a = answers(sub, now).upgrade;
    const expected = { rule: 'R4', reason: 'RENEWAL_READ_ONLY' };
    expect([a.decision, a.machine, a.explain]).toEqual([expected, expected, expected]);
    const x = explain(sub, { now }).actions.find((y) => y.action === 'upgrade');
    expect([x?.outcome, x?.opensAt]).toEqual(['later', at('2025-01-16T00:00:00Z')]);
  });

  it('R5: after the term of a subscription that does not renew, every caller says TERM_ENDED under R5', () => {
    const sub = toSubscription({ ...base, autoRenew: false });
    const a = answers(sub, at('2025-01-15T00:00:00Z'));
    const expected = { rule: 'R5', reason: 'TERM_ENDED' };
    for (const question of [a.upgrade, a.cancel, a.addSeats, a.scheduleChange]) {
      expect(question.decision).toEqual(expected);
      expect(question.explain).toEqual(expected);
      if (question.machine !== null) expect(question.machine).toEqual(expected);
    }
  });

  it('P7: a deleted subscription is refused TERMINATED under P7 by every caller; a cancelled one under C3', () => {
    for (const [status, rule] of [
      ['deleted', 'P7'],
      ['cancelled', 'C3'],
    ] as const) {
      const a = answers(toSubscription({ ...base, status }), at('2024-02-01T00:00:00Z'));
      for (const question of Object.values(a)) {
        expect(question.decision).toEqual({ rule, reason: 'TERMINATED' });
        expect(question.explain).toEqual({ rule, reason: 'TERMINATED' });
        if (question.machine !== null) expect(question.machine).toEqual({ rule, reason: 'TERMINATED' });
      }
    }
  });
});

describe('C3 P7 R2 R4 R5 TR8 U1 one state table: a state gate gives one rule and reason whoever asks', () => {
  const subscriptionArb = fc
    .record({
      status: fc.constantFrom(...STATUSES),
      trial: fc.boolean(),
      autoRenew: fc.boolean(),
      term: fc.constantFrom('P1M' as const, 'P1Y' as const),
      billing: fc.constantFrom('monthly' as const, 'annual' as const),
      quantity: fc.integer({ min: 1, max: 40 }),
      // 2020-01-01 … 2030-01-01, to the millisecond (month ends, leap days and year ends included).
      purchasedAt: fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }),
    })
    .filter((r) => !(r.term === 'P1M' && r.billing === 'annual'))
    .map((r) => toSubscription({ ...base, ...r }));
  // From the purchase: in the term, the renewal day, and days after the term end.
  const caseArb = subscriptionArb.chain((sub) =>
    fc
      .integer({ min: 0, max: (sub.termEndDay + 4) * DAY - sub.purchasedAt })
      .map((offset) => ({ sub, now: sub.purchasedAt + offset })),
  );

  it('property: when one caller refuses by the state table, the others refuse with the same rule and reason', () => {
    fc.assert(
      fc.property(caseArb, ({ sub, now }) => {
        for (const [question, by] of Object.entries(answers(sub, now))) {
          const gates = [by.decision, by.machine, by.explain].filter((a) => a !== null).map(gateOf);
          const refusals = gates.filter((g) => g !== null);
          if (refusals.length === 0) continue;
          // One caller refused by the table: so did the others, with the same rule and reason.
          expect({ question, answers: gates }).toEqual({ question, answers: gates.map(() => refusals[0]) });
        }
      }),
      { numRuns: 300 },
    );
  });
});
