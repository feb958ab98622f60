/**
 * Changed snapshots: `withChanges` (any change, validated again), `toInput` (the inverse of
 * toSubscription) and `deriveSnapshot` (the lifecycle machine's fast path for simple facts).
 */
import type { Assumption } from '../core/decision.js';
import { CspRulesError } from '../core/errors.js';
import {
  checkNextPlan,
  choiceWithAutoRenew,
  nullable,
  STATUSES,
  toSubscription,
  trust,
  type ScheduledChangeInput,
  type Subscription,
  type SubscriptionInput,
} from './subscription.js';
import { formatDay } from '../time/day.js';
import { BILLING_FREQUENCIES } from '../time/term.js';
import { own, toBoolean, toEnum, toRecord } from '../core/validate.js';

/** The facts {@link deriveSnapshot} may replace: each valid on its own, none checked against another. */
export type SimpleFacts = Partial<Pick<Subscription, 'status' | 'autoRenew' | 'nextChargeBilling'>> & {
  readonly scheduledChange?: null;
};

/**
 * Internal (the lifecycle machine): a snapshot with simple facts replaced, without validating the
 * rest again. The values are checked here; the other facts come from a validated snapshot.
 */
export function deriveSnapshot(sub: Subscription, facts: SimpleFacts): Subscription {
  for (const key of Object.keys(facts)) {
    if (
      key !== 'status' &&
      key !== 'autoRenew' &&
      key !== 'nextChargeBilling' &&
      (key !== 'scheduledChange' || facts.scheduledChange !== null)
    ) {
      throw new CspRulesError('UNKNOWN_FIELD', [key], 'is not a simple fact');
    }
  }
  // Own properties only: a fact absent here is never taken from a polluted Object.prototype.
  const f = facts as Readonly<Record<string, unknown>>;
  const has = (key: string): boolean => Object.prototype.hasOwnProperty.call(f, key);
  const status = own(f, 'status');
  const autoRenew = toBoolean(own(f, 'autoRenew'), 'autoRenew', sub.autoRenew);
  // One literal in toSubscription's key order: the same object shape, so the decisions that read
  // snapshots stay monomorphic (a spread and keyed stores measured several times slower).
  const snapshot: Subscription = {
    id: sub.id,
    offerName: sub.offerName,
    program: sub.program,
    status: status === undefined ? sub.status : toEnum(status, STATUSES, 'status'),
    term: sub.term,
    billing: sub.billing,
    quantity: sub.quantity,
    purchasedAt: sub.purchasedAt,
    termStartedAt: sub.termStartedAt,
    termStartDay: sub.termStartDay,
    termEndDay: sub.termEndDay,
    autoRenew,
    trial: sub.trial,
    seatBatches: sub.seatBatches,
    seatBatchesKnown: sub.seatBatchesKnown,
    promotionId: sub.promotionId,
    isReturnable: sub.isReturnable,
    parentSubscriptionId: sub.parentSubscriptionId,
    cancellationWindowFrom: sub.cancellationWindowFrom,
    scheduledChange: has('scheduledChange') ? null : sub.scheduledChange,
    nextChargeBilling: has('nextChargeBilling')
      ? nullable(own(f, 'nextChargeBilling'), (v) => toEnum(v, BILLING_FREQUENCIES, 'nextChargeBilling'))
      : sub.nextChargeBilling,
    updateCount: sub.updateCount,
    // R6: the end-of-term choice follows a change of auto-renew.
    endOfTermAction:
      autoRenew === sub.autoRenew ? sub.endOfTermAction : choiceWithAutoRenew(sub.endOfTermAction, autoRenew),
    extendedServiceTerm: sub.extendedServiceTerm,
    // Principle 6: auto-renew given is no longer assumed.
    assumptions:
      own(f, 'autoRenew') === undefined || !sub.assumptions.includes('AUTO_RENEW_ASSUMED')
        ? sub.assumptions
        : sub.assumptions.filter((a) => a !== 'AUTO_RENEW_ASSUMED'),
  };
  // B1: a pending billing change leaves a next term that is a plan (as toSubscription checks it).
  if (has('nextChargeBilling')) checkNextPlan(snapshot);
  return trust(snapshot);
}

/**
 * A snapshot with some facts changed, validated again (for state transitions and what-ifs).
 * Instants in `changes` may be given in any {@link InstantInput} form.
 *
 * @example
 * ```ts
 * const off = withChanges(sub, { autoRenew: false });
 * ```
 */
