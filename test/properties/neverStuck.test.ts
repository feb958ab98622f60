/**
 * Model-based property of issue 16 (fast-check `commands`): from any valid state, every event the
 * machine accepts yields a state that `toSubscription` accepts again (its input re-validated), and
 * from every state reached each event is either accepted or refused with a reason — never thrown.
 *
 * The states include what the attack found stuck: a renewed subscription whose completion
 * instant is unknown (`termStartedAt: null`, `termStartDate` given, as the Partner Center adapter
 * builds every renewal starting at 00:00Z), the `renewing` phase (R2, R4), ended terms (R5, P4,
 * P7) and `now` before the purchase (T4). The model is deliberately small (the time and the
 * state): correctness of each answer is the business of the other suites; here only the class
 * "a state the machine can't leave" is looked for, cheaply enough for 50,000 sequences.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allow } from '../../src/core/decision.js';
import type { LifecycleEvent, LifecycleState, TransitionResult } from '../../src/lifecycle/machine/events.js';
import { transition } from '../../src/lifecycle/machine/transition.js';
import { toInput } from '../../src/snapshot/changes.js';
import { toSubscription, type SubscriptionInput } from '../../src/snapshot/subscription.js';
import type { BillingFrequency, Term } from '../../src/time/term.js';
import { DAY, dayText } from '../support/time.js';

const HOUR = 3_600_000;
/** Issue 16: at least 50,000 generated sequences. */
const SEQUENCES = 50_000;

type State = SubscriptionInput | LifecycleState;

interface Real {
  state: State;
  now: number;
}

const TERMS: readonly Term[] = ['P1M', 'P1Y', 'P3Y'];
const BILLINGS: readonly BillingFrequency[] = ['monthly', 'annual', 'triennial'];
/** B1 by hand: the plans (billing at most once per term). */
const PLANS: readonly (readonly [Term, BillingFrequency])[] = [
  ['P1M', 'monthly'],
  ['P1Y', 'monthly'],
  ['P1Y', 'annual'],
  ['P3Y', 'monthly'],
  ['P3Y', 'annual'],
  ['P3Y', 'triennial'],
];

/** Runs one transition; a throw fails the property with the state, event and instant. */
function step(r: Real, event: LifecycleEvent): TransitionResult {
  try {
    return transition(r.state, event, { now: r.now });
  } catch (error) {
    throw new Error(
      `threw on ${JSON.stringify(event)} at ${new Date(r.now).toISOString()} from ${JSON.stringify(r.state)}: ${String(error)}`,
    );
  }
}

/** Every event, in the forms the issue found throwing (B1 plans scheduled or given, overrides…). */
function everyEvent(quantity: number): readonly LifecycleEvent[] {
  return [
    { type: 'cancel' },
    { type: 'suspend' },
    { type: 'reactivate' },
    { type: 'setAutoRenew', autoRenew: true },
    { type: 'setAutoRenew', autoRenew: false },
    { type: 'changeQuantity', quantity: quantity + 1 },
    { type: 'changeQuantity', quantity: Math.max(1, quantity - 1) },
    { type: 'changeQuantity', quantity: 0 },
    { type: 'scheduleChange', change: { quantity: 1 } },
    { type: 'scheduleChange', change: { billing: 'annual' } },
    { type: 'scheduleChange', change: { term: 'P1M' } },
    { type: 'clearScheduledChanges' },
    { type: 'upgrade', quantity: 1, offerName: 'Microsoft 365 E5' },
    { type: 'changeTermOrBilling', term: 'P1Y', billing: 'annual' },
    { type: 'changeTermOrBilling', term: 'P3Y', billing: 'triennial' },
    { type: 'changeTermOrBilling', term: 'P1M', billing: 'monthly', eligibility: allow('B3', 'ALLOWED', null) },
    { type: 'convertTrial' },
    { type: 'setEndOfTermAction', action: 'cancel' },
    { type: 'setEndOfTermAction', action: 'renew' },
    { type: 'renewalStarted' },
    { type: 'renewalCompleted' },
    { type: 'termEnded' },
    { type: 'stageElapsed' },
  ];
}

const quantityOf = (s: State): number =>
  'subscription' in s && 'phase' in s ? s.subscription.quantity : toSubscription(s as SubscriptionInput).quantity;

class EventCommand implements fc.Command<object, Real> {
  constructor(readonly event: LifecycleEvent) {}
  check(): boolean {
    return true;
  }
  run(_: object, r: Real): void {
    const res = step(r, this.event);
    if (!res.ok) {
      expect(typeof res.refusal.reason).toBe('string');
      return;
    }
    // The next state is a snapshot toSubscription accepts from its input, validated again.
    expect(toSubscription(toInput(res.next))).toEqual(res.next);
    r.state = res.state;
  }
  toString(): string {
    return JSON.stringify(this.event);
  }
}

class AdvanceCommand implements fc.Command<object, Real> {
  constructor(readonly ms: number) {}
  check(): boolean {
    return true;
  }
  run(_: object, r: Real): void {
    r.now += this.ms;
  }
  toString(): string {
    return `advance(${this.ms})`;
  }
}

