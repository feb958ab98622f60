import { describe, expect, it } from 'vitest';
import {
  canSellSubscriptions,
  MAX_OTHER_RESELLERS,
  checkOfferAvailability,
  checkResellerDeclaration,
} from '../../src/decisions/offers.js';
import { caught } from '../support/caught.js';

/**
 * A4, A5, A6 decisions asserted whole (issue 7.5): every field of each decision and every field of
 * each thrown CspRulesError, worked out by hand from rules.md. These questions have no instant and
 * no change of the timeline touches them: they name the baseline version, 2023-10-19.
 */

const refusedA4 = (reason: string) => ({
  allowed: false,
  rule: 'A4',
  policyVersion: '2023-10-19',
  reason,
  opensAt: null,
  assumptions: [],
  warnings: [],
});
const AVAILABLE = {
  allowed: true,
  rule: 'A4',
  policyVersion: '2023-10-19',
  reason: 'AVAILABLE',
  until: null,
  assumptions: [],
  warnings: [],
};

describe('A4 offer availability from caller-supplied facts', () => {
  it('is available when nothing stands in the way', () => {
    expect(checkOfferAvailability({})).toMatchObject({ allowed: true, rule: 'A4', reason: 'AVAILABLE', until: null });
  });
  it.each([
    [{ onePerCustomer: true, customerHasActive: true }, 'ONE_PER_CUSTOMER'],
    [{ customerHasSuspended: true }, 'REACTIVATE_SUSPENDED'],
    [{ countrySupported: false }, 'ISV_COUNTRY_NOT_SUPPORTED'],
    [{ availableInCsp: false }, 'ISV_NOT_IN_CSP'],
    [{ exclusiveToOthers: true }, 'ISV_EXCLUSIVE'],
    [{ transactable: false }, 'NOT_TRANSACTABLE'],
  ])('%o → %s', (facts, reason) => {
    expect(checkOfferAvailability(facts)).toMatchObject({ allowed: false, rule: 'A4', reason, opensAt: null });
  });
  it('one per customer without an existing subscription is available', () => {
    expect(checkOfferAvailability({ onePerCustomer: true }).allowed).toBe(true);
  });
  it('rejects a non-boolean or unknown fact with a typed error naming it', () => {
    expect(() => checkOfferAvailability({ onePerCustomer: 'yes' as never })).toThrow(
      expect.objectContaining({ code: 'INVALID_TYPE', field: 'facts.onePerCustomer' }),
    );
    expect(() => checkOfferAvailability({ onePercustomer: true } as never)).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_FIELD', field: 'facts.onePercustomer' }),
    );
  });

  it('A4: every documented fact at its harmless value is accepted (no unknown-field error) → AVAILABLE', () => {
    expect(
      checkOfferAvailability({
        onePerCustomer: false,
        customerHasActive: false,
        customerHasSuspended: false,
        countrySupported: true,
        availableInCsp: true,
        exclusiveToOthers: false,
        transactable: true,
      }),
    ).toEqual(AVAILABLE);
  });

  it.each([
    ['onePerCustomer', true],
    ['customerHasActive', true],
  ] as const)('A4: %s alone (without the other half of one-per-customer) stays AVAILABLE', (key, value) => {
    // One per customer refuses only when the offer is limited AND the customer already has one.
    expect(checkOfferAvailability({ [key]: value })).toEqual(AVAILABLE);
  });

  it.each([
    [{ onePerCustomer: true, customerHasActive: true }, 'ONE_PER_CUSTOMER'],
    [{ customerHasSuspended: true }, 'REACTIVATE_SUSPENDED'],
    [{ countrySupported: false }, 'ISV_COUNTRY_NOT_SUPPORTED'],
    [{ availableInCsp: false }, 'ISV_NOT_IN_CSP'],
    [{ exclusiveToOthers: true }, 'ISV_EXCLUSIVE'],
    [{ transactable: false }, 'NOT_TRANSACTABLE'],
  ])('A4: %o → refused %s, opensAt null, no warnings', (facts, reason) => {
    expect(checkOfferAvailability(facts)).toEqual(refusedA4(reason));
  });

  it('A4: a suspended subscription is reactivated, whatever else is true (it is checked first)', () => {
    expect(
      checkOfferAvailability({
        customerHasSuspended: true,
        onePerCustomer: true,
        customerHasActive: true,
        transactable: false,
        countrySupported: false,
      }),
    ).toEqual(refusedA4('REACTIVATE_SUSPENDED'));
  });

  it('A4: an unknown fact → UNKNOWN_FIELD with its path, message and the key as received', () => {
    const e = caught(() => checkOfferAvailability({ onePercustomer: true } as never));
    expect([e.code, e.field, e.message, e.received]).toEqual([
      'UNKNOWN_FIELD',
      'facts.onePercustomer',
      'facts.onePercustomer: is not an offer fact',
      'onePercustomer',
    ]);
  });

  it('A4: a non-boolean fact → INVALID_TYPE naming it', () => {
    const e = caught(() => checkOfferAvailability({ transactable: 'no' } as never));
    expect([e.code, e.field, e.message, e.received]).toEqual([
      'INVALID_TYPE',
      'facts.transactable',
      'facts.transactable: expected true or false, got "no"',
      'no',
    ]);
  });
});

