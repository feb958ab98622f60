import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_OFFERED_TERMS,
  eligibleTermChanges,
  TERM_CHANGES,
  type TermChangeRow,
} from '../../src/decisions/termChanges.js';
import type { Status, SubscriptionInput } from '../../src/snapshot/subscription.js';
import type { BillingFrequency, Term } from '../../src/time/term.js';
import { definePolicy, DEFAULT_POLICY } from '../../src/policy/policy.js';
import { caught } from '../support/caught.js';
import { nceAnnual as base } from '../support/subscriptions.js';

const sub = (over: Partial<SubscriptionInput> = {}): SubscriptionInput => ({ ...base, ...over });
const ALL: Term[] = ['P1M', 'P1Y', 'P3Y'];
// Inside every term of the base bought 2024-01-15 (the P1M one ends 2024-02-14).
const now = '2024-02-10T12:00:00Z';
const plans = (list: readonly { term: Term; billing: BillingFrequency }[]) => list.map((o) => `${o.term}/${o.billing}`);

// 002 "Change billing frequency along with billing term and other fields (immediate change)" — copied.
const SOURCE_B3: readonly [string, string, string, string][] = [
  ['Triennial', 'Monthly', 'None', 'None'],
  ['Triennial', 'Triennial (Upfront)', 'None', 'None'],
  ['Triennial', 'Annual', 'None', 'None'],
  [
    'Annual',
    'Annual (Upfront)',
    'Yes (Annual to Triennial)',
    'Yes (Triennial term with Monthly, Triennial, or Annual billing plan)',
  ],
  [
    'Annual',
    'Monthly',
    'Yes (Annual to Triennial)',
    'Yes (Triennial term with Monthly, Triennial, or Annual billing plan)',
  ],
  [
    'Monthly',
    'Monthly (Upfront)',
    'Yes (Monthly to Annual, or Monthly to Triennial)',
    'Yes (Annual term with Monthly or Annual billing plan), or (Triennial term with Monthly, Triennial or Annual billing plan)',
  ],
];
const TERM_NAME: Record<Term, string> = { P1M: 'Monthly', P1Y: 'Annual', P3Y: 'Triennial' };

// P1M, 3 seats: term 2024-01-15 … 2024-02-14; asked on 2024-01-20.
const p1m: SubscriptionInput = {
  program: 'nce-license',
  term: 'P1M',
  billing: 'monthly',
  quantity: 3,
  purchasedAt: '2024-01-15T09:30:00Z', // P1M: term 2024-01-15 … 2024-02-14
};
const p1mSub = (over: Partial<SubscriptionInput> = {}): SubscriptionInput => ({ ...p1m, ...over });
const p1mNow = '2024-01-20T00:00:00Z';
const P1M_NOW = Date.parse(p1mNow);

