// src/policy/policy.ts: the rules.md defaults, every setting and every program setting, and whole
// CspRulesErrors (code, field, message, received) for every way an override can be wrong. Expected
// values are written out from rules.md's defaults (R3 earliest, Q2 keep one seat, M1 inclusive,
// T6 anniversary, P7 lifecycle, P8 disabled, S3 any-immediate, U5 equal) and docs/policy.md's
// timeline options (no asOf, nothing ignored; the timeline itself is RULE_CHANGE_TIMELINE's data).
import { describe, expect, it } from 'vitest';
import { CspRulesError, type ErrorCode } from '../../src/core/errors.js';
import {
  DEFAULT_POLICY,
  definePolicy,
  readPolicy,
  type Policy,
  type PolicyOverrides,
  type ProgramOverrides,
} from '../../src/policy/policy.js';
import { RULE_CHANGE_TIMELINE } from '../../src/policy/timeline.js';
import { DEFAULT_PROGRAMS, PROGRAMS, type ProgramPolicy } from '../../src/policy/programs.js';
import { caught } from '../support/caught.js';

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

const POLICY_KEY_LIST =
  'programs, unknownRenewalCompletion, keepOneSeat, daysUsed, renewalAnchor, suspendedAtTermEnd, cancelledAtTermEnd, scheduledChangeDeletion, destinationTerm, asOf, ignoredChanges';
const PROGRAM_KEY_LIST =
  'cancelRule, cancelWindowHours, cancelFrom, refund, fullRefundHours, afterWindow, seatReduction, seatWindowHours, seatIncrease, planTables';

/** C1 + C15 + Q1–Q4 + B2/B3, as rules.md gives them for nce-license. */
const NCE_LICENSE: ProgramPolicy = {
  cancelRule: { monthly: 'C1', annual: 'C1', triennial: 'C1' },
  cancelWindowHours: { monthly: 168, annual: 168, triennial: 168 },
  cancelFrom: 'term-start',
  refund: 'prorated',
  fullRefundHours: 24,
  afterWindow: 'refused',
  seatReduction: 'batch-window',
  seatWindowHours: 168,
  seatIncrease: 'any-time',
  // B2, B3: MCS's plan tables are written for new-commerce license-based subscriptions.
  planTables: true,
};

const nceLicense = (overrides: ProgramOverrides): ProgramPolicy =>
  definePolicy({ programs: { 'nce-license': overrides } }).programs['nce-license'];

function errorOf(fn: () => unknown): { code: string; field: string; message: string; received: unknown } {
  const e = caught(fn);
  return { code: e.code, field: e.field, message: e.message, received: e.received };
}

/** Every top-level setting at the value rules.md gives it (written out, not read from src). */
const DEFAULTS = {
  unknownRenewalCompletion: 'earliest',
  keepOneSeat: true,
  daysUsed: 'inclusive',
  renewalAnchor: 'anniversary',
  suspendedAtTermEnd: 'lifecycle',
  cancelledAtTermEnd: 'disabled',
  scheduledChangeDeletion: 'any-immediate',
  destinationTerm: 'equal',
  asOf: null,
  ignoredChanges: [],
} as const;

/** Every top-level setting at its other allowed value. */
const NON_DEFAULTS = {
  unknownRenewalCompletion: 'latest',
  keepOneSeat: false,
  daysUsed: 'exclusive',
  renewalAnchor: 'clamped',
  suspendedAtTermEnd: 'deleted',
  cancelledAtTermEnd: 'deleted',
  scheduledChangeDeletion: 'listed',
  destinationTerm: 'not-shorter',
  // Epoch ms: what definePolicy keeps for any instant it reads.
  asOf: Date.parse('2024-06-30T23:59:59.999Z'),
  ignoredChanges: ['triennial-billing-locked'],
} as const;

/** The policy's timeline is not an override: every policy carries RULE_CHANGE_TIMELINE. */
const TIMELINE = { timeline: RULE_CHANGE_TIMELINE };

