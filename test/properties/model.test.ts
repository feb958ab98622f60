/**
 * Model-based test of the lifecycle machine (fc.commands + fc.modelRun): random sequences of
 * events and time jumps against a small model that predicts which events are accepted and
 * the status, auto-renew, trial, scheduled-change and quantity facts that follow. After every
 * step the invariants of issue 4 are checked on the real snapshot.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LifecycleEvent, LifecycleState, TransitionResult } from '../../src/lifecycle/machine/events.js';
import { transition } from '../../src/lifecycle/machine/transition.js';
import { definePolicy } from '../../src/policy/policy.js';
import {
  toSubscription,
  type Status,
  type Subscription,
  type SubscriptionInput,
} from '../../src/snapshot/subscription.js';
import { DAY_MS, formatDay } from '../../src/time/day.js';
import { at } from '../support/time.js';

const HOUR = 3_600_000;
/**
 * The model is the lifecycle of the baseline rules (P1–P7: a term ending with auto-renew off
 * expires). From 2026-05-04 such a license term can move into an Extended Service Term instead
 * (R7), so the purchases up to 2026 and their renewals are decided under the rules before every
 * change (asOf 2024-06-30T23:59:59.999Z); the machine's R6, R7 and P8 have their own tests.
 */
const BEFORE_CHANGES = '2024-06-30T23:59:59.999Z';
/** P7: the two policies for a subscription suspended at its term end. */
const SUSPENDED_POLICIES = {
  lifecycle: definePolicy({ suspendedAtTermEnd: 'lifecycle', asOf: BEFORE_CHANGES }),
  deleted: definePolicy({ suspendedAtTermEnd: 'deleted', asOf: BEFORE_CHANGES }),
} as const;
const WINDOW = 7 * 24 * HOUR; // C1

interface Model {
  now: number;
  status: Status;
  autoRenew: boolean;
  trial: boolean;
  /** Known exactly, or null after a decrease the model does not predict. */
  quantity: number;
  /** The current SKU: an upgrade to the same one is refused (U1, via canUpgrade). */
  offer: string;
  scheduledQuantity: number | null;
  /** Exclusive end of the current term (T2). */
  termEnd: number;
  /** C1: the current window start. */
  windowStart: number;
  /** The state fed to the machine says `renewing`. */
  declared: boolean;
  path: 'expired' | 'suspended' | null;
  readonly suspendedPolicy: 'lifecycle' | 'deleted';
}

interface Real {
  state: SubscriptionInput | LifecycleState;
  now: number;
}

const subOf = (r: Real): Subscription =>
  toSubscription(
    'phase' in r.state && 'subscription' in r.state ? r.state.subscription : (r.state as SubscriptionInput),
  );

const terminal = (m: Model): boolean => m.status === 'cancelled' || m.status === 'deleted';
const renewing = (m: Model): boolean =>
  m.status === 'active' && m.autoRenew && (m.declared || (m.now >= m.termEnd && m.now < m.termEnd + DAY_MS));
const termOver = (m: Model): boolean =>
  (m.status === 'active' || m.status === 'suspended') && m.now >= m.termEnd && !renewing(m);
const live = (m: Model): boolean => !terminal(m) && !termOver(m);

/** P7: the after-term status at `now`. */
function stageAt(m: Model, path: 'expired' | 'suspended'): Status {
  const d = m.now - m.termEnd;
  if (path === 'suspended' && m.suspendedPolicy === 'deleted') return 'deleted';
  if (path === 'expired' && d < 30 * DAY_MS) return 'expired';
  return d < 120 * DAY_MS ? 'disabled' : 'deleted';
}