describe('B3 term-change table (002 "Change billing frequency along with billing term")', () => {
  it('TERM_CHANGES is the source table, row for row, cell for cell', () => {
    expect(TERM_CHANGES).toHaveLength(SOURCE_B3.length);
    TERM_CHANGES.forEach((row, i) => {
      const [term, billing, termCell, billingCell] = SOURCE_B3[i]!;
      expect(TERM_NAME[row.term]).toBe(term);
      expect(billing.toLowerCase().startsWith(row.billing)).toBe(true);
      expect(row.termCell).toBe(termCell);
      expect(row.billingCell).toBe(billingCell);
    });
    const triennialAny = { term: 'P3Y', billing: ['monthly', 'triennial', 'annual'] };
    expect(TERM_CHANGES.map((r) => r.accepted)).toEqual([
      [],
      [],
      [],
      [triennialAny],
      [triennialAny],
      [{ term: 'P1Y', billing: ['monthly', 'annual'] }, triennialAny],
    ]);
  });

  it.each([
    ['P3Y', 'monthly', [], ['P1M/monthly', 'P1Y/monthly', 'P1Y/annual']],
    ['P3Y', 'triennial', [], ['P1M/monthly', 'P1Y/monthly', 'P1Y/annual']],
    ['P3Y', 'annual', [], ['P1M/monthly', 'P1Y/monthly', 'P1Y/annual']],
    ['P1Y', 'annual', ['P3Y/monthly', 'P3Y/annual', 'P3Y/triennial'], ['P1M/monthly']],
    ['P1Y', 'monthly', ['P3Y/monthly', 'P3Y/annual', 'P3Y/triennial'], ['P1M/monthly']],
    ['P1M', 'monthly', ['P1Y/monthly', 'P1Y/annual', 'P3Y/monthly', 'P3Y/annual', 'P3Y/triennial'], []],
  ] as const)(
    '%s billed %s (all terms offered): allowed %j; shorter terms refused',
    (term, billing, allowed, shorter) => {
      const r = eligibleTermChanges(sub({ term, billing }), { now, offeredTerms: ALL });
      expect(plans(r.allowed)).toEqual(allowed);
      expect(plans(r.refused)).toEqual(shorter);
      for (const o of r.refused)
        expect(o).toMatchObject({ rule: 'B3', reason: 'TERM_NOT_LONGER', opensAt: null, effectiveAt: null });
      for (const o of r.allowed) {
        expect(o).toMatchObject({
          rule: 'B3',
          policyVersion: '2023-10-19',
          reason: 'IMMEDIATE',
          effective: 'immediate',
          effectiveAt: Date.parse(now),
          until: null,
        });
      }
    },
  );

  it('until is the term end (exclusive) when auto-renew is off: 2025-01-15T00:00Z for a term ending 2025-01-14', () => {
    const r = eligibleTermChanges(sub({ autoRenew: false }), { now, offeredTerms: ALL });
    expect(r.allowed[0]).toMatchObject({ until: Date.parse('2025-01-15T00:00:00Z') });
  });

  it('no allowed change shortens (or keeps) the term, and each allowed plan bills at most once per term (property)', () => {
    fc.assert(
      fc.property(arbPlan, fc.subarray(ALL), arbStatus, fc.boolean(), (plan, offered, status, trial) => {
        const r = eligibleTermChanges(sub({ ...plan, status, trial }), { now, offeredTerms: offered });
        for (const o of r.allowed) {
          expect(MONTHS[o.term]).toBeGreaterThan(MONTHS[plan.term]);
          expect(MONTHS[o.billing]).toBeLessThanOrEqual(MONTHS[o.term]);
          expect(offered).toContain(o.term);
        }
        if (status !== 'active' || trial) expect(r.allowed).toEqual([]);
      }),
    );
  });

  it('B3 B4: P1M with a promotion, auto-renew off, all terms offered: five allowed, until the term end 2024-02-15T00:00Z', () => {
    // Term end day 2024-02-14 → exclusive end 00:00Z the next day.
    const until = Date.parse('2024-02-15T00:00:00Z');
    const ok = (term: string, billing: string) => ({
      allowed: true,
      rule: 'B3',
      policyVersion: '2023-10-19',
      reason: 'IMMEDIATE',
      until,
      assumptions: [],
      warnings: ['PROMOTION_MAY_BE_LOST'],
      term,
      billing,
      effective: 'immediate',
      effectiveAt: P1M_NOW,
    });
    expect(
      eligibleTermChanges(p1mSub({ promotionId: 'P-1', autoRenew: false }), {
        now: p1mNow,
        offeredTerms: ['P3Y', 'P1Y'],
      }),
    ).toEqual({
      allowed: [
        ok('P1Y', 'monthly'),
        ok('P1Y', 'annual'),
        ok('P3Y', 'monthly'),
        ok('P3Y', 'annual'),
        ok('P3Y', 'triennial'),
      ],
      refused: [],
    });
  });

  it("B3: every row accepts every longer term in every billing B1 allows, so CHANGE_NOT_ACCEPTED is never reached with 002's table", () => {
    // Worked out from 002's table: from P1M every plan of P1Y and P3Y; from P1Y every P3Y plan; P3Y has nothing longer.
    const longer: Record<string, readonly string[]> = {
      P1M: ['P1Y/monthly', 'P1Y/annual', 'P3Y/monthly', 'P3Y/triennial', 'P3Y/annual'],
      P1Y: ['P3Y/monthly', 'P3Y/triennial', 'P3Y/annual'],
      P3Y: [],
    };
    for (const row of TERM_CHANGES) {
      const accepted = row.accepted.flatMap((a) => a.billing.map((b) => `${a.term}/${b}`));
      expect([...accepted].sort(), `${row.term}/${row.billing}`).toEqual([...longer[row.term]!].sort());
    }
  });

  it('B3: the table can not be narrowed by a caller (frozen rows and cells)', () => {
    expect(() => {
      (TERM_CHANGES[5] as { accepted: TermChangeRow['accepted'] }).accepted = [];
    }).toThrow(TypeError);
  });
});

