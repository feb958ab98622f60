/**
 * The one answer shape (C12): allowed or not, the rule, a stable reason
 * code, the exclusive deadline when allowed and, when refused, when it next opens.
 */
import type { RuleId } from './rules.js';
import type { Instant } from './instant.js';

/**
 * Every fact the library may fill in when it is unknown; a decision that depends on one lists it
 * in `assumptions` (principle 6: never a silent guess).
 */
export const ASSUMPTIONS = /* @__PURE__ */ Object.freeze([
  // R3: an unknown renewal-completion instant taken at the earliest (00:00Z of the renewal day) …
  'RENEWAL_COMPLETION_ASSUMED_EARLIEST',
  // … or at the latest (+24 h), as the policy's `unknownRenewalCompletion` says.
  'RENEWAL_COMPLETION_ASSUMED_LATEST',
  // Q2: no seat batches given; the whole quantity is taken as added at the term start.
  'SEAT_BATCHES_ASSUMED',
  // TR1: a trial without an end date is taken to run 30 days from its start.
  'TRIAL_END_ASSUMED',
  // C7, C16: Microsoft's per-asset returnable flag not given; taken as returnable.
  'RETURNABLE_ASSUMED',
  // R1, R5: the data did not say whether auto-renew is on (e.g. Partner Center JSON without `autoRenewEnabled`); taken as on.
  'AUTO_RENEW_ASSUMED',
  // T2, T6: the data did not give the term end date (e.g. no `commitmentEndDate`); computed from the term start.
  'TERM_END_ASSUMED',
  // B1: the offered terms were not given; taken as Monthly and Annual only (Triennial not offered).
  'OFFERED_TERMS_ASSUMED',
  // Q6: the number of updates is unknown; taken as under the limit.
  'UPDATE_COUNT_ASSUMED_UNDER_LIMIT',
  // B5: a cycle charge is taken to complete within its UTC day (the sources give no bound).
  'CHARGE_COMPLETION_ASSUMED',
  // Q2: the policy keeps one seat (Partner Center cancels rather than reducing to 0), which lowered the total.
  'ONE_SEAT_KEPT',
] as const);

/** Something the library assumed because a fact was unknown ({@link ASSUMPTIONS}); the decision depends on it. */
export type Assumption = (typeof ASSUMPTIONS)[number];

/**
 * Something the caller should know although the decision stands.
 * - `RENEWAL_IN_PROGRESS`: a renewal is queued or running; the call may get 409 Conflict, retry after 2 minutes (R4).
 */
export type Warning = 'RENEWAL_IN_PROGRESS' | (string & {});

/** Fields every decision carries, allowed or refused. */
export interface DecisionBase<R extends string> {
  /** The rule the answer comes from. */
  readonly rule: RuleId;
  /**
   * The version of the rules the answer used (YYYY-MM-DD): the date of the latest of Microsoft's
   * rule changes in force at the instant that governs it (see the policy's timeline).
   */
  readonly policyVersion: string;
  /** Stable code a UI can switch on. */
  readonly reason: R;
  /** Facts the library had to assume (empty when none). */
  readonly assumptions: readonly Assumption[];
  /** Things to know although the decision stands (empty when none). */
  readonly warnings: readonly Warning[];
}

/** A yes. */
export interface Allowed<R extends string = string> extends DecisionBase<R> {
  /** Always `true`: the action is possible now. */
  readonly allowed: true;
  /** Exclusive end of the window (the first instant it is no longer allowed); `null` when open-ended. */
  readonly until: Instant | null;
}

/** A no, with when it next becomes possible. */
export interface Refused<R extends string = string> extends DecisionBase<R> {
  /** Always `false`: the action is not possible now. */
  readonly allowed: false;
  /** When it next becomes possible, if known (e.g. the next renewal window); `null` when never or unknown. */
  readonly opensAt: Instant | null;
}

/**
 * Every answer of the library.
 *
 * @example
 * ```ts
 * const d: Decision = canCancel(sub, { now });
 * if (d.allowed) console.log('cancel before', toIso(d.until!));
 * else console.log(d.reason, d.rule, d.opensAt);
 * ```
 */
export type Decision<R extends string = string> = Allowed<R> | Refused<R>;

/**
 * The version of the rules as first documented (Microsoft Learn "Manage customer subscriptions",
 * 2023-10-19): what a decision names until the policy's timeline says a later change governs it.
 */
export const BASELINE_VERSION = '2023-10-19';

/**
 * The assumptions of `a`, then those of `b` not already listed: each code once, in first-seen
 * order (`a` itself when `b` adds nothing).
 */
export function unionAssumptions(a: readonly Assumption[], b: readonly Assumption[]): readonly Assumption[] {
  const added = b.filter((x, i) => !a.includes(x) && b.indexOf(x) === i);
  return added.length === 0 ? a : [...a, ...added];
}

/** Shared empty list, so decisions on the hot path allocate no arrays. */
export const NONE: readonly never[] = Object.freeze([]);

/**
 * Builds an allowed decision.
 */
export function allow<R extends string>(
  rule: RuleId,
  reason: R,
  until: Instant | null,
  assumptions: readonly Assumption[] = NONE,
  warnings: readonly Warning[] = NONE,
): Allowed<R> {
  return { allowed: true, rule, policyVersion: BASELINE_VERSION, reason, until, assumptions, warnings };
}

/**
 * Builds a refusal.
 */
export function refuse<R extends string>(
  rule: RuleId,
  reason: R,
  opensAt: Instant | null,
  assumptions: readonly Assumption[] = NONE,
  warnings: readonly Warning[] = NONE,
): Refused<R> {
  return { allowed: false, rule, policyVersion: BASELINE_VERSION, reason, opensAt, assumptions, warnings };
}
