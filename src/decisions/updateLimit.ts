/**
 * Q6: Partner Center may fail updates to a subscription after about 1,200 of them.
 */
import { allow, refuse, type Assumption, type Decision } from '../core/decision.js';
import { answered } from '../snapshot/assumed.js';
import { policyVersion, readPolicy, type Policy } from '../policy/policy.js';
import { toInstant, type InstantInput } from '../time/instant.js';
import { own, toRecord } from '../core/validate.js';
import { toSubscription, type Subscription, type SubscriptionInput } from '../snapshot/subscription.js';

/** Updates to one subscription after which Partner Center may answer with errors (Q6). */
export const UPDATE_LIMIT = 1200;

const COUNT_ASSUMED: readonly Assumption[] = /* @__PURE__ */ Object.freeze(['UPDATE_COUNT_ASSUMED_UNDER_LIMIT']);

/** Why another update is or isn't safe. */
export type UpdateLimitReason =
  /** Fewer than 1,200 updates so far (an unknown count is assumed under). */
  | 'UNDER_LIMIT'
  /** 1,200 or more updates: errors are likely; buy a second subscription for the same SKU (and align its term, CO1). */
  | 'UPDATE_LIMIT_REACHED';

/**
 * Q6: whether another update (seat change, …) is likely to go through. An unknown `updateCount`
 * is taken as under the limit, with the assumption `UPDATE_COUNT_ASSUMED_UNDER_LIMIT`.
 *
 * @example
 * ```ts
 * checkUpdateLimit({ ...input, updateCount: 1200 }, { now: '2024-06-01T00:00:00Z' });
 * // { allowed: false, rule: 'Q6', reason: 'UPDATE_LIMIT_REACHED', opensAt: null, … }
 * ```
 */
export function checkUpdateLimit(
  subscription: SubscriptionInput | Subscription,
  options: UpdateLimitOptions,
): Decision<UpdateLimitReason> {
  const sub = toSubscription(subscription);
  const o = toRecord(options, 'options');
  const now = toInstant(own(o, 'now'), 'now');
  const version = policyVersion(readPolicy(own(o, 'policy')), now);
  if (sub.updateCount === null) {
    // Q6: the count is unknown: taken as under the limit, never stated as a fact.
    return answered(sub, 'other', allow('Q6', 'UNDER_LIMIT', null, COUNT_ASSUMED), version);
  }
  const d = updateLimitReached(sub) ? refuse('Q6', 'UPDATE_LIMIT_REACHED', null) : allow('Q6', 'UNDER_LIMIT', null);
  return answered(sub, 'other', d, version);
}

/** Options of {@link checkUpdateLimit}. */
export interface UpdateLimitOptions {
  /** The instant to decide at (T4). */
  readonly now: InstantInput;
  /** A policy from `definePolicy` (the version of the rules it names); the default otherwise. */
  readonly policy?: Policy | undefined;
}

/** Q6: whether the subscription is known to have had 1,200 updates or more. */
export function updateLimitReached(sub: Subscription): boolean {
  return sub.updateCount !== null && sub.updateCount >= UPDATE_LIMIT;
}