describe('B1 Triennial only where the catalog offers it', () => {
  // B1 (MCS "Switch billing plans"): Triennial "may not be supported" for a product: the catalog says,
  // and without it the library assumes (catalogue B3: "Monthly and Annual are assumed offered and
  // every option carries OFFERED_TERMS_ASSUMED") — never a refusal presented as the catalog's fact.
  it('default offeredTerms omit Triennial: P3Y targets refused TERM_NOT_OFFERED with the assumption OFFERED_TERMS_ASSUMED', () => {
    expect(DEFAULT_OFFERED_TERMS).toEqual(['P1M', 'P1Y']);
    const r = eligibleTermChanges(sub(), { now });
    expect(r.allowed).toEqual([]);
    expect(r.refused.map((o) => [o.term, o.billing, o.rule, o.reason, o.assumptions, o.warnings])).toEqual([
      // B3: a shorter term is refused whatever the catalog offers: nothing assumed.
      ['P1M', 'monthly', 'B3', 'TERM_NOT_LONGER', [], []],
      ['P3Y', 'monthly', 'B1', 'TERM_NOT_OFFERED', ['OFFERED_TERMS_ASSUMED'], []],
      ['P3Y', 'annual', 'B1', 'TERM_NOT_OFFERED', ['OFFERED_TERMS_ASSUMED'], []],
      ['P3Y', 'triennial', 'B1', 'TERM_NOT_OFFERED', ['OFFERED_TERMS_ASSUMED'], []],
    ]);
  });

  it('B1 B3: the allowed targets depend on the assumed catalog too', () => {
    const r = eligibleTermChanges(sub({ term: 'P1M' }), { now });
    expect(r.allowed.map((o) => [o.term, o.billing, o.reason, o.assumptions])).toEqual([
      ['P1Y', 'monthly', 'IMMEDIATE', ['OFFERED_TERMS_ASSUMED']],
      ['P1Y', 'annual', 'IMMEDIATE', ['OFFERED_TERMS_ASSUMED']],
    ]);
  });

  it("offeredTerms given without Triennial: refused as the catalog's fact, nothing assumed; with it: allowed", () => {
    const monthly = sub({ term: 'P1M' });
    const r = eligibleTermChanges(monthly, { now, offeredTerms: ['P1M', 'P1Y'] });
    expect(plans(r.allowed)).toEqual(['P1Y/monthly', 'P1Y/annual']);
    expect(r.allowed.map((o) => o.assumptions)).toEqual([[], []]);
    expect(r.refused.map((o) => [o.reason, o.assumptions, o.warnings])).toEqual([
      ['TERM_NOT_OFFERED', [], []],
      ['TERM_NOT_OFFERED', [], []],
      ['TERM_NOT_OFFERED', [], []],
    ]);
    expect(plans(eligibleTermChanges(monthly, { now, offeredTerms: ['P3Y'] }).allowed)).toEqual([
      'P3Y/monthly',
      'P3Y/annual',
      'P3Y/triennial',
    ]);
  });

  it('offeredTerms is validated per element', () => {
    expect(() => eligibleTermChanges(sub(), { now, offeredTerms: ['P1Y', 'P2Y' as Term] })).toThrow(
      expect.objectContaining({ code: 'INVALID_ENUM', field: 'offeredTerms[1]' }),
    );
    expect(() => eligibleTermChanges(sub(), { now, offeredTerms: 'P3Y' as never })).toThrow(
      expect.objectContaining({ code: 'INVALID_TYPE', field: 'offeredTerms' }),
    );
  });

  it('B1 B3: P1Y monthly, default offered terms: one shorter term, three P3Y not offered (assumed), nothing allowed', () => {
    const no = (term: string, billing: string, rule: string, reason: string, assumptions: string[]) => ({
      allowed: false,
      rule,
      policyVersion: '2023-10-19',
      reason,
      opensAt: null,
      assumptions,
      warnings: [],
      term,
      billing,
      effective: 'immediate',
      effectiveAt: null,
    });
    expect(eligibleTermChanges(p1mSub({ term: 'P1Y' }), { now: p1mNow })).toEqual({
      allowed: [],
      refused: [
        no('P1M', 'monthly', 'B3', 'TERM_NOT_LONGER', []),
        no('P3Y', 'monthly', 'B1', 'TERM_NOT_OFFERED', ['OFFERED_TERMS_ASSUMED']),
        no('P3Y', 'annual', 'B1', 'TERM_NOT_OFFERED', ['OFFERED_TERMS_ASSUMED']),
        no('P3Y', 'triennial', 'B1', 'TERM_NOT_OFFERED', ['OFFERED_TERMS_ASSUMED']),
      ],
    });
  });

  it('B1: offeredTerms that is not an array: INVALID_TYPE, field, message and received value', () => {
    const e = caught(() => eligibleTermChanges(p1mSub(), { now: p1mNow, offeredTerms: 'P3Y' as never }));
    expect([e.code, e.field, e.message, e.received]).toEqual([
      'INVALID_TYPE',
      'offeredTerms',
      'offeredTerms: expected an array of terms, got "P3Y"',
      'P3Y',
    ]);
  });
});

