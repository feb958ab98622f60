import { describe, expect, it } from 'vitest';
import {
  DEFAULT_POLICY,
  definePolicy,
  readPolicy,
  type Policy,
  type PolicyOverrides,
  type ProgramOverrides,
} from '../src/policy/policy.js';
import { DEFAULT_PROGRAMS, type ProgramPolicy } from '../src/policy/programs.js';
import { caught } from './support/caught.js';

// src/policy/policy.ts: whole policies, and whole CspRulesErrors (code, field, message, received)
// for every way an override can be wrong. Expected values are written out from rules.md's defaults
// (R3 earliest, Q2 keep one seat, M1 inclusive, T6 anniversary, P7 lifecycle, S3 any-immediate, U5 equal).

const POLICY_KEY_LIST =
  'programs, unknownRenewalCompletion, keepOneSeat, daysUsed, renewalAnchor, suspendedAtTermEnd, scheduledChangeDeletion, destinationTerm';
const PROGRAM_KEY_LIST =
  'cancelRule, cancelWindowHours, cancelFrom, refund, fullRefundHours, afterWindow, seatReduction, seatWindowHours, seatIncrease';

/** C1 + C15 + Q1–Q4, as rules.md gives them for nce-license. */
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
  scheduledChangeDeletion: 'any-immediate',
  destinationTerm: 'equal',
} as const;

/** Every top-level setting at its other allowed value. */
const NON_DEFAULTS = {
  unknownRenewalCompletion: 'latest',
  keepOneSeat: false,
  daysUsed: 'exclusive',
  renewalAnchor: 'clamped',
  suspendedAtTermEnd: 'deleted',
  scheduledChangeDeletion: 'listed',
  destinationTerm: 'not-shorter',
} as const;

describe('DEFAULT_POLICY (R3 Q2 M1 T6 P7 S3 U5 defaults)', () => {
  it('is the whole rules.md default, frozen', () => {
    expect(DEFAULT_POLICY).toEqual({ programs: DEFAULT_PROGRAMS, ...DEFAULTS });
    expect(Object.isFrozen(DEFAULT_POLICY)).toBe(true);
  });
});

describe('definePolicy: every top-level setting, every allowed value', () => {
  it('R3 P7 S3 U5 M1 T6 Q2: the non-default value of every setting at once', () => {
    const p = definePolicy(NON_DEFAULTS);
    expect(p).toEqual({ programs: DEFAULT_PROGRAMS, ...NON_DEFAULTS });
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

describe('definePolicy: every program setting (C1 "except where required by law" overrides)', () => {
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
    ['fullRefundHours', (h) => ({ fullRefundHours: h }), (p) => p.fullRefundHours],
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

describe('readPolicy', () => {
  it('plain overrides are applied to the default, giving a new known policy', () => {
    const p = readPolicy({ destinationTerm: 'not-shorter' });
    expect(p).toEqual({ ...DEFAULT_POLICY, destinationTerm: 'not-shorter' });
    expect(readPolicy(p)).toBe(p);
    expect(readPolicy(DEFAULT_POLICY)).toBe(DEFAULT_POLICY);
  });

  it('a value that is not an object: INVALID_TYPE policy with the message', () => {
    expect(errorOf(() => readPolicy(7 as unknown as PolicyOverrides))).toEqual({
      code: 'INVALID_TYPE',
      field: 'policy',
      message: 'policy: expected an object, got 7',
      received: 7,
    });
  });
});
