/**
 * T6 and B1: term lengths, term end dates with month-end clamping, renewed terms and
 * charge cycles, all on integer UTC days.
 *
 * The public functions check their arguments and call the unchecked
 * `termEndOf` / `renewedTermOf` / `addMonthsClamped`, which internal callers with validated
 * snapshots use directly.
 */
import { CspRulesError, describe } from '../core/errors.js';
import { toCount, toEnum } from '../core/validate.js';
import { civilFromDay, dayFromCivil, daysInMonth, toDay, type UtcDay } from './day.js';

/** B1: a term (ISO-8601 duration): Monthly, Annual or Triennial. */
export type Term = (typeof TERMS)[number];
/** B1: every term, shortest first: Monthly, Annual, Triennial (ISO-8601 durations). */
export const TERMS = /* @__PURE__ */ Object.freeze(['P1M', 'P1Y', 'P3Y'] as const);

/** B1: a billing frequency. */
export type BillingFrequency = (typeof BILLING_FREQUENCIES)[number];
/** B1: every billing frequency, most frequent first. */
export const BILLING_FREQUENCIES = /* @__PURE__ */ Object.freeze(['monthly', 'annual', 'triennial'] as const);

/** T6: months in a term. */
export const TERM_MONTHS: Readonly<Record<Term, number>> = /* @__PURE__ */ Object.freeze({ P1M: 1, P1Y: 12, P3Y: 36 });

/**
 * T6, policy: how a renewed term's end is computed when the first term started on a day
 * (29th–31st) that a later month lacks. `anniversary` returns to the original day-of-month
 * (from Jan 31: … Feb 28–Mar 30, Mar 31–Apr 29); `clamped` keeps the clamped day
 * (Feb 28–Mar 27, Mar 28–Apr 27). The sources leave it open; default `anniversary`.
 */
export type RenewalAnchor = (typeof RENEWAL_ANCHORS)[number];

/** Every renewal anchor (T6). */
export const RENEWAL_ANCHORS = /* @__PURE__ */ Object.freeze(['anniversary', 'clamped'] as const);

/** Months spanning the whole `Date` range (±100,000,000 days): keeps month arithmetic exact. */
const MAX_MONTHS = 6_600_000;

/** A term's first and last UTC day, both inclusive (T2). */
export interface TermDates {
  /** The term's first UTC day. */
  readonly startDay: UtcDay;
  /** The term's last UTC day (its end date), inclusive (T2). */
  readonly endDay: UtcDay;
}

/**
 * T6: `day` plus `months` calendar months, clamped to the last day of a shorter month.
 * `dayOfMonth` overrides the day-of-month to aim at (used to return to an anniversary).
 * Internal: arguments unchecked.
 */