describe('DEFAULT_POLICY: the rules.md defaults (R3 Q2 M1 T6 P7 S3 U5)', () => {
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

  it('is the whole rules.md default, frozen', () => {
    expect(DEFAULT_POLICY).toEqual({ programs: DEFAULT_PROGRAMS, ...DEFAULTS, ...TIMELINE });
    expect(DEFAULT_POLICY.timeline).toBe(RULE_CHANGE_TIMELINE);
    expect(Object.isFrozen(DEFAULT_POLICY)).toBe(true);
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
      () => definePolicy(JSON.parse('{"programs":{"__proto__":{"polluted":true}}}')),
      'INVALID_ENUM',
      'policy.programs.__proto__',
    );
    expectError(
      () => definePolicy(JSON.parse('{"programs":{"constructor":{"prototype":{"polluted":true}}}}')),
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

  it('R3 P7 P8 S3 U5 M1 T6 Q2: the non-default value of every setting at once', () => {
    const p = definePolicy(NON_DEFAULTS);
    expect(p).toEqual({ programs: DEFAULT_PROGRAMS, ...NON_DEFAULTS, ...TIMELINE });
    expect(Object.isFrozen(p)).toBe(true);
  });

  it('the default value of every setting given explicitly is accepted', () => {
    const p = definePolicy({ ...DEFAULTS, programs: {} });
    expect(p).toEqual(DEFAULT_POLICY);
  });

  it('settings not given come from the base, not from the defaults', () => {
    const base = definePolicy({ ...NON_DEFAULTS, programs: { 'nce-saas': { refund: 'none' } } });
    const p = definePolicy({ programs: { 'nce-license': { refund: 'full' } } }, base);
    expect(p).toEqual({
      programs: {
        ...DEFAULT_PROGRAMS,
        'nce-saas': { ...DEFAULT_PROGRAMS['nce-saas'], refund: 'none' },
        'nce-license': { ...NCE_LICENSE, refund: 'full' },
      },
      ...NON_DEFAULTS,
      ...TIMELINE,
    });
    // and a definePolicy result is itself a valid base and a valid readPolicy value
    expect(readPolicy(p)).toBe(p);
    expect(definePolicy({}, p)).toEqual(p);
  });

  it.each<[keyof PolicyOverrides, string, string]>([
    ['unknownRenewalCompletion', 'middle', 'earliest, latest'],
    ['daysUsed', 'half', 'inclusive, exclusive'],
    ['renewalAnchor', 'monthly', 'anniversary, clamped'],
    ['suspendedAtTermEnd', 'kept', 'lifecycle, deleted'],
    ['cancelledAtTermEnd', 'kept', 'disabled, deleted'],
    ['scheduledChangeDeletion', 'none', 'any-immediate, listed'],
    ['destinationTerm', 'longer', 'equal, not-shorter'],
  ])('%s %j → INVALID_ENUM listing %s', (key, value, allowed) => {
    expect(errorOf(() => definePolicy({ [key]: value } as PolicyOverrides))).toEqual({
      code: 'INVALID_ENUM',
      field: `policy.${key}`,
      message: `policy.${key}: expected one of ${allowed}, got "${value}"`,
      received: value,
    });
  });

  it('keepOneSeat must be a boolean', () => {
    expect(errorOf(() => definePolicy({ keepOneSeat: 'yes' as unknown as boolean }))).toEqual({
      code: 'INVALID_TYPE',
      field: 'policy.keepOneSeat',
      message: 'policy.keepOneSeat: expected true or false, got "yes"',
      received: 'yes',
    });
  });

  it('an unknown setting names every known one', () => {
    expect(errorOf(() => definePolicy({ keepOneseat: false } as unknown as PolicyOverrides))).toEqual({
      code: 'INVALID_ENUM',
      field: 'policy.keepOneseat',
      message: `policy.keepOneseat: unknown setting; expected one of ${POLICY_KEY_LIST}`,
      received: 'keepOneseat',
    });
  });

  it('an unknown program is named, with its key as received', () => {
    expect(errorOf(() => definePolicy({ programs: { 'nce-License': {} } } as unknown as PolicyOverrides))).toEqual({
      code: 'INVALID_ENUM',
      field: 'policy.programs.nce-License',
      message: 'policy.programs.nce-License: unknown program "nce-License"',
      received: 'nce-License',
    });
  });

  it('programs that is not an object is INVALID_TYPE policy.programs', () => {
    expect(errorOf(() => definePolicy({ programs: 'all' } as unknown as PolicyOverrides))).toEqual({
      code: 'INVALID_TYPE',
      field: 'policy.programs',
      message: 'policy.programs: expected an object, got "all"',
      received: 'all',
    });
  });

  it('a base that is not a known policy is INVALID_TYPE base, with the value received', () => {
    const copy = { ...DEFAULT_POLICY };
    expect(errorOf(() => definePolicy({}, copy))).toEqual({
      code: 'INVALID_TYPE',
      field: 'base',
      message: 'base: expected a policy from definePolicy or DEFAULT_POLICY, got an object',
      received: copy,
    });
    expect(errorOf(() => definePolicy({}, 'strict' as unknown as Policy)).message).toBe(
      'base: expected a policy from definePolicy or DEFAULT_POLICY, got "strict"',
    );
  });

  it('overrides that are not an object: INVALID_TYPE policy with the message', () => {
    expect(errorOf(() => definePolicy(null as unknown as PolicyOverrides))).toEqual({
      code: 'INVALID_TYPE',
      field: 'policy',
      message: 'policy: expected an object, got null',
      received: null,
    });
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

  it('every program setting overridden at once gives exactly that program, frozen; others untouched', () => {
    const p = definePolicy({
      programs: {
        'nce-license': {
          cancelRule: { monthly: 'C4', annual: 'C5', triennial: 'C13' },
          cancelWindowHours: { monthly: 24, annual: 336, triennial: 720 },
          cancelFrom: 'purchase',
          refund: 'none',
          fullRefundHours: 48,
          afterWindow: 'at-renewal',
          seatReduction: 'never',
          seatWindowHours: 72,
          seatIncrease: 'new-subscription',
          planTables: false,
        },
      },
    });
    expect(p.programs).toEqual({
      ...DEFAULT_PROGRAMS,
      'nce-license': {
        cancelRule: { monthly: 'C4', annual: 'C5', triennial: 'C13' },
        cancelWindowHours: { monthly: 24, annual: 336, triennial: 720 },
        cancelFrom: 'purchase',
        refund: 'none',
        fullRefundHours: 48,
        afterWindow: 'at-renewal',
        seatReduction: 'never',
        seatWindowHours: 72,
        seatIncrease: 'new-subscription',
        planTables: false,
      },
    });
    expect(Object.isFrozen(p.programs)).toBe(true);
    expect(Object.isFrozen(p.programs['nce-license'])).toBe(true);
    expect(p.programs['nce-saas']).toBe(DEFAULT_PROGRAMS['nce-saas']);
  });

  it('an empty program patch keeps every setting', () => {
    expect(nceLicense({})).toEqual(NCE_LICENSE);
    expect(nceLicense({ cancelRule: {}, cancelWindowHours: {} })).toEqual(NCE_LICENSE);
  });

  it('C1: one billing frequency’s rule overridden, the others kept', () => {
    expect(nceLicense({ cancelRule: { triennial: 'C5' } })).toEqual({
      ...NCE_LICENSE,
      cancelRule: { monthly: 'C1', annual: 'C1', triennial: 'C5' },
    });
  });

  it.each<[ProgramOverrides, Partial<ProgramPolicy>]>([
    [{ cancelFrom: 'term-start' }, { cancelFrom: 'term-start' }],
    [{ cancelFrom: 'purchase' }, { cancelFrom: 'purchase' }],
    [{ refund: 'full' }, { refund: 'full' }],
    [{ refund: 'prorated' }, { refund: 'prorated' }],
    [{ refund: 'none' }, { refund: 'none' }],
    [{ afterWindow: 'refused' }, { afterWindow: 'refused' }],
    [{ afterWindow: 'at-renewal' }, { afterWindow: 'at-renewal' }],
    [{ seatReduction: 'batch-window' }, { seatReduction: 'batch-window' }],
    [{ seatReduction: 'never' }, { seatReduction: 'never' }],
    [{ seatIncrease: 'any-time' }, { seatIncrease: 'any-time' }],
    [{ seatIncrease: 'new-subscription' }, { seatIncrease: 'new-subscription' }],
    [{ planTables: false }, { planTables: false }],
    [{ planTables: true }, { planTables: true }],
  ])('%j is accepted', (patch, expected) => {
    expect(nceLicense(patch)).toEqual({ ...NCE_LICENSE, ...expected });
  });

  it.each<[string, string, string]>([
    ['cancelFrom', 'renewal', 'term-start, purchase'],
    ['refund', 'partial', 'full, prorated, none'],
    ['afterWindow', 'never', 'refused, at-renewal'],
    ['seatReduction', 'any-time', 'batch-window, never'],
    ['seatIncrease', 'never', 'any-time, new-subscription'],
  ])('%s %j → INVALID_ENUM listing %s', (key, value, allowed) => {
    expect(errorOf(() => nceLicense({ [key]: value } as ProgramOverrides))).toEqual({
      code: 'INVALID_ENUM',
      field: `policy.programs.nce-license.${key}`,
      message: `policy.programs.nce-license.${key}: expected one of ${allowed}, got "${value}"`,
      received: value,
    });
  });

  // B2, B3 (catalogue): "The table is MCS's for new-commerce license-based subscriptions; the
  // sources give none for the other programs, whose billing changes are refused NO_PLAN_TABLE".
  it('B2 B3: the plan tables apply by default to nce-license only', () => {
    expect(Object.fromEntries(Object.entries(DEFAULT_PROGRAMS).map(([program, p]) => [program, p.planTables]))).toEqual(
      {
        'nce-license': true,
        'nce-software': false,
        'nce-perpetual': false,
        'nce-saas': false,
        'traditional-saas': false,
        'bss-software': false,
        softwareone: false,
      },
    );
    expect(definePolicy({ programs: { 'nce-saas': { planTables: true } } }).programs['nce-saas'].planTables).toBe(true);
  });

  it('B2 B3: planTables must be true or false', () => {
    expect(errorOf(() => nceLicense({ planTables: 'yes' } as unknown as ProgramOverrides))).toEqual({
      code: 'INVALID_TYPE',
      field: 'policy.programs.nce-license.planTables',
      message: 'policy.programs.nce-license.planTables: expected true or false, got "yes"',
      received: 'yes',
    });
  });

  it('an unknown program setting names every known one', () => {
    expect(errorOf(() => nceLicense({ cancelWindow: 24 } as unknown as ProgramOverrides))).toEqual({
      code: 'INVALID_ENUM',
      field: 'policy.programs.nce-license.cancelWindow',
      message: `policy.programs.nce-license.cancelWindow: unknown setting; expected one of ${PROGRAM_KEY_LIST}`,
      received: 'cancelWindow',
    });
  });

  it('an unknown billing frequency names the known ones', () => {
    expect(errorOf(() => nceLicense({ cancelWindowHours: { weekly: 24 } } as unknown as ProgramOverrides))).toEqual({
      code: 'INVALID_ENUM',
      field: 'policy.programs.nce-license.cancelWindowHours.weekly',
      message:
        'policy.programs.nce-license.cancelWindowHours.weekly: expected one of monthly, annual, triennial, got "weekly"',
      received: 'weekly',
    });
    expect(errorOf(() => nceLicense({ cancelRule: { weekly: 'C1' } } as unknown as ProgramOverrides)).field).toBe(
      'policy.programs.nce-license.cancelRule.weekly',
    );
  });

  it('per-billing settings that are not objects are INVALID_TYPE', () => {
    expect(errorOf(() => nceLicense({ cancelWindowHours: 168 } as unknown as ProgramOverrides))).toEqual({
      code: 'INVALID_TYPE',
      field: 'policy.programs.nce-license.cancelWindowHours',
      message: 'policy.programs.nce-license.cancelWindowHours: expected an object, got 168',
      received: 168,
    });
    expect(errorOf(() => nceLicense({ cancelRule: 'C1' } as unknown as ProgramOverrides))).toEqual({
      code: 'INVALID_TYPE',
      field: 'policy.programs.nce-license.cancelRule',
      message: 'policy.programs.nce-license.cancelRule: expected an object, got "C1"',
      received: 'C1',
    });
  });

  it('a cancel rule must be a rule ID of rules.md', () => {
    const e = errorOf(() => nceLicense({ cancelRule: { annual: 'Z9' } } as unknown as ProgramOverrides));
    expect({ code: e.code, field: e.field, received: e.received }).toEqual({
      code: 'INVALID_ENUM',
      field: 'policy.programs.nce-license.cancelRule.annual',
      received: 'Z9',
    });
    expect(
      e.message.startsWith(
        'policy.programs.nce-license.cancelRule.annual: expected one of T1, T2, T3, T4, T5, T6, C1, ',
      ),
    ).toBe(true);
    expect(e.message.endsWith(', M1, M2, got "Z9"')).toBe(true);
  });

  it('a program patch that is not an object is INVALID_TYPE at its path', () => {
    expect(errorOf(() => definePolicy({ programs: { softwareone: [] } } as unknown as PolicyOverrides))).toEqual({
      code: 'INVALID_TYPE',
      field: 'policy.programs.softwareone',
      message: 'policy.programs.softwareone: expected an object, got an array',
      received: [],
    });
  });
});

describe('definePolicy: hours are whole, from 0 to 100 years (876 600 h)', () => {
  // 100 years × 8 766 h (365.25 d × 24 h) = 876 600 h.
  it.each<[string, (h: number) => ProgramOverrides, (p: ProgramPolicy) => number]>([
    // C15: the tier lies inside the window, so the window is made 876 600 h long too.
    [
      'fullRefundHours',
      (h) => ({ fullRefundHours: h, cancelWindowHours: { annual: 876_600 } }),
      (p) => p.fullRefundHours,
    ],
    ['seatWindowHours', (h) => ({ seatWindowHours: h }), (p) => p.seatWindowHours],
    ['cancelWindowHours.annual', (h) => ({ cancelWindowHours: { annual: h } }), (p) => p.cancelWindowHours.annual],
  ])('%s: 0 and 876 600 accepted; -1, 876 601, 0.5 and "24" refused with the bounds', (field, patch, read) => {
    expect(read(nceLicense(patch(0)))).toBe(0);
    expect(read(nceLicense(patch(876_600)))).toBe(876_600);
    for (const [bad, shown] of [
      [-1, '-1'],
      [876_601, '876601'],
      [0.5, '0.5'],
      ['24', '"24"'],
    ] as const) {
      expect(errorOf(() => nceLicense(patch(bad as number)))).toEqual({
        code: 'INVALID_QUANTITY',
        field: `policy.programs.nce-license.${field}`,
        message: `policy.programs.nce-license.${field}: expected whole hours from 0 to 876600, got ${shown}`,
        received: bad,
      });
    }
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

describe('readPolicy', () => {
  it('absent → the default; a defined policy → itself; plain overrides → INVALID_TYPE policy (definePolicy applies them)', () => {
    expect(readPolicy(undefined)).toBe(DEFAULT_POLICY);
    const p = definePolicy({ keepOneSeat: false });
    expect(readPolicy(p)).toBe(p);
    const overrides: PolicyOverrides = {
      programs: { 'traditional-saas': { cancelWindowHours: { monthly: 48 } } },
      renewalAnchor: 'clamped',
    };
    expectError(() => readPolicy(overrides), 'INVALID_TYPE', 'policy');
    const defined = readPolicy(definePolicy(overrides));
    expect(defined.programs['traditional-saas'].cancelWindowHours).toEqual({
      monthly: 48,
      annual: 336,
      triennial: 336,
    });
    expect(defined.renewalAnchor).toBe('clamped');
    expect(defined.keepOneSeat).toBe(true);
  });

  it('plain overrides from JSON are no policy; definePolicy validates them', () => {
    const json = JSON.parse('{"programs":{"nce-license":{"fullRefundHours":-1}}}');
    expectError(() => readPolicy(json), 'INVALID_TYPE', 'policy');
    expectError(() => definePolicy(json), 'INVALID_QUANTITY', 'policy.programs.nce-license.fullRefundHours');
  });

  it.each([null, 'default', 7, []])('%j → INVALID_TYPE policy', (value) => {
    expectError(() => readPolicy(value as unknown as PolicyOverrides), 'INVALID_TYPE', 'policy');
  });

  it('definePolicy applies overrides to the default, giving a new known policy that readPolicy takes as is', () => {
    expectError(() => readPolicy({ destinationTerm: 'not-shorter' }), 'INVALID_TYPE', 'policy');
    // A copy of a known policy is not one (it was not made by definePolicy).
    expectError(() => readPolicy({ ...DEFAULT_POLICY }), 'INVALID_TYPE', 'policy');
    const p = definePolicy({ destinationTerm: 'not-shorter' });
    expect(p).toEqual({ ...DEFAULT_POLICY, destinationTerm: 'not-shorter' });
    expect(readPolicy(p)).toBe(p);
    expect(readPolicy(DEFAULT_POLICY)).toBe(DEFAULT_POLICY);
  });

  it('a value that is not a policy: INVALID_TYPE policy with the message', () => {
    expect(errorOf(() => readPolicy(7 as unknown as PolicyOverrides))).toEqual({
      code: 'INVALID_TYPE',
      field: 'policy',
      message:
        'policy: expected a policy from definePolicy (or DEFAULT_POLICY), got 7: build it once with definePolicy(overrides)',
      received: 7,
    });
    const plain = { keepOneSeat: false };
    expect(errorOf(() => readPolicy(plain))).toEqual({
      code: 'INVALID_TYPE',
      field: 'policy',
      message:
        'policy: expected a policy from definePolicy (or DEFAULT_POLICY), got an object: build it once with definePolicy(overrides)',
      received: plain,
    });
  });
});
