/**
 * "How many seats can I still reduce, batch by batch?" — Q2–Q4, Q7, Q8, Q10 — and the plan to
 * reach a target quantity (Q2, Q3, Q5).
 */
import {
  allow,
  NONE,
  refuse,
  BASELINE_VERSION,
  unionAssumptions,
  type Allowed,
  type Assumption,
  type Refused,
  type Warning,
} from '../core/decision.js';
import { policyVersion, readPolicy, type Policy } from '../policy/policy.js';
import type { RuleId } from '../core/rules.js';
import { toSubscription, type Subscription, type SubscriptionInput } from '../snapshot/subscription.js';
import { nextWindowOpening, RENEWAL_409, termPhase, termWindowStart, type TermPhase } from '../snapshot/termWindow.js';
import { answered } from '../snapshot/assumed.js';
import { stateGate } from './gates.js';
import { isWithin, windowOfHours, type Window } from '../time/window.js';
import { toInstant, type Instant, type InstantInput } from '../time/instant.js';
import { own, toCount, toRecord } from '../core/validate.js';

/** Why seats can or can't be reduced. */
export type SeatReductionReason =
  /** At least one batch is inside its 7-day window (Q2). */
  | 'WITHIN_WINDOW'
  /** Every batch's window has closed; wait for the next renewal window (Q3). */
  | 'NO_OPEN_BATCH'
  /** Only one seat left and the policy keeps one (Q2): cancel instead (C2). */
  | 'LAST_SEAT'
  /** The program has no seat reduction (Q8 software, C2 no partial return). */
  | 'NOT_SUPPORTED'
  /** A trial's quantity can't change (Q7, TR8). */
  | 'TRIAL_QUANTITY_LOCKED'
  /** Suspended, expired, disabled or pending (Q10). */
  | 'NOT_ACTIVE'
  /** The term is over (R2, R5, P4): refresh the subscription. */
  | 'TERM_ENDED'
  /** Cancelled or deleted (C3). */
  | 'TERMINATED'
  /** In an Extended Service Term: seats and plan are fixed; only cancellation and the end-of-term choice (R7). */
  | 'EXTENDED_SERVICE_TERM';

/** One batch that can be reduced now (Q4). */
export interface OpenBatch {
  /** Seats of this batch that can be removed. */
  readonly quantity: number;
  /** When the batch was added (purchase, renewal or a midterm increase): its window starts here (Q2). */
  readonly addedAt: Instant;
  /** Exclusive end of this batch's window. */
  readonly until: Instant;
}

/** Extra facts of {@link reducibleSeats}. */
export interface ReducibleFacts {
  /** Seats that can be removed now, in total (after the keep-one-seat cap). */
  readonly total: number;
  /** The open batches, the one closing first first. */
  readonly batches: readonly OpenBatch[];
}

/** The answer of {@link reducibleSeats}: `until` is when the last open batch closes. */
export type ReducibleSeats = (Allowed<SeatReductionReason> | Refused<SeatReductionReason>) & ReducibleFacts;

/** Options of the seat decisions. */
export interface SeatOptions {
  /** The instant to decide at (T4: never read from the clock). */
  readonly now: InstantInput;
  /** The policy to apply (default: `DEFAULT_POLICY`). */
  readonly policy?: Policy | undefined;
}

// Decisions get their facts with `Object.assign(allow(…) | refuse(…), facts)` or as one literal
// (reducibleSeats, the hot path), not `{ ...d, ...facts }`: same keys in the same order, but on
// Node 20 (V8 11.3) an object literal that adds properties after a spread leaves the fast path
// and costs ~1 µs per property (docs/performance.md).
// `@__PURE__`: a bundler may drop these tables when only other decisions are imported.
const NO_BATCHES: ReducibleFacts = /* @__PURE__ */ Object.freeze({
  total: 0,
  batches: /* @__PURE__ */ Object.freeze([]),
});
/** Q2: no seat batches given: the whole quantity is taken as added at the term start. */
export const ASSUMED_BATCHES: readonly Assumption[] = /* @__PURE__ */ Object.freeze(['SEAT_BATCHES_ASSUMED']);

