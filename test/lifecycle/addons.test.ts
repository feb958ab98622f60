/**
 * Add-ons (A1, A2, P5): whole decisions and the errors of suspendAddOns with code, field and
 * message. Expected values are worked out by hand from rules.md.
 */
import { describe, expect, it } from 'vitest';
import { alignedAddOnTerm, canBuyAddOn, commerceOf, isAddOnOf, suspendAddOns } from '../../src/lifecycle/addons.js';
import { CspRulesError } from '../../src/core/errors.js';
import { transition } from '../../src/lifecycle/machine/transition.js';
import { type SubscriptionInput, toSubscription } from '../../src/snapshot/subscription.js';
import { formatDay } from '../../src/time/day.js';
import { caught } from '../support/caught.js';

const base: SubscriptionInput = {
  id: 'base-1',
  program: 'nce-license',
  term: 'P1Y',
  billing: 'monthly',
  quantity: 20,
  purchasedAt: '2024-01-15T09:30:00Z', // term ends 2025-01-14
  scheduledChange: { quantity: 18 },
};
const addOn = (id: string, extra: Partial<SubscriptionInput> = {}): SubscriptionInput => ({
  id,
  program: 'nce-license',
  term: 'P1Y',
  billing: 'monthly',
  quantity: 5,
  purchasedAt: '2024-03-10T12:00:00Z',
  termEndDate: '2025-01-14',
  parentSubscriptionId: 'base-1',
  ...extra,
});

/** The base without a scheduled change, and one add-on of it. */
const plainBase: SubscriptionInput = {
  id: 'base-1',
  program: 'nce-license',
  term: 'P1Y',
  billing: 'monthly',
  quantity: 20,
  purchasedAt: '2024-01-15T09:30:00Z', // term ends 2025-01-14
};
const oneAddOn: SubscriptionInput = {
  id: 'a1',
  program: 'nce-license',
  term: 'P1Y',
  billing: 'monthly',
  quantity: 5,
  purchasedAt: '2024-03-10T12:00:00Z',
  termEndDate: '2025-01-14',
  parentSubscriptionId: 'base-1',
};

describe('A1 traditional commerce: an add-on needs an active base; new commerce sells through the catalog', () => {
  it('traditional: active base allowed until its term end when not renewing, suspended base refused', () => {
    const trad = { ...base, program: 'traditional-saas' as const };
    expect(commerceOf(toSubscription(trad))).toBe('traditional');
    expect(canBuyAddOn(trad)).toEqual({
      allowed: true,
      rule: 'A1',
      policyVersion: '2023-10-19',
      reason: 'BASE_ACTIVE',
      until: null,
      assumptions: [],
      warnings: [],
    });
    expect(canBuyAddOn({ ...trad, autoRenew: false })).toMatchObject({
      allowed: true,
      until: Date.parse('2025-01-15T00:00:00Z'),
    });
    expect(canBuyAddOn({ ...trad, status: 'suspended' })).toEqual({
      allowed: false,
      rule: 'A1',
      policyVersion: '2023-10-19',
      reason: 'BASE_NOT_ACTIVE',
      opensAt: null,
      assumptions: [],
      warnings: [],
    });
  });

  it('new commerce: through the catalog, whatever the base', () => {
    expect(canBuyAddOn({ ...base, status: 'suspended' })).toMatchObject({ allowed: true, reason: 'CATALOG' });
    expect(canBuyAddOn({ ...base, status: 'suspended' }, { commerce: 'traditional' }).reason).toBe('BASE_NOT_ACTIVE');
    expect(() => canBuyAddOn(base, { commerce: 'legacy' as never })).toThrow(CspRulesError);
  });

  it('reactivating a traditional add-on needs its base active', () => {
    const tradBase = {
      ...base,
      program: 'traditional-saas' as const,
      status: 'suspended' as const,
      scheduledChange: null,
    };
    const suspended = addOn('a1', { program: 'traditional-saas', status: 'suspended' });
    const r = transition(suspended, { type: 'reactivate' }, { now: '2024-06-01T00:00:00Z', base: tradBase });
    expect(r).toMatchObject({ ok: false, refusal: { rule: 'A1', reason: 'BASE_NOT_ACTIVE' } });
    const ok = transition(
      suspended,
      { type: 'reactivate' },
      { now: '2024-06-01T00:00:00Z', base: { ...tradBase, status: 'active' } },
    );
    expect(ok.ok).toBe(true);
  });

  it('A1: new commerce answers CATALOG under A1, with no deadline', () => {
    expect(canBuyAddOn(plainBase)).toEqual({
      allowed: true,
      rule: 'A1',
      policyVersion: '2023-10-19',
      reason: 'CATALOG',
      until: null,
      assumptions: [],
      warnings: [],
    });
  });
});

