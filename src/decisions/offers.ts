/**
 * "Can I buy this offer for this customer, and who may?" — A4, A5, A6 (Manage customer
 * subscriptions, "Create a new subscription", "Offers with unique constraints"), from facts the
 * caller supplies.
 */
import { allow, refuse, type Decision } from '../core/decision.js';
import { CspRulesError, describe } from '../core/errors.js';
import { own, toBoolean, toEnum, toRecord } from '../core/validate.js';

/** Why an offer can or can't be bought for a customer (A4). */
export type OfferAvailabilityReason =
  /** Nothing known stands in the way: the offer can be bought. */
  | 'AVAILABLE'
  /** The offer allows one subscription per customer and the customer has one. */
  | 'ONE_PER_CUSTOMER'
  /** The customer's subscription to it is suspended: reactivate it instead of buying (P3). */
  | 'REACTIVATE_SUSPENDED'
  /** ISV offers: the billing country or region is not supported. */
  | 'ISV_COUNTRY_NOT_SUPPORTED'
  /** ISV offers: not made available through CSP. */
  | 'ISV_NOT_IN_CSP'
  /** ISV offers: exclusive to other CSP partners. */
  | 'ISV_EXCLUSIVE'
  /** ISV offers: not transactable through Partner Center (containers, some usage-based offers). */
  | 'NOT_TRANSACTABLE';

/** What the caller knows about the offer and the customer (each defaults to the harmless value). */
export interface OfferFacts {
  /** The offer is limited to one subscription per customer (Partner Center price lists). */
  readonly onePerCustomer?: boolean;
  /** The customer already has an active subscription to it. */
  readonly customerHasActive?: boolean;
  /** The customer has a suspended subscription to it. */
  readonly customerHasSuspended?: boolean;
  /** ISV only: the ISV supports the customer's billing country or region (default true). */
  readonly countrySupported?: boolean;
  /** ISV only: the offer is available through CSP (default true). */
  readonly availableInCsp?: boolean;
  /** ISV only: the offer is exclusive and this partner is not among those it is offered to. */
  readonly exclusiveToOthers?: boolean;
  /** The offer is transactable through Partner Center (default true). */
  readonly transactable?: boolean;
}

const FACT_KEYS = [
  'onePerCustomer',
  'customerHasActive',
  'customerHasSuspended',
  'countrySupported',
  'availableInCsp',
  'exclusiveToOthers',
  'transactable',
];

/**
 * A4: whether an offer can be bought for a customer, from the facts the caller knows. A suspended
 * subscription to the same offer is reactivated, not bought again.
 *
 * @throws {@link CspRulesError} for a non-boolean fact or an unknown fact name
 *
 * @example
 * ```ts
 * checkOfferAvailability({ onePerCustomer: true, customerHasActive: true });
 * // { allowed: false, rule: 'A4', reason: 'ONE_PER_CUSTOMER', opensAt: null, … }
 * ```
 */
export function checkOfferAvailability(facts: OfferFacts): Decision<OfferAvailabilityReason> {
  const f = toRecord(facts, 'facts');
  for (const key of Object.keys(f)) {
    if (!FACT_KEYS.includes(key)) throw new CspRulesError('UNKNOWN_FIELD', ['facts', key], 'is not an offer fact', key);
  }
  const fact = (key: string, fallback: boolean): boolean => toBoolean(own(f, key), `facts.${key}`, fallback);
  if (fact('customerHasSuspended', false)) return refuse('A4', 'REACTIVATE_SUSPENDED', null);
  if (fact('onePerCustomer', false) && fact('customerHasActive', false)) return refuse('A4', 'ONE_PER_CUSTOMER', null);
  if (!fact('transactable', true)) return refuse('A4', 'NOT_TRANSACTABLE', null);
  if (!fact('availableInCsp', true)) return refuse('A4', 'ISV_NOT_IN_CSP', null);
  if (fact('exclusiveToOthers', false)) return refuse('A4', 'ISV_EXCLUSIVE', null);
  if (!fact('countrySupported', true)) return refuse('A4', 'ISV_COUNTRY_NOT_SUPPORTED', null);
  return allow('A4', 'AVAILABLE', null);
}

/** The partner's CSP role, which decides who can sell (A6). */
export type PartnerModel = 'direct-bill' | 'indirect-provider' | 'indirect-reseller';

/** Why a partner can or can't buy subscriptions and add-ons itself (A6). */
export type PartnerModelReason =
  /** A direct-bill partner or an indirect provider buys in Partner Center itself. */
  | 'ALLOWED'
  /** An indirect reseller buys through its indirect provider. */
  | 'THROUGH_INDIRECT_PROVIDER';