/**
 * Q2–Q4: the seats reducible at `now` — per batch (initial purchase, renewal, each midterm
 * increase) the quantity and the instant until which it can be removed, and the total.
 * Without `seatBatches` the whole quantity counts as one batch added at the term start
 * (assumption `SEAT_BATCHES_ASSUMED`).
 *
 * @example
 * ```ts
 * const r = reducibleSeats({
 *   program: 'nce-license', term: 'P1Y', billing: 'monthly', quantity: 15, purchasedAt: '2024-01-15T09:30:00Z',
 *   seatBatches: [{ quantity: 10, addedAt: '2024-01-15T09:30:00Z' }, { quantity: 5, addedAt: '2024-03-10T14:00:00Z' }],
 * }, { now: '2024-03-12T00:00:00Z' });
 * // r.total === 5; r.batches[0].until === Date.parse('2024-03-17T14:00:00Z')
 * ```
 */
export function reducibleSeats(subscription: SubscriptionInput | Subscription, options: SeatOptions): ReducibleSeats {
  const sub = toSubscription(subscription);
  const o = toRecord(options, 'options');
  const now = toInstant(own(o, 'now'), 'now');
  const policy = readPolicy(own(o, 'policy') as SeatOptions['policy']);
  return reducibleDecision(sub, now, policy, termPhase(sub, now));
}

/**
 * {@link reducibleSeats} on a validated snapshot in a known term phase (the lifecycle machine's).
 *
 * @param sub - the validated snapshot
 * @param now - the instant decided at
 * @param policy - the policy
 * @param phase - where `now` falls in the term
 */
function reducibleDecision(sub: Subscription, now: Instant, policy: Policy, phase: TermPhase): ReducibleSeats {
  return answered(sub, 'other', decideReducible(sub, now, policy, phase), policyVersion(policy, now));
}

/** The reducible seats before the snapshot's assumptions are added. */
function decideReducible(sub: Subscription, now: Instant, policy: Policy, phase: TermPhase): ReducibleSeats {
  const gate = stateGate('reduceSeats', sub, phase);
  if (gate !== null) return seatsRefused(gate.rule, gate.reason, null, NONE, 0, NO_BATCHES.batches);
  const program = policy.programs[sub.program];
  if (program.seatReduction === 'never') {
    return seatsRefused(
      sub.program === 'nce-software' ? 'Q8' : 'C2',
      'NOT_SUPPORTED',
      null,
      NONE,
      0,
      NO_BATCHES.batches,
    );
  }

  let assumptions: readonly Assumption[];
  let source: readonly { readonly quantity: number; readonly addedAt: Instant; readonly until: Instant | null }[];
  if (phase === 'renewing') {
    // Q2, R3: the renewal adds every seat again, as one batch from its completion (an R3 bound).
    const start = termWindowStart(sub, policy, phase);
    assumptions = start.assumptions;
    source = [{ quantity: sub.quantity, addedAt: start.start, until: null }];
  } else if (sub.seatBatchesKnown) {
    assumptions = [];
    source = sub.seatBatches;
  } else {
    const start = termWindowStart(sub, policy);
    assumptions = [...start.assumptions, ...ASSUMED_BATCHES];
    source = [{ quantity: sub.quantity, addedAt: start.start, until: null }];
  }
  // R4: a reduction during the renewal may meet 409 Conflict.
  const warnings = phase === 'renewing' ? RENEWAL_409 : NONE;

  const open: OpenBatch[] = [];
  let sum = 0;
  let last = 0;
  // R3: a batch whose window has not opened yet (a completion bound after `now`) opens then.
  let upcoming = Number.POSITIVE_INFINITY;
  for (const batch of source) {
    // Q2, T3: each batch has its own window of the program's hours from when it was added; a
    // deadline Partner Center reports bounds it (facts beat defaults: never later than reported).
    const window = bounded(windowOfHours(batch.addedAt, program.seatWindowHours), batch.until);
    const until = window.end;
    if (isWithin(window, now)) {
      open.push({ quantity: batch.quantity, addedAt: batch.addedAt, until });
      sum += batch.quantity;
      if (until > last) last = until;
    } else if (window.start > now && window.start < window.end && window.start < upcoming) {
      upcoming = window.start;
    }
  }
  open.sort((a, b) => a.until - b.until);
  const cap = sub.quantity - (policy.keepOneSeat ? 1 : 0);
  const total = Math.max(0, Math.min(sum, cap));
  // Q2: the keep-one-seat cap is the policy's reading (Partner Center cancels rather than reduce to 0).
  const capped = sum > cap && policy.keepOneSeat ? [...assumptions, ...ONE_SEAT] : assumptions;
  if (total > 0) {
    return {
      allowed: true,
      rule: 'Q2',
      policyVersion: BASELINE_VERSION,
      reason: 'WITHIN_WINDOW',
      until: last,
      assumptions: capped,
      warnings,
      total,
      batches: open,
    };
  }
  if (sum > 0) return seatsRefused('Q2', 'LAST_SEAT', null, capped, total, open, warnings);
  // R3: this term's batch opens later (its completion bound is still ahead).
  if (upcoming !== Number.POSITIVE_INFINITY)
    return seatsRefused('Q3', 'NO_OPEN_BATCH', upcoming, assumptions, total, open, warnings);
  // Q3: no batch open; the next term's seats open at the renewal's completion (an R3 bound).
  const next = phase === 'in-term' ? nextWindowOpening(sub, policy) : null;
  if (next === null) return seatsRefused('Q3', 'NO_OPEN_BATCH', null, assumptions, total, open, warnings);
  return seatsRefused(
    'Q3',
    'NO_OPEN_BATCH',
    next.start,
    unionAssumptions(assumptions, next.assumptions),
    total,
    open,
    warnings,
  );
}

