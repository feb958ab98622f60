/**
 * Coterminosity ("Align subscription end dates"): which subscriptions can be aligned (CO1),
 * which custom end dates are valid (CO2), calendar-month alignment (CO5), the shorter first
 * term (CO4), and that nothing moves midterm (CO3).
 */
import { allow, refuse, type Decision } from '../core/decision.js';
import { policyVersion, readPolicy, type Policy } from '../policy/policy.js';
import { nextTermPlan } from './scheduledChanges.js';
import { renewalAnchorDay } from './renewal.js';
import { answered } from '../snapshot/assumed.js';
import { toSubscription, type Subscription, type SubscriptionInput } from '../snapshot/subscription.js';
import { civilFromDay, dayFromCivil, dayOf, daysInMonth, endOfDay, toDay, type UtcDay } from '../time/day.js';
import { toInstant, type InstantInput } from '../time/instant.js';
import {
  RENEWAL_ANCHORS,
  renewedTermOf,
  termEndOf,
  TERMS,
  type RenewalAnchor,
  type Term,
  type TermDates,
} from '../time/term.js';
import { CspRulesError } from '../core/errors.js';
import { own, toEnum, toRecord } from '../core/validate.js';

/** Why a subscription can or can't be aligned, or an end date used. */
export type CotermReason =
  /** CO1/CO2: allowed. */
  | 'ALIGNABLE'
  /** CO1: only new-commerce license-based, non-trial subscriptions. */
  | 'NOT_ALIGNABLE'
  /** Not active: nothing to align. */
  | 'NOT_ACTIVE'
  /** CO3 + S2: the renewal has started (or auto-renew is off): a new end date can only apply from a next term. */
  | 'NO_NEXT_TERM'
  /** CO2: outside the first (aligned) term. */
  | 'OUTSIDE_FIRST_TERM'
  /** CO2: a P1M term can end on the 28th–30th only when it is the month's last day. */
  | 'NOT_MONTH_END'
  /** CO2: P1Y and P3Y can't coterm with a P1M subscription. */
  | 'TERM_MISMATCH';

/** One valid end date and what it aligns to. */
export interface AlignmentOption {
  /** The custom term end date (inclusive, T2). */
  readonly endDay: UtcDay;
  /** Ids of the subscriptions whose term ends that day. */
  readonly alignsTo: readonly string[];
  /** CO5: the date is the calendar-month alignment. */
  readonly calendarMonth: boolean;
  /** CO4: the first aligned term (shorter, prorated, unless it is the full term). */
  readonly firstTerm: TermDates & { readonly prorated: boolean };
  /** CO4: the full-length term after it. */
  readonly followingTerm: TermDates;
}

/** The answer of {@link eligibleAlignments}. */
export interface AlignmentOptions {
  /** CO1, CO3, S2: whether an alignment can be saved now. */
  readonly decision: Decision<CotermReason>;
  /** The term the new end date applies to: the next term (CO3), or the first term of a purchase. */
  readonly term: TermDates;
  /** Valid end dates, earliest first. */
  readonly options: readonly AlignmentOption[];
}

/** Options of {@link eligibleAlignments}. */
export interface AlignmentOptionsInput {
  /** The customer's other subscriptions to align to. */
  readonly others: readonly (SubscriptionInput | Subscription)[];
  /** The instant to decide at (T4: never read from the clock). */
  readonly now: InstantInput;
  /** The policy to apply (default: `DEFAULT_POLICY`). */
  readonly policy?: Policy | undefined;
}

/**
 * CO1: only new-commerce license-based subscriptions can be aligned; trials, software,
 * reservations and third-party products can't.
 *
 * @example
 * ```ts
 * canAlign({ ...input, program: 'nce-software' }); // refused, 'NOT_ALIGNABLE'
 * ```
 */
export function canAlign(subscription: SubscriptionInput | Subscription): Decision<CotermReason> {
  const sub = toSubscription(subscription);
  if (sub.program !== 'nce-license' || sub.trial) return refuse('CO1', 'NOT_ALIGNABLE', null);
  if (sub.status !== 'active') return refuse('CO1', 'NOT_ACTIVE', null);
  return allow('CO1', 'ALIGNABLE', null);
}

