/**
 * SKU and trial events: immediate upgrade (U1–U4, U9, S3, S5, C10; decided by `canUpgrade`)
 * and midterm trial conversion (TR2–TR4, TR6, TR9, S3; decided by `canConvertTrial`). A
 * caller's own `eligibility` decision replaces those calls.
 */
import { isPlan } from '../../snapshot/plan.js';
import type { Decision, Warning } from '../../core/decision.js';
import { CspRulesError } from '../../core/errors.js';
import { toSubscription, type Subscription, type SubscriptionInput } from '../../snapshot/subscription.js';
import { termWindowStart } from '../../snapshot/termWindow.js';
import { dayOf, formatDay } from '../../time/day.js';
import { BILLING_FREQUENCIES, TERMS, termEndDay } from '../../time/term.js';
import { TRIAL_DEFAULT_BILLING, TRIAL_DEFAULT_TERM, TRIAL_SEATS } from '../../policy/trials.js';
import { canConvertTrial } from '../../decisions/trial.js';
import { canUpgrade, type UpgradeDecision } from '../../decisions/upgrade.js';
import { toCount, toEnum, toOptionalString } from '../../core/validate.js';
import { currentBatches, takeNewest } from './batches.js';
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
  type Ctx,
} from './context.js';
import type { LifecycleEvent, TransitionResult } from './events.js';

type UpgradeEvent = Extract<LifecycleEvent, { readonly type: 'upgrade' }>;
type ConvertEvent = Extract<LifecycleEvent, { readonly type: 'convertTrial' }>;

/**
 * U1–U4, U9, S3, S5, C10: upgrade `quantity` seats to `offerName` now. The machine checks the
 * lifecycle side first — term not over, a paid (U1) active subscription, at most its seats
 * (U4), no renewal running (R4: the term it would be coterminous with has ended) — then
 * `canUpgrade` decides (U2 path and catalog, U1 same product …), unless `eligibility` is
 * given; a refusal passes through unchanged, as do an allowance's warnings
 * (`UPGRADE_NOT_CANCELLABLE`, C10; `CATALOG_NOT_GIVEN`, U2 …).
 * All seats: in place, same id (U3). Fewer: the source keeps the rest and the subscription
 * `canUpgrade` describes is created — coterminous (U4), inheriting the source's cancellation
 * window (U9); `term` / `billing` / `newSubscriptionId` of the event apply to it. Scheduled
 * changes are deleted (S5 for a scheduled upgrade, else S3).
 *
 * @throws {@link CspRulesError} `MISSING_FIELD` `event.offerName` when neither it nor
 *   `eligibility` is given; `canUpgrade`'s errors, with event field names (`event.catalog[0].to`)
 */
export function onUpgrade(ctx: Ctx, event: UpgradeEvent): TransitionResult {
  const { sub } = ctx;
  const quantity = toCount(event.quantity, 'event.quantity', 1);
  const to = toOptionalString(event.offerName, 'event.offerName');
  // The state gates (U1: active, not a trial; R4: the term being renewed has ended, so an upgrade,
  // coterminous with it (U4), waits for the new term).
  const gate = gated(ctx, 'upgrade');
  if (gate !== null) return gate;
  if (quantity > sub.quantity) return no('U4', 'QUANTITY_ABOVE_CURRENT', null);
  // B1: the subscription a partial upgrade creates has a plan, whatever the eligibility says.
  if (quantity < sub.quantity && (event.term !== undefined || event.billing !== undefined)) {
    const term = event.term === undefined ? sub.term : toEnum(event.term, TERMS, 'event.term');
    const billing =
      event.billing === undefined ? sub.billing : toEnum(event.billing, BILLING_FREQUENCIES, 'event.billing');
    if (!isPlan(term, billing)) return no('B1', 'NOT_A_PLAN', null);
  }
  const upgrade = event.eligibility === undefined ? decideUpgrade(ctx, event, to, quantity) : null;
  const decision: Decision<string> = upgrade ?? (event.eligibility as Decision<string>);
  if (!decision.allowed) return reject(decision);
  const offerName = to ?? sub.offerName;
  // S5: a midterm upgrade removes a scheduled upgrade; S3: any scheduled change goes.
  const deletion = scheduledDeletion(ctx, 'upgrade', sub.scheduledChange?.offerName != null ? 'S5' : 'S3');
  const warnings = mergeWarnings(decision.warnings);
  if (quantity === sub.quantity) {
    return accept(ctx, {
      next: change(ctx, { offerName, ...deletion.changes }),
      effects: [{ type: 'UPGRADED', rule: 'U3', mode: 'full', quantity, offerName }, ...deletion.effects],
      warnings,
    });
  }
  // U4, U9: canUpgrade's new subscription (coterminous, the parent's window) when it decided.
  const created: Subscription = toSubscription({
    ...(upgrade?.newSubscription ?? coterminousInput(ctx, offerName, quantity)),
    // Stryker disable next-line ConditionalExpression: canUpgrade's newSubscription has no id, and toSubscription reads id: undefined as absent (null)
    ...(event.newSubscriptionId === undefined ? {} : { id: event.newSubscriptionId }),
    ...(event.term === undefined ? {} : { term: toEnum(event.term, TERMS, 'event.term') }),
    ...(event.billing === undefined ? {} : { billing: toEnum(event.billing, BILLING_FREQUENCIES, 'event.billing') }),
    isReturnable: sub.isReturnable,
  });
  const remaining = sub.quantity - quantity;
  const batches = sub.seatBatchesKnown ? { seatBatches: takeNewest(currentBatches(sub, ctx.policy), quantity) } : {};
  return accept(ctx, {
    next: change(ctx, { quantity: remaining, ...batches, ...deletion.changes }),
    effects: [
      { type: 'UPGRADED', rule: 'U4', mode: 'partial', quantity, offerName },
      { type: 'QUANTITY_CHANGED', rule: 'U4', from: sub.quantity, to: remaining, refund: 'none' },
      { type: 'SUBSCRIPTION_CREATED', rule: 'U4', subscription: created },
      ...deletion.effects,
    ],
    warnings,
    created: [created],
  });
}