/** A window ended no later than a reported deadline. */
function bounded(window: Window, reported: Instant | null): Window {
  return reported === null || reported >= window.end ? window : { start: window.start, end: reported };
}

const ONE_SEAT: readonly Assumption[] = /* @__PURE__ */ Object.freeze(['ONE_SEAT_KEPT']);

/**
 * A refused {@link reducibleSeats} answer, written as one object literal in the key order of
 * `{ ...refuse(…), ...facts }` (that spread costs ~1 µs per property on Node 20, Object.assign
 * ~50 ns: docs/performance.md).
 */
function seatsRefused(
  rule: RuleId,
  reason: SeatReductionReason,
  opensAt: Instant | null,
  assumptions: readonly Assumption[],
  total: number,
  batches: readonly OpenBatch[],
  warnings: readonly Warning[] = NONE,
): ReducibleSeats {
  return {
    allowed: false,
    rule,
    policyVersion: BASELINE_VERSION,
    reason,
    opensAt,
    assumptions,
    warnings,
    total,
    batches,
  };
}

/** Why a plan can or can't reach its target. */
export type SeatPlanReason =
  | SeatReductionReason
  /** Target equals the current quantity: nothing to release. */
  | 'NOTHING_TO_REDUCE'
  /** Target above the current quantity: that is an increase (Q1). */
  | 'NOT_A_REDUCTION'
  /** Target 0: that is a cancellation (C2). */
  | 'USE_CANCEL'
  /** Not enough seats in open batches now (Q3); possible in the next renewal window. */
  | 'INSUFFICIENT_REDUCIBLE_SEATS';

/** Extra facts of {@link planSeatReduction}. */
export interface SeatPlanFacts {
  /** Seats to remove: current quantity minus target. */
  readonly reduceBy: number;
  /** The batches to release from, newest first (latest deadline, largest refund), with the seats taken from each. */
  readonly release: readonly OpenBatch[];
  /** Seats reducible now in total. */
  readonly reducibleNow: number;
  /** Refund for the released seats (Q5): `prorated`, or `none` when nothing is released. */
  readonly refund: 'prorated' | 'none';
}

/** The answer of {@link planSeatReduction}: `until` is the instant to act by. */
export type SeatPlan = (Allowed<SeatPlanReason> | Refused<SeatPlanReason>) & SeatPlanFacts;

/** Options of {@link planSeatReduction}. */
export interface SeatPlanOptions extends SeatOptions {
  /** The quantity wanted after the reduction. */
  readonly targetQuantity: number;
}

