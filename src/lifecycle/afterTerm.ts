/**
 * P7: what happens after a term ends without renewal — expired → disabled → deleted, each
 * with its length and who can still do what (Partner Center "Subscription lifecycle states").
 */
import { toSubscription, type Status, type Subscription, type SubscriptionInput } from '../snapshot/subscription.js';
import { DAY_MS, endOfDay } from '../time/day.js';
import { toInstant, type Instant, type InstantInput } from '../time/instant.js';
import { own, toRecord } from '../core/validate.js';
import { readPolicy, type Policy } from '../policy/policy.js';
import { deepFreeze } from '../core/deepFreeze.js';
import { endOfTermOf } from '../decisions/endOfTerm.js';
import { changeFor } from '../snapshot/ruleChanges.js';

/** Who still has access in a state (P1, P7). */
export type Access = 'users-and-admins' | 'admins-only' | 'none';

/** P7: what holds in a status. */
export interface StatusFacts {
  /** Who can use the service / reach the data. */
  readonly access: Access;
  /** Whether the transacting partner is billed. */
  readonly billed: boolean;
  /** Whether the partner can bring it back to active (P3: only suspended, before the term end). */
  readonly canReactivate: boolean;
}

/** P7, P8: a stage of the after-term timeline; `end` exclusive, `null` for the last stage. */
export interface AfterTermStage {
  /** The status the subscription has during the stage. */
  readonly status: 'expired' | 'disabled' | 'deleted';
  /** When the stage begins. */
  readonly start: Instant;
  /** When the stage ends (exclusive); `null` for the last stage, which never ends. */
  readonly end: Instant | null;
  /** Length in 24-hour days, `null` when open-ended. */
  readonly days: number | null;
  /** The rule the stage comes from: P7 (after an expiry or a suspension), P8 (cancelled at the term end). */
  readonly rule: 'P7' | 'P8';
}

/** P7 (policy): a subscription suspended at term end follows the lifecycle stages, or has "all data deleted". */
export type SuspendedAtTermEnd = 'lifecycle' | 'deleted';

/** P7: 30-day expired state after an active term ends with auto-renew off. */
export const EXPIRED_DAYS = 30;
/** P7: 90-day disabled state after expired. */
export const DISABLED_DAYS = 90;
/** P7: a subscription suspended at term end is disabled for 30 days, then the 90-day disabled state. */
export const SUSPENDED_DISABLED_DAYS = 30;
/** P8: a subscription cancelled at its term end keeps its data 90 days, then it is deleted. */
export const CANCELLED_AT_TERM_END_DAYS = 90;
/** P7: a cancelled subscription goes straight to deleted, with 7 days to back up data. */
export const CANCELLED_BACKUP_DAYS = 7;

/**
 * P1, P7: access, billing and reactivation per status, as the lifecycle page gives them.
 * `pending` is a purchase not yet provisioned: nothing yet.
 */
export const STATUS_FACTS: Readonly<Record<Status, StatusFacts>> = /* @__PURE__ */ deepFreeze({
  active: { access: 'users-and-admins', billed: true, canReactivate: false },
  // P1: customer access blocked, admins keep data, partner still billed; P3: reactivate until the term end.
  suspended: { access: 'admins-only', billed: true, canReactivate: true },
  // P7: 30 days, users keep access, not billed, no reactivation.
  expired: { access: 'users-and-admins', billed: false, canReactivate: false },
  // P7: admins only.
  disabled: { access: 'admins-only', billed: false, canReactivate: false },
  deleted: { access: 'none', billed: false, canReactivate: false },
  // C3: access ends immediately (data kept 7 days for backup, P7).
  cancelled: { access: 'none', billed: false, canReactivate: false },
  pending: { access: 'none', billed: false, canReactivate: false },
});

/**
 * P7, P8: the after-term timeline of a subscription from its term end (00:00Z after the term end
 * date, T2). Active with auto-renew off where the rules in force at the term end give no Extended
 * Service Term (R7), or expired: expired 30 d → disabled 90 d → deleted. Set to cancel at the term
 * end (R6, P8): disabled 90 d → deleted (policy `cancelledAtTermEnd`).
 * Suspended: disabled 30 d → disabled 90 d → deleted (or deleted at once with the policy's
 * `suspendedAtTermEnd: 'deleted'`). Disabled: deleted 120 d after the term end (both paths
 * take 120 d). Empty for a subscription that renews, or is already deleted or cancelled.
 *
 * @example
 * ```ts
 * afterTermStages(toSubscription({ ...input, autoRenew: false })).map((s) => s.status);
 * // ['expired', 'disabled', 'deleted']
 * ```
 *
 * @throws {@link CspRulesError} for an invalid subscription or policy
 */