/**
 * A6: only direct-bill partners and indirect providers sell subscriptions and buy add-ons in
 * Partner Center; an indirect reseller goes through its indirect provider.
 *
 * @example
 * ```ts
 * canSellSubscriptions('indirect-reseller'); // { allowed: false, rule: 'A6', reason: 'THROUGH_INDIRECT_PROVIDER', … }
 * ```
 */
export function canSellSubscriptions(model: PartnerModel): Decision<PartnerModelReason> {
  const m = toEnum(model, ['direct-bill', 'indirect-provider', 'indirect-reseller'] as const, 'model');
  return m === 'indirect-reseller' ? refuse('A6', 'THROUGH_INDIRECT_PROVIDER', null) : allow('A6', 'ALLOWED', null);
}

/** One reseller named on an EU/EFTA transaction (A5). */
export interface DeclaredReseller {
  /** The reseller's Partner Center PartnerID. */
  readonly partnerId: string;
  /** The PartnerID was validated and the reseller signed the Microsoft Partner Agreement. */
  readonly signedMpa: boolean;
}

/** Why a reseller declaration is or isn't accepted (A5). */
export type ResellerDeclarationReason =
  /** The declaration is complete and every reseller is validated. */
  | 'ACCEPTED'
  /** An initial reseller must be chosen before any other. */
  | 'INITIAL_RESELLER_REQUIRED'
  /** At most five other resellers. */
  | 'TOO_MANY_RESELLERS'
  /** A reseller without a valid PartnerID that signed the MPA. */
  | 'RESELLER_NOT_VALIDATED';

/** Extra facts of {@link checkResellerDeclaration}. */
export interface ResellerDeclarationFacts {
  /** Only the initial reseller is entitled to incentives and offers; the others get none. */
  readonly incentivesFor: string | null;
  /** Index in `others` of the first reseller that failed validation, or `null`. */
  readonly invalidIndex: number | null;
}

/** At most five other resellers on one transaction (A5). */
export const MAX_OTHER_RESELLERS = 5;

/**
 * A5: the EU/EFTA reseller declaration on a transaction — an initial reseller first, then at
 * most five others; every one validated (PartnerID, signed MPA); incentives only for the initial one.
 *
 * @throws {@link CspRulesError} for a malformed reseller (path `others[i].partnerId` …)
 *
 * @example
 * ```ts
 * checkResellerDeclaration({ initial: { partnerId: '1234567', signedMpa: true }, others: [] });
 * // { allowed: true, rule: 'A5', reason: 'ACCEPTED', incentivesFor: '1234567', invalidIndex: null, … }
 * ```
 */
export function checkResellerDeclaration(declaration: {
  readonly initial: DeclaredReseller | null;
  readonly others: readonly DeclaredReseller[];
}): Decision<ResellerDeclarationReason> & ResellerDeclarationFacts {
  const d = toRecord(declaration, 'declaration');
  const rawOthers = own(d, 'others') ?? [];
  if (!Array.isArray(rawOthers))
    throw new CspRulesError('INVALID_TYPE', 'others', `expected an array, got ${describe(rawOthers)}`, rawOthers);
  const others: DeclaredReseller[] = [];
  // A for loop, not map: a hole in a sparse array is read (and refused) like any other element.
  for (let i = 0; i < rawOthers.length; i++) others.push(readReseller(rawOthers[i], `others[${i}]`));
  const rawInitial = own(d, 'initial');
  const initial = rawInitial === undefined || rawInitial === null ? null : readReseller(rawInitial, 'initial');
  const none: ResellerDeclarationFacts = { incentivesFor: null, invalidIndex: null };
  if (initial === null) return Object.assign(refuse('A5', 'INITIAL_RESELLER_REQUIRED', null), none);
  if (!initial.signedMpa) return Object.assign(refuse('A5', 'RESELLER_NOT_VALIDATED', null), none);
  if (others.length > MAX_OTHER_RESELLERS) return Object.assign(refuse('A5', 'TOO_MANY_RESELLERS', null), none);
  const bad = others.findIndex((r) => !r.signedMpa);
  if (bad >= 0)
    return Object.assign(refuse('A5', 'RESELLER_NOT_VALIDATED', null), { incentivesFor: null, invalidIndex: bad });
  return Object.assign(allow('A5', 'ACCEPTED', null), { incentivesFor: initial.partnerId, invalidIndex: null });
}

function readReseller(value: unknown, path: string): DeclaredReseller {
  const r = toRecord(value, path);
  const partnerId = own(r, 'partnerId');
  if (typeof partnerId !== 'string' || partnerId.trim() === '') {
    throw new CspRulesError(
      'INVALID_TYPE',
      `${path}.partnerId`,
      `expected a PartnerID, got ${describe(partnerId)}`,
      partnerId,
    );
  }
  return { partnerId, signedMpa: toBoolean(own(r, 'signedMpa'), `${path}.signedMpa`, false) };
}
