import { describe, expect, it } from 'vitest';
import { CspRulesError, type ErrorCode } from '../src/core/errors.js';
import { DEFAULT_POLICY, definePolicy, readPolicy, type PolicyOverrides } from '../src/policy/policy.js';
import { DEFAULT_PROGRAMS, PROGRAMS } from '../src/policy/programs.js';

function expectError(fn: () => unknown, code: ErrorCode, field: string): void {
  let error: unknown;
  try {
    fn();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(CspRulesError);
  expect({ code: (error as CspRulesError).code, field: (error as CspRulesError).field }).toEqual({ code, field });
}

describe('DEFAULT_POLICY: the rules.md defaults', () => {
  it('R3/Q2/M1/T6 open choices default to earliest, keep one seat, inclusive days, anniversary', () => {
    expect(DEFAULT_POLICY.unknownRenewalCompletion).toBe('earliest');
    expect(DEFAULT_POLICY.keepOneSeat).toBe(true);
    expect(DEFAULT_POLICY.daysUsed).toBe('inclusive');
    expect(DEFAULT_POLICY.renewalAnchor).toBe('anniversary');
    expect(DEFAULT_POLICY.programs).toBe(DEFAULT_PROGRAMS);
    expect(Object.keys(DEFAULT_POLICY.programs).sort()).toEqual([...PROGRAMS].sort());
  });

  it('T3/C1/C15 nce-license: 168 h windows on every billing frequency, full refund for 24 h', () => {
    expect(DEFAULT_POLICY.programs['nce-license'].cancelWindowHours).toEqual({
      monthly: 168,
      annual: 168,
      triennial: 168,
    });
    expect(DEFAULT_POLICY.programs['nce-license'].fullRefundHours).toBe(24);
  });
});

describe('definePolicy', () => {
  it('overrides one billing frequency’s window and keeps the others', () => {
    const p = definePolicy({ programs: { 'nce-license': { cancelWindowHours: { annual: 14 * 24 } } } });
    expect(p.programs['nce-license'].cancelWindowHours).toEqual({ monthly: 168, annual: 336, triennial: 168 });
    expect(p.programs['nce-license'].fullRefundHours).toBe(24);
    expect(p.programs['nce-license'].cancelRule).toEqual({ monthly: 'C1', annual: 'C1', triennial: 'C1' });
    expect(p.programs['nce-software']).toBe(DEFAULT_PROGRAMS['nce-software']);
    expect(DEFAULT_POLICY.programs['nce-license'].cancelWindowHours.annual).toBe(168); // default untouched
  });

  it('overrides scalar options and program fields; 0 h switches the C15 tier off', () => {
    const p = definePolicy({
      programs: { 'nce-license': { fullRefundHours: 0 } },
      unknownRenewalCompletion: 'latest',
      keepOneSeat: false,
      daysUsed: 'exclusive',
      renewalAnchor: 'clamped',
    });
    expect(p.programs['nce-license'].fullRefundHours).toBe(0);
    expect(p).toMatchObject({
      unknownRenewalCompletion: 'latest',
      keepOneSeat: false,
      daysUsed: 'exclusive',
      renewalAnchor: 'clamped',
    });
  });

  it('layers on a base policy and returns frozen policies', () => {
    const a = definePolicy({ programs: { 'nce-license': { cancelWindowHours: { annual: 336 } } } });
    const b = definePolicy({ programs: { 'nce-license': { cancelWindowHours: { monthly: 48 } } } }, a);
    expect(b.programs['nce-license'].cancelWindowHours).toEqual({ monthly: 48, annual: 336, triennial: 168 });
    expect(Object.isFrozen(b)).toBe(true);
    expect(Object.isFrozen(b.programs)).toBe(true);
    expect(definePolicy({})).toEqual(DEFAULT_POLICY);
  });

  it('an unknown program is INVALID_ENUM policy.programs.<name>', () => {
    expectError(
      () => definePolicy({ programs: { x: {} } } as unknown as PolicyOverrides),
      'INVALID_ENUM',
      'policy.programs.x',
    );
  });

  it('__proto__ and constructor keys from JSON are unknown programs, never prototype pollution', () => {
    expectError(
      () => readPolicy(JSON.parse('{"programs":{"__proto__":{"polluted":true}}}')),
      'INVALID_ENUM',
      'policy.programs.__proto__',
    );
    expectError(
      () => readPolicy(JSON.parse('{"programs":{"constructor":{"prototype":{"polluted":true}}}}')),
      'INVALID_ENUM',
      'policy.programs.constructor',
    );
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it.each<[string, unknown, string]>([
    ['negative window', { cancelWindowHours: { annual: -1 } }, 'policy.programs.nce-license.cancelWindowHours.annual'],
    [
      'fractional window',
      { cancelWindowHours: { monthly: 167.5 } },
      'policy.programs.nce-license.cancelWindowHours.monthly',
    ],
    [
      'NaN window',
      { cancelWindowHours: { triennial: Number.NaN } },
      'policy.programs.nce-license.cancelWindowHours.triennial',
    ],
    [
      'Infinity window',
      { cancelWindowHours: { annual: Number.POSITIVE_INFINITY } },
      'policy.programs.nce-license.cancelWindowHours.annual',
    ],
    [
      'window as a string',
      { cancelWindowHours: { annual: '168' } },
      'policy.programs.nce-license.cancelWindowHours.annual',
    ],
    ['negative full-refund hours', { fullRefundHours: -24 }, 'policy.programs.nce-license.fullRefundHours'],
    ['fractional seat window', { seatWindowHours: 0.5 }, 'policy.programs.nce-license.seatWindowHours'],
  ])('%s → INVALID_QUANTITY naming the field', (_, patch, field) => {
    expectError(
      () => definePolicy({ programs: { 'nce-license': patch } } as PolicyOverrides),
      'INVALID_QUANTITY',
      field,
    );
  });

  it.each<[PolicyOverrides, ErrorCode, string]>([
    [{ unknownRenewalCompletion: 'middle' as 'earliest' }, 'INVALID_ENUM', 'policy.unknownRenewalCompletion'],
    [{ renewalAnchor: 'monthly' as 'clamped' }, 'INVALID_ENUM', 'policy.renewalAnchor'],
    [{ daysUsed: 'half' as 'inclusive' }, 'INVALID_ENUM', 'policy.daysUsed'],
    [{ keepOneSeat: 'yes' as unknown as boolean }, 'INVALID_TYPE', 'policy.keepOneSeat'],
    [{ programs: [] } as unknown as PolicyOverrides, 'INVALID_TYPE', 'policy.programs'],
    [
      { programs: { 'nce-license': null } } as unknown as PolicyOverrides,
      'INVALID_TYPE',
      'policy.programs.nce-license',
    ],
  ])('invalid option %j → %s %s', (overrides, code, field) => {
    expectError(() => definePolicy(overrides), code, field);
  });

  it('null or a non-object is INVALID_TYPE policy, never a bare TypeError', () => {
    expectError(() => definePolicy(null as unknown as PolicyOverrides), 'INVALID_TYPE', 'policy');
    expectError(() => definePolicy('strict' as unknown as PolicyOverrides), 'INVALID_TYPE', 'policy');
  });
});

describe('readPolicy', () => {
  it('absent → the default; a defined policy → itself; plain overrides → applied to the default', () => {
    expect(readPolicy(undefined)).toBe(DEFAULT_POLICY);
    const p = definePolicy({ keepOneSeat: false });
    expect(readPolicy(p)).toBe(p);
    const plain = readPolicy({
      programs: { 'traditional-saas': { cancelWindowHours: { monthly: 48 } } },
      renewalAnchor: 'clamped',
    });
    expect(plain.programs['traditional-saas'].cancelWindowHours).toEqual({ monthly: 48, annual: 336, triennial: 336 });
    expect(plain.renewalAnchor).toBe('clamped');
    expect(plain.keepOneSeat).toBe(true);
  });

  it('plain overrides from JSON are validated like definePolicy', () => {
    expectError(
      () => readPolicy(JSON.parse('{"programs":{"nce-license":{"fullRefundHours":-1}}}')),
      'INVALID_QUANTITY',
      'policy.programs.nce-license.fullRefundHours',
    );
  });

  it.each([null, 'default', 7, []])('%j → INVALID_TYPE policy', (value) => {
    expectError(() => readPolicy(value as unknown as PolicyOverrides), 'INVALID_TYPE', 'policy');
  });
});

describe('definePolicy checks every program setting (C1 "except where required by law" overrides stay valid)', () => {
  it.each([
    [{ refund: 'bogus' }, 'policy.programs.nce-license.refund', 'INVALID_ENUM'],
    [{ cancelWindowHour: 24 }, 'policy.programs.nce-license.cancelWindowHour', 'INVALID_ENUM'],
    [{ cancelWindowHours: { weekly: 24 } }, 'policy.programs.nce-license.cancelWindowHours.weekly', 'INVALID_ENUM'],
    [
      { cancelWindowHours: { annual: 1e306 } },
      'policy.programs.nce-license.cancelWindowHours.annual',
      'INVALID_QUANTITY',
    ],
    [{ cancelRule: { annual: 'Z9' } }, 'policy.programs.nce-license.cancelRule.annual', 'INVALID_ENUM'],
    [{ cancelFrom: 'renewal' }, 'policy.programs.nce-license.cancelFrom', 'INVALID_ENUM'],
    [{ seatWindowHours: -1 }, 'policy.programs.nce-license.seatWindowHours', 'INVALID_QUANTITY'],
  ])('%o → %s (%s)', (patch, field, code) => {
    expect(() => definePolicy({ programs: { 'nce-license': patch as never } })).toThrow(
      expect.objectContaining({ code, field }),
    );
  });

  it('keeps the settings not overridden', () => {
    const p = definePolicy({ programs: { 'nce-license': { refund: 'full' } } });
    expect(p.programs['nce-license']).toMatchObject({
      refund: 'full',
      fullRefundHours: 24,
      cancelWindowHours: { monthly: 168, annual: 168, triennial: 168 },
    });
  });
});

describe('definePolicy base (principle 5)', () => {
  it('accepts only a policy known to be valid as base: DEFAULT_POLICY or a definePolicy result', () => {
    const a = definePolicy({ keepOneSeat: false });
    expect(definePolicy({}, a).keepOneSeat).toBe(false);
    expect(definePolicy({}, DEFAULT_POLICY)).toEqual(DEFAULT_POLICY);
    for (const bad of [{ ...DEFAULT_POLICY }, {}, null, 5, 'strict']) {
      expectError(() => definePolicy({}, bad as never), 'INVALID_TYPE', 'base');
    }
  });
});
