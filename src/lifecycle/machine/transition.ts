/**
 * The subscription lifecycle as a pure state machine: `transition(state, event,
 * { now })` returns the next snapshot with the effects the event caused, or a refusal with
 * its reason and rule. Nothing is executed; like xstate's `transition`, effects are data.
 */
import { CspRulesError, describe } from '../../core/errors.js';
import { policyVersion, readPolicy } from '../../policy/policy.js';
import {
  END_OF_TERM_ACTIONS,
  toSubscription,
  type Subscription,
  type SubscriptionInput,
} from '../../snapshot/subscription.js';
import { toInstant } from '../../time/instant.js';
import { endOfDay } from '../../time/day.js';
import { own, toBoolean, toEnum, toRecord } from '../../core/validate.js';
import { onChangeQuantity, onChangeTermOrBilling, onClearScheduledChanges, onScheduleChange } from './changes.js';
import { no, readState, type Ctx } from './context.js';
import { answered, mergeAssumed } from '../../snapshot/assumed.js';
import { readEligibility } from './eligibility.js';
import { onConvertTrial, onUpgrade } from './conversions.js';
import type {
  LifecycleEvent,
  LifecycleEventType,
  LifecycleState,
  TransitionOptions,
  TransitionResult,
} from './events.js';
import { onCancel, onReactivate, onSetAutoRenew, onSetEndOfTermAction, onSuspend } from './status.js';
import { onRenewalCompleted, onRenewalStarted, onStageElapsed, onTermEnded } from './termEvents.js';

/** Every event name the machine accepts ({@link LifecycleEvent}). */
export const LIFECYCLE_EVENTS: readonly LifecycleEventType[] = Object.freeze([
  'cancel',
  'suspend',
  'reactivate',
  'setAutoRenew',
  'changeQuantity',
  'scheduleChange',
  'clearScheduledChanges',
  'upgrade',
  'changeTermOrBilling',
  'convertTrial',
  'setEndOfTermAction',
  'renewalStarted',
  'renewalCompleted',
  'termEnded',
  'stageElapsed',
]);

/** The events governed by the term end: R2, R5, R7, P7, P8. */
const AT_TERM_END: ReadonlySet<LifecycleEventType> = new Set<LifecycleEventType>([
  'renewalStarted',
  'renewalCompleted',
  'termEnded',
  'stageElapsed',
]);

/** No add-ons given (P5): one frozen list, not a new array per event. */
const NO_ADD_ONS: readonly Subscription[] = Object.freeze([]);

/**
 * Applies one event to a subscription at `now`.
 *
 * The state is a snapshot (or its input) — its renewal phase then follows from the time:
 * `renewing` on the renewal day of an active, auto-renewing subscription (R2, R4) — or a
 * {@link LifecycleState} `{ subscription, phase }` as returned in `state`. Cancelled and
 * deleted subscriptions refuse every event (C3, P7). An active or suspended snapshot whose
 * term is over accepts only the renewal and after-term events (`TERM_OVER`). While a renewal
 * runs (`renewing`, R4) the plan is read-only: `changeTermOrBilling`, like `upgrade`, is refused
 * `RENEWAL_READ_ONLY`, so every state returned is one the next event accepts or refuses. An event
 * that dates a fact at `now` before the purchase is refused `BEFORE_PURCHASE` (T4). Only the
 * event's and the options' own properties are read; `eligibility` is validated as a decision.
 *
 * Effects are typed data: `AUTO_RENEW_TURNED_OFF`, `SCHEDULED_CHANGES_DELETED`,
 * `ADD_ONS_SUSPENDED` (with `addOns` in the result), `SUBSCRIPTION_CREATED` (with `created`),
 * `DATA_DELETED`, `ACCESS_BLOCKED`, … each naming its rule.
 *
 * @param state - the current snapshot, its input, or a lifecycle state
 * @param event - what happens
 * @param options - `now`; `policy` (its timeline; `suspendedAtTermEnd`, P7; `cancelledAtTermEnd`, P8;
 *   and `scheduledChangeDeletion`, S3, are the machine's choices); `addOns` (P5); `base` (A1)
 * @throws {@link CspRulesError} for invalid input (a bad snapshot, event or option)
 *
 * @example
 * ```ts
 * const r = transition(sub, { type: 'suspend' }, { now: '2024-03-01T10:00:00Z', addOns: [addOn] });
 * if (r.ok) r.effects.map((e) => e.type);
 * // ['STATUS_CHANGED', 'ACCESS_BLOCKED', 'AUTO_RENEW_TURNED_OFF', 'SCHEDULED_CHANGES_DELETED', 'ADD_ONS_SUSPENDED']
 * else console.log(r.refusal.reason, r.refusal.rule);
 * ```
 */
