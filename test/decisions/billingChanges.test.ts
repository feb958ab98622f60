import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BILLING_FREQUENCY_CHANGES,
  billingRow,
  eligibleBillingFrequencyChanges,
} from '../../src/decisions/billingChanges.js';
import { CspRulesError } from '../../src/core/errors.js';
import { type Subscription, type SubscriptionInput, toSubscription } from '../../src/snapshot/subscription.js';
import { daysInMonth } from '../../src/time/day.js';
import type { BillingFrequency, Term } from '../../src/time/term.js';
import { definePolicy } from '../../src/policy/policy.js';
import { caught } from '../support/caught.js';
import { at } from '../support/time.js';

const base: SubscriptionInput = {
  program: 'nce-license',
  term: 'P3Y',
  billing: 'monthly',
  quantity: 10,
  purchasedAt: '2024-01-31T10:00:00Z',
};
const sub = (over: Partial<SubscriptionInput> = {}): SubscriptionInput => ({ ...base, ...over });
/**
 * The rules before 2024-07-01 (the baseline's B2 cells, cycles and B5), for the triennial terms
 * asked from 2025-04-01 on: from then a triennial's billing can't change midterm at all
 * (TRIENNIAL_MIDTERM_LOCKED, asserted at its boundaries with the timeline's own tests).
 */
const BEFORE_2024_07 = definePolicy({ asOf: '2024-06-30T23:59:59.999Z' });
const targets = (list: readonly { billing: BillingFrequency; reason: string }[]) =>
  list.map((o) => [o.billing, o.reason]);

// 002 "Change only billing frequency (scheduled change)", Eligible changes — copied from the source.
const SOURCE_B2: readonly [string, string, string][] = [
  ['Triennial', 'Monthly', 'Yes (Monthly to Annual)'],
  ['Triennial', 'Triennial (Upfront)', 'None'],
  ['Triennial', 'Annual', 'Yes (Annual to Monthly)'],
  ['Annual', 'Annual (Upfront)', 'None'],
  ['Annual', 'Monthly', 'None'],
  ['Monthly', 'Monthly (Upfront)', 'None'],
];
const TERM_NAME: Record<Term, string> = { P1M: 'Monthly', P1Y: 'Annual', P3Y: 'Triennial' };
const BILLING_NAME: Record<BillingFrequency, string> = { monthly: 'Monthly', annual: 'Annual', triennial: 'Triennial' };

