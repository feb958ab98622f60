import { describe, expect, it } from 'vitest';
import type { SubscriptionInput } from '../src/snapshot/subscription.js';
import { eligibleTermChanges, TERM_CHANGES, type TermChangeRow } from '../src/decisions/termChanges.js';
import { caught } from './support/caught.js';

// Mutation tests of termChanges.ts: whole options, whole errors.
const base: SubscriptionInput = {
  program: 'nce-license',
  term: 'P1M',
  billing: 'monthly',
  quantity: 3,
  purchasedAt: '2024-01-15T09:30:00Z', // P1M: term 2024-01-15 … 2024-02-14
};
const sub = (over: Partial<SubscriptionInput> = {}): SubscriptionInput => ({ ...base, ...over });
const now = '2024-01-20T00:00:00Z';
const NOW = Date.parse(now);

describe('B1 B3 B4 eligibleTermChanges, whole options', () => {
  it('B3 B4: P1M with a promotion, auto-renew off, all terms offered: five allowed, until the term end 2024-02-15T00:00Z', () => {
    // Term end day 2024-02-14 → exclusive end 00:00Z the next day.
    const until = Date.parse('2024-02-15T00:00:00Z');
    const ok = (term: string, billing: string) => ({
      allowed: true,
      rule: 'B3',
      reason: 'IMMEDIATE',
      until,
      assumptions: [],
      warnings: ['PROMOTION_MAY_BE_LOST'],
      term,
      billing,
      effective: 'immediate',
      effectiveAt: NOW,
    });
    expect(
      eligibleTermChanges(sub({ promotionId: 'P-1', autoRenew: false }), { now, offeredTerms: ['P3Y', 'P1Y'] }),
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

  it('B1 B3: P1Y monthly, default offered terms: one shorter term, three P3Y not offered (warned), nothing allowed', () => {
    const no = (term: string, billing: string, rule: string, reason: string, warnings: string[]) => ({
      allowed: false,
      rule,
      reason,
      opensAt: null,
      assumptions: [],
      warnings,
      term,
      billing,
      effective: 'immediate',
      effectiveAt: null,
    });
    expect(eligibleTermChanges(sub({ term: 'P1Y' }), { now })).toEqual({
      allowed: [],
      refused: [
        no('P1M', 'monthly', 'B3', 'TERM_NOT_LONGER', []),
        no('P3Y', 'monthly', 'B1', 'TERM_NOT_OFFERED', ['OFFERED_TERMS_DEFAULTED']),
        no('P3Y', 'annual', 'B1', 'TERM_NOT_OFFERED', ['OFFERED_TERMS_DEFAULTED']),
        no('P3Y', 'triennial', 'B1', 'TERM_NOT_OFFERED', ['OFFERED_TERMS_DEFAULTED']),
      ],
    });
  });

  it('TR8: a trial refuses every target with TR8 TRIAL_PLAN_LOCKED, no warning even with a promotion', () => {
    const r = eligibleTermChanges(sub({ trial: true, promotionId: 'P-1' }), {
      now,
      offeredTerms: ['P1M', 'P1Y', 'P3Y'],
    });
    expect(r.allowed).toEqual([]);
    expect(r.refused[0]).toEqual({
      allowed: false,
      rule: 'TR8',
      reason: 'TRIAL_PLAN_LOCKED',
      opensAt: null,
      assumptions: [],
      warnings: [],
      term: 'P1Y',
      billing: 'monthly',
      effective: 'immediate',
      effectiveAt: null,
    });
  });

  it('B1: offeredTerms that is not an array: INVALID_TYPE, field, message and received value', () => {
    const e = caught(() => eligibleTermChanges(sub(), { now, offeredTerms: 'P3Y' as never }));
    expect([e.code, e.field, e.message, e.received]).toEqual([
      'INVALID_TYPE',
      'offeredTerms',
      'offeredTerms: expected an array of terms, got "P3Y"',
      'P3Y',
    ]);
  });
});

describe('B3 the decision is read from TERM_CHANGES, cell by cell', () => {
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