/** CO4: the first aligned term (maybe shorter, prorated) and the full-length term after it. */
export type AlignedTerms = {
  /** CO4: the first term, ending on the custom end date; `prorated` when shorter than a full term. */
  readonly firstTerm: TermDates & { readonly prorated: boolean };
  /** CO4: the full-length term after it. */
  readonly followingTerm: TermDates;
};

/**
 * CO2: whether `endDay` is a valid custom end date for a term `term` running over `first`:
 * inside the first term, and for P1M not on the 28th–30th unless that is the month's last day.
 * With `targetTerm`, also that P1Y/P3Y never coterm onto P1M.
 *
 * @throws {@link CspRulesError} `INVALID_ENUM` `term` / `targetTerm`, `INVALID_TYPE` `first`, `INVALID_DATE` `first.startDay` / `first.endDay` / `endDay`
 *
 * @example
 * ```ts
 * const day = (date: string) => toUtcDay(date, 'day');
 * checkEndDay('P1M', { startDay: day('2024-03-05'), endDay: day('2024-04-04') }, day('2024-03-30')); // refused, 'NOT_MONTH_END'
 * ```
 */
export function checkEndDay(term: Term, first: TermDates, endDay: UtcDay, targetTerm?: Term): Decision<CotermReason> {
  const f = toRecord(first, 'first');
  const dates = {
    startDay: toDay(own(f, 'startDay'), 'first.startDay'),
    endDay: toDay(own(f, 'endDay'), 'first.endDay'),
  };
  const target = targetTerm === undefined ? undefined : toEnum(targetTerm, TERMS, 'targetTerm');
  return endDayDecision(toEnum(term, TERMS, 'term'), dates, toDay(endDay, 'endDay'), target);
}

function endDayDecision(term: Term, first: TermDates, endDay: UtcDay, targetTerm?: Term): Decision<CotermReason> {
  if (targetTerm === 'P1M' && term !== 'P1M') return refuse('CO2', 'TERM_MISMATCH', null);
  if (endDay < first.startDay || endDay > first.endDay) return refuse('CO2', 'OUTSIDE_FIRST_TERM', null);
  const c = civilFromDay(endDay);
  // Stryker disable next-line ConditionalExpression: equivalent — `c.day <= 30` → true: a 31st is always its month's last day, so `c.day !== daysInMonth` already refuses nothing there
  if (term === 'P1M' && c.day >= 28 && c.day <= 30 && c.day !== daysInMonth(c.year, c.month))
    return refuse('CO2', 'NOT_MONTH_END', null);
  return allow('CO2', 'ALIGNABLE', null);
}

/**
 * CO5: calendar-month alignment — the last day of a month, as late as possible without
 * exceeding the term starting on `startDay`.
 *
 * @example
 * ```ts
 * formatDay(calendarMonthEnd(toUtcDay('2022-07-15', 'day'), 'P1Y')); // '2023-06-30'
 * ```
 *
 * @throws {@link CspRulesError} `INVALID_DATE` `startDay`, `INVALID_ENUM` `term`
 */
export function calendarMonthEnd(startDay: UtcDay, term: Term): UtcDay {
  return monthEndOf(toDay(startDay, 'startDay'), toEnum(term, TERMS, 'term'));
}

function monthEndOf(startDay: UtcDay, term: Term): UtcDay {
  const fullEnd = termEndOf(startDay, term);
  const c = civilFromDay(fullEnd);
  return c.day === daysInMonth(c.year, c.month) ? fullEnd : dayFromCivil(c.year, c.month, 1) - 1;
}

/**
 * CO4: the first term ending on `customEndDay` (shorter and prorated when it ends before the
 * full term) and the full-length term after it, anchored on the day after the custom end.
 *
 * @example
 * ```ts
 * const t = alignedTerms(toUtcDay('2022-07-01', 'day'), 'P3Y', toUtcDay('2024-10-01', 'day'));
 * formatDay(t.followingTerm.endDay); // '2027-10-01'
 * ```
 *
 * @throws {@link CspRulesError} `INVALID_DATE` `startDay` / `customEndDay`, `INVALID_ENUM` `term` / `anchor`;
 *   `INCONSISTENT` `customEndDay` outside the full term from `startDay` (CO2)
 */
