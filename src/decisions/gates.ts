/**
 * "Does the subscription's state stop this action?" — one ordered table per action, first match
 * wins (Kill Bill's case tables). Every decision, the lifecycle machine and `explain` ask this
 * table, so they can't give two answers to one question.
 */
import type { Refused } from '../core/decision.js';
import { NONE, BASELINE_VERSION } from '../core/decision.js';
import { deepFreeze } from '../core/deepFreeze.js';
import type { Instant } from '../core/instant.js';
import type { RuleId } from '../core/rules.js';
import type { Subscription } from '../snapshot/subscription.js';
import type { TermPhase } from '../snapshot/termWindow.js';
import { DAY_MS, endOfDay } from '../time/day.js';

/** The actions whose state gates are in the table. */
export type GatedAction =
  | 'cancel'
  | 'reduceSeats'
  | 'addSeats'
  | 'changeBilling'
  | 'changeTerm'
  | 'upgrade'
  | 'convertTrial'
  | 'suspend'
  | 'reactivate'
  | 'setAutoRenew'
  | 'setEndOfTermAction'
  | 'scheduleChange';

/** A state that can stop an action. */
type GateCondition =
  /** C3: cancelled — terminal. */
  | 'cancelled'
  /** P7: deleted — unrecoverable. */
  | 'deleted'
  /** TR2: a trial past its end: it converted, or it ended. */
  | 'endedTrial'
  /** P4: suspended when its term ended: not reactivated in time. */
  | 'endedSuspended'
  /** R2: active with auto-renew on, and the renewal's 24 h are over: the snapshot is out of date. */
  | 'endedUnrenewed'
  /** R5: active with auto-renew off, past its term end: it expired. */
  | 'ended'
  /** A trial (TR8). */
  | 'trial'
  /** Not a trial. */
  | 'notTrial'
  /** P2: suspended. */
  | 'suspended'
  /** Any status but `active`. */
  | 'notActive'
  /** Neither `active` nor `suspended` (expired, disabled, pending). */
  | 'notActiveNorSuspended'
  /** Any status but `suspended`. */
  | 'notSuspended'
  /** R4: a renewal is queued or running. */
  | 'renewing'
  /** R7: in an Extended Service Term. */
  | 'extendedServiceTerm';

/** Why the state stops an action. */
export type GateReason =
  /** Cancelled or deleted (C3, P7). */
  | 'TERMINATED'
  /** The term is over: the subscription expired, or the snapshot is out of date (R2, R5, P4). */
  | 'TERM_ENDED'
  /** A trial's status can't change (C9, TR8). */
  | 'TRIAL_STATUS_LOCKED'
  /** A trial's quantity can't change (Q7). */
  | 'TRIAL_QUANTITY_LOCKED'
  /** A trial's term and billing can't change (TR8). */
  | 'TRIAL_PLAN_LOCKED'
  /** A trial is not upgraded but converted (U1, TR3). */
  | 'TRIAL_USE_CONVERSION'
  /** Only a trial converts (TR3). */
  | 'NOT_A_TRIAL'
  /** The status does not allow it (Q10, P1, S2, …). */
  | 'NOT_ACTIVE'
  /** Only a suspended subscription is reactivated (P3). */
  | 'NOT_SUSPENDED'
  /** Read-only while a renewal is queued or running (R4). */
  | 'RENEWAL_READ_ONLY'
  /** In an Extended Service Term nothing changes but the end-of-term choice and cancellation (R7). */
  | 'EXTENDED_SERVICE_TERM';

