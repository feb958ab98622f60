/**
 * The shape of `explain`'s answers: the actions it answers for and how each is answered.
 */
import type { Assumption, Warning } from '../core/decision.js';
import type { Instant } from '../core/instant.js';
import type { RuleId } from '../core/rules.js';
import type { OpenBatch } from '../decisions/seats.js';

/** Every action `explain` answers for, in display order. */
export const ACTIONS = /* @__PURE__ */ Object.freeze([
  'cancel',
  'reduceSeats',
  'addSeats',
  'changeBillingFrequency',
  'changeTerm',
  'upgrade',
  'convertTrial',
  'suspend',
  'reactivate',
  'turnAutoRenewOn',
  'turnAutoRenewOff',
  'cancelAtTermEnd',
  'moveToExtendedServiceTerm',
  'scheduleChange',
] as const);

/** An action `explain` answers for ({@link ACTIONS}). */
export type Action = (typeof ACTIONS)[number];

/**
 * When an action is possible: `now`; `at-renewal` (not now, but from the next renewal, or
 * scheduled for it); `never` (not in this term, nor by scheduling). A refusal that reopens
 * later in the same term (a cycle-charge day, B5; a window not yet open) is `at-renewal` only
 * when it reopens with the renewal; otherwise `never` is not said: it is `later`, with `opensAt`.
 */
export type Outcome = 'now' | 'later' | 'at-renewal' | 'never';

/** One action's answer. */
export interface ActionExplanation {
  /** The action answered for. */
  readonly action: Action;
  /** When it is possible: now, later, at renewal, or never. */
  readonly outcome: Outcome;
  /** Exclusive deadline when `now`; `null` when open-ended or not possible now. */
  readonly until: Instant | null;
  /** When it next becomes possible, if not now and known. */
  readonly opensAt: Instant | null;
  /** The decision's stable reason code. */
  readonly reason: string;
  /** The rule the answer comes from. */
  readonly rule: RuleId;
  /** The version of the rules the answer used (see the policy's timeline). */
  readonly policyVersion: string;
  /** Things to know although the answer stands. */
  readonly warnings: readonly Warning[];
  /** Facts the library had to assume for this answer. */
  readonly assumptions: readonly Assumption[];
  /** For `reduceSeats`: every open batch with its own deadline (Q4); empty otherwise. */
  readonly batches: readonly OpenBatch[];
}