/** The model's prediction: accepted (true), refused (false) or not predicted ('any'). */
function predict(m: Model, e: LifecycleEvent): boolean | 'any' {
  if (terminal(m)) return false; // C3, P7
  switch (e.type) {
    case 'suspend':
      return live(m) && !m.trial && m.status === 'active' && !renewing(m);
    case 'reactivate':
      return !m.trial && m.status === 'suspended' && m.now < m.termEnd;
    case 'setAutoRenew':
      return live(m) && m.status === 'active' && !renewing(m);
    case 'cancel': {
      // C1, R3: while the renewal runs (R4: cancel may be attempted) the window is the new term's,
      // from its completion — unknown, so the default policy's earliest bound: the renewal's start.
      const start = renewing(m) ? m.termEnd : m.windowStart;
      return (
        live(m) &&
        !m.trial &&
        (m.status === 'active' || m.status === 'suspended') &&
        m.now >= start &&
        m.now < start + WINDOW
      );
    }
    case 'changeQuantity': {
      const ok = live(m) && !m.trial && m.status === 'active' && e.quantity >= 1;
      return ok && e.quantity < m.quantity ? 'any' : ok;
    }
    case 'scheduleChange':
      return live(m) && m.status === 'active' && m.autoRenew && !renewing(m);
    case 'clearScheduledChanges':
      // S2: scheduled changes are changed or removed only on an active subscription (the state table).
      return live(m) && m.status === 'active' && !renewing(m);
    case 'upgrade':
      return (
        live(m) &&
        !m.trial &&
        m.status === 'active' &&
        e.quantity <= m.quantity &&
        !renewing(m) &&
        e.offerName !== m.offer
      );
    case 'convertTrial':
      return live(m) && m.trial && m.status === 'active' && !renewing(m);
    case 'renewalStarted':
      return m.status === 'active' && m.autoRenew && m.now >= m.termEnd && !m.declared;
    case 'renewalCompleted':
      return m.status === 'active' && m.autoRenew && m.now >= m.termEnd;
    case 'termEnded':
      return m.now >= m.termEnd && ((m.status === 'active' && !m.autoRenew) || m.status === 'suspended');
    case 'stageElapsed':
      return (m.status === 'expired' || m.status === 'disabled') && stageAt(m, m.path ?? 'expired') !== m.status;
    default:
      return false;
  }
}

/** Applies an accepted event to the model (reading back only what the model can't compute: T6 dates). */
function update(m: Model, e: LifecycleEvent, next: Subscription): void {
  const wasRenewing = renewing(m);
  switch (e.type) {
    case 'suspend':
      Object.assign(m, { status: 'suspended', autoRenew: false, scheduledQuantity: null });
      break;
    case 'reactivate':
      m.status = 'active';
      break;
    case 'setAutoRenew':
      m.autoRenew = e.autoRenew;
      if (!e.autoRenew) m.scheduledQuantity = null;
      break;
    case 'cancel':
      m.status = 'cancelled';
      m.scheduledQuantity = null;
      break;
    case 'changeQuantity':
      if (e.quantity !== m.quantity) m.scheduledQuantity = null;
      m.quantity = e.quantity;
      break;
    case 'scheduleChange':
      m.scheduledQuantity = e.change.quantity ?? null;
      break;
    case 'clearScheduledChanges':
      m.scheduledQuantity = null;
      break;
    case 'upgrade':
      if (e.quantity === m.quantity)
        m.offer = e.offerName ?? m.offer; // U3: in place; U4: the source keeps its SKU
      else m.quantity -= e.quantity;
      m.scheduledQuantity = null;
      break;
    case 'convertTrial':
      Object.assign(m, {
        trial: false,
        quantity: 25,
        scheduledQuantity: null,
        windowStart: m.now,
        termEnd: (next.termEndDay + 1) * DAY_MS,
      });
      break;
    case 'renewalStarted':
      break;
    case 'renewalCompleted': {
      // R2: the new term starts the day after the old term end date; R3: the window from the completion.
      expect(next.termStartDay * DAY_MS).toBe(m.termEnd);
      const known = m.now < m.termEnd + DAY_MS;
      Object.assign(m, {
        trial: false,
        quantity: m.scheduledQuantity ?? m.quantity,
        scheduledQuantity: null,
        windowStart: known ? m.now : m.termEnd,
        termEnd: (next.termEndDay + 1) * DAY_MS,
      });
      break;
    }
    case 'termEnded':
      m.path = m.status === 'suspended' ? 'suspended' : 'expired';
      m.status = stageAt(m, m.path);
      break;
    case 'stageElapsed':
      m.status = stageAt(m, m.path ?? 'expired');
      break;
  }
  m.declared =
    m.status === 'active' &&
    m.autoRenew &&
    (e.type === 'renewalStarted' || (e.type !== 'renewalCompleted' && (wasRenewing || m.declared)));
}

