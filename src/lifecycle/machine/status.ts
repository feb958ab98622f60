/**
 * Status events: cancel (C1–C16, C3), suspend (P1, P2, P5, P6), reactivate (P3) and
 * auto-renew (R1, R5, S3).
 */
import { suspendAddOns } from '../addons.js';
import { cancelDecision } from '../../decisions/cancel.js';
import { NONE, refuse, type Warning } from '../../core/decision.js';
import { endOfTermChoiceDecision, endOfTermOf } from '../../decisions/endOfTerm.js';
import { withChanges } from '../../snapshot/changes.js';
import type { EndOfTermAction, Subscription } from '../../snapshot/subscription.js';
import { DAY_MS, endOfDay } from '../../time/day.js';
import { CANCELLED_BACKUP_DAYS } from '../afterTerm.js';
import {
  accept,
  change,
  gated,
  machinePhase,
  mergeWarnings,
  no,
  reject,
  scheduledDeletion,
  type Ctx,
} from './context.js';
import type { Effect, TransitionResult } from './events.js';

/**
 * C1–C16 via `canCancel`: an immediate cancellation ends access now (C3), deletes scheduled
 * changes (S3) and leaves 7 days to back up data (P7); after a C4/C5 window the cancellation
 * is accepted for the term end: auto-renew goes off.
 */
export function onCancel(ctx: Ctx): TransitionResult {
  const d = cancelDecision(ctx.sub, ctx.now, ctx.policy, machinePhase(ctx));
  if (!d.allowed) return reject(refuse(d.rule, d.reason, d.opensAt, d.assumptions, d.warnings));
  const deletion = scheduledDeletion(ctx, 'cancel');
  if (d.effective === 'at-renewal') {
    // C4/C5: scheduled to occur at renewal — the subscription won't renew.
    const effects: Effect[] = [{ type: 'CANCELLATION_SCHEDULED', rule: d.rule, at: endOfDay(ctx.sub.termEndDay) }];
    if (ctx.sub.autoRenew) effects.push({ type: 'AUTO_RENEW_TURNED_OFF', rule: d.rule });
    return accept(ctx, {
      next: change(ctx, { autoRenew: false, ...deletion.changes }),
      effects: [...effects, ...deletion.effects],
      warnings: d.warnings,
    });
  }
  return accept(ctx, {
    next: change(ctx, { status: 'cancelled', ...deletion.changes }),
    effects: [
      { type: 'STATUS_CHANGED', rule: d.rule, from: ctx.sub.status, to: 'cancelled' },
      { type: 'CANCELLED', rule: d.rule, refund: d.refund },
      { type: 'ACCESS_BLOCKED', rule: 'C3', access: 'none' },
      // P7: straight to deleted, with 7 days to back up data.
      { type: 'DATA_DELETION_SCHEDULED', rule: 'P7', at: ctx.now + CANCELLED_BACKUP_DAYS * DAY_MS },
      ...deletion.effects,
    ],
    warnings: d.warnings,
  });
}

/**
 * P1, P2, P5, P6: suspend an active subscription — customer access blocked (admins keep data,
 * billing continues), auto-renew off, scheduled changes deleted, add-ons suspended. Refused
 * for trials (TR8) and while a renewal runs (R4).
 */
export function onSuspend(ctx: Ctx): TransitionResult {
  const { sub } = ctx;
  const gate = gated(ctx, 'suspend');
  if (gate !== null) return gate;
  const deletion = scheduledDeletion(ctx, 'suspend', 'P2');
  const addOns = suspendAddOns(sub, ctx.addOns);
  const effects: Effect[] = [
    { type: 'STATUS_CHANGED', rule: 'P1', from: 'active', to: 'suspended' },
    { type: 'ACCESS_BLOCKED', rule: 'P1', access: 'admins-only' },
  ];
  if (sub.autoRenew) effects.push({ type: 'AUTO_RENEW_TURNED_OFF', rule: 'P2' });
  effects.push(...deletion.effects);
  if (addOns.ids.length > 0) effects.push({ type: 'ADD_ONS_SUSPENDED', rule: 'P5', ids: addOns.ids });
  return accept(ctx, {
    next: change(ctx, { status: 'suspended', autoRenew: false, ...deletion.changes }),
    effects,
    ...(addOns.next.length > 0 ? { addOns: addOns.next } : {}),
  });
}

/**
 * P3: reactivate a suspended subscription before its term ends; access returns at once.
 * Auto-renew stays off (P2; warning `AUTO_RENEW_OFF`). An add-on of a traditional-commerce
 * base needs the base active (A1).
 */
