/**
 * Time events: the renewal (R2–R5, S1, TR2) and the stages after a term that did not renew
 * (R5, P4, P7).
 */
import type { Warning } from '../../core/decision.js';
import { CspRulesError } from '../../core/errors.js';
import { nextTermAt, renewalSchedule } from '../renewal.js';
import { toInput } from '../../snapshot/changes.js';
import { toSubscription, type Status, type SubscriptionInput } from '../../snapshot/subscription.js';
import { DAY_MS, endOfDay, formatDay } from '../../time/day.js';
import { toInstant, type Instant, type InstantInput } from '../../time/instant.js';
import { stageAt, stagesOf, STATUS_FACTS, type AfterTermStage } from '../afterTerm.js';
import { accept, no, type Ctx } from './context.js';
import type { Effect, TransitionResult } from './events.js';

/**
 * R2: the renewal is queued at 00:00 UTC of the day after the term end date; from then until
 * completion the machine is `renewing` (R4 read-only). Only active subscriptions with
 * auto-renew on renew (R5).
 */
export function onRenewalStarted(ctx: Ctx): TransitionResult {
  const refused = renewalRefused(ctx);
  if (refused !== null) return refused;
  if (ctx.declaredRenewing) return no('R2', 'ALREADY_RENEWING', null);
  const completesBy = endOfDay(ctx.sub.termEndDay) + DAY_MS;
  return accept(ctx, {
    next: ctx.sub,
    phase: 'renewing',
    effects: [{ type: 'RENEWAL_STARTED', rule: 'R2', completesBy }],
  });
}

/**
 * R2, R3, S1, TR2: the renewal completed at `completedAt` (default `now`; when `now` is past
 * the 24 h bound and no instant is given, the completion is unknown and R3's bound applies).
 * The next term starts with the scheduled changes applied and cleared, a seat batch of the
 * renewed quantity dated at the completion (Q2), and a fresh cancellation window (C1, R3). A
 * trial converts (TR2).
 *
 * @throws {@link CspRulesError} `INCONSISTENT` for a `completedAt` off the renewal day or after `now`
 */
export function onRenewalCompleted(ctx: Ctx, completedAtInput: InstantInput | undefined): TransitionResult {
  const refused = renewalRefused(ctx);
  if (refused !== null) return refused;
  const { sub, now, policy } = ctx;
  const start = endOfDay(sub.termEndDay);
  let completedAt: Instant | null;
  if (completedAtInput === undefined) {
    completedAt = now < start + DAY_MS ? now : null; // R3: unknown, not guessed
  } else {
    completedAt = toInstant(completedAtInput, 'event.completedAt');
    if (completedAt < start || completedAt >= start + DAY_MS || completedAt > now) {
      throw new CspRulesError(
        'INCONSISTENT',
        'event.completedAt',
        'must lie on the renewal day (R2) and not after now',
        completedAtInput,
      );
    }
  }
  // Stryker disable next-line ConditionalExpression: only nextTerm is read, and it does not depend on completedAt
  const schedule = renewalSchedule(sub, { policy, ...(completedAt === null ? {} : { completedAt }) });
  // Stryker disable next-line LogicalOperator: renewalRefused ensures an active, auto-renewing subscription, for which renewalSchedule's nextTerm is nextTermAt(sub, policy.renewalAnchor), never null
  const next = schedule.nextTerm ?? nextTermAt(sub, policy.renewalAnchor);
  const input: Record<string, unknown> = {
    ...toInput(sub),
    trial: false,
    term: next.term,
    billing: next.billing,
    quantity: next.quantity,
    offerName: next.offerName,
    termStartedAt: completedAt,
    termStartDate: formatDay(next.startDay),
    termEndDate: formatDay(next.endDay),
    scheduledChange: null,
    nextChargeBilling: null,
    cancellationWindowFrom: null,
    ...(sub.trial ? { promotionId: null } : {}),
  };
  // Q2: the renewal is a new batch; with an unknown completion the batch is assumed (R3).
  if (completedAt === null) delete input['seatBatches'];
  else input['seatBatches'] = [{ quantity: next.quantity, addedAt: completedAt }];
  const renewed = toSubscription(input as unknown as SubscriptionInput);
  const effects: Effect[] = [
    { type: 'RENEWED', rule: 'R2', startDay: next.startDay, endDay: next.endDay, completedAt },
  ];
  if (sub.scheduledChange !== null)
    effects.push({ type: 'SCHEDULED_CHANGES_APPLIED', rule: 'S1', change: sub.scheduledChange });
  if (sub.trial)
    effects.push({
      type: 'TRIAL_CONVERTED',
      rule: 'TR2',
      term: next.term,
      billing: next.billing,
      quantity: next.quantity,
    });
  if (next.quantity !== sub.quantity)
    effects.push({ type: 'QUANTITY_CHANGED', rule: 'S1', from: sub.quantity, to: next.quantity, refund: 'none' });
  const warnings: readonly Warning[] = completedAt === null ? ['RENEWAL_COMPLETION_UNKNOWN'] : [];
  return accept(ctx, { next: renewed, phase: 'in-term', effects, warnings });
}