describe('B2 billing-frequency table (002 "Change only billing frequency")', () => {
  it('BILLING_FREQUENCY_CHANGES is the source table, row for row, cell for cell', () => {
    expect(BILLING_FREQUENCY_CHANGES).toHaveLength(SOURCE_B2.length);
    BILLING_FREQUENCY_CHANGES.forEach((row, i) => {
      const [term, billing, cell] = SOURCE_B2[i]!;
      expect(TERM_NAME[row.term]).toBe(term);
      expect(billing.startsWith(BILLING_NAME[row.billing])).toBe(true);
      expect(billing.endsWith('(Upfront)')).toBe(TERM_NAME[row.term] === BILLING_NAME[row.billing]);
      expect(row.cell).toBe(cell);
    });
    expect(BILLING_FREQUENCY_CHANGES.map((r) => r.accepted)).toEqual([['annual'], [], ['monthly'], [], [], []]);
  });

  // Mid-cycle instant (2024-02-10) of a term bought 2024-01-31, inside every term (the P1M one
  // ends 2024-02-28): every accepted change is allowed.
  const now = '2024-02-10T12:00:00Z';
  it.each([
    ['P3Y', 'monthly', ['annual'], [['triennial', 'UPFRONT_NOT_ALLOWED_MIDTERM']]],
    [
      'P3Y',
      'triennial',
      [],
      [
        ['monthly', 'CHANGE_NOT_ACCEPTED'],
        ['annual', 'CHANGE_NOT_ACCEPTED'],
      ],
    ],
    ['P3Y', 'annual', ['monthly'], [['triennial', 'UPFRONT_NOT_ALLOWED_MIDTERM']]],
    [
      'P1Y',
      'annual',
      [],
      [
        ['monthly', 'CHANGE_NOT_ACCEPTED'],
        ['triennial', 'NOT_A_PLAN'],
      ],
    ],
    [
      'P1Y',
      'monthly',
      [],
      [
        ['annual', 'UPFRONT_NOT_ALLOWED_MIDTERM'],
        ['triennial', 'NOT_A_PLAN'],
      ],
    ],
    [
      'P1M',
      'monthly',
      [],
      [
        ['annual', 'NOT_A_PLAN'],
        ['triennial', 'NOT_A_PLAN'],
      ],
    ],
  ] as const)('%s billed %s: allowed %j, refused %j', (term, billing, allowed, refused) => {
    const r = eligibleBillingFrequencyChanges(sub({ term, billing }), { now });
    // A P3Y billed annually has its next cycle on 2025-01-31, still inside the term.
    expect(r.allowed.map((o) => o.billing)).toEqual(allowed);
    expect(targets(r.refused)).toEqual(refused);
    for (const o of [...r.allowed, ...r.refused]) expect(o.term).toBe(term);
    for (const o of r.refused) expect(o.rule).toBe(o.reason === 'NOT_A_PLAN' ? 'B1' : 'B2');
  });

  it('an allowed change takes effect at 00:00Z of the next cycle, without resetting the term', () => {
    const r = eligibleBillingFrequencyChanges(sub(), { now: '2024-02-28T23:59:59.999Z' });
    expect(r.allowed).toEqual([
      {
        allowed: true,
        rule: 'B2',
        policyVersion: '2023-10-19',
        reason: 'NEXT_CYCLE',
        until: at('2024-02-29T00:00:00Z'),
        assumptions: [],
        warnings: [],
        term: 'P3Y',
        billing: 'annual',
        effective: 'next-cycle',
        effectiveAt: at('2024-02-29T00:00:00Z'),
      },
    ]);
    expect(r.refused[0]).toMatchObject({ billing: 'triennial', allowed: false, opensAt: null, effectiveAt: null });
  });

  it('Triennial billed annually: the next cycle is the next anniversary (Feb 29 start clamps to Feb 28)', () => {
    // Under the rules before the triennial lock (BEFORE_2024_07): its later cycles are asked in 2025 and 2026.
    const policy = BEFORE_2024_07;
    const s = sub({ billing: 'annual', purchasedAt: '2024-02-29T12:00:00Z' });
    const r = eligibleBillingFrequencyChanges(s, { now: '2025-02-27T23:59:59.999Z', policy });
    expect(r.allowed[0]).toMatchObject({
      billing: 'monthly',
      effectiveAt: at('2025-02-28T00:00:00Z'),
      until: at('2025-02-28T00:00:00Z'),
    });
    // Last year of the term: the next anniversary (2027-02-28) is after the term end (2027-02-27).
    const late = eligibleBillingFrequencyChanges(s, { now: '2026-03-01T00:00:00Z', policy });
    expect(late.allowed).toEqual([]);
    expect(late.refused.find((o) => o.billing === 'monthly')).toMatchObject({
      rule: 'B2',
      policyVersion: '2023-10-19',
      reason: 'NO_CYCLE_LEFT_IN_TERM',
      opensAt: null,
    });
  });

  it('no cycle left after the last monthly cycle of the term', () => {
    // Bought 2024-01-31, P3Y ends 2027-01-30; the last cycle starts 2026-12-31. Under the rules
    // before the triennial lock (BEFORE_2024_07).
    const policy = BEFORE_2024_07;
    expect(
      eligibleBillingFrequencyChanges(sub(), { now: '2026-12-30T23:59:59.999Z', policy }).allowed[0]?.effectiveAt,
    ).toBe(at('2026-12-31T00:00:00Z'));
    expect(eligibleBillingFrequencyChanges(sub(), { now: '2027-01-01T00:00:00Z', policy }).refused[0]?.reason).toBe(
      'NO_CYCLE_LEFT_IN_TERM',
    );
  });

  it('a cycle starting on the (custom) term end day still counts', () => {
    // Aligned term ending 2024-06-30; cycle 5 of a term from 2024-01-31 starts that day.
    const s = sub({ termEndDate: '2024-06-30' });
    expect(eligibleBillingFrequencyChanges(s, { now: '2024-06-10T00:00:00Z' }).allowed[0]?.effectiveAt).toBe(
      at('2024-06-30T00:00:00Z'),
    );
    // The last cycle day is the term end day itself: B5 on it, and from 00:00Z after it the
    // renewal runs (R4: read-only until its latest completion, 24 h later).
    expect(eligibleBillingFrequencyChanges(s, { now: '2024-06-30T23:59:59.999Z' }).refused[0]).toMatchObject({
      rule: 'B5',
      policyVersion: '2023-10-19',
      reason: 'CYCLE_CHARGE_IN_PROGRESS',
      opensAt: at('2024-07-01T00:00:00Z'),
    });
    expect(eligibleBillingFrequencyChanges(s, { now: '2024-07-01T00:00:00Z' }).refused[0]).toMatchObject({
      rule: 'R4',
      // 2024-07-01T00:00Z: the first instant of the rules of 2024-07-01.
      policyVersion: '2024-07-01',
      reason: 'RENEWAL_READ_ONLY',
      opensAt: at('2024-07-02T00:00:00Z'),
    });
  });

  it('switching to an upfront plan is never allowed midterm (property)', () => {
    fc.assert(
      fc.property(arbPlan, arbInstant, fc.integer({ min: 0, max: 1200 * 86_400_000 }), (plan, purchasedAt, offset) => {
        const r = eligibleBillingFrequencyChanges(sub({ ...plan, purchasedAt }), {
          now: Date.parse(purchasedAt) + offset,
        });
        for (const o of r.allowed) {
          expect(MONTHS[o.billing]).toBeLessThan(MONTHS[o.term]); // never upfront
          expect(o.term).toBe(plan.term); // the term is not changed
          expect(o.effectiveAt! % 86_400_000).toBe(0); // a cycle start, 00:00Z
          expect(o.effectiveAt!).toBeGreaterThan(Date.parse(purchasedAt) + offset);
        }
        // Exactly the source's "Yes" cells can ever be allowed.
        const yes =
          plan.term === 'P3Y' && plan.billing === 'monthly'
            ? ['annual']
            : plan.term === 'P3Y' && plan.billing === 'annual'
              ? ['monthly']
              : [];
        for (const o of r.allowed) expect(yes).toContain(o.billing);
        expect(r.allowed.length + r.refused.length).toBe(2);
      }),
    );
  });

  it('B2: the row of the plan, cell as written', () => {
    expect(billingRow(toSubscription(sub({ billing: 'annual' })))).toEqual({
      term: 'P3Y',
      billing: 'annual',
      accepted: ['monthly'],
      cell: 'Yes (Annual to Monthly)',
    });
  });
});