/** The reasons each action's gates can give. */
export interface GateReasons {
  readonly cancel: 'TERMINATED' | 'TERM_ENDED' | 'TRIAL_STATUS_LOCKED' | 'NOT_ACTIVE';
  readonly reduceSeats: 'TERMINATED' | 'TERM_ENDED' | 'EXTENDED_SERVICE_TERM' | 'TRIAL_QUANTITY_LOCKED' | 'NOT_ACTIVE';
  readonly addSeats: 'TERMINATED' | 'TERM_ENDED' | 'EXTENDED_SERVICE_TERM' | 'TRIAL_QUANTITY_LOCKED' | 'NOT_ACTIVE';
  readonly changeBilling:
    'TERMINATED' | 'TERM_ENDED' | 'EXTENDED_SERVICE_TERM' | 'TRIAL_PLAN_LOCKED' | 'NOT_ACTIVE' | 'RENEWAL_READ_ONLY';
  readonly changeTerm:
    'TERMINATED' | 'TERM_ENDED' | 'EXTENDED_SERVICE_TERM' | 'TRIAL_PLAN_LOCKED' | 'NOT_ACTIVE' | 'RENEWAL_READ_ONLY';
  readonly upgrade: 'TERMINATED' | 'TERM_ENDED' | 'TRIAL_USE_CONVERSION' | 'NOT_ACTIVE' | 'RENEWAL_READ_ONLY';
  readonly convertTrial: 'TERMINATED' | 'TERM_ENDED' | 'NOT_A_TRIAL' | 'NOT_ACTIVE' | 'RENEWAL_READ_ONLY';
  readonly suspend: 'TERMINATED' | 'TERM_ENDED' | 'TRIAL_STATUS_LOCKED' | 'NOT_ACTIVE' | 'RENEWAL_READ_ONLY';
  readonly reactivate: 'TERMINATED' | 'TERM_ENDED' | 'TRIAL_STATUS_LOCKED' | 'NOT_SUSPENDED';
  readonly setAutoRenew: 'TERMINATED' | 'TERM_ENDED' | 'NOT_ACTIVE' | 'RENEWAL_READ_ONLY';
  readonly setEndOfTermAction: 'TERMINATED' | 'TERM_ENDED' | 'NOT_ACTIVE' | 'RENEWAL_READ_ONLY';
  readonly scheduleChange: 'TERMINATED' | 'TERM_ENDED' | 'NOT_ACTIVE' | 'RENEWAL_READ_ONLY';
}

/** One row of an action's table: when `when` holds, the action is refused with `rule` and `reason`. */
export interface GateRow<R extends GateReason = GateReason> {
  readonly when: GateCondition;
  readonly rule: RuleId;
  readonly reason: R;
}

const TERMINAL: readonly GateRow<'TERMINATED'>[] = [
  { when: 'cancelled', rule: 'C3', reason: 'TERMINATED' },
  { when: 'deleted', rule: 'P7', reason: 'TERMINATED' },
];
const TERM_ENDED: readonly GateRow<'TERM_ENDED'>[] = [
  { when: 'endedTrial', rule: 'TR2', reason: 'TERM_ENDED' },
  { when: 'endedSuspended', rule: 'P4', reason: 'TERM_ENDED' },
  { when: 'endedUnrenewed', rule: 'R2', reason: 'TERM_ENDED' },
  { when: 'ended', rule: 'R5', reason: 'TERM_ENDED' },
];
const READ_ONLY: GateRow<'RENEWAL_READ_ONLY'> = { when: 'renewing', rule: 'R4', reason: 'RENEWAL_READ_ONLY' };
const EST: GateRow<'EXTENDED_SERVICE_TERM'> = {
  when: 'extendedServiceTerm',
  rule: 'R7',
  reason: 'EXTENDED_SERVICE_TERM',
};

/**
 * The state gates of every action, in the order they are asked: terminal states, then an ended
 * term, then the trial and status rules of the action, then the renewal's read-only window.
 * Rules not listed (windows, quantities, catalog) are the action's own decision.
 */
