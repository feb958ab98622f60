/**
 * Property events: quantity (Q1–Q3, Q7, Q10, C2), scheduled changes (S1–S3, CO2, CO3) and
 * term or billing (B1–B5, via `eligibleTermChanges` / `eligibleBillingFrequencyChanges`).
 */
import { checkCustomEndDate } from '../coterm.js';
import { eligibleBillingFrequencyChanges, type PlanTarget } from '../../decisions/billingChanges.js';
import { NONE, refuse, type Decision } from '../../core/decision.js';
import { CspRulesError } from '../../core/errors.js';
import { increaseDecision } from '../../decisions/seatIncrease.js';
import { ASSUMED_BATCHES, seatReductionPlan } from '../../decisions/seats.js';
import type { ScheduledChangeInput } from '../../snapshot/subscription.js';
import { dayOf, formatDay } from '../../time/day.js';
import { eligibleTermChanges } from '../../decisions/termChanges.js';
import {
  BILLING_FREQUENCIES,
  TERM_MONTHS,
  TERMS,
  termEndDay,
  type BillingFrequency,
  type Term,
} from '../../time/term.js';
import { isPlan, nextPlan } from '../../snapshot/plan.js';
import { RENEWAL_409, termWindowStart } from '../../snapshot/termWindow.js';
import { own, toCount, toEnum } from '../../core/validate.js';
import { currentBatches, releasePlanned, withinQuantity } from './batches.js';
import {
  accept,
  beforePurchase,
  change,
  inEventTerms,
  mergeWarnings,
  no,
  reject,
  scheduledDeletion,
  gated,
  machinePhase,
  type Ctx,
} from './context.js';
import type { TransitionResult, WithEligibility } from './events.js';
import { isEmptyChange, scheduleDecision } from '../scheduledChanges.js';

/**
 * Q1/Q2 via `canIncreaseSeats` / `planSeatReduction`: set the seat count now. An increase is a
 * new batch dated `now` (unknown earlier batches become the assumed one, warning
 * `SEAT_BATCHES_ASSUMED`); a decrease releases seats from open batches. Either deletes scheduled
 * changes (S3). Quantity 0 is a cancellation (C2). During a renewal the call may meet 409 (R4).
 */
export function onChangeQuantity(ctx: Ctx, rawQuantity: unknown): TransitionResult {
  const { sub, now, policy } = ctx;
  const quantity = toCount(rawQuantity, 'event.quantity');
  const phase = machinePhase(ctx);
  const gate = gated(ctx, quantity > sub.quantity ? 'addSeats' : 'reduceSeats');
  if (gate !== null) return gate;
  if (quantity === 0) return no('C2', 'USE_CANCEL', null);
  if (quantity === sub.quantity) return accept(ctx, { next: sub, effects: [] });
  const deletion = scheduledDeletion(ctx, 'quantity');
  const batches = currentBatches(sub, policy);
  // Stryker disable next-line EqualityOperator: quantity === sub.quantity returned above, so > and >= agree
  if (quantity > sub.quantity) {
    // R4 (a renewal running, declared ones past 24 h too) and Q6 come with the decision.
    const d = increaseDecision(sub, now, policy, phase);
    if (!d.allowed) return reject(d);
    // T4: the new batch is dated now, which can't precede the purchase.
    const early = beforePurchase(ctx);
    if (early !== null) return early;
    batches.push({ quantity: quantity - sub.quantity, addedAt: now, until: null });
    return accept(ctx, {
      next: change(ctx, { quantity, seatBatches: batches, ...deletion.changes }),
      effects: [
        { type: 'QUANTITY_CHANGED', rule: 'Q1', from: sub.quantity, to: quantity, refund: 'none' },
        ...deletion.effects,
      ],
      warnings: d.warnings,
      // Q2: the new seats need their own batch; unknown earlier batches become the assumed one.
      assumptions: sub.seatBatchesKnown ? NONE : ASSUMED_BATCHES,
    });
  }
  const plan = seatReductionPlan(sub, quantity, now, policy, phase);
  if (!plan.allowed) return reject(refuse(plan.rule, plan.reason, plan.opensAt, plan.assumptions));
  // Unknown batches stay unknown: the remaining seats are still the assumed batch at the term start.
  // During the renewal the plan releases from the renewal's batch, not yet in the snapshot: the
  // batches kept never hold more seats than remain (the newest give way first).
  const released = sub.seatBatchesKnown
    ? { seatBatches: withinQuantity(releasePlanned(batches, plan.release), quantity) }
    : {};
  return accept(ctx, {
    next: change(ctx, { quantity, ...released, ...deletion.changes }),
    effects: [
      { type: 'QUANTITY_CHANGED', rule: 'Q2', from: sub.quantity, to: quantity, refund: plan.refund },
      ...deletion.effects,
    ],
    warnings: phase === 'renewing' ? RENEWAL_409 : NONE,
    assumptions: plan.assumptions,
  });
}