describe('B4 a change of term may lose the promotion', () => {
  it('every allowed target warns PROMOTION_MAY_BE_LOST when the subscription has a promotion', () => {
    const r = eligibleTermChanges(sub({ term: 'P1M', promotionId: 'P-42' }), { now, offeredTerms: ALL });
    expect(r.allowed).toHaveLength(5);
    for (const o of r.allowed) expect(o.warnings).toEqual(['PROMOTION_MAY_BE_LOST']);
    for (const o of eligibleTermChanges(sub({ term: 'P1M' }), { now, offeredTerms: ALL }).allowed)
      expect(o.warnings).toEqual([]);
  });
});

describe('C3, P7, TR8 and status block every term change', () => {
  it.each([
    [{ status: 'cancelled' }, 'C3', 'TERMINATED'],
    [{ status: 'deleted' }, 'P7', 'TERMINATED'],
    [{ trial: true }, 'TR8', 'TRIAL_PLAN_LOCKED'],
    [{ status: 'suspended' }, 'B3', 'NOT_ACTIVE'],
    [{ status: 'disabled' }, 'B3', 'NOT_ACTIVE'],
  ] as const)('%j → %s %s', (over, rule, reason) => {
    const r = eligibleTermChanges(sub({ term: 'P1M', ...over }), { now, offeredTerms: ALL });
    expect(r.allowed).toEqual([]);
    expect(r.refused).toHaveLength(5);
    for (const o of r.refused) expect(o).toMatchObject({ rule, reason });
  });

  // The P1M term 2024-01-15 … 2024-02-14 ends at 2024-02-15T00:00Z; its renewal may run 24 h.
  it.each([
    [{}, '2024-02-14T23:59:59.999Z', 'B3', 'IMMEDIATE', null],
    [{}, '2024-02-15T00:00:00.000Z', 'R4', 'RENEWAL_READ_ONLY', Date.parse('2024-02-16T00:00:00Z')],
    [{}, '2024-02-15T23:59:59.999Z', 'R4', 'RENEWAL_READ_ONLY', Date.parse('2024-02-16T00:00:00Z')],
    [{}, '2024-02-16T00:00:00.000Z', 'R2', 'TERM_ENDED', null],
    [{ autoRenew: false }, '2024-02-15T00:00:00.000Z', 'R5', 'TERM_ENDED', null],
    [{ status: 'suspended' }, '2024-02-15T00:00:00.000Z', 'P4', 'TERM_ENDED', null],
  ] as const)('R2 R4 R5 P4: %j at %s → %s %s', (over, instant, rule, reason, opensAt) => {
    const r = eligibleTermChanges(p1mSub(over), { now: instant, offeredTerms: ALL });
    const options = [...r.allowed, ...r.refused];
    expect(options).toHaveLength(5);
    for (const o of options) expect([o.rule, o.reason, o.allowed ? null : o.opensAt]).toEqual([rule, reason, opensAt]);
  });

  it('a billing longer than the term throws INCONSISTENT', () => {
    expect(() => eligibleTermChanges(sub({ term: 'P1M', billing: 'annual' }), { now })).toThrow(
      expect.objectContaining({ code: 'INCONSISTENT', field: 'billing' }),
    );
  });

  it('TR8: a trial refuses every target with TR8 TRIAL_PLAN_LOCKED, no warning even with a promotion', () => {
    const r = eligibleTermChanges(p1mSub({ trial: true, promotionId: 'P-1' }), {
      now: p1mNow,
      offeredTerms: ['P1M', 'P1Y', 'P3Y'],
    });
    expect(r.allowed).toEqual([]);
    expect(r.refused[0]).toEqual({
      allowed: false,
      rule: 'TR8',
      policyVersion: '2023-10-19',
      reason: 'TRIAL_PLAN_LOCKED',
      opensAt: null,
      // TR1: the trial's end (not given) is assumed 30 days after its start; the lock depends on it.
      assumptions: ['TRIAL_END_ASSUMED'],
      warnings: [],
      term: 'P1Y',
      billing: 'monthly',
      effective: 'immediate',
      effectiveAt: null,
    });
  });
});