/**
 * Q2, Q3, Q5: which open batches to release to bring the quantity down to `targetQuantity`,
 * the instant to act by, and the refund. Seats come from the newest batches first: they close
 * last and have been used least. When the target can't be reached now the plan is refused
 * with `opensAt` at the next renewal window (if the subscription renews).
 *
 * @example
 * ```ts
 * const plan = planSeatReduction(sub, { targetQuantity: 12, now: '2024-03-12T00:00:00Z' });
 * // plan.allowed === true; plan.release → [{ quantity: 3, addedAt: …03-10…, until: …03-17T14:00Z }]
 * ```
 */
export function planSeatReduction(subscription: SubscriptionInput | Subscription, options: SeatPlanOptions): SeatPlan {
  const sub = toSubscription(subscription);
  const o = toRecord(options, 'options');
  const target = toCount(own(o, 'targetQuantity'), 'targetQuantity');
  const now = toInstant(own(o, 'now'), 'now');
  const policy = readPolicy(own(o, 'policy') as SeatOptions['policy']);
  return seatReductionPlan(sub, target, now, policy, termPhase(sub, now));
}

/**
 * {@link planSeatReduction} on a validated snapshot in a known term phase (the lifecycle machine's).
 *
 * @param sub - the validated snapshot
 * @param target - the quantity wanted
 * @param now - the instant decided at
 * @param policy - the policy
 * @param phase - where `now` falls in the term
 */
export function seatReductionPlan(
  sub: Subscription,
  target: number,
  now: Instant,
  policy: Policy,
  phase: TermPhase,
): SeatPlan {
  return answered(sub, 'other', planReduction(sub, target, now, policy, phase), policyVersion(policy, now));
}

/** The plan before the snapshot's assumptions are added. */
function planReduction(sub: Subscription, target: number, now: Instant, policy: Policy, phase: TermPhase): SeatPlan {
  const view = reducibleDecision(sub, now, policy, phase);
  const reduceBy = sub.quantity - target;
  const facts = (release: readonly OpenBatch[]): SeatPlanFacts => ({
    reduceBy: Math.max(0, reduceBy),
    release,
    reducibleNow: view.total,
    refund: release.length > 0 ? 'prorated' : 'none',
  });
  const none = facts([]);

  if (reduceBy < 0) return Object.assign(refuse('Q1', 'NOT_A_REDUCTION', null), none);
  if (reduceBy === 0)
    return Object.assign(allow('Q2', 'NOTHING_TO_REDUCE', null, view.assumptions, view.warnings), none);
  if (target === 0 && policy.keepOneSeat) return Object.assign(refuse('C2', 'USE_CANCEL', null), none);
  if (!view.allowed && view.reason !== 'NO_OPEN_BATCH') {
    return Object.assign(refuse(view.rule, view.reason, view.opensAt, view.assumptions, view.warnings), none);
  }
  if (reduceBy > view.total) {
    // R3: this term's batch opens later; Q3: the rest opens with the next term (an R3 bound),
    // unless the renewal is already running.
    if (!view.allowed) {
      // NO_OPEN_BATCH already names when seats open next, with the bound it assumed.
      return Object.assign(
        refuse('Q3', 'INSUFFICIENT_REDUCIBLE_SEATS', view.opensAt, view.assumptions, view.warnings),
        none,
      );
    }
    const next = phase === 'in-term' ? nextWindowOpening(sub, policy) : null;
    const refusal =
      next === null
        ? refuse('Q3', 'INSUFFICIENT_REDUCIBLE_SEATS', null, view.assumptions, view.warnings)
        : refuse(
            'Q3',
            'INSUFFICIENT_REDUCIBLE_SEATS',
            next.start,
            unionAssumptions(view.assumptions, next.assumptions),
            view.warnings,
          );
    return Object.assign(refusal, none);
  }

  const release: OpenBatch[] = [];
  let left = reduceBy;
  let actBy = Number.POSITIVE_INFINITY;
  for (let i = view.batches.length - 1; i >= 0 && left > 0; i--) {
    const batch = view.batches[i] as OpenBatch;
    const take = Math.min(batch.quantity, left);
    release.push({ quantity: take, addedAt: batch.addedAt, until: batch.until });
    left -= take;
    if (batch.until < actBy) actBy = batch.until;
  }
  return Object.assign(allow('Q2', 'WITHIN_WINDOW', actBy, view.assumptions, view.warnings), facts(release));
}