export function transition(
  state: SubscriptionInput | Subscription | LifecycleState,
  event: LifecycleEvent,
  options: TransitionOptions,
): TransitionResult {
  const opts = toRecord(options, 'options');
  const now = toInstant(own(opts, 'now'), 'now');
  const read = readState(state, now);
  // Only the event's own fields are read (a copy without a prototype): a key inherited from a
  // polluted Object.prototype (`eligibility`, `quantity`, `term` …) is no field of the event.
  const ev = ownFields(toRecord(event, 'event'));
  const eligibility = readEligibility(ev['eligibility']);
  if (eligibility !== undefined) ev['eligibility'] = eligibility;
  const type = toEnum(own(ev, 'type'), LIFECYCLE_EVENTS, 'event.type');
  const rawAddOns = own(opts, 'addOns');
  if (rawAddOns !== undefined && !Array.isArray(rawAddOns)) {
    throw new CspRulesError(
      'INVALID_TYPE',
      'addOns',
      `expected an array of subscriptions, got ${describe(rawAddOns)}`,
      rawAddOns,
    );
  }
  const rawBase = own(opts, 'base');
  const policy = readPolicy(own(opts, 'policy') as TransitionOptions['policy']);
  // One literal, no spread: a property after a spread leaves V8's literal fast path (docs/performance.md).
  const ctx: Ctx = {
    sub: read.subscription,
    phase: read.phase,
    declaredRenewing: read.declaredRenewing,
    now,
    policy,
    scheduledChangeDeletion: policy.scheduledChangeDeletion,
    addOns:
      rawAddOns === undefined
        ? NO_ADD_ONS
        : (rawAddOns as readonly (SubscriptionInput | Subscription)[]).map((a) => toSubscription(a)),
    base: rawBase === undefined ? null : toSubscription(rawBase as SubscriptionInput),
  };
  // C3: a cancelled subscription is terminal; P7: deleted is unrecoverable.
  // What happens at the term end (the renewal, the term's end, the stages after it) is governed by
  // the term end; every other event by its `now` (docs/policy.md).
  const version = policyVersion(policy, AT_TERM_END.has(type) ? endOfDay(ctx.sub.termEndDay) : now);
  if (ctx.sub.status === 'cancelled') return answeredResult(ctx.sub, no('C3', 'TERMINATED', null), version);
  if (ctx.sub.status === 'deleted') return answeredResult(ctx.sub, no('P7', 'TERMINATED', null), version);
  return answeredResult(ctx.sub, apply(ctx, type, ev, ev as unknown as LifecycleEvent), version);
}

/**
 * Principles 4 and 6: every result names the version of the rules it used, and lists the
 * snapshot's assumptions (the caller's, a trial's assumed end).
 */
function answeredResult(sub: Subscription, r: TransitionResult, version: string): TransitionResult {
  // A copy: the refusal may be the caller's own `eligibility` decision, passed through.
  if (!r.ok) return { ok: false, refusal: answered(sub, 'other', { ...r.refusal }, version) };
  const assumptions = mergeAssumed(sub, 'other', r.assumptions);
  return assumptions === r.assumptions && r.policyVersion === version
    ? r
    : { ...r, assumptions, policyVersion: version };
}

/** The event's handler. */
function apply(
  ctx: Ctx,
  type: LifecycleEventType,
  ev: Readonly<Record<string, unknown>>,
  e: LifecycleEvent,
): TransitionResult {
  switch (type) {
    case 'cancel':
      return onCancel(ctx);
    case 'suspend':
      return onSuspend(ctx);
    case 'reactivate':
      return onReactivate(ctx);
    case 'setAutoRenew':
      return onSetAutoRenew(ctx, requireBoolean(own(ev, 'autoRenew'), 'event.autoRenew'));
    case 'changeQuantity':
      return onChangeQuantity(ctx, own(ev, 'quantity'));
    case 'scheduleChange':
      return onScheduleChange(ctx, toRecord(own(ev, 'change'), 'event.change'));
    case 'clearScheduledChanges':
      return onClearScheduledChanges(ctx);
    case 'upgrade':
      return onUpgrade(ctx, e as Extract<LifecycleEvent, { type: 'upgrade' }>);
    case 'changeTermOrBilling':
      return onChangeTermOrBilling(ctx, e as Extract<LifecycleEvent, { type: 'changeTermOrBilling' }>);
    case 'convertTrial':
      return onConvertTrial(ctx, e as Extract<LifecycleEvent, { type: 'convertTrial' }>);
    case 'setEndOfTermAction':
      return onSetEndOfTermAction(ctx, toEnum(own(ev, 'action'), END_OF_TERM_ACTIONS, 'event.action'));
    case 'renewalStarted':
      return onRenewalStarted(ctx);
    case 'renewalCompleted':
      return onRenewalCompleted(
        ctx,
        own(ev, 'completedAt') as Extract<LifecycleEvent, { type: 'renewalCompleted' }>['completedAt'],
      );
    case 'termEnded':
      return onTermEnded(ctx);
    case 'stageElapsed':
      return onStageElapsed(ctx);
    // Stryker disable next-line ConditionalExpression: unreachable, event.type was checked against LIFECYCLE_EVENTS (toEnum)
    default:
      return unreachable(type);
  }
}

/** The own enumerable fields of a record, in a new object without a prototype. */
function ownFields(r: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(r)) out[key] = r[key];
  return out;
}

function requireBoolean(value: unknown, field: string): boolean {
  if (value === undefined) throw new CspRulesError('MISSING_FIELD', field, 'is required (true or false)');
  // Stryker disable next-line BooleanLiteral: the fallback is for undefined, which was refused just above
  return toBoolean(value, field, false);
}

// Stryker disable next-line BlockStatement: unreachable, event.type was checked against LIFECYCLE_EVENTS (toEnum)
function unreachable(type: never): never {
  // Stryker disable next-line StringLiteral: unreachable, event.type was checked against LIFECYCLE_EVENTS (toEnum)
  throw new CspRulesError('INVALID_ENUM', 'event.type', `unknown event ${describe(type)}`, type);
}