/** The invariants of issue 4 on an accepted transition. */
function checkTransition(prev: Subscription, r: Extract<TransitionResult, { ok: true }>, now: number): void {
  const next = r.next;
  expect(r.state.subscription).toBe(next);
  // No event changes a fact dated before now: purchase kept; new batches, term starts, created subscriptions dated ≥ now.
  expect(next.purchasedAt).toBe(prev.purchasedAt);
  for (const b of next.seatBatches) {
    if (b.addedAt >= now) continue;
    // Unknown batches: the assumed one batch of the whole quantity (Q2) is all there was.
    const before = prev.seatBatchesKnown
      ? prev.seatBatches.filter((p) => p.addedAt === b.addedAt).reduce((s, p) => s + p.quantity, 0)
      : prev.quantity;
    expect(b.quantity).toBeLessThanOrEqual(before);
  }
  if (next.termStartedAt !== prev.termStartedAt && next.termStartedAt !== null)
    expect(next.termStartedAt).toBeGreaterThanOrEqual(now);
  expect(next.termEndDay).toBeGreaterThanOrEqual(prev.termEndDay);
  for (const c of r.created ?? []) expect(c.purchasedAt).toBe(now);
  // A suspended subscription past its term end is gone: no accepted event leaves one behind.
  if (next.status === 'suspended') expect(now).toBeLessThan((next.termEndDay + 1) * DAY_MS);
}

/** The invariants of issue 4 on the current snapshot, and agreement with the model. */
function checkState(m: Model, r: Real): void {
  const s = subOf(r);
  expect([s.status, s.autoRenew, s.trial, s.scheduledChange?.quantity ?? null, s.offerName]).toEqual([
    m.status,
    m.autoRenew,
    m.trial,
    m.scheduledQuantity,
    m.offer,
  ]);
  expect(s.quantity).toBe(m.quantity);
  if (s.status === 'active') expect(s.quantity).toBeGreaterThanOrEqual(1);
  if (s.scheduledChange !== null) expect(s.status === 'active' && s.autoRenew).toBe(true);
  if (s.trial) {
    expect(s.quantity).toBe(25);
    expect(['active', 'expired', 'disabled', 'deleted']).toContain(s.status);
  }
}

class EventCommand implements fc.Command<Model, Real> {
  constructor(readonly event: LifecycleEvent) {}
  check(): boolean {
    return true;
  }
  run(m: Model, r: Real): void {
    const prev = subOf(r);
    const expected = predict(m, this.event);
    // P7: the choice comes from the policy (made once per choice by definePolicy).
    const res = transition(r.state, this.event, { now: r.now, policy: SUSPENDED_POLICIES[m.suspendedPolicy] });
    if (expected !== 'any') expect(res.ok, `${this.toString()} at ${new Date(r.now).toISOString()}`).toBe(expected);
    if (res.ok) {
      checkTransition(prev, res, r.now);
      update(m, this.event, res.next);
      expect(res.phase === 'renewing').toBe(m.declared);
      r.state = res.state;
    } else if (prev.status === 'cancelled' || prev.status === 'deleted') {
      expect(res.refusal.reason).toBe('TERMINATED');
    }
    checkState(m, r);
  }
  toString(): string {
    return JSON.stringify(this.event);
  }
}

class AdvanceCommand implements fc.Command<Model, Real> {
  constructor(readonly ms: number) {}
  check(): boolean {
    return true;
  }
  run(m: Model, r: Real): void {
    m.now += this.ms;
    r.now = m.now;
  }
  toString(): string {
    return `advance(${this.ms})`;
  }
}

/** Jumps to a boundary of the model's timeline (± 1 ms): term end, latest renewal completion, P7 stage ends. */
class JumpCommand implements fc.Command<Model, Real> {
  constructor(
    readonly days: 0 | 1 | 30 | 120,
    readonly delta: -1 | 0 | 1,
  ) {}
  check(): boolean {
    return true;
  }
  run(m: Model, r: Real): void {
    const target = m.termEnd + this.days * DAY_MS + this.delta;
    if (target > m.now) m.now = target;
    r.now = m.now;
  }
  toString(): string {
    return `jump(termEnd+${this.days}d${this.delta >= 0 ? '+' : ''}${this.delta}ms)`;
  }
}

const purchase = fc.oneof(
  fc.integer({ min: at('2023-01-01T00:00:00Z'), max: at('2026-12-31T23:59:59Z') }),
  fc.constantFrom(
    at('2024-02-29T00:00:00Z'),
    at('2024-01-31T23:59:59.999Z'),
    at('2023-12-31T00:00:00Z'),
    Date.parse('2024-03-31T00:30:00+14:00'),
    Date.parse('2024-05-31T23:30:00-12:00'),
  ),
);

