import { describe, expect, it } from 'vitest';
import { deepFreeze } from '../../src/core/deepFreeze.js';
import * as api from '../support/publicApi.js';

/** Paths of every object or array inside `value` (itself included) that is not frozen. */
function unfrozen(value: unknown, path: string, seen = new Set<object>()): string[] {
  if (typeof value !== 'object' || value === null || seen.has(value)) return [];
  seen.add(value);
  const own = Object.isFrozen(value) ? [] : [path];
  return [
    ...own,
    ...Object.keys(value).flatMap((k) => unfrozen((value as Record<string, unknown>)[k], `${path}.${k}`, seen)),
  ];
}

describe('deepFreeze', () => {
  it('freezes nested objects and arrays and returns the same value; leaves primitives alone', () => {
    const table = { rows: [{ accepted: ['annual'] }], n: 1 };
    expect(deepFreeze(table)).toBe(table);
    expect(unfrozen(table, 'table')).toEqual([]);
    expect(deepFreeze(5)).toBe(5);
    expect(deepFreeze(null)).toBeNull();
  });
});

describe('B2 B3 U2 P1 rule tables and policies can not be changed by a caller', () => {
  it('every object exported by an entry point is frozen all the way down', () => {
    const tables = Object.entries(api).filter(([, v]) => typeof v === 'object' && v !== null);
    // The tables this guards (a frozen list with writable rows was the bug): each one is checked.
    expect(tables.map(([k]) => k)).toEqual(
      expect.arrayContaining([
        'TERM_CHANGES',
        'BILLING_FREQUENCY_CHANGES',
        'UNSUPPORTED_UPGRADES',
        'DEFAULT_POLICY',
        'STATUS_FACTS',
        'TERM_MONTHS',
        'RENEWAL_ANCHORS',
      ]),
    );
    expect(tables.flatMap(([k, v]) => unfrozen(v, k))).toEqual([]);
  });

  it('C1 writing to a default table throws in strict mode, and the decision is unchanged', () => {
    expect(() => {
      (api.DEFAULT_POLICY.programs['nce-license'].cancelWindowHours as Record<string, number>)['annual'] = 10_000;
    }).toThrow(TypeError);
    expect(() => {
      (api.TERM_CHANGES[5]!.accepted as unknown[]).length = 0;
    }).toThrow(TypeError);
    expect(api.DEFAULT_POLICY.programs['nce-license'].cancelWindowHours.annual).toBe(168);
  });

  it('C1 a policy from definePolicy is frozen all the way down, overridden windows included', () => {
    const policy = api.definePolicy({
      programs: { 'nce-license': { cancelWindowHours: { annual: 14 * 24 }, cancelRule: { annual: 'C1' } } },
    });
    expect(unfrozen(policy, 'policy')).toEqual([]);
  });
});
