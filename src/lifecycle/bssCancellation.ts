/**
 * The BSS cancellation-request workflow for software-subscription assets (the BSS storefront page):
 * requested → executed (cancelled, or rejected with Microsoft's message) or ignored
 * (W1–W4, C7, C11).
 */
import { canCancel, type CancelReason } from '../decisions/cancel.js';
import { allow, refuse, type Decision, type Refused } from '../core/decision.js';
import { policyVersion, readPolicy, type Policy } from '../policy/policy.js';
import { withChanges } from '../snapshot/changes.js';
import { answered } from '../snapshot/assumed.js';
import { toSubscription, type Subscription, type SubscriptionInput } from '../snapshot/subscription.js';
import { dayOf, formatDay, toDay, type UtcDay } from '../time/day.js';
import { toInstant, type Instant, type InstantInput } from '../time/instant.js';
import { own, toBoolean, toEnum, toRecord } from '../core/validate.js';

/** W3: the pop-up text when Microsoft answers "cannot be canceled" (the BSS storefront page, verbatim). */
export const BSS_REJECTION_MESSAGE =
  'You have passed your 30-day cancelation window. We are unable to cancel your purchase.';

/** A request's state. `none`: no request yet. */
export type BssRequestState =
  | { readonly status: 'none' }
  /** W1, W4: pending; shown as a ribbon with its date. */
  | { readonly status: 'requested'; readonly requestedAt: Instant; readonly requestDay: UtcDay }
  /** W3, C11: executed, Microsoft cancelled it; immediate, on the current day. */
  | {
      readonly status: 'cancelled';
      readonly requestedAt: Instant;
      readonly requestDay: UtcDay;
      readonly resolvedAt: Instant;
      readonly cancellationDay: UtcDay;
    }
  /** W3: executed, Microsoft answered "cannot be canceled". */
  | {
      readonly status: 'rejected';
      readonly requestedAt: Instant;
      readonly requestDay: UtcDay;
      readonly resolvedAt: Instant;
      readonly message: typeof BSS_REJECTION_MESSAGE;
    }
  /** W3: an operator ignored it. */
  | {
      readonly status: 'ignored';
      readonly requestedAt: Instant;
      readonly requestDay: UtcDay;
      readonly resolvedAt: Instant;
    };

/** The workflow's events. */
export type BssEvent =
  /** W1: a storefront or BSS user selects "Cancel". */
  | { readonly type: 'request' }
  /** W3: an operator executes the request (a call to Microsoft). */
  | { readonly type: 'execute' }
  /** W3: an operator ignores the request. */
  | { readonly type: 'ignore' };

/** Why the workflow refuses an event. */
export type BssReason =
  /** W2: the Cancel action is shown. */
  | 'SHOWN'
  /** W2: not a BSS software-subscription asset. */
  | 'NOT_BSS_ASSET'
  /** W2/C7: outside the window (or not returnable, trial, inactive): the action is absent. */
  | 'ACTION_HIDDEN'
  /** W3: only a pending request can be executed or ignored. */
  | 'NOT_PENDING'
  /** A request exists already. */
  | 'ALREADY_REQUESTED';

/** Options of {@link bssCancellation} and {@link canShowCancelAction}. */
export interface BssOptions {
  /** The instant to decide at (T4: never read from the clock). */
  readonly now: InstantInput;
  /** The policy to apply (default: `DEFAULT_POLICY`). */
  readonly policy?: Policy | undefined;
  /** W1: "Automatic execution of subscription cancelation requests" — off by default. */
  readonly automaticExecution?: boolean;
}

/** The answer of {@link bssCancellation}. */
export type BssResult =
  | { readonly ok: true; readonly state: BssRequestState; readonly subscription: Subscription }
  | { readonly ok: false; readonly refusal: Refused<BssReason | string> };

/** The answer of {@link canShowCancelAction}: `allowed` = shown; `until` = when it disappears. */
export type CancelActionDecision = Decision<BssReason | CancelReason>;

const STATUSES = ['none', 'requested', 'cancelled', 'rejected', 'ignored'] as const;

/**
 * W2, C7: whether "Cancel" is shown (storefront "I want to…", asset list, BSS shortcuts): only
 * for a `bss-software` asset while `canCancel` allows it (30 d from purchase, `isReturnable`).
 *
 * @example
 * ```ts
 * canShowCancelAction(asset, { now: '2024-01-20T00:00:00Z' }); // { allowed: true, rule: 'W2', reason: 'SHOWN', until: … }
 * ```
 */