/**
 * S1, S2, R4, CO2, CO3: save a change for the next term ("Manage renewal"), replacing a saved
 * one. Only while active with auto-renew on and no renewal running. A coterminous end date
 * must be valid for the next term (CO2); it applies from then (CO3). A trial may schedule its
 * conversion with fewer than 25 seats (TR7).
 *
 * @throws {@link CspRulesError} for a malformed change or one that names nothing
 */
export function onScheduleChange(ctx: Ctx, changeInput: ScheduledChangeInput): TransitionResult {
  const d = scheduleDecision(ctx.sub, ctx.now, ctx.policy, machinePhase(ctx));
  if (!d.allowed) return reject(d);
  // B1: the next term the change leaves must be a plan (P1M billed annually is none): refused, with the rule.
  const r = changeInput as unknown as Readonly<Record<string, unknown>>;
  const term = own(r, 'term');
  const billing = own(r, 'billing');
  if (term != null || billing != null) {
    const plan = nextPlan({
      ...ctx.sub,
      scheduledChange: {
        term: term == null ? null : toEnum(term, TERMS, 'event.change.term'),
        billing: billing == null ? null : toEnum(billing, BILLING_FREQUENCIES, 'event.change.billing'),
      },
    });
    if (!isPlan(plan.term, plan.billing)) return no('B1', 'NOT_A_PLAN', null);
  }
  const next = inEventTerms({ scheduledChange: 'event.change' }, () => change(ctx, { scheduledChange: changeInput }));
  const saved = next.scheduledChange;
  // Stryker disable next-line ConditionalExpression: event.change is a record (toRecord), which always parses to a non-null change (an empty one is refused when read, S1); the null test narrows the type
  if (saved === null || isEmptyChange(saved))
    throw new CspRulesError('INCONSISTENT', 'event.change', 'names no change (S1)', changeInput);
  if (saved.customTermEndDay !== null) {
    const end = checkCustomEndDate(next, saved.customTermEndDay, ctx.policy);
    if (!end.allowed) return reject(end);
  }
  return accept(ctx, {
    next,
    effects: [
      { type: 'SCHEDULED_CHANGE_SAVED', rule: 'S1', change: saved, replaced: ctx.sub.scheduledChange !== null },
    ],
  });
}

/**
 * S1, R4: remove the saved change (not while a renewal runs).
 */
export function onClearScheduledChanges(ctx: Ctx): TransitionResult {
  const gate = gated(ctx, 'scheduleChange');
  if (gate !== null) return gate;
  const saved = ctx.sub.scheduledChange;
  if (saved === null) return accept(ctx, { next: ctx.sub, effects: [] });
  return accept(ctx, {
    next: change(ctx, { scheduledChange: null }),
    effects: [{ type: 'SCHEDULED_CHANGES_DELETED', rule: 'S1', change: saved }],
  });
}

/**
 * B1–B5, S3 — a plan change through the machine. The lifecycle side first: term not over, not a
 * trial (its plan is chosen at conversion, TR3), active, a plan that differs. Then, unless
 * `eligibility` is given, the source tables decide — the target must be among the `allowed`
 * options, else the matching `refused` option's decision is the refusal:
 * - a different term: `eligibleTermChanges` (B3: only longer, the cells' billings; B1: a term
 *   the catalog offers — `offeredTerms` of the event, default without Triennial). The change is
 *   immediate: a new term starts today, ends by T6, scheduled changes are deleted (S3, API
 *   docs); the current cancellation window is kept (sources silent; no new 7-day window).
 * - the same term: `eligibleBillingFrequencyChanges` (B2: the table; never to an upfront plan;
 *   B5: not on a cycle-charge day). Pending for the next billing cycle; the term is not reset.
 * A billing longer than the target term is no plan (B1, `NOT_A_PLAN`). Allowed options' warnings
 * pass through (`PROMOTION_MAY_BE_LOST`, B4); during a renewal `RENEWAL_IN_PROGRESS` (R4).
 *
 * @throws {@link CspRulesError} for a bad `term`, `billing` or `offeredTerms` (field `event.…`)
 */
