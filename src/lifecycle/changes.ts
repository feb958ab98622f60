/**
 * Property events: quantity (Q1–Q3, Q7, Q10, C2), scheduled changes (S1–S3, CO2, CO3) and
 * term or billing (B2, B3, B4).
 */
import { customEndDateDecision } from '../coterm.js';
import { refuse, type Warning } from '../decision.js';
import { CspRulesError } from '../errors.js';
import { canIncreaseSeats } from '../seatIncrease.js';
import { planSeatReduction, seatChangeBlocked } from '../seats.js';
import type { ScheduledChangeInput } from '../subscription.js';
import { dayOf, formatDay } from '../time/day.js';
import { BILLING_FREQUENCIES, TERM_MONTHS, TERMS, termEndDay, type BillingFrequency, type Term } from '../time/term.js';
import { termWindowStart } from '../termWindow.js';
import { toCount, toEnum } from '../validate.js';
import { currentBatches, releasePlanned } from './batches.js';
import { accept, change, no, reject, scheduledDeletion, termOver, type Ctx } from './context.js';
import type { TransitionResult, WithEligibility } from './events.js';
import { canScheduleChange, isEmptyChange } from './scheduledChanges.js';
import { renewalEnd } from './status.js';

const RENEWAL_409: readonly Warning[] = Object.freeze(['RENEWAL_IN_PROGRESS']);

/**
 * Q1/Q2 via `canIncreaseSeats` / `planSeatReduction`: set the seat count now. An increase is a
 * new batch dated `now` (unknown earlier batches become the assumed one, warning
 * `SEAT_BATCHES_ASSUMED`); a decrease releases seats from open batches. Either deletes scheduled
 * changes (S3). Quantity 0 is a cancellation (C2). During a renewal the call may meet 409 (R4).
 *
 * @example
 * ```ts
 * onChangeQuantity(ctx, 12); // { ok: true, effects: [{ type: 'QUANTITY_CHANGED', from: 10, to: 12, … }] }
 * ```
 */
export function onChangeQuantity(ctx: Ctx, rawQuantity: unknown): TransitionResult {
  const { sub, now, policy } = ctx;
  const quantity = toCount(rawQuantity, 'event.quantity');
  const over = termOver(ctx);
  if (over !== null) return over;
  const blocked = seatChangeBlocked(sub);
  if (blocked !== null) return no(blocked.rule, blocked.reason, null);
  if (quantity === 0) return no('C2', 'USE_CANCEL', null);
  if (quantity === sub.quantity) return accept(ctx, { next: sub, effects: [] });
  const deletion = scheduledDeletion(ctx, 'quantity');
  const renewing = ctx.phase === 'renewing' ? RENEWAL_409 : [];
  const batches = currentBatches(sub, policy);
  if (quantity > sub.quantity) {
    const d = canIncreaseSeats(sub, { now, policy });
    if (!d.allowed) return reject(d);
    batches.push({ quantity: quantity - sub.quantity, addedAt: now });
    // Q2: the new seats need their own batch; unknown earlier batches become the assumed one (named).
    const assumed: readonly Warning[] = sub.seatBatchesKnown ? [] : ['SEAT_BATCHES_ASSUMED'];
    return accept(ctx, {
      next: change(ctx, { quantity, seatBatches: batches, ...deletion.changes }),
      effects: [{ type: 'QUANTITY_CHANGED', rule: 'Q1', from: sub.quantity, to: quantity, refund: 'none' }, ...deletion.effects],
      warnings: [...(d.warnings.length > 0 ? d.warnings : renewing), ...assumed],
    });
  }
  const plan = planSeatReduction(sub, { targetQuantity: quantity, now, policy });
  if (!plan.allowed) return reject(refuse(plan.rule, plan.reason, plan.opensAt, plan.assumptions));
  // Unknown batches stay unknown: the remaining seats are still the assumed batch at the term start.
  const released = sub.seatBatchesKnown ? { seatBatches: releasePlanned(batches, plan.release) } : {};
  return accept(ctx, {
    next: change(ctx, { quantity, ...released, ...deletion.changes }),
    effects: [{ type: 'QUANTITY_CHANGED', rule: 'Q2', from: sub.quantity, to: quantity, refund: plan.refund }, ...deletion.effects],
    warnings: renewing,
  });
}

/**
 * S1, S2, R4, CO2, CO3: save a change for the next term ("Manage renewal"), replacing a saved
 * one. Only while active with auto-renew on and no renewal running. A coterminous end date
 * must be valid for the next term (CO2); it applies from then (CO3). A trial may schedule its
 * conversion with fewer than 25 seats (TR7).
 *
 * @throws {@link CspRulesError} for a malformed change or one that names nothing
 *
 * @example
 * ```ts
 * onScheduleChange(ctx, { quantity: 8 }); // effects: [{ type: 'SCHEDULED_CHANGE_SAVED', … }]
 * ```
 */