export function canShowCancelAction(
  subscription: SubscriptionInput | Subscription,
  options: BssOptions,
): CancelActionDecision {
  const sub = toSubscription(subscription);
  const opts = toRecord(options, 'options');
  const now = toInstant(own(opts, 'now'), 'now');
  const policy = readPolicy(own(opts, 'policy') as BssOptions['policy']);
  const version = policyVersion(policy, now);
  if (sub.program !== 'bss-software') return answered(sub, 'cancel', refuse('W2', 'NOT_BSS_ASSET', null), version);
  const d = canCancel(sub, { now, policy });
  if (d.allowed) return answered(sub, 'cancel', allow('W2', 'SHOWN', d.until, d.assumptions, d.warnings), version);
  const reason = d.reason === 'WINDOW_NOT_OPEN' ? d.reason : 'ACTION_HIDDEN';
  return answered(sub, 'cancel', refuse('W2', reason, d.opensAt, d.assumptions, d.warnings), version);
}

/**
 * W1–W4, C7, C11: one step of the request workflow.
 * - `request` (W1): needs the action shown (W2); creates a pending request dated `now` (W4) —
 *   or, with `automaticExecution`, executes at once.
 * - `execute` (W3): asks Microsoft (`canCancel` at `now`): cancelled, immediate on the current
 *   day (C11), or rejected with {@link BSS_REJECTION_MESSAGE}.
 * - `ignore` (W3): the request is closed, the asset unchanged.
 *
 * @throws {@link CspRulesError} for invalid input
 *
 * @example
 * ```ts
 * const r = bssCancellation({ status: 'none' }, { type: 'request' }, asset, { now: '2024-01-20T09:00:00Z' });
 * // r.state → { status: 'requested', requestedAt: …, requestDay: … }
 * ```
 */
export function bssCancellation(
  state: BssRequestState,
  event: BssEvent,
  subscription: SubscriptionInput | Subscription,
  options: BssOptions,
): BssResult {
  const sub = toSubscription(subscription);
  const opts = toRecord(options, 'options');
  const now = toInstant(own(opts, 'now'), 'now');
  const status = toEnum(own(toRecord(state, 'state'), 'status'), STATUSES, 'state.status');
  const type = toEnum(own(toRecord(event, 'event'), 'type'), ['request', 'execute', 'ignore'] as const, 'event.type');
  const policy = readPolicy(own(opts, 'policy') as BssOptions['policy']);
  if (type === 'request') {
    if (status !== 'none') return { ok: false, refusal: refuse('W1', 'ALREADY_REQUESTED', null) };
    const shown = canShowCancelAction(sub, { now, policy });
    if (!shown.allowed) return { ok: false, refusal: shown };
    const requested: BssRequestState = { status: 'requested', requestedAt: now, requestDay: dayOf(now) };
    if (!toBoolean(own(opts, 'automaticExecution'), 'automaticExecution', false))
      return { ok: true, state: requested, subscription: sub };
    return execute(requested, sub, now, policy);
  }
  if (status !== 'requested') return { ok: false, refusal: refuse('W3', 'NOT_PENDING', null) };
  const pending = state as Extract<BssRequestState, { status: 'requested' }>;
  const requestedAt = toInstant(pending.requestedAt, 'state.requestedAt');
  const base = { requestedAt, requestDay: dayOf(requestedAt) };
  if (type === 'ignore') return { ok: true, state: { status: 'ignored', ...base, resolvedAt: now }, subscription: sub };
  // Stryker disable next-line StringLiteral: equivalent — execute reads only requestedAt and requestDay of the request, never its status
  return execute({ status: 'requested', ...base }, sub, now, policy);
}

/**
 * W4: the ribbon an asset shows while a request is pending: its date, or `null`.
 *
 * @example
 * ```ts
 * requestRibbon(state); // '2024-01-20'
 * ```
 *
 * @throws {@link CspRulesError} `INVALID_TYPE` `state`, `INVALID_ENUM` `state.status`, `INVALID_DATE` `state.requestDay`
 */
export function requestRibbon(state: BssRequestState): string | null {
  const r = toRecord(state, 'state');
  if (toEnum(own(r, 'status'), STATUSES, 'state.status') !== 'requested') return null;
  return formatDay(toDay(own(r, 'requestDay'), 'state.requestDay'));
}

function execute(
  request: Extract<BssRequestState, { status: 'requested' }>,
  sub: Subscription,
  now: Instant,
  policy: Policy,
): BssResult {
  const base = { requestedAt: request.requestedAt, requestDay: request.requestDay, resolvedAt: now };
  // W3: Microsoft decides at execution time; C7 window, isReturnable.
  if (!canCancel(sub, { now, policy }).allowed) {
    return { ok: true, state: { status: 'rejected', ...base, message: BSS_REJECTION_MESSAGE }, subscription: sub };
  }
  // C11: always "Immediate" — the cancellation date is the current day.
  return {
    ok: true,
    state: { status: 'cancelled', ...base, cancellationDay: dayOf(now) },
    subscription: withChanges(sub, { status: 'cancelled' }),
  };
}
