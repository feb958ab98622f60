/**
 * SKU and trial events, the lifecycle side: immediate upgrade (U1, U3, U4, U9, S3, S5, C10)
 * and midterm trial conversion (TR2–TR4, TR6, S3). Path and catalog eligibility come from the
 * optional `eligibility` decision.
 */
import { type Warning } from '../decision.js';
import { toSubscription, type Subscription } from '../subscription.js';
import { termWindowStart } from '../termWindow.js';
import { dayOf, formatDay } from '../time/day.js';
import { BILLING_FREQUENCIES, TERMS, termEndDay } from '../time/term.js';
import { toCount, toEnum, toOptionalString } from '../validate.js';
import { currentBatches, takeNewest } from './batches.js';
import { accept, change, no, reject, scheduledDeletion, termOver, type Ctx } from './context.js';
import type { LifecycleEvent, TransitionResult } from './events.js';
import { renewalEnd } from './status.js';

/** TR1/TR4: a trial's seats, the floor of a midterm conversion. */
const TRIAL_SEATS = 25; // same as src/trial.ts TRIAL_SEATS; import it when wiring

type UpgradeEvent = Extract<LifecycleEvent, { readonly type: 'upgrade' }>;
type ConvertEvent = Extract<LifecycleEvent, { readonly type: 'convertTrial' }>;

/**
 * U1, U3, U4, U9, S3, S5: upgrade `quantity` seats now. Only active, paid subscriptions (U1).
 * All seats: in place, same id (U3). Fewer: the source keeps the rest and a new subscription
 * is created, coterminous with it (U4), inheriting its cancellation window (U9). Scheduled
 * changes are deleted (S3; a scheduled upgrade by S5). Upgrades can't be undone (C10). While a
 * renewal runs the old term has ended: refused until it completes (R4).
 *
 * @example
 * ```ts
 * onUpgrade(ctx, { type: 'upgrade', quantity: 4, offerName: 'Microsoft 365 E5' }).created; // [new subscription]
 * ```
 */
export function onUpgrade(ctx: Ctx, event: UpgradeEvent): TransitionResult {
  const { sub, now, policy } = ctx;
  const quantity = toCount(event.quantity, 'event.quantity', 1);
  const offerName = toOptionalString(event.offerName, 'event.offerName') ?? sub.offerName;
  const over = termOver(ctx);
  if (over !== null) return over;
  if (sub.trial) return no('U1', 'USE_CONVERT_TRIAL', null);
  if (sub.status !== 'active') return no('U1', 'NOT_ACTIVE', null);
  if (event.eligibility !== undefined && !event.eligibility.allowed) return reject(event.eligibility);
  if (quantity > sub.quantity) return no('U4', 'QUANTITY_ABOVE_CURRENT', null);
  // R4: the term being renewed has ended; an upgrade (coterminous with it, U4) waits for the new term.
  if (ctx.phase === 'renewing') return no('R4', 'RENEWAL_READ_ONLY', renewalEnd(ctx));
  // S5: a midterm upgrade removes a scheduled upgrade; S3: any scheduled change goes.
  const deletion = scheduledDeletion(ctx, 'upgrade', sub.scheduledChange?.offerName != null ? 'S5' : 'S3');
  const warnings: readonly Warning[] = [];
  if (quantity === sub.quantity) {
    return accept(ctx, {
      next: change(ctx, { offerName, ...deletion.changes }),
      effects: [{ type: 'UPGRADED', rule: 'U3', mode: 'full', quantity, offerName }, ...deletion.effects],
      warnings,
    });
  }
  const created: Subscription = toSubscription({
    ...(event.newSubscriptionId === undefined ? {} : { id: event.newSubscriptionId }),
    offerName,
    program: sub.program,
    term: event.term === undefined ? sub.term : toEnum(event.term, TERMS, 'event.term'),
    billing: event.billing === undefined ? sub.billing : toEnum(event.billing, BILLING_FREQUENCIES, 'event.billing'),
    quantity,
    purchasedAt: now,
    termEndDate: formatDay(sub.termEndDay), // U4: coterminous with the source
    autoRenew: sub.autoRenew,
    isReturnable: sub.isReturnable,
    cancellationWindowFrom: termWindowStart(sub, policy).start, // U9: the parent's window, not a new one
  });
  const remaining = sub.quantity - quantity;
  const batches = sub.seatBatchesKnown ? { seatBatches: takeNewest(currentBatches(sub, policy), quantity) } : {};
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

/**
 * TR2–TR4, TR6, S3: convert a trial to paid now — term Annual and billing Monthly unless
 * chosen (TR2), at least 25 seats (TR4). The paid term starts now (a new term: C1's window
 * runs from it); the trial ends; promotions don't apply (TR6); scheduled changes (the
 * scheduled conversion) are deleted (S3). On the renewal day the conversion is the renewal (TR2): refused (R4).
 *
 * @example
 * ```ts
 * onConvertTrial(ctx, { type: 'convertTrial' }).next; // { trial: false, term: 'P1Y', billing: 'monthly', quantity: 25, … }
 * ```
 */
export function onConvertTrial(ctx: Ctx, event: ConvertEvent): TransitionResult {
  const { sub, now } = ctx;
  const term = event.term === undefined ? 'P1Y' : toEnum(event.term, TERMS, 'event.term');
  const billing = event.billing === undefined ? 'monthly' : toEnum(event.billing, BILLING_FREQUENCIES, 'event.billing');
  const quantity = event.quantity === undefined ? Math.max(sub.quantity, TRIAL_SEATS) : toCount(event.quantity, 'event.quantity', 1);
  const over = termOver(ctx);
  if (over !== null) return over;
  if (!sub.trial) return no('TR3', 'NOT_A_TRIAL', null);
  if (sub.status !== 'active') return no('TR3', 'NOT_ACTIVE', null);
  if (event.eligibility !== undefined && !event.eligibility.allowed) return reject(event.eligibility);
  if (quantity < TRIAL_SEATS) return no('TR4', 'BELOW_TRIAL_SEATS', null);
  // TR2/R4: once the trial's term has ended its conversion is the renewal itself.
  if (ctx.phase === 'renewing') return no('R4', 'RENEWAL_READ_ONLY', renewalEnd(ctx));
  const deletion = scheduledDeletion(ctx, 'convertTrial');
  const warnings: Warning[] = sub.promotionId === null ? [] : ['PROMOTION_NOT_APPLIED']; // TR6
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
    warnings,
  });
}