describe('B5 cycle charge: the next-charge instruction is read-only on the cycle-charge day', () => {
  it('boundaries to the millisecond around 2024-02-29 (cycle 1 of a term bought 2024-01-31)', () => {
    const cases: [string, string | null, number | null][] = [
      ['2024-02-28T23:59:59.999Z', 'NEXT_CYCLE', null],
      ['2024-02-29T00:00:00.000Z', 'CYCLE_CHARGE_IN_PROGRESS', at('2024-03-01T00:00:00Z')],
      ['2024-02-29T23:59:59.999Z', 'CYCLE_CHARGE_IN_PROGRESS', at('2024-03-01T00:00:00Z')],
      ['2024-03-01T00:00:00.000Z', 'NEXT_CYCLE', null],
    ];
    for (const [now, reason, opensAt] of cases) {
      const r = eligibleBillingFrequencyChanges(sub(), { now });
      const option = [...r.allowed, ...r.refused].find((o) => o.billing === 'annual')!;
      expect(option.reason).toBe(reason);
      if (!option.allowed) expect(option).toMatchObject({ rule: 'B5', opensAt });
    }
    expect(eligibleBillingFrequencyChanges(sub(), { now: '2024-03-01T00:00:00Z' }).allowed[0]?.effectiveAt).toBe(
      at('2024-03-31T00:00:00Z'),
    );
  });

  it('the purchase day (cycle 0) is not a cycle-charge day', () => {
    expect(eligibleBillingFrequencyChanges(sub(), { now: '2024-01-31T10:00:00Z' }).allowed[0]?.effectiveAt).toBe(
      at('2024-02-29T00:00:00Z'),
    );
  });

  it('on any monthly cycle day of a Triennial term, nothing is allowed (property)', () => {
    fc.assert(
      fc.property(
        arbInstant,
        fc.integer({ min: 1, max: 35 }),
        fc.integer({ min: 0, max: 86_399_999 }),
        (purchasedAt, k, ms) => {
          const c = new Date(purchasedAt);
          const y = c.getUTCFullYear() + Math.floor((c.getUTCMonth() + k) / 12);
          const m = (c.getUTCMonth() + k) % 12;
          const day = Math.min(c.getUTCDate(), daysInMonth(y, m + 1));
          const now = Date.UTC(y, m, day) + ms;
          // B5 as it stands under the rules before the triennial lock (cycle days up to 2033).
          const r = eligibleBillingFrequencyChanges(sub({ purchasedAt }), { now, policy: BEFORE_2024_07 });
          expect(r.allowed).toEqual([]);
          expect(r.refused.find((o) => o.billing === 'annual')).toMatchObject({
            rule: 'B5',
            policyVersion: '2023-10-19',
            reason: 'CYCLE_CHARGE_IN_PROGRESS',
            opensAt: Date.UTC(y, m, day + 1),
          });
        },
      ),
    );
  });
});