const STATUS_GATES: { readonly [A in GatedAction]: readonly GateRow<GateReasons[A]>[] } = /* @__PURE__ */ deepFreeze({
  // C1…C16: cancelling during a renewal may be attempted (R4: 409 Conflict possible).
  cancel: [
    ...TERMINAL,
    ...TERM_ENDED,
    { when: 'trial', rule: 'C9', reason: 'TRIAL_STATUS_LOCKED' },
    { when: 'notActiveNorSuspended', rule: 'P7', reason: 'NOT_ACTIVE' },
  ],
  reduceSeats: [
    ...TERMINAL,
    ...TERM_ENDED,
    EST,
    { when: 'trial', rule: 'Q7', reason: 'TRIAL_QUANTITY_LOCKED' },
    { when: 'notActive', rule: 'Q10', reason: 'NOT_ACTIVE' },
  ],
  addSeats: [
    ...TERMINAL,
    ...TERM_ENDED,
    EST,
    { when: 'trial', rule: 'Q7', reason: 'TRIAL_QUANTITY_LOCKED' },
    { when: 'notActive', rule: 'Q10', reason: 'NOT_ACTIVE' },
  ],
  changeBilling: [
    ...TERMINAL,
    ...TERM_ENDED,
    EST,
    { when: 'trial', rule: 'TR8', reason: 'TRIAL_PLAN_LOCKED' },
    { when: 'notActive', rule: 'B2', reason: 'NOT_ACTIVE' },
    READ_ONLY,
  ],
  changeTerm: [
    ...TERMINAL,
    ...TERM_ENDED,
    EST,
    { when: 'trial', rule: 'TR8', reason: 'TRIAL_PLAN_LOCKED' },
    { when: 'notActive', rule: 'B3', reason: 'NOT_ACTIVE' },
    READ_ONLY,
  ],
  upgrade: [
    ...TERMINAL,
    ...TERM_ENDED,
    { when: 'trial', rule: 'U1', reason: 'TRIAL_USE_CONVERSION' },
    { when: 'notActive', rule: 'U1', reason: 'NOT_ACTIVE' },
    READ_ONLY,
  ],
  convertTrial: [
    ...TERMINAL,
    ...TERM_ENDED,
    { when: 'notTrial', rule: 'TR3', reason: 'NOT_A_TRIAL' },
    { when: 'notActive', rule: 'TR3', reason: 'NOT_ACTIVE' },
    READ_ONLY,
  ],
  suspend: [
    ...TERMINAL,
    ...TERM_ENDED,
    { when: 'trial', rule: 'TR8', reason: 'TRIAL_STATUS_LOCKED' },
    { when: 'notActive', rule: 'P1', reason: 'NOT_ACTIVE' },
    READ_ONLY,
  ],
  reactivate: [
    ...TERMINAL,
    ...TERM_ENDED,
    { when: 'trial', rule: 'TR8', reason: 'TRIAL_STATUS_LOCKED' },
    { when: 'notSuspended', rule: 'P3', reason: 'NOT_SUSPENDED' },
  ],
  // Trials may turn auto-renew off: it is C9's way out.
  setAutoRenew: [
    ...TERMINAL,
    ...TERM_ENDED,
    { when: 'suspended', rule: 'P2', reason: 'NOT_ACTIVE' },
    { when: 'notActive', rule: 'P7', reason: 'NOT_ACTIVE' },
    READ_ONLY,
  ],
  // R6: the end-of-term choice, until the term ends.
  setEndOfTermAction: [...TERMINAL, ...TERM_ENDED, { when: 'notActive', rule: 'R6', reason: 'NOT_ACTIVE' }, READ_ONLY],
  scheduleChange: [...TERMINAL, ...TERM_ENDED, { when: 'notActive', rule: 'S2', reason: 'NOT_ACTIVE' }, READ_ONLY],
});

/** Whether `when` holds for `sub` in the term phase `phase`. */
function holds(when: GateCondition, sub: Subscription, phase: TermPhase): boolean {
  switch (when) {
    case 'cancelled':
      return sub.status === 'cancelled';
    case 'deleted':
      return sub.status === 'deleted';
    case 'endedTrial':
      return phase === 'ended' && sub.trial && sub.status === 'active';
    case 'endedSuspended':
      return phase === 'ended' && sub.status === 'suspended';
    case 'endedUnrenewed':
      return phase === 'ended' && sub.status === 'active' && sub.autoRenew;
    case 'ended':
      return phase === 'ended' && sub.status === 'active';
    case 'trial':
      return sub.trial;
    case 'notTrial':
      return !sub.trial;
    case 'suspended':
      return sub.status === 'suspended';
    case 'notActive':
      return sub.status !== 'active';
    case 'notActiveNorSuspended':
      return sub.status !== 'active' && sub.status !== 'suspended';
    case 'notSuspended':
      return sub.status !== 'suspended';
    case 'renewing':
      return phase === 'renewing';
    case 'extendedServiceTerm':
      return sub.extendedServiceTerm;
  }
}

/**
 * The first row of `action`'s table that holds for `sub` in the term phase `phase`, or `null`
 * when its state stops nothing.
 *
 * @param action - the action asked about
 * @param sub - the validated snapshot
 * @param phase - where `now` falls in the term (`termPhase`, or the machine's declared phase)
 */
export function stateGate<A extends GatedAction>(
  action: A,
  sub: Subscription,
  phase: TermPhase,
): GateRow<GateReasons[A]> | null {
  const rows: readonly GateRow<GateReasons[A]>[] = STATUS_GATES[action];
  for (const row of rows) if (holds(row.when, sub, phase)) return row;
  return null;
}

/**
 * The refusal of a gate row: a read-only renewal opens again when the renewal can last no
 * longer (00:00Z after the term end date + 24 h, R2), if that is still ahead; every other state
 * gate has no known opening.
 *
 * @param row - the gate that stopped the action
 * @param sub - the validated snapshot
 * @param now - the instant decided at
 */
export function gateRefusal<R extends GateReason>(row: GateRow<R>, sub: Subscription, now: Instant): Refused<R> {
  const latest = endOfDay(sub.termEndDay) + DAY_MS;
  const opensAt = row.reason === 'RENEWAL_READ_ONLY' && now < latest ? latest : null;
  return {
    allowed: false,
    rule: row.rule,
    policyVersion: BASELINE_VERSION,
    reason: row.reason,
    opensAt,
    assumptions: NONE,
    warnings: NONE,
  };
}
