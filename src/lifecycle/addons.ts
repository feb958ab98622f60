/**
 * Add-ons and their base subscription: bought through an active base in traditional commerce
 * (A1), starting aligned with the base (A2), suspended with it (P5).
 */
import { allow, refuse, type Decision } from '../core/decision.js';
import { withChanges } from '../snapshot/changes.js';
import { toSubscription, type Subscription, type SubscriptionInput } from '../snapshot/subscription.js';
import { dayOf, endOfDay, formatDay } from '../time/day.js';
import { CspRulesError, describe } from '../core/errors.js';
import { toInstant, type Instant } from '../time/instant.js';
import { own, toEnum, toRecord } from '../core/validate.js';

/** A1: which commerce an add-on is bought in. */
export type Commerce = (typeof COMMERCES)[number];

/** Why an add-on can or can't be bought. */
export type AddOnReason =
  /** A1: traditional commerce, the base is active. */
  | 'BASE_ACTIVE'
  /** A1: traditional commerce needs an active base subscription. */
  | 'BASE_NOT_ACTIVE'
  /** A1: new commerce sells add-ons through the catalog. */
  | 'CATALOG';

/** Options of {@link canBuyAddOn}. */
export interface AddOnOptions {
  /** Default: `traditional` for the `traditional-saas` program, else `new-commerce`. */
  readonly commerce?: Commerce;
}

/** A2: the first term of an add-on aligned with its base. */
export interface AlignedAddOnTerm {
  /** The add-on's first UTC day (its purchase day). */
  readonly startDay: number;
  /** The base's term end date (inclusive, T2). */
  readonly endDay: number;
  /** A2: the first invoice is prorated (charge start to the base's charge end). */
  readonly prorated: true;
  /** The add-on as input: `termEndDate` and `parentSubscriptionId` set from the base. */
  readonly input: SubscriptionInput;
}

/** The result of {@link suspendAddOns}. */
export interface SuspendedAddOns {
  /** Ids of the add-ons suspended now. */
  readonly ids: readonly string[];
  /** The next snapshots of those add-ons. */
  readonly next: readonly Subscription[];
}

/** A1: every commerce kind. */
export const COMMERCES = /* @__PURE__ */ Object.freeze(['traditional', 'new-commerce'] as const);

/**
 * Whether `addOn` belongs to `base` (its `parentSubscriptionId` is the base's id).
 *
 * @example
 * ```ts
 * isAddOnOf({ ...addOnInput, parentSubscriptionId: 'base-1' }, { ...baseInput, id: 'base-1' }); // true
 * ```
 */
export function isAddOnOf(addOn: SubscriptionInput | Subscription, base: SubscriptionInput | Subscription): boolean {
  const a = toSubscription(addOn);
  const b = toSubscription(base);
  return b.id !== null && a.parentSubscriptionId === b.id;
}

/**
 * A1: in traditional commerce an add-on needs an active base subscription and is bought
 * through it; new commerce sells add-ons through the catalog (Manage customer subscriptions,
 * "Update subscriptions with add-ons").
 *
 * @example
 * ```ts
 * canBuyAddOn({ ...baseInput, status: 'suspended' }, { commerce: 'traditional' }); // refused, 'BASE_NOT_ACTIVE'
 * canBuyAddOn(baseInput, { commerce: 'new-commerce' }); // allowed, 'CATALOG'
 * ```
 */
export function canBuyAddOn(base: SubscriptionInput | Subscription, options: AddOnOptions = {}): Decision<AddOnReason> {
  const b = toSubscription(base);
  const given = own(toRecord(options, 'options'), 'commerce');
  const commerce = given === undefined ? commerceOf(b) : toEnum(given, COMMERCES, 'commerce');
  if (commerce === 'new-commerce') return allow('A1', 'CATALOG', null);
  if (b.status !== 'active') return refuse('A1', 'BASE_NOT_ACTIVE', null);
  return allow('A1', 'BASE_ACTIVE', b.autoRenew ? null : endOfDay(b.termEndDay));
}

/**
 * A1: the commerce a subscription's program belongs to.
 *
 * @example
 * ```ts
 * commerceOf({ ...input, program: 'traditional-saas' }); // 'traditional'
 * ```
 */
export function commerceOf(subscription: SubscriptionInput | Subscription): Commerce {
  return toSubscription(subscription).program === 'traditional-saas' ? 'traditional' : 'new-commerce';
}

/**
 * A2: an add-on bought at `purchasedAt` starts aligned with its base: its term ends on the
 * base's term end date, and the first invoice is prorated.
 *
 * @throws {@link CspRulesError} `INCONSISTENT` when the purchase is after the base's term end
 *
 * @example
 * ```ts
 * const a = alignedAddOnTerm(base, { ...addOnInput, purchasedAt: '2024-03-10T12:00:00Z' });
 * formatDay(a.endDay) === formatDay(toSubscription(base).termEndDay); // true
 * ```
 */
export function alignedAddOnTerm(base: SubscriptionInput | Subscription, addOn: SubscriptionInput): AlignedAddOnTerm {
  const b = toSubscription(base);
  const purchasedAt: Instant = toInstant(own(toRecord(addOn, 'addOn'), 'purchasedAt'), 'addOn.purchasedAt');
  const input: SubscriptionInput = {
    ...addOn,
    parentSubscriptionId: b.id,
    termEndDate: formatDay(b.termEndDay),
  };
  const sub = toSubscription(input); // validates: throws INCONSISTENT when the base's term ended before the purchase
  return { startDay: dayOf(purchasedAt), endDay: sub.termEndDay, prorated: true, input };
}

/**
 * P5 + P2: suspending a base suspends its active add-ons; each turns auto-renew off and loses
 * its scheduled changes, like any suspension.
 *
 * @example
 * ```ts
 * suspendAddOns(base, [addOn1, addOn2]).ids; // ['addon-1', 'addon-2']
 * ```
 */
export function suspendAddOns(
  base: SubscriptionInput | Subscription,
  addOns: readonly (SubscriptionInput | Subscription)[],
): SuspendedAddOns {
  if (!Array.isArray(addOns))
    throw new CspRulesError(
      'INVALID_TYPE',
      'addOns',
      `expected an array of subscriptions, got ${describe(addOns)}`,
      addOns,
    );
  const ids: string[] = [];
  const next: Subscription[] = [];
  for (let i = 0; i < addOns.length; i++) {
    const a = toSubscription(addOns[i] as SubscriptionInput | Subscription);
    if (!isAddOnOf(a, base) || a.status !== 'active') continue;
    if (a.id === null)
      throw new CspRulesError('MISSING_FIELD', `addOns[${i}].id`, 'an add-on needs an id to be reported (P5)');
    ids.push(a.id);
    next.push(withChanges(a, { status: 'suspended', autoRenew: false, scheduledChange: null }));
  }
  return { ids, next };
}