describe('B4 promotion warning and pending changes', () => {
  it('an allowed change warns PROMOTION_MAY_BE_LOST when a promotion is present; refused ones do not', () => {
    const r = eligibleBillingFrequencyChanges(sub({ promotionId: 'PROMO-1' }), { now: '2024-03-10T00:00:00Z' });
    expect(r.allowed[0]?.warnings).toEqual(['PROMOTION_MAY_BE_LOST']);
    expect(r.refused[0]?.warnings).toEqual([]);
    expect(eligibleBillingFrequencyChanges(sub(), { now: '2024-03-10T00:00:00Z' }).allowed[0]?.warnings).toEqual([]);
  });

  it('a change already pending for the next charge is flagged', () => {
    const r = eligibleBillingFrequencyChanges(sub({ nextChargeBilling: 'annual' }), { now: '2024-03-10T00:00:00Z' });
    expect(r.allowed[0]?.warnings).toEqual(['CHANGE_ALREADY_PENDING']);
  });

  it('B4: a promotion and the same change already pending: both warnings, promotion first', () => {
    // Bought 2024-01-31, monthly: cycle 2 starts 2024-03-31 (cycle 1 was 2024-02-29).
    const next = Date.parse('2024-03-31T00:00:00Z');
    expect(
      eligibleBillingFrequencyChanges(sub({ promotionId: 'P-1', nextChargeBilling: 'annual' }), {
        now: '2024-03-10T00:00:00Z',
      }),
    ).toEqual({
      allowed: [
        {
          allowed: true,
          rule: 'B2',
          policyVersion: '2023-10-19',
          reason: 'NEXT_CYCLE',
          until: next,
          assumptions: [],
          warnings: ['PROMOTION_MAY_BE_LOST', 'CHANGE_ALREADY_PENDING'],
          term: 'P3Y',
          billing: 'annual',
          effective: 'next-cycle',
          effectiveAt: next,
        },
      ],
      refused: [
        {
          allowed: false,
          rule: 'B2',
          policyVersion: '2023-10-19',
          reason: 'UPFRONT_NOT_ALLOWED_MIDTERM',
          opensAt: null,
          assumptions: [],
          warnings: [],
          term: 'P3Y',
          billing: 'triennial',
          effective: 'next-cycle',
          effectiveAt: null,
        },
      ],
    });
  });
});