export function withChanges(
  subscription: SubscriptionInput | Subscription,
  changes: Partial<SubscriptionInput>,
): Subscription {
  const sub = toSubscription(subscription);
  toRecord(changes, 'changes');
  // `{ ...toInput(sub), ...changes }` without the second spread (slow on Node 20, see toInput):
  // each own enumerable key of `changes`, in order, as an own data property of the input. A key
  // found only on the prototype chain (`__proto__`) is defined, so no inherited setter runs.
  const input = toInput(sub) as unknown as Record<string, unknown>;
  for (const key of Object.keys(changes)) {
    const value = (changes as Record<string, unknown>)[key];
    // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent, defining a property gives the same input as assigning it; assigning is just faster
    if (Object.prototype.hasOwnProperty.call(input, key) || !(key in input)) {
      input[key] = value;
    } else {
      // Stryker disable next-line BooleanLiteral: equivalent, the input is private and read once by toSubscription
      Object.defineProperty(input, key, { value, enumerable: true, writable: true, configurable: true });
    }
  }
  const has = (key: string): boolean => Object.prototype.hasOwnProperty.call(changes, key);
  // R3: the start day of a renewal whose completion is unknown stands in for the start instant;
  // a change that gives the instant gives the day with it (issue 16: a stale day made it throw).
  if (has('termStartedAt') && !has('termStartDate')) delete input['termStartDate'];
  // Principle 6: a fact the change gives is no longer assumed.
  const given = input['assumptions'] as readonly Assumption[] | undefined;
  if (given !== undefined && !has('assumptions')) {
    const kept = given.filter((a) => !replacedBy(a, has));
    if (kept.length === 0) delete input['assumptions'];
    else input['assumptions'] = kept;
  }
  // R6: a new auto-renew without a new end-of-term choice carries the choice along with it.
  const autoRenew = input['autoRenew'];
  if (has('autoRenew') && !has('endOfTermAction') && typeof autoRenew === 'boolean') {
    input['endOfTermAction'] = choiceWithAutoRenew(sub.endOfTermAction, autoRenew);
  }
  return toSubscription(input as unknown as SubscriptionInput);
}

/**
 * The input that describes a snapshot (the inverse of {@link toSubscription}).
 *
 * @example
 * ```ts
 * toSubscription(toInput(sub)); // equal to sub
 * ```
 */
export function toInput(subscription: SubscriptionInput | Subscription): SubscriptionInput {
  const sub = toSubscription(subscription);
  // Built by assignment in the key order the spread version had: on Node 20 (V8 11.3) an object
  // literal with a property after a spread (`{ ...(c ? {} : { id }), offerName, … }`) costs
  // ~1 µs per property, and explain's what-ifs call this for every action (docs/performance.md).
  const input: Writable<SubscriptionInput> = {} as Writable<SubscriptionInput>;
  if (sub.id !== null) input.id = sub.id;
  input.offerName = sub.offerName;
  input.program = sub.program;
  input.status = sub.status;
  input.term = sub.term;
  input.billing = sub.billing;
  input.quantity = sub.quantity;
  input.purchasedAt = sub.purchasedAt;
  input.termStartedAt = sub.termStartedAt;
  // The start day is implied by a known start instant; given only when the instant is unknown (R3).
  if (sub.termStartedAt === null) input.termStartDate = formatDay(sub.termStartDay);
  input.termEndDate = formatDay(sub.termEndDay);
  input.autoRenew = sub.autoRenew;
  input.trial = sub.trial;
  if (sub.seatBatchesKnown) input.seatBatches = sub.seatBatches;
  input.promotionId = sub.promotionId;
  input.isReturnable = sub.isReturnable;
  input.parentSubscriptionId = sub.parentSubscriptionId;
  input.cancellationWindowFrom = sub.cancellationWindowFrom;
  const sc = sub.scheduledChange;
  if (sc === null) {
    input.scheduledChange = null;
  } else {
    const change: Writable<ScheduledChangeInput> = {};
    if (sc.quantity !== null) change.quantity = sc.quantity;
    if (sc.term !== null) change.term = sc.term;
    if (sc.billing !== null) change.billing = sc.billing;
    if (sc.offerName !== null) change.offerName = sc.offerName;
    if (sc.customTermEndDay !== null) change.customTermEndDate = formatDay(sc.customTermEndDay);
    input.scheduledChange = change;
  }
  input.nextChargeBilling = sub.nextChargeBilling;
  input.updateCount = sub.updateCount;
  if (sub.endOfTermAction !== null) input.endOfTermAction = sub.endOfTermAction;
  if (sub.extendedServiceTerm) input.extendedServiceTerm = true;
  if (sub.assumptions.length > 0) input.assumptions = sub.assumptions;
  return input;
}

/** The facts whose absence each snapshot assumption stands for. */
const ASSUMED_FACT: Readonly<Partial<Record<Assumption, readonly string[]>>> = {
  AUTO_RENEW_ASSUMED: ['autoRenew', 'endOfTermAction'],
  TERM_END_ASSUMED: ['termEndDate'],
  TRIAL_END_ASSUMED: ['termEndDate'],
  RETURNABLE_ASSUMED: ['isReturnable'],
  SEAT_BATCHES_ASSUMED: ['seatBatches'],
  UPDATE_COUNT_ASSUMED_UNDER_LIMIT: ['updateCount'],
};

/** Whether a change that gives the keys `has` says gives the fact assumption `a` stood for. */
function replacedBy(a: Assumption, has: (key: string) => boolean): boolean {
  return ASSUMED_FACT[a]?.some(has) ?? false;
}

type Writable<T> = { -readonly [K in keyof T]: T[K] };