/**
 * R5, P4, P7: the term ended without renewal. Active with auto-renew off → expired (30 d);
 * suspended → disabled (30 d, then 90 d), or deleted with `suspendedAtTermEnd: 'deleted'`
 * (002 P4). When `now` is already past a stage, the later stages follow at once.
 */
export function onTermEnded(ctx: Ctx): TransitionResult {
  const { sub, now } = ctx;
  const end = endOfDay(sub.termEndDay);
  if (sub.status !== 'active' && sub.status !== 'suspended') return no('P7', 'NOT_ACTIVE', null);
  if (now < end) return no('P7', 'TERM_NOT_ENDED', end);
  if (sub.status === 'active' && sub.autoRenew) return no('R5', 'RENEWS', null);
  const stage = stageAt(stagesOf(sub, ctx.suspendedAtTermEnd), now) as AfterTermStage;
  return accept(ctx, {
    next: toSubscription({ ...toInput(sub), status: stage.status }),
    effects: stageEffects(sub.status, stage),
  });
}

/**
 * P7: the current after-term stage has run its length: expired → disabled (admins only) →
 * deleted (data deleted). Refused with `opensAt` = the next stage's start before then.
 */
export function onStageElapsed(ctx: Ctx): TransitionResult {
  const { sub, now } = ctx;
  if (sub.status !== 'expired' && sub.status !== 'disabled') return no('P7', 'NOT_ACTIVE', null);
  const stages = stagesOf(sub, ctx.suspendedAtTermEnd);
  const stage = stageAt(stages, now);
  if (stage === null || stage.status === sub.status) {
    // Stryker disable next-line ConditionalExpression,EqualityOperator: here now is before the next stage of another status (else it would have been entered), so its start is > now anyway
    const upcoming = stages.find((s) => s.status !== sub.status && s.start > now);
    // Stryker disable next-line OptionalChaining: expired and disabled timelines always have a later stage of another status, so upcoming is always found
    return no('P7', 'STAGE_NOT_ELAPSED', upcoming?.start ?? null);
  }
  return accept(ctx, {
    next: toSubscription({ ...toInput(sub), status: stage.status }),
    effects: stageEffects(sub.status, stage),
  });
}

/** P7: the effects of entering `stage` from `from`. */
function stageEffects(from: Status, stage: AfterTermStage): Effect[] {
  const to = stage.status;
  const rule = from === 'suspended' ? 'P4' : 'P7';
  const effects: Effect[] = [{ type: 'STATUS_CHANGED', rule, from, to }];
  if (STATUS_FACTS[from].billed && !STATUS_FACTS[to].billed) effects.push({ type: 'BILLING_STOPPED', rule: 'P7' });
  if (STATUS_FACTS[to].access !== STATUS_FACTS[from].access)
    effects.push({ type: 'ACCESS_BLOCKED', rule, access: STATUS_FACTS[to].access });
  if (to === 'deleted') effects.push({ type: 'DATA_DELETED', rule, at: stage.start });
  return effects;
}

/** R2, R5: the renewal events need an active, auto-renewing subscription past its term end. */
function renewalRefused(ctx: Ctx): TransitionResult | null {
  const { sub, now } = ctx;
  if (sub.status !== 'active') return no('R5', 'NOT_ACTIVE', null);
  if (!sub.autoRenew) return no('R5', 'AUTO_RENEW_OFF', null);
  const start = endOfDay(sub.termEndDay);
  if (now < start) return no('R2', 'TERM_NOT_ENDED', start);
  return null;
}