describe('C3, P7, TR8 and status: every option refused with the blocking reason', () => {
  it.each([
    [{ status: 'cancelled' }, 'C3', 'TERMINATED'],
    [{ status: 'deleted' }, 'P7', 'TERMINATED'],
    [{ trial: true }, 'TR8', 'TRIAL_PLAN_LOCKED'],
    [{ status: 'suspended' }, 'B2', 'NOT_ACTIVE'],
    [{ status: 'expired' }, 'B2', 'NOT_ACTIVE'],
  ] as const)('%j → %s %s', (over, rule, reason) => {
    // Inside the trial's 30 days (TR1: 2024-01-31 to 2024-02-29) and the paid term alike.
    const r = eligibleBillingFrequencyChanges(sub(over), { now: '2024-02-10T00:00:00Z' });
    expect(r.allowed).toEqual([]);
    expect(r.refused.map((o) => [o.billing, o.rule, o.reason])).toEqual([
      ['annual', rule, reason],
      ['triennial', rule, reason],
    ]);
  });

  // The term of the P3Y bought 2024-01-31 ends 2027-01-30; the renewal day is 2027-01-31.
  it.each([
    [{ autoRenew: false }, '2027-01-31T00:00:00.000Z', 'R5', 'TERM_ENDED', null],
    [{}, '2027-01-31T00:00:00.000Z', 'R4', 'RENEWAL_READ_ONLY', at('2027-02-01T00:00:00Z')],
    [{}, '2027-01-31T23:59:59.999Z', 'R4', 'RENEWAL_READ_ONLY', at('2027-02-01T00:00:00Z')],
    [{}, '2027-02-01T00:00:00.000Z', 'R2', 'TERM_ENDED', null],
    [{ status: 'suspended' }, '2027-01-31T00:00:00.000Z', 'P4', 'TERM_ENDED', null],
  ] as const)('R2 R4 R5 P4: %j at %s → %s %s', (over, now, rule, reason, opensAt) => {
    const r = eligibleBillingFrequencyChanges(sub(over), { now });
    expect(r.allowed).toEqual([]);
    expect(r.refused.map((o) => [o.billing, o.rule, o.reason, o.allowed ? undefined : o.opensAt])).toEqual([
      ['annual', rule, reason, opensAt],
      ['triennial', rule, reason, opensAt],
    ]);
  });

  it('R4: the last instant of the term is still in it', () => {
    // Under the rules before the triennial lock (BEFORE_2024_07): the B2 cells answer, not R4 or R2.
    const r = eligibleBillingFrequencyChanges(sub(), { now: '2027-01-30T23:59:59.999Z', policy: BEFORE_2024_07 });
    expect(r.refused.map((o) => [o.billing, o.rule, o.reason])).toEqual([
      ['annual', 'B2', 'NO_CYCLE_LEFT_IN_TERM'],
      ['triennial', 'B2', 'UPFRONT_NOT_ALLOWED_MIDTERM'],
    ]);
  });
});

