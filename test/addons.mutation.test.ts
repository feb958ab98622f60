/**
 * Add-ons: whole decisions and the errors of suspendAddOns with code, field and message
 * (issue 7.5). Expected values are worked out by hand from rules.md (A1, P5).
 */
import { describe, expect, it } from 'vitest';
import { canBuyAddOn, isAddOnOf, suspendAddOns } from '../src/lifecycle/addons.js';
import type { SubscriptionInput } from '../src/snapshot/subscription.js';
import { caught } from './support/caught.js';

const base: SubscriptionInput = {
  id: 'base-1',
  program: 'nce-license',
  term: 'P1Y',
  billing: 'monthly',
  quantity: 20,
  purchasedAt: '2024-01-15T09:30:00Z', // term ends 2025-01-14
};
const addOn: SubscriptionInput = {
  id: 'a1',
  program: 'nce-license',
  term: 'P1Y',
  billing: 'monthly',
  quantity: 5,
  purchasedAt: '2024-03-10T12:00:00Z',
  termEndDate: '2025-01-14',
  parentSubscriptionId: 'base-1',
};

describe('A1 whole decisions', () => {
  it('A1: new commerce answers CATALOG under A1, with no deadline', () => {
    expect(canBuyAddOn(base)).toEqual({
      allowed: true,
      rule: 'A1',
      reason: 'CATALOG',
      until: null,
      assumptions: [],
      warnings: [],
    });
  });
});

describe('P5 which subscriptions are add-ons of a base', () => {
  it('P5: a base without an id has no add-ons, not even subscriptions without a parent', () => {
    const { id: _baseId, ...anonymousBase } = base;
    const { parentSubscriptionId: _parent, ...standalone } = addOn;
    expect([_baseId, _parent]).toEqual(['base-1', 'base-1']);
    expect(isAddOnOf(standalone, anonymousBase)).toBe(false);
    expect(suspendAddOns(anonymousBase, [standalone])).toEqual({ ids: [], next: [] });
  });
});

describe('P5 suspendAddOns errors: code, field, message', () => {
  it('P5: add-ons that are not an array are INVALID_TYPE, the message says what was received', () => {
    const e = caught(() => suspendAddOns(base, 'a1' as never));
    expect([e.code, e.field, e.message, e.received]).toEqual([
      'INVALID_TYPE',
      'addOns',
      'addOns: expected an array of subscriptions, got "a1"',
      'a1',
    ]);
  });

  it('P5: an active add-on of the base without an id is MISSING_FIELD at its index', () => {
    const { id: _id, ...noId } = addOn;
    expect(_id).toBe('a1');
    const e = caught(() => suspendAddOns(base, [{ ...addOn, parentSubscriptionId: 'base-2' }, noId]));
    expect([e.code, e.field, e.message]).toEqual([
      'MISSING_FIELD',
      'addOns[1].id',
      'addOns[1].id: an add-on needs an id to be reported (P5)',
    ]);
  });
});