export function onReactivate(ctx: Ctx): TransitionResult {
  const { sub } = ctx;
  const gate = gated(ctx, 'reactivate');
  if (gate !== null) return gate;
  const base = ctx.base;
  if (
    base !== null &&
    base.program === 'traditional-saas' &&
    sub.parentSubscriptionId === base.id &&
    base.status !== 'active'
  ) {
    return no('A1', 'BASE_NOT_ACTIVE', null);
  }
  return accept(ctx, {
    next: change(ctx, { status: 'active' }),
    effects: [
      { type: 'STATUS_CHANGED', rule: 'P3', from: 'suspended', to: 'active' },
      { type: 'ACCESS_RESTORED', rule: 'P3' },
    ],
    warnings: sub.autoRenew ? [] : ['AUTO_RENEW_OFF'],
  });
}

/**
 * R1, R5, S3, R4: turn auto-renew on or off (active subscriptions, trials included — C9's way
 * out). Off deletes scheduled changes (S3). Read-only during a renewal (R4).
 */
export function onSetAutoRenew(ctx: Ctx, autoRenew: boolean): TransitionResult {
  const { sub } = ctx;
  const gate = gated(ctx, 'setAutoRenew');
  if (gate !== null) return gate;
  if (sub.autoRenew === autoRenew) return accept(ctx, { next: sub, effects: [] });
  if (autoRenew)
    return accept(ctx, { next: change(ctx, { autoRenew }), effects: [{ type: 'AUTO_RENEW_TURNED_ON', rule: 'R1' }] });
  const deletion = scheduledDeletion(ctx, 'autoRenewOff');
  const next = change(ctx, { autoRenew, ...deletion.changes });
  return accept(ctx, {
    next,
    effects: [{ type: 'AUTO_RENEW_TURNED_OFF', rule: 'R5' }, ...deletion.effects],
    warnings: endOfTermWarnings(next, ctx),
  });
}

/**
 * R6, R7, P8: what turning auto-renew off or choosing an outcome leads to at the term end, when
 * it is not a plain expiry: `MOVES_TO_EXTENDED_SERVICE_TERM` (month to month at a higher price)
 * or `SERVICE_STOPS_AT_TERM_END`.
 */
function endOfTermWarnings(next: Subscription, ctx: Ctx): readonly Warning[] {
  const outcome = endOfTermOf(next, ctx.policy).outcome;
  if (outcome === 'extended-service-term') return MOVES_TO_EST;
  return outcome === 'cancel-at-term-end' ? STOPS : NONE;
}

const MOVES_TO_EST: readonly Warning[] = Object.freeze(['MOVES_TO_EXTENDED_SERVICE_TERM']);
const STOPS: readonly Warning[] = Object.freeze(['SERVICE_STOPS_AT_TERM_END']);

/**
 * R6: set the end-of-term outcome, decided by `canSetEndOfTermAction` (until the term ends; from
 * 2026-02-16; new-commerce license subscriptions, not trials). Auto-renew follows the choice:
 * `renew` turns it on, the others off (S3: turning it off deletes scheduled changes).
 */
export function onSetEndOfTermAction(ctx: Ctx, action: EndOfTermAction): TransitionResult {
  const { sub } = ctx;
  const d = endOfTermChoiceDecision(sub, action, ctx.now, ctx.policy, machinePhase(ctx));
  if (!d.allowed) return reject(d);
  if (sub.endOfTermAction === action) return accept(ctx, { next: sub, effects: [] });
  const autoRenew = action === 'renew';
  const deletion = sub.autoRenew && !autoRenew ? scheduledDeletion(ctx, 'autoRenewOff') : NO_DELETION;
  const next = withChanges(sub, { endOfTermAction: action, autoRenew, ...deletion.changes });
  const effects: Effect[] = [{ type: 'END_OF_TERM_ACTION_SET', rule: 'R6', action }];
  if (sub.autoRenew !== autoRenew)
    effects.push(
      autoRenew ? { type: 'AUTO_RENEW_TURNED_ON', rule: 'R6' } : { type: 'AUTO_RENEW_TURNED_OFF', rule: 'R6' },
    );
  return accept(ctx, {
    next,
    effects: [...effects, ...deletion.effects],
    warnings: mergeWarnings(d.warnings, endOfTermWarnings(next, ctx)),
  });
}

const NO_DELETION = { changes: {}, effects: NONE } as const;