/** U1–U4, U9, C10, S5: `canUpgrade` for the event (midterm; a scheduled upgrade is `scheduleChange`, S1). */
function decideUpgrade(ctx: Ctx, event: UpgradeEvent, to: string | null, quantity: number): UpgradeDecision {
  if (to === null)
    throw new CspRulesError(
      'MISSING_FIELD',
      'event.offerName',
      'is required (the SKU to upgrade to, U2) unless eligibility is given',
    );
  const fields = { to: 'event.offerName', quantity: 'event.quantity', catalog: 'event.catalog' };
  return inEventTerms(fields, () =>
    canUpgrade(ctx.sub, {
      to,
      quantity,
      when: 'midterm',
      now: ctx.now,
      policy: ctx.policy,
      // Stryker disable next-line ConditionalExpression: canUpgrade reads own(options, 'catalog'), so an undefined value and an absent key are the same
      ...(event.catalog === undefined ? {} : { catalog: event.catalog }),
    }),
  );
}

/** U4, U9: the subscription a partial upgrade creates when `eligibility` came from the caller (as `canUpgrade` builds it). */
function coterminousInput(ctx: Ctx, offerName: string | null, quantity: number): SubscriptionInput {
  const { sub } = ctx;
  return {
    offerName,
    program: sub.program,
    term: sub.term,
    billing: sub.billing,
    quantity,
    purchasedAt: ctx.now,
    termEndDate: formatDay(sub.termEndDay), // U4: coterminous with the source
    autoRenew: sub.autoRenew,
    cancellationWindowFrom: termWindowStart(sub, ctx.policy).start, // U9: the parent's window, not a new one
  };
}

/**
 * TR2–TR4, TR6, TR9, S3: convert a trial to paid now — term Annual and billing Monthly unless
 * chosen (TR2), 25 seats unless chosen. The machine checks the lifecycle side first (term not
 * over, an active trial, no renewal running: on the renewal day the conversion is the renewal,
 * TR2/R4), then `canConvertTrial` decides (target `equivalent`, mode `midterm`: at least 25
 * seats, TR4; no marketplace SaaS free-trial waiver, TR9), unless `eligibility` is given; a
 * refusal passes through unchanged. The paid term starts now (a new term: C1's window runs
 * from it); the trial ends; promotions don't apply (TR6, warning `PROMOTION_NOT_APPLIED`);
 * scheduled changes (the scheduled conversion) are deleted (S3).
 *
 * @throws {@link CspRulesError} for a bad `term`, `billing` or `quantity`, or a billing longer
 *   than the term (B1, `event.billing`)
 */
export function onConvertTrial(ctx: Ctx, event: ConvertEvent): TransitionResult {
  const { sub, now } = ctx;
  const term = event.term === undefined ? TRIAL_DEFAULT_TERM : toEnum(event.term, TERMS, 'event.term');
  const billing =
    event.billing === undefined ? TRIAL_DEFAULT_BILLING : toEnum(event.billing, BILLING_FREQUENCIES, 'event.billing');
  const quantity =
    event.quantity === undefined ? Math.max(sub.quantity, TRIAL_SEATS) : toCount(event.quantity, 'event.quantity', 1);
  // The state gates (TR3: an active trial; TR2/R4: once the trial's term has ended its conversion
  // is the renewal itself).
  const gate = gated(ctx, 'convertTrial');
  if (gate !== null) return gate;
  // B1: the paid plan must be a plan, whatever the eligibility says (bad input, as canConvertTrial reads it).
  if (!isPlan(term, billing))
    throw new CspRulesError(
      'INCONSISTENT',
      'event.billing',
      `billing ${billing} is longer than the term ${term} (B1)`,
      billing,
    );
  const fields = { seats: 'event.quantity', term: 'event.term', billing: 'event.billing' };
  const decision: Decision<string> =
    event.eligibility ??
    inEventTerms(fields, () =>
      canConvertTrial(sub, { target: 'equivalent', mode: 'midterm', seats: quantity, term, billing, now }),
    );
  if (!decision.allowed) return reject(decision);
  // T4: the paid term starts now, which can't precede the purchase.
  const early = beforePurchase(ctx);
  if (early !== null) return early;
  const deletion = scheduledDeletion(ctx, 'convertTrial');
  const promotion: readonly Warning[] = sub.promotionId === null ? [] : ['PROMOTION_NOT_APPLIED']; // TR6
  return accept(ctx, {
    next: change(ctx, {
      trial: false,
      term,
      billing,
      quantity,
      termStartedAt: now,
      termEndDate: formatDay(termEndDay(dayOf(now), term)),
      seatBatches: [{ quantity, addedAt: now }],
      promotionId: null,
      cancellationWindowFrom: null,
      nextChargeBilling: null,
      ...deletion.changes,
    }),
    effects: [{ type: 'TRIAL_CONVERTED', rule: 'TR3', term, billing, quantity }, ...deletion.effects],
    warnings: mergeWarnings(promotion, decision.warnings),
  });
}