describe('B1 input validation', () => {
  it('a billing frequency longer than the term is not a plan: INCONSISTENT billing', () => {
    expect(() =>
      eligibleBillingFrequencyChanges(sub({ term: 'P1Y', billing: 'triennial' }), { now: '2024-03-10T00:00:00Z' }),
    ).toThrow(expect.objectContaining({ code: 'INCONSISTENT', field: 'billing' }));
  });
  it('now is required and must be an instant', () => {
    expect(() => eligibleBillingFrequencyChanges(sub(), {} as never)).toThrow(CspRulesError);
    expect(() => eligibleBillingFrequencyChanges(sub(), { now: '2024-03-10T00:00:00' })).toThrow(
      expect.objectContaining({ code: 'AMBIGUOUS_INSTANT', field: 'now' }),
    );
  });

  it('B1: a hand-built Subscription billing triennially on an annual term is no plan: INCONSISTENT billing, with both named', () => {
    const bad: Subscription = { ...toSubscription(sub({ term: 'P1Y' })), billing: 'triennial' };
    const e = caught(() => billingRow(bad));
    expect([e.code, e.field, e.message]).toEqual([
      'INCONSISTENT',
      'billing',
      'billing: billing triennial is longer than the term P1Y: not a plan (B1)',
    ]);
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
/** Purchase instants with month ends, Feb 29, year ends, UTC midnight and offsets +14:00 / -12:00. */
const arbInstant = fc
  .record({
    year: fc.integer({ min: 2019, max: 2030 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.oneof(fc.constantFrom(1, 28, 29, 30, 31), fc.integer({ min: 1, max: 31 })),
    hour: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 23 })),
    minute: fc.integer({ min: 0, max: 59 }),
    zone: fc.constantFrom('Z', '+14:00', '-12:00', '+05:30'),
  })
  .map(({ year, month, day, hour, minute, zone }) => {
    const d = Math.min(day, daysInMonth(year, month));
    const p = (n: number) => String(n).padStart(2, '0');
    return new Date(`${year}-${p(month)}-${p(d)}T${p(hour)}:${p(minute)}:00${zone}`).toISOString();
  });

// B5 (MCS "Applying changes"): from 00:00 UTC of the cycle-charge day "until it completes" the
// instruction is read-only; the sources give no bound for the completion (catalogue B2: "B5's
// read-only span is assumed to be the whole UTC day (CHARGE_COMPLETION_ASSUMED)").
describe('B5 the end of a cycle charge is an assumption: CHARGE_COMPLETION_ASSUMED', () => {
  it('B5: on the charge day 2024-02-29 the refusal opens at 2024-03-01T00:00Z, assumed, the whole option', () => {
    const r = eligibleBillingFrequencyChanges(sub(), { now: '2024-02-29T12:00:00Z' });
    expect(r.allowed).toEqual([]);
    expect(r.refused).toEqual([
      {
        allowed: false,
        rule: 'B5',
        policyVersion: '2023-10-19',
        reason: 'CYCLE_CHARGE_IN_PROGRESS',
        opensAt: at('2024-03-01T00:00:00Z'),
        assumptions: ['CHARGE_COMPLETION_ASSUMED'],
        warnings: [],
        term: 'P3Y',
        billing: 'annual',
        effective: 'next-cycle',
        effectiveAt: null,
      },
      {
        // B2: the upfront plan is refused whatever the day: nothing assumed.
        allowed: false,
        rule: 'B2',
        policyVersion: '2023-10-19',
        reason: 'UPFRONT_NOT_ALLOWED_MIDTERM',
        opensAt: null,
        assumptions: [],
        warnings: [],
        term: 'P3Y',
        billing: 'triennial',
        effective: 'next-cycle',
        effectiveAt: null,
      },
    ]);
  });
  it('B2 B5: from 2025-04-01 a triennial’s charge day answers the lock (no opening), not B5’s next-day opening', () => {
    // Bought 2024-01-31, monthly: cycle 15 starts 2025-04-30 (April has 30 days, T6). Under the
    // rules of 2025-04-01 the annual billing never opens midterm: nothing is promised for 2025-05-01.
    const r = eligibleBillingFrequencyChanges(sub(), { now: '2025-04-30T12:00:00Z' });
    expect(r.allowed).toEqual([]);
    expect(r.refused[0]).toEqual({
      allowed: false,
      rule: 'B2',
      policyVersion: '2025-04-01',
      reason: 'TRIENNIAL_MIDTERM_LOCKED',
      opensAt: null,
      assumptions: [],
      warnings: [],
      term: 'P3Y',
      billing: 'annual',
      effective: 'next-cycle',
      effectiveAt: null,
    });
  });
  it('B5: off the charge day nothing is assumed', () => {
    const r = eligibleBillingFrequencyChanges(sub(), { now: '2024-03-01T00:00:00Z' });
    expect([...r.allowed, ...r.refused].map((o) => o.assumptions)).toEqual([[], []]);
  });
});

// B2 (catalogue): "The table is MCS's for new-commerce license-based subscriptions; the sources give
// none for the other programs, whose billing changes are refused NO_PLAN_TABLE (policy planTables)."
describe('B2 the billing table applies only where the policy says the sources give it', () => {
  it.each(['nce-software', 'nce-perpetual', 'nce-saas', 'traditional-saas', 'bss-software', 'softwareone'] as const)(
    'B2: %s: every option refused NO_PLAN_TABLE under B2, never a table answer',
    (program) => {
      // C7/C16's returnable flag (not given here) bears on a cancellation only: not listed.
      const r = eligibleBillingFrequencyChanges(sub({ program }), { now: '2024-03-10T00:00:00Z' });
      expect(r.allowed).toEqual([]);
      expect(
        r.refused.map((o) => [o.billing, o.rule, o.reason, o.allowed ? 'allowed' : o.opensAt, o.assumptions]),
      ).toEqual([
        ['annual', 'B2', 'NO_PLAN_TABLE', null, []],
        ['triennial', 'B2', 'NO_PLAN_TABLE', null, []],
      ]);
    },
  );
  it('B2: a policy that gives a program the table (planTables) gets its answers; the state gates come first', () => {
    const policy = definePolicy({ programs: { 'nce-saas': { planTables: true } } });
    const saas = sub({ program: 'nce-saas' });
    expect(
      eligibleBillingFrequencyChanges(saas, { now: '2024-03-10T00:00:00Z', policy }).allowed.map((o) => o.billing),
    ).toEqual(['annual']);
    const cancelled = eligibleBillingFrequencyChanges(sub({ program: 'nce-saas', status: 'cancelled' }), {
      now: '2024-03-10T00:00:00Z',
    });
    expect(cancelled.refused.map((o) => [o.rule, o.reason])).toEqual([
      ['C3', 'TERMINATED'],
      ['C3', 'TERMINATED'],
    ]);
  });
  it('B2: the policy option must be a defined policy', () => {
    expect(
      caught(() => eligibleBillingFrequencyChanges(sub(), { now: '2024-03-10T00:00:00Z', policy: {} as never })).field,
    ).toBe('policy');
  });
});