describe('A2 add-on start dates align to the base; the first invoice is prorated', () => {
  it('the add-on starts at its purchase and ends on the base’s term end date', () => {
    const a = alignedAddOnTerm(base, {
      program: 'nce-license',
      term: 'P1Y',
      billing: 'monthly',
      quantity: 3,
      purchasedAt: '2024-03-10T12:00:00Z',
    });
    expect(formatDay(a.startDay)).toBe('2024-03-10');
    expect(formatDay(a.endDay)).toBe('2025-01-14');
    expect(a.prorated).toBe(true);
    expect(a.input).toMatchObject({ parentSubscriptionId: 'base-1', termEndDate: '2025-01-14' });
    expect(isAddOnOf(a.input, base)).toBe(true);
  });

  it('after the base’s term an add-on can’t be aligned to it (inconsistent)', () => {
    expect(() =>
      alignedAddOnTerm(base, {
        program: 'nce-license',
        term: 'P1Y',
        billing: 'monthly',
        quantity: 3,
        purchasedAt: '2025-01-15T00:00:00Z',
      }),
    ).toThrowError(/termEndDate/);
  });
});

describe('P5 suspending a base suspends its add-ons', () => {
  it('suspendAddOns: only active add-ons of this base, each with auto-renew off and no scheduled change (P2)', () => {
    const r = suspendAddOns(base, [
      addOn('a1', { scheduledChange: { quantity: 2 } }),
      addOn('a2', { status: 'suspended' }),
      addOn('other', { parentSubscriptionId: 'base-2' }),
      addOn('a3'),
    ]);
    expect(r.ids).toEqual(['a1', 'a3']);
    expect(r.next.map((s) => [s.id, s.status, s.autoRenew, s.scheduledChange])).toEqual([
      ['a1', 'suspended', false, null],
      ['a3', 'suspended', false, null],
    ]);
  });

  it('transition(suspend) reports ADD_ONS_SUSPENDED with the ids and returns their next snapshots', () => {
    const r = transition(
      base,
      { type: 'suspend' },
      { now: '2024-06-01T00:00:00Z', addOns: [addOn('a1'), addOn('x', { parentSubscriptionId: 'zzz' })] },
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.effects).toContainEqual({ type: 'ADD_ONS_SUSPENDED', rule: 'P5', ids: ['a1'] });
    expect(r.addOns?.map((s) => [s.id, s.status])).toEqual([['a1', 'suspended']]);
  });

  it('an add-on without an id can’t be reported: typed error', () => {
    const { id: _unused, ...noId } = addOn('a1');
    expect(_unused).toBe('a1');
    expect(() => suspendAddOns(base, [noId])).toThrowError(/addOns\[0\]\.id/);
  });

  it('P5: a base without an id has no add-ons, not even subscriptions without a parent', () => {
    const { id: _baseId, ...anonymousBase } = plainBase;
    const { parentSubscriptionId: _parent, ...standalone } = oneAddOn;
    expect([_baseId, _parent]).toEqual(['base-1', 'base-1']);
    expect(isAddOnOf(standalone, anonymousBase)).toBe(false);
    expect(suspendAddOns(anonymousBase, [standalone])).toEqual({ ids: [], next: [] });
  });

  it('P5: add-ons that are not an array are INVALID_TYPE, the message says what was received', () => {
    const e = caught(() => suspendAddOns(plainBase, 'a1' as never));
    expect([e.code, e.field, e.message, e.received]).toEqual([
      'INVALID_TYPE',
      'addOns',
      'addOns: expected an array of subscriptions, got "a1"',
      'a1',
    ]);
  });

  it('P5: an active add-on of the base without an id is MISSING_FIELD at its index', () => {
    const { id: _id, ...noId } = oneAddOn;
    expect(_id).toBe('a1');
    const e = caught(() => suspendAddOns(plainBase, [{ ...oneAddOn, parentSubscriptionId: 'base-2' }, noId]));
    expect([e.code, e.field, e.message]).toEqual([
      'MISSING_FIELD',
      'addOns[1].id',
      'addOns[1].id: an add-on needs an id to be reported (P5)',
    ]);
  });
});