export function addMonthsClamped(day: UtcDay, months: number, dayOfMonth?: number): UtcDay {
  const c = civilFromDay(day);
  const index = c.year * 12 + (c.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return dayFromCivil(year, month, Math.min(dayOfMonth ?? c.day, daysInMonth(year, month)));
}

/**
 * T6: the end date (inclusive, a whole UTC day) of a term starting on UTC day `startDay`:
 * the day before `startDay + M months` (clamped).
 *
 * @example
 * ```ts
 * formatDay(termEndDay(toUtcDay('2024-01-15', 'day'), 'P1M')); // '2024-02-14'
 * formatDay(termEndDay(toUtcDay('2023-03-01', 'day'), 'P1Y'));  // '2024-02-29'
 * formatDay(termEndDay(toUtcDay('2024-01-31', 'day'), 'P1M')); // '2024-02-28'
 * ```
 *
 * @throws {@link CspRulesError} `INVALID_DATE` `startDay`, `INVALID_ENUM` `term`
 */
export function termEndDay(startDay: UtcDay, term: Term): UtcDay {
  return termEndOf(toDay(startDay, 'startDay'), toEnum(term, TERMS, 'term'));
}

/** {@link termEndDay} without the argument checks, for validated input. */
export function termEndOf(startDay: UtcDay, term: Term): UtcDay {
  return addMonthsClamped(startDay, TERM_MONTHS[term]) - 1;
}

/**
 * T6: the term that follows a term ending on `endDay`. It starts the next UTC day (R2). With
 * the `anniversary` anchor (the default) it ends the day before the next occurrence of
 * `anchorDayOfMonth` (the first term's start day-of-month, clamped); with `clamped` it is
 * computed from its own start day.
 *
 * @example
 * ```ts
 * // First term from 2023-01-31, P1M: ends 2023-02-27. The next one:
 * const next = renewedTerm(toUtcDay('2023-02-27', 'day'), 'P1M', 31);
 * formatDay(next.startDay); // '2023-02-28'
 * formatDay(next.endDay);   // '2023-03-30'
 * ```
 *
 * @throws {@link CspRulesError} `INVALID_DATE` `endDay` / `anchorDayOfMonth` (1–31), `INVALID_ENUM` `term` / `anchor`
 */
export function renewedTerm(
  endDay: UtcDay,
  term: Term,
  anchorDayOfMonth: number,
  anchor: RenewalAnchor = 'anniversary',
): TermDates {
  // Number.isInteger is false for every non-number (no coercion).
  if (!Number.isInteger(anchorDayOfMonth) || anchorDayOfMonth < 1 || anchorDayOfMonth > 31) {
    throw new CspRulesError(
      'INVALID_DATE',
      'anchorDayOfMonth',
      `expected a day of the month 1–31, got ${describe(anchorDayOfMonth)}`,
      anchorDayOfMonth,
    );
  }
  return renewedTermOf(
    toDay(endDay, 'endDay'),
    toEnum(term, TERMS, 'term'),
    anchorDayOfMonth,
    toEnum(anchor, RENEWAL_ANCHORS, 'anchor'),
  );
}

/** {@link renewedTerm} without the argument checks, for validated input. */
export function renewedTermOf(endDay: UtcDay, term: Term, anchorDayOfMonth: number, anchor: RenewalAnchor): TermDates {
  const startDay = endDay + 1;
  const months = TERM_MONTHS[term];
  const end =
    anchor === 'anniversary' ? addMonthsClamped(startDay, months, anchorDayOfMonth) - 1 : termEndOf(startDay, term);
  return { startDay, endDay: end };
}

/**
 * T6: start of charge cycle `k` (0-based) of a monthly-billed term that started on
 * `termStartDay`: `termStartDay + k months`, clamped, always from the start's day-of-month.
 *
 * @example
 * ```ts
 * formatDay(chargeCycleStart(toUtcDay('2023-01-31', 'day'), 2)); // '2023-03-31'
 * ```
 *
 * @throws {@link CspRulesError} `INVALID_DATE` `termStartDay`, `INVALID_QUANTITY` `k` (a whole number of months ≥ 0)
 */
export function chargeCycleStart(termStartDay: UtcDay, k: number): UtcDay {
  const cycle = toCount(k, 'k');
  if (cycle > MAX_MONTHS)
    throw new CspRulesError('INVALID_QUANTITY', 'k', `expected at most ${MAX_MONTHS} months, got ${describe(k)}`, k);
  return addMonthsClamped(toDay(termStartDay, 'termStartDay'), cycle);
}

/**
 * B1: months between charges for a billing frequency. Internal (callers pass validated values).
 */
export function billingMonths(billing: BillingFrequency): number {
  switch (billing) {
    case 'monthly':
      return 1;
    case 'annual':
      return 12;
    case 'triennial':
      return 36;
    default: {
      // Unreachable for typed callers; a JavaScript caller's typo is an error, never 36.
      const unknown: never = billing;
      throw new CspRulesError(
        'INVALID_ENUM',
        'billing',
        `expected one of ${BILLING_FREQUENCIES.join(', ')}, got ${describe(unknown)}`,
        unknown,
      );
    }
  }
}