export function alignedTerms(
  startDay: UtcDay,
  term: Term,
  customEndDay: UtcDay,
  anchor: RenewalAnchor = 'anniversary',
): AlignedTerms {
  const start = toDay(startDay, 'startDay');
  const length = toEnum(term, TERMS, 'term');
  const end = toDay(customEndDay, 'customEndDay');
  if (end < start || end > termEndOf(start, length))
    throw new CspRulesError(
      'INCONSISTENT',
      'customEndDay',
      'must fall within the term from startDay (CO2)',
      customEndDay,
    );
  return termsAligned(start, length, end, toEnum(anchor, RENEWAL_ANCHORS, 'anchor'));
}

function termsAligned(startDay: UtcDay, term: Term, customEndDay: UtcDay, anchor: RenewalAnchor): AlignedTerms {
  const prorated = customEndDay < termEndOf(startDay, term);
  const following = renewedTermOf(customEndDay, term, civilFromDay(customEndDay + 1).day, anchor);
  return { firstTerm: { startDay, endDay: customEndDay, prorated }, followingTerm: following };
}

/**
 * CO1–CO5: the end dates the subscription's **next** term can be aligned to (CO3: nothing
 * moves midterm; the new date is a scheduled change, S1), each with the subscriptions it
 * aligns to (their term ends that day) and the calendar-month option (CO5). Other
 * subscriptions count when they can be aligned themselves (CO1) and their term fits (CO2: a
 * P1Y or P3Y can't coterm with a P1M). For a new purchase use {@link eligiblePurchaseAlignments}.
 *
 * @example
 * ```ts
 * const sub = { id: 'sub-1', program: 'nce-license', term: 'P1Y', billing: 'monthly', quantity: 5,
 *   purchasedAt: '2023-10-15T10:00:00Z' } as const; // next term 2024-10-15 – 2025-10-14
 * const other = { ...sub, id: 'other-1', purchasedAt: '2023-07-01T10:00:00Z' }; // renews to end 2025-06-30
 * const a = eligibleAlignments(sub, { others: [other], now: '2024-05-01T00:00:00Z' });
 * a.options.map((o) => [formatDay(o.endDay), o.alignsTo]); // [['2025-06-30', ['other-1']], ['2025-09-30', []]]
 * ```
 */
export function eligibleAlignments(
  subscription: SubscriptionInput | Subscription,
  input: AlignmentOptionsInput,
): AlignmentOptions {
  const sub = toSubscription(subscription);
  const r = toRecord(input, 'options');
  const now = toInstant(own(r, 'now'), 'now');
  const policy = readPolicy(own(r, 'policy') as Policy | undefined);
  const plan = nextTermPlan(sub);
  const term = renewedTermOf(sub.termEndDay, plan.term, renewalAnchorDay(sub), policy.renewalAnchor);
  let decision = canAlign(sub);
  // CO3 + S2: saved for the next term, before the renewal starts (R2), with auto-renew on.
  if (decision.allowed && (!sub.autoRenew || now >= endOfDay(sub.termEndDay)))
    decision = refuse('CO3', 'NO_NEXT_TERM', null);
  // Stryker disable next-line ConditionalExpression: equivalent — `sub.id === null` → false only drops others without an id, which optionsFor skips anyway
  const others = readOthers(own(r, 'others')).filter((o) => sub.id === null || o.id !== sub.id);
  const answer = answered(sub, 'other', decision, policyVersion(policy, now));
  return {
    decision: answer,
    term,
    options: answer.allowed ? optionsFor(plan.term, term, others, policy.renewalAnchor) : [],
  };
}

/**
 * CO2, CO4, CO5: the end dates a new purchase of `term` starting at `purchasedAt` can align to.
 *
 * @example
 * ```ts
 * eligiblePurchaseAlignments({ term: 'P3Y', purchasedAt: '2022-07-01T10:00:00Z', others: [existing] });
 * ```
 */