export function onScheduleChange(ctx: Ctx, changeInput: ScheduledChangeInput): TransitionResult {
  const over = termOver(ctx);
  if (over !== null) return over;
  const d = canScheduleChange(ctx.sub, ctx.phase === 'renewing');
  if (!d.allowed) return no(d.rule, d.reason, d.reason === 'RENEWAL_READ_ONLY' ? renewalEnd(ctx) : null);
  const next = change(ctx, { scheduledChange: changeInput });
  const saved = next.scheduledChange;
  if (saved === null || isEmptyChange(saved)) throw new CspRulesError('INCONSISTENT', 'event.change', 'names no change (S1)', changeInput);
  if (saved.customTermEndDay !== null) {
    const end = customEndDateDecision(next, saved.customTermEndDay, ctx.policy);
    if (!end.allowed) return reject(end);
  }
  return accept(ctx, {
    next,
    effects: [{ type: 'SCHEDULED_CHANGE_SAVED', rule: 'S1', change: saved, replaced: ctx.sub.scheduledChange !== null }],
  });
}

/**
 * S1, R4: remove the saved change (not while a renewal runs).
 *
 * @example
 * ```ts
 * onClearScheduledChanges(ctx).effects; // [{ type: 'SCHEDULED_CHANGES_DELETED', rule: 'S1', … }]
 * ```
 */
export function onClearScheduledChanges(ctx: Ctx): TransitionResult {
  const over = termOver(ctx);
  if (over !== null) return over;
  if (ctx.phase === 'renewing') return no('R4', 'RENEWAL_READ_ONLY', renewalEnd(ctx));
  const saved = ctx.sub.scheduledChange;
  if (saved === null) return accept(ctx, { next: ctx.sub, effects: [] });
  return accept(ctx, {
    next: change(ctx, { scheduledChange: null }),
    effects: [{ type: 'SCHEDULED_CHANGES_DELETED', rule: 'S1', change: saved }],
  });
}

/** The upfront billing of each term (B1: billing equals the term). */
const UPFRONT: Readonly<Record<Term, BillingFrequency>> = { P1M: 'monthly', P1Y: 'annual', P3Y: 'triennial' };

/**
 * B2, B3, B4 — the lifecycle side. A different term is an immediate change to a longer term
 * (B3): a new term starts today, ends by T6, and deletes scheduled changes (S3, API docs);
 * the current cancellation window is kept (sources silent; no new 7-day window is opened).
 * The same term with another billing is a change for the next billing cycle (B2: pending,
 * term not reset; never to an upfront plan). Which plans the catalog accepts is
 * `eligibility`'s job (the B2/B3 tables).
 *
 * @example
 * ```ts
 * onChangeTermOrBilling(ctx, { type: 'changeTermOrBilling', term: 'P3Y', billing: 'monthly' });
 * ```
 */
export function onChangeTermOrBilling(ctx: Ctx, event: { readonly term: unknown; readonly billing: unknown } & WithEligibility): TransitionResult {
  const { sub, now } = ctx;
  const term = toEnum(event.term, TERMS, 'event.term');
  const billing = toEnum(event.billing, BILLING_FREQUENCIES, 'event.billing');
  const over = termOver(ctx);
  if (over !== null) return over;
  const termChange = term !== sub.term;
  const rule = termChange ? 'B3' : 'B2';
  if (sub.trial) return no('TR3', 'USE_CONVERT_TRIAL', null);
  if (sub.status !== 'active') return no(rule, 'NOT_ACTIVE', null);
  if (event.eligibility !== undefined && !event.eligibility.allowed) return reject(event.eligibility);
  const warnings: Warning[] = ctx.phase === 'renewing' ? ['RENEWAL_IN_PROGRESS'] : [];
  if (!termChange) {
    if (billing === sub.billing) return no('B2', 'NO_CHANGE', null);
    if (billing === UPFRONT[term]) return no('B2', 'UPFRONT_MIDTERM', null);
    return accept(ctx, {
      next: change(ctx, { nextChargeBilling: billing }),
      effects: [{ type: 'BILLING_CHANGE_PENDING', rule: 'B2', billing }],
      warnings,
    });
  }
  if (TERM_MONTHS[term] < TERM_MONTHS[sub.term]) return no('B3', 'NOT_LONGER_TERM', null);
  if (sub.promotionId !== null) warnings.push('PROMOTION_MAY_BE_LOST'); // B4
  const deletion = scheduledDeletion(ctx, 'termChange');
  const today = dayOf(now);
  return accept(ctx, {
    next: change(ctx, {
      term,
      billing,
      termStartedAt: now,
      termEndDate: formatDay(termEndDay(today, term)),
      cancellationWindowFrom: termWindowStart(sub, ctx.policy).start,
      nextChargeBilling: null,
      ...deletion.changes,
    }),
    effects: [{ type: 'TERM_CHANGED', rule: 'B3', term, billing }, ...deletion.effects],
    warnings,
  });
}