describe('A5 EU/EFTA reseller declaration', () => {
  const ok = (id: string) => ({ partnerId: id, signedMpa: true });
  it('accepts an initial reseller and up to five others; only the initial one gets incentives', () => {
    expect(MAX_OTHER_RESELLERS).toBe(5);
    expect(checkResellerDeclaration({ initial: ok('100'), others: ['1', '2', '3', '4', '5'].map(ok) })).toMatchObject({
      allowed: true,
      rule: 'A5',
      reason: 'ACCEPTED',
      incentivesFor: '100',
    });
  });
  it('refuses a sixth other reseller', () => {
    expect(
      checkResellerDeclaration({ initial: ok('100'), others: ['1', '2', '3', '4', '5', '6'].map(ok) }),
    ).toMatchObject({
      allowed: false,
      reason: 'TOO_MANY_RESELLERS',
    });
  });
  it('needs the initial reseller first', () => {
    expect(checkResellerDeclaration({ initial: null, others: [ok('1')] })).toMatchObject({
      allowed: false,
      reason: 'INITIAL_RESELLER_REQUIRED',
    });
  });
  it('refuses a reseller without a validated PartnerID / signed MPA and says which', () => {
    expect(
      checkResellerDeclaration({ initial: ok('100'), others: [ok('1'), { partnerId: '2', signedMpa: false }] }),
    ).toMatchObject({
      allowed: false,
      reason: 'RESELLER_NOT_VALIDATED',
      invalidIndex: 1,
    });
  });
  it('names a malformed reseller in a typed error', () => {
    expect(() =>
      checkResellerDeclaration({ initial: ok('100'), others: [{ partnerId: '', signedMpa: true }] }),
    ).toThrow(expect.objectContaining({ code: 'INVALID_TYPE', field: 'others[0].partnerId' }));
  });

  const refusedA5 = (reason: string, invalidIndex: number | null = null) => ({
    allowed: false,
    rule: 'A5',
    policyVersion: '2023-10-19',
    reason,
    opensAt: null,
    assumptions: [],
    warnings: [],
    incentivesFor: null,
    invalidIndex,
  });

  const accepted = (incentivesFor: string) => ({
    allowed: true,
    rule: 'A5',
    policyVersion: '2023-10-19',
    reason: 'ACCEPTED',
    until: null,
    assumptions: [],
    warnings: [],
    incentivesFor,
    invalidIndex: null,
  });

  it('A5: an initial reseller and exactly five others (the maximum) → ACCEPTED, incentives for the initial one only', () => {
    expect(checkResellerDeclaration({ initial: ok('100'), others: ['1', '2', '3', '4', '5'].map(ok) })).toEqual(
      accepted('100'),
    );
  });

  it('A5: the others list may be left out: no other reseller → ACCEPTED', () => {
    expect(checkResellerDeclaration({ initial: ok('100') } as never)).toEqual(accepted('100'));
  });

  it('A5: six others → TOO_MANY_RESELLERS, no incentives', () => {
    expect(checkResellerDeclaration({ initial: ok('100'), others: ['1', '2', '3', '4', '5', '6'].map(ok) })).toEqual(
      refusedA5('TOO_MANY_RESELLERS'),
    );
  });

  it('A5: too many others is reported before an unvalidated other', () => {
    const others = [{ partnerId: '1', signedMpa: false }, ...['2', '3', '4', '5', '6'].map(ok)];
    expect(checkResellerDeclaration({ initial: ok('100'), others })).toEqual(refusedA5('TOO_MANY_RESELLERS'));
  });

  it.each([null, undefined])('A5: initial %s → INITIAL_RESELLER_REQUIRED', (initial) => {
    expect(checkResellerDeclaration({ initial: initial as never, others: [ok('1')] })).toEqual(
      refusedA5('INITIAL_RESELLER_REQUIRED'),
    );
  });

  it('A5: a missing initial reseller is reported before too many others', () => {
    expect(checkResellerDeclaration({ initial: null, others: ['1', '2', '3', '4', '5', '6'].map(ok) })).toEqual(
      refusedA5('INITIAL_RESELLER_REQUIRED'),
    );
  });

  it('A5: an initial reseller that did not sign the MPA → RESELLER_NOT_VALIDATED with no index (it is not one of the others)', () => {
    expect(checkResellerDeclaration({ initial: { partnerId: '100', signedMpa: false }, others: [] })).toEqual(
      refusedA5('RESELLER_NOT_VALIDATED'),
    );
    // Checked before the count of others.
    expect(
      checkResellerDeclaration({
        initial: { partnerId: '100', signedMpa: false },
        others: ['1', '2', '3', '4', '5', '6'].map(ok),
      }),
    ).toEqual(refusedA5('RESELLER_NOT_VALIDATED'));
  });

  it('A5: signedMpa left out counts as not signed', () => {
    expect(checkResellerDeclaration({ initial: { partnerId: '100' } as never, others: [] })).toEqual(
      refusedA5('RESELLER_NOT_VALIDATED'),
    );
    expect(checkResellerDeclaration({ initial: ok('100'), others: [{ partnerId: '1' } as never] })).toEqual(
      refusedA5('RESELLER_NOT_VALIDATED', 0),
    );
  });

  it('A5: the first unvalidated other is named by its index, including index 0', () => {
    expect(
      checkResellerDeclaration({ initial: ok('100'), others: [{ partnerId: '1', signedMpa: false }, ok('2')] }),
    ).toEqual(refusedA5('RESELLER_NOT_VALIDATED', 0));
    expect(
      checkResellerDeclaration({
        initial: ok('100'),
        others: [ok('1'), ok('2'), { partnerId: '3', signedMpa: false }, { partnerId: '4', signedMpa: false }],
      }),
    ).toEqual(refusedA5('RESELLER_NOT_VALIDATED', 2));
  });

  it('A5: others that is not an array → INVALID_TYPE on others', () => {
    const e = caught(() => checkResellerDeclaration({ initial: ok('100'), others: 'x' as never }));
    expect([e.code, e.field, e.message, e.received]).toEqual([
      'INVALID_TYPE',
      'others',
      'others: expected an array, got "x"',
      'x',
    ]);
  });

  it('A5: a hole in a sparse others array is read and refused as a missing object', () => {
    // eslint-disable-next-line no-sparse-arrays
    const e = caught(() => checkResellerDeclaration({ initial: ok('100'), others: [, ok('2')] as never }));
    expect([e.code, e.field, e.message]).toEqual([
      'INVALID_TYPE',
      'others[0]',
      'others[0]: expected an object, got undefined',
    ]);
  });

  it.each([
    ['', '""'],
    ['   ', '"   "'],
    [42, '42'],
  ])('A5: an initial partnerId %j → INVALID_TYPE on initial.partnerId', (partnerId, shown) => {
    const e = caught(() => checkResellerDeclaration({ initial: { partnerId, signedMpa: true } as never, others: [] }));
    expect([e.code, e.field, e.message, e.received]).toEqual([
      'INVALID_TYPE',
      'initial.partnerId',
      `initial.partnerId: expected a PartnerID, got ${shown}`,
      partnerId,
    ]);
  });

  it('A5: a malformed other names its index; a non-boolean signedMpa names its path', () => {
    const e = caught(() =>
      checkResellerDeclaration({ initial: ok('100'), others: [ok('1'), { partnerId: ' ', signedMpa: true }] }),
    );
    expect([e.code, e.field, e.message]).toEqual([
      'INVALID_TYPE',
      'others[1].partnerId',
      'others[1].partnerId: expected a PartnerID, got " "',
    ]);
    const f = caught(() =>
      checkResellerDeclaration({ initial: ok('100'), others: [{ partnerId: '1', signedMpa: 'yes' } as never] }),
    );
    expect([f.code, f.field, f.message]).toEqual([
      'INVALID_TYPE',
      'others[0].signedMpa',
      'others[0].signedMpa: expected true or false, got "yes"',
    ]);
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

  it.each(['direct-bill', 'indirect-provider'] as const)('A6: %s → ALLOWED, open-ended', (model) => {
    expect(canSellSubscriptions(model)).toEqual({
      allowed: true,
      rule: 'A6',
      policyVersion: '2023-10-19',
      reason: 'ALLOWED',
      until: null,
      assumptions: [],
      warnings: [],
    });
  });

  it('A6: indirect-reseller → THROUGH_INDIRECT_PROVIDER', () => {
    expect(canSellSubscriptions('indirect-reseller')).toEqual({
      allowed: false,
      rule: 'A6',
      policyVersion: '2023-10-19',
      reason: 'THROUGH_INDIRECT_PROVIDER',
      opensAt: null,
      assumptions: [],
      warnings: [],
    });
  });

  it('A6: an unknown model → INVALID_ENUM listing the three models', () => {
    const e = caught(() => canSellSubscriptions('reseller' as never));
    expect([e.code, e.field, e.message, e.received]).toEqual([
      'INVALID_ENUM',
      'model',
      'model: expected one of direct-bill, indirect-provider, indirect-reseller, got "reseller"',
      'reseller',
    ]);
  });
});