export function afterTermStages(
  subscription: SubscriptionInput | Subscription,
  options: AfterTermOptions = {},
): readonly AfterTermStage[] {
  const sub = toSubscription(subscription);
  return stagesOf(sub, readPolicy(own(toRecord(options, 'options'), 'policy')));
}

/** Options of {@link afterTermStages}. */
export interface AfterTermOptions {
  /**
   * A policy from `definePolicy` (its timeline, which says whether an Extended Service Term or a
   * cancellation at the term end replaces the stages; `suspendedAtTermEnd`, P7;
   * `cancelledAtTermEnd`, P8); the default otherwise.
   */
  readonly policy?: Policy | undefined;
}

/** Options of {@link afterTermStageAt}. */
export interface AfterTermStageOptions extends AfterTermOptions {
  /** The instant asked about (T4). */
  readonly now: InstantInput;
}

/** {@link afterTermStages} of a validated snapshot under a policy. */
export function stagesOf(sub: Subscription, policy: Policy): readonly AfterTermStage[] {
  const end = endOfDay(sub.termEndDay);
  const suspended: SuspendedAtTermEnd = policy.suspendedAtTermEnd;
  const p8 = cancelledAtTermEnd(sub, policy);
  const stage = (status: AfterTermStage['status'], from: number, days: number | null): AfterTermStage => ({
    status,
    start: end + from * DAY_MS,
    end: days === null ? null : end + (from + days) * DAY_MS,
    days,
    rule: p8 ? 'P8' : 'P7',
  });
  const deleted = stage('deleted', EXPIRED_DAYS + DISABLED_DAYS, null);
  // P8: set to cancel at the term end: the service stops then, the data is kept 90 days.
  if (p8) {
    if (sub.status !== 'active' && sub.status !== 'suspended' && sub.status !== 'disabled') return [];
    return policy.cancelledAtTermEnd === 'deleted'
      ? [stage('deleted', 0, null)]
      : [stage('disabled', 0, CANCELLED_AT_TERM_END_DAYS), stage('deleted', CANCELLED_AT_TERM_END_DAYS, null)];
  }
  switch (sub.status) {
    case 'active':
      // R2, R6, R7: it renews, or moves into (or stays in) an Extended Service Term: no stages.
      if (endOfTermOf(sub, policy).outcome !== 'expire') return [];
      return [stage('expired', 0, EXPIRED_DAYS), stage('disabled', EXPIRED_DAYS, DISABLED_DAYS), deleted];
    case 'expired':
      return [stage('expired', 0, EXPIRED_DAYS), stage('disabled', EXPIRED_DAYS, DISABLED_DAYS), deleted];
    case 'suspended':
      if (suspended === 'deleted') return [stage('deleted', 0, null)];
      return [
        stage('disabled', 0, SUSPENDED_DISABLED_DAYS),
        stage('disabled', SUSPENDED_DISABLED_DAYS, DISABLED_DAYS),
        deleted,
      ];
    case 'disabled':
      // Either path ends 120 d after the term end; the day it became disabled is not in the snapshot.
      return [{ status: 'disabled', start: end, end: deleted.start, days: null, rule: 'P7' }, deleted];
    default:
      return [];
  }
}

/** P8: the partner set the subscription to cancel at its term end, where the rules in force then offer it. */
function cancelledAtTermEnd(sub: Subscription, policy: Policy): boolean {
  return (
    sub.endOfTermAction === 'cancel' && changeFor(sub, policy, 'end-of-term-choice', endOfDay(sub.termEndDay)) !== null
  );
}

/**
 * P7: the after-term stage a subscription is in at `now`, or `null` before the term end or
 * when it has no after-term timeline.
 *
 * @example
 * ```ts
 * afterTermStageAt(sub, { now: '2024-02-20T00:00:00Z' })?.status; // 'disabled'
 * ```
 *
 * @throws {@link CspRulesError} for an invalid subscription, `now` (T1) or policy
 */
export function afterTermStageAt(
  subscription: SubscriptionInput | Subscription,
  options: AfterTermStageOptions,
): AfterTermStage | null {
  const sub = toSubscription(subscription);
  const o = toRecord(options, 'options');
  const now = toInstant(own(o, 'now'), 'now');
  return stageAt(stagesOf(sub, readPolicy(own(o, 'policy'))), now);
}

/** The stage of `stages` that `now` is in, or `null` before the first. */
export function stageAt(stages: readonly AfterTermStage[], now: Instant): AfterTermStage | null {
  let found: AfterTermStage | null = null;
  for (const stage of stages) if (now >= stage.start) found = stage;
  return found;
}