const planArb = fc.constantFrom(...PLANS);
const eventArb: fc.Arbitrary<LifecycleEvent> = fc.oneof(
  fc.constantFrom<LifecycleEvent>(
    { type: 'cancel' },
    { type: 'suspend' },
    { type: 'reactivate' },
    { type: 'clearScheduledChanges' },
    { type: 'convertTrial' },
    { type: 'renewalStarted' },
    { type: 'renewalCompleted' },
    { type: 'termEnded' },
    { type: 'stageElapsed' },
  ),
  fc.boolean().map<LifecycleEvent>((autoRenew) => ({ type: 'setAutoRenew', autoRenew })),
  fc.constantFrom('renew', 'cancel', 'extended-service-term' as const).map<LifecycleEvent>((action) => ({
    type: 'setEndOfTermAction',
    action,
  })),
  fc.integer({ min: 0, max: 40 }).map<LifecycleEvent>((quantity) => ({ type: 'changeQuantity', quantity })),
  fc
    .record(
      {
        quantity: fc.integer({ min: 1, max: 40 }),
        term: fc.constantFrom(...TERMS),
        billing: fc.constantFrom(...BILLINGS),
      },
      { requiredKeys: [] },
    )
    .filter((c) => Object.keys(c).length > 0)
    .map<LifecycleEvent>((change) => ({ type: 'scheduleChange', change })),
  fc
    .tuple(fc.constantFrom(...TERMS), fc.constantFrom(...BILLINGS), fc.boolean())
    .map<LifecycleEvent>(([term, billing, given]) => ({
      type: 'changeTermOrBilling',
      term,
      billing,
      ...(given ? { eligibility: allow('B3', 'ALLOWED', null) } : {}),
    })),
  fc.tuple(planArb, fc.boolean()).map<LifecycleEvent>(([[term, billing], given]) => ({
    type: 'convertTrial',
    term,
    billing,
    ...(given ? { eligibility: allow('TR3', 'ALLOWED', null) } : {}),
  })),
  fc.integer({ min: 1, max: 30 }).map<LifecycleEvent>((quantity) => ({
    type: 'upgrade',
    quantity,
    offerName: 'Microsoft 365 E5',
  })),
);

const commands = fc.commands<object, Real>(
  [
    eventArb.map((e) => new EventCommand(e)),
    eventArb.map((e) => new EventCommand(e)),
    fc
      .oneof(fc.integer({ min: 0, max: 6 * HOUR }), fc.integer({ min: 0, max: 40 * DAY }))
      .map((ms) => new AdvanceCommand(ms)),
  ],
  { maxCommands: 8 },
);

/** The starting state: a first term, a renewal with an unknown completion, or a declared renewal; `now` anywhere, before the purchase too. */
const startArb = fc
  .record({
    plan: planArb,
    trial: fc.boolean(),
    quantity: fc.integer({ min: 1, max: 30 }),
    purchasedAt: fc.integer({ min: Date.UTC(2023, 0, 1), max: Date.UTC(2027, 0, 1) }),
    autoRenew: fc.boolean(),
    batches: fc.boolean(),
    // 'renewed': the term started on a later day, its completion unknown (R3; the adapter's 00:00Z renewals).
    shape: fc.constantFrom('first', 'renewed', 'renewing'),
    renewedAfterDays: fc.integer({ min: 1, max: 800 }),
    // T4: from 3 days before the purchase to well past the term end.
    nowOffset: fc.oneof(
      fc.integer({ min: -3 * DAY, max: -1 }),
      fc.integer({ min: 0, max: 40 * DAY }),
      fc.integer({ min: 0, max: 1200 * DAY }),
    ),
  })
  .map(
    ({
      plan: [term, billing],
      trial,
      quantity,
      purchasedAt,
      autoRenew,
      batches,
      shape,
      renewedAfterDays,
      nowOffset,
    }) => {
      const seats = trial ? 25 : quantity;
      const purchaseDay = Math.floor(purchasedAt / DAY);
      const input: SubscriptionInput = {
        id: 'sub-1',
        offerName: 'Microsoft 365 E3',
        program: 'nce-license',
        term: trial ? 'P1M' : term,
        billing: trial ? 'monthly' : billing,
        quantity: seats,
        purchasedAt,
        autoRenew,
        trial,
        ...(batches ? { seatBatches: [{ quantity: seats, addedAt: purchasedAt }] } : {}),
        // TR1: a trial lasts 30 days.
        ...(trial ? { termEndDate: dayText(purchaseDay + 29) } : {}),
        ...(shape === 'first' || trial
          ? {}
          : { termStartedAt: null, termStartDate: dayText(purchaseDay + renewedAfterDays) }),
      };
      const sub = toSubscription(input);
      if (shape === 'renewing' && !trial && autoRenew) {
        // R2, R4: a renewal recorded as started, some hours into the renewal day or later.
        const now = (sub.termEndDay + 1) * DAY + (nowOffset > 0 ? nowOffset % (3 * DAY) : 0);
        return { state: { subscription: sub, phase: 'renewing' } as State, now };
      }
      const base = shape === 'renewed' && !trial ? sub.termStartDay * DAY : purchasedAt;
      return { state: input as State, now: base + nowOffset };
    },
  );

describe('Lifecycle machine never stuck (issue 16; R2–R5, B1, T4, P7): model-based, fast-check commands', () => {
  it(`every accepted event leads to a valid state from which every event is answered, never thrown, over ${SEQUENCES.toLocaleString('en')} sequences`, () => {
    fc.assert(
      fc.property(startArb, commands, (start, cmds) => {
        const real: Real = { state: start.state, now: start.now };
        fc.modelRun(() => ({ model: {}, real }), cmds);
        // From the state reached, every event is accepted or refused — never thrown.
        for (const event of everyEvent(quantityOf(real.state))) step(real, event);
      }),
      { numRuns: SEQUENCES },
    );
  });
});