export function onChangeTermOrBilling(
  ctx: Ctx,
  event: { readonly term: unknown; readonly billing: unknown; readonly offeredTerms?: unknown } & WithEligibility,
): TransitionResult {
  const { sub, now } = ctx;
  const term = toEnum(event.term, TERMS, 'event.term');
  const billing = toEnum(event.billing, BILLING_FREQUENCIES, 'event.billing');
  const termChange = term !== sub.term;
  // The state gates (TR8: a trial's plan is chosen at conversion; R4: read-only during a renewal).
  const gate = gated(ctx, termChange ? 'changeTerm' : 'changeBilling');
  if (gate !== null) return gate;
  if (!termChange && billing === sub.billing) return no('B2', 'NO_CHANGE', null);
  // B1, B3: what no decision can allow — a billing longer than the term (no plan), a shorter term
  // now — is refused whatever the caller's eligibility says (the tables refuse them too).
  if (event.eligibility !== undefined) {
    if (!isPlan(term, billing)) return no('B1', 'NOT_A_PLAN', null);
    if (TERM_MONTHS[term] < TERM_MONTHS[sub.term]) return no('B3', 'TERM_NOT_LONGER', null);
  }
  const decision = event.eligibility ?? planDecision(ctx, term, billing, event.offeredTerms);
  if (!decision.allowed) return reject(decision);
  const warnings = mergeWarnings(decision.warnings, ctx.phase === 'renewing' ? RENEWAL_409 : []);
  if (!termChange) {
    // B1: a saved change that names a term without a billing then renews with this billing.
    const plan = nextPlan({ ...sub, nextChargeBilling: billing });
    if (!isPlan(plan.term, plan.billing)) return no('B1', 'NOT_A_PLAN', null);
    return accept(ctx, {
      next: change(ctx, { nextChargeBilling: billing }),
      effects: [{ type: 'BILLING_CHANGE_PENDING', rule: 'B2', billing }],
      warnings,
    });
  }
  // T4: the new term starts now, which can't precede the purchase.
  const early = beforePurchase(ctx);
  if (early !== null) return early;
  const deletion = scheduledDeletion(ctx, 'termChange');
  // B1: a saved change that stays renews from the new plan.
  const kept = deletion.effects.length === 0 ? sub.scheduledChange : null;
  const plan = nextPlan({ ...sub, term, billing, nextChargeBilling: null, scheduledChange: kept });
  if (!isPlan(plan.term, plan.billing)) return no('B1', 'NOT_A_PLAN', null);
  return accept(ctx, {
    next: change(ctx, {
      term,
      billing,
      termStartedAt: now,
      termEndDate: formatDay(termEndDay(dayOf(now), term)),
      cancellationWindowFrom: termWindowStart(sub, ctx.policy).start,
      nextChargeBilling: null,
      ...deletion.changes,
    }),
    effects: [{ type: 'TERM_CHANGED', rule: 'B3', term, billing }, ...deletion.effects],
    // B4: a promotion may be lost (also when the caller brought its own decision).
    warnings: mergeWarnings(warnings, sub.promotionId === null ? [] : ['PROMOTION_MAY_BE_LOST']),
  });
}

/** B1–B3, B5: the table decision for the target plan — its allowed option, or its refused one (with the option's facts). */
function planDecision(ctx: Ctx, term: Term, billing: BillingFrequency, offeredTerms: unknown): Decision<string> {
  const { sub, now } = ctx;
  const options =
    term === sub.term
      ? eligibleBillingFrequencyChanges(sub, { now, policy: ctx.policy })
      : inEventTerms({ offeredTerms: 'event.offeredTerms' }, () =>
          // Stryker disable next-line ConditionalExpression: eligibleTermChanges reads own(options, 'offeredTerms'), so an undefined value and an absent key are the same
          eligibleTermChanges(sub, {
            now,
            policy: ctx.policy,
            ...(offeredTerms === undefined ? {} : { offeredTerms: offeredTerms as readonly Term[] }),
          }),
        );
  // The target must be among the allowed options; else its refused option (the decision, as is) says why.
  const match = [...options.allowed, ...options.refused].find(
    (o: PlanTarget) => o.term === term && o.billing === billing,
  );
  if (match !== undefined) return match;
  // B1: the term tables list only plans; a billing longer than the term is none.
  return refuse('B1', 'NOT_A_PLAN', null);
}