/** Every event; cancel is rarer (it ends a sequence early, C3). */
const w = (arbitrary: fc.Arbitrary<LifecycleEvent>, weight = 4): fc.WeightedArbitrary<LifecycleEvent> => ({
  arbitrary,
  weight,
});
const event: fc.Arbitrary<LifecycleEvent> = fc.oneof(
  w(fc.constant<LifecycleEvent>({ type: 'cancel' }), 1),
  w(fc.constant<LifecycleEvent>({ type: 'suspend' })),
  w(fc.constant<LifecycleEvent>({ type: 'reactivate' })),
  w(fc.boolean().map<LifecycleEvent>((autoRenew) => ({ type: 'setAutoRenew', autoRenew }))),
  w(fc.integer({ min: 0, max: 30 }).map<LifecycleEvent>((quantity) => ({ type: 'changeQuantity', quantity }))),
  w(
    fc
      .integer({ min: 1, max: 30 })
      .map<LifecycleEvent>((quantity) => ({ type: 'scheduleChange', change: { quantity } })),
  ),
  w(fc.constant<LifecycleEvent>({ type: 'clearScheduledChanges' })),
  w(
    fc.integer({ min: 1, max: 25 }).map<LifecycleEvent>((quantity) => ({ type: 'upgrade', quantity, offerName: 'E5' })),
  ),
  w(fc.constant<LifecycleEvent>({ type: 'convertTrial' })),
  w(fc.constant<LifecycleEvent>({ type: 'renewalStarted' })),
  w(fc.constant<LifecycleEvent>({ type: 'renewalCompleted' })),
  w(fc.constant<LifecycleEvent>({ type: 'termEnded' })),
  w(fc.constant<LifecycleEvent>({ type: 'stageElapsed' })),
);

const commands = fc.commands<Model, Real>(
  [
    event.map((e) => new EventCommand(e)),
    event.map((e) => new EventCommand(e)),
    fc
      .oneof(
        fc.integer({ min: 0, max: 6 * HOUR }),
        fc.integer({ min: 0, max: 10 * DAY_MS }),
        fc.integer({ min: 0, max: 60 * DAY_MS }),
      )
      .map((ms) => new AdvanceCommand(ms)),
    fc
      .tuple(fc.constantFrom(0, 1, 30, 120 as const), fc.constantFrom(-1, 0, 1 as const))
      .map(([d, delta]) => new JumpCommand(d as 0 | 1 | 30 | 120, delta as -1 | 0 | 1)),
  ],
  { maxCommands: 40, size: 'max' },
);

describe('Lifecycle model (P1–P7, S1–S5, C3, C9, TR8, R4, R5): random event sequences and time jumps', () => {
  it('agrees with the model and keeps the invariants over 1,000 generated sequences', () => {
    fc.assert(
      fc.property(
        purchase,
        fc.boolean(),
        fc.integer({ min: 1, max: 20 }),
        fc.boolean(),
        fc.constantFrom('lifecycle', 'deleted' as const),
        fc.integer({ min: 0, max: 3 * DAY_MS }),
        commands,
        (purchasedAt, trial, seats, autoRenew, suspendedPolicy, startAfter, cmds) => {
          const quantity = trial ? 25 : seats;
          const input: SubscriptionInput = {
            id: 'sub-1',
            offerName: 'Microsoft 365 E3',
            program: 'nce-license',
            term: 'P1M',
            billing: 'monthly',
            quantity,
            purchasedAt,
            autoRenew,
            trial,
            seatBatches: [{ quantity, addedAt: purchasedAt }],
            // TR1: a trial lasts 30 days.
            ...(trial ? { termEndDate: formatDay(Math.floor(purchasedAt / DAY_MS) + 29) } : {}),
          };
          const sub = toSubscription(input);
          const now = purchasedAt + startAfter;
          const setup = () => ({
            model: {
              now,
              status: 'active' as Status,
              autoRenew,
              trial,
              quantity,
              offer: 'Microsoft 365 E3',
              scheduledQuantity: null,
              termEnd: (sub.termEndDay + 1) * DAY_MS,
              windowStart: purchasedAt,
              declared: false,
              path: null,
              suspendedPolicy,
            },
            real: { state: input, now },
          });
          fc.modelRun(setup, cmds);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
