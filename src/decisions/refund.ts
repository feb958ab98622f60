/**
 * "What refund does a cancellation or reduction give?" — M1, M2, Q5, on integer minor units.
 */
import { CspRulesError } from '../core/errors.js';
import { readPolicy, type Policy } from '../policy/policy.js';
import type { RefundMode } from '../policy/programs.js';
import type { RuleId } from '../core/rules.js';
import { dayOf, type UtcDay } from '../time/day.js';
import { toInstant, toUtcDay, type DateInput, type InstantInput } from '../time/instant.js';
import { own, toCount, toEnum, toRecord } from '../core/validate.js';

/** Input of {@link proratedRefund}. */
export interface RefundInput {
  /** What was paid for the period, in integer minor units (cents). */
  readonly amountPaid: number;
  /** First day of the paid period (purchase, renewal or the day the seats were added). */
  readonly periodStart: DateInput;
  /** Last day of the paid period, inclusive (T2): the term end date. */
  readonly periodEnd: DateInput;
  /** When the cancellation or reduction happens. */
  readonly at: InstantInput;
  /** Refund mode of the program (default `prorated`): `full` refunds everything (M2), `none` nothing. */
  readonly mode?: RefundMode;
  /** The policy's `daysUsed` count applies (M1). */
  readonly policy?: Policy | undefined;
}

/** The refund, with the figures it came from. */
export interface Refund {
  /** Refunded, in minor units: never more than paid, never negative. */
  readonly refund: number;
  /** Kept for the days used, in minor units (`amountPaid − refund`). */
  readonly charged: number;
  /** Days of the period counted as used, per the policy's `daysUsed` (M1). */
  readonly daysUsed: number;
  /** Days in the paid period, both ends counted (UTC days). */
  readonly daysInPeriod: number;
  /** M1 (prorated), M2 (full), or M1 for `none`. */
  readonly rule: RuleId;
}

/**
 * M1, Q5: refund = amount paid − the daily-prorated amount for the days used.
 *
 * - Days in the period: `periodStart` to `periodEnd`, both counted (UTC days).
 * - Days used (policy `daysUsed`): `inclusive` (default) counts the start day and the day of
 *   `at`; `exclusive` leaves the day of `at` out. Clamped to [0, days in period].
 * - Rounding: the charge for the days used is rounded **up** to the minor unit
 *   (`ceil(amountPaid × daysUsed ÷ daysInPeriod)`), so the refund is rounded down and never
 *   exceeds the exact prorated value. Exact integer arithmetic (BigInt), no floating point.
 * - M2: `mode: 'full'` refunds the whole amount; `mode: 'none'` refunds nothing.
 *
 * @throws {@link CspRulesError} for a non-integer or negative amount, invalid dates, or a period
 *   that ends before it starts
 *
 * @example
 * ```ts
 * // 365-day term, 36 500 cents, cancelled on its third day: 3 days used.
 * proratedRefund({ amountPaid: 36500, periodStart: '2023-07-15', periodEnd: '2024-07-13', at: '2023-07-17T10:00:00Z' });
 * // { refund: 36200, charged: 300, daysUsed: 3, daysInPeriod: 365, rule: 'M1' }
 * ```
 */
export function proratedRefund(input: RefundInput): Refund {
  const o = toRecord(input, 'options');
  const amount = toCount(own(o, 'amountPaid'), 'amountPaid');
  const start: UtcDay = toUtcDay(own(o, 'periodStart'), 'periodStart');
  const end: UtcDay = toUtcDay(own(o, 'periodEnd'), 'periodEnd');
  if (end < start) throw new CspRulesError('INCONSISTENT', 'periodEnd', 'is before periodStart');
  const atDay = dayOf(toInstant(own(o, 'at'), 'at'));
  const rawMode = own(o, 'mode');
  const mode = rawMode === undefined ? 'prorated' : toEnum(rawMode, ['full', 'prorated', 'none'], 'mode');
  const policy = readPolicy(own(o, 'policy') as RefundInput['policy']);
  const daysInPeriod = end - start + 1;
  const raw = atDay - start + (policy.daysUsed === 'inclusive' ? 1 : 0);
  const daysUsed = Math.min(daysInPeriod, Math.max(0, raw));
  if (mode === 'full') return { refund: amount, charged: 0, daysUsed, daysInPeriod, rule: 'M2' };
  if (mode === 'none') return { refund: 0, charged: amount, daysUsed, daysInPeriod, rule: 'M1' };
  const numerator = BigInt(amount) * BigInt(daysUsed);
  const d = BigInt(daysInPeriod);
  const charged = Number((numerator + d - 1n) / d);
  return { refund: amount - charged, charged, daysUsed, daysInPeriod, rule: 'M1' };
}
