/**
 * Time events: the renewal (R2–R5, S1, TR2) and the stages after a term that did not renew
 * (R5, P4, P7).
 */
import type { Warning } from '../../core/decision.js';
import { CspRulesError } from '../../core/errors.js';
import { nextTermAt, renewalAnchorDay, renewalSchedule } from '../renewal.js';
import { endOfTermOf } from '../../decisions/endOfTerm.js';
import type { RuleId } from '../../core/rules.js';
import { toInput } from '../../snapshot/changes.js';
import { toSubscription, type Status, type Subscription, type SubscriptionInput } from '../../snapshot/subscription.js';
import { renewedTermOf } from '../../time/term.js';
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
    // R6: the choice was for this term's end; from an Extended Service Term back to a standard term.
    endOfTermAction: null,
    extendedServiceTerm: false,
    ...(sub.trial ? { promotionId: null } : {}),
  };
  // Q2: the renewal is a new batch; with an unknown completion the batch is assumed (R3).
  if (completedAt === null) delete input['seatBatches'];
  else input['seatBatches'] = [{ quantity: next.quantity, addedAt: completedAt }];
  const renewed = toSubscription(input as unknown as SubscriptionInput);
  const effects: Effect[] = [
    // R2; R6 when it renews out of an Extended Service Term.
    {
      type: 'RENEWED',
      rule: schedule.rule === 'R6' ? 'R6' : 'R2',
      startDay: next.startDay,
      endDay: next.endDay,
      completedAt,
    },
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
 * R5, R7, P4, P7, P8: the term ended without renewal. Into an Extended Service Term where the
 * rules in force at the term end say so (R6, R7); set to cancel at the term end → disabled 90 d
 * (P8); else active with auto-renew off → expired (30 d);
 * suspended → disabled (30 d, then 90 d), or deleted with `suspendedAtTermEnd: 'deleted'`
 * (002 P4). When `now` is already past a stage, the later stages follow at once.
 */
export function onTermEnded(ctx: Ctx): TransitionResult {
  const { sub, now, policy } = ctx;
  const end = endOfDay(sub.termEndDay);
  if (sub.status !== 'active' && sub.status !== 'suspended') return no('P7', 'NOT_ACTIVE', null);
  if (now < end) return no('P7', 'TERM_NOT_ENDED', end);
  if (sub.status === 'active') {
    const outcome = endOfTermOf(sub, policy);
    // R5 (R6 from an Extended Service Term): it renews; the renewal events record it.
    if (outcome.outcome === 'renew' || outcome.outcome === 'convert')
      return no(outcome.rule === 'R6' ? 'R6' : 'R5', 'RENEWS', null);
    if (outcome.outcome === 'extended-service-term') return intoExtendedServiceTerm(ctx, outcome.rule);
  }
  const stage = stageAt(stagesOf(sub, policy), now);
  // Stryker disable next-line ConditionalExpression: defensive — active and suspended subscriptions past their term end always have a stage
  if (stage === null) return no('P7', 'NOT_ACTIVE', null);
  return accept(ctx, {
    next: toSubscription({ ...toInput(sub), status: stage.status }),
    effects: stageEffects(sub, stage),
  });
}

/**
 * R6, R7: the term ended into an Extended Service Term: the subscription stays active, month to
 * month (billed monthly at the monthly price + 3 %, + 23 % without a monthly plan), from 00:00Z
 * after the term end date, its months anchored as renewed terms are (T6). Seats and plan are
 * fixed (R7); scheduled changes don't apply and are deleted. Another month follows unless the
 * partner sets it to cancel, or turns auto-renew on to renew into a standard term (R6).
 */
function intoExtendedServiceTerm(ctx: Ctx, rule: RuleId): TransitionResult {
  const { sub, policy } = ctx;
  const start = endOfDay(sub.termEndDay);
  const month = renewedTermOf(sub.termEndDay, 'P1M', renewalAnchorDay(sub), policy.renewalAnchor);
  const next = toSubscription({
    ...toInput(sub),
    term: 'P1M',
    billing: 'monthly',
    termStartedAt: start,
    termStartDate: formatDay(month.startDay),
    termEndDate: formatDay(month.endDay),
    seatBatches: [{ quantity: sub.quantity, addedAt: start }],
    scheduledChange: null,
    nextChargeBilling: null,
    cancellationWindowFrom: null,
    autoRenew: false,
    endOfTermAction: null,
    extendedServiceTerm: true,
  });
  const effects: Effect[] = [
    { type: 'EXTENDED_SERVICE_TERM_STARTED', rule, startDay: month.startDay, endDay: month.endDay },
  ];
  if (sub.scheduledChange !== null)
    effects.push({ type: 'SCHEDULED_CHANGES_DELETED', rule: 'R7', change: sub.scheduledChange });
  return accept(ctx, { next, effects, warnings: EST_PRICE });
}

const EST_PRICE: readonly Warning[] = Object.freeze(['EST_PRICE_UPLIFT']);

/**
 * P7: the current after-term stage has run its length: expired → disabled (admins only) →
 * deleted (data deleted). Refused with `opensAt` = the next stage's start before then.
 */
export function onStageElapsed(ctx: Ctx): TransitionResult {
  const { sub, now } = ctx;
  if (sub.status !== 'expired' && sub.status !== 'disabled') return no('P7', 'NOT_ACTIVE', null);
  const stages = stagesOf(sub, ctx.policy);
  const stage = stageAt(stages, now);
  if (stage === null || stage.status === sub.status) {
    // Stryker disable next-line ConditionalExpression,EqualityOperator: here now is before the next stage of another status (else it would have been entered), so its start is > now anyway
    const upcoming = stages.find((s) => s.status !== sub.status && s.start > now);
    // Stryker disable next-line OptionalChaining: expired and disabled timelines always have a later stage of another status, so upcoming is always found
    return no(upcoming?.rule ?? 'P7', 'STAGE_NOT_ELAPSED', upcoming?.start ?? null);
  }
  return accept(ctx, {
    next: toSubscription({ ...toInput(sub), status: stage.status }),
    effects: stageEffects(sub, stage),
  });
}

/** P4, P7, P8: the effects of entering `stage` from the snapshot's status. */
function stageEffects(sub: Subscription, stage: AfterTermStage): Effect[] {
  const from: Status = sub.status;
  const to = stage.status;
  const rule: RuleId = from === 'suspended' ? 'P4' : stage.rule;
  const effects: Effect[] = [{ type: 'STATUS_CHANGED', rule, from, to }];
  if (STATUS_FACTS[from].billed && !STATUS_FACTS[to].billed)
    effects.push({ type: 'BILLING_STOPPED', rule: stage.rule });
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
  // R6, R7: an Extended Service Term continues month to month unless set to renew.
  const outcome = endOfTermOf(sub, ctx.policy);
  if (outcome.outcome !== 'renew' && outcome.outcome !== 'convert') return no(outcome.rule, 'DOES_NOT_RENEW', null);
  const start = endOfDay(sub.termEndDay);
  if (now < start) return no('R2', 'TERM_NOT_ENDED', start);
  return null;
}