const MONTHS: Record<Term | BillingFrequency, number> = {
  P1M: 1,
  P1Y: 12,
  P3Y: 36,
  monthly: 1,
  annual: 12,
  triennial: 36,
};
const arbPlan = fc.constantFrom<{ term: Term; billing: BillingFrequency }>(
  { term: 'P3Y', billing: 'monthly' },
  { term: 'P3Y', billing: 'annual' },
  { term: 'P3Y', billing: 'triennial' },
  { term: 'P1Y', billing: 'monthly' },
  { term: 'P1Y', billing: 'annual' },
  { term: 'P1M', billing: 'monthly' },
);
const arbStatus = fc.constantFrom<Status>(
  'active',
  'active',
  'pending',
  'suspended',
  'expired',
  'disabled',
  'deleted',
  'cancelled',
);

// B3 (catalogue): "Like B2, the table applies to new-commerce license-based subscriptions only
// (NO_PLAN_TABLE elsewhere)." MCS gives its term table for license-based subscriptions; for
// traditional ISV SaaS no source gives one.
describe('B3 the term table applies only where the policy says the sources give it', () => {
  it.each(['traditional-saas', 'nce-saas', 'nce-software', 'nce-perpetual', 'bss-software', 'softwareone'] as const)(
    'B3: %s P1M: every target refused NO_PLAN_TABLE under B3 (no table answer, no catalog assumption)',
    (program) => {
      const r = eligibleTermChanges(p1mSub({ program }), { now: p1mNow });
      expect(r.allowed).toEqual([]);
      expect(r.refused.map((o) => [o.term, o.billing, o.rule, o.reason, o.assumptions])).toEqual([
        ['P1Y', 'monthly', 'B3', 'NO_PLAN_TABLE', []],
        ['P1Y', 'annual', 'B3', 'NO_PLAN_TABLE', []],
        ['P3Y', 'monthly', 'B3', 'NO_PLAN_TABLE', []],
        ['P3Y', 'annual', 'B3', 'NO_PLAN_TABLE', []],
        ['P3Y', 'triennial', 'B3', 'NO_PLAN_TABLE', []],
      ]);
    },
  );
  it('B3: a policy that gives the program the table (planTables) applies it', () => {
    const policy = definePolicy({ programs: { 'traditional-saas': { planTables: true } } });
    const r = eligibleTermChanges(p1mSub({ program: 'traditional-saas' }), { now: p1mNow, policy, offeredTerms: ALL });
    expect(plans(r.allowed)).toEqual(['P1Y/monthly', 'P1Y/annual', 'P3Y/monthly', 'P3Y/annual', 'P3Y/triennial']);
  });
  it('B3: the default policy when none is given; a policy that is not a defined one is refused', () => {
    expect(eligibleTermChanges(p1mSub(), { now: p1mNow, policy: DEFAULT_POLICY })).toEqual(
      eligibleTermChanges(p1mSub(), { now: p1mNow }),
    );
    expect(caught(() => eligibleTermChanges(p1mSub(), { now: p1mNow, policy: {} as never })).field).toBe('policy');
  });
});