export function eligiblePurchaseAlignments(input: {
  readonly term: Term;
  readonly purchasedAt: InstantInput;
  readonly others: readonly (SubscriptionInput | Subscription)[];
  readonly policy?: Policy | undefined;
}): AlignmentOptions {
  const r = toRecord(input, 'input');
  const termLength = toEnum(own(r, 'term'), TERMS, 'term');
  const start = dayOf(toInstant(own(r, 'purchasedAt'), 'purchasedAt'));
  const term: TermDates = { startDay: start, endDay: termEndOf(start, termLength) };
  const policy = readPolicy(own(r, 'policy') as Policy | undefined);
  const others = readOthers(own(r, 'others'));
  return {
    decision: allow('CO1', 'ALIGNABLE', null),
    term,
    options: optionsFor(termLength, term, others, policy.renewalAnchor),
  };
}

/**
 * CO1 + CO2 + CO3: whether `endDay` can be scheduled as the custom end date of the
 * subscription's next term.
 *
 * @example
 * ```ts
 * checkCustomEndDate(sub, toUtcDay('2025-06-30', 'day')); // allowed, rule 'CO2'
 * ```
 *
 * @throws {@link CspRulesError} for an invalid subscription or policy, `INVALID_DATE` `endDay`
 */
export function checkCustomEndDate(
  subscription: SubscriptionInput | Subscription,
  endDay: UtcDay,
  policy?: Policy,
): Decision<CotermReason> {
  const sub = toSubscription(subscription);
  const day = toDay(endDay, 'endDay');
  const { renewalAnchor } = readPolicy(policy);
  const alignable = canAlign(sub);
  if (!alignable.allowed) return alignable;
  const plan = nextTermPlan(sub);
  return endDayDecision(plan.term, renewedTermOf(sub.termEndDay, plan.term, renewalAnchorDay(sub), renewalAnchor), day);
}

function readOthers(value: unknown): Subscription[] {
  if (!Array.isArray(value))
    throw new CspRulesError('INVALID_TYPE', 'others', 'expected an array of subscriptions', value);
  // A for loop, not map: a hole in a sparse array is an error, never skipped.
  const out: Subscription[] = [];
  for (let i = 0; i < value.length; i++)
    out.push(toSubscription(toRecord(value[i], `others[${i}]`) as unknown as SubscriptionInput));
  return out;
}

function optionsFor(
  term: Term,
  first: TermDates,
  others: readonly Subscription[],
  anchor: RenewalAnchor,
): AlignmentOption[] {
  const byDay = new Map<UtcDay, { ids: string[]; calendarMonth: boolean }>();
  const add = (day: UtcDay, id: string | null, calendarMonth: boolean): void => {
    const entry = byDay.get(day) ?? { ids: [], calendarMonth: false };
    if (id !== null) entry.ids.push(id);
    entry.calendarMonth ||= calendarMonth;
    byDay.set(day, entry);
  };
  // CO5: the calendar-month option.
  const monthEnd = monthEndOf(first.startDay, term);
  // Stryker disable next-line ConditionalExpression: equivalent — → true: monthEndOf is a month end in [first.startDay, first.endDay] for every first term built here (the anniversary end is never before the clamped one), so the check always passes
  if (endDayDecision(term, first, monthEnd).allowed) add(monthEnd, null, true);
  for (const other of others) {
    if (other.id === null || !canAlign(other).allowed) continue;
    const day = latestEndWithin(other, first, anchor);
    if (day !== null && endDayDecision(term, first, day, other.term).allowed) add(day, other.id, false);
  }
  return [...byDay.entries()]
    .sort(([a], [b]) => a - b)
    .map(([endDay, e]) => ({
      endDay,
      alignsTo: e.ids,
      calendarMonth: e.calendarMonth,
      ...termsAligned(first.startDay, term, endDay, anchor),
    }));
}

/** The last end date of `other` (current or renewed, T6) inside `first`, as late as possible; `null` if none. */
function latestEndWithin(other: Subscription, first: TermDates, anchor: RenewalAnchor): UtcDay | null {
  const anchorDay = renewalAnchorDay(other);
  let end = other.termEndDay;
  let found: UtcDay | null = null;
  while (end <= first.endDay) {
    // Stryker disable next-line ConditionalExpression: equivalent — → true: an end before first.startDay is only kept when no later end falls inside, and endDayDecision then refuses it (OUTSIDE_FIRST_TERM), as for null
    if (end >= first.startDay) found = end;
    if (!other.autoRenew) break; // R5: it won't renew, so it has no later end date
    end = renewedTermOf(end, other.term, anchorDay, anchor).endDay;
  }
  return found;
}
