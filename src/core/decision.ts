/**
 * The one answer shape (C12): allowed or not, the rule, a stable reason
 * code, the exclusive deadline when allowed and, when refused, when it next opens.
 */
import type { RuleId } from './rules.js';
import type { Instant } from './instant.js';

/**
 * Something the library assumed because a fact was unknown; the decision depends on it.
 * - `RENEWAL_COMPLETION_ASSUMED_EARLIEST` / `…_LATEST`: R3 bound used for an unknown completion instant.
 * - `SEAT_BATCHES_ASSUMED`: no seat batches given; the whole quantity is taken as added at the term start.
 */
export type Assumption =
  'RENEWAL_COMPLETION_ASSUMED_EARLIEST' | 'RENEWAL_COMPLETION_ASSUMED_LATEST' | 'SEAT_BATCHES_ASSUMED';

/**
 * Something the caller should know although the decision stands.
 * - `RENEWAL_IN_PROGRESS`: a renewal is queued or running; the call may get 409 Conflict, retry after 2 minutes (R4).
 */
export type Warning = 'RENEWAL_IN_PROGRESS' | (string & {});

/** Fields every decision carries, allowed or refused. */
export interface DecisionBase<R extends string> {
  /** The rule the answer comes from. */
  readonly rule: RuleId;
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
  return { allowed: true, rule, reason, until, assumptions, warnings };
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
  return { allowed: false, rule, reason, opensAt, assumptions, warnings };
}
