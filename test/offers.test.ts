import { describe, expect, it } from 'vitest';
import {
  canSellSubscriptions,
  MAX_OTHER_RESELLERS,
  offerAvailability,
  resellerDeclaration,
} from '../src/decisions/offers.js';

describe('A4 offer availability from caller-supplied facts', () => {
  it('is available when nothing stands in the way', () => {
    expect(offerAvailability({})).toMatchObject({ allowed: true, rule: 'A4', reason: 'AVAILABLE', until: null });
  });
  it.each([
    [{ onePerCustomer: true, customerHasActive: true }, 'ONE_PER_CUSTOMER'],
    [{ customerHasSuspended: true }, 'REACTIVATE_SUSPENDED'],
    [{ countrySupported: false }, 'ISV_COUNTRY_NOT_SUPPORTED'],
    [{ availableInCsp: false }, 'ISV_NOT_IN_CSP'],
    [{ exclusiveToOthers: true }, 'ISV_EXCLUSIVE'],
    [{ transactable: false }, 'NOT_TRANSACTABLE'],
  ])('%o → %s', (facts, reason) => {
    expect(offerAvailability(facts)).toMatchObject({ allowed: false, rule: 'A4', reason, opensAt: null });
  });
  it('one per customer without an existing subscription is available', () => {
    expect(offerAvailability({ onePerCustomer: true }).allowed).toBe(true);
  });
  it('rejects a non-boolean or unknown fact with a typed error naming it', () => {
    expect(() => offerAvailability({ onePerCustomer: 'yes' as never })).toThrow(
      expect.objectContaining({ code: 'INVALID_TYPE', field: 'facts.onePerCustomer' }),
    );
    expect(() => offerAvailability({ onePercustomer: true } as never)).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_FIELD', field: 'facts.onePercustomer' }),
    );
  });
});

describe('A5 EU/EFTA reseller declaration', () => {
  const ok = (id: string) => ({ partnerId: id, signedMpa: true });
  it('accepts an initial reseller and up to five others; only the initial one gets incentives', () => {
    expect(MAX_OTHER_RESELLERS).toBe(5);
    expect(resellerDeclaration({ initial: ok('100'), others: ['1', '2', '3', '4', '5'].map(ok) })).toMatchObject({
      allowed: true,
      rule: 'A5',
      reason: 'ACCEPTED',
      incentivesFor: '100',
    });
  });
  it('refuses a sixth other reseller', () => {
    expect(resellerDeclaration({ initial: ok('100'), others: ['1', '2', '3', '4', '5', '6'].map(ok) })).toMatchObject({
      allowed: false,
      reason: 'TOO_MANY_RESELLERS',
    });
  });
  it('needs the initial reseller first', () => {
    expect(resellerDeclaration({ initial: null, others: [ok('1')] })).toMatchObject({
      allowed: false,
      reason: 'INITIAL_RESELLER_REQUIRED',
    });
  });
  it('refuses a reseller without a validated PartnerID / signed MPA and says which', () => {
    expect(
      resellerDeclaration({ initial: ok('100'), others: [ok('1'), { partnerId: '2', signedMpa: false }] }),
    ).toMatchObject({
      allowed: false,
      reason: 'RESELLER_NOT_VALIDATED',
      invalidIndex: 1,
    });
  });
  it('names a malformed reseller in a typed error', () => {
    expect(() => resellerDeclaration({ initial: ok('100'), others: [{ partnerId: '', signedMpa: true }] })).toThrow(
      expect.objectContaining({ code: 'INVALID_TYPE', field: 'others[0].partnerId' }),
    );
  });
});

describe('A6 only direct-bill partners and indirect providers sell subscriptions and buy add-ons', () => {
  it.each([
    ['direct-bill', true],
    ['indirect-provider', true],
    ['indirect-reseller', false],
  ] as const)('%s → %s', (model, allowed) => {
    expect(canSellSubscriptions(model)).toMatchObject({ allowed, rule: 'A6' });
  });
  it('an indirect reseller goes through its provider', () => {
    expect(canSellSubscriptions('indirect-reseller').reason).toBe('THROUGH_INDIRECT_PROVIDER');
    expect(() => canSellSubscriptions('reseller' as never)).toThrow(
      expect.objectContaining({ code: 'INVALID_ENUM', field: 'model' }),
    );
  });
});
